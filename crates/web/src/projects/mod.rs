//! Projects: the participant's own, the coach's followed ones, a centre's for its staff; created
//! from the web (`create`) and run from their settings (`settings`).
mod create;
mod settings;

use crate::ctx::Ctx;
use crate::dashboard::ProjectCard;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use domain::project::Relation;
use domain::tracking::{TaskKind, TaskStatus};
use domain::{Action, Scope};
use store::tracking::{Activity, Happened};

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/projects", get(list))
        .route(
            "/projects/new",
            get(create::page).post(create::create).layer(upload_limit),
        )
        .route("/projects/{id}", get(show))
        .route(
            "/projects/{id}/settings",
            get(settings::page).post(settings::save),
        )
        .route("/projects/{id}/archive", post(settings::archive))
        .route("/projects/{id}/restore", post(settings::restore))
        .route("/projects/{id}/people", post(settings::add_person))
        .route(
            "/projects/{id}/people/{user}/remove",
            post(settings::remove_person),
        )
        .route("/projects/{id}/invitations", post(settings::invite))
}

#[derive(Template)]
#[template(path = "projects/list.html")]
struct ListView {
    layout: Layout,
    mine: Vec<ProjectCard>,
    archived: Vec<ProjectCard>,
    centres: Vec<(String, Vec<ProjectCard>)>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let db = &state.db;
    let card = |p: store::projects::ProjectForUser, centre: String| ProjectCard {
        colour: p.colour.code(),
        centre,
        stage: i.t(p.stage.label_key()),
        id: p.id,
        name: p.name,
        summary: p.summary,
    };
    let all = store::centres::list(db).await?;
    let name_of = |id: i64| {
        all.iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let mut archived = Vec::new();
    let mut mine = Vec::new();
    for p in store::projects::for_user(db, user.id).await? {
        let c = name_of(p.centre_id);
        if p.archived_at.is_some() {
            archived.push(card(p, c));
        } else {
            mine.push(card(p, c));
        }
    }
    let mut centres = Vec::new();
    for centre in &all {
        if ctx
            .actor
            .can(Action::ListProjects, Scope::Centre(centre.id))
        {
            let mut open = Vec::new();
            for p in store::projects::for_centre(db, centre.id, user.id).await? {
                if p.archived_at.is_none() {
                    open.push(card(p, centre.name.clone()));
                } else if p.relation == Relation::Unrelated {
                    archived.push(card(p, centre.name.clone()));
                }
            }
            centres.push((centre.name.clone(), open));
        }
    }
    let view = ListView {
        layout: Layout::new(&state, &ctx, i.t("projects-title")),
        mine,
        archived,
        centres,
    };
    Ok(Html(view.render()?).into_response())
}

pub struct CanvasLink {
    pub id: i64,
    pub title: String,
    pub updated: String,
}

/// Forms of the project page shown again with their errors.
#[derive(Default)]
pub struct Forms {
    pub session: Option<(crate::tracking::SessionForm, FieldErrors)>,
    pub task: Option<(crate::tracking::TaskForm, FieldErrors)>,
    /// A refused canvas import: (message, technical detail, what was pasted).
    pub import_problem: Option<(String, String, String)>,
}

pub struct SessionView {
    pub id: i64,
    pub held_on: String,
    pub coach: String,
    pub participants: String,
    pub shared_notes: String,
    pub private_notes: String,
    pub decisions: String,
    pub tasks: Vec<String>,
    pub files: Vec<(i64, String, String)>,
}

pub struct ActivityView {
    pub when: String,
    pub text: String,
    pub link: String,
}

#[derive(Template)]
#[template(path = "projects/show.html")]
struct ShowView {
    layout: Layout,
    id: i64,
    name: String,
    summary: String,
    stage: String,
    centre: String,
    archived: bool,
    created: String,
    members: Vec<String>,
    followers: Vec<String>,
    canvases: Vec<CanvasLink>,
    can_edit: bool,
    examples: Vec<(String, String)>,
    import_error: Option<String>,
    import_detail: String,
    import_text: String,
    // Tracking
    can_coach: bool,
    can_work: bool,
    alerts: Vec<String>,
    canvas_complete: usize,
    canvas_blocks: usize,
    canvas_label: String,
    open_tasks: Vec<crate::tracking::TaskView>,
    open_tasks_label: String,
    done_tasks_label: String,
    done_tasks: Vec<crate::tracking::TaskView>,
    next_milestone: Option<crate::tracking::TaskView>,
    sessions: Vec<SessionView>,
    people: Vec<(i64, String)>,
    session_form: crate::tracking::SessionForm,
    session_errors: FieldErrors,
    task_form: crate::tracking::TaskForm,
    task_errors: FieldErrors,
    indicators: Vec<crate::impact::IndicatorSummary>,
    roadmaps: Vec<crate::roadmaps::RoadmapCard>,
    activity: Vec<ActivityView>,
    today: String,
    max_upload_mb: usize,
}

impl ShowView {
    fn step_owner_is(&self, id: &i64) -> bool {
        self.session_form.step_owner == id.to_string()
    }
    fn task_owner_is(&self, id: &i64) -> bool {
        self.task_form.owner == id.to_string()
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render_with_forms(&state, &ctx, id, Forms::default()).await
}

/// The project page; `import_problem` is (message, technical detail, what was pasted).
pub async fn render_show(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    import_problem: Option<(String, String, String)>,
) -> WebResult<Response> {
    render_with_forms(
        state,
        ctx,
        id,
        Forms {
            import_problem,
            ..Forms::default()
        },
    )
    .await
}

fn activity_text(i: crate::i18n::I18n, a: &Activity) -> String {
    match a.what {
        Happened::Session(_) => i.ta(
            "activity-session",
            &[("date", &crate::tracking::day(i, &a.label))],
        ),
        Happened::TaskDone(_) => i.ta("activity-task-done", &[("title", &a.label)]),
        Happened::TaskCreated(_) => i.ta("activity-task-created", &[("title", &a.label)]),
        Happened::Measurement => {
            let name = domain::impact::indicator(&a.label)
                .map(|x| x.text(i.locale).name.clone())
                .unwrap_or_else(|| a.label.clone());
            i.ta("activity-measurement", &[("indicator", &name)])
        }
        Happened::Canvas(_) => i.ta("activity-canvas", &[("title", &a.label)]),
    }
}

/// Where an activity line of a project leads.
fn activity_link(project_id: i64, what: Happened) -> String {
    match what {
        Happened::Session(id) => format!("/projects/{project_id}#session-{id}"),
        Happened::TaskDone(id) | Happened::TaskCreated(id) => {
            format!("/projects/{project_id}#task-{id}")
        }
        Happened::Measurement => format!("/projects/{project_id}/indicators"),
        Happened::Canvas(id) => format!("/canvases/{id}"),
    }
}

/// The project page at a glance, with the forms in `forms` shown again when refused.
pub async fn render_with_forms(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    forms: Forms,
) -> WebResult<Response> {
    let i = ctx.i;
    let db = &state.db;
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    // Everything the page shows about the project, read at once.
    let (people, canvas_rows, tasks, session_rows, participants, files, roadmap_rows, recent) = tokio::try_join!(
        store::projects::people(db, id),
        store::canvas::for_project(db, id),
        store::tracking::tasks(db, id),
        store::tracking::sessions(db, id, 20),
        store::tracking::participants(db, id),
        store::tracking::attachments(db, id),
        store::tracking::project_roadmaps(db, id),
        store::tracking::recent_activity(db, id, 12),
    )?;
    let centre = state.centre_name(project.centre_id).await?;
    let canvases = canvas_rows
        .iter()
        .map(|c| CanvasLink {
            id: c.id,
            title: c.title.clone(),
            updated: i.datetime(c.updated_at),
        })
        .collect();
    // Completeness of the most recently changed canvas, block by block.
    let latest = canvas_rows.iter().max_by_key(|c| c.updated_at);
    let hints = match latest {
        Some(c) => {
            let items: Vec<domain::canvas::DocumentItem> = store::canvas::items(db, c.id)
                .await?
                .into_iter()
                .map(|it| domain::canvas::DocumentItem {
                    block: it.block,
                    text: it.text,
                    colour: it.colour,
                    status: it.status,
                    evidence: it.evidence,
                    indicator: it.indicator,
                })
                .collect();
            domain::canvas::completeness(&items)
        }
        None => Vec::new(),
    };
    let canvas_blocks = domain::canvas::template().blocks.len();
    let canvas_complete = hints
        .iter()
        .filter(|(_, h)| *h == domain::canvas::BlockHint::Complete)
        .count();
    let today = crate::tracking::today();
    let (done, open): (Vec<_>, Vec<_>) = tasks
        .iter()
        .map(|t| crate::tracking::task_view(i, t, today))
        .partition(|t| t.done);
    let next_milestone = tasks
        .iter()
        .filter(|t| t.kind == TaskKind::Milestone && t.status != TaskStatus::Done)
        .min_by(|a, b| a.due_on.cmp(&b.due_on))
        .map(|t| crate::tracking::task_view(i, t, today));
    let can_coach = ctx.actor.can(Action::CoachProject, scope);
    let sessions = session_rows
        .iter()
        .map(|s| SessionView {
            id: s.id,
            held_on: crate::tracking::day(i, &s.held_on),
            coach: s.coach_name.clone().unwrap_or_default(),
            participants: participants
                .iter()
                .filter(|p| p.0 == s.id)
                .map(|p| p.1.clone())
                .collect::<Vec<_>>()
                .join(", "),
            shared_notes: s.shared_notes.clone(),
            private_notes: if can_coach {
                s.private_notes.clone()
            } else {
                String::new()
            },
            decisions: s.decisions.clone(),
            tasks: tasks
                .iter()
                .filter(|t| t.session_id == Some(s.id))
                .map(|t| t.title.clone())
                .collect(),
            files: files
                .iter()
                .filter(|f| f.session_id == Some(s.id))
                .map(|f| {
                    (
                        f.id,
                        f.file_name.clone(),
                        crate::impact::file_size(i, f.size),
                    )
                })
                .collect(),
        })
        .collect();
    let mut roadmaps = Vec::new();
    let mut late_roadmap_items = 0;
    for r in roadmap_rows {
        let doc = r.roadmap()?;
        let details = store::tracking::item_details(db, r.id).await?;
        late_roadmap_items += crate::tracking::overdue_for(&r, &doc, &details, today).len();
        let p = doc.progress().overall;
        roadmaps.push(crate::roadmaps::RoadmapCard {
            id: r.id,
            title: r.title,
            centre: centre.clone(),
            percent: p.percent(),
            progress_label: i.ta(
                "roadmap-progress",
                &[
                    ("done", &p.done.to_string()),
                    ("total", &p.total.to_string()),
                ],
            ),
        });
    }
    let health_alerts = {
        let last = recent;
        let last_at = last
            .first()
            .map_or(project.created_at, |a| a.at.max(project.created_at));
        let overdue = |kind: TaskKind| {
            tasks
                .iter()
                .filter(|t| t.kind == kind)
                .map(|t| crate::tracking::task_view(i, t, today))
                .filter(|t| t.overdue)
                .count() as i64
        };
        let alerts = domain::tracking::alerts(
            last_at,
            store::now(),
            overdue(TaskKind::Task),
            overdue(TaskKind::Milestone),
            late_roadmap_items,
        );
        (
            alerts
                .iter()
                .map(|a| crate::tracking::alert_text(i, a))
                .collect::<Vec<_>>(),
            last,
        )
    };
    let (alerts, last) = health_alerts;
    let forms_status =
        forms.session.is_some() || forms.task.is_some() || forms.import_problem.is_some();
    let status = if forms_status {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let (import_error, import_detail, import_text) = match forms.import_problem {
        Some((m, d, t)) => (Some(m), d, t),
        None => (None, String::new(), String::new()),
    };
    let (session_form, session_errors) = forms.session.unwrap_or_default();
    let (task_form, task_errors) = forms.task.unwrap_or_default();
    let view = ShowView {
        layout: Layout::new(state, ctx, project.name.clone()),
        id,
        stage: i.t(project.stage.label_key()),
        archived: project.archived_at.is_some(),
        created: i.date(project.created_at),
        members: people
            .iter()
            .filter(|p| p.2 == "member")
            .map(|p| p.1.clone())
            .collect(),
        followers: people
            .iter()
            .filter(|p| p.2 == "follower")
            .map(|p| p.1.clone())
            .collect(),
        name: project.name,
        summary: project.summary,
        centre,
        canvases,
        can_edit: ctx.actor.can(Action::EditProject, scope),
        examples: domain::canvas::examples()
            .iter()
            .map(|e| (e.key.clone(), e.name(i.locale).name.clone()))
            .collect(),
        import_error,
        import_detail,
        import_text,
        can_coach,
        can_work: crate::tracking::can_work_on(ctx, scope),
        alerts,
        canvas_label: if latest.is_some() {
            i.ta(
                "glance-canvas-complete",
                &[
                    ("done", &canvas_complete.to_string()),
                    ("total", &canvas_blocks.to_string()),
                ],
            )
        } else {
            i.t("glance-canvas-none")
        },
        canvas_complete,
        canvas_blocks,
        open_tasks_label: i.tn("glance-open-tasks", open.len() as i64),
        done_tasks_label: i.tn("tasks-done-count", done.len() as i64),
        open_tasks: open,
        done_tasks: done,
        next_milestone,
        sessions,
        people: people.iter().map(|p| (p.0, p.1.clone())).collect(),
        session_form,
        session_errors,
        task_form,
        task_errors,
        indicators: crate::impact::summaries(state, i, id).await?,
        roadmaps,
        activity: last
            .iter()
            .map(|a| ActivityView {
                when: i.datetime(a.at),
                text: activity_text(i, a),
                link: activity_link(id, a.what),
            })
            .collect(),
        today: domain::tracking::iso(today),
        max_upload_mb: state.config.max_upload_bytes / (1024 * 1024),
    };
    Ok((status, Html(view.render()?)).into_response())
}
