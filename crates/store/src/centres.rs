//! Centres (the studio and licensed micro-centres), memberships and invitations.
use crate::{Db, Exec, Result, StoreError, now};
use domain::Role;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Centre {
    pub id: i64,
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: domain::centre::CentreKind,
    pub town: String,
    pub timezone: String,
    pub created_at: i64,
}

const CENTRE_COLUMNS: &str = "id, slug, name, kind, town, timezone, created_at";

pub struct NewCentre<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub town: &'a str,
}

pub async fn create<'e>(ex: impl Into<Exec<'e>>, new: &NewCentre<'_>) -> Result<i64> {
    let sql = "INSERT INTO centres (slug, name, kind, town, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_exec!(ex.into(), pool => sqlx::query_scalar(sql)
        .bind(new.slug)
        .bind(new.name)
        .bind(new.kind)
        .bind(new.town)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn list(db: &Db) -> Result<Vec<Centre>> {
    let sql = format!("SELECT {CENTRE_COLUMNS} FROM centres ORDER BY id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// A centre with its numbers of members and projects.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CentreSummary {
    pub id: i64,
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: domain::centre::CentreKind,
    pub town: String,
    pub members: i64,
    pub projects: i64,
    /// The steps done of the guided flow bringing the centre up, while it is not finished.
    pub launch_steps: Option<i64>,
}

/// Every centre with its counts, in one query (lists and dashboards).
pub async fn summaries(db: &Db) -> Result<Vec<CentreSummary>> {
    let sql = "SELECT c.id, c.slug, c.name, c.kind, c.town, \
               (SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.centre_id = c.id) AS members, \
               (SELECT COUNT(*) FROM projects p WHERE p.centre_id = c.id) AS projects, \
               (SELECT CAST(1 + (CASE WHEN l.manager_at IS NULL THEN 0 ELSE 1 END) \
                + (CASE WHEN l.licence_at IS NULL THEN 0 ELSE 1 END) \
                + (CASE WHEN l.kit_at IS NULL THEN 0 ELSE 1 END) \
                + (CASE WHEN l.offers_at IS NULL THEN 0 ELSE 1 END) \
                + (CASE WHEN l.events_at IS NULL THEN 0 ELSE 1 END) AS BIGINT) \
                FROM centre_launches l WHERE l.centre_id = c.id AND l.finished_at IS NULL) AS launch_steps \
               FROM centres c ORDER BY c.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Centre>> {
    let sql = format!("SELECT {CENTRE_COLUMNS} FROM centres WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

pub async fn find_by_slug(db: &Db, slug: &str) -> Result<Option<Centre>> {
    let sql = format!("SELECT {CENTRE_COLUMNS} FROM centres WHERE slug = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await?))
}

// ---------------------------------------------------------------- memberships

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub created_at: i64,
}

pub async fn members(db: &Db, centre_id: i64) -> Result<Vec<Member>> {
    let sql = "SELECT u.id AS user_id, u.display_name, u.email, m.role, m.created_at \
               FROM memberships m JOIN users u ON u.id = m.user_id \
               WHERE m.centre_id = $1 AND u.deleted_at IS NULL ORDER BY u.display_name, m.role";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Gives a role; giving one already held is not an error.
pub async fn grant<'e>(
    ex: impl Into<Exec<'e>>,
    user_id: i64,
    centre_id: i64,
    role: Role,
) -> Result<()> {
    let sql = "INSERT INTO memberships (user_id, centre_id, role, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id, centre_id, role) DO NOTHING";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(user_id)
        .bind(centre_id)
        .bind(role.code())
        .bind(now())
        .execute(e)
        .await?.rows_affected());
    Ok(())
}

pub async fn revoke(db: &Db, user_id: i64, centre_id: i64, role: Role) -> Result<bool> {
    let sql = "DELETE FROM memberships WHERE user_id = $1 AND centre_id = $2 AND role = $3";
    Ok(on_db!(db, pool => sqlx::query(sql)
        .bind(user_id)
        .bind(centre_id)
        .bind(role.code())
        .execute(pool)
        .await?
        .rows_affected())
        > 0)
}

// ---------------------------------------------------------------- invitations

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: i64,
    pub centre_id: i64,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub invited_by: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

const INVITATION_COLUMNS: &str =
    "id, centre_id, email, role, invited_by, created_at, expires_at, accepted_at";

/// An invitation to a centre with a role, and optionally to one of its projects.
#[derive(Debug, Clone)]
pub struct NewInvitation<'a> {
    pub token_hash: &'a str,
    pub centre_id: i64,
    pub email: &'a str,
    pub role: Role,
    pub invited_by: i64,
    pub ttl_secs: i64,
    /// The project it opens: as a member, or as a follower for a coach.
    pub project_id: Option<i64>,
    /// Whether accepting gives the role in the centre. An invitation sent by a participant to
    /// co-edit their project does not: it makes a guest of that project only.
    pub grants_membership: bool,
}

pub async fn invite<'e>(ex: impl Into<Exec<'e>>, new: &NewInvitation<'_>) -> Result<i64> {
    let now = now();
    let sql = "INSERT INTO invitations (token_hash, centre_id, email, role, invited_by, created_at, expires_at, project_id, grants_membership) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(new.token_hash)
        .bind(new.centre_id)
        .bind(new.email)
        .bind(new.role.code())
        .bind(new.invited_by)
        .bind(now)
        .bind(now + new.ttl_secs)
        .bind(new.project_id)
        .bind(i64::from(new.grants_membership))
        .fetch_one(e)
        .await?))
}

pub async fn pending_invitations(db: &Db, centre_id: i64) -> Result<Vec<Invitation>> {
    let sql = format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations \
         WHERE centre_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY id DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).bind(now()).fetch_all(pool).await?))
}

/// An invitation that can still be accepted.
pub async fn open_invitation(db: &Db, token_hash: &str) -> Result<Option<Invitation>> {
    let sql = format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations \
         WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(token_hash).bind(now()).fetch_optional(pool).await?),
    )
}

/// Accepts an invitation for `user_id` in one transaction: the invitation is used once and the
/// membership is granted, or nothing happens.
pub async fn accept_invitation(db: &Db, token_hash: &str, user_id: i64) -> Result<Invitation> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let sql = format!(
            "UPDATE invitations SET accepted_at = $1 \
             WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1 RETURNING {INVITATION_COLUMNS}"
        );
        let invitation: Invitation = sqlx::query_as(&sql)
            .bind(now)
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO memberships (user_id, centre_id, role, created_at) \
             SELECT $1, centre_id, role, $2 FROM invitations WHERE id = $3 AND grants_membership = 1 \
             ON CONFLICT (user_id, centre_id, role) DO NOTHING",
        )
        .bind(user_id)
        .bind(now)
        .bind(invitation.id)
        .execute(&mut *tx)
        .await?;
        // A project invitation also opens its project: a coach follows it, anyone else joins it.
        sqlx::query(
            "INSERT INTO project_people (project_id, user_id, relation) \
             SELECT project_id, $1, CASE WHEN role = 'coach' THEN 'follower' ELSE 'member' END \
             FROM invitations WHERE id = $2 AND project_id IS NOT NULL \
             ON CONFLICT (project_id, user_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(invitation.id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(invitation)
    })
}
