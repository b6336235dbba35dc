//! Ambassadors: their referral code, the visits of their link, the accounts created through it
//! (whose paid orders are their payments), the leads and registrations their campaign brought
//! (read from the leads' own campaign), the network's tiers and the leaderboard switch.
use crate::{Db, Exec, Result, now};

/// The settings key of the leaderboard switch (`off` hides it; on by default).
pub const LEADERBOARD_KEY: &str = "ambassador_leaderboard";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Ambassador {
    pub user_id: i64,
    pub centre_id: i64,
    pub code: String,
    pub email: String,
    pub display_name: String,
}

const SELECT: &str = "SELECT a.user_id, a.centre_id, a.code, u.email, u.display_name \
     FROM ambassadors a JOIN users u ON u.id = a.user_id";

/// The ambassador record of a person, if they have one.
pub async fn find(db: &Db, user_id: i64) -> Result<Option<Ambassador>> {
    let sql = format!("{SELECT} WHERE a.user_id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).fetch_optional(pool).await?))
}

/// The ambassador whose code this is, while they still hold the ambassador role in its centre.
pub async fn by_code(db: &Db, code: &str) -> Result<Option<Ambassador>> {
    let sql = format!(
        "{SELECT} WHERE a.code = $1 AND EXISTS (SELECT 1 FROM memberships m \
         WHERE m.user_id = a.user_id AND m.centre_id = a.centre_id AND m.role = 'ambassador')"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(code).fetch_optional(pool).await?))
}

/// Gives a person their code for a centre. `Duplicate` when the code is taken (draw another);
/// a person who has one keeps it.
pub async fn create(db: &Db, user_id: i64, centre_id: i64, code: &str) -> Result<()> {
    let sql = "INSERT INTO ambassadors (user_id, centre_id, code, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql).bind(user_id).bind(centre_id).bind(code).bind(now())
        .execute(pool).await?.rows_affected());
    Ok(())
}

/// Counts a visit through an ambassador's link.
pub async fn record_visit(db: &Db, ambassador_id: i64) -> Result<()> {
    record_visit_at(db, ambassador_id, now()).await
}

/// Counts a visit made at `at` (the demo's history).
pub async fn record_visit_at(db: &Db, ambassador_id: i64, at: i64) -> Result<()> {
    let sql = "INSERT INTO referral_visits (ambassador_id, at) VALUES ($1, $2)";
    on_db!(db, pool => sqlx::query(sql).bind(ambassador_id).bind(at).execute(pool).await?.rows_affected());
    Ok(())
}

/// Attributes a new account to the ambassador whose campaign brought it (once; never to
/// themselves). True when it was attributed.
pub async fn record_signup<'e>(
    ex: impl Into<Exec<'e>>,
    user_id: i64,
    ambassador_id: i64,
) -> Result<bool> {
    if user_id == ambassador_id {
        return Ok(false);
    }
    let sql = "INSERT INTO referral_signups (user_id, ambassador_id, at) VALUES ($1, $2, $3) \
               ON CONFLICT (user_id) DO NOTHING";
    let n = on_exec!(ex.into(), e => sqlx::query(sql).bind(user_id).bind(ambassador_id).bind(now())
        .execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// One thing an ambassador brought: its kind (`visit`, `lead`, `signup`, `registration`,
/// `payment`), when, and the amount of a payment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Happened {
    pub kind: String,
    pub at: i64,
    pub cents: i64,
}

/// Everything an ambassador brought, in one statement: the visits of their link, the leads
/// and event registrations whose campaign is their code, the accounts created through it and
/// those accounts' paid orders.
pub async fn results(db: &Db, ambassador_id: i64, code: &str) -> Result<Vec<Happened>> {
    let sql = "SELECT 'visit' AS kind, at, CAST(0 AS BIGINT) AS cents FROM referral_visits WHERE ambassador_id = $1 \
         UNION ALL SELECT 'lead', created_at, CAST(0 AS BIGINT) FROM leads \
           WHERE utm_source = $3 AND utm_campaign = $2 \
         UNION ALL SELECT 'signup', at, CAST(0 AS BIGINT) FROM referral_signups WHERE ambassador_id = $1 \
         UNION ALL SELECT 'registration', r.created_at, CAST(0 AS BIGINT) FROM event_registrations r \
           JOIN leads l ON l.id = r.lead_id WHERE l.utm_source = $3 AND l.utm_campaign = $2 \
         UNION ALL SELECT 'payment', COALESCE(o.paid_at, o.created_at), o.amount_cents FROM orders o \
           JOIN referral_signups s ON s.user_id = o.user_id \
           WHERE s.ambassador_id = $1 AND o.status = 'paid'";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(ambassador_id)
        .bind(code)
        .bind(domain::ambassadors::SOURCE)
        .fetch_all(pool)
        .await?))
}

