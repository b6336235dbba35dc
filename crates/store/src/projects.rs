//! Local impact projects: the place where a participant's work meets. Created from the web in
//! one unit of work with their first canvas or roadmap, run from their settings, archived and
//! restored.
use crate::{Db, Exec, Result, now};

/// A project seen from one user: their relation to it, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectForUser {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub summary: String,
    #[sqlx(try_from = "String")]
    pub stage: domain::project::Stage,
    pub town: String,
    #[sqlx(try_from = "String")]
    pub colour: domain::project::Colour,
    pub created_at: i64,
    pub archived_at: Option<i64>,
    #[sqlx(try_from = "Option<String>")]
    pub relation: domain::project::Relation,
}

impl ProjectForUser {
    /// The policy's view of this project for the user it was read for.
    pub fn scope(&self) -> domain::Scope {
        domain::Scope::Project {
            centre: self.centre_id,
            member: self.relation == domain::project::Relation::Member,
            follower: self.relation == domain::project::Relation::Follower,
        }
    }
}

const COLUMNS: &str = "p.id, p.centre_id, p.name, p.summary, p.stage, p.town, p.colour, \
                       p.created_at, p.archived_at, pp.relation";

/// What a new project is made of.
#[derive(Debug, Clone, Default)]
pub struct NewProject<'a> {
    pub centre_id: i64,
    pub name: &'a str,
    pub summary: &'a str,
    pub town: &'a str,
    pub stage: &'a str,
    pub created_by: Option<i64>,
    /// The random key the creation form carries: the same form sent twice (a double click) makes
    /// one project.
    pub creation_key: Option<&'a str>,
}

/// A created project: its id, and whether this call made it (false: the same form was already
/// sent, and this is the project it made).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    pub id: i64,
    pub new: bool,
}

/// Creates a project (or finds the one the same creation key already made).
pub async fn create<'e>(ex: impl Into<Exec<'e>>, new: &NewProject<'_>) -> Result<Created> {
    let sql = "INSERT INTO projects (centre_id, name, summary, town, stage, created_by, creation_key, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
               ON CONFLICT (created_by, creation_key) DO NOTHING RETURNING id";
    let mut ex = ex.into();
    let id: Option<i64> = on_exec!(&mut ex, e => sqlx::query_scalar(sql)
        .bind(new.centre_id)
        .bind(new.name)
        .bind(new.summary)
        .bind(new.town)
        .bind(new.stage)
        .bind(new.created_by)
        .bind(new.creation_key)
        .bind(now())
        .fetch_optional(e)
        .await?);
    if let Some(id) = id {
        return Ok(Created { id, new: true });
    }
    let sql = "SELECT id FROM projects WHERE created_by = $1 AND creation_key = $2";
    let id: i64 = on_exec!(&mut ex, e => sqlx::query_scalar(sql)
        .bind(new.created_by)
        .bind(new.creation_key)
        .fetch_one(e)
        .await?);
    Ok(Created { id, new: false })
}

/// The texts, stage and colour of a project, as its settings form sends them.
#[derive(Debug, Clone)]
pub struct Settings<'a> {
    pub name: &'a str,
    pub summary: &'a str,
    pub town: &'a str,
    pub stage: &'a str,
    pub colour: &'a str,
}

pub async fn update<'e>(ex: impl Into<Exec<'e>>, id: i64, s: &Settings<'_>) -> Result<()> {
    let sql = "UPDATE projects SET name = $2, summary = $3, town = $4, stage = $5, colour = $6 WHERE id = $1";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(id)
        .bind(s.name)
        .bind(s.summary)
        .bind(s.town)
        .bind(s.stage)
        .bind(s.colour)
        .execute(e)
        .await?.rows_affected());
    Ok(())
}

/// Archives (`Some(now)`) or restores (`None`) a project; nothing of it is deleted.
pub async fn set_archived<'e>(ex: impl Into<Exec<'e>>, id: i64, at: Option<i64>) -> Result<()> {
    let sql = "UPDATE projects SET archived_at = $2 WHERE id = $1";
    on_exec!(ex.into(), e => sqlx::query(sql).bind(id).bind(at).execute(e).await?.rows_affected());
    Ok(())
}

/// Links a person to a project as `member` (participant) or `follower` (coach).
pub async fn link<'e>(
    ex: impl Into<Exec<'e>>,
    project_id: i64,
    user_id: i64,
    relation: &str,
) -> Result<()> {
    let sql = "INSERT INTO project_people (project_id, user_id, relation) VALUES ($1, $2, $3) \
               ON CONFLICT (project_id, user_id) DO UPDATE SET relation = excluded.relation";
    on_exec!(ex.into(), e => sqlx::query(sql).bind(project_id).bind(user_id).bind(relation).execute(e).await?.rows_affected());
    Ok(())
}

/// Takes a person off a project; returns whether they were on it.
pub async fn unlink<'e>(ex: impl Into<Exec<'e>>, project_id: i64, user_id: i64) -> Result<bool> {
    let sql = "DELETE FROM project_people WHERE project_id = $1 AND user_id = $2";
    let n = on_exec!(ex.into(), e => sqlx::query(sql).bind(project_id).bind(user_id).execute(e).await?.rows_affected());
    Ok(n > 0)
}

/// The projects a user is a member or follower of.
pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<ProjectForUser>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM projects p JOIN project_people pp ON pp.project_id = p.id \
         WHERE pp.user_id = $1 ORDER BY p.name"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?))
}

/// Every project of one centre, with the asking user's relation.
pub async fn for_centre(db: &Db, centre_id: i64, user_id: i64) -> Result<Vec<ProjectForUser>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM projects p \
         LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $2 \
         WHERE p.centre_id = $1 ORDER BY p.name"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).bind(user_id).fetch_all(pool).await?),
    )
}

/// One project with the asking user's relation, for the policy check.
pub async fn find_for_user(
    db: &Db,
    project_id: i64,
    user_id: i64,
) -> Result<Option<ProjectForUser>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM projects p \
         LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $2 WHERE p.id = $1"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).bind(user_id).fetch_optional(pool).await?),
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
