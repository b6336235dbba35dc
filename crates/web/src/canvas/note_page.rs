//! A note's own page: the editing form the board opens in place with JavaScript, reached as a
//! page without it (edit, colour, status, evidence, move, delete). A refused change comes back
//! here with its message, keeping what was typed.
use super::canvas_for;
use super::page::{colours, short};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::canvas::template;

/// A change of the note that was refused: the message, and what was typed (`None`: nothing was,
/// as for a refused delete, and the form shows what is stored).
pub struct NoteProblem {
    pub status: StatusCode,
    pub message: String,
    pub typed: Option<Typed>,
}

/// The fields as they were sent.
pub struct Typed {
    pub text: String,
    pub colour: String,
    pub status: String,
    pub evidence: String,
}

#[derive(Template)]
#[template(path = "canvas/note_edit.html")]
struct NoteEditView {
    layout: Layout,
    canvas_id: i64,
    canvas_title: String,
    item_id: i64,
    short: String,
    block_key: String,
    block_title: String,
    version: i64,
    text: String,
    colour: String,
    validated: bool,
    evidence: String,
    colours: Vec<(String, String)>,
    /// Every block, `(key, title)`, for « move to ».
    blocks: Vec<(String, String)>,
    first: bool,
    last: bool,
    error: Option<String>,
}

/// `GET /canvases/{id}/items/{item}/edit`.
pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
) -> WebResult<Response> {
    render(&state, &ctx, id, item, None).await
}

pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    item: i64,
    problem: Option<NoteProblem>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(state, ctx, id, Action::EditProject).await?;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let note = items
        .iter()
        .find(|i| i.id == item)
        .ok_or(WebError::NotFound)?;
    let siblings: Vec<_> = items.iter().filter(|i| i.block == note.block).collect();
    let locale = ctx.i.locale;
    let block_title = template()
        .block(&note.block)
        .map(|b| b.text(locale).title.clone())
        .unwrap_or_default();
    let (status, error, typed) = match problem {
        Some(p) => (p.status, Some(p.message), p.typed),
        None => (StatusCode::OK, None, None),
    };
    let typed = typed.unwrap_or_else(|| Typed {
        text: note.text.clone(),
        colour: note.colour.code().to_string(),
        status: note.status.code().to_string(),
        evidence: note.evidence.clone(),
    });
    let view = NoteEditView {
        layout: Layout::new(state, ctx, ctx.i.t("canvas-edit-title")),
        canvas_id: canvas.id,
        canvas_title: canvas.title,
        item_id: note.id,
        short: short(&note.text),
        block_key: note.block.clone(),
        block_title,
        version: note.version,
        text: typed.text,
        colour: typed.colour,
        validated: typed.status == domain::canvas::ItemStatus::Validated.code(),
        evidence: typed.evidence,
        colours: colours(&ctx.i),
        blocks: template()
            .blocks
            .iter()
            .map(|b| (b.key.clone(), b.text(locale).title.clone()))
            .collect(),
        first: siblings.first().is_some_and(|i| i.id == note.id),
        last: siblings.last().is_some_and(|i| i.id == note.id),
        error,
    };
    Ok((status, Html(view.render()?)).into_response())
}
