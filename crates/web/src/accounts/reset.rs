use super::RESET_TTL;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::mail::Compose;
use crate::message::message;
use crate::respond::redirect_with_flash;
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{Email, password};
use serde::Deserialize;
use store::accounts::Purpose;
use store::audit::{self, AuditAction, Entry};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    pub email: String,
}

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
struct ForgotView {
    layout: Layout,
    form: ForgotForm,
    errors: FieldErrors,
}

pub async fn forgot_page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let view = ForgotView {
        layout: Layout::new(&state, &ctx, ctx.i.t("forgot-title")),
        form: ForgotForm::default(),
        errors: FieldErrors::default(),
    };
    Ok(Html(view.render()?).into_response())
}

/// Reset requests per client address, and per e-mail address, per hour.
const RESETS_PER_IP: i64 = 10;
const RESETS_PER_EMAIL: i64 = 3;

pub async fn forgot_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ForgotForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", i, Email::parse(&form.email));
    let ip_hits =
        store::rate_limit::hit(&state.db, &format!("reset-ip:{}", ctx.client_ip), 3_600).await?;
    if ip_hits > RESETS_PER_IP {
        errors.add("email", i, "error-too-many-attempts");
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        let view = ForgotView {
            layout: Layout::new(&state, &ctx, i.t("forgot-title")),
            form,
            errors,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(view.render()?)).into_response());
    };
    let email_hits =
        store::rate_limit::hit(&state.db, &format!("reset-email:{}", email.as_str()), 3_600)
            .await?;
    if email_hits <= RESETS_PER_EMAIL {
        // Looking the address up happens in the worker, so the answer takes the same time
        // whether or not the address has an account.
        let request = ResetRequest {
            email: email.as_str().to_string(),
            locale: i.code().to_string(),
        };
        let payload =
            serde_json::to_string(&request).map_err(|e| WebError::Internal(e.to_string()))?;
        store::jobs::enqueue(&state.db, RESET_JOB, &payload, None).await?;
        state.jobs_ready.notify_one();
    }
    // The same answer whether or not the address has an account.
    message(
        &state,
        &ctx,
        "check-email-title",
        &["check-email-reset", "check-email-spam"],
        None,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    pub password: String,
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
struct ResetView {
    layout: Layout,
    token: String,
    errors: FieldErrors,
    min_len: usize,
}

fn invalid_link(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    message(
        state,
        ctx,
        "link-invalid-title",
        &["link-invalid-reset"],
        Some(("/password/forgot", "forgot-request-again")),
    )
}

pub async fn reset_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if store::accounts::peek_token(&state.db, &token_hash(&token), Purpose::ResetPassword)
        .await?
        .is_none()
    {
        return invalid_link(&state, &ctx);
    }
    let view = ResetView {
        layout: Layout::new(&state, &ctx, ctx.i.t("reset-title")),
        token,
        errors: FieldErrors::default(),
        min_len: password::MIN_LEN,
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn reset_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let hash_of_token = token_hash(&token);
    let mut errors = FieldErrors::default();
    if errors
        .check("password", i, password::check_new(&form.password))
        .is_none()
    {
        if store::accounts::peek_token(&state.db, &hash_of_token, Purpose::ResetPassword)
            .await?
            .is_none()
        {
            return invalid_link(&state, &ctx);
        }
        let view = ResetView {
            layout: Layout::new(&state, &ctx, i.t("reset-title")),
            token,
            errors,
            min_len: password::MIN_LEN,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(view.render()?)).into_response());
    }
    if store::accounts::peek_token(&state.db, &hash_of_token, Purpose::ResetPassword)
        .await?
        .is_none()
    {
        return invalid_link(&state, &ctx);
    }
    // Hashed before the link is used up, so a busy server leaves the link working.
    let hash = state.hasher.hash(form.password).await?;
    let Some(used) =
        store::accounts::consume_token(&state.db, &hash_of_token, Purpose::ResetPassword).await?
    else {
        return invalid_link(&state, &ctx);
    };
    store::accounts::set_password(&state.db, used.user_id, &hash, None).await?;
    // The link reached the inbox, so the address is proven too.
    store::accounts::mark_verified(&state.db, used.user_id).await?;
    store::rate_limit::clear(
        &state.db,
        &format!(
            "login-fail:{}",
            store::accounts::find_user(&state.db, used.user_id)
                .await?
                .map(|u| u.email)
                .unwrap_or_default()
        ),
    )
    .await?;
    audit::record(
        &state.db,
        AuditAction::PasswordReset,
        Entry::about_self(used.user_id),
    )
    .await?;
    state.accounts_changed();
    Ok(redirect_with_flash(
        "/login",
        "flash-password-reset",
        &state,
    ))
}

pub const RESET_JOB: &str = "password_reset_request";

#[derive(Debug, serde::Serialize, Deserialize)]
pub struct ResetRequest {
    pub email: String,
    pub locale: String,
}

/// The worker's half of a reset request: a link to the account's address, if there is one.
pub async fn deliver_reset(state: &AppState, payload: &str, job_id: i64) -> Result<(), String> {
    let request: ResetRequest =
        serde_json::from_str(payload).map_err(|e| format!("payload: {e}"))?;
    let Some(user) = store::accounts::find_user_by_email(&state.db, &request.email)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    let token = new_token();
    store::accounts::create_token(
        &state.db,
        &token_hash(&token),
        Purpose::ResetPassword,
        user.id,
        None,
        RESET_TTL,
    )
    .await
    .map_err(|e| e.to_string())?;
    let ui = crate::i18n::I18n::new(user.locale);
    Compose {
        i: ui,
        to: &user.email,
        subject: ui.t("email-reset-subject"),
        greeting: ui.ta("email-greeting", &[("name", &user.display_name)]),
        paragraphs: vec![ui.t("email-reset-body")],
        action: Some((
            ui.t("email-reset-action"),
            state.url(&format!("/password/reset/{token}")),
        )),
        after: vec![ui.t("email-reset-expiry"), ui.t("email-ignore-if-not-you")],
    }
    .send_now(state, job_id)
    .await
}
