//! Named versions (the notes as they were), the automatic history, and restoring a version.
use super::Item;
use crate::{Db, Result, StoreError, now};
use domain::canvas::SnapshotItem;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    pub canvas_id: i64,
    pub name: String,
    pub revision: i64,
    pub author: Option<String>,
    pub created_at: i64,
}

/// One line of the automatic history: who did what to which note, when.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryLine {
    pub action: String,
    pub before_text: Option<String>,
    pub after_text: Option<String>,
    pub author: Option<String>,
    pub at: i64,
}

const VERSION_COLUMNS: &str =
    "v.id, v.canvas_id, v.name, v.revision, u.display_name AS author, v.created_at";

/// The notes as a version keeps them (also what a comparison with "now" reads).
pub fn snapshot(items: &[Item]) -> Vec<SnapshotItem> {
    items
        .iter()
        .map(|i| SnapshotItem {
            id: i.id,
            block: i.block.clone(),
            text: i.text.clone(),
            colour: i.colour.code().to_string(),
            status: i.status.code().to_string(),
            evidence: i.evidence.clone(),
        })
        .collect()
}

fn encode(items: &[Item]) -> Result<String> {
    serde_json::to_string(&snapshot(items)).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Keeps the canvas as it is now under `name`.
pub async fn create_version(
    db: &Db,
    canvas_id: i64,
    name: &str,
    user_id: Option<i64>,
) -> Result<i64> {
    let items = super::items(db, canvas_id).await?;
    let json = encode(&items)?;
    let sql = "INSERT INTO canvas_versions (canvas_id, name, revision, items, created_by, created_at) \
               SELECT id, $2, revision, $3, $4, $5 FROM canvases WHERE id = $1 RETURNING id";
    on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(canvas_id)
        .bind(name)
        .bind(&json)
        .bind(user_id)
        .bind(now())
        .fetch_optional(pool)
        .await?)
    .ok_or(StoreError::NotFound)
}

/// The named versions of a canvas, newest first.
pub async fn versions(db: &Db, canvas_id: i64) -> Result<Vec<Version>> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM canvas_versions v LEFT JOIN users u ON u.id = v.created_by \
         WHERE v.canvas_id = $1 ORDER BY v.id DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(canvas_id).fetch_all(pool).await?))
}

/// One version with its notes.
pub async fn version(
    db: &Db,
    canvas_id: i64,
    id: i64,
) -> Result<Option<(Version, Vec<SnapshotItem>)>> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM canvas_versions v LEFT JOIN users u ON u.id = v.created_by \
         WHERE v.canvas_id = $1 AND v.id = $2"
    );
    let found: Option<Version> = on_db!(db, pool => sqlx::query_as(&sql).bind(canvas_id).bind(id).fetch_optional(pool).await?);
    let Some(found) = found else { return Ok(None) };
    let json: String = on_db!(db, pool => sqlx::query_scalar("SELECT items FROM canvas_versions WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?);
    let items = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Some((found, items)))
}

/// The newest lines of the automatic history.
pub async fn history(db: &Db, canvas_id: i64, limit: i64) -> Result<Vec<HistoryLine>> {
    let sql = "SELECT h.action, h.before_text, h.after_text, u.display_name AS author, h.at \
               FROM canvas_history h LEFT JOIN users u ON u.id = h.user_id \
               WHERE h.canvas_id = $1 ORDER BY h.id DESC LIMIT $2";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(canvas_id).bind(limit).fetch_all(pool).await?))
}

/// Puts the canvas back as it was in version `id`, all or nothing. What it held just before
/// is kept first as a version named `safety_name`, so a restore can itself be undone. Notes keep
/// their identity: a note of the version comes back (even if deleted since), later notes are
/// deleted (softly).
pub async fn restore_version(
    db: &Db,
    canvas_id: i64,
    id: i64,
    safety_name: &str,
    user_id: Option<i64>,
) -> Result<()> {
    let (_, target) = version(db, canvas_id, id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let now = now();
    on_db!(db, pool => {
        let _turn = crate::write_turn(db).await;
        let mut tx = pool.begin().await?;
        let revision = bump!(tx, canvas_id, now);
        let current: Vec<Item> = sqlx::query_as(&format!(
            "SELECT {} FROM canvas_items WHERE canvas_id = $1 AND deleted_at IS NULL ORDER BY block, position, id",
            super::ITEM_COLUMNS
        ))
        .bind(canvas_id)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO canvas_versions (canvas_id, name, revision, items, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(canvas_id)
        .bind(safety_name)
        .bind(revision - 1)
        .bind(encode(&current)?)
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let mut positions = std::collections::HashMap::<&str, i64>::new();
        for item in &target {
            let position = positions.entry(item.block.as_str()).or_insert(0);
            let updated = sqlx::query(
                "UPDATE canvas_items SET block = $3, position = $4, text = $5, colour = $6, status = $7, \
                 evidence = $8, deleted_at = NULL, version = version + 1, updated_by = $9, updated_at = $10 \
                 WHERE id = $1 AND canvas_id = $2",
            )
            .bind(item.id)
            .bind(canvas_id)
            .bind(&item.block)
            .bind(*position)
            .bind(&item.text)
            .bind(&item.colour)
            .bind(&item.status)
            .bind(&item.evidence)
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if updated == 0 {
                sqlx::query(
                    "INSERT INTO canvas_items (canvas_id, block, position, text, colour, status, evidence, updated_by, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(canvas_id)
                .bind(&item.block)
                .bind(*position)
                .bind(&item.text)
                .bind(&item.colour)
                .bind(&item.status)
                .bind(&item.evidence)
                .bind(user_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            *position += 1;
        }
        for item in current.iter().filter(|c| !target.iter().any(|t| t.id == c.id)) {
            sqlx::query("UPDATE canvas_items SET deleted_at = $2, updated_by = $3 WHERE id = $1")
                .bind(item.id)
                .bind(now)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        history!(tx, canvas_id, None::<i64>, revision, "restore", None::<String>, None::<String>, user_id, now);
        tx.commit().await?;
        Ok(())
    })
}
