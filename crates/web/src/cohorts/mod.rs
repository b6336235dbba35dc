//! Cohorts of a centre: its people (participants and coaches, up to a capacity), projects,
//! sessions with attendance and shared resources. The centre's staff see them; managers create
//! them, change their name, dates and capacity and fill them; their participants see their own
//! cohort's page.
mod page;
mod people;
pub(crate) mod signing;
pub mod surveys;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::tracking::{iso, parse_date};
use domain::{Action, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;
use store::cohorts::{Cohort, CohortFields};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/centres/{slug}/cohorts", get(list).post(create))
        .route("/cohorts/{id}", get(show).post(update))
        .route("/cohorts/{id}/people", post(people::add))
        .route("/cohorts/{id}/people/{user}/remove", post(people::remove))
        .route("/cohorts/{id}/sessions", post(people::add_session))
        .route(
            "/cohorts/{id}/sessions/{session}",
            get(people::session_page).post(people::attendance),
        )
        .route(
            "/cohorts/{id}/sessions/{session}/emargement",
            get(signing::page),
        )
        .route(
            "/cohorts/{id}/sessions/{session}/emargement/{who}",
            get(signing::pad).post(signing::sign),
        )
        .route(
            "/cohorts/{id}/sessions/{session}/presences.pdf",
            get(signing::pdf),
        )
        .route("/cohorts/{id}/avis", get(surveys::results))
        .route("/cohorts/{id}/avis/decisions", post(surveys::decide))
        .route(
            "/cohorts/{id}/avis/{invitation}",
            get(surveys::survey_page).post(surveys::survey_answer),
        )
        .route("/cohorts/{id}/resources", post(people::add_resource))
        .route("/cohorts/{id}/projects", post(add_project))
        .route(
            "/cohorts/{id}/projects/{project}/remove",
            post(remove_project),
        )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CohortForm {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    /// Empty: 15 for a new cohort, unchanged for an existing one.
    pub capacity: String,
}

impl CohortForm {
    fn of(c: &Cohort) -> Self {
        CohortForm {
            name: c.name.clone(),
            starts_on: c.starts_on.clone(),
            ends_on: c.ends_on.clone(),
            capacity: c.capacity.to_string(),
        }
    }

    /// The capacity typed, if any (1 to 50), or the error beside its field.
    fn capacity(&self, i: I18n, errors: &mut FieldErrors) -> Option<i64> {
        let t = self.capacity.trim();
        if t.is_empty() {
            return None;
        }
        match t.parse::<i64>() {
            Ok(n) if (1..=50).contains(&n) => Some(n),
            _ => {
                errors.add("capacity", i, "cohort-error-capacity");
                None
            }
        }
    }

    /// The fields once checked: a name, two dates, the end not before the start.
    fn check(&self, i: I18n, errors: &mut FieldErrors) -> Option<(String, String, String)> {
        let name = errors.check("name", i, text(&self.name, 80));
        let mut date = |field: &'static str, value: &str| match parse_date(value) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.add(field, i, e.message_key());
                None
            }
        };
        let starts = date("starts_on", &self.starts_on);
        let ends = date("ends_on", &self.ends_on);
        if let (Some(s), Some(e)) = (starts, ends)
            && e < s
        {
            errors.add("ends_on", i, "cohort-error-dates");
            return None;
        }
        Some((name?, iso(starts?), iso(ends?)))
    }
}

pub struct CohortRow {
    pub id: i64,
    pub name: String,
    pub dates: String,
    pub projects: String,
}

#[derive(Template)]
#[template(path = "cohorts/list.html")]
struct ListView {
    layout: Layout,
    centre: CentreSummary,
    cohorts: Vec<CohortRow>,
    can_manage: bool,
    form: CohortForm,
    errors: FieldErrors,
}

pub(crate) fn dates(i: I18n, c: &Cohort) -> String {
    i.ta(
        "timeline-dates",
        &[
            ("from", &crate::tracking::day(i, &c.starts_on)),
            ("to", &crate::tracking::day(i, &c.ends_on)),
        ],
    )
}

pub(crate) async fn centre_by_slug(state: &AppState, slug: &str) -> WebResult<CentreSummary> {
    state
        .centres()
        .await?
        .iter()
        .find(|c| c.slug == slug)
        .cloned()
        .ok_or(WebError::NotFound)
}

