//! GDPR: a user downloads everything we hold about them, or erases their account.
use super::clear_session_cookie;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::form::{FieldErrors, Form};
use crate::respond::redirect_with_flash;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use domain::format::rfc3339;
use serde::Deserialize;
use serde_json::json;
use store::audit::{self, AuditAction, Entry};

pub async fn export(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let db = &state.db;
    let stored = store::accounts::find_user(db, user.id)
        .await?
        .ok_or(WebError::SignInRequired)?;
    let centres = store::centres::list(db).await?;
    let memberships: Vec<_> = ctx
        .actor
        .memberships
        .iter()
        .map(|(c, r)| {
            let centre = centres.iter().find(|x| x.id == *c);
            json!({ "centre": centre.map(|x| x.name.clone()), "centre_slug": centre.map(|x| x.slug.clone()), "role": r.code() })
        })
        .collect();
    let projects: Vec<_> = store::projects::for_user(db, user.id)
        .await?
        .into_iter()
        .map(|p| json!({ "id": p.id, "name": p.name, "summary": p.summary, "stage": p.stage.code(), "relation": p.relation.code() }))
        .collect();
    let notes = store::offers::notes_about_user(db, user.id).await?;
    let applications: Vec<_> = store::offers::applications_of_user(db, user.id)
        .await?
        .into_iter()
        .map(|a| {
            let about: Vec<_> = notes
                .iter()
                .filter(|n| n.application_id == a.id)
                .map(|n| json!({ "author": n.author, "note": n.body, "at": rfc3339(n.created_at) }))
                .collect();
            json!({
                "offer": a.offer_title, "status": a.status.code(), "motivation": a.motivation,
                "answers": serde_json::from_str::<serde_json::Value>(&a.answers).unwrap_or_default(),
                "scores": serde_json::from_str::<serde_json::Value>(&a.scores).unwrap_or_default(),
                "score": a.score, "cohort": a.cohort_name, "created_at": rfc3339(a.created_at),
                "updated_at": rfc3339(a.updated_at), "staff_notes": about,
            })
        })
        .collect();
    let orders: Vec<_> = store::offers::orders_of_user(db, user.id)
        .await?
        .into_iter()
        .map(|o| json!({ "offer": o.offer_title, "amount_cents": o.amount_cents, "status": o.status, "created_at": rfc3339(o.created_at) }))
        .collect();
    let signatures: Vec<_> = store::signatures::of_person(db, user.id)
        .await?
        .into_iter()
        .map(|(session, name, typed, at)| json!({ "session": session, "name": name, "typed": typed != 0, "signed_at": rfc3339(at) }))
        .collect();
    audit::record(db, AuditAction::DataExported, Entry::about_self(user.id)).await?;
    let activity: Vec<_> = audit::for_user(db, user.id)
        .await?
        .into_iter()
        .map(
            |(at, action, detail)| json!({ "at": rfc3339(at), "action": action, "detail": detail }),
        )
        .collect();
    let body = json!({
        "exported_at": rfc3339(store::now()),
        "account": {
            "id": stored.id,
            "email": stored.email,
            "display_name": stored.display_name,
            "locale": stored.locale,
            "email_verified_at": stored.email_verified_at.map(rfc3339),
            "created_at": rfc3339(stored.created_at),
        },
        "memberships": memberships,
        "projects": projects,
        "applications": applications,
        "orders": orders,
        "attendance_signatures": signatures,
        "activity": activity,
    });
    let text =
        serde_json::to_string_pretty(&body).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(respond::file(
        text,
        "application/json; charset=utf-8",
        Disposition::Attachment,
        "impact-studio-mes-donnees.json",
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeleteForm {
    pub delete_password: String,
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<DeleteForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let stored = store::accounts::find_user(&state.db, user.id)
        .await?
        .ok_or(WebError::SignInRequired)?;
    let outcome = super::check_current_password(
        &state,
        &ctx,
        user.id,
        form.delete_password,
        stored.password_hash,
    )
    .await?;
    let mut errors = FieldErrors::default();
    if !super::current_password_error(&mut errors, "delete_password", ctx.i, outcome) {
        let page = super::settings::render_with_errors(&state, &ctx, errors).await?;
        return Ok(super::limited_status(page, outcome));
    }
    store::accounts::anonymise_user(&state.db, user.id).await?;
    audit::record(
        &state.db,
        AuditAction::AccountDeleted,
        Entry::about_self(user.id),
    )
    .await?;
    state.accounts_changed();
    let mut response = redirect_with_flash("/", "flash-account-deleted", &state);
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(response)
}
