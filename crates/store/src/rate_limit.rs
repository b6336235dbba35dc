//! Fixed-window counters shared by every node (kept in the database), for login and reset.
use crate::{Db, Result, now};

/// Counts one hit on `key` in a window of `window_secs` and returns the hits in the window,
/// this one included.
pub async fn hit(db: &Db, key: &str, window_secs: i64) -> Result<i64> {
    let now = now();
    let sql = "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1) \
               ON CONFLICT (key) DO UPDATE SET \
                 hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
                 window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END \
               RETURNING hits";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(key)
        .bind(now)
        .bind(now - window_secs)
        .fetch_one(pool)
        .await?))
}

/// The hits counted on `key` in the current window, without adding one.
pub async fn count(db: &Db, key: &str, window_secs: i64) -> Result<i64> {
    let sql = "SELECT hits FROM rate_limits WHERE key = $1 AND window_start > $2";
    let hits: Option<i64> = on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(key)
        .bind(now() - window_secs)
        .fetch_optional(pool)
        .await?);
    Ok(hits.unwrap_or(0))
}

pub async fn clear(db: &Db, key: &str) -> Result<()> {
    on_db!(db, pool => sqlx::query("DELETE FROM rate_limits WHERE key = $1").bind(key).execute(pool).await?.rows_affected());
    Ok(())
}

/// Drops windows older than a day.
pub async fn prune(db: &Db) -> Result<u64> {
    let sql = "DELETE FROM rate_limits WHERE window_start < $1";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(now() - 86_400).execute(pool).await?.rows_affected()),
    )
}
