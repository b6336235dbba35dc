//! Feedback after events (issue 17): the invitations sent, one answer per registration, the
//! NPS of every event of a centre for the trend, and the decision log.
use crate::{Db, Result, StoreError};

/// The registrations of an event to invite (holding seats, not yet invited): checked-in ones
/// when anybody was checked in, every registered one otherwise. Marks them invited.
pub async fn to_invite(db: &Db, event_id: i64, now: i64) -> Result<Vec<i64>> {
    let mut tx = db.begin().await?;
    let sql = "SELECT id, checked_in_at FROM event_registrations WHERE event_id = $1 \
               AND status = 'registered' AND confirmed_at IS NOT NULL AND surveyed_at IS NULL \
               ORDER BY id";
    let rows: Vec<(i64, Option<i64>)> = on_exec!(crate::Exec::Tx(&mut tx), e => sqlx::query_as(sql).bind(event_id).fetch_all(e).await?);
    let sql = "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND checked_in_at IS NOT NULL";
    let checked: i64 = on_exec!(crate::Exec::Tx(&mut tx), e => sqlx::query_scalar(sql).bind(event_id).fetch_one(e).await?);
    let ids: Vec<i64> = rows
        .into_iter()
        .filter(|(_, at)| checked == 0 || at.is_some())
        .map(|(id, _)| id)
        .collect();
    for id in &ids {
        let sql = "UPDATE event_registrations SET surveyed_at = $2 WHERE id = $1";
        on_exec!(crate::Exec::Tx(&mut tx), e => sqlx::query(sql).bind(id).bind(now).execute(e).await?.rows_affected());
    }
    tx.commit().await?;
    Ok(ids)
}

pub struct NewResponse<'a> {
    pub event_id: i64,
    pub registration_id: i64,
    pub survey: &'a str,
    pub version: i64,
    /// The answers as JSON.
    pub answers: &'a str,
    pub nps: Option<i64>,
}

/// Keeps an answer; `false` when this registration already answered.
pub async fn answer(db: &Db, r: &NewResponse<'_>, now: i64) -> Result<bool> {
    let sql = "INSERT INTO survey_responses (event_id, registration_id, survey, version, answers, \
               nps, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    let result = on_db!(db, pool => sqlx::query(sql)
        .bind(r.event_id)
        .bind(r.registration_id)
        .bind(r.survey)
        .bind(r.version)
        .bind(r.answers)
        .bind(r.nps)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
        .map_err(StoreError::from));
    match result {
        Ok(_) => Ok(true),
        Err(StoreError::Duplicate) => Ok(false),
        Err(e) => Err(e),
    }
}

pub async fn answered(db: &Db, registration_id: i64) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM survey_responses WHERE registration_id = $1";
    let n: i64 =
        on_db!(db, pool => sqlx::query_scalar(sql).bind(registration_id).fetch_one(pool).await?);
    Ok(n > 0)
}

/// The answers (JSON) of an event, oldest first, with their time.
pub async fn responses(db: &Db, event_id: i64) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT answers, created_at FROM survey_responses WHERE event_id = $1 ORDER BY id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(event_id).fetch_all(pool).await?))
}

/// One event in the trend: its answers and how many recommend or not.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Trend {
    pub event_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub answers: i64,
    pub promoters: i64,
    pub detractors: i64,
}

/// The NPS counts of every answered event of a centre (or of all, `None`), in date order.
pub async fn trend(db: &Db, centre: Option<i64>) -> Result<Vec<Trend>> {
    let sql = "SELECT e.id AS event_id, e.title, e.starts_at, COUNT(s.nps) AS answers, \
               COALESCE(CAST(SUM(CASE WHEN s.nps >= 9 THEN 1 ELSE 0 END) AS BIGINT), 0) AS promoters, \
               COALESCE(CAST(SUM(CASE WHEN s.nps <= 6 THEN 1 ELSE 0 END) AS BIGINT), 0) AS detractors \
               FROM events e JOIN survey_responses s ON s.event_id = e.id \
               WHERE ($1 = 0 OR e.centre_id = $1) \
               GROUP BY e.id, e.title, e.starts_at ORDER BY e.starts_at, e.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre.unwrap_or(0)).fetch_all(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Decision {
    pub id: i64,
    pub decision: String,
    pub because: String,
    pub author: Option<String>,
    pub created_at: i64,
}

pub async fn decisions(db: &Db, event_id: i64) -> Result<Vec<Decision>> {
    let sql = "SELECT d.id, d.decision, d.because, u.display_name AS author, d.created_at \
               FROM feedback_decisions d LEFT JOIN users u ON u.id = d.created_by \
               WHERE d.event_id = $1 ORDER BY d.created_at DESC, d.id DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(event_id).fetch_all(pool).await?))
}

pub async fn decide(
    db: &Db,
    event_id: i64,
    decision: &str,
    because: &str,
    user: i64,
    now: i64,
) -> Result<i64> {
    let sql = "INSERT INTO feedback_decisions (event_id, decision, because, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(event_id)
        .bind(decision)
        .bind(because)
        .bind(user)
        .bind(now)
        .fetch_one(pool)
        .await?))
}

/// The decision log of a cohort's results, newest first.
pub async fn cohort_decisions(db: &Db, cohort_id: i64) -> Result<Vec<Decision>> {
    let sql = "SELECT d.id, d.decision, d.because, u.display_name AS author, d.created_at \
               FROM cohort_decisions d LEFT JOIN users u ON u.id = d.created_by \
               WHERE d.cohort_id = $1 ORDER BY d.created_at DESC, d.id DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(cohort_id).fetch_all(pool).await?))
}

/// Records what the staff changed because of a cohort's feedback.
pub async fn cohort_decide(
    db: &Db,
    cohort_id: i64,
    decision: &str,
    because: &str,
    user: i64,
    now: i64,
) -> Result<i64> {
    let sql = "INSERT INTO cohort_decisions (cohort_id, decision, because, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(cohort_id)
        .bind(decision)
        .bind(because)
        .bind(user)
        .bind(now)
        .fetch_one(pool)
        .await?))
}
