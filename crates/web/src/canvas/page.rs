//! The canvas page: the one-page grid of blocks with their notes, guide and forms.
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
    /// Nothing was typed (a refused delete): the note's fields keep what is stored.
    pub stored: bool,
}

pub struct ItemView {
    pub id: i64,
    pub text: String,
    /// The first words, to name the note to screen readers.
    pub short: String,
    pub grip_label: String,
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
    /// The `<option>`s of "move to block" with this block selected, written once per block.
    pub move_options: String,
    pub add_error: Option<String>,
    pub add_text: String,
    pub add_evidence: String,
    pub comments: Vec<CommentView>,
    pub comments_label: String,
    pub comment_error: Option<String>,
    pub comment_text: String,
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
    pub full: bool,
}

pub struct NoteLabels {
    pub validated: String,
    pub hypothesis: String,
    pub text: String,
    pub evidence: String,
    pub evidence_field: String,
    pub more: String,
    pub colour: String,
    pub status: String,
    pub save: String,
    pub move_up: String,
    pub move_down: String,
    pub move_note: String,
    pub move_to: String,
    pub delete: String,
}

impl NoteLabels {
    fn new(i: &crate::i18n::I18n) -> Self {
        NoteLabels {
            validated: i.t("canvas-validated"),
            hypothesis: i.t("canvas-hypothesis"),
            text: i.t("canvas-field-text"),
            evidence: i.t("canvas-evidence"),
            evidence_field: i.t("canvas-field-evidence"),
            more: i.t("canvas-more"),
            colour: i.t("canvas-field-colour"),
            status: i.t("canvas-field-status"),
            save: i.t("action-save"),
            move_up: i.t("canvas-move-up"),
            move_down: i.t("canvas-move-down"),
            move_note: i.t("canvas-move"),
            move_to: i.t("canvas-move-to"),
            delete: i.t("canvas-delete"),
        }
    }
}

/// `<option>`s for the blocks, `selected` on one; labels escaped here because the template
/// writes the result as it is.
fn block_options(locale: domain::Locale, selected: &str) -> String {
    let mut out = String::new();
    for b in &template().blocks {
        let sel = if b.key == selected { " selected" } else { "" };
        out.push_str(&format!(
            "<option value=\"{}\"{sel}>{}</option>",
            crate::xml::escape(&b.key),
            crate::xml::escape(&b.text(locale).title)
        ));
    }
    out
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
        crate::project_access::visible_scope(ctx, &project)?,
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
    let comments = store::canvas::comments(&state.db, canvas.id).await?;
    let someone = i.t("canvas-versions-someone");
    let colours: Vec<(String, String)> = Colour::ALL
        .iter()
        .map(|c| {
            (
                c.code().to_string(),
                i.t(&format!("canvas-colour-{}", c.code())),
            )
        })
        .collect();
    let colour_label = |code: &str| {
        colours
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    };
    // Fluent fills the note's words in; looked up once, then the marker is replaced per note.
    let grip = i.ta("canvas-grip-label", &[("text", "\u{1}")]);
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
            let comment = problem_for(&format!("comment-{}", b.key));
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
                        let typed = p.filter(|p| !p.stored);
                        let short = short(&it.text);
                        ItemView {
                            id: it.id,
                            grip_label: grip.replace('\u{1}', &short),
                            short,
                            text: it.text.clone(),
                            colour: it.colour.clone(),
                            colour_label: colour_label(&it.colour),
                            validated: it.status == ItemStatus::Validated.code(),
                            evidence: it.evidence.clone(),
                            version: it.version,
                            first: n == 0,
                            last: n + 1 == count,
                            error: p.map(|p| p.message.clone()),
                            typed_text: typed.map_or_else(|| it.text.clone(), |p| p.text.clone()),
                            typed_evidence: typed
                                .map_or_else(|| it.evidence.clone(), |p| p.evidence.clone()),
                        }
                    })
                    .collect(),
                move_options: if can_edit && count > 0 {
                    block_options(locale, &b.key)
                } else {
                    String::new()
                },
                add_error: add.map(|p| p.message.clone()),
                add_text: add.map(|p| p.text.clone()).unwrap_or_default(),
                add_evidence: add.map(|p| p.evidence.clone()).unwrap_or_default(),
                comments: comments
                    .iter()
                    .filter(|c| c.block == b.key)
                    .map(|c| CommentView {
                        id: c.id,
                        author: c.author.clone().unwrap_or_else(|| someone.clone()),
                        when: i.datetime(c.created_at),
                        body: c.body.clone(),
                        about: c
                            .item_id
                            .and_then(|id| items.iter().find(|it| it.id == id))
                            .map(|it| short(&it.text)),
                        resolved: c.resolved_at.is_some(),
                    })
                    .collect(),
                comments_label: i.tn(
                    "canvas-comments-count",
                    comments
                        .iter()
                        .filter(|c| c.block == b.key && c.resolved_at.is_none())
                        .count() as i64,
                ),
                comment_error: comment.map(|p| p.message.clone()),
                comment_text: comment.map(|p| p.text.clone()).unwrap_or_default(),
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
        colours,
        l: NoteLabels::new(&i),
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
    pub colour: String,
}

/// Every block with its notes, read-only.
pub fn poster_blocks(items: &[store::canvas::Item], locale: domain::Locale) -> Vec<PosterBlock> {
    template()
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
