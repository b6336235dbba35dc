//! Learning paths as their authors write them (title, description, self-paced or a cohort's,
//! the courses in order with their prerequisite and release date) and as readers find them:
//! a cohort's path is its members' (and its authors') only.
use crate::{Db, Result, Tx};

/// A path with what a reader's access depends on, in one statement: its cohort's name and
/// centre, and whether the reader is in that cohort.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PathForReader {
    pub id: i64,
    pub centre_id: Option<i64>,
    pub cohort_id: Option<i64>,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub created_at: i64,
    pub cohort_name: Option<String>,
    pub cohort_centre: Option<i64>,
    pub member: i64,
}

pub async fn for_reader(db: &Db, id: i64, user_id: i64) -> Result<Option<PathForReader>> {
    let sql = "SELECT p.id, p.centre_id, p.cohort_id, p.title, p.summary, p.status, p.created_at, \
               co.name AS cohort_name, co.centre_id AS cohort_centre, \
               (SELECT COUNT(*) FROM cohort_members cm WHERE cm.cohort_id = p.cohort_id AND cm.user_id = $2) AS member \
               FROM learning_paths p LEFT JOIN cohorts co ON co.id = p.cohort_id WHERE p.id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).bind(user_id).fetch_optional(pool).await?))
}

/// The published paths a reader may see (`centres` as `,1,2,`): the network's and their
/// centres', less the cohorts' paths they are not in unless `every_cohort` (staff).
pub async fn visible(
    db: &Db,
    centres: &str,
    user_id: i64,
    every_cohort: bool,
) -> Result<Vec<crate::learning::LearningPath>> {
    let sql = "SELECT id, centre_id, cohort_id, title, summary, status, created_at FROM learning_paths \
               WHERE (centre_id IS NULL OR $1 LIKE '%,' || CAST(centre_id AS TEXT) || ',%') \
               AND status = 'published' AND (cohort_id IS NULL OR $3 = 1 OR cohort_id IN \
               (SELECT cm.cohort_id FROM cohort_members cm WHERE cm.user_id = $2)) ORDER BY title, id";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centres)
        .bind(user_id)
        .bind(i64::from(every_cohort))
        .fetch_all(pool)
        .await?))
}

/// Every path, drafts too, the network's first (the authors' list, filtered by who may write).
pub async fn all(db: &Db) -> Result<Vec<crate::learning::LearningPath>> {
    let sql = "SELECT id, centre_id, cohort_id, title, summary, status, created_at FROM learning_paths \
               ORDER BY CASE WHEN centre_id IS NULL THEN 0 ELSE 1 END, title, id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// A course of a path as its author sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub course_id: i64,
    pub requires_previous: bool,
    pub release_at: Option<i64>,
}

/// Saves a path's details and its courses (in this order, replacing the ones before) in one
/// transaction.
pub async fn save(
    db: &Db,
    id: i64,
    title: &str,
    summary: &str,
    cohort_id: Option<i64>,
    entries: &[Entry],
) -> Result<()> {
    let mut tx: Tx = db.begin().await?;
    on_tx!(&mut tx, t => {
        sqlx::query("UPDATE learning_paths SET title = $1, summary = $2, cohort_id = $3 WHERE id = $4")
            .bind(title)
            .bind(summary)
            .bind(cohort_id)
            .bind(id)
            .execute(&mut **t)
            .await?;
        sqlx::query("DELETE FROM path_courses WHERE path_id = $1")
            .bind(id)
            .execute(&mut **t)
            .await?;
        for (n, e) in entries.iter().enumerate() {
            sqlx::query(
                "INSERT INTO path_courses (path_id, course_id, position, requires_previous, release_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(e.course_id)
            .bind(n as i64 + 1)
            .bind(i64::from(e.requires_previous && n > 0))
            .bind(e.release_at)
            .execute(&mut **t)
            .await?;
        }
    });
    tx.commit().await
}
