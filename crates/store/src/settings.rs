//! Small key/value settings of an instance (for example whether demo data was loaded).
use crate::{Db, Result};

pub async fn get(db: &Db, key: &str) -> Result<Option<String>> {
    let sql = "SELECT value FROM settings WHERE key = $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(key).fetch_optional(pool).await?))
}

pub async fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    let sql = "INSERT INTO settings (key, value) VALUES ($1, $2) \
               ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    on_db!(db, pool => sqlx::query(sql).bind(key).bind(value).execute(pool).await?.rows_affected());
    Ok(())
}
