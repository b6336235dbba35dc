//! Editing a roadmap in the web, not only ticking it: add, edit, move and delete items and
//! periods (an edit page per item and per period, so the roadmap page stays light), and import a
//! new version of the file over it, with what changes shown before it applies. Every change
//! carries the revision it was made from; each item's details follow the item.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::roadmaps::import::{File, Target, save};
use crate::roadmaps::visible;
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use domain::roadmap::Roadmap;
use domain::roadmap_edit::{Edit, EditError, ImportChanges, Pos, apply, compare};
use serde::Deserialize;
use store::roadmaps::RoadmapRow;

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/roadmaps/{id}/edit", post(edit))
        .route("/roadmaps/{id}/periods/{phase}/{period}", get(period_page))
        .route(
            "/roadmaps/{id}/phases/{phase}/new-period",
            get(new_period_page),
        )
        .route(
            "/roadmaps/{id}/items/{phase}/{period}/{item}",
            get(item_page),
        )
        .route(
            "/roadmaps/{id}/reimport",
            post(reimport).layer(upload_limit),
        )
}

/// What an edit page shows.
#[derive(Clone, Copy)]
enum Mode {
    Period { phase: usize, period: usize },
    NewPeriod { phase: usize },
    Item { at: Pos },
}

#[derive(Template)]
#[template(path = "roadmaps/edit.html")]
struct EditView {
    layout: Layout,
    id: i64,
    revision: i64,
    /// `period`, `new-period` or `item`.
    mode: &'static str,
    phase: usize,
    period: usize,
    item: usize,
    heading: String,
    text: String,
    /// What was typed in the "add an item" field of a period.
    new_item: String,
    items: Vec<(usize, String)>,
    /// Every period as (`phase:period`, heading), for moving an item.
    targets: Vec<(String, String)>,
    current_target: String,
    can_move_up: bool,
    can_move_down: bool,
    error: Option<String>,
    /// The field the error belongs to: `text`, `heading` or `new_item`.
    error_field: &'static str,
    /// An item's details form (item pages only), with the people who can own it.
    details: Option<crate::tracking::ItemDetailsForm>,
    owners: Vec<(i64, String)>,
}

async fn editable(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(RoadmapRow, Roadmap)> {
    let (row, can_edit) = visible(state, ctx, id).await?;
    if !can_edit {
        return Err(WebError::Forbidden);
    }
    let doc = row.roadmap()?;
    Ok((row, doc))
}

/// A refused change: the field, the message, what was typed.
type Refused = (&'static str, String, String);

/// Renders an edit page, with a refused change shown beside its field.
async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    mode: Mode,
    refused: Option<Refused>,
) -> WebResult<Response> {
    render_page(state, ctx, id, mode, refused, None).await
}

/// An item's edit page with its refused details form shown again (422).
pub(crate) async fn item_with_details_problem(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    problem: crate::roadmaps::DetailsProblem,
) -> WebResult<Response> {
    let at = (
        problem.input.phase,
        problem.input.period,
        problem.input.item,
    );
    let mut page = render_page(state, ctx, id, Mode::Item { at }, None, Some(problem)).await?;
    *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(page)
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    mode: Mode,
    refused: Option<Refused>,
    details_problem: Option<crate::roadmaps::DetailsProblem>,
) -> WebResult<Response> {
    let (row, doc) = editable(state, ctx, id).await?;
    let i = ctx.i;
    let targets = doc
        .phases
        .iter()
        .enumerate()
        .flat_map(|(p, phase)| {
            phase
                .periods
                .iter()
                .enumerate()
                .map(move |(q, period)| (format!("{p}:{q}"), period.heading.text().to_string()))
        })
        .collect();
    let (mode_code, phase, period, item, heading, text, items, name) = match mode {
        Mode::Period { phase, period } => {
            let p = doc
                .phases
                .get(phase)
                .and_then(|p| p.periods.get(period))
                .ok_or(WebError::NotFound)?;
            let items = p
                .items
                .iter()
                .enumerate()
                .map(|(k, it)| (k, it.text.clone()))
                .collect();
            let heading = p.heading.text().to_string();
            (
                "period",
                phase,
                period,
                0,
                heading.clone(),
                String::new(),
                items,
                i.ta("roadmap-edit-period-title", &[("period", &heading)]),
            )
        }
        Mode::NewPeriod { phase } => {
            let p = doc.phases.get(phase).ok_or(WebError::NotFound)?;
            (
                "new-period",
                phase,
                p.periods.len(),
                0,
                String::new(),
                String::new(),
                Vec::new(),
                i.ta("roadmap-new-period-title", &[("phase", p.heading.text())]),
            )
        }
        Mode::Item { at } => {
            let it = doc.item(at.0, at.1, at.2).ok_or(WebError::NotFound)?;
            (
                "item",
                at.0,
                at.1,
                at.2,
                String::new(),
                it.text.clone(),
                Vec::new(),
                i.t("roadmap-edit-item-title"),
            )
        }
    };
    let period_count = doc.phases.get(phase).map_or(0, |p| p.periods.len());
    let (mut heading, mut text, mut new_item) = (heading, text, String::new());
    let (error, error_field) = match refused {
        Some((field, message, typed)) => {
            match field {
                "heading" => heading = typed,
                "new_item" => new_item = typed,
                _ => text = typed,
            }
            (Some(message), field)
        }
        None => (None, ""),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    // An item's details are edited on its page, not on the roadmap's.
    let (details, owners) = match mode {
        Mode::Item { at } => {
            let stored = store::tracking::item_details(&state.db, row.id).await?;
            let owners = crate::tracking::owners(state, &row).await?;
            let mine = stored
                .iter()
                .find(|d| (d.phase, d.period, d.item) == (at.0 as i64, at.1 as i64, at.2 as i64));
            (
                Some(crate::tracking::ItemDetailsForm::new(
                    i,
                    mine,
                    details_problem,
                )),
                owners,
            )
        }
        _ => (None, Vec::new()),
    };
    let view = EditView {
        layout: Layout::new(state, ctx, name)
            .under(format!("/roadmaps/{}", row.id), doc.title.clone()),
        id: row.id,
        revision: row.revision,
        mode: mode_code,
        phase,
        period,
        item,
        heading,
        text,
        new_item,
        items,
        targets,
        current_target: format!("{phase}:{period}"),
        can_move_up: period > 0,
        can_move_down: period + 1 < period_count,
        error,
        error_field,
        details,
        owners,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn period_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, phase, period)): Path<(i64, usize, usize)>,
) -> WebResult<Response> {
    render(&state, &ctx, id, Mode::Period { phase, period }, None).await
}

pub async fn new_period_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, phase)): Path<(i64, usize)>,
) -> WebResult<Response> {
    render(&state, &ctx, id, Mode::NewPeriod { phase }, None).await
}

