//! The forms' face of the note actions (`ops`): a refused new note comes back in its block's
//! field on the board, a refused change on the note's own page (`note_page`), keeping what was
//! typed; anything done goes back to the note.
use super::note_page::{self, NoteProblem, Typed};
use super::ops::{self, ItemForm, MoveForm, Refused, VersionForm};
use super::page::{AddProblem, render};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use store::canvas::Edited;

fn anchor(canvas: i64, item: i64) -> String {
    format!("/canvases/{canvas}#item-{item}")
}

/// The note's message: a refused note's own (`Refused::Note`), with the status of its outcome
/// (409 for a note changed meanwhile, 422 for a full canvas or a refused text); anything else
/// is the error as it is.
fn note_error(ctx: &Ctx, err: Refused) -> WebResult<(StatusCode, String)> {
    let err = match err {
        Refused::Note(err) => err,
        Refused::Other(err) => return Err(err),
    };
    let status = match err {
        WebError::Outcome(..) => err.status(),
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok((status, ctx.i.t(err.message_key())))
}

/// The note's page again with the message, and what was typed (`None`: what is stored).
async fn refused_note(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    item: i64,
    err: Refused,
    typed: Option<Typed>,
) -> WebResult<Response> {
    let (status, message) = note_error(ctx, err)?;
    let problem = NoteProblem {
        status,
        message,
        typed,
    };
    note_page::render(state, ctx, id, item, Some(problem)).await
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
            let (status, message) = note_error(&ctx, err)?;
            let problem = AddProblem {
                block: form.block,
                message,
                text: form.text,
            };
            let mut page = render(&state, &ctx, id, Some(problem), None).await?;
            *page.status_mut() = status;
            Ok(page)
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
            let typed = Typed {
                text: form.text,
                colour: form.colour,
                status: form.status,
                evidence: form.evidence,
            };
            refused_note(&state, &ctx, id, item, err, Some(typed)).await
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
        Err(err) => refused_note(&state, &ctx, id, item, err, None).await,
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
