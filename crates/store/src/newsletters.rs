//! Newsletters of a centre: written as drafts, sent now or at a set time to a segment (its
//! consenting leads, its members, or both), one delivery per address (the unique key makes a
//! second run send nothing), each claimed before it goes out, and the withdrawals of consent
//! made from their links.
use crate::{Db, Exec, Result};
use domain::newsletter::Segment;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Newsletter {
    pub id: i64,
    pub centre_id: i64,
    pub subject: String,
    pub body: String,
    pub segment: String,
    /// `draft`, `scheduled`, `sending` or `sent`.
    pub status: String,
    pub send_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent: i64,
    pub failed: i64,
    pub waiting: i64,
}

impl Newsletter {
    /// Still to be written on: a draft, or scheduled and not begun.
    pub fn editable(&self) -> bool {
        self.status == "draft" || self.status == "scheduled"
    }
}

const SELECT: &str = "SELECT n.id, n.centre_id, n.subject, n.body, n.segment, n.status, n.send_at, \
     n.created_at, n.updated_at, \
     (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.newsletter_id = n.id AND d.status = 'sent') AS sent, \
     (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.newsletter_id = n.id AND d.status = 'failed') AS failed, \
     (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.newsletter_id = n.id AND d.status IN ('queued', 'sending')) AS waiting \
     FROM newsletters n";

/// What the author writes.
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    pub subject: &'a str,
    pub body: &'a str,
    pub segment: Segment,
    /// `draft` or `scheduled` (sending now is scheduled at now).
    pub status: &'a str,
    pub send_at: Option<i64>,
}

pub async fn create<'e>(
    ex: impl Into<Exec<'e>>,
    centre: i64,
    f: &Fields<'_>,
    by: i64,
    now: i64,
) -> Result<i64> {
    let sql = "INSERT INTO newsletters (centre_id, subject, body, segment, status, send_at, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre)
        .bind(f.subject)
        .bind(f.body)
        .bind(f.segment.code())
        .bind(f.status)
        .bind(f.send_at)
        .bind(by)
        .bind(now)
        .fetch_one(e)
        .await?))
}

/// Rewrites a newsletter not begun; `false` once it is sending or sent.
pub async fn update<'e>(
    ex: impl Into<Exec<'e>>,
    id: i64,
    f: &Fields<'_>,
    now: i64,
) -> Result<bool> {
    let sql = "UPDATE newsletters SET subject = $2, body = $3, segment = $4, status = $5, send_at = $6, updated_at = $7 \
               WHERE id = $1 AND status IN ('draft', 'scheduled')";
    Ok(on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(id)
        .bind(f.subject)
        .bind(f.body)
        .bind(f.segment.code())
        .bind(f.status)
        .bind(f.send_at)
        .bind(now)
        .execute(e)
        .await?
        .rows_affected())
        > 0)
}

pub async fn for_centre(db: &Db, centre: i64) -> Result<Vec<Newsletter>> {
    let sql = format!("{SELECT} WHERE n.centre_id = $1 ORDER BY n.created_at DESC, n.id DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre).fetch_all(pool).await?))
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Newsletter>> {
    let sql = format!("{SELECT} WHERE n.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The address has not withdrawn from the centre's newsletters (`$3` the centre, `{email}` the
/// address's column).
fn not_withdrawn(email: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM newsletter_optouts o WHERE o.centre_id = $3 AND o.email = {email})"
    )
}

/// A scheduled newsletter whose time has come begins: it is marked as sending and one delivery
/// is written per address of its segment, in one transaction. `false` when it was not due or
/// had begun already (so a job run twice begins it once).
pub async fn begin(db: &Db, id: i64, now: i64) -> Result<bool> {
    let Some(n) = find(db, id).await? else {
        return Ok(false);
    };
    let segment = Segment::parse(&n.segment).unwrap_or(Segment::Leads);
    let mut tx = db.begin().await?;
    let sql = "UPDATE newsletters SET status = 'sending', updated_at = $2 \
               WHERE id = $1 AND status = 'scheduled' AND send_at <= $2";
    let begun = on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
        .bind(id)
        .bind(now)
        .execute(e)
        .await?
        .rows_affected());
    if begun == 0 {
        return Ok(false);
    }
    let mut parts = Vec::new();
    if segment.leads() {
        parts.push(format!(
            "INSERT INTO newsletter_deliveries (newsletter_id, email, name, locale, status, at) \
             SELECT $1, l.email, l.name, l.locale, 'queued', $2 FROM leads l \
             WHERE l.centre_id = $3 AND l.confirmed_at IS NOT NULL AND l.newsletter_consent_at IS NOT NULL \
             AND (l.newsletter_unsubscribed_at IS NULL OR l.newsletter_consent_at > l.newsletter_unsubscribed_at) \
             AND {} ON CONFLICT (newsletter_id, email) DO NOTHING",
            not_withdrawn("l.email")
        ));
    }
    if segment.members() {
        parts.push(format!(
            "INSERT INTO newsletter_deliveries (newsletter_id, email, name, locale, status, at) \
             SELECT $1, u.email, u.display_name, u.locale, 'queued', $2 FROM users u \
             WHERE u.deleted_at IS NULL AND u.email_verified_at IS NOT NULL \
             AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.centre_id = $3) \
             AND {} ON CONFLICT (newsletter_id, email) DO NOTHING",
            not_withdrawn("u.email")
        ));
    }
    for sql in parts {
        on_exec!(Exec::from(&mut tx), e => sqlx::query(&sql)
            .bind(id)
            .bind(now)
            .bind(n.centre_id)
            .execute(e)
            .await?
            .rows_affected());
    }
    tx.commit().await?;
    Ok(true)
}

/// A delivery waiting to go out.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Delivery {
    pub id: i64,
    pub newsletter_id: i64,
    pub email: String,
    pub name: String,
    pub locale: String,
}