pub async fn item_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, phase, period, item)): Path<(i64, usize, usize, usize)>,
) -> WebResult<Response> {
    render(
        &state,
        &ctx,
        id,
        Mode::Item {
            at: (phase, period, item),
        },
        None,
    )
    .await
}

/// Someone changed the roadmap since the page was shown: back to it, with a word why.
fn stale(id: i64, state: &AppState) -> Response {
    crate::respond::redirect_with_flash(&format!("/roadmaps/{id}"), "flash-roadmap-stale", state)
}

/// A change refused because the roadmap changed since the page was shown (409). What was typed
/// (`typed`: the page and field it was typed in) comes back beside its field over the current
/// version, to be checked and sent again; anything else (or a page that is gone) goes back to the
/// roadmap.
async fn stale_form(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: Option<(Mode, &'static str)>,
    text: String,
) -> WebResult<Response> {
    let Some((mode, field)) = typed else {
        return Ok(stale(id, state));
    };
    let message = ctx.i.t("roadmap-error-stale");
    match render(state, ctx, id, mode, Some((field, message, text))).await {
        Ok(mut page) => {
            *page.status_mut() = StatusCode::CONFLICT;
            Ok(page)
        }
        Err(WebError::NotFound) => Ok(stale(id, state)),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    /// add_item, edit_item, delete_item, move_item, add_period, rename_period, delete_period,
    /// period_up, period_down.
    pub op: String,
    pub revision: i64,
    pub phase: usize,
    pub period: usize,
    pub item: usize,
    pub text: String,
    /// Where an item goes: `phase:period`.
    pub target: String,
    /// `start` or `end` of the target period.
    pub position: String,
}

fn target(text: &str) -> Option<(usize, usize)> {
    let (p, q) = text.split_once(':')?;
    Some((p.trim().parse().ok()?, q.trim().parse().ok()?))
}

/// `POST /roadmaps/{id}/edit`: one change, from the revision the page showed.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EditForm>,
) -> WebResult<Response> {
    let (row, mut doc) = editable(&state, &ctx, id).await?;
    let at = (form.phase, form.period, form.item);
    let (edit, mode, anchor) = match form.op.as_str() {
        "add_item" => (
            Edit::AddItem {
                phase: form.phase,
                period: form.period,
                text: form.text.clone(),
            },
            Mode::Period {
                phase: form.phase,
                period: form.period,
            },
            format!("period-{}-{}", form.phase, form.period),
        ),
        "edit_item" => (
            Edit::EditItem {
                at,
                text: form.text.clone(),
            },
            Mode::Item { at },
            format!("item-{}-{}-{}", at.0, at.1, at.2),
        ),
        "delete_item" => (
            Edit::DeleteItem { at },
            Mode::Item { at },
            format!("period-{}-{}", at.0, at.1),
        ),
        "move_item" => {
            let (phase, period) =
                target(&form.target).ok_or(WebError::BadRequest("error-form-invalid"))?;
            let index = if form.position == "start" {
                0
            } else {
                usize::MAX
            };
            (
                Edit::MoveItem {
                    at,
                    phase,
                    period,
                    index,
                },
                Mode::Item { at },
                format!("period-{phase}-{period}"),
            )
        }
        "add_period" => (
            Edit::AddPeriod {
                phase: form.phase,
                heading: form.text.clone(),
            },
            Mode::NewPeriod { phase: form.phase },
            format!("phase-{}", form.phase),
        ),
        "rename_period" => (
            Edit::RenamePeriod {
                phase: form.phase,
                period: form.period,
                heading: form.text.clone(),
            },
            Mode::Period {
                phase: form.phase,
                period: form.period,
            },
            format!("period-{}-{}", form.phase, form.period),
        ),
        "delete_period" => (
            Edit::DeletePeriod {
                phase: form.phase,
                period: form.period,
            },
            Mode::Period {
                phase: form.phase,
                period: form.period,
            },
            format!("phase-{}", form.phase),
        ),
        "period_up" | "period_down" => {
            let up = form.op == "period_up";
            let to = if up {
                form.period.saturating_sub(1)
            } else {
                form.period + 1
            };
            (
                Edit::MovePeriod {
                    phase: form.phase,
                    period: form.period,
                    up,
                },
                Mode::Period {
                    phase: form.phase,
                    period: form.period,
                },
                format!("period-{}-{}", form.phase, to),
            )
        }
        _ => return Err(WebError::BadRequest("error-form-invalid")),
    };
    let field = match form.op.as_str() {
        "add_item" => "new_item",
        "add_period" | "rename_period" => "heading",
        _ => "text",
    };
    // A change typed in a field comes back beside it if the roadmap changed meanwhile.
    let typed = matches!(
        form.op.as_str(),
        "add_item" | "edit_item" | "add_period" | "rename_period"
    )
    .then_some((mode, field));
    if form.revision != row.revision {
        return stale_form(&state, &ctx, id, typed, form.text).await;
    }
    let moves = match apply(&mut doc, &edit) {
        Ok(moves) => moves,
        Err(EditError::NotFound) => return Err(WebError::NotFound),
        Err(e) => {
            let message = ctx.i.t(e.message_key());
            return render(&state, &ctx, id, mode, Some((field, message, form.text))).await;
        }
    };
    match store::roadmaps::replace(&state.db, id, row.revision, &doc, &moves).await {
        Ok(_) => {}
        Err(store::StoreError::Stale(_)) => {
            return stale_form(&state, &ctx, id, typed, form.text).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(crate::respond::redirect_with_flash(
        &format!("/roadmaps/{id}#{anchor}"),
        "flash-roadmap-saved",
        &state,
    ))
}

#[derive(Template)]
#[template(path = "roadmaps/reimport.html")]
struct ReimportView {
    layout: Layout,
    id: i64,
    revision: i64,
    markdown: String,
    changes: ImportChanges,
    kept_count: usize,
    moved_count: usize,
    error: Option<String>,
}

/// `POST /roadmaps/{id}/reimport`: a new version of the file (uploaded or pasted). Without
/// `confirm` it shows what would change; with it, it applies: items whose text did not change
/// keep their details wherever they now stand.
pub async fn reimport(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: Multipart,
) -> WebResult<Response> {
    let (row, old) = editable(&state, &ctx, id).await?;
    let markdown = form.text("markdown");
    let file = File::Sent(match form.file("file") {
        Some(file) => &file.data[..],
        None => markdown.as_bytes(),
    });
    let revision: i64 = form.text("revision").trim().parse().unwrap_or(-1);
    let render_with = |changes: ImportChanges, error: Option<String>, markdown: String| {
        let kept_count = changes.kept.len();
        let moved_count = changes.kept.iter().filter(|(a, b)| a != b).count();
        let status = if error.is_some() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        ReimportView {
            layout: Layout::new(&state, &ctx, ctx.i.t("roadmap-reimport-title"))
                .under(format!("/roadmaps/{id}"), old.title.clone()),
            id,
            revision: row.revision,
            markdown,
            changes,
            kept_count,
            moved_count,
            error,
        }
        .render()
        .map(|html| (status, Html(html)).into_response())
        .map_err(WebError::from)
    };
    let new = match file.read() {
        Ok(new) => new,
        Err(err) => {
            let message = crate::roadmaps::error_message(&ctx, &err);
            return render_with(ImportChanges::default(), Some(message), String::new());
        }
    };
    if form.text("confirm") != "1" {
        // The confirmation sends the file back as it will be stored.
        return render_with(compare(&old, &new), None, new.render());
    }
    let target = Target::Over {
        row: &row,
        revision,
    };
    match save(&state.db, &new, target, ctx.actor.user_id).await {
        Ok(_) => {}
        Err(store::StoreError::Stale(_)) => return Ok(stale(id, &state)),
        Err(e) => return Err(e.into()),
    }
    Ok(crate::respond::redirect_with_flash(
        &format!("/roadmaps/{id}"),
        "flash-roadmap-reimported",
        &state,
    ))
}
