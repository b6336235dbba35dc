//! Recording a coaching session (its next steps become tasks, a file can go with it) and
//! correcting it, adding tasks and milestones, ticking them off.
use super::can_work_on;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Action;
use domain::tracking::{self, MAX_NOTES, MAX_TITLE, TaskKind, TaskStatus};
use serde::Deserialize;

/// What was typed in the session form (kept when it is refused).
#[derive(Debug, Default, Clone)]
pub struct SessionForm {
    pub held_on: String,
    pub participants: Vec<i64>,
    pub shared_notes: String,
    pub private_notes: String,
    pub decisions: String,
    pub next_steps: String,
    pub step_owner: String,
    pub step_due: String,
}

fn person(text: &str, people: &[(i64, String, String)]) -> Result<Option<i64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let id: i64 = text.trim().parse().map_err(|_| ())?;
    people
        .iter()
        .any(|p| p.0 == id)
        .then_some(Some(id))
        .ok_or(())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: Multipart,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(&state, &ctx, id).await?;
    ctx.authorize(Action::CoachProject, scope)?;
    let people = store::projects::people(&state.db, id).await?;
    let input = SessionForm {
        held_on: form.text("held_on"),
        participants: form
            .texts("participants")
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect(),
        shared_notes: form.text("shared_notes"),
        private_notes: form.text("private_notes"),
        decisions: form.text("decisions"),
        next_steps: form.text("next_steps"),
        step_owner: form.text("step_owner"),
        step_due: form.text("step_due"),
    };
    let mut errors = FieldErrors::default();
    let checked = check_session(i, &input, &people, &mut errors);
    let mut fail = |field: &'static str, key: &str| errors.add(field, i, key);
    let steps = tracking::next_steps(&input.next_steps)
        .map_err(|e| fail("next_steps", e.message_key()))
        .unwrap_or_default();
    let owner = person(&input.step_owner, &people)
        .map_err(|_| fail("step_owner", "tracking-error-person"))
        .unwrap_or(None);
    let due = tracking::parse_optional_date(&input.step_due)
        .map_err(|e| fail("step_due", e.message_key()))
        .unwrap_or(None);
    let file = form.file("attachment");
    if let Some(Err(refused)) =
        file.map(|f| crate::upload::check_file(&state, i, crate::filetype::Use::Document, f))
    {
        errors.add_text("attachment", refused);
    }
    let (Some((held_on, texts)), true) = (checked, errors.is_empty()) else {
        return crate::projects::render_with_forms(
            &state,
            &ctx,
            id,
            crate::projects::Forms {
                session: Some((input, errors)),
                ..Default::default()
            },
        )
        .await;
    };
    let due = due.map(tracking::iso);
    let (session_id, _) = store::tracking::create_session(
        &state.db,
        &store::tracking::NewSession {
            centre_id: project.centre_id,
            project_id: id,
            coach_id: Some(user.id),
            held_on: &held_on,
            shared_notes: &texts[0],
            private_notes: &texts[1],
            decisions: &texts[2],
            participants: &input.participants,
            next_steps: &steps,
            step_owner: owner,
            step_due: due.as_deref(),
        },
    )
    .await?;
    if let Some(file) = file {
        let key = crate::upload::store_file(&state, &file.data).await?;
        let name = crate::upload::clean_file_name(file.file_name.as_deref().unwrap_or(""));
        store::tracking::create_attachment(
            &state.db,
            &store::tracking::NewAttachment {
                centre_id: project.centre_id,
                project_id: id,
                session_id: Some(session_id),
                file_name: &name,
                content_type: crate::upload::served_type(&name),
                size: file.data.len() as i64,
                storage_key: &key,
                uploaded_by: Some(user.id),
            },
        )
        .await?;
    }
    Ok(crate::respond::redirect_with_flash(
        &format!("/projects/{id}#session-{session_id}"),
        "flash-session-recorded",
        &state,
    ))
}

/// What recording and correcting a session both check: its date (as `YYYY-MM-DD`), its three
/// texts (shared notes, private notes, decisions) and that each participant is on the project.
/// `None` when something is refused; the reasons are in `errors`, beside their fields.
fn check_session(
    i: I18n,
    input: &SessionForm,
    people: &[(i64, String, String)],
    errors: &mut FieldErrors,
) -> Option<(String, Vec<String>)> {
    let held_on = tracking::parse_date(&input.held_on)
        .map_err(|e| errors.add("held_on", i, e.message_key()))
        .ok();
    let mut texts = Vec::new();
    for (field, value) in [
        ("shared_notes", &input.shared_notes),
        ("private_notes", &input.private_notes),
        ("decisions", &input.decisions),
    ] {
        match tracking::check_text(value, MAX_NOTES, false) {
            Ok(t) => texts.push(t),
            Err(e) => errors.add(field, i, e.message_key()),
        }
    }
    if input
        .participants
        .iter()
        .any(|p| !people.iter().any(|x| x.0 == *p))
    {
        errors.add("participants", i, "tracking-error-person");
    }
    held_on
        .filter(|_| texts.len() == 3)
        .map(|d| (tracking::iso(d), texts))
}

