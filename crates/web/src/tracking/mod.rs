//! Project tracking: coaching sessions (notes shared or for coaches only, decisions, next steps
//! that become tasks, attachments), tasks and milestones, and the dashboards' alerts.
mod roadmap_items;
mod sessions;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};
use domain::tracking::{self, Alert, TaskKind, TaskStatus};
use domain::{Action, Scope};
use time::Date;

pub use roadmap_items::{DetailsForm, overdue_for, owners};
pub use sessions::{SessionForm, TaskForm};

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route(
            "/projects/{id}/sessions",
            post(sessions::create).layer(upload_limit),
        )
        .route("/sessions/{id}", get(sessions::edit).post(sessions::update))
        .route("/projects/{id}/tasks", post(sessions::create_task))
        .route("/tasks/{id}/status", post(sessions::set_status))
        .route("/attachments/{id}", get(download))
        .route(
            "/projects/{id}/roadmap",
            post(roadmap_items::start_template),
        )
        .route("/roadmaps/{id}/details", post(roadmap_items::save_details))
        .route("/roadmaps/{id}/timeline", get(roadmap_items::timeline))
        .route(
            "/roadmaps/import-file",
            post(roadmap_items::import_file).layer(upload_limit),
        )
}

/// Today in Paris.
pub fn today() -> Date {
    domain::time_zone::to_paris(store::now()).date()
}

/// `2026-11-24` shown as `24 novembre 2026` (the text itself when it is not a date).
pub fn day(i: I18n, iso: &str) -> String {
    match tracking::parse_date(iso) {
        Ok(d) => {
            let month = i.t(&format!("month-{}", u8::from(d.month())));
            domain::format::long_date(i.locale, d.day(), &month, d.year())
        }
        Err(_) => iso.to_string(),
    }
}

/// Whether the viewer may add tasks to, and tick off tasks of, a project.
pub fn can_work_on(ctx: &Ctx, scope: Scope) -> bool {
    ctx.actor.can(Action::EditProject, scope) || ctx.actor.can(Action::CoachProject, scope)
}

/// A task as listed on the project page and dashboards.
pub struct TaskView {
    pub id: i64,
    pub title: String,
    pub milestone: bool,
    pub kind_label: String,
    pub owner: String,
    pub due: String,
    pub overdue: bool,
    pub status: String,
    pub status_label: String,
    pub done: bool,
    pub from_session: bool,
}

pub fn task_view(i: I18n, t: &store::tracking::Task, today: Date) -> TaskView {
    let (status, kind) = (t.status, t.kind);
    let due = t
        .due_on
        .as_deref()
        .and_then(|d| tracking::parse_date(d).ok());
    TaskView {
        id: t.id,
        title: t.title.clone(),
        milestone: kind == TaskKind::Milestone,
        kind_label: i.t(kind.label_key()),
        owner: t.owner_name.clone().unwrap_or_default(),
        due: t.due_on.as_deref().map(|d| day(i, d)).unwrap_or_default(),
        overdue: tracking::is_overdue(due, status, today),
        status: status.code().to_string(),
        status_label: i.t(status.label_key()),
        done: status == TaskStatus::Done,
        from_session: t.session_id.is_some(),
    }
}

/// The translated line of an alert.
pub fn alert_text(i: I18n, alert: &Alert) -> String {
    i.tn(alert.message_key(), alert.count())
}

/// A project on a coach's or manager's dashboard, with its alerts.
pub struct WatchedProject {
    pub id: i64,
    pub name: String,
    pub centre: String,
    pub stage: String,
    pub last_activity: String,
    pub alerts: Vec<String>,
    /// The cohorts it belongs to.
    pub cohorts: Vec<String>,
}

/// Sends an attachment to someone who may see its project.
async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let file = store::tracking::find_attachment(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::project_access::project_scope(&state, &ctx, file.project_id).await?;
    let bytes = crate::upload::read_file(&state, &file.storage_key).await?;
    let mut response = respond::file(
        bytes,
        crate::upload::served_type(&file.file_name),
        Disposition::Attachment,
        &file.file_name,
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// The details form of one roadmap item: stored values, or what was typed and refused.
pub struct ItemDetailsForm {
    pub owner: String,
    pub due_on: String,
    pub notes: String,
    pub link: String,
    pub evidence: String,
    pub errors: crate::form::FieldErrors,
}

impl ItemDetailsForm {
    pub fn new(
        _i: I18n,
        stored: Option<&store::tracking::ItemDetails>,
        refused: Option<crate::roadmaps::DetailsProblem>,
    ) -> Self {
        match refused {
            Some(p) => ItemDetailsForm {
                owner: p.input.owner,
                due_on: p.input.due_on,
                notes: p.input.notes,
                link: p.input.link,
                evidence: p.input.evidence,
                errors: p.errors,
            },
            None => ItemDetailsForm {
                owner: stored
                    .and_then(|d| d.owner_id)
                    .map(|o| o.to_string())
                    .unwrap_or_default(),
                due_on: stored.and_then(|d| d.due_on.clone()).unwrap_or_default(),
                notes: stored.map(|d| d.notes.clone()).unwrap_or_default(),
                link: stored.map(|d| d.link.clone()).unwrap_or_default(),
                evidence: stored.map(|d| d.evidence.clone()).unwrap_or_default(),
                errors: crate::form::FieldErrors::default(),
            },
        }
    }

    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }

    pub fn owner_is(&self, id: &i64) -> bool {
        self.owner == id.to_string()
    }
}
