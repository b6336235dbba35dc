//! The canvas page: a board of blocks with their notes, like the poster. A note opens for
//! editing in place (canvas-editor.js) or on its own page (`note_page`); comments and the guide
//! are read when they are opened, so the page stays light whatever the canvas holds.
use super::canvas_for;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::canvas::{BlockHint, Colour, DocumentItem, MAX_ITEMS, completeness, template};
use serde::Deserialize;

/// A new note that was refused: its block's field opens again with the message and the text.
pub struct AddProblem {
    pub block: String,
    pub message: String,
    pub text: String,
}

pub struct ItemView {
    pub id: i64,
    pub text: String,
    pub colour: &'static str,
    pub validated: bool,
    pub evidence: String,
    pub version: i64,
}

pub struct BlockView {
    pub key: String,
    pub title: String,
    pub question: String,
    pub area: String,
    pub hint: String,
    pub hint_class: &'static str,
    pub items: Vec<ItemView>,
    pub add_error: Option<String>,
    pub add_text: String,
    pub open_comments: i64,
    pub comments_label: String,
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
    /// Words repeated on every note, looked up once per page.
    pub l: NoteLabels,
    pub count_label: String,
    /// The same with `{count}` in place of the number, for the editor to keep it true as notes
    /// are added and removed without reloading the page.
    pub count_template: String,
    pub full: bool,
}

pub struct NoteLabels {
    pub validated: String,
    pub evidence: String,
}

/// The colours a note can take, with their names in the reader's language.
pub fn colours(i: &crate::i18n::I18n) -> Vec<(String, String)> {
    Colour::ALL
        .iter()
        .map(|c| {
            (
                c.code().to_string(),
                i.t(&format!("canvas-colour-{}", c.code())),
            )
        })
        .collect()
}

/// `gc-… gw-… gr-… gh-…`: where a block sits on the wide grid.
pub fn area_class(area: &domain::canvas::Area) -> String {
    format!(
        "gc-{} gw-{} gr-{} gh-{}",
        area.column, area.width, area.row, area.height
    )
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
    problem: Option<AddProblem>,
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
pub fn short(text: &str) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(6).collect();
    let tail = if words.next().is_some() { "…" } else { "" };
    format!("{}{tail}", head.join(" "))
}

pub async fn build_blocks(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    problem: Option<AddProblem>,
) -> WebResult<BlocksView> {
    let (canvas, project) = canvas_for(state, ctx, id, Action::ViewProject).await?;
    let i = ctx.i;
    let locale = i.locale;
    let can_edit = ctx.actor.can(
        Action::EditProject,
        crate::project_access::visible_scope(ctx, &project)?,
    );
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let doc_items: Vec<DocumentItem> = items.iter().cloned().map(DocumentItem::from).collect();
    let hints = completeness(&doc_items);
    let open_comments = store::canvas::open_comment_counts(&state.db, canvas.id).await?;
    let blocks = template()
        .blocks
        .iter()
        .map(|b| {
            let text = b.text(locale);
            let hint = hints
                .iter()
                .find(|(k, _)| *k == b.key)
                .map_or(BlockHint::Empty, |(_, h)| *h);
            let add = problem.as_ref().filter(|p| p.block == b.key);
            let open = open_comments
                .iter()
                .find(|(k, _)| *k == b.key)
                .map_or(0, |(_, n)| *n);
            BlockView {
                key: b.key.clone(),
                title: text.title.clone(),
                question: text.question.clone(),
                area: area_class(&b.area),
                hint: i.t(hint.message_key()),
                hint_class: match hint {
                    BlockHint::Complete => "badge-success",
                    BlockHint::Empty => "badge-neutral",
                    _ => "badge-warning",
                },
                items: items
                    .iter()
                    .filter(|it| it.block == b.key)
                    .map(|it| ItemView {
                        id: it.id,
                        text: it.text.clone(),
                        colour: it.colour.code(),
                        validated: it.status == domain::canvas::ItemStatus::Validated,
                        evidence: it.evidence.clone(),
                        version: it.version,
                    })
                    .collect(),
                add_error: add.map(|p| p.message.clone()),
                add_text: add.map(|p| p.text.clone()).unwrap_or_default(),
                open_comments: open,
                comments_label: i.tn("canvas-comments-count", open),
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
        colours: colours(&i),
        l: NoteLabels {
            validated: i.t("canvas-validated"),
            evidence: i.t("canvas-evidence"),
        },
        count_label: i.ta(
            "canvas-count",
            &[
                ("count", &i.number(items.len() as i64)),
                ("max", &i.number(MAX_ITEMS as i64)),
            ],
        ),
        count_template: i.ta(
            "canvas-count",
            &[("count", "{count}"), ("max", &i.number(MAX_ITEMS as i64))],
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
pub struct PosterView {
    pub layout: Layout,
    pub id: i64,
    pub title: String,
    pub project_name: String,
    pub date: String,
    pub blocks: Vec<PosterBlock>,
    /// Opened from a share link: no way back to an editor.
    pub shared: bool,
}

pub struct PosterBlock {
    pub key: String,
    pub title: String,
    pub area: String,
    pub items: Vec<PosterNote>,
}

pub struct PosterNote {
    pub text: String,
    pub colour: &'static str,
}

/// Every block with its notes, read-only.
pub fn poster_blocks(items: &[store::canvas::Item], locale: domain::Locale) -> Vec<PosterBlock> {
    template()
        .blocks
        .iter()
        .map(|b| PosterBlock {
            key: b.key.clone(),
            title: b.text(locale).title.clone(),
            area: area_class(&b.area),
            items: items
                .iter()
                .filter(|it| it.block == b.key)
                .map(|it| PosterNote {
                    text: it.text.clone(),
                    colour: it.colour.code(),
                })
                .collect(),
        })
        .collect()
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
    let view = PosterView {
        layout: Layout::new(&state, &ctx, canvas.title.clone()),
        id: canvas.id,
        date: ctx.i.date(canvas.updated_at),
        title: canvas.title,
        project_name: project.name,
        blocks: poster_blocks(&items, ctx.i.locale),
        shared: false,
    };
    Ok(Html(view.render()?).into_response())
}
