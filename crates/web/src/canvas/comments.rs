//! Comments on a block or a note: anyone who follows the project (members, coaches) can write,
//! resolve and reopen; the others on the project are told by e-mail (through the job queue).
//! A block's comments are a page of their own, which the editor opens in its side panel.
use super::canvas_for;
use super::page::short;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Action;
use domain::canvas::BlockDef;
use serde::Deserialize;
use store::canvas::{Canvas, MAX_COMMENT_CHARS};

#[derive(Debug, Default, Deserialize)]
pub struct BlockQuery {
    #[serde(default)]
    pub block: String,
}

pub struct CommentView {
    pub id: i64,
    pub author: String,
    pub when: String,
    pub body: String,
    /// The first words of the note it is about, if it is about a note.
    pub about: Option<String>,
    pub resolved: bool,
}

#[derive(Template)]
#[template(path = "canvas/comments.html")]
struct CommentsView {
    layout: Layout,
    canvas_id: i64,
    canvas_title: String,
    block_key: String,
    block_title: String,
    comments: Vec<CommentView>,
    open: i64,
    count_label: String,
    /// The block's notes, `(id, first words)`, to say which one a comment is about.
    notes: Vec<(i64, String)>,
    error: Option<String>,
    typed: String,
    about: String,
}

/// A comment that was refused: its message and what was typed.
struct CommentProblem {
    message: String,
    body: String,
    item: String,
}

/// `GET /canvases/{id}/comments?block=…`: a block's comments and the form to write one.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<BlockQuery>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let block = domain::canvas::template()
        .block(&q.block)
        .ok_or(WebError::NotFound)?;
    render(&state, &ctx, canvas, block, None).await
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    canvas: Canvas,
    block: &BlockDef,
    problem: Option<CommentProblem>,
) -> WebResult<Response> {
    let i = ctx.i;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let someone = i.t("canvas-versions-someone");
    let comments: Vec<CommentView> = store::canvas::comments(&state.db, canvas.id)
        .await?
        .into_iter()
        .filter(|c| c.block == block.key)
        .map(|c| CommentView {
            id: c.id,
            author: c.author.unwrap_or_else(|| someone.clone()),
            when: i.datetime(c.created_at),
            about: c
                .item_id
                .and_then(|id| items.iter().find(|it| it.id == id))
                .map(|it| short(&it.text)),
            body: c.body,
            resolved: c.resolved_at.is_some(),
        })
        .collect();
    let open = comments.iter().filter(|c| !c.resolved).count() as i64;
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let block_title = block.text(i.locale).title.clone();
    let view = CommentsView {
        layout: Layout::new(state, ctx, format!("{block_title} · {}", canvas.title)),
        canvas_id: canvas.id,
        canvas_title: canvas.title,
        block_key: block.key.clone(),
        block_title,
        comments,
        open,
        count_label: i.tn("canvas-comments-count", open),
        notes: items
            .iter()
            .filter(|it| it.block == block.key)
            .map(|it| (it.id, short(&it.text)))
            .collect(),
        error: problem.as_ref().map(|p| p.message.clone()),
        typed: problem.as_ref().map(|p| p.body.clone()).unwrap_or_default(),
        about: problem.map(|p| p.item).unwrap_or_default(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommentForm {
    pub block: String,
    /// Empty for the block itself, or the id of one of its notes.
    pub item: String,
    pub body: String,
}

fn back(canvas: i64, block: &str) -> String {
    format!("/canvases/{canvas}/comments?block={block}")
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
        let problem = CommentProblem {
            message: ctx.i.t(key),
            body: form.body.clone(),
            item: form.item.clone(),
        };
        return render(&state, &ctx, canvas, block, Some(problem)).await;
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