/// The correction form of a recorded session.
#[derive(Template)]
#[template(path = "tracking/session_edit.html")]
struct EditView {
    layout: Layout,
    id: i64,
    project_id: i64,
    project_name: String,
    heading: String,
    form: SessionForm,
    errors: FieldErrors,
    people: Vec<(i64, String)>,
}

/// A session a coach of its project may correct, with the project's name and people.
async fn correctable(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<(store::tracking::Session, String, Vec<(i64, String, String)>)> {
    ctx.require_user()?;
    let session = store::tracking::find_session(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let (project, scope) =
        crate::project_access::project_scope(state, ctx, session.project_id).await?;
    ctx.authorize(Action::CoachProject, scope)?;
    let people = store::projects::people(&state.db, session.project_id).await?;
    Ok((session, project.name, people))
}

fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    session: &store::tracking::Session,
    project_name: String,
    people: Vec<(i64, String, String)>,
    form: SessionForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let heading = i.ta(
        "sessions-edit-title",
        &[("date", &super::day(i, &session.held_on))],
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = EditView {
        layout: Layout::new(state, ctx, heading.clone()),
        id: session.id,
        project_id: session.project_id,
        project_name,
        heading,
        form,
        errors,
        people: people.into_iter().map(|(id, name, _)| (id, name)).collect(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (session, project_name, people) = correctable(&state, &ctx, id).await?;
    let form = SessionForm {
        held_on: session.held_on.clone(),
        participants: store::tracking::session_participants(&state.db, id).await?,
        shared_notes: session.shared_notes.clone(),
        private_notes: session.private_notes.clone(),
        decisions: session.decisions.clone(),
        ..SessionForm::default()
    };
    render_edit(
        &state,
        &ctx,
        &session,
        project_name,
        people,
        form,
        FieldErrors::default(),
    )
}

/// Saves a corrected session (its next steps are tasks by now, corrected in the task list).
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (session, project_name, people) = correctable(&state, &ctx, id).await?;
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let input = SessionForm {
        held_on: field("held_on"),
        participants: pairs
            .iter()
            .filter(|(k, _)| k == "participants")
            .filter_map(|(_, v)| v.parse().ok())
            .collect(),
        shared_notes: field("shared_notes"),
        private_notes: field("private_notes"),
        decisions: field("decisions"),
        ..SessionForm::default()
    };
    let mut errors = FieldErrors::default();
    let (Some((held_on, texts)), true) = (
        check_session(ctx.i, &input, &people, &mut errors),
        errors.is_empty(),
    ) else {
        return render_edit(&state, &ctx, &session, project_name, people, input, errors);
    };
    store::tracking::update_session(
        &state.db,
        id,
        &store::tracking::SessionChange {
            held_on: &held_on,
            shared_notes: &texts[0],
            private_notes: &texts[1],
            decisions: &texts[2],
            participants: &input.participants,
        },
    )
    .await?;
    Ok(crate::respond::redirect_with_flash(
        &format!("/projects/{}#session-{id}", session.project_id),
        "flash-session-updated",
        &state,
    ))
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct TaskForm {
    pub kind: String,
    pub title: String,
    pub owner: String,
    pub due_on: String,
}

pub async fn create_task(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<TaskForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(&state, &ctx, id).await?;
    if !can_work_on(&ctx, scope) {
        return Err(WebError::Forbidden);
    }
    let people = store::projects::people(&state.db, id).await?;
    let mut errors = FieldErrors::default();
    let kind = TaskKind::parse(&input.kind).unwrap_or(TaskKind::Task);
    let title = tracking::check_text(&input.title, MAX_TITLE, true)
        .map_err(|e| errors.add("title", i, e.message_key()))
        .ok();
    let owner = person(&input.owner, &people)
        .map_err(|_| errors.add("owner", i, "tracking-error-person"))
        .unwrap_or(None);
    let due = tracking::parse_optional_date(&input.due_on)
        .map_err(|e| errors.add("due_on", i, e.message_key()))
        .unwrap_or(None);
    if kind == TaskKind::Milestone && input.due_on.trim().is_empty() {
        errors.add("due_on", i, "tracking-error-milestone-date");
    }
    let (Some(title), true) = (title, errors.is_empty()) else {
        return crate::projects::render_with_forms(
            &state,
            &ctx,
            id,
            crate::projects::Forms {
                task: Some((input, errors)),
                ..Default::default()
            },
        )
        .await;
    };
    let due = due.map(tracking::iso);
    let task = store::tracking::create_task(
        &state.db,
        &store::tracking::NewTask {
            centre_id: project.centre_id,
            project_id: id,
            kind: kind.code(),
            title: &title,
            owner_id: owner,
            due_on: due.as_deref(),
            created_by: Some(user.id),
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/projects/{id}#task-{task}")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<StatusForm>,
) -> WebResult<Response> {
    ctx.require_user()?;
    let task = store::tracking::find_task(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let (_, scope) = crate::project_access::project_scope(&state, &ctx, task.project_id).await?;
    if !can_work_on(&ctx, scope) {
        return Err(WebError::Forbidden);
    }
    let status =
        TaskStatus::parse(&input.status).ok_or(WebError::BadRequest("error-form-invalid"))?;
    store::tracking::set_task_status(&state.db, id, status.code()).await?;
    Ok(Redirect::to(&format!("/projects/{}#task-{id}", task.project_id)).into_response())
}
