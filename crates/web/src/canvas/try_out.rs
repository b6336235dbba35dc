//! The canvas without an account: the visitor's notes live in their browser until they sign up,
//! and the sign-up form carries them into a first project.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::Role;
use domain::canvas::{CanvasDocument, MAX_ITEM_CHARS, template};

#[derive(Template)]
#[template(path = "canvas/try.html")]
struct TryView {
    layout: Layout,
    blocks: Vec<TryBlock>,
    max_chars: usize,
    template_id: String,
    template_version: u32,
}

struct TryBlock {
    key: String,
    title: String,
    question: String,
    example: String,
    area: String,
}

/// `GET /canvas/try`.
pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let locale = ctx.i.locale;
    let view = TryView {
        layout: Layout::new(&state, &ctx, ctx.i.t("canvas-try-title")),
        blocks: template()
            .blocks
            .iter()
            .map(|b| TryBlock {
                key: b.key.clone(),
                title: b.text(locale).title.clone(),
                question: b.text(locale).question.clone(),
                example: b.text(locale).example.clone(),
                area: format!(
                    "gc-{} gw-{} gr-{} gh-{}",
                    b.area.column, b.area.width, b.area.row, b.area.height
                ),
            })
            .collect(),
        max_chars: MAX_ITEM_CHARS,
        template_id: template().id.clone(),
        template_version: template().version,
    };
    Ok(Html(view.render()?).into_response())
}

/// Saves a visitor's canvas (the JSON the try page keeps in the browser) into a first project
/// for a newly signed-up person, in the studio's centre. Returns whether anything was saved: an
/// empty or unreadable draft is ignored (the account matters more than the draft).
pub async fn save_draft(
    state: &AppState,
    user_id: i64,
    draft: &str,
    project_name: &str,
) -> WebResult<bool> {
    let Ok((title, drafts)) = CanvasDocument::parse(draft) else {
        return Ok(false);
    };
    if drafts.is_empty() {
        return Ok(false);
    }
    let Some(studio) = state.studio_id().await? else {
        return Ok(false);
    };
    // One unit of work: the membership, the project and its canvas, or nothing.
    let mut tx = state.db.begin().await?;
    store::centres::grant(&mut tx, user_id, studio, Role::Participant).await?;
    let project = store::projects::create(
        &mut tx,
        &store::projects::NewProject {
            centre_id: studio,
            name: project_name,
            stage: domain::project::Stage::Idea.code(),
            created_by: Some(user_id),
            ..Default::default()
        },
    )
    .await?
    .id;
    store::projects::link(&mut tx, project, user_id, "member").await?;
    store::canvas::create_in(&mut tx, studio, project, &title, Some(user_id), &drafts).await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(true)
}
