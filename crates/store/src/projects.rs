//! Local impact projects: the place where a participant's work meets (tracking grows it later).
use crate::{Db, Result, now};

/// A project seen from one user: their relation to it, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectForUser {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub summary: String,
    pub stage: String,
    pub created_at: i64,
    pub relation: Option<String>,
}

pub async fn create(
    db: &Db,
    centre_id: i64,
    name: &str,
    summary: &str,
    stage: &str,
) -> Result<i64> {
    let sql = "INSERT INTO projects (centre_id, name, summary, stage, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(name)
        .bind(summary)
        .bind(stage)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Links a person to a project as `member` (participant) or `follower` (coach).
pub async fn link(db: &Db, project_id: i64, user_id: i64, relation: &str) -> Result<()> {
    let sql = "INSERT INTO project_people (project_id, user_id, relation) VALUES ($1, $2, $3) \
               ON CONFLICT (project_id, user_id) DO UPDATE SET relation = excluded.relation";
    on_db!(db, pool => sqlx::query(sql).bind(project_id).bind(user_id).bind(relation).execute(pool).await?.rows_affected());
    Ok(())
}

/// The projects a user is a member or follower of.
pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<ProjectForUser>> {
    let sql = "SELECT p.id, p.centre_id, p.name, p.summary, p.stage, p.created_at, pp.relation \
               FROM projects p JOIN project_people pp ON pp.project_id = p.id \
               WHERE pp.user_id = $1 ORDER BY p.name";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await?))
}

/// Every project of one centre, with the asking user's relation.
pub async fn for_centre(db: &Db, centre_id: i64, user_id: i64) -> Result<Vec<ProjectForUser>> {
    let sql = "SELECT p.id, p.centre_id, p.name, p.summary, p.stage, p.created_at, pp.relation \
               FROM projects p LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $2 \
               WHERE p.centre_id = $1 ORDER BY p.name";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(user_id).fetch_all(pool).await?))
}

/// One project with the asking user's relation, for the policy check.
pub async fn find_for_user(
    db: &Db,
    project_id: i64,
    user_id: i64,
) -> Result<Option<ProjectForUser>> {
    let sql = "SELECT p.id, p.centre_id, p.name, p.summary, p.stage, p.created_at, pp.relation \
               FROM projects p LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $2 \
               WHERE p.id = $1";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(project_id).bind(user_id).fetch_optional(pool).await?),
    )
}

/// People of a project: (user id, display name, relation).
pub async fn people(db: &Db, project_id: i64) -> Result<Vec<(i64, String, String)>> {
    let sql = "SELECT u.id, u.display_name, pp.relation FROM project_people pp JOIN users u ON u.id = pp.user_id \
               WHERE pp.project_id = $1 AND u.deleted_at IS NULL ORDER BY pp.relation, u.display_name";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(project_id).fetch_all(pool).await?))
}

/// A project's name, for pages that reach it without a signed-in person (a share link).
pub async fn name_of(db: &Db, project_id: i64) -> Result<Option<String>> {
    let sql = "SELECT name FROM projects WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(project_id).fetch_optional(pool).await?))
}
