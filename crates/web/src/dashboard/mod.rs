//! The dashboard: what to do next for the viewer's role. Every role opens on an « À faire »
//! list built from what is really pending (`todo`), then the role's overview: a project
//! holder's projects (`participant`), the projects a coach or manager watches with their health
//! and the cohorts (`staff`), the centres side by side for the network team (`network`).
//! Each role's page reads at most five statements, whatever the number of projects; what they
//! build is kept a few seconds per person (`AppState::dashboards`), and any change made
//! through this node clears it.
mod network;
mod participant;
mod staff;
pub(crate) mod todo;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::roadmaps::RoadmapCard;
use crate::state::AppState;
use crate::tracking::WatchedProject;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::project::Relation;
use domain::{Action, Role, Scope};
use std::sync::Arc;
use todo::TodoGroup;

pub struct ProjectCard {
    pub id: i64,
    /// The cover colour's code (a `cover-…` class).
    pub colour: &'static str,
    pub name: String,
    pub summary: String,
    pub stage: String,
    pub centre: String,
}

pub struct CentreCard {
    pub slug: String,
    pub name: String,
    pub role: String,
    pub members: String,
    pub projects: String,
}

/// What a dashboard shows besides the layout, kept a few seconds per (person, cohort filter,
/// language, day).
pub struct Sections {
    greeting: String,
    role: Role,
    todo: Vec<TodoGroup>,
    projects: Vec<ProjectCard>,
    centres: Vec<CentreCard>,
    network: Vec<network::CentreFigures>,
    stats: Vec<(String, String)>,
    roadmaps: Vec<RoadmapCard>,
    /// No project yet and no staff role: the page opens on how to start one.
    show_start: bool,
    can_create: bool,
    /// Coaches and managers: the projects they watch (the section shows even when a cohort
    /// filter leaves it empty).
    watching: bool,
    watched: Vec<WatchedProject>,
    /// The cohorts the watched projects can be filtered by, and the one chosen (0: all).
    cohorts: Vec<(i64, String)>,
    cohort: i64,
    /// Whether the impact report is within reach (a centre's, or the network's).
    impact_report: bool,
    network_review: bool,
    /// The lesson a project holder saw last and did not finish (« continue where I stopped »).
    learning: Option<store::learning::Resume>,
    /// A project holder's onboarding steps, ticked from what they did.
    checklist: Option<crate::onboarding::Checklist>,
}

/// The cache key: person, cohort filter, language, day.
pub type Key = (i64, i64, &'static str, String);

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardView {
    layout: Layout,
    s: Arc<Sections>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DashboardQuery {
    /// A cohort id; anything else shows every watched project.
    pub cohorte: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<DashboardQuery>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let today = crate::tracking::today();
    let key: Key = (
        user.id,
        q.cohorte.parse::<i64>().unwrap_or(0),
        ctx.i.code(),
        domain::tracking::iso(today),
    );
    let fresh = async {
        Ok::<_, crate::error::WebError>(Arc::new(Box::pin(build(&state, &ctx, &q, today)).await?))
    };
    let sections = state.dashboards.get_or_read(key, fresh).await?;
    let view = DashboardView {
        layout: Layout::new(&state, &ctx, ctx.i.t("dashboard-title")),
        s: sections,
    };
    Ok(Html(view.render()?).into_response())
}

async fn build(
    state: &AppState,
    ctx: &Ctx,
    q: &DashboardQuery,
    today: time::Date,
) -> WebResult<Sections> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let role = ctx.actor.main_role();
    let all_centres = state.centres().await?;
    let centre_name = |id: i64| {
        all_centres
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let mine = state.projects_of(user.id).await?;
    // Their own projects (as a member); the projects a coach follows are in the watched list.
    let projects: Vec<ProjectCard> = mine
        .iter()
        .filter(|p| p.archived_at.is_none() && (p.relation == Relation::Member || !role.is_staff()))
        .map(|p| ProjectCard {
            colour: p.colour.code(),
            centre: centre_name(p.centre_id),
            stage: i.t(p.stage.label_key()),
            id: p.id,
            name: p.name.clone(),
            summary: p.summary.clone(),
        })
        .collect();
    let (mut todo, mut checklist) = (Vec::new(), None);
    if !role.is_staff() || !projects.is_empty() {
        (todo, checklist) = participant::todo(state, i, user.id, today).await?;
    }
    if role.is_staff() {
        checklist = None;
    }
    let learning = if role.is_staff() {
        None
    } else {
        store::learning::resume(&state.db, user.id).await?
    };
    let reach = staff::Reach::of(ctx, &all_centres);
    let watching = !reach.managed.is_empty() || !reach.coached.is_empty();
    let (mut watched, mut cohorts, mut roadmaps) = (Vec::new(), Vec::new(), Vec::new());
    let mut chosen = 0;
    if watching {
        let watch = staff::watch(state, ctx, &reach, &all_centres, today).await?;
        if !reach.coached.is_empty() {
            staff::coach_todo(state, i, user.id, &reach, &watch, today, &mut todo).await?;
        }
        if !reach.managed.is_empty() {
            staff::manager_todo(state, i, &reach, &watch, today, &mut todo).await?;
        }
        for c in watch.cohorts.iter() {
            if !cohorts.iter().any(|(id, _)| *id == c.id) {
                cohorts.push((c.id, c.name.clone()));
            }
        }
        chosen = q
            .cohorte
            .parse::<i64>()
            .ok()
            .filter(|c| cohorts.iter().any(|(id, _)| id == c))
            .unwrap_or(0);
        watched = watch
            .projects
            .into_iter()
            .filter(|p| {
                chosen == 0
                    || watch
                        .cohorts
                        .iter()
                        .any(|c| c.id == chosen && c.project_id == Some(p.id))
            })
            .collect();
        roadmaps = watch.roadmaps;
    }
    let (mut network, mut stats) = (Vec::new(), Vec::new());
    if ctx.actor.can(Action::ListAllCentres, Scope::Network) {
        let overview = network::overview(state, i, &all_centres, &mut todo).await?;
        network = overview.centres;
        stats = overview.stats;
        roadmaps = staff::centre_roadmaps(state, i, &reach.viewed, &all_centres).await?;
    }
    // The centres they work in (the network team has them side by side instead).
    let centres = if network.is_empty() {
        all_centres
            .iter()
            .filter_map(|centre| {
                let top = ctx
                    .actor
                    .roles_in(centre.id)
                    .filter(|r| r.is_staff())
                    .max()?;
                Some(CentreCard {
                    slug: centre.slug.clone(),
                    name: centre.name.clone(),
                    role: i.t(top.label_key()),
                    members: i.tn("centre-members-count", centre.members),
                    projects: i.tn("centre-projects-count", centre.projects),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let can_create = ctx.actor.memberships.is_empty()
        || all_centres
            .iter()
            .any(|c| ctx.actor.can(Action::CreateProject, Scope::Centre(c.id)));
    Ok(Sections {
        learning,
        checklist,
        greeting: i.ta("dashboard-greeting", &[("name", &user.display_name)]),
        show_start: projects.is_empty() && !role.is_staff(),
        can_create,
        watching,
        watched,
        cohorts,
        cohort: chosen,
        impact_report: ctx.actor.can(Action::ViewImpactReport, Scope::Network)
            || all_centres
                .iter()
                .any(|c| ctx.actor.can(Action::ViewImpactReport, Scope::Centre(c.id))),
        network_review: ctx.actor.can(Action::RecordNetworkReview, Scope::Network),
        todo,
        roadmaps,
        role,
        projects,
        centres,
        network,
        stats,
    })
}
