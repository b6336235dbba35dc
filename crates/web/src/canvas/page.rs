//! The canvas page: the one-page grid of blocks with their notes, guide and forms.
use super::canvas_for;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::canvas::{
    BlockHint, Colour, DocumentItem, ItemStatus, MAX_ITEMS, completeness, template,
};
use serde::Deserialize;

/// A form on the page that was sent with a mistake: shown again with the message and what was typed.
pub struct Problem {
    /// `add-<block>` or `item-<id>`.
    pub target: String,
    pub message: String,
    pub text: String,
    pub evidence: String,
}

pub struct ItemView {
    pub id: i64,
    pub text: String,
    /// The first words, to name the note to screen readers.
    pub short: String,
    pub colour: String,
    pub colour_label: String,
    pub validated: bool,
    pub evidence: String,
    pub version: i64,
    pub first: bool,
    pub last: bool,
    pub error: Option<String>,
    pub typed_text: String,
    pub typed_evidence: String,
}

pub struct BlockView {
    pub key: String,
    pub title: String,
    pub question: String,
    pub prompts: Vec<String>,
    pub example: String,
    pub mistakes: Vec<String>,
    pub guide: Vec<String>,
    pub area: String,
    pub hint: String,
    pub hint_class: &'static str,
    pub items: Vec<ItemView>,
    pub add_error: Option<String>,
    pub add_text: String,
    pub add_evidence: String,
}

/// What the editor page and its fragments show.
pub struct CanvasData {
    pub id: i64,
    pub title: String,
    pub project_id: i64,
    pub project_name: String,
    pub can_edit: bool,
    pub blocks: Vec<BlockView>,
    pub colours: Vec<(String, String)>,
    pub block_options: Vec<(String, String)>,
    pub count_label: String,
    pub full: bool,
}

#[derive(Template)]
#[template(path = "canvas/show.html")]
struct CanvasView {
    layout: Layout,
    d: CanvasData,
    deleted: Option<i64>,
}

/// Blocks re-rendered for the editor's script after a change.
#[derive(Template)]
#[template(path = "canvas/blocks.html")]
pub struct BlocksView {
    pub layout: Layout,
    pub d: CanvasData,
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    pub deleted: Option<i64>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> WebResult<Response> {
    render(&state, &ctx, id, None, q.deleted).await
}

pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    problem: Option<Problem>,
    deleted: Option<i64>,
) -> WebResult<Response> {
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let BlocksView { layout, d } = build_blocks(state, ctx, id, problem).await?;
    let view = CanvasView { layout, d, deleted };
    Ok((status, Html(view.render()?)).into_response())
}

/// The first words of a note, for labels.
fn short(text: &str) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(6).collect();
    let tail = if words.next().is_some() { "…" } else { "" };
    format!("{}{tail}", head.join(" "))
}

