//! Administration: the audit log (centre managers for their centre, network admins for all),
//! the job queue with retry, and the local e-mail outbox.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::layout::Layout;
use crate::mail::{OutboxEntry, read_outbox};
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Role, Scope};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::jobs::JobStatus;

pub struct AuditLine {
    pub at: String,
    pub action: String,
    pub actor: String,
    pub subject: String,
    pub centre: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditView {
    layout: Layout,
    lines: Vec<AuditLine>,
    centres: Vec<(String, String, bool)>,
    all_selected: bool,
    network: bool,
    page: i64,
    has_next: bool,
    query_prefix: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    pub centre: Option<String>,
    pub page: Option<i64>,
}

const PAGE_SIZE: i64 = 50;

pub async fn audit_log(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AuditQuery>,
) -> WebResult<Response> {
    ctx.require_user()?;
    let i = ctx.i;
    let db = &state.db;
    let all = store::centres::list(db).await?;
    let allowed: Vec<_> = all
        .iter()
        .filter(|c| ctx.actor.can(Action::ViewAuditLog, Scope::Centre(c.id)))
        .collect();
    if allowed.is_empty() {
        return Err(WebError::Forbidden);
    }
    let network = ctx.actor.can(Action::ListAllCentres, Scope::Network);
    let selected = match q.centre.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => Some(
            allowed
                .iter()
                .find(|c| c.slug == slug)
                .ok_or(WebError::NotFound)?
                .id,
        ),
        None if network => None,
        None => Some(allowed[0].id),
    };
    let page = q.page.unwrap_or(1).clamp(1, 10_000);
    let rows = audit::list(db, selected, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE).await?;
    let has_next = rows.len() as i64 > PAGE_SIZE;
    let lines =
        rows.into_iter()
            .take(PAGE_SIZE as usize)
            .map(|r| AuditLine {
                at: i.datetime(r.at),
                action: AuditAction::parse(&r.action)
                    .map(|a| i.t(&format!("audit-{}", a.code().replace('_', "-"))))
                    .unwrap_or(r.action),
                actor: r.actor_name.filter(|n| !n.is_empty()).unwrap_or_else(|| {
                    r.actor_id.map_or_else(|| "—".into(), |id| format!("#{id}"))
                }),
                subject: r.subject_name.filter(|n| !n.is_empty()).unwrap_or_else(|| {
                    r.subject_id.map_or_else(String::new, |id| format!("#{id}"))
                }),
                centre: r.centre_name.unwrap_or_default(),
                // A role or a centre's slug is shown by its name, never as a code.
                detail: match Role::parse(&r.detail) {
                    Ok(role) => i.t(role.label_key()),
                    Err(_) => all
                        .iter()
                        .find(|c| c.slug == r.detail)
                        .map_or(r.detail, |c| c.name.clone()),
                },
            })
            .collect();
    let selected_slug = selected
        .and_then(|id| all.iter().find(|c| c.id == id))
        .map(|c| c.slug.clone());
    let view = AuditView {
        layout: Layout::new(&state, &ctx, i.t("audit-title")),
        lines,
        centres: allowed
            .iter()
            .map(|c| {
                (
                    c.slug.clone(),
                    c.name.clone(),
                    Some(&c.slug) == selected_slug.as_ref(),
                )
            })
            .collect(),
        all_selected: selected.is_none(),
        network,
        page,
        has_next,
        query_prefix: selected_slug
            .map(|s| format!("centre={s}&"))
            .unwrap_or_default(),
    };
    Ok(Html(view.render()?).into_response())
}

pub struct JobLine {
    pub id: i64,
    pub kind: String,
    pub status: String,
    pub status_class: &'static str,
    pub attempts: String,
    pub when: String,
    pub error: String,
    pub failed: bool,
}

#[derive(Template)]
#[template(path = "admin/jobs.html")]
struct JobsView {
    layout: Layout,
    jobs: Vec<JobLine>,
    counts: Vec<(String, String)>,
    filter: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct JobsQuery {
    pub status: Option<String>,
}

pub async fn jobs(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<JobsQuery>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageJobs, Scope::Network)?;
    let i = ctx.i;
    let filter = q.status.as_deref().and_then(JobStatus::parse);
    let jobs = store::jobs::list(&state.db, filter, 100)
        .await?
        .into_iter()
        .map(|j| JobLine {
            kind: i.t(&format!("job-kind-{}", j.kind.replace('_', "-"))),
            status: i.t(&format!("job-status-{}", j.status.code())),
            status_class: match j.status {
                JobStatus::Failed => "badge-danger",
                JobStatus::Done => "badge-success",
                JobStatus::Running => "badge-accent",
                JobStatus::Queued => "badge-neutral",
            },
            attempts: format!("{} / {}", j.attempts, j.max_attempts),
            when: i.datetime(j.finished_at.unwrap_or(j.run_at)),
            error: j.last_error.unwrap_or_default(),
            failed: j.status == JobStatus::Failed,
            id: j.id,
        })
        .collect();
    // Every status, none left out when it counts zero (the network dashboard links here).
    let stored = store::jobs::counts(&state.db).await?;
    let counts = JobStatus::ALL
        .into_iter()
        .map(|s| {
            let n = stored.iter().find(|(k, _)| *k == s).map_or(0, |(_, n)| *n);
            (i.number(n), i.t(&format!("job-status-{}", s.code())))
        })
        .collect();
    let view = JobsView {
        layout: Layout::new(&state, &ctx, i.t("jobs-title")),
        jobs,
        counts,
        filter: filter.map(JobStatus::code).unwrap_or_default().to_string(),
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn retry_job(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageJobs, Scope::Network)?;
    if !store::jobs::retry(&state.db, id).await? {
        return Err(WebError::NotFound);
    }
    let detail = id.to_string();
    audit::record(
        &state.db,
        AuditAction::JobRetried,
        Entry {
            actor_id: ctx.actor.user_id,
            detail: &detail,
            ..Entry::default()
        },
    )
    .await?;
    state.jobs_ready.notify_one();
    Ok(redirect_with_flash(
        "/admin/jobs",
        "flash-job-retried",
        &state,
    ))
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxView {
    layout: Layout,
    smtp: bool,
    mails: Vec<OutboxEntry>,
}

pub async fn outbox(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(Action::ViewOutbox, Scope::Network)?;
    let (smtp, mails) = match state.mailer.outbox_dir() {
        Some(dir) => (false, read_outbox(dir, 50).await),
        None => (true, Vec::new()),
    };
    let view = OutboxView {
        layout: Layout::new(&state, &ctx, ctx.i.t("outbox-title")),
        smtp,
        mails,
    };
    Ok(Html(view.render()?).into_response())
}
