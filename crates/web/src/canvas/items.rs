//! The forms' face of the note actions (`ops`): a refused note comes back beside its field on
//! the canvas page, keeping what was typed; anything done goes back to the note.
use super::ops::{self, ItemForm, MoveForm, Refused, VersionForm};
use super::page::{Problem, render};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use store::canvas::Edited;

fn anchor(canvas: i64, item: i64) -> String {
    format!("/canvases/{canvas}#item-{item}")
}

/// The canvas page with a refused note's message beside `target` (`add-<block>` or
/// `item-<id>`) and what was typed in its fields (`None`: nothing was, the note shows what is
/// stored); the status is the outcome's (409 for a note changed meanwhile, 422 for a full canvas
/// or a refused text).
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    err: Refused,
    target: String,
    typed: Option<(String, String)>,
) -> WebResult<Response> {
    let err = match err {
        Refused::Note(err) => err,
        Refused::Other(err) => return Err(err),
    };
    let stored = typed.is_none();
    let (text, evidence) = typed.unwrap_or_default();
    let problem = Problem {
        target,
        message: ctx.i.t(err.message_key()),
        text,
        evidence,
        stored,
    };
    let mut page = render(state, ctx, id, Some(problem), None).await?;
    if let WebError::Outcome(..) = err {
        *page.status_mut() = err.status();
    }
    Ok(page)
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    match ops::add(&state, &ctx, id, &form, String::new()).await {
        Ok(item) => Ok(Redirect::to(&anchor(id, item.id)).into_response()),
        Err(err) => {
            let target = format!("add-{}", form.block);
            let typed = Some((form.text, form.evidence));
            refused(&state, &ctx, id, err, target, typed).await
        }
    }
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    match ops::edit(&state, &ctx, id, item, &form, String::new()).await {
        Ok(Edited::Applied(_) | Edited::Unchanged(_)) => {
            Ok(Redirect::to(&anchor(id, item)).into_response())
        }
        Ok(Edited::KeptBoth { added, .. }) => Ok(redirect_with_flash(
            &anchor(id, added.id),
            "flash-canvas-kept-both",
            &state,
        )),
        Err(err) => {
            let target = format!("item-{item}");
            let typed = Some((form.text, form.evidence));
            refused(&state, &ctx, id, err, target, typed).await
        }
    }
}

pub async fn move_to(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<MoveForm>,
) -> WebResult<Response> {
    ops::move_to(&state, &ctx, id, item, &form, String::new()).await?;
    Ok(Redirect::to(&anchor(id, item)).into_response())
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<VersionForm>,
) -> WebResult<Response> {
    match ops::delete(&state, &ctx, id, item, form.version, String::new()).await {
        Ok(_) => Ok(Redirect::to(&format!("/canvases/{id}?deleted={item}#undo")).into_response()),
        // Changed meanwhile: the note shows its current text, with the reason beside it.
        Err(err) => refused(&state, &ctx, id, err, format!("item-{item}"), None).await,
    }
}

pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
) -> WebResult<Response> {
    match ops::restore(&state, &ctx, id, item, String::new()).await {
        Ok(_) => Ok(Redirect::to(&anchor(id, item)).into_response()),
        // Nothing was typed: back to the canvas with the reason.
        Err(Refused::Note(_)) => Ok(redirect_with_flash(
            &format!("/canvases/{id}"),
            "flash-canvas-full",
            &state,
        )),
        Err(Refused::Other(err)) => Err(err),
    }
}
