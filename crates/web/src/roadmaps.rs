//! Roadmaps: import the Markdown of a feuille de route, follow its progress period by period,
//! check items off, export it back unchanged.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::roadmap::{self, Roadmap};
use domain::{Action, Scope};
use serde::Deserialize;
use store::roadmaps::RoadmapRow;
use time::Date;

pub mod import;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/roadmaps", get(list))
        .route("/roadmaps/import", post(import))
        .route("/roadmaps/{id}", get(show))
        .route("/roadmaps/{id}/items", post(toggle))
        .route("/roadmaps/{id}/start", post(start))
        .route("/roadmaps/{id}/export.md", get(export))
}

/// A roadmap's start date (`2026-10-01`), read by the one date parser.
pub fn parse_date(text: &str) -> Option<Date> {
    domain::tracking::parse_date(text).ok()
}

fn today() -> Date {
    domain::time_zone::to_paris(store::now()).date()
}

/// The scope a roadmap belongs to: its project's, or its centre's.
async fn scope_of(state: &AppState, ctx: &Ctx, row: &RoadmapRow) -> WebResult<(Scope, Action)> {
    match row.project_id {
        Some(project) => Ok((
            crate::project_access::project_scope(state, ctx, project)
                .await?
                .1,
            Action::EditProject,
        )),
        None => Ok((Scope::Centre(row.centre_id), Action::ManageCentre)),
    }
}

