//! Cohorts: projects of one centre that go through the programme together. Dashboards and the
//! network report filter by them.
use crate::{Db, Result, now};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Cohort {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub created_at: i64,
    /// How many projects it holds.
    pub projects: i64,
}

const SELECT: &str = "SELECT c.id, c.centre_id, c.name, c.starts_on, c.ends_on, c.created_at, \
    (SELECT COUNT(*) FROM cohort_projects cp WHERE cp.cohort_id = c.id) AS projects FROM cohorts c";

pub struct CohortFields<'a> {
    pub name: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
}

/// A new cohort (`Duplicate` when the centre already has one of that name).
pub async fn create(db: &Db, centre_id: i64, f: &CohortFields<'_>) -> Result<i64> {
    let sql = "INSERT INTO cohorts (centre_id, name, starts_on, ends_on, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(f.name)
        .bind(f.starts_on)
        .bind(f.ends_on)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Renames or re-dates a cohort (`Duplicate` on a name already taken in its centre).
pub async fn update(db: &Db, id: i64, f: &CohortFields<'_>) -> Result<()> {
    let sql = "UPDATE cohorts SET name = $1, starts_on = $2, ends_on = $3 WHERE id = $4";
    on_db!(db, pool => sqlx::query(sql)
        .bind(f.name)
        .bind(f.starts_on)
        .bind(f.ends_on)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Cohort>> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// A centre's cohorts, the latest to start first.
pub async fn for_centre(db: &Db, centre_id: i64) -> Result<Vec<Cohort>> {
    let sql = format!("{SELECT} WHERE c.centre_id = $1 ORDER BY c.starts_on DESC, c.name");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// Every cohort of the network, by centre then start (for the network report's filter).
pub async fn all(db: &Db) -> Result<Vec<Cohort>> {
    let sql = format!("{SELECT} ORDER BY c.centre_id, c.starts_on DESC, c.name");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// The projects of a cohort.
pub async fn project_ids(db: &Db, cohort_id: i64) -> Result<Vec<i64>> {
    let sql = "SELECT project_id FROM cohort_projects WHERE cohort_id = $1 ORDER BY project_id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(cohort_id).fetch_all(pool).await?))
}

/// Which cohorts each project of a centre belongs to: (project, cohort id, cohort name).
pub async fn memberships(db: &Db, centre_id: i64) -> Result<Vec<(i64, i64, String)>> {
    let sql = "SELECT cp.project_id, c.id, c.name FROM cohort_projects cp JOIN cohorts c ON c.id = cp.cohort_id \
               WHERE c.centre_id = $1 ORDER BY c.starts_on DESC, c.name";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Puts a project in a cohort (nothing happens if it is there already). The caller checks that
/// both belong to the same centre.
pub async fn add_project(db: &Db, cohort_id: i64, project_id: i64) -> Result<()> {
    let sql = "INSERT INTO cohort_projects (cohort_id, project_id, added_at) VALUES ($1, $2, $3) \
               ON CONFLICT (cohort_id, project_id) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql).bind(cohort_id).bind(project_id).bind(now()).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn remove_project(db: &Db, cohort_id: i64, project_id: i64) -> Result<()> {
    let sql = "DELETE FROM cohort_projects WHERE cohort_id = $1 AND project_id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(cohort_id).bind(project_id).execute(pool).await?.rows_affected());
    Ok(())
}
