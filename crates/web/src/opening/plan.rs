//! A centre's opening plan (`/centres/{slug}/ouverture`): started from the network's template
//! and dated from the target opening day; each milestone with its day, its checklist and
//! whether it is done; the progress (milestones done, checklist items done, late ones).
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::procedures::centre_for;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::opening::{MilestoneState, Progress, due_on, progress};
use domain::{Action, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;
use store::opening::PlanRow;

pub struct CheckView {
    pub id: i64,
    pub label: String,
    pub done: bool,
}

pub struct MilestoneView {
    pub id: i64,
    pub name: String,
    pub day: String,
    pub done: bool,
    pub late: bool,
    pub checks: Vec<CheckView>,
    pub count: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    pub opens_on: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TickForm {
    pub done: String,
}

#[derive(Template)]
#[template(path = "opening/plan.html")]
struct PlanView {
    layout: Layout,
    slug: String,
    tabs: Vec<(String, &'static str, bool)>,
    manage: bool,
    opens_on: Option<String>,
    milestones: Vec<MilestoneView>,
    summary: String,
    percent: i64,
    form: StartForm,
    errors: FieldErrors,
}

/// « 3 jalons sur 6 · 12 points sur 18 (67 %) ».
pub fn progress_text(i: I18n, p: &Progress) -> String {
    i.ta(
        "opening-progress",
        &[
            ("done", &i.number(p.milestones_done)),
            ("total", &i.number(p.milestones)),
            ("checks_done", &i.number(p.checks_done)),
            ("checks", &i.number(p.checks)),
            ("percent", &i.number(p.percent())),
        ],
    )
}

/// The milestones of the plan's rows, with their checks, in order.
fn milestones(i: I18n, rows: Vec<PlanRow>, today: time::Date) -> (Vec<MilestoneView>, Progress) {
    let mut out: Vec<MilestoneView> = Vec::new();
    let mut states: Vec<MilestoneState> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|m| m.id != r.id) {
            let due = domain::tracking::parse_date(&r.due_on).unwrap_or(today);
            out.push(MilestoneView {
                id: r.id,
                name: r.name.clone(),
                day: crate::tracking::day(i, &r.due_on),
                done: r.done_at.is_some(),
                late: r.done_at.is_none() && due < today,
                checks: Vec::new(),
                count: String::new(),
            });
            states.push(MilestoneState {
                due_on: due,
                done: r.done_at.is_some(),
                checks: 0,
                checks_done: 0,
            });
        }
        if let (Some(id), Some(label), Some(m), Some(s)) =
            (r.check_id, r.check_label, out.last_mut(), states.last_mut())
        {
            s.checks += 1;
            if r.check_done_at.is_some() {
                s.checks_done += 1;
            }
            m.checks.push(CheckView {
                id,
                label,
                done: r.check_done_at.is_some(),
            });
        }
    }
    for (m, s) in out.iter_mut().zip(states.iter()) {
        m.count = i.ta(
            "ops-progress",
            &[
                ("done", &i.number(s.checks_done)),
                ("total", &i.number(s.checks)),
            ],
        );
    }
    let p = progress(&states, today);
    (out, p)
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: StartForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let today = crate::tracking::today();
    let opens_on = store::opening::opens_on(&state.db, centre.id).await?;
    let rows = if opens_on.is_some() {
        store::opening::plan(&state.db, centre.id).await?
    } else {
        Vec::new()
    };
    let (milestones, p) = milestones(i, rows, today);
    let view = PlanView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("opening-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        tabs: crate::procedures::tabs(&centre.slug, "ouverture"),
        manage: ctx
            .actor
            .can(Action::ManageOperations, Scope::Centre(centre.id)),
        slug: centre.slug,
        opens_on: opens_on.map(|d| crate::tracking::day(i, &d)),
        summary: progress_text(i, &p),
        percent: p.percent(),
        milestones,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    render(
        &state,
        &ctx,
        centre,
        StartForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// Starts a centre's plan from the network's template, each milestone dated from the opening
/// day, in the caller's unit of work (`Duplicate` when it has one): here and in the new-centre
/// flow.
pub(crate) async fn start_in(
    tx: &mut store::Tx,
    centre_id: i64,
    day: time::Date,
) -> Result<(), store::StoreError> {
    let template = store::opening::template(&mut *tx).await?;
    let milestones: Vec<store::opening::NewMilestone> = template
        .iter()
        .map(|m| store::opening::NewMilestone {
            name: &m.name,
            due_on: domain::tracking::iso(due_on(day, m.offset_weeks)),
            checklist: domain::procedures::items(&m.checklist).unwrap_or_default(),
        })
        .collect();
    store::opening::start_in(tx, centre_id, &domain::tracking::iso(day), &milestones).await
}

/// Starts the plan from the template, dated from the opening day (a day to come).
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<StartForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let i = ctx.i;
    let today = crate::tracking::today();
    let day = match domain::tracking::parse_date(&form.opens_on) {
        Ok(d) if d >= today => d,
        Ok(_) => {
            let mut errors = FieldErrors::default();
            errors.add("opens_on", i, "opening-error-past");
            return render(&state, &ctx, centre, form, errors).await;
        }
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("opens_on", i, e.message_key());
            return render(&state, &ctx, centre, form, errors).await;
        }
    };
    let mut tx = state.db.begin().await?;
    match start_in(&mut tx, centre.id, day).await {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            return Ok(Redirect::to(&format!("/centres/{}/ouverture", centre.slug)).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/ouverture", centre.slug),
        "flash-opening-started",
        &state,
    ))
}

pub async fn tick_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<TickForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    if !store::opening::set_milestone(&state.db, centre.id, id, form.done != "0").await? {
        return Err(WebError::NotFound);
    }
    Ok(Redirect::to(&format!("/centres/{}/ouverture#jalon-{id}", centre.slug)).into_response())
}

pub async fn tick_check(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<TickForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    if !store::opening::set_check(&state.db, centre.id, id, form.done != "0").await? {
        return Err(WebError::NotFound);
    }
    Ok(Redirect::to(&format!("/centres/{}/ouverture#point-{id}", centre.slug)).into_response())
}
