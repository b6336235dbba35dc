//! One core per note action (add, edit, move, delete, restore), called by both faces: the
//! forms (`items`, HTML) and the editor's API (`live_api`, JSON). Each loads the canvas with the
//! user's relation to its project, authorizes, validates, stores (the store checks the note's
//! version, bumps the canvas revision and writes the history line, the canvas's audit trail, in
//! one transaction) and tells every open page of the canvas. A face only reads its request and
//! turns the outcome into its answer.
use super::canvas_for;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::live::Change;
use crate::state::AppState;
use domain::Action;
use domain::canvas::{CanvasError, ItemDraft, NoteContent};
use serde::Deserialize;
use store::StoreError;
use store::canvas::{Edited, Item};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ItemForm {
    pub block: String,
    pub text: String,
    pub colour: String,
    pub status: String,
    pub evidence: String,
    pub version: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    /// The block to move to (empty: the note's own).
    pub block: String,
    /// `up`, `down`, or empty to use `block` and `index`.
    pub direction: String,
    /// 0-based place in `block`.
    pub index: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VersionForm {
    pub version: i64,
}

/// Why a note action did not happen.
#[derive(Debug)]
pub enum Refused {
    /// The note's input or the canvas's state refused it (a text too long, a full canvas, a note
    /// changed meanwhile): a form shows it beside the note, keeping what was typed; the API
    /// answers a JSON problem.
    Note(WebError),
    /// Anything else (not found, not allowed, an unknown block, storage): the error as it is.
    Other(WebError),
}

impl From<WebError> for Refused {
    fn from(err: WebError) -> Self {
        Refused::Other(err)
    }
}

impl From<StoreError> for Refused {
    fn from(err: StoreError) -> Self {
        Refused::Other(err.into())
    }
}

impl From<Refused> for WebError {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Note(err) | Refused::Other(err) => err,
        }
    }
}

type Done<T> = Result<T, Refused>;

/// A refused note (a rule of `domain::canvas`); an unknown block is a broken form, not a note's.
fn invalid(err: CanvasError) -> Refused {
    match err {
        CanvasError::UnknownBlock(_) => {
            Refused::Other(WebError::BadRequest("canvas-error-unknown-block"))
        }
        err => Refused::Note(WebError::BadRequest(err.message_key())),
    }
}

/// A precise store outcome (full, stale) told with `message_key`; other errors as they are.
fn outcome(err: StoreError, message_key: &'static str) -> Refused {
    match WebError::outcome(err, message_key) {
        err @ WebError::Outcome(..) => Refused::Note(err),
        err => Refused::Other(err),
    }
}

/// Tells every open page of the canvas which blocks changed; `client` is the page that made the
/// change (`x-client-id`, empty for a form), which is not told of its own change.
pub async fn announce(state: &AppState, canvas: i64, blocks: &[&str], client: String) {
    let mut blocks: Vec<String> = blocks.iter().map(|b| b.to_string()).collect();
    blocks.dedup();
    state
        .live
        .publish(
            &state.db,
            Change {
                canvas,
                blocks,
                client,
            },
        )
        .await;
}

/// Adds a note at the end of its block (`Full` when the canvas holds its 300 notes).
pub async fn add(
    state: &AppState,
    ctx: &Ctx,
    canvas_id: i64,
    form: &ItemForm,
    client: String,
) -> Done<Item> {
    let (canvas, _) = canvas_for(state, ctx, canvas_id, Action::EditProject).await?;
    let draft = ItemDraft::new(
        &form.block,
        &form.text,
        &form.colour,
        &form.status,
        &form.evidence,
    )
    .map_err(invalid)?;
    let item = store::canvas::add_item(&state.db, canvas.id, &draft, ctx.actor.user_id)
        .await
        .map_err(|e| outcome(e, "canvas-error-too-many"))?;
    announce(state, canvas.id, &[&item.block], client).await;
    Ok(item)
}

