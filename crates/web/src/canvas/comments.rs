//! Comments on a block or a note: anyone who follows the project (members, coaches) can write,
//! resolve and reopen; the others on the project are told by e-mail (through the job queue).
use super::canvas_for;
use super::page::{Problem, render};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::i18n::I18n;
use crate::mail::Compose;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Action;
use serde::Deserialize;
use store::canvas::MAX_COMMENT_CHARS;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommentForm {
    pub block: String,
    /// Empty for the block itself, or the id of one of its notes.
    pub item: String,
    pub body: String,
}

fn back(canvas: i64, block: &str) -> String {
    format!("/canvases/{canvas}#comments-{block}")
}

/// `POST /canvases/{id}/comments`.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CommentForm>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let user = ctx.require_user()?;
    let template = domain::canvas::template();
    let block = template
        .block(&form.block)
        .ok_or(WebError::BadRequest("canvas-error-unknown-block"))?;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let item = match form.item.as_str() {
        "" => None,
        raw => Some(
            raw.parse::<i64>()
                .ok()
                .and_then(|n| items.iter().find(|i| i.id == n && i.block == block.key))
                .ok_or(WebError::BadRequest("error-form-invalid"))?,
        ),
    };
    let body = form.body.trim();
    let problem = if body.is_empty() {
        Some("canvas-comment-empty")
    } else if body.chars().count() > MAX_COMMENT_CHARS {
        Some("canvas-comment-too-long")
    } else {
        None
    };
    if let Some(key) = problem {
        let problem = Problem {
            target: format!("comment-{}", block.key),
            message: ctx.i.t(key),
            text: form.body.clone(),
            evidence: String::new(),
            stored: false,
        };
        return render(&state, &ctx, id, Some(problem), None).await;
    }
    store::canvas::add_comment(
        &state.db,
        canvas.id,
        &block.key,
        item.map(|i| i.id),
        user.id,
        body,
    )
    .await?;
    // Everyone else on the project hears of it, in their own language.
    for person in store::projects::people(&state.db, project.id).await? {
        if person.0 == user.id {
            continue;
        }
        let Some(to) = store::accounts::find_user(&state.db, person.0).await? else {
            continue;
        };
        let i = I18n::new(to.locale);
        let block_title = block.text(i.locale).title.clone();
        Compose {
            i,
            to: &to.email,
            subject: i.ta("email-comment-subject", &[("canvas", &canvas.title)]),
            greeting: i.ta("email-greeting", &[("name", &to.display_name)]),
            paragraphs: vec![
                i.ta(
                    "email-comment-body",
                    &[("author", &user.display_name), ("block", &block_title)],
                ),
                body.to_string(),
            ],
            action: Some((
                i.t("email-comment-action"),
                state.url(&back(canvas.id, &block.key)),
            )),
            after: vec![i.t("email-comment-why")],
        }
        .queue(&state)
        .await?;
    }
    Ok(Redirect::to(&back(canvas.id, &block.key)).into_response())
}

/// `POST /canvases/{id}/comments/{comment}/resolve` and `…/reopen`.
pub async fn resolve(
    state: State<AppState>,
    ctx: Ctx,
    path: Path<(i64, i64)>,
) -> WebResult<Response> {
    set(state, ctx, path, true).await
}

pub async fn reopen(
    state: State<AppState>,
    ctx: Ctx,
    path: Path<(i64, i64)>,
) -> WebResult<Response> {
    set(state, ctx, path, false).await
}

async fn set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, comment)): Path<(i64, i64)>,
    resolved: bool,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let user = ctx.require_user()?;
    let block = store::canvas::comments(&state.db, canvas.id)
        .await?
        .into_iter()
        .find(|c| c.id == comment)
        .map(|c| c.block)
        .ok_or(WebError::NotFound)?;
    store::canvas::set_resolved(&state.db, canvas.id, comment, resolved, user.id).await?;
    Ok(Redirect::to(&back(canvas.id, &block)).into_response())
}
