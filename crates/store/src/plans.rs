//! Layout plans (migration 0031): one working plan per centre (`domain::plan` as JSON) at a
//! revision that every save moves on (a save from an older revision is `Stale`), and its named
//! versions (« avant travaux », « ouverture »), copies of the plan as it was.
use crate::{Db, Exec, Result, StoreError, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub id: i64,
    pub centre_id: i64,
    pub document: String,
    pub revision: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VersionRow {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub author: Option<String>,
}

/// The centre's plan.
pub async fn for_centre(db: &Db, centre_id: i64) -> Result<Option<PlanRow>> {
    let sql =
        "SELECT id, centre_id, document, revision, updated_at FROM plans WHERE centre_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_optional(pool).await?))
}

/// Starts the centre's plan (`Duplicate` when it has one).
pub async fn create(db: &Db, centre_id: i64, document: &str, user_id: Option<i64>) -> Result<i64> {
    let sql = "INSERT INTO plans (centre_id, document, revision, updated_by, updated_at) \
               VALUES ($1, $2, 1, $3, $4) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(document)
        .bind(user_id)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Saves the plan if it is still at `expected` (else `Stale` with the current revision);
/// returns the new revision.
pub async fn save(
    db: &Db,
    id: i64,
    expected: i64,
    document: &str,
    user_id: Option<i64>,
) -> Result<i64> {
    let sql = "UPDATE plans SET document = $3, revision = revision + 1, updated_by = $4, \
               updated_at = $5 WHERE id = $1 AND revision = $2";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(expected)
        .bind(document)
        .bind(user_id)
        .bind(now())
        .execute(pool)
        .await?
        .rows_affected());
    if n == 0 {
        let current: Option<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT revision FROM plans WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?);
        return Err(match current {
            Some(r) => StoreError::stale(r, None),
            None => StoreError::NotFound,
        });
    }
    Ok(expected + 1)
}

/// Keeps the plan as it is now under a name (`Duplicate` for a name the plan has used).
pub async fn save_version_in(
    tx: &mut Tx,
    plan_id: i64,
    name: &str,
    user_id: Option<i64>,
) -> Result<i64> {
    let sql = "INSERT INTO plan_versions (plan_id, name, document, created_by, created_at) \
               SELECT id, $2, document, $3, $4 FROM plans WHERE id = $1 RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(plan_id)
        .bind(name)
        .bind(user_id)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// The plan's named versions, newest first.
pub async fn versions(db: &Db, plan_id: i64) -> Result<Vec<VersionRow>> {
    let sql = "SELECT v.id, v.name, v.created_at, u.display_name AS author FROM plan_versions v \
               LEFT JOIN users u ON u.id = v.created_by WHERE v.plan_id = $1 \
               ORDER BY v.created_at DESC, v.id DESC LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(plan_id).fetch_all(pool).await?))
}

/// One named version of the centre's plan: its name and document.
pub async fn version(db: &Db, centre_id: i64, id: i64) -> Result<Option<(String, String)>> {
    let sql = "SELECT v.name, v.document FROM plan_versions v JOIN plans p ON p.id = v.plan_id \
               WHERE v.id = $1 AND p.centre_id = $2";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).bind(centre_id).fetch_optional(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NetworkPlan {
    pub slug: String,
    pub name: String,
    pub updated_at: i64,
    pub versions: i64,
}

/// Every centre's plan, for the network team (one statement).
pub async fn network(db: &Db) -> Result<Vec<NetworkPlan>> {
    let sql = "SELECT c.slug, c.name, p.updated_at, \
               (SELECT COUNT(*) FROM plan_versions v WHERE v.plan_id = p.id) AS versions \
               FROM plans p JOIN centres c ON c.id = p.centre_id ORDER BY c.name LIMIT 1000";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}
