//! Partners (migration 0035): the network's selection grid, the organisations of the CRM it
//! weighs on it (scores, notes, status), the agreement with each and what each brings. The
//! grade itself is `domain::partners::grade`, computed from the scores read here.
use crate::{Db, Exec, Result, StoreError, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Criterion {
    pub id: i64,
    pub name: String,
    pub weight: i64,
}

/// A partner with its organisation, as the list and its page show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Partner {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub org_kind: String,
    pub website: String,
    pub centre: String,
    pub status: String,
    pub notes: String,
    pub agreement_title: String,
    pub agreement_signed_on: String,
    pub agreement_ends_on: String,
    /// What its contributions amount to in a year (cents).
    pub amount_cents: i64,
    /// How many contributions it brings.
    pub contributions: i64,
}

/// One score: a partner, a criterion and the score given (0 to 5).
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Score {
    pub partner_id: i64,
    pub criterion_id: i64,
    pub score: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Contribution {
    pub id: i64,
    pub kind: String,
    pub label: String,
    pub amount_cents: i64,
}

/// The grid, the heaviest criteria first.
pub async fn criteria(db: &Db) -> Result<Vec<Criterion>> {
    let sql = "SELECT id, name, weight FROM partner_criteria ORDER BY weight DESC, name, id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// Adds a criterion; `Duplicate` when its name is taken.
pub async fn add_criterion(db: &Db, name: &str, weight: i64) -> Result<i64> {
    let sql =
        "INSERT INTO partner_criteria (name, weight, created_at) VALUES ($1, $2, $3) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(name)
        .bind(weight)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Removes a criterion and the scores given on it. True when there was one.
pub async fn remove_criterion(db: &Db, id: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let sql = "DELETE FROM partner_scores WHERE criterion_id = $1";
    on_exec!(Exec::from(&mut tx), e => sqlx::query(sql).bind(id).execute(e).await?.rows_affected());
    let sql = "DELETE FROM partner_criteria WHERE id = $1";
    let n = on_exec!(Exec::from(&mut tx), e => sqlx::query(sql).bind(id).execute(e).await?.rows_affected());
    tx.commit().await?;
    Ok(n == 1)
}

const PARTNER_COLUMNS: &str = "p.id, p.organisation_id, o.name AS organisation, o.kind AS org_kind, \
     o.website, c.name AS centre, p.status, p.notes, p.agreement_title, p.agreement_signed_on, \
     p.agreement_ends_on, \
     CAST(COALESCE((SELECT SUM(t.amount_cents) FROM partner_contributions t WHERE t.partner_id = p.id), 0) AS BIGINT) AS amount_cents, \
     (SELECT COUNT(*) FROM partner_contributions t WHERE t.partner_id = p.id) AS contributions \
     FROM partners p JOIN organisations o ON o.id = p.organisation_id JOIN centres c ON c.id = o.centre_id";

/// Every organisation weighed, in the order they were added (the page ranks them by grade).
pub async fn list(db: &Db) -> Result<Vec<Partner>> {
    let sql = format!("SELECT {PARTNER_COLUMNS} ORDER BY p.id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Partner>> {
    let sql = format!("SELECT {PARTNER_COLUMNS} WHERE p.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The scores of one partner (`Some`) or of every partner.
pub async fn scores(db: &Db, partner: Option<i64>) -> Result<Vec<Score>> {
    let sql = "SELECT partner_id, criterion_id, score FROM partner_scores \
               WHERE CAST($1 AS BIGINT) IS NULL OR partner_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(partner).fetch_all(pool).await?))
}

/// The organisations of the network's CRM not weighed yet, `Name · Centre`, by name.
pub async fn candidates(db: &Db) -> Result<Vec<(i64, String, String)>> {
    let sql = "SELECT o.id, o.name, c.name FROM organisations o JOIN centres c ON c.id = o.centre_id \
               WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.organisation_id = o.id) \
               ORDER BY o.name, o.id LIMIT 1000";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// Puts an organisation on the grid as a candidate; `Duplicate` when it already is, `NotFound`
/// when there is no such organisation.
pub async fn add(db: &Db, organisation_id: i64) -> Result<i64> {
    let sql = "INSERT INTO partners (organisation_id, created_at, updated_at) \
               SELECT id, CAST($2 AS BIGINT), CAST($2 AS BIGINT) FROM organisations WHERE id = $1 RETURNING id";
    let id: Option<i64> = on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(organisation_id)
        .bind(now())
        .fetch_optional(pool)
        .await?);
    id.ok_or(StoreError::NotFound)
}

/// A partner's assessment: its status, notes and the scores given (`None`: not scored, so any
/// earlier score on that criterion is taken off), in one transaction. False when there is no
/// such partner. Scores are kept only for the criteria that exist.
pub async fn save_assessment(
    db: &Db,
    id: i64,
    status: &str,
    notes: &str,
    scores: &[(i64, Option<i64>)],
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE partners SET status = $2, notes = $3, updated_at = $4 WHERE id = $1";
    let n = on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
        .bind(id)
        .bind(status)
        .bind(notes)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    if n == 0 {
        return Ok(false);
    }
    let sql = "DELETE FROM partner_scores WHERE partner_id = $1";
    on_exec!(Exec::from(&mut tx), e => sqlx::query(sql).bind(id).execute(e).await?.rows_affected());
    let sql = "INSERT INTO partner_scores (partner_id, criterion_id, score) \
               SELECT CAST($1 AS BIGINT), id, CAST($3 AS BIGINT) FROM partner_criteria WHERE id = $2";
    for (criterion, score) in scores {
        if let Some(score) = score {
            on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
                .bind(id)
                .bind(criterion)
                .bind(score)
                .execute(e)
                .await?
                .rows_affected());
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// The agreement signed with a partner (dates YYYY-MM-DD or empty). False when there is no
/// such partner.
pub async fn save_agreement(
    db: &Db,
    id: i64,
    title: &str,
    signed_on: &str,
    ends_on: &str,
) -> Result<bool> {
    let sql = "UPDATE partners SET agreement_title = $2, agreement_signed_on = $3, \
               agreement_ends_on = $4, updated_at = $5 WHERE id = $1";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(title)
        .bind(signed_on)
        .bind(ends_on)
        .bind(now())
        .execute(pool)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// What a partner brings, the largest amounts first.
pub async fn contributions(db: &Db, partner_id: i64) -> Result<Vec<Contribution>> {
    let sql = "SELECT id, kind, label, amount_cents FROM partner_contributions \
               WHERE partner_id = $1 ORDER BY amount_cents DESC, id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(partner_id).fetch_all(pool).await?))
}

pub async fn add_contribution(
    db: &Db,
    partner_id: i64,
    kind: &str,
    label: &str,
    amount_cents: i64,
) -> Result<i64> {
    let sql = "INSERT INTO partner_contributions (partner_id, kind, label, amount_cents, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(partner_id)
        .bind(kind)
        .bind(label)
        .bind(amount_cents)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Removes one of a partner's contributions. True when there was one.
pub async fn remove_contribution(db: &Db, partner_id: i64, id: i64) -> Result<bool> {
    let sql = "DELETE FROM partner_contributions WHERE id = $1 AND partner_id = $2";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(partner_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}
