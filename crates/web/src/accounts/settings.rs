use super::{check_current_password, current_password_error, limited_status};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
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

pub struct MembershipRow {
    pub centre: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
struct AccountView {
    layout: Layout,
    display_name: String,
    email: String,
    new_email: String,
    memberships: Vec<MembershipRow>,
    member_since: String,
    errors: FieldErrors,
    min_len: usize,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    errors: FieldErrors,
    display_name: Option<String>,
    new_email: String,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let stored = store::accounts::find_user(&state.db, user.id)
        .await?
        .ok_or(WebError::SignInRequired)?;
    let centres = store::centres::list(&state.db).await?;
    let memberships = ctx
        .actor
        .memberships
        .iter()
        .map(|(centre_id, role)| MembershipRow {
            centre: centres
                .iter()
                .find(|c| c.id == *centre_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            role: i.t(role.label_key()),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = AccountView {
        layout: Layout::new(state, ctx, i.t("account-title")),
        display_name: display_name.unwrap_or(stored.display_name),
        email: stored.email,
        new_email,
        memberships,
        member_since: i.date(stored.created_at),
        errors,
        min_len: password::MIN_LEN,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    render(&state, &ctx, FieldErrors::default(), None, String::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub display_name: String,
}

pub async fn profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ProfileForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let mut errors = FieldErrors::default();
    match errors.check("display_name", ctx.i, text(&form.display_name, 80)) {
        Some(name) => {
            store::accounts::set_display_name(&state.db, user.id, &name).await?;
            Ok(redirect_with_flash(
                "/account",
                "flash-profile-saved",
                &state,
            ))
        }
        None => render(&state, &ctx, errors, Some(form.display_name), String::new()).await,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current_password: String,
    pub new_password: String,
}

pub async fn password(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<PasswordForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let stored = store::accounts::find_user(&state.db, user.id)
        .await?
        .ok_or(WebError::SignInRequired)?;
    // The new password's rules first: a refused form costs no hash.
    errors.check("new_password", i, password::check_new(&form.new_password));
    if !errors.is_empty() {
        return render(&state, &ctx, errors, None, String::new()).await;
    }
    let outcome = check_current_password(
        &state,
        &ctx,
        user.id,
        form.current_password,
        stored.password_hash,
    )
    .await?;
    if !current_password_error(&mut errors, "current_password", i, outcome) {
        let page = render(&state, &ctx, errors, None, String::new()).await?;
        return Ok(limited_status(page, outcome));
    }
    let hash = state.hasher.hash(form.new_password).await?;
    store::accounts::set_password(&state.db, user.id, &hash, ctx.session_hash.as_deref()).await?;
    audit::record(
        &state.db,
        AuditAction::PasswordChanged,
        Entry::about_self(user.id),
    )
    .await?;
    state.accounts_changed();
    Ok(redirect_with_flash(
        "/account",
        "flash-password-changed",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub new_email: String,
    pub email_password: String,
}

pub const CHANGE_EMAIL_TTL: i64 = 24 * 3_600;

pub async fn email(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<EmailForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let new_email = errors.check("new_email", i, Email::parse(&form.new_email));
    let stored = store::accounts::find_user(&state.db, user.id)
        .await?
        .ok_or(WebError::SignInRequired)?;
    if new_email
        .as_ref()
        .is_some_and(|e| e.as_str() == stored.email)
    {
        errors.add("new_email", i, "error-email-same");
    }
    let (Some(new_email), true) = (new_email, errors.is_empty()) else {
        return render(&state, &ctx, errors, None, form.new_email).await;
    };
    let outcome = check_current_password(
        &state,
        &ctx,
        user.id,
        form.email_password,
        stored.password_hash,
    )
    .await?;
    if !current_password_error(&mut errors, "email_password", i, outcome) {
        let page = render(&state, &ctx, errors, None, form.new_email).await?;
        return Ok(limited_status(page, outcome));
    }
    // The change happens only when the new address proves it is reachable; an address already
    // in use gets the same answer, so the form reveals nothing about other accounts.
    let request = EmailChangeRequest {
        user_id: user.id,
        new_email: new_email.as_str().to_string(),
        locale: i.code().to_string(),
    };
    let payload = serde_json::to_string(&request).map_err(|e| WebError::Internal(e.to_string()))?;
    store::jobs::enqueue(&state.db, EMAIL_CHANGE_JOB, &payload, None).await?;
    state.jobs_ready.notify_one();
    Ok(redirect_with_flash(
        "/account",
        "flash-email-change-sent",
        &state,
    ))
}

pub async fn confirm_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(used) =
        store::accounts::consume_token(&state.db, &token_hash(&token), Purpose::ChangeEmail)
            .await?
    else {
        return message(
            &state,
            &ctx,
            "link-invalid-title",
            &["link-invalid-email"],
            Some(("/account", "nav-account")),
        );
    };
    let Some(new_email) = used.new_email else {
        return Err(WebError::NotFound);
    };
    let old = store::accounts::find_user(&state.db, used.user_id)
        .await?
        .ok_or(WebError::NotFound)?;
    // The browser that opened the link stays signed in if it is this user's.
    let keep = ctx
        .session_hash
        .as_deref()
        .filter(|_| ctx.actor.user_id == Some(used.user_id));
    match store::accounts::set_email(&state.db, used.user_id, &new_email, keep).await {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            return message(
                &state,
                &ctx,
                "link-invalid-title",
                &["email-taken-meanwhile"],
                Some(("/account", "nav-account")),
            );
        }
        Err(err) => return Err(err.into()),
    }
    audit::record(
        &state.db,
        AuditAction::EmailChanged,
        Entry::about_self(used.user_id),
    )
    .await?;
    let i = crate::i18n::I18n::new(old.locale);
    Compose {
        i,
        to: &old.email,
        subject: i.t("email-changed-subject"),
        greeting: i.ta("email-greeting", &[("name", &old.display_name)]),
        paragraphs: vec![i.t("email-changed-body")],
        action: None,
        after: vec![i.t("email-changed-not-you")],
    }
    .queue(&state)
    .await?;
    let to = if ctx.user.is_some() {
        "/account"
    } else {
        "/login"
    };
    state.accounts_changed();
    Ok(redirect_with_flash(to, "flash-email-changed", &state))
}

/// The account page with errors on one of its forms.
pub async fn render_with_errors(
    state: &AppState,
    ctx: &Ctx,
    errors: FieldErrors,
) -> WebResult<Response> {
    render(state, ctx, errors, None, String::new()).await
}

pub const EMAIL_CHANGE_JOB: &str = "email_change_request";

#[derive(Debug, serde::Serialize, Deserialize)]
pub struct EmailChangeRequest {
    pub user_id: i64,
    pub new_email: String,
    pub locale: String,
}

/// The worker's half of an e-mail change: a confirmation link to the new address, unless
/// another account has it (the form answered the same either way, at the same speed).
pub async fn deliver_email_change(
    state: &AppState,
    payload: &str,
    job_id: i64,
) -> Result<(), String> {
    let request: EmailChangeRequest =
        serde_json::from_str(payload).map_err(|e| format!("payload: {e}"))?;
    let db = &state.db;
    if store::accounts::find_user_by_email(db, &request.new_email)
        .await
        .map_err(|e| e.to_string())?
        .is_some()
    {
        return Ok(());
    }
    let Some(user) = store::accounts::find_user(db, request.user_id)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    let token = new_token();
    store::accounts::create_token(
        db,
        &token_hash(&token),
        Purpose::ChangeEmail,
        user.id,
        Some(&request.new_email),
        CHANGE_EMAIL_TTL,
    )
    .await
    .map_err(|e| e.to_string())?;
    let i = crate::i18n::I18n::new(domain::Locale::parse(&request.locale).unwrap_or_default());
    Compose {
        i,
        to: &request.new_email,
        subject: i.t("email-change-subject"),
        greeting: i.ta("email-greeting", &[("name", &user.display_name)]),
        paragraphs: vec![i.t("email-change-body")],
        action: Some((
            i.t("email-change-action"),
            state.url(&format!("/account/email/confirm/{token}")),
        )),
        after: vec![i.t("email-ignore-if-not-you")],
    }
    .send_now(state, job_id)
    .await
}