/// A cohort and its centre, for someone allowed to see the centre's projects; another
/// centre's cohort is not found rather than forbidden.
pub(crate) async fn cohort_for(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<(Cohort, CentreSummary)> {
    let cohort = store::cohorts::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !ctx
        .actor
        .can(Action::ListProjects, Scope::Centre(cohort.centre_id))
    {
        return Err(WebError::NotFound);
    }
    let centre = state
        .centres()
        .await?
        .iter()
        .find(|c| c.id == cohort.centre_id)
        .cloned()
        .ok_or(WebError::NotFound)?;
    Ok((cohort, centre))
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: CohortForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let cohorts = store::cohorts::for_centre(&state.db, centre.id)
        .await?
        .iter()
        .map(|c| CohortRow {
            id: c.id,
            name: c.name.clone(),
            dates: dates(i, c),
            projects: i.tn("centre-projects-count", c.projects),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ListView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("cohort-list-title", &[("centre", &centre.name)]),
        ),
        can_manage: ctx
            .actor
            .can(Action::ManageCentre, Scope::Centre(centre.id)),
        centre,
        cohorts,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::ListProjects, Scope::Centre(centre.id))?;
    render_list(
        &state,
        &ctx,
        centre,
        CohortForm::default(),
        FieldErrors::default(),
    )
    .await
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<CohortForm>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    let mut errors = FieldErrors::default();
    let capacity = form.capacity(ctx.i, &mut errors);
    let (Some((name, starts_on, ends_on)), true) =
        (form.check(ctx.i, &mut errors), errors.is_empty())
    else {
        return render_list(&state, &ctx, centre, form, errors).await;
    };
    let fields = CohortFields {
        name: &name,
        starts_on: &starts_on,
        ends_on: &ends_on,
    };
    match store::cohorts::create(&state.db, centre.id, &fields).await {
        Ok(id) => {
            store::cohorts::set_capacity(&state.db, id, capacity.unwrap_or(15)).await?;
            if let Some(cohort) = store::cohorts::find(&state.db, id).await? {
                surveys::schedule_end(&state, &cohort).await?;
            }
            Ok(redirect_with_flash(
                &format!("/cohorts/{id}"),
                "flash-cohort-created",
                &state,
            ))
        }
        Err(store::StoreError::Duplicate) => {
            errors.add("name", ctx.i, "cohort-error-name-taken");
            render_list(&state, &ctx, centre, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> WebResult<Response> {
    page::render(&state, &ctx, id, None, FieldErrors::default()).await
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CohortForm>,
) -> WebResult<Response> {
    let (cohort, _) = cohort_for(&state, &ctx, id).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(cohort.centre_id))?;
    let mut errors = FieldErrors::default();
    let capacity = form.capacity(ctx.i, &mut errors);
    let (Some((name, starts_on, ends_on)), true) =
        (form.check(ctx.i, &mut errors), errors.is_empty())
    else {
        return page::render(&state, &ctx, id, Some(form), errors).await;
    };
    let fields = CohortFields {
        name: &name,
        starts_on: &starts_on,
        ends_on: &ends_on,
    };
    match store::cohorts::update(&state.db, id, &fields).await {
        Ok(()) => {
            if let Some(capacity) = capacity {
                store::cohorts::set_capacity(&state.db, id, capacity).await?;
            }
            if cohort.ends_on != ends_on
                && let Some(cohort) = store::cohorts::find(&state.db, id).await?
            {
                surveys::schedule_end(&state, &cohort).await?;
            }
            Ok(redirect_with_flash(
                &format!("/cohorts/{id}"),
                "flash-cohort-saved",
                &state,
            ))
        }
        Err(store::StoreError::Duplicate) => {
            errors.add("name", ctx.i, "cohort-error-name-taken");
            page::render(&state, &ctx, id, Some(form), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProjectForm {
    pub project: String,
}

/// A project of the same centre as the cohort, or not found.
async fn same_centre_project(state: &AppState, cohort: &Cohort, id: i64) -> WebResult<i64> {
    let project = store::projects::find_for_user(&state.db, id, 0)
        .await?
        .filter(|p| p.centre_id == cohort.centre_id)
        .ok_or(WebError::NotFound)?;
    Ok(project.id)
}

async fn add_project(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ProjectForm>,
) -> WebResult<Response> {
    let (cohort, _) = cohort_for(&state, &ctx, id).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(cohort.centre_id))?;
    let Ok(project) = form.project.trim().parse::<i64>() else {
        let mut errors = FieldErrors::default();
        errors.add("project", ctx.i, "cohort-error-project");
        return page::render(&state, &ctx, id, None, errors).await;
    };
    let project = same_centre_project(&state, &cohort, project).await?;
    store::cohorts::add_project(&state.db, cohort.id, project).await?;
    Ok(redirect_with_flash(
        &format!("/cohorts/{id}"),
        "flash-cohort-project-added",
        &state,
    ))
}

async fn remove_project(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, project)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (cohort, _) = cohort_for(&state, &ctx, id).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(cohort.centre_id))?;
    store::cohorts::remove_project(&state.db, cohort.id, project).await?;
    Ok(Redirect::to(&format!("/cohorts/{id}")).into_response())
}
