//! The project page: where a project's canvas, roadmap, tasks, sessions, indicators and
//! diagnostics meet, one section each behind a table of contents. It shows only the forms the
//! reader can use and that apply (no second roadmap start); the rarer ones (a new canvas, an
//! import) live on their own page.
use super::page_data::{self, PageData};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::tracking::{TaskKind, TaskStatus};
use std::sync::Arc;
use store::tracking::{Activity, Happened};

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
    data: Arc<PageData>,
    roadmaps: Vec<crate::roadmaps::RoadmapCard>,
    activity: Vec<ActivityView>,
    /// The summary of the older activity lines, folded after the first five.
    activity_more_label: String,
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

/// The project page, with the forms in `forms` shown again when refused.
pub async fn render_with_forms(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    forms: Forms,
) -> WebResult<Response> {
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    let data = page_data::load(state, i, id).await?;
    let centre = state.centre_name(project.centre_id).await?;
    let canvases = data
        .canvases
        .iter()
        .map(|c| CanvasLink {
            id: c.id,
            title: c.title.clone(),
            updated: i.datetime(c.updated_at),
        })
        .collect();
    let canvas_blocks = domain::canvas::template().blocks.len();
    let canvas_complete = data.canvas_complete.unwrap_or(0);
    let today = crate::tracking::today();
    let tasks = &data.tasks;
    let all_tasks: Vec<crate::tracking::TaskView> = tasks
        .iter()
        .map(|t| crate::tracking::task_view(i, t, today))
        .collect();
    let next_milestone = tasks
        .iter()
        .filter(|t| t.kind == TaskKind::Milestone && t.status != TaskStatus::Done)
        .min_by(|a, b| a.due_on.cmp(&b.due_on))
        .map(|t| crate::tracking::task_view(i, t, today));
    let overdue = |kind: TaskKind| {
        tasks
            .iter()
            .zip(&all_tasks)
            .filter(|(t, v)| t.kind == kind && v.overdue)
            .count() as i64
    };
    let (overdue_tasks, overdue_milestones) =
        (overdue(TaskKind::Task), overdue(TaskKind::Milestone));
    let (done, open): (Vec<_>, Vec<_>) = all_tasks.into_iter().partition(|t| t.done);
    let can_coach = ctx.actor.can(Action::CoachProject, scope);
    let sessions = data
        .sessions
        .iter()
        .map(|s| SessionView {
            id: s.id,
            held_on: crate::tracking::day(i, &s.held_on),
            coach: s.coach_name.clone().unwrap_or_default(),
            participants: data
                .participants
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
            files: data
                .files
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
    for r in &data.roadmaps {
        late_roadmap_items += crate::tracking::overdue_for(&r.row, &r.doc, &r.details, today).len();
        let p = r.doc.progress().overall;
        roadmaps.push(crate::roadmaps::RoadmapCard {
            id: r.row.id,
            title: r.row.title.clone(),
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
    let last_at = data
        .recent
        .first()
        .map_or(project.created_at, |a| a.at.max(project.created_at));
    let alerts = domain::tracking::alerts(
        last_at,
        store::now(),
        overdue_tasks,
        overdue_milestones,
        late_roadmap_items,
    )
    .iter()
    .map(|a| crate::tracking::alert_text(i, a))
    .collect();
    let status = if forms.session.is_some() || forms.task.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let (session_form, session_errors) = forms.session.unwrap_or_default();
    let (task_form, task_errors) = forms.task.unwrap_or_default();
    let names_of = |relation: &str| {
        data.people
            .iter()
            .filter(|p| p.2 == relation)
            .map(|p| p.1.clone())
            .collect()
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, project.name.clone()),
        id,
        stage: i.t(project.stage.label_key()),
        archived: project.archived_at.is_some(),
        created: i.date(project.created_at),
        members: names_of("member"),
        followers: names_of("follower"),
        name: project.name,
        summary: project.summary,
        centre,
        canvases,
        can_edit: ctx.actor.can(Action::EditProject, scope),
        can_coach,
        can_work: crate::tracking::can_work_on(ctx, scope),
        alerts,
        canvas_label: if data.canvas_complete.is_some() {
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
        people: data.people.iter().map(|p| (p.0, p.1.clone())).collect(),
        session_form,
        session_errors,
        task_form,
        task_errors,
        roadmaps,
        activity: data
            .recent
            .iter()
            .map(|a| ActivityView {
                when: i.datetime(a.at),
                text: activity_text(i, a),
                link: activity_link(id, a.what),
            })
            .collect(),
        activity_more_label: i.tn(
            "project-activity-more",
            data.recent.len().saturating_sub(5) as i64,
        ),
        data,
        today: domain::tracking::iso(today),
        max_upload_mb: state.config.max_upload_bytes / (1024 * 1024),
    };
    Ok((status, Html(view.render()?)).into_response())
}
