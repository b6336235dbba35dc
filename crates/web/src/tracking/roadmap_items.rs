//! What roadmaps gain from tracking: details beside each item (owner, due date, notes, a link
//! to what carries it out and to its evidence) kept out of the Markdown, overdue items, the
//! timeline on real dates, the "Lancer mon projet local" template, import from a file.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::roadmaps::{self, DetailsProblem};
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::roadmap::{self, Roadmap};
use domain::tracking::{self, ItemKey, MAX_NOTES};
use domain::{Action, Scope};
use serde::Deserialize;
use store::roadmaps::RoadmapRow;
use time::Date;

/// The overdue items of a stored roadmap, given its item details.
pub fn overdue_for(
    row: &RoadmapRow,
    doc: &Roadmap,
    details: &[store::tracking::ItemDetails],
    today: Date,
) -> Vec<ItemKey> {
    let start = row.start_date.as_deref().and_then(roadmaps::parse_date);
    let due: Vec<(ItemKey, Date)> = details
        .iter()
        .filter_map(|d| {
            let date = tracking::parse_date(d.due_on.as_deref()?).ok()?;
            Some((
                (
                    usize::try_from(d.phase).ok()?,
                    usize::try_from(d.period).ok()?,
                    usize::try_from(d.item).ok()?,
                ),
                date,
            ))
        })
        .collect();
    tracking::overdue_items(doc, start, &due, today)
}

/// The people who can own an item: the project's, or the centre's members.
pub async fn owners(state: &AppState, row: &RoadmapRow) -> WebResult<Vec<(i64, String)>> {
    Ok(match row.project_id {
        Some(p) => store::projects::people(&state.db, p)
            .await?
            .into_iter()
            .map(|(id, name, _)| (id, name))
            .collect(),
        None => {
            let mut list: Vec<(i64, String)> = store::centres::members(&state.db, row.centre_id)
                .await?
                .into_iter()
                .map(|m| (m.user_id, m.display_name))
                .collect();
            list.sort();
            list.dedup_by_key(|m| m.0);
            list
        }
    })
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct DetailsForm {
    pub phase: usize,
    pub period: usize,
    pub item: usize,
    pub owner: String,
    pub due_on: String,
    pub notes: String,
    pub link: String,
    pub evidence: String,
}

pub async fn save_details(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<DetailsForm>,
) -> WebResult<Response> {
    let (row, can_edit) = roadmaps::visible(&state, &ctx, id).await?;
    if !can_edit {
        return Err(WebError::Forbidden);
    }
    let doc = row.roadmap()?;
    if doc.item(input.phase, input.period, input.item).is_none() {
        return Err(WebError::NotFound);
    }
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let people = owners(&state, &row).await?;
    let owner = match input.owner.trim() {
        "" => None,
        text => match text
            .parse::<i64>()
            .ok()
            .filter(|o| people.iter().any(|p| p.0 == *o))
        {
            Some(o) => Some(o),
            None => {
                errors.add("owner", i, "tracking-error-person");
                None
            }
        },
    };
    let due = tracking::parse_optional_date(&input.due_on)
        .map_err(|e| errors.add("due_on", i, e.message_key()))
        .unwrap_or(None);
    let notes = tracking::check_text(&input.notes, MAX_NOTES, false)
        .map_err(|e| errors.add("notes", i, e.message_key()))
        .unwrap_or_default();
    let link = tracking::check_link(&input.link)
        .map_err(|e| errors.add("link", i, e.message_key()))
        .unwrap_or_default();
    let evidence = tracking::check_link(&input.evidence)
        .map_err(|e| errors.add("evidence", i, e.message_key()))
        .unwrap_or_default();
    if !errors.is_empty() {
        let problem = DetailsProblem { input, errors };
        return crate::roadmap_edit::item_with_details_problem(&state, &ctx, id, problem).await;
    }
    let due = due.map(tracking::iso);
    let at = (input.phase as i64, input.period as i64, input.item as i64);
    store::tracking::set_item_details(
        &state.db,
        row.id,
        at,
        &store::tracking::SetItemDetails {
            owner_id: owner,
            due_on: due.as_deref(),
            notes: &notes,
            link: &link,
            evidence: &evidence,
        },
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/roadmaps/{}#item-{}-{}-{}",
        row.id, input.phase, input.period, input.item
    ))
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    pub start_date: String,
}

/// A participant starts their project's roadmap from the "Lancer mon projet local" template.
pub async fn start_template(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<TemplateForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let (project, scope) = crate::project_access::project_scope(&state, &ctx, id).await?;
    ctx.authorize(Action::EditProject, scope)?;
    let start = match input.start_date.trim() {
        "" => super::today(),
        text => tracking::parse_date(text)
            .map_err(|_| WebError::BadRequest("roadmap-error-start-date"))?,
    };
    let doc =
        roadmap::parse(tracking::LAUNCH_TEMPLATE).map_err(|e| WebError::Internal(e.to_string()))?;
    let start = tracking::iso(start);
    let rid = store::roadmaps::create(
        &state.db,
        project.centre_id,
        Some(id),
        &doc,
        Some(&start),
        Some(user.id),
    )
    .await?;
    Ok(Redirect::to(&format!("/roadmaps/{rid}")).into_response())
}