/// The next deliveries waiting, oldest first.
pub async fn waiting(db: &Db, newsletter: i64, limit: i64) -> Result<Vec<Delivery>> {
    let sql = "SELECT id, newsletter_id, email, name, locale FROM newsletter_deliveries \
               WHERE newsletter_id = $1 AND status = 'queued' ORDER BY id LIMIT $2";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(newsletter).bind(limit).fetch_all(pool).await?))
}

/// How many deliveries went out (or were tried) since `since`, every newsletter together: the
/// rate is the sending server's.
pub async fn tried_since(db: &Db, since: i64) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM newsletter_deliveries \
               WHERE status IN ('sending', 'sent', 'failed') AND at >= $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(since).fetch_one(pool).await?))
}

/// Takes a delivery before sending it: `true` for the one run that may send it.
pub async fn claim(db: &Db, delivery: i64, now: i64) -> Result<bool> {
    let sql = "UPDATE newsletter_deliveries SET status = 'sending', at = $2 WHERE id = $1 AND status = 'queued'";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(delivery).bind(now).execute(pool).await?.rows_affected())
            > 0,
    )
}

/// What became of a claimed delivery: sent, or refused (`error` the server's answer).
pub async fn finish(db: &Db, delivery: i64, error: Option<&str>) -> Result<()> {
    let sql = "UPDATE newsletter_deliveries SET status = $2, error = $3 WHERE id = $1 AND status = 'sending'";
    let status = if error.is_some() { "failed" } else { "sent" };
    on_db!(db, pool => sqlx::query(sql)
        .bind(delivery)
        .bind(status)
        .bind(error.unwrap_or(""))
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// Marks a newsletter sent once nothing waits; `true` when it is.
pub async fn close(db: &Db, id: i64, now: i64) -> Result<bool> {
    let sql = "UPDATE newsletters SET status = 'sent', updated_at = $2 WHERE id = $1 AND status = 'sending' \
               AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.newsletter_id = $1 AND d.status = 'queued')";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(id).bind(now).execute(pool).await?.rows_affected())
            > 0,
    )
}

/// The address and centre of a delivery (for its unsubscribe link).
pub async fn delivery_owner(db: &Db, delivery: i64) -> Result<Option<(String, i64)>> {
    let sql = "SELECT d.email, n.centre_id FROM newsletter_deliveries d \
               JOIN newsletters n ON n.id = d.newsletter_id WHERE d.id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(delivery).fetch_optional(pool).await?))
}

/// The address withdraws from the centre's newsletters: recorded for members and leads alike,
/// and on the lead's own consent.
pub async fn withdraw(db: &Db, centre: i64, email: &str, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    let optout = "INSERT INTO newsletter_optouts (centre_id, email, at) VALUES ($1, $2, $3) \
                  ON CONFLICT (centre_id, email) DO NOTHING";
    let lead = "UPDATE leads SET newsletter_unsubscribed_at = $3, updated_at = $3 \
                WHERE centre_id = $1 AND email = $2 AND newsletter_consent_at IS NOT NULL \
                AND (newsletter_unsubscribed_at IS NULL OR newsletter_unsubscribed_at < newsletter_consent_at)";
    for sql in [optout, lead] {
        on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
            .bind(centre)
            .bind(email)
            .bind(now)
            .execute(e)
            .await?
            .rows_affected());
    }
    tx.commit().await?;
    Ok(())
}

/// Whether the address withdrew from the centre's newsletters.
pub async fn withdrawn(db: &Db, centre: i64, email: &str) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM newsletter_optouts WHERE centre_id = $1 AND email = $2";
    let n: i64 =
        on_db!(db, pool => sqlx::query_scalar(sql).bind(centre).bind(email).fetch_one(pool).await?);
    Ok(n > 0)
}
