//! The incident log: what happened, when, where, how serious, what was done about it, closed
//! or not. The centre's coaches and managers report one (audited); its managers close them.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::procedures::{Severity, check_text, past_day};
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct IncidentForm {
    pub happened_on: String,
    pub place: String,
    pub severity: String,
    pub what: String,
    pub action_taken: String,
}

pub struct IncidentRow {
    pub id: i64,
    pub day: String,
    pub place: String,
    pub severity: String,
    pub badge: &'static str,
    pub what: String,
    pub action_taken: String,
    pub reported_by: String,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "procedures/incidents.html")]
struct IncidentsView {
    layout: Layout,
    slug: String,
    tabs: Vec<(String, &'static str, bool)>,
    manage: bool,
    incidents: Vec<IncidentRow>,
    severities: Vec<(&'static str, String)>,
    form: IncidentForm,
    errors: FieldErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: IncidentForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let incidents = store::procedures::incidents(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|n| {
            let severity = Severity::parse(&n.severity).unwrap_or(Severity::Minor);
            IncidentRow {
                id: n.id,
                day: crate::tracking::day(i, &n.happened_on),
                place: n.place,
                severity: i.t(severity.label_key()),
                badge: severity.badge(),
                what: n.what,
                action_taken: n.action_taken,
                reported_by: n.reported_by.unwrap_or_default(),
                open: n.closed_at.is_none(),
            }
        })
        .collect();
    let view = IncidentsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("ops-incidents-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        tabs: super::tabs(&centre.slug, "incidents"),
        manage: ctx
            .actor
            .can(Action::ManageOperations, Scope::Centre(centre.id)),
        slug: centre.slug,
        incidents,
        severities: Severity::ALL
            .into_iter()
            .map(|s| (s.code(), i.t(s.label_key())))
            .collect(),
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
    let centre = super::centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    let form = IncidentForm {
        happened_on: domain::tracking::iso(crate::tracking::today()),
        severity: Severity::Minor.code().to_string(),
        ..IncidentForm::default()
    };
    render(&state, &ctx, centre, form, FieldErrors::default()).await
}

pub async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<IncidentForm>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let day = past_day(&form.happened_on, crate::tracking::today())
        .map_err(|e| errors.add("happened_on", i, e.message_key()))
        .ok();
    let place = check_text(&form.place, 120, true)
        .map_err(|e| errors.add("place", i, e.message_key()))
        .ok();
    let severity = Severity::parse(&form.severity);
    if severity.is_none() {
        errors.add("severity", i, "error-choice-unknown");
    }
    let what = check_text(&form.what, 4_000, true)
        .map_err(|e| errors.add("what", i, e.message_key()))
        .ok();
    let action_taken = check_text(&form.action_taken, 4_000, false)
        .map_err(|e| errors.add("action_taken", i, e.message_key()))
        .ok();
    let (Some(day), Some(place), Some(severity), Some(what), Some(action_taken)) =
        (day, place, severity, what, action_taken)
    else {
        return render(&state, &ctx, centre, form, errors).await;
    };
    let fields = store::procedures::IncidentFields {
        happened_on: &domain::tracking::iso(day),
        place: &place,
        severity: severity.code(),
        what: &what,
        action_taken: &action_taken,
    };
    let mut tx = state.db.begin().await?;
    let id = store::procedures::report_incident(&mut tx, centre.id, &fields, user.id).await?;
    crate::donations::audit(
        &mut tx,
        &ctx,
        AuditAction::IncidentReported,
        centre.id,
        Some(id),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/incidents", centre.slug),
        "flash-ops-incident-reported",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CloseForm {
    pub action_taken: String,
}

pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<CloseForm>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let action_taken = check_text(&form.action_taken, 4_000, false)
        .map_err(|e| WebError::BadRequest(e.message_key()))?;
    if !store::procedures::close_incident(&state.db, centre.id, id, &action_taken).await? {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/incidents", centre.slug),
        "flash-ops-incident-closed",
        &state,
    ))
}
