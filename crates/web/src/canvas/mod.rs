//! The Impact Model Canvas editor: a board of notes, server-rendered, that works without
//! JavaScript (a page per note, a page per block's comments) and edits in place with it.
mod comments;
mod exchange;
mod items;
mod live_api;
mod note_page;
mod ops;
mod page;
mod print;
mod sharing;
mod try_out;
mod versions;

pub use try_out::save_draft;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::project_access::visible_scope;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::Action;
use store::canvas::Canvas;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/projects/{id}/canvases", post(exchange::create))
        .route("/projects/{id}/canvases/import", post(exchange::import))
        .route("/canvases/{id}", get(page::show))
        .route("/canvases/{id}/poster", get(page::poster))
        .route("/canvases/{id}/poster.pdf", get(print::poster_pdf))
        .route("/canvas/guide", get(print::guide))
        .route("/canvas/try", get(try_out::page))
        .route("/canvas/guide.pdf", get(print::guide_pdf))
        .route("/canvases/{id}/export.json", get(exchange::export_json))
        .route("/canvases/{id}/export.md", get(exchange::export_markdown))
        .route("/canvases/{id}/items", post(items::add))
        .route("/canvases/{id}/blocks", get(live_api::blocks))
        .route(
            "/canvases/{id}/comments",
            get(comments::page).post(comments::add),
        )
        .route("/canvases/{id}/sharing", get(sharing::page))
        .route("/canvases/{id}/coeditors", post(sharing::invite))
        .route("/canvases/{id}/shares", post(sharing::create_link))
        .route(
            "/canvases/{id}/shares/{share}/revoke",
            post(sharing::revoke_link),
        )
        .route("/shared/canvas/{token}", get(sharing::shared))
        .route(
            "/canvases/{id}/comments/{comment}/resolve",
            post(comments::resolve),
        )
        .route(
            "/canvases/{id}/comments/{comment}/reopen",
            post(comments::reopen),
        )
        .route(
            "/canvases/{id}/versions",
            get(versions::list).post(versions::create),
        )
        .route("/canvases/{id}/versions/{version}", get(versions::show))
        .route(
            "/canvases/{id}/versions/{version}/restore",
            post(versions::restore),
        )
        .route("/canvases/{id}/events", get(live_api::events))
        .route("/api/canvases/{id}/items", post(live_api::add))
        .route("/api/canvases/{id}/items/{item}", post(live_api::edit))
        .route(
            "/api/canvases/{id}/items/{item}/move",
            post(live_api::move_to),
        )
        .route(
            "/api/canvases/{id}/items/{item}/delete",
            post(live_api::delete),
        )
        .route(
            "/api/canvases/{id}/items/{item}/restore",
            post(live_api::restore),
        )
        .route(
            "/canvases/{id}/items/{item}/edit",
            get(note_page::edit_page).post(items::edit),
        )
        .route("/canvases/{id}/items/{item}/move", post(items::move_to))
        .route("/canvases/{id}/items/{item}/delete", post(items::delete))
        .route("/canvases/{id}/items/{item}/restore", post(items::restore))
}

/// A canvas the user may see (`action` = ViewProject) or change (`EditProject`).
pub async fn canvas_for(
    state: &AppState,
    ctx: &Ctx,
    canvas_id: i64,
    action: Action,
) -> WebResult<(Canvas, store::projects::ProjectForUser)> {
    let user = ctx.require_user()?;
    // On a page, the canvas, its project and the reader's relation are kept a few seconds.
    let user_id = user.id;
    let (canvas, project) = crate::cache::kept(
        state,
        ctx,
        format!("canvas-for:{canvas_id}:{user_id}"),
        store::canvas::find_for_user(&state.db, canvas_id, user_id),
    )
    .await?
    .as_ref()
    .clone()
    .ok_or(WebError::NotFound)?;
    let scope = visible_scope(ctx, &project)?;
    ctx.authorize(action, scope)?;
    Ok((canvas, project))
}