/// Edits a note from the version the editor loaded; a concurrent edit keeps both texts
/// (`Full` when the canvas has no room for the second one).
pub async fn edit(
    state: &AppState,
    ctx: &Ctx,
    canvas_id: i64,
    item: i64,
    form: &ItemForm,
    client: String,
) -> Done<Edited> {
    let (canvas, _) = canvas_for(state, ctx, canvas_id, Action::EditProject).await?;
    let content = NoteContent::new(&form.text, &form.colour, &form.status, &form.evidence)
        .map_err(invalid)?;
    let edited = store::canvas::edit_item(
        &state.db,
        canvas.id,
        item,
        form.version,
        &content,
        ctx.actor.user_id,
    )
    .await
    .map_err(|e| outcome(e, "flash-canvas-full-conflict"))?;
    if !matches!(edited, Edited::Unchanged(_)) {
        announce(state, canvas.id, &[&edited.item().block], client).await;
    }
    Ok(edited)
}

/// Moves a note one place up or down in its block, or to `block` at `index`.
pub async fn move_to(
    state: &AppState,
    ctx: &Ctx,
    canvas_id: i64,
    item: i64,
    form: &MoveForm,
    client: String,
) -> Done<Item> {
    let (canvas, _) = canvas_for(state, ctx, canvas_id, Action::EditProject).await?;
    let (from, block, index) = match form.direction.as_str() {
        "" => {
            let from = store::canvas::item_block(&state.db, canvas.id, item)
                .await?
                .ok_or(WebError::NotFound)?;
            let block = if form.block.is_empty() {
                from.clone()
            } else {
                form.block.clone()
            };
            if domain::canvas::template().block(&block).is_none() {
                return Err(WebError::BadRequest("canvas-error-unknown-block").into());
            }
            (from, block, form.index.max(0))
        }
        step @ ("up" | "down") => {
            let items = store::canvas::items(&state.db, canvas.id).await?;
            let current = items
                .iter()
                .find(|i| i.id == item)
                .ok_or(WebError::NotFound)?;
            let here = items
                .iter()
                .filter(|i| i.block == current.block)
                .position(|i| i.id == item)
                .unwrap_or(0) as i64;
            let index = if step == "up" {
                (here - 1).max(0)
            } else {
                here + 1
            };
            (current.block.clone(), current.block.clone(), index)
        }
        _ => return Err(WebError::BadRequest("error-form-invalid").into()),
    };
    let moved =
        store::canvas::move_item(&state.db, canvas.id, item, &block, index, ctx.actor.user_id)
            .await?;
    announce(state, canvas.id, &[&from, &moved.block], client).await;
    Ok(moved)
}

/// Deletes a note (kept for undo), unless it changed since `version` (`Stale`, with its current
/// version and text).
pub async fn delete(
    state: &AppState,
    ctx: &Ctx,
    canvas_id: i64,
    item: i64,
    version: i64,
    client: String,
) -> Done<Item> {
    let (canvas, _) = canvas_for(state, ctx, canvas_id, Action::EditProject).await?;
    let deleted =
        store::canvas::delete_item(&state.db, canvas.id, item, version, ctx.actor.user_id)
            .await
            .map_err(|e| outcome(e, "flash-canvas-delete-stale"))?;
    announce(state, canvas.id, &[&deleted.block], client).await;
    Ok(deleted)
}

/// Undoes a delete (`Full` when the canvas has no room for the note any more).
pub async fn restore(
    state: &AppState,
    ctx: &Ctx,
    canvas_id: i64,
    item: i64,
    client: String,
) -> Done<Item> {
    let (canvas, _) = canvas_for(state, ctx, canvas_id, Action::EditProject).await?;
    let restored = store::canvas::restore_item(&state.db, canvas.id, item, ctx.actor.user_id)
        .await
        .map_err(|e| outcome(e, "flash-canvas-full"))?;
    announce(state, canvas.id, &[&restored.block], client).await;
    Ok(restored)
}
