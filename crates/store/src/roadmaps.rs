//! Roadmaps (phases → periods → items), kept as their parsed document so that exporting gives
//! back the imported Markdown byte for byte.
use crate::{Db, Exec, Result, StoreError, Tx, now};
use domain::roadmap::Roadmap;
use domain::roadmap_edit::Pos;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RoadmapRow {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: Option<i64>,
    pub title: String,
    pub start_date: Option<String>,
    pub document: String,
    pub revision: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str =
    "id, centre_id, project_id, title, start_date, document, revision, created_at, updated_at";

impl RoadmapRow {
    /// The parsed document (stored by us, so a failure means corrupt data).
    pub fn roadmap(&self) -> Result<Roadmap> {
        serde_json::from_str(&self.document)
            .map_err(|e| StoreError::Corrupt(format!("roadmap {}: {e}", self.id)))
    }
}

fn encode(roadmap: &Roadmap) -> Result<String> {
    serde_json::to_string(roadmap).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub async fn create<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    project_id: Option<i64>,
    roadmap: &Roadmap,
    start_date: Option<&str>,
    user_id: Option<i64>,
) -> Result<i64> {
    let now = now();
    let sql = "INSERT INTO roadmaps (centre_id, project_id, title, start_date, document, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
    let document = encode(roadmap)?;
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(project_id)
        .bind(&roadmap.title)
        .bind(start_date)
        .bind(&document)
        .bind(user_id)
        .bind(now)
        .fetch_one(e)
        .await?))
}

pub async fn find(db: &Db, id: i64) -> Result<Option<RoadmapRow>> {
    let sql = format!("SELECT {COLUMNS} FROM roadmaps WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The roadmaps of one centre (its own and its projects').
pub async fn for_centre(db: &Db, centre_id: i64) -> Result<Vec<RoadmapRow>> {
    let sql = format!("SELECT {COLUMNS} FROM roadmaps WHERE centre_id = $1 ORDER BY id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// Checks or unchecks one item, if the roadmap is still at `revision` (else `Stale` with the
/// current revision).
pub async fn set_done(
    db: &Db,
    id: i64,
    revision: i64,
    at: (usize, usize, usize),
    done: bool,
) -> Result<RoadmapRow> {
    let row = find(db, id).await?.ok_or(StoreError::NotFound)?;
    if row.revision != revision {
        return Err(StoreError::stale(row.revision, None));
    }
    let mut roadmap = row.roadmap()?;
    if !roadmap.set_done(at.0, at.1, at.2, done) {
        return Err(StoreError::NotFound);
    }
    let sql = format!(
        "UPDATE roadmaps SET document = $1, revision = revision + 1, updated_at = $2 \
         WHERE id = $3 AND revision = $4 RETURNING {COLUMNS}"
    );
    let document = encode(&roadmap)?;
    let updated: Option<RoadmapRow> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(&document)
        .bind(now())
        .bind(id)
        .bind(revision)
        .fetch_optional(pool)
        .await?);
    match updated {
        Some(row) => Ok(row),
        None => Err(stale(db, id).await),
    }
}

/// `Stale` with the roadmap's current revision (`NotFound` if it is gone).
async fn stale<'e>(ex: impl Into<Exec<'e>>, id: i64) -> StoreError {
    let sql = "SELECT revision FROM roadmaps WHERE id = $1";
    let revision: std::result::Result<Option<i64>, sqlx::Error> =
        on_exec!(ex.into(), e => sqlx::query_scalar(sql).bind(id).fetch_optional(e).await);
    match revision {
        Ok(Some(revision)) => StoreError::stale(revision, None),
        Ok(None) => StoreError::NotFound,
        Err(err) => err.into(),
    }
}

pub async fn set_start_date(db: &Db, id: i64, start_date: Option<&str>) -> Result<()> {
    let sql = "UPDATE roadmaps SET start_date = $1, updated_at = $2 WHERE id = $3";
    on_db!(db, pool => sqlx::query(sql).bind(start_date).bind(now()).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

/// Stores an edited roadmap if it is still at `revision` (else `Stale`), and moves each item's
/// details (owner, due date, notes, link, evidence) to where `moves` says the item went; the
/// details of items that are gone go with them. One unit of work.
pub async fn replace(
    db: &Db,
    id: i64,
    revision: i64,
    roadmap: &Roadmap,
    moves: &[(Pos, Pos)],
) -> Result<RoadmapRow> {
    let mut tx = db.begin().await?;
    let updated = replace_in(&mut tx, id, revision, roadmap, moves).await?;
    tx.commit().await?;
    Ok(updated)
}

/// `replace` inside a unit of work already open (a re-import with its audit line).
pub async fn replace_in(
    tx: &mut Tx,
    id: i64,
    revision: i64,
    roadmap: &Roadmap,
    moves: &[(Pos, Pos)],
) -> Result<RoadmapRow> {
    let document = encode(roadmap)?;
    let now = now();
    let updated: Option<RoadmapRow> = on_tx!(&mut *tx, t => {
        let sql = format!(
            "UPDATE roadmaps SET document = $1, title = $2, revision = revision + 1, updated_at = $3 \
             WHERE id = $4 AND revision = $5 RETURNING {COLUMNS}"
        );
        let updated: Option<RoadmapRow> = sqlx::query_as(&sql)
            .bind(&document)
            .bind(&roadmap.title)
            .bind(now)
            .bind(id)
            .bind(revision)
            .fetch_optional(&mut **t)
            .await?;
        if updated.is_some() {
            type Row = (i64, i64, i64, Option<i64>, Option<String>, String, String, String, i64);
            let rows: Vec<Row> = sqlx::query_as(
                "SELECT phase, period, item, owner_id, due_on, notes, link, evidence, updated_at \
                 FROM roadmap_item_details WHERE roadmap_id = $1",
            )
            .bind(id)
            .fetch_all(&mut **t)
            .await?;
            sqlx::query("DELETE FROM roadmap_item_details WHERE roadmap_id = $1")
                .bind(id)
                .execute(&mut **t)
                .await?;
            for r in rows {
                let before = (r.0 as usize, r.1 as usize, r.2 as usize);
                let Some((_, after)) = moves.iter().find(|(b, _)| *b == before) else {
                    continue;
                };
                sqlx::query(
                    "INSERT INTO roadmap_item_details (roadmap_id, phase, period, item, owner_id, due_on, notes, link, evidence, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(id)
                .bind(after.0 as i64)
                .bind(after.1 as i64)
                .bind(after.2 as i64)
                .bind(r.3)
                .bind(r.4)
                .bind(r.5)
                .bind(r.6)
                .bind(r.7)
                .bind(r.8)
                .execute(&mut **t)
                .await?;
            }
        }
        updated
    });
    match updated {
        Some(updated) => Ok(updated),
        None => Err(stale(tx, id).await),
    }
}
