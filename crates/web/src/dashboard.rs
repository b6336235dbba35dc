//! The dashboard: what matters now for the viewer's role.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::project::Relation;
use domain::tracking::TaskStatus;
use domain::{Action, Role, Scope};

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

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardView {
    layout: Layout,
    greeting: String,
    role: Role,
    projects: Vec<ProjectCard>,
    centres: Vec<CentreCard>,
    stats: Vec<(String, String)>,
    roadmaps: Vec<crate::roadmaps::RoadmapCard>,
    /// No project yet and no staff role: the page opens on how to start one.
    show_start: bool,
    can_create: bool,
    watched: Vec<crate::tracking::WatchedProject>,
    /// The cohorts the watched projects can be filtered by, and the one chosen (0: all).
    cohorts: Vec<(i64, String)>,
    cohort: i64,
    my_tasks: Vec<(i64, String, crate::tracking::TaskView)>,
    /// Whether the impact report is within reach (a centre's, or the network's).
    impact_report: bool,
    network_review: bool,
}

/// The label key of a stored stage.
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
    let i = ctx.i;
    let db = &state.db;
    let role = ctx.actor.main_role();
    let all_centres = state.centres().await?;
    let centre_name = |id: i64| {
        all_centres
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let projects: Vec<ProjectCard> = state
        .projects_of(user.id)
        .await?
        .iter()
        .filter(|p| p.archived_at.is_none())
        .map(|p| ProjectCard {
            colour: p.colour.code(),
            centre: centre_name(p.centre_id),
            stage: i.t(p.stage.label_key()),
            id: p.id,
            name: p.name.clone(),
            summary: p.summary.clone(),
        })
        .collect();
    let mut centres = Vec::new();
    for centre in all_centres.iter() {
        let mine: Vec<Role> = ctx.actor.roles_in(centre.id).collect();
        let visible = if ctx.actor.is_network_admin() {
            true
        } else {
            mine.iter().any(|r| r.is_staff())
        };
        if !visible {
            continue;
        }
        let top = mine.iter().max().copied().unwrap_or(Role::NetworkAdmin);
        centres.push(CentreCard {
            slug: centre.slug.clone(),
            name: centre.name.clone(),
            role: i.t(top.label_key()),
            members: i.tn("centre-members-count", centre.members),
            projects: i.tn("centre-projects-count", centre.projects),
        });
    }
    let mut stats = Vec::new();
    if ctx.actor.can(Action::ManageJobs, Scope::Network) {
        let jobs = store::jobs::counts(db).await?;
        let count = |s: &str| {
            jobs.iter()
                .find(|(k, _)| k.code() == s)
                .map_or(0, |(_, n)| *n)
        };
        stats.push((i.number(all_centres.len() as i64), i.t("stat-centres")));
        stats.push((
            i.number(all_centres.iter().map(|c| c.members).sum()),
            i.t("stat-members"),
        ));
        stats.push((
            i.number(count("queued") + count("running")),
            i.t("stat-jobs-waiting"),
        ));
        stats.push((i.number(count("failed")), i.t("stat-jobs-failed")));
    }
    let roadmaps = if role.is_staff() {
        crate::roadmaps::cards(&state, &ctx).await?
    } else {
        Vec::new()
    };
    let mut cohorts = Vec::new();
    if matches!(role, Role::Coach | Role::CentreManager) {
        for c in all_centres.iter() {
            if ctx.actor.can(Action::ListProjects, Scope::Centre(c.id)) {
                for cohort in store::cohorts::for_centre(db, c.id).await? {
                    cohorts.push((cohort.id, cohort.name));
                }
            }
        }
    }
    let cohort = q
        .cohorte
        .parse::<i64>()
        .ok()
        .filter(|c| cohorts.iter().any(|(id, _)| id == c));
    let watched = if matches!(role, Role::Coach | Role::CentreManager) {
        crate::tracking::watched_projects(&state, &ctx, cohort).await?
    } else {
        Vec::new()
    };
    // The participant's open tasks across their projects, soonest first.
    let mut my_tasks = Vec::new();
    let today = crate::tracking::today();
    for p in state.projects_of(user.id).await?.iter() {
        if p.relation != Relation::Member || p.archived_at.is_some() {
            continue;
        }
        for t in store::tracking::tasks(db, p.id).await? {
            if t.status != TaskStatus::Done && (t.owner_id.is_none() || t.owner_id == Some(user.id))
            {
                my_tasks.push((
                    p.id,
                    p.name.clone(),
                    crate::tracking::task_view(i, &t, today),
                ));
            }
        }
    }
    my_tasks.sort_by_key(|t| std::cmp::Reverse(t.2.overdue));
    my_tasks.truncate(8);
    let can_create = ctx.actor.memberships.is_empty()
        || all_centres
            .iter()
            .any(|c| ctx.actor.can(Action::CreateProject, Scope::Centre(c.id)));
    let view = DashboardView {
        show_start: projects.is_empty() && !role.is_staff(),
        can_create,
        watched,
        cohorts,
        cohort: cohort.unwrap_or(0),
        my_tasks,
        impact_report: ctx.actor.can(Action::ViewImpactReport, Scope::Network)
            || all_centres
                .iter()
                .any(|c| ctx.actor.can(Action::ViewImpactReport, Scope::Centre(c.id))),
        network_review: ctx.actor.can(Action::RecordNetworkReview, Scope::Network),
        roadmaps,
        layout: Layout::new(&state, &ctx, i.t("dashboard-title")),
        greeting: i.ta("dashboard-greeting", &[("name", &user.display_name)]),
        role,
        projects,
        centres,
        stats,
    };
    Ok(Html(view.render()?).into_response())
}
