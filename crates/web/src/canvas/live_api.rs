//! What the editor's script uses: the same note actions as the forms (`ops`), answered in JSON
//! (errors as JSON problems under `/api`), the blocks re-rendered as HTML fragments, and the
//! stream of other people's changes (server-sent events).
use super::canvas_for;
use super::ops::{self, ItemForm, MoveForm, VersionForm};
use super::page::{BlocksView, build_blocks};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::state::AppState;
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use serde::Deserialize;
use serde_json::json;
use std::convert::Infallible;
use std::time::Duration;
use store::canvas::{Edited, Item};

/// The page that sent a change (`x-client-id`), so it is not told about its own change.
fn client_of(headers: &HeaderMap) -> String {
    headers
        .get("x-client-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 40 && v.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_default()
        .to_string()
}

/// A note change answered: the session cache stays (see `SessionUnchanged`).
fn saved(answer: impl IntoResponse) -> Response {
    let mut response = answer.into_response();
    response
        .extensions_mut()
        .insert(crate::ctx::SessionUnchanged);
    response
}

fn item_json(item: &Item) -> serde_json::Value {
    json!({
        "id": item.id,
        "block": item.block,
        "text": item.text,
        "colour": item.colour,
        "status": item.status,
        "evidence": item.evidence,
        "version": item.version,
    })
}

/// `POST /api/canvases/{id}/items`: 201 with the note; a full canvas is a 422 problem.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    let item = ops::add(&state, &ctx, id, &form, client_of(&headers)).await?;
    Ok(saved((
        axum::http::StatusCode::CREATED,
        Json(json!({ "item": item_json(&item) })),
    )))
}

/// `POST /api/canvases/{id}/items/{item}`: an edit from `version`; a concurrent edit keeps both.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    let edited = ops::edit(&state, &ctx, id, item, &form, client_of(&headers)).await?;
    let body = match &edited {
        Edited::Applied(i) => json!({ "outcome": "applied", "item": item_json(i) }),
        Edited::Unchanged(i) => json!({ "outcome": "unchanged", "item": item_json(i) }),
        Edited::KeptBoth { kept, added } => json!({
            "outcome": "kept_both",
            "item": item_json(kept),
            "added": item_json(added),
            "message": ctx.i.t("flash-canvas-kept-both"),
        }),
    };
    Ok(saved(Json(body)))
}

/// `POST /api/canvases/{id}/items/{item}/move`: to `block` at `index` (0-based).
pub async fn move_to(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<MoveForm>,
) -> WebResult<Response> {
    let moved = ops::move_to(&state, &ctx, id, item, &form, client_of(&headers)).await?;
    Ok(saved(Json(json!({ "item": item_json(&moved) }))))
}

/// `POST /api/canvases/{id}/items/{item}/delete`: refused if the note changed since `version`
/// (409, the note's current version and text under `current`).
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<VersionForm>,
) -> WebResult<Response> {
    let deleted = ops::delete(&state, &ctx, id, item, form.version, client_of(&headers)).await?;
    Ok(saved(Json(json!({ "item": item_json(&deleted) }))))
}

/// `POST /api/canvases/{id}/items/{item}/restore`: undo a delete (422 when the canvas is full).
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, item)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let restored = ops::restore(&state, &ctx, id, item, client_of(&headers)).await?;
    Ok(saved(Json(json!({ "item": item_json(&restored) }))))
}

#[derive(Debug, Default, Deserialize)]
pub struct BlocksQuery {
    /// Block keys separated by commas; empty for every block.
    #[serde(default)]
    pub keys: String,
}

/// `GET /canvases/{id}/blocks?keys=a,b`: those blocks' notes as the page renders them.
pub async fn blocks(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<BlocksQuery>,
) -> WebResult<Response> {
    let keys: Vec<&str> = q.keys.split(',').filter(|k| !k.is_empty()).collect();
    let mut view: BlocksView = build_blocks(&state, &ctx, id, None).await?;
    if !keys.is_empty() {
        view.d.blocks.retain(|b| keys.contains(&b.key.as_str()));
    }
    Ok(Html(view.render()?).into_response())
}

/// `GET /canvases/{id}/events`: a server-sent event per change made by someone else.
pub async fn events(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let rx = state.live.subscribe(canvas.id);
    let closed = state.live.closed();
    let stream = futures_util::stream::unfold((rx, closed), |(mut rx, mut closed)| async move {
        use tokio::sync::broadcast::error::RecvError;
        let event = tokio::select! {
            _ = closed.wait_for(|c| *c) => None,
            message = rx.recv() => match message {
                Ok(change) => Some(
                    Event::default()
                        .event("change")
                        .data(serde_json::to_string(&*change).unwrap_or_default()),
                ),
                // Too far behind: the page re-reads every block.
                Err(RecvError::Lagged(_)) => Some(Event::default().event("reload").data("{}")),
                Err(RecvError::Closed) => None,
            },
        };
        event.map(|e| (Ok::<_, Infallible>(e), (rx, closed)))
    });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(20)))
        .into_response())
}
