//! Comments on a block or a note of a canvas, resolved and reopened.
use crate::{Db, Result, StoreError, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Comment {
    pub id: i64,
    pub canvas_id: i64,
    pub block: String,
    pub item_id: Option<i64>,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub body: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
}

/// The longest comment accepted.
pub const MAX_COMMENT_CHARS: usize = 2000;

const COLUMNS: &str = "c.id, c.canvas_id, c.block, c.item_id, c.author_id, u.display_name AS author, \
                       c.body, c.created_at, c.resolved_at";

pub async fn add_comment(
    db: &Db,
    canvas_id: i64,
    block: &str,
    item_id: Option<i64>,
    author_id: i64,
    body: &str,
) -> Result<i64> {
    let sql = "INSERT INTO canvas_comments (canvas_id, block, item_id, author_id, body, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(canvas_id)
        .bind(block)
        .bind(item_id)
        .bind(author_id)
        .bind(body)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Every comment of a canvas, oldest first.
pub async fn comments(db: &Db, canvas_id: i64) -> Result<Vec<Comment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM canvas_comments c LEFT JOIN users u ON u.id = c.author_id \
         WHERE c.canvas_id = $1 ORDER BY c.id"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(canvas_id).fetch_all(pool).await?))
}

/// How many comments are still open on each block of a canvas (blocks without any are left out):
/// the editor shows these counts and reads the comments themselves only when they are opened.
pub async fn open_comment_counts(db: &Db, canvas_id: i64) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT block, COUNT(*) FROM canvas_comments \
               WHERE canvas_id = $1 AND resolved_at IS NULL GROUP BY block";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(canvas_id).fetch_all(pool).await?))
}

/// Resolves (`resolved` = true) or reopens a comment of this canvas.
pub async fn set_resolved(
    db: &Db,
    canvas_id: i64,
    comment_id: i64,
    resolved: bool,
    user_id: i64,
) -> Result<()> {
    let at = resolved.then(now);
    let by = resolved.then_some(user_id);
    let sql = "UPDATE canvas_comments SET resolved_at = $1, resolved_by = $2 WHERE id = $3 AND canvas_id = $4";
    let changed = on_db!(db, pool => sqlx::query(sql)
        .bind(at)
        .bind(by)
        .bind(comment_id)
        .bind(canvas_id)
        .execute(pool)
        .await?
        .rows_affected());
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
