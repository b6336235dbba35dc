//! A centre's team: the processes of its responsibility matrix (RACI) and who holds which
//! letter, its volunteers (from the CRM's contacts when known there), their hours (in minutes)
//! and the hourly value the centre gives their time.
use crate::{Db, Exec, Result, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Process {
    pub id: i64,
    pub name: String,
}

/// A centre's processes, in their order.
pub async fn processes(db: &Db, centre_id: i64) -> Result<Vec<Process>> {
    let sql =
        "SELECT id, name FROM raci_processes WHERE centre_id = $1 ORDER BY position, id LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Every letter of the centre's matrix: (process, person, letter).
pub async fn assignments(db: &Db, centre_id: i64) -> Result<Vec<(i64, i64, String)>> {
    let sql = "SELECT a.process_id, a.user_id, a.letter FROM raci_assignments a \
               JOIN raci_processes p ON p.id = a.process_id WHERE p.centre_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Adds a process at the end, with its row (the caller checked it); `Duplicate` when the
/// centre lists one of that name.
pub async fn add_process_in(
    tx: &mut Tx,
    centre_id: i64,
    name: &str,
    row: &[(i64, &str)],
) -> Result<i64> {
    let sql = "INSERT INTO raci_processes (centre_id, name, position, created_at) VALUES ($1, $2, \
               (SELECT COALESCE(MAX(position), 0) + 1 FROM raci_processes WHERE centre_id = $1), $3) RETURNING id";
    let id: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql).bind(centre_id).bind(name).bind(now()).fetch_one(e).await?);
    set_row_in(tx, id, row).await?;
    Ok(id)
}

/// Replaces a process's row of letters.
pub async fn set_row_in(tx: &mut Tx, process_id: i64, row: &[(i64, &str)]) -> Result<()> {
    let sql = "DELETE FROM raci_assignments WHERE process_id = $1";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(process_id).execute(e).await?.rows_affected());
    for (user_id, letter) in row {
        let sql = "INSERT INTO raci_assignments (process_id, user_id, letter) VALUES ($1, $2, $3)";
        on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(process_id).bind(user_id).bind(letter).execute(e).await?.rows_affected());
    }
    Ok(())
}

/// Takes a process off the matrix; false when the centre has no such process.
pub async fn remove_process(db: &Db, centre_id: i64, id: i64) -> Result<bool> {
    let sql = "DELETE FROM raci_processes WHERE id = $1 AND centre_id = $2";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// A volunteer with their logged time.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Volunteer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub contact_id: Option<i64>,
    pub minutes: i64,
}

/// A centre's volunteers with their total time, by name, in one statement.
pub async fn volunteers(db: &Db, centre_id: i64) -> Result<Vec<Volunteer>> {
    let sql = "SELECT v.id, v.name, v.email, v.contact_id, \
               CAST(COALESCE(SUM(h.minutes), 0) AS BIGINT) AS minutes FROM volunteers v \
               LEFT JOIN volunteer_hours h ON h.volunteer_id = v.id \
               WHERE v.centre_id = $1 GROUP BY v.id, v.name, v.email, v.contact_id \
               ORDER BY v.name, v.id LIMIT 1000";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Adds a volunteer; `Duplicate` when the centre has one of that name.
pub async fn add_volunteer(
    db: &Db,
    centre_id: i64,
    name: &str,
    email: &str,
    contact_id: Option<i64>,
) -> Result<i64> {
    let sql = "INSERT INTO volunteers (centre_id, contact_id, name, email, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(contact_id)
        .bind(name)
        .bind(email)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// The centre's contacts a volunteer can be taken from: (id, name, e-mail).
pub async fn contacts(db: &Db, centre_id: i64) -> Result<Vec<(i64, String, String)>> {
    let sql = "SELECT id, name, COALESCE(email, '') FROM contacts WHERE centre_id = $1 \
               ORDER BY name, id LIMIT 500";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// A logged stretch of volunteer time.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hours {
    pub id: i64,
    pub volunteer_id: i64,
    pub volunteer: String,
    pub worked_on: String,
    pub minutes: i64,
    pub activity: String,
}

/// The centre's logged time of one year (`YYYY`), newest first.
pub async fn hours(db: &Db, centre_id: i64, year: &str) -> Result<Vec<Hours>> {
    let sql = "SELECT h.id, h.volunteer_id, v.name AS volunteer, h.worked_on, h.minutes, h.activity \
               FROM volunteer_hours h JOIN volunteers v ON v.id = h.volunteer_id \
               WHERE h.centre_id = $1 AND h.worked_on >= $2 AND h.worked_on <= $3 \
               ORDER BY h.worked_on DESC, h.id DESC LIMIT 5000";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre_id)
        .bind(format!("{year}-01-01"))
        .bind(format!("{year}-12-31"))
        .fetch_all(pool)
        .await?))
}

/// The total minutes of the centre's volunteers in a year (`YYYY`).
pub async fn year_minutes<'e>(ex: impl Into<Exec<'e>>, centre_id: i64, year: &str) -> Result<i64> {
    let sql = "SELECT CAST(COALESCE(SUM(minutes), 0) AS BIGINT) FROM volunteer_hours \
               WHERE centre_id = $1 AND worked_on >= $2 AND worked_on <= $3";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(format!("{year}-01-01"))
        .bind(format!("{year}-12-31"))
        .fetch_one(e)
        .await?))
}

/// Logs time for a volunteer of the centre, unless the day would then hold more than
/// `max_minutes` for them: `Ok(None)` then, nothing stored. The day's total is read under the
/// transaction's lock on the volunteer's row.
pub async fn log_hours_in(
    tx: &mut Tx,
    centre_id: i64,
    volunteer_id: i64,
    worked_on: &str,
    minutes: i64,
    activity: &str,
    max_minutes: i64,
) -> Result<Option<i64>> {
    // Lock the volunteer (PostgreSQL; SQLite's transaction holds the writers' turn).
    let sql = "UPDATE volunteers SET name = name WHERE id = $1 AND centre_id = $2";
    let found = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(volunteer_id).bind(centre_id).execute(e).await?.rows_affected());
    if found == 0 {
        return Err(crate::StoreError::NotFound);
    }
    let sql = "SELECT CAST(COALESCE(SUM(minutes), 0) AS BIGINT) FROM volunteer_hours WHERE volunteer_id = $1 AND worked_on = $2";
    let logged: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql).bind(volunteer_id).bind(worked_on).fetch_one(e).await?);
    if logged + minutes > max_minutes {
        return Ok(None);
    }
    let sql = "INSERT INTO volunteer_hours (volunteer_id, centre_id, worked_on, minutes, activity, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    Ok(Some(
        on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(volunteer_id)
        .bind(centre_id)
        .bind(worked_on)
        .bind(minutes)
        .bind(activity)
        .bind(now())
        .fetch_one(e)
        .await?),
    ))
}

/// The hourly value the centre gives volunteer time, if it set one.
pub async fn rate<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Option<i64>> {
    let sql = "SELECT rate_cents FROM volunteer_rates WHERE centre_id = $1";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql).bind(centre_id).fetch_optional(e).await?))
}

pub async fn set_rate(db: &Db, centre_id: i64, rate_cents: i64) -> Result<()> {
    let sql = "INSERT INTO volunteer_rates (centre_id, rate_cents) VALUES ($1, $2) \
               ON CONFLICT (centre_id) DO UPDATE SET rate_cents = excluded.rate_cents";
    on_db!(db, pool => sqlx::query(sql).bind(centre_id).bind(rate_cents).execute(pool).await?.rows_affected());
    Ok(())
}