/// An ambassador's totals, for the leaderboard and the network's list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Standing {
    pub user_id: i64,
    pub display_name: String,
    pub centre_name: String,
    pub code: String,
    pub visits: i64,
    pub leads: i64,
    pub signups: i64,
    pub payments: i64,
    pub paid_cents: i64,
}

/// The current ambassadors (holding the role in their code's centre) by sign-ups then
/// payments, the first `limit`, in one statement.
pub async fn standings(db: &Db, limit: i64) -> Result<Vec<Standing>> {
    let sql = "SELECT a.user_id, u.display_name, c.name AS centre_name, a.code, \
         (SELECT COUNT(*) FROM referral_visits v WHERE v.ambassador_id = a.user_id) AS visits, \
         (SELECT COUNT(*) FROM leads l WHERE l.utm_source = $2 AND l.utm_campaign = a.code) AS leads, \
         (SELECT COUNT(*) FROM referral_signups s WHERE s.ambassador_id = a.user_id) AS signups, \
         (SELECT COUNT(*) FROM orders o JOIN referral_signups s ON s.user_id = o.user_id \
            WHERE s.ambassador_id = a.user_id AND o.status = 'paid') AS payments, \
         (SELECT COALESCE(CAST(SUM(o.amount_cents) AS BIGINT), 0) FROM orders o JOIN referral_signups s ON s.user_id = o.user_id \
            WHERE s.ambassador_id = a.user_id AND o.status = 'paid') AS paid_cents \
         FROM ambassadors a JOIN users u ON u.id = a.user_id JOIN centres c ON c.id = a.centre_id \
         WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = a.user_id \
           AND m.centre_id = a.centre_id AND m.role = 'ambassador') \
         ORDER BY signups DESC, payments DESC, u.display_name, a.user_id LIMIT $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(limit)
        .bind(domain::ambassadors::SOURCE)
        .fetch_all(pool)
        .await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TierRow {
    pub id: i64,
    pub name: String,
    pub metric: String,
    pub threshold: i64,
    pub reward: String,
}

/// The tiers, lowest threshold first.
pub async fn tiers(db: &Db) -> Result<Vec<TierRow>> {
    let sql =
        "SELECT id, name, metric, threshold, reward FROM ambassador_tiers ORDER BY threshold, id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// Adds a tier; `Duplicate` when its name is taken.
pub async fn add_tier(
    db: &Db,
    name: &str,
    metric: domain::ambassadors::Metric,
    threshold: i64,
    reward: &str,
) -> Result<i64> {
    let sql = "INSERT INTO ambassador_tiers (name, metric, threshold, reward, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(name)
        .bind(metric.code())
        .bind(threshold)
        .bind(reward)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Removes a tier. True when there was one.
pub async fn remove_tier(db: &Db, id: i64) -> Result<bool> {
    let sql = "DELETE FROM ambassador_tiers WHERE id = $1";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// Whether the network shows the leaderboard.
pub async fn leaderboard_on(db: &Db) -> Result<bool> {
    Ok(crate::settings::get(db, LEADERBOARD_KEY).await?.as_deref() != Some("off"))
}

pub async fn set_leaderboard(db: &Db, on: bool) -> Result<()> {
    crate::settings::set(db, LEADERBOARD_KEY, if on { "on" } else { "off" }).await
}
