//! Read-only share links: an unguessable token (only its hash is stored), revocable.
use crate::{Db, Result, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Share {
    pub id: i64,
    pub canvas_id: i64,
    pub author: Option<String>,
    pub created_at: i64,
}

pub async fn create_share(db: &Db, canvas_id: i64, token_hash: &str, user_id: i64) -> Result<i64> {
    let sql = "INSERT INTO canvas_shares (canvas_id, token_hash, created_by, created_at) \
               VALUES ($1, $2, $3, $4) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(canvas_id)
        .bind(token_hash)
        .bind(user_id)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// The links of a canvas that still work, newest first.
pub async fn active_shares(db: &Db, canvas_id: i64) -> Result<Vec<Share>> {
    let sql = "SELECT s.id, s.canvas_id, u.display_name AS author, s.created_at FROM canvas_shares s \
               LEFT JOIN users u ON u.id = s.created_by \
               WHERE s.canvas_id = $1 AND s.revoked_at IS NULL ORDER BY s.id DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(canvas_id).fetch_all(pool).await?))
}

/// Ends a link; `false` when there was no such working link on this canvas.
pub async fn revoke_share(db: &Db, canvas_id: i64, share_id: i64) -> Result<bool> {
    let sql = "UPDATE canvas_shares SET revoked_at = $1 WHERE id = $2 AND canvas_id = $3 AND revoked_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query(sql)
        .bind(now())
        .bind(share_id)
        .bind(canvas_id)
        .execute(pool)
        .await?
        .rows_affected())
        == 1)
}

/// The canvas a working link opens.
pub async fn shared_canvas(db: &Db, token_hash: &str) -> Result<Option<i64>> {
    let sql = "SELECT canvas_id FROM canvas_shares WHERE token_hash = $1 AND revoked_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(token_hash).fetch_optional(pool).await?))
}