/// Import of a roadmap file (`.md`) sent with a form; CRLF line ends become LF.
pub async fn import_file(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Multipart,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let centre = store::centres::find_by_slug(&state.db, form.text("centre").trim())
        .await?
        .ok_or(WebError::BadRequest("error-form-invalid"))?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    let start = form.text("start_date").trim().to_string();
    let fail = |message: String| {
        roadmaps::render_list(
            &state,
            &ctx,
            String::new(),
            start.clone(),
            None,
            Some(message),
        )
    };
    if !start.is_empty() && roadmaps::parse_date(&start).is_none() {
        return fail(ctx.i.t("roadmap-error-start-date")).await;
    }
    let Some(file) = form.file("file") else {
        return fail(ctx.i.t("roadmap-error-no-file")).await;
    };
    let target = roadmaps::import::Target::New {
        centre_id: centre.id,
        project_id: None,
        start_date: (!start.is_empty()).then_some(start.as_str()),
    };
    let file = roadmaps::import::File::Sent(&file.data);
    match roadmaps::import::import(&state.db, file, target, Some(user.id)).await {
        Ok(id) => Ok(Redirect::to(&format!("/roadmaps/{id}")).into_response()),
        Err(roadmaps::import::ImportError::Store(err)) => Err(err.into()),
        Err(roadmaps::import::ImportError::File(err)) => {
            fail(roadmaps::error_message(&ctx, &err)).await
        }
    }
}

pub struct TimelineRow {
    pub phase: String,
    pub heading: String,
    pub dates: String,
    pub current: bool,
    pub past: bool,
    pub percent: u8,
    pub progress_label: String,
    pub overdue: String,
    pub anchor: String,
}

#[derive(Template)]
#[template(path = "tracking/timeline.html")]
struct TimelineView {
    layout: Layout,
    id: i64,
    title: String,
    start_label: String,
    has_start: bool,
    rows: Vec<TimelineRow>,
}

/// The periods one under the other on their real dates, the current one highlighted.
pub async fn timeline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (row, _) = roadmaps::visible(&state, &ctx, id).await?;
    let i = ctx.i;
    let doc = row.roadmap()?;
    let today = super::today();
    let start = row.start_date.as_deref().and_then(roadmaps::parse_date);
    let current = start.and_then(|s| doc.current_period(s, today));
    let details = store::tracking::item_details(&state.db, row.id).await?;
    let overdue = overdue_for(&row, &doc, &details, today);
    let progress = doc.progress();
    let mut rows = Vec::new();
    for (pi, phase) in doc.phases.iter().enumerate() {
        for (qi, period) in phase.periods.iter().enumerate() {
            let p = progress
                .phases
                .get(pi)
                .and_then(|p| p.periods.get(qi))
                .copied()
                .unwrap_or_default();
            let (dates, past) = match (start, period.months()) {
                (Some(s), Some(m)) => {
                    match (
                        roadmap::period_start(s, m.first),
                        roadmap::period_end(s, m.last),
                    ) {
                        (Some(a), Some(b)) => (
                            i.ta(
                                "timeline-dates",
                                &[
                                    ("from", &super::day(i, &tracking::iso(a))),
                                    ("to", &super::day(i, &tracking::iso(b))),
                                ],
                            ),
                            b < today,
                        ),
                        _ => (String::new(), false),
                    }
                }
                _ => (String::new(), false),
            };
            let late = overdue.iter().filter(|k| k.0 == pi && k.1 == qi).count();
            rows.push(TimelineRow {
                phase: phase.heading.text().to_string(),
                heading: period.heading.text().to_string(),
                dates,
                current: current == Some((pi, qi)),
                past,
                percent: p.percent(),
                progress_label: i.ta(
                    "roadmap-progress",
                    &[
                        ("done", &p.done.to_string()),
                        ("total", &p.total.to_string()),
                    ],
                ),
                overdue: if late > 0 {
                    i.tn("alert-overdue-roadmap", late as i64)
                } else {
                    String::new()
                },
                anchor: format!("/roadmaps/{}#period-{pi}-{qi}", row.id),
            });
        }
    }
    let view = TimelineView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("timeline-title", &[("title", &doc.title)]),
        ),
        id: row.id,
        title: doc.title.clone(),
        has_start: start.is_some(),
        start_label: start
            .map(|d| super::day(i, &tracking::iso(d)))
            .unwrap_or_default(),
        rows,
    };
    Ok(Html(view.render()?).into_response())
}
