//! Canvases and their sticky notes. Every change runs in one transaction that first bumps the
//! canvas revision (taking the write lock at once on both databases), then changes the items
//! and writes a history line, so concurrent editors are serialised per canvas and nothing is
//! half-done.
use crate::projects::ProjectForUser;
use crate::{Db, Result, StoreError, Tx, now};
use domain::canvas::{EditOutcome, ItemDraft, NoteContent, check_room, resolve_edit};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Canvas {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: i64,
    pub title: String,
    pub template_id: String,
    pub template_version: i64,
    pub revision: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const CANVAS_COLUMNS: &str = "id, centre_id, project_id, title, template_id, template_version, revision, created_at, updated_at";

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Item {
    pub id: i64,
    pub canvas_id: i64,
    pub block: String,
    pub position: i64,
    pub text: String,
    #[sqlx(try_from = "String")]
    pub colour: domain::canvas::Colour,
    #[sqlx(try_from = "String")]
    pub status: domain::canvas::ItemStatus,
    pub evidence: String,
    pub indicator: Option<String>,
    pub version: i64,
    pub updated_at: i64,
}

/// A stored note in the canvas exchange format (exports, completeness hints).
impl From<Item> for domain::canvas::DocumentItem {
    fn from(it: Item) -> Self {
        domain::canvas::DocumentItem {
            block: it.block,
            text: it.text,
            colour: it.colour.code().to_string(),
            status: it.status.code().to_string(),
            evidence: it.evidence,
            indicator: it.indicator,
        }
    }
}

pub(crate) const ITEM_COLUMNS: &str = "id, canvas_id, block, position, text, colour, status, evidence, indicator, version, updated_at";

/// Creates a canvas with its first notes (from a worked example or an import), all or nothing.
pub async fn create(
    db: &Db,
    centre_id: i64,
    project_id: i64,
    title: &str,
    user_id: Option<i64>,
    drafts: &[ItemDraft],
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, centre_id, project_id, title, user_id, drafts).await?;
    tx.commit().await?;
    Ok(id)
}

