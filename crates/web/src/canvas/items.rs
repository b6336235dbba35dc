//! Changing notes: add, edit (with the merge rules), move, delete and undo.
use super::canvas_for;
use super::live_api::announce;
use super::page::{Problem, render};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Action;
use domain::canvas::{ItemDraft, NoteContent};
use serde::Deserialize;
use store::canvas::Edited;

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

fn anchor(canvas: i64, item: i64) -> String {
    format!("/canvases/{canvas}#item-{item}")
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let problem = |message: String| Problem {
        target: format!("add-{}", form.block),
        message,
        text: form.text.clone(),
        evidence: form.evidence.clone(),
    };
    let draft = match ItemDraft::new(
        &form.block,
        &form.text,
        &form.colour,
        &form.status,
        &form.evidence,
    ) {
        Ok(d) => d,
        Err(domain::canvas::CanvasError::UnknownBlock(_)) => {
            return Err(WebError::BadRequest("canvas-error-unknown-block"));
        }
        Err(e) => {
            return render(
                &state,
                &ctx,
                id,
                Some(problem(ctx.i.t(e.message_key()))),
                None,
            )
            .await;
        }
    };
    match store::canvas::add_item(&state.db, canvas.id, &draft, ctx.actor.user_id).await {
        Ok(item) => {
            announce(&state, canvas.id, &[&item.block], String::new()).await;
            Ok(Redirect::to(&anchor(canvas.id, item.id)).into_response())
        }
        Err(store::StoreError::Conflict) => {
            render(
                &state,
                &ctx,
                id,
                Some(problem(ctx.i.t("canvas-error-too-many"))),
                None,
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let content = match NoteContent::new(&form.text, &form.colour, &form.status, &form.evidence) {
        Ok(d) => d,
        Err(e) => {
            let problem = Problem {
                target: format!("item-{item}"),
                message: ctx.i.t(e.message_key()),
                text: form.text,
                evidence: form.evidence,
            };
            return render(&state, &ctx, id, Some(problem), None).await;
        }
    };
    let edited = store::canvas::edit_item(
        &state.db,
        canvas.id,
        item,
        form.version,
        &content,
        ctx.actor.user_id,
    )
    .await;
    if let Ok(e @ (Edited::Applied(_) | Edited::KeptBoth { .. })) = &edited {
        announce(&state, canvas.id, &[&e.item().block], String::new()).await;
    }
    match edited {
        Ok(Edited::Applied(_) | Edited::Unchanged(_)) => {
            Ok(Redirect::to(&anchor(canvas.id, item)).into_response())
        }
        Ok(Edited::KeptBoth { added, .. }) => Ok(redirect_with_flash(
            &anchor(canvas.id, added.id),
            "flash-canvas-kept-both",
            &state,
        )),
        Err(store::StoreError::Conflict) => Ok(redirect_with_flash(
            &anchor(canvas.id, item),
            "flash-canvas-full-conflict",
            &state,
        )),
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    pub block: String,
    /// `up`, `down`, or empty to use `index`.
    pub direction: String,
    pub index: i64,
}

pub async fn move_to(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<MoveForm>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let current = items
        .iter()
        .find(|i| i.id == item)
        .ok_or(WebError::NotFound)?;
    let in_block: Vec<_> = items.iter().filter(|i| i.block == current.block).collect();
    let here = in_block.iter().position(|i| i.id == item).unwrap_or(0) as i64;
    let (block, index) = match form.direction.as_str() {
        "up" => (current.block.clone(), (here - 1).max(0)),
        "down" => (current.block.clone(), here + 1),
        "" => {
            let block = if form.block.is_empty() {
                current.block.clone()
            } else {
                form.block.clone()
            };
            if domain::canvas::template().block(&block).is_none() {
                return Err(WebError::BadRequest("canvas-error-unknown-block"));
            }
            (block, form.index)
        }
        _ => return Err(WebError::BadRequest("error-form-invalid")),
    };
    store::canvas::move_item(&state.db, canvas.id, item, &block, index, ctx.actor.user_id).await?;
    announce(&state, canvas.id, &[&current.block, &block], String::new()).await;
    Ok(Redirect::to(&anchor(canvas.id, item)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VersionForm {
    pub version: i64,
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<VersionForm>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    match store::canvas::delete_item(&state.db, canvas.id, item, form.version, ctx.actor.user_id)
        .await
    {
        Ok(deleted) => {
            announce(&state, canvas.id, &[&deleted.block], String::new()).await;
            Ok(
                Redirect::to(&format!("/canvases/{}?deleted={item}#undo", canvas.id))
                    .into_response(),
            )
        }
        Err(store::StoreError::Conflict) => Ok(redirect_with_flash(
            &anchor(canvas.id, item),
            "flash-canvas-delete-stale",
            &state,
        )),
        Err(err) => Err(err.into()),
    }
}

pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    match store::canvas::restore_item(&state.db, canvas.id, item, ctx.actor.user_id).await {
        Ok(restored) => {
            announce(&state, canvas.id, &[&restored.block], String::new()).await;
            Ok(Redirect::to(&anchor(canvas.id, item)).into_response())
        }
        Err(store::StoreError::Conflict) => Ok(redirect_with_flash(
            &format!("/canvases/{}", canvas.id),
            "flash-canvas-full",
            &state,
        )),
        Err(err) => Err(err.into()),
    }
}
