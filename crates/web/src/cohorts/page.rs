//! A cohort's page: its people, projects, sessions (with attendance counts) and resources. Its
//! participants and coaches read it; the centre's staff read it too and managers fill it from
//! there. Five statements whatever its size: the cohort, its people (with the centre's people
//! who could join, for a manager), its projects (with the centre's others), its sessions, its
//! resources; kept a few seconds (`AppState::reads`), so none once warm.
use super::{CohortForm, dates};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use store::cohorts::{Cohort, CohortProject, Person, Resource};

pub struct SessionRow {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub room: String,
    pub link: String,
    pub present: String,
}

#[derive(Template)]
#[template(path = "cohorts/show.html")]
struct ShowView {
    layout: Layout,
    centre_slug: String,
    centre_name: String,
    cohort: Cohort,
    dates: String,
    seats: String,
    participants: Vec<Person>,
    coaches: Vec<Person>,
    /// The centre's participants and coaches not in the cohort (managers only).
    others: Vec<Person>,
    projects: Vec<CohortProject>,
    other_projects: Vec<CohortProject>,
    sessions: Vec<SessionRow>,
    resources: Vec<Resource>,
    can_manage: bool,
    /// Staff see e-mail addresses and the centre's tools.
    staff: bool,
    form: CohortForm,
    errors: FieldErrors,
}

/// What the page reads, kept a few seconds (`AppState::reads`) per cohort and for managers or
/// not; who may read it is checked on every request.
struct Read {
    cohort: Cohort,
    people: Vec<Person>,
    projects: Vec<CohortProject>,
    sessions: Vec<store::cohorts::Session>,
    resources: Vec<Resource>,
    can_manage: bool,
}

/// The cohort and, for a reader, its people, projects, sessions and resources: the cohort
/// first (whether the reader manages its centre decides what is read), the rest together.
async fn read(state: &AppState, id: i64, ctx: &Ctx) -> WebResult<std::sync::Arc<Read>> {
    let cohort = state
        .reads
        .get_or_read(format!("cohort:{id}"), async {
            store::cohorts::find(&state.db, id).await
        })
        .await?;
    let cohort = cohort.as_ref().clone().ok_or(WebError::NotFound)?;
    let can_manage = ctx
        .actor
        .can(Action::ManageCentre, Scope::Centre(cohort.centre_id));
    let db = &state.db;
    state
        .reads
        .get_or_read(format!("cohort-page:{id}:{can_manage}"), async {
            let (people, projects, sessions, resources) = tokio::try_join!(
                store::cohorts::people(db, &cohort, can_manage),
                store::cohorts::projects(db, &cohort, can_manage),
                store::cohorts::sessions(db, cohort.id),
                store::cohorts::resources(db, cohort.id),
            )?;
            Ok::<_, WebError>(Read {
                cohort,
                people,
                projects,
                sessions,
                resources,
                can_manage,
            })
        })
        .await
}

/// Renders the page for its people and the centre's staff; anyone else finds nothing.
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    form: Option<CohortForm>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let user = ctx.require_user()?;
    let data = read(state, id, ctx).await?;
    let Read {
        cohort,
        people,
        projects,
        sessions,
        resources,
        can_manage,
    } = &*data;
    let scope = Scope::Centre(cohort.centre_id);
    let staff = ctx.actor.can(Action::ListProjects, scope);
    let member = people
        .iter()
        .any(|p| p.user_id == user.id && !p.role.is_empty());
    let reader = staff || (member && ctx.actor.can(Action::ViewCentre, scope));
    if !reader {
        return Err(WebError::NotFound);
    }
    let (cohort, people, can_manage) = (cohort.clone(), people.clone(), *can_manage);
    let centre = state
        .centres()
        .await?
        .iter()
        .find(|c| c.id == cohort.centre_id)
        .cloned()
        .ok_or(WebError::NotFound)?;
    let (projects, other_projects): (Vec<_>, Vec<_>) =
        projects.iter().cloned().partition(|p| p.in_cohort != 0);
    let sessions = sessions
        .iter()
        .map(|s| SessionRow {
            id: s.id,
            when: i.datetime(s.starts_at),
            present: i.tn("cohort-present", s.present),
            title: s.title.clone(),
            room: s.room.clone(),
            link: s.link.clone(),
        })
        .collect();
    let resources = resources.clone();
    let mut participants = Vec::new();
    let mut coaches = Vec::new();
    let mut others = Vec::new();
    for p in people {
        match p.role.as_str() {
            "participant" => participants.push(p),
            "coach" => coaches.push(p),
            _ => others.push(p),
        }
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, cohort.name.clone()),
        centre_slug: centre.slug.clone(),
        centre_name: centre.name.clone(),
        dates: dates(i, &cohort),
        seats: i.ta(
            "cohort-seats",
            &[
                ("taken", &i.number(cohort.participants)),
                ("capacity", &i.number(cohort.capacity)),
            ],
        ),
        form: form.unwrap_or_else(|| CohortForm::of(&cohort)),
        participants,
        coaches,
        others,
        projects,
        other_projects,
        sessions,
        resources,
        can_manage,
        staff,
        cohort,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}