pub async fn build_blocks(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    problem: Option<Problem>,
) -> WebResult<BlocksView> {
    let (canvas, project) = canvas_for(state, ctx, id, Action::ViewProject).await?;
    let i = ctx.i;
    let locale = i.locale;
    let can_edit = ctx.actor.can(
        Action::EditProject,
        super::project_scope(state, ctx, project.id).await?.1,
    );
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let doc_items: Vec<DocumentItem> = items
        .iter()
        .map(|it| DocumentItem {
            block: it.block.clone(),
            text: it.text.clone(),
            colour: it.colour.clone(),
            status: it.status.clone(),
            evidence: it.evidence.clone(),
            indicator: it.indicator.clone(),
        })
        .collect();
    let hints = completeness(&doc_items);
    let problem_for = |target: &str| problem.as_ref().filter(|p| p.target == target);
    let blocks = template()
        .blocks
        .iter()
        .map(|b| {
            let text = b.text(locale);
            let mine: Vec<_> = items.iter().filter(|it| it.block == b.key).collect();
            let count = mine.len();
            let hint = hints
                .iter()
                .find(|(k, _)| *k == b.key)
                .map_or(BlockHint::Empty, |(_, h)| *h);
            let add = problem_for(&format!("add-{}", b.key));
            BlockView {
                key: b.key.clone(),
                title: text.title.clone(),
                question: text.question.clone(),
                prompts: text.prompts.clone(),
                example: text.example.clone(),
                mistakes: text.mistakes.clone(),
                guide: text.guide.split("\n\n").map(str::to_string).collect(),
                area: format!(
                    "gc-{} gw-{} gr-{} gh-{}",
                    b.area.column, b.area.width, b.area.row, b.area.height
                ),
                hint: i.t(hint.message_key()),
                hint_class: match hint {
                    BlockHint::Complete => "badge-success",
                    BlockHint::Empty => "badge-neutral",
                    _ => "badge-warning",
                },
                items: mine
                    .iter()
                    .enumerate()
                    .map(|(n, it)| {
                        let p = problem_for(&format!("item-{}", it.id));
                        ItemView {
                            id: it.id,
                            short: short(&it.text),
                            text: it.text.clone(),
                            colour: it.colour.clone(),
                            colour_label: i.t(&format!("canvas-colour-{}", it.colour)),
                            validated: it.status == ItemStatus::Validated.code(),
                            evidence: it.evidence.clone(),
                            version: it.version,
                            first: n == 0,
                            last: n + 1 == count,
                            error: p.map(|p| p.message.clone()),
                            typed_text: p.map_or_else(|| it.text.clone(), |p| p.text.clone()),
                            typed_evidence: p
                                .map_or_else(|| it.evidence.clone(), |p| p.evidence.clone()),
                        }
                    })
                    .collect(),
                add_error: add.map(|p| p.message.clone()),
                add_text: add.map(|p| p.text.clone()).unwrap_or_default(),
                add_evidence: add.map(|p| p.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let d = CanvasData {
        id: canvas.id,
        title: canvas.title,
        project_id: project.id,
        project_name: project.name,
        can_edit,
        blocks,
        colours: Colour::ALL
            .iter()
            .map(|c| {
                (
                    c.code().to_string(),
                    i.t(&format!("canvas-colour-{}", c.code())),
                )
            })
            .collect(),
        block_options: template()
            .blocks
            .iter()
            .map(|b| (b.key.clone(), b.text(locale).title.clone()))
            .collect(),
        count_label: i.ta(
            "canvas-count",
            &[
                ("count", &i.number(items.len() as i64)),
                ("max", &i.number(MAX_ITEMS as i64)),
            ],
        ),
        full: items.len() >= MAX_ITEMS,
    };
    Ok(BlocksView {
        layout: Layout::new(state, ctx, d.title.clone()),
        d,
    })
}

#[derive(Template)]
#[template(path = "canvas/poster.html")]
struct PosterView {
    layout: Layout,
    id: i64,
    title: String,
    project_name: String,
    date: String,
    blocks: Vec<PosterBlock>,
}

pub struct PosterBlock {
    pub key: String,
    pub title: String,
    pub area: String,
    pub items: Vec<PosterNote>,
}

pub struct PosterNote {
    pub text: String,
    pub colour: String,
}

/// The poster view: every block and note on one screen, large and read-only, for a projector
/// or for printing.
pub async fn poster(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let locale = ctx.i.locale;
    let blocks = template()
        .blocks
        .iter()
        .map(|b| PosterBlock {
            key: b.key.clone(),
            title: b.text(locale).title.clone(),
            area: format!(
                "gc-{} gw-{} gr-{} gh-{}",
                b.area.column, b.area.width, b.area.row, b.area.height
            ),
            items: items
                .iter()
                .filter(|it| it.block == b.key)
                .map(|it| PosterNote {
                    text: it.text.clone(),
                    colour: it.colour.clone(),
                })
                .collect(),
        })
        .collect();
    let view = PosterView {
        layout: Layout::new(&state, &ctx, canvas.title.clone()),
        id: canvas.id,
        date: ctx.i.date(canvas.updated_at),
        title: canvas.title,
        project_name: project.name,
        blocks,
    };
    Ok(Html(view.render()?).into_response())
}