/// A roadmap the user may see; `Err(NotFound)` for other centres'.
pub(crate) async fn visible(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(RoadmapRow, bool)> {
    ctx.require_user()?;
    let row = store::roadmaps::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let can_edit = may_see(state, ctx, &row).await?;
    Ok((row, can_edit))
}

/// Whether the user may edit a roadmap they may see; `Err(NotFound)` when they may not see it.
async fn may_see(state: &AppState, ctx: &Ctx, row: &RoadmapRow) -> WebResult<bool> {
    let user_scope_ok = |scope: Scope| {
        ctx.actor.can(
            if matches!(scope, Scope::Project { .. }) {
                Action::ViewProject
            } else {
                Action::ViewCentre
            },
            scope,
        )
    };
    let (scope, edit_action) = scope_of(state, ctx, row).await?;
    if !user_scope_ok(scope) {
        return Err(WebError::NotFound);
    }
    Ok(ctx.actor.can(edit_action, scope))
}

/// What the roadmap page reads: the row, its document parsed and its items' details.
type PageRead = Option<(RoadmapRow, Roadmap, Vec<store::tracking::ItemDetails>)>;

/// The roadmap page's read, kept a few seconds per roadmap (`AppState::reads`); who may see
/// it is checked on every request.
async fn page_read(state: &AppState, id: i64) -> WebResult<std::sync::Arc<PageRead>> {
    state
        .reads
        .get_or_read(format!("roadmap-page:{id}"), async {
            let Some(row) = store::roadmaps::find(&state.db, id).await? else {
                return Ok::<PageRead, WebError>(None);
            };
            let doc = row.roadmap()?;
            let details = store::tracking::item_details(&state.db, row.id).await?;
            Ok(Some((row, doc, details)))
        })
        .await
}

pub struct RoadmapCard {
    pub id: i64,
    pub title: String,
    pub centre: String,
    pub percent: u8,
    pub progress_label: String,
}

#[derive(Template)]
#[template(path = "roadmaps/list.html")]
struct ListView {
    layout: Layout,
    roadmaps: Vec<RoadmapCard>,
    centres: Vec<(String, String)>,
    markdown: String,
    start_date: String,
    error: Option<String>,
    file_error: Option<String>,
}

/// Cards for the roadmaps of every centre the user can see.
pub async fn cards(state: &AppState, ctx: &Ctx) -> WebResult<Vec<RoadmapCard>> {
    let i = ctx.i;
    let mut out = Vec::new();
    for centre in state.centres().await?.iter() {
        if !ctx.actor.can(Action::ViewCentre, Scope::Centre(centre.id)) {
            continue;
        }
        for row in store::roadmaps::for_centre(&state.db, centre.id).await? {
            if row.project_id.is_some() {
                continue;
            }
            let progress = row.roadmap()?.progress().overall;
            out.push(RoadmapCard {
                id: row.id,
                title: row.title,
                centre: centre.name.clone(),
                percent: progress.percent(),
                progress_label: i.ta(
                    "roadmap-progress",
                    &[
                        ("done", &progress.done.to_string()),
                        ("total", &progress.total.to_string()),
                    ],
                ),
            });
        }
    }
    Ok(out)
}

pub(crate) async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    markdown: String,
    start_date: String,
    error: Option<String>,
    file_error: Option<String>,
) -> WebResult<Response> {
    ctx.require_user()?;
    let centres = state
        .centres()
        .await?
        .iter()
        .filter(|c| ctx.actor.can(Action::ManageCentre, Scope::Centre(c.id)))
        .map(|c| (c.slug.clone(), c.name.clone()))
        .collect();
    let status = if error.is_some() || file_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = ListView {
        layout: Layout::new(state, ctx, ctx.i.t("roadmaps-title")),
        roadmaps: cards(state, ctx).await?,
        centres,
        markdown,
        start_date,
        error,
        file_error,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    render_list(&state, &ctx, String::new(), String::new(), None, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ImportForm {
    pub markdown: String,
    pub centre: String,
    pub start_date: String,
}

/// A roadmap error in the reader's language, naming the line.
pub fn error_message(ctx: &Ctx, err: &roadmap::RoadmapError) -> String {
    let i = ctx.i;
    let what = i.t(err.message_key());
    if err.line == 0 {
        what
    } else {
        i.ta(
            "roadmap-error-at-line",
            &[("line", &err.line.to_string()), ("message", &what)],
        )
    }
}

pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ImportForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let centre = store::centres::find_by_slug(&state.db, &form.centre)
        .await?
        .ok_or(WebError::BadRequest("error-form-invalid"))?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    let start = form.start_date.trim();
    if !start.is_empty() && parse_date(start).is_none() {
        let message = ctx.i.t("roadmap-error-start-date");
        return render_list(
            &state,
            &ctx,
            form.markdown,
            form.start_date,
            Some(message),
            None,
        )
        .await;
    }
    // Browsers send a text area's lines with CRLF ends whatever the file had: stored as LF, the
    // usual ending of Markdown files.
    let target = import::Target::New {
        centre_id: centre.id,
        project_id: None,
        start_date: (!start.is_empty()).then_some(start),
    };
    let file = import::File::Sent(form.markdown.as_bytes());
    match import::import(&state.db, file, target, Some(user.id)).await {
        Ok(id) => Ok(Redirect::to(&format!("/roadmaps/{id}")).into_response()),
        Err(import::ImportError::Store(err)) => Err(err.into()),
        Err(import::ImportError::File(err)) => {
            let message = error_message(&ctx, &err);
            render_list(
                &state,
                &ctx,
                form.markdown,
                form.start_date,
                Some(message),
                None,
            )
            .await
        }
    }
}

pub struct ItemView {
    pub phase: usize,
    pub period: usize,
    pub index: usize,
    pub text: String,
    pub done: bool,
    pub overdue: bool,
    pub owner: String,
    pub due: String,
    pub notes: String,
    pub link: String,
    pub evidence: String,
}

/// A refused details form, shown again beside its item.
pub struct DetailsProblem {
    pub input: crate::tracking::DetailsForm,
    pub errors: crate::form::FieldErrors,
}

pub struct PeriodView {
    pub index: usize,
    pub heading: String,
    pub dates: String,
    pub current: bool,
    pub progress_label: String,
    pub items: Vec<ItemView>,
}

pub struct PhaseView {
    pub heading: String,
    pub notes: String,
    pub percent: u8,
    pub progress_label: String,
    pub periods: Vec<PeriodView>,
}

#[derive(Template)]
#[template(path = "roadmaps/show.html")]
struct ShowView {
    layout: Layout,
    id: i64,
    title: String,
    intro: String,
    centre: String,
    revision: i64,
    can_edit: bool,
    start_date: String,
    start_label: String,
    percent: u8,
    progress_label: String,
    phases: Vec<PhaseView>,
    overdue_label: String,
    project: Option<i64>,
}

fn month_label(ctx: &Ctx, date: Date) -> String {
    format!(
        "{} {}",
        ctx.i.t(&format!("month-{}", date.month() as u8)),
        date.year()
    )
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let state = &state;
    let ctx = &ctx;
    ctx.require_user()?;
    let read = page_read(state, id).await?;
    let (row, doc, details) = read.as_ref().as_ref().ok_or(WebError::NotFound)?;
    let can_edit = may_see(state, ctx, row).await?;
    let i = ctx.i;
    let start = row.start_date.as_deref().and_then(parse_date);
    let current = start.and_then(|s| doc.current_period(s, today()));
    let overdue = crate::tracking::overdue_for(row, doc, details, today());
    let progress = doc.progress();
    let label = |p: &roadmap::Progress| {
        i.ta(
            "roadmap-progress",
            &[
                ("done", &p.done.to_string()),
                ("total", &p.total.to_string()),
            ],
        )
    };
    let phases = doc
        .phases
        .iter()
        .enumerate()
        .map(|(pi, phase)| {
            let pp = progress.phases.get(pi);
            PhaseView {
                heading: phase.heading.text().to_string(),
                notes: phase.notes_text(),
                percent: pp.map_or(0, |p| p.overall.percent()),
                progress_label: pp.map(|p| label(&p.overall)).unwrap_or_default(),
                periods: phase
                    .periods
                    .iter()
                    .enumerate()
                    .map(|(qi, period)| {
                        let per = pp.and_then(|p| p.periods.get(qi));
                        let dates = match (start, period.months()) {
                            (Some(s), Some(m)) if m.last > m.first => {
                                match (
                                    roadmap::period_start(s, m.first),
                                    roadmap::period_start(s, m.last),
                                ) {
                                    (Some(a), Some(b)) => ctx.i.ta(
                                        "roadmap-months-range",
                                        &[
                                            ("from", &month_label(ctx, a)),
                                            ("to", &month_label(ctx, b)),
                                        ],
                                    ),
                                    _ => String::new(),
                                }
                            }
                            (Some(s), Some(m)) => roadmap::period_start(s, m.first)
                                .map(|d| month_label(ctx, d))
                                .unwrap_or_default(),
                            _ => String::new(),
                        };
                        PeriodView {
                            index: qi,
                            heading: period.heading.text().to_string(),
                            dates,
                            current: current == Some((pi, qi)),
                            progress_label: per.map(&label).unwrap_or_default(),
                            items: period
                                .items
                                .iter()
                                .enumerate()
                                .map(|(ii, item)| {
                                    let d = details.iter().find(|d| {
                                        (d.phase, d.period, d.item)
                                            == (pi as i64, qi as i64, ii as i64)
                                    });
                                    ItemView {
                                        phase: pi,
                                        period: qi,
                                        index: ii,
                                        text: item.text.clone(),
                                        done: item.done,
                                        overdue: overdue.contains(&(pi, qi, ii)),
                                        owner: d
                                            .and_then(|d| d.owner_name.clone())
                                            .unwrap_or_default(),
                                        due: d
                                            .and_then(|d| d.due_on.as_deref())
                                            .map(|v| crate::tracking::day(i, v))
                                            .unwrap_or_default(),
                                        notes: d.map(|d| d.notes.clone()).unwrap_or_default(),
                                        link: d.map(|d| d.link.clone()).unwrap_or_default(),
                                        evidence: d.map(|d| d.evidence.clone()).unwrap_or_default(),
                                    }
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let centre = state.centre_name(row.centre_id).await?;
    let view = ShowView {
        layout: Layout::new(state, ctx, doc.title.clone()),
        id: row.id,
        title: doc.title.clone(),
        intro: doc.intro(),
        centre,
        revision: row.revision,
        can_edit,
        start_label: start
            .map(|d| i.ta("roadmap-started", &[("date", &month_label(ctx, d))]))
            .unwrap_or_else(|| i.t("roadmap-no-start")),
        start_date: row.start_date.clone().unwrap_or_default(),
        percent: progress.overall.percent(),
        progress_label: label(&progress.overall),
        phases,
        overdue_label: if overdue.is_empty() {
            String::new()
        } else {
            i.tn("alert-overdue-roadmap", overdue.len() as i64)
        },
        project: row.project_id,
    };
    Ok(Html(view.render()?).into_response())
}

/// Ticks an item or clears it. The roadmap page sends one form per period whose buttons say
/// which item and what to (`toggle=2:true`); `item` and `done` may come as fields too.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ToggleForm {
    pub phase: usize,
    pub period: usize,
    pub item: usize,
    pub done: bool,
    pub revision: i64,
    pub toggle: String,
}

impl ToggleForm {
    /// The item and whether it is now done.
    fn target(&self) -> Option<(usize, bool)> {
        if self.toggle.is_empty() {
            return Some((self.item, self.done));
        }
        let (item, done) = self.toggle.split_once(':')?;
        Some((item.parse().ok()?, done.parse().ok()?))
    }
}

pub async fn toggle(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ToggleForm>,
) -> WebResult<Response> {
    let (row, can_edit) = visible(&state, &ctx, id).await?;
    if !can_edit {
        return Err(WebError::Forbidden);
    }
    let anchor = format!("/roadmaps/{}#period-{}-{}", row.id, form.phase, form.period);
    let (item, done) = form
        .target()
        .ok_or(WebError::BadRequest("error-form-invalid"))?;
    match store::roadmaps::set_done(
        &state.db,
        row.id,
        form.revision,
        (form.phase, form.period, item),
        done,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&anchor).into_response()),
        Err(store::StoreError::Stale(_)) => Ok(crate::respond::redirect_with_flash(
            &anchor,
            "flash-roadmap-stale",
            &state,
        )),
        Err(store::StoreError::NotFound) => Err(WebError::NotFound),
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    pub start_date: String,
}

pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StartForm>,
) -> WebResult<Response> {
    let (row, can_edit) = visible(&state, &ctx, id).await?;
    if !can_edit {
        return Err(WebError::Forbidden);
    }
    let text = form.start_date.trim();
    let date = if text.is_empty() {
        None
    } else {
        Some(parse_date(text).ok_or(WebError::BadRequest("roadmap-error-start-date"))?)
    };
    let stored = date.map(|_| text);
    store::roadmaps::set_start_date(&state.db, row.id, stored).await?;
    Ok(Redirect::to(&format!("/roadmaps/{}", row.id)).into_response())
}

pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (row, _) = visible(&state, &ctx, id).await?;
    Ok(respond::file(
        roadmap::render(&row.roadmap()?),
        "text/markdown; charset=utf-8",
        Disposition::Attachment,
        &format!("feuille-de-route-{}.md", row.id),
    ))
}
