//! The year's review: next year's objectives (the network's or a centre's), the roadmap they
//! became, and the cohorts a year ran.
use crate::{Db, Result, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ObjectiveRow {
    pub id: i64,
    pub year: i64,
    pub label: String,
    pub figure: String,
    pub target: i64,
    pub unit: String,
    pub deadline: String,
}

/// The `figure` of the row that carries the roadmap made of a year's objectives (its `id`).
pub const ROADMAP_ROW: &str = "_roadmap";

/// The scope key of the network (a centre's is its id).
fn scope(centre: Option<i64>) -> i64 {
    centre.unwrap_or(0)
}

/// The objectives of `year` and of `year + 1` of the network (`None`) or a centre, and the
/// roadmap made of `year + 1`'s (a row whose figure is [`ROADMAP_ROW`]), in one statement.
pub async fn objectives(db: &Db, centre: Option<i64>, year: i64) -> Result<Vec<ObjectiveRow>> {
    let sql = "SELECT id, year, label, figure, target, unit, deadline FROM year_objectives \
         WHERE (($1 = 0 AND centre_id IS NULL) OR centre_id = $1) AND year IN ($2, $3) \
         UNION ALL SELECT roadmap_id, year, '', CAST($4 AS TEXT), CAST(0 AS BIGINT), '', '' FROM year_roadmaps WHERE scope = $1 AND year = $3 \
         ORDER BY 2, 7, 1";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(scope(centre))
        .bind(year)
        .bind(year + 1)
        .bind(ROADMAP_ROW)
        .fetch_all(pool)
        .await?))
}

#[derive(Debug, Clone)]
pub struct NewObjective<'a> {
    pub centre_id: Option<i64>,
    pub year: i64,
    pub label: &'a str,
    pub figure: &'a str,
    pub target: i64,
    pub unit: &'a str,
    pub deadline: &'a str,
    pub created_by: Option<i64>,
}

pub async fn add_objective(db: &Db, o: &NewObjective<'_>) -> Result<i64> {
    let sql = "INSERT INTO year_objectives (centre_id, year, label, figure, target, unit, deadline, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(o.centre_id)
        .bind(o.year)
        .bind(o.label)
        .bind(o.figure)
        .bind(o.target)
        .bind(o.unit)
        .bind(o.deadline)
        .bind(o.created_by)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Removes an objective of this scope. True when there was one.
pub async fn remove_objective(db: &Db, centre: Option<i64>, id: i64) -> Result<bool> {
    let sql = "DELETE FROM year_objectives WHERE id = $2 AND (($1 = 0 AND centre_id IS NULL) OR centre_id = $1)";
    let n = on_db!(db, pool => sqlx::query(sql).bind(scope(centre)).bind(id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// Records that `roadmap_id` is the roadmap of `year` for this scope, in the transaction that
/// created it: `Duplicate` when that year has one already (the transaction then rolls back).
pub async fn set_roadmap_in(
    tx: &mut Tx,
    centre: Option<i64>,
    year: i64,
    roadmap_id: i64,
) -> Result<()> {
    let sql =
        "INSERT INTO year_roadmaps (scope, year, roadmap_id, created_at) VALUES ($1, $2, $3, $4)";
    on_exec!(crate::Exec::Tx(tx), e => sqlx::query(sql)
        .bind(scope(centre))
        .bind(year)
        .bind(roadmap_id)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CohortLine {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub projects: i64,
    pub members: i64,
}

/// The cohorts running between two days (of one centre, or all), with their projects and
/// people, in one statement.
pub async fn cohorts(
    db: &Db,
    centre: Option<i64>,
    first_day: &str,
    last_day: &str,
) -> Result<Vec<CohortLine>> {
    let sql = "SELECT k.id, k.centre_id, k.name, k.starts_on, k.ends_on, \
         (SELECT COUNT(*) FROM cohort_projects p WHERE p.cohort_id = k.id) AS projects, \
         (SELECT COUNT(*) FROM cohort_members m WHERE m.cohort_id = k.id) AS members \
         FROM cohorts k WHERE ($1 = 0 OR k.centre_id = $1) AND k.starts_on <= $3 AND k.ends_on >= $2 \
         ORDER BY k.starts_on, k.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(scope(centre))
        .bind(first_day)
        .bind(last_day)
        .fetch_all(pool)
        .await?))
}