/// `create` inside a unit of work that is already open (a new project and its first canvas).
pub async fn create_in(
    tx: &mut Tx,
    centre_id: i64,
    project_id: i64,
    title: &str,
    user_id: Option<i64>,
    drafts: &[ItemDraft],
) -> Result<i64> {
    check_room(0, drafts.len()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let t = domain::canvas::template();
    let now = now();
    on_tx!(tx, tx => {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO canvases (centre_id, project_id, title, template_id, template_version, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(centre_id)
        .bind(project_id)
        .bind(title)
        .bind(&t.id)
        .bind(i64::from(t.version))
        .bind(user_id)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        let mut positions = std::collections::HashMap::<&str, i64>::new();
        for d in drafts {
            let position = positions.entry(d.block.as_str()).or_insert(0);
            sqlx::query(
                "INSERT INTO canvas_items (canvas_id, block, position, text, colour, status, evidence, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(id)
            .bind(&d.block)
            .bind(*position)
            .bind(&d.text)
            .bind(d.colour.code())
            .bind(d.status.code())
            .bind(&d.evidence)
            .bind(user_id)
            .bind(now)
            .execute(&mut **tx)
            .await?;
            *position += 1;
        }
        Ok(id)
    })
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Canvas>> {
    let sql = format!("SELECT {CANVAS_COLUMNS} FROM canvases WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// A canvas with its project as seen by `user_id`, in one read (every canvas request starts here).
pub async fn find_for_user(
    db: &Db,
    id: i64,
    user_id: i64,
) -> Result<Option<(Canvas, ProjectForUser)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        centre_id: i64,
        project_id: i64,
        title: String,
        template_id: String,
        template_version: i64,
        revision: i64,
        created_at: i64,
        updated_at: i64,
        p_centre_id: i64,
        p_name: String,
        p_summary: String,
        #[sqlx(try_from = "String")]
        p_stage: domain::project::Stage,
        p_town: String,
        #[sqlx(try_from = "String")]
        p_colour: domain::project::Colour,
        p_created_at: i64,
        p_archived_at: Option<i64>,
        #[sqlx(try_from = "Option<String>")]
        p_relation: domain::project::Relation,
    }
    let sql = "SELECT c.id, c.centre_id, c.project_id, c.title, c.template_id, c.template_version, c.revision, \
               c.created_at, c.updated_at, p.centre_id AS p_centre_id, p.name AS p_name, p.summary AS p_summary, \
               p.stage AS p_stage, p.town AS p_town, p.colour AS p_colour, p.created_at AS p_created_at, \
               p.archived_at AS p_archived_at, pp.relation AS p_relation \
               FROM canvases c JOIN projects p ON p.id = c.project_id \
               LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $2 WHERE c.id = $1";
    let row: Option<Row> =
        on_db!(db, pool => sqlx::query_as(sql).bind(id).bind(user_id).fetch_optional(pool).await?);
    Ok(row.map(|r| {
        let canvas = Canvas {
            id: r.id,
            centre_id: r.centre_id,
            project_id: r.project_id,
            title: r.title,
            template_id: r.template_id,
            template_version: r.template_version,
            revision: r.revision,
            created_at: r.created_at,
            updated_at: r.updated_at,
        };
        let project = ProjectForUser {
            id: canvas.project_id,
            centre_id: r.p_centre_id,
            name: r.p_name,
            summary: r.p_summary,
            stage: r.p_stage,
            town: r.p_town,
            colour: r.p_colour,
            created_at: r.p_created_at,
            archived_at: r.p_archived_at,
            relation: r.p_relation,
        };
        (canvas, project)
    }))
}

pub async fn for_project(db: &Db, project_id: i64) -> Result<Vec<Canvas>> {
    let sql = format!("SELECT {CANVAS_COLUMNS} FROM canvases WHERE project_id = $1 ORDER BY id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).fetch_all(pool).await?))
}

/// The live notes of a canvas, block by block in their order.
pub async fn items(db: &Db, canvas_id: i64) -> Result<Vec<Item>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM canvas_items WHERE canvas_id = $1 AND deleted_at IS NULL ORDER BY block, position, id"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(canvas_id).fetch_all(pool).await?))
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    Applied(Item),
    /// Someone changed the note meanwhile: theirs stays, this text became a new note.
    KeptBoth {
        kept: Item,
        added: Item,
    },
    Unchanged(Item),
}

impl Edited {
    /// The note that was edited (as it now stands).
    pub fn item(&self) -> &Item {
        match self {
            Edited::Applied(item) | Edited::Unchanged(item) => item,
            Edited::KeptBoth { kept, .. } => kept,
        }
    }
}

macro_rules! bump {
    ($tx:expr, $canvas:expr, $now:expr) => {
        sqlx::query_scalar::<_, i64>(
            "UPDATE canvases SET revision = revision + 1, updated_at = $1 WHERE id = $2 RETURNING revision",
        )
        .bind($now)
        .bind($canvas)
        .fetch_optional(&mut *$tx)
        .await?
        .ok_or(StoreError::NotFound)?
    };
}

macro_rules! history {
    ($tx:expr, $canvas:expr, $item:expr, $revision:expr, $action:expr, $before:expr, $after:expr, $user:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO canvas_history (canvas_id, item_id, revision, action, before_text, after_text, user_id, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind($canvas)
        .bind($item)
        .bind($revision)
        .bind($action)
        .bind($before)
        .bind($after)
        .bind($user)
        .bind($now)
        .execute(&mut *$tx)
        .await?
    };
}

/// The live note `item` of `canvas`, read inside the transaction; `NotFound` otherwise.
macro_rules! live_item {
    ($tx:expr, $canvas:expr, $item:expr) => {
        sqlx::query_as::<_, Item>(&format!(
            "SELECT {ITEM_COLUMNS} FROM canvas_items WHERE id = $1 AND canvas_id = $2 AND deleted_at IS NULL"
        ))
        .bind($item)
        .bind($canvas)
        .fetch_optional(&mut *$tx)
        .await?
        .ok_or(StoreError::NotFound)?
    };
}

/// Refuses one more note when the canvas is full (`Full`), counting inside the transaction.
macro_rules! ensure_room {
    ($tx:expr, $canvas:expr) => {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM canvas_items WHERE canvas_id = $1 AND deleted_at IS NULL",
        )
        .bind($canvas)
        .fetch_one(&mut *$tx)
        .await?;
        if check_room(usize::try_from(count).unwrap_or(usize::MAX), 1).is_err() {
            return Err(StoreError::Full);
        }
    };
}

/// Adds a note at the end of its block. `StoreError::Full` when the canvas is full.
pub async fn add_item(
    db: &Db,
    canvas_id: i64,
    draft: &ItemDraft,
    user_id: Option<i64>,
) -> Result<Item> {
    let now = now();
    on_db!(db, pool => {
        let _turn = crate::write_turn(db).await;
        let mut tx = pool.begin().await?;
        let revision = bump!(tx, canvas_id, now);
        ensure_room!(tx, canvas_id);
        let sql = format!(
            "INSERT INTO canvas_items (canvas_id, block, position, text, colour, status, evidence, updated_by, updated_at) \
             VALUES ($1, $2, (SELECT COALESCE(MAX(position) + 1, 0) FROM canvas_items WHERE canvas_id = $1 AND block = $2), \
             $3, $4, $5, $6, $7, $8) RETURNING {ITEM_COLUMNS}"
        );
        let item: Item = sqlx::query_as(&sql)
            .bind(canvas_id)
            .bind(&draft.block)
            .bind(&draft.text)
            .bind(draft.colour.code())
            .bind(draft.status.code())
            .bind(&draft.evidence)
            .bind(user_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
        history!(tx, canvas_id, item.id, revision, "add", None::<String>, Some(item.text.clone()), user_id, now);
        tx.commit().await?;
        Ok(item)
    })
}

/// Edits a note that the editor loaded at `base_version`, following the merge rules.
/// `StoreError::Full` when both texts should be kept but the canvas is full.
pub async fn edit_item(
    db: &Db,
    canvas_id: i64,
    item_id: i64,
    base_version: i64,
    draft: &NoteContent,
    user_id: Option<i64>,
) -> Result<Edited> {
    let now = now();
    on_db!(db, pool => {
        let _turn = crate::write_turn(db).await;
        let mut tx = pool.begin().await?;
        let revision = bump!(tx, canvas_id, now);
        let current: Item = live_item!(tx, canvas_id, item_id);
        let outcome = match resolve_edit(current.version, &current.text, base_version, &draft.text) {
            EditOutcome::Apply => {
                let sql = format!(
                    "UPDATE canvas_items SET text = $1, colour = $2, status = $3, evidence = $4, version = version + 1, \
                     updated_by = $5, updated_at = $6 WHERE id = $7 RETURNING {ITEM_COLUMNS}"
                );
                let item: Item = sqlx::query_as(&sql)
                    .bind(&draft.text)
                    .bind(draft.colour.code())
                    .bind(draft.status.code())
                    .bind(&draft.evidence)
                    .bind(user_id)
                    .bind(now)
                    .bind(item_id)
                    .fetch_one(&mut *tx)
                    .await?;
                history!(tx, canvas_id, item_id, revision, "edit", Some(current.text.clone()), Some(item.text.clone()), user_id, now);
                Edited::Applied(item)
            }
            EditOutcome::AlreadyThere => Edited::Unchanged(current),
            EditOutcome::KeepBoth => {
                // Keeping both texts adds a note: the canvas must have room for it.
                ensure_room!(tx, canvas_id);
                let sql = format!(
                    "INSERT INTO canvas_items (canvas_id, block, position, text, colour, status, evidence, updated_by, updated_at) \
                     VALUES ($1, $2, $3 + 1, $4, $5, $6, $7, $8, $9) RETURNING {ITEM_COLUMNS}"
                );
                sqlx::query("UPDATE canvas_items SET position = position + 1 WHERE canvas_id = $1 AND block = $2 AND position > $3")
                    .bind(canvas_id)
                    .bind(&current.block)
                    .bind(current.position)
                    .execute(&mut *tx)
                    .await?;
                let added: Item = sqlx::query_as(&sql)
                    .bind(canvas_id)
                    .bind(&current.block)
                    .bind(current.position)
                    .bind(&draft.text)
                    .bind(draft.colour.code())
                    .bind(draft.status.code())
                    .bind(&draft.evidence)
                    .bind(user_id)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                history!(tx, canvas_id, added.id, revision, "conflict_copy", Some(current.text.clone()), Some(added.text.clone()), user_id, now);
                Edited::KeptBoth { kept: current, added }
            }
        };
        tx.commit().await?;
        Ok(outcome)
    })
}

/// Moves a note to `index` within `block` (the same or another), renumbering both blocks.
pub async fn move_item(
    db: &Db,
    canvas_id: i64,
    item_id: i64,
    block: &str,
    index: i64,
    user_id: Option<i64>,
) -> Result<Item> {
    if domain::canvas::template().block(block).is_none() {
        return Err(StoreError::NotFound);
    }
    let now = now();
    on_db!(db, pool => {
        let _turn = crate::write_turn(db).await;
        let mut tx = pool.begin().await?;
        let revision = bump!(tx, canvas_id, now);
        let current: Item = live_item!(tx, canvas_id, item_id);
        let mut target: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM canvas_items WHERE canvas_id = $1 AND block = $2 AND deleted_at IS NULL AND id <> $3 ORDER BY position, id",
        )
        .bind(canvas_id)
        .bind(block)
        .bind(item_id)
        .fetch_all(&mut *tx)
        .await?;
        let at = usize::try_from(index.max(0)).unwrap_or(0).min(target.len());
        target.insert(at, item_id);
        for (position, id) in target.iter().enumerate() {
            sqlx::query("UPDATE canvas_items SET position = $1, block = $2 WHERE id = $3")
                .bind(position as i64)
                .bind(block)
                .bind(*id)
                .execute(&mut *tx)
                .await?;
        }
        if current.block != block {
            let rest: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM canvas_items WHERE canvas_id = $1 AND block = $2 AND deleted_at IS NULL ORDER BY position, id",
            )
            .bind(canvas_id)
            .bind(&current.block)
            .fetch_all(&mut *tx)
            .await?;
            for (position, id) in rest.iter().enumerate() {
                sqlx::query("UPDATE canvas_items SET position = $1 WHERE id = $2").bind(position as i64).bind(*id).execute(&mut *tx).await?;
            }
        }
        // A move changes no text: the version stays, so an edit form opened before it still applies.
        let sql = format!("UPDATE canvas_items SET updated_by = $1, updated_at = $2 WHERE id = $3 RETURNING {ITEM_COLUMNS}");
        let moved: Item = sqlx::query_as(&sql).bind(user_id).bind(now).bind(item_id).fetch_one(&mut *tx).await?;
        history!(tx, canvas_id, item_id, revision, "move", Some(current.block.clone()), Some(block.to_string()), user_id, now);
        tx.commit().await?;
        Ok(moved)
    })
}

/// Deletes a note (kept for undo). A note changed since the editor loaded it is not deleted:
/// `StoreError::Stale` with its current version and text.
pub async fn delete_item(
    db: &Db,
    canvas_id: i64,
    item_id: i64,
    base_version: i64,
    user_id: Option<i64>,
) -> Result<Item> {
    let now = now();
    on_db!(db, pool => {
        let _turn = crate::write_turn(db).await;
        let mut tx = pool.begin().await?;
        let revision = bump!(tx, canvas_id, now);
        let current: Item = live_item!(tx, canvas_id, item_id);
        if current.version > base_version {
            return Err(StoreError::stale(current.version, Some(current.text)));
        }
        sqlx::query("UPDATE canvas_items SET deleted_at = $1, updated_by = $2 WHERE id = $3")
            .bind(now)
            .bind(user_id)
            .bind(item_id)
            .execute(&mut *tx)
            .await?;
        history!(tx, canvas_id, item_id, revision, "delete", Some(current.text.clone()), None::<String>, user_id, now);
        tx.commit().await?;
        Ok(current)
    })
}

/// Undoes a deletion: the note comes back where it was (or at the end of its block).
pub async fn restore_item(
    db: &Db,
    canvas_id: i64,
    item_id: i64,
    user_id: Option<i64>,
) -> Result<Item> {
    let now = now();
    on_db!(db, pool => {
        let _turn = crate::write_turn(db).await;
        let mut tx = pool.begin().await?;
        let revision = bump!(tx, canvas_id, now);
        ensure_room!(tx, canvas_id);
        let sql = format!(
            "UPDATE canvas_items SET deleted_at = NULL, version = version + 1, updated_by = $1, updated_at = $2 \
             WHERE id = $3 AND canvas_id = $4 AND deleted_at IS NOT NULL RETURNING {ITEM_COLUMNS}"
        );
        let item: Item = sqlx::query_as(&sql)
            .bind(user_id)
            .bind(now)
            .bind(item_id)
            .bind(canvas_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        history!(tx, canvas_id, item_id, revision, "restore", None::<String>, Some(item.text.clone()), user_id, now);
        tx.commit().await?;
        Ok(item)
    })
}

mod comments;
mod shares;
mod versions;
pub use comments::{
    Comment, MAX_COMMENT_CHARS, add_comment, comments, open_comment_counts, set_resolved,
};
pub use shares::{Share, active_shares, create_share, revoke_share, shared_canvas};
pub use versions::{
    HistoryLine, Version, create_version, history, restore_version, snapshot, version, versions,
};

/// The block a live note of this canvas is in (one indexed read, for handlers that only need it).
pub async fn item_block(db: &Db, canvas_id: i64, item_id: i64) -> Result<Option<String>> {
    let sql =
        "SELECT block FROM canvas_items WHERE id = $1 AND canvas_id = $2 AND deleted_at IS NULL";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(item_id).bind(canvas_id).fetch_optional(pool).await?),
    )
}
