use super::{clear_session_cookie, send_verification, start_session};
use crate::ctx::{Ctx, safe_next};
use crate::error::WebResult;
use crate::extract::Query;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Email;
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginView {
    layout: Layout,
    form: LoginForm,
    errors: FieldErrors,
    /// An error about the whole form (wrong credentials), shown above it.
    notice: Option<String>,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    form: LoginForm,
    errors: FieldErrors,
    notice: Option<String>,
    status: StatusCode,
) -> WebResult<Response> {
    let view = LoginView {
        layout: Layout::new(state, ctx, ctx.i.t("login-title")),
        form,
        errors,
        notice,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> WebResult<Response> {
    if ctx.user.is_some() {
        return Ok(Redirect::to(&safe_next(q.next.as_deref())).into_response());
    }
    let form = LoginForm {
        next: q.next.unwrap_or_default(),
        ..LoginForm::default()
    };
    render(
        &state,
        &ctx,
        form,
        FieldErrors::default(),
        None,
        StatusCode::OK,
    )
}

/// Failed sign-ins on one address within the window before it is locked for the window.
pub const LOCKOUT_FAILURES: i64 = 5;
pub const LOCKOUT_WINDOW: i64 = 15 * 60;
/// Sign-in attempts from one client address per window.
const IP_ATTEMPTS: i64 = 30;

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(mut form): Form<LoginForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let password = std::mem::take(&mut form.password);
    let mut errors = FieldErrors::default();
    let email = errors.check("email", i, Email::parse(&form.email));
    if password.is_empty() {
        errors.add("password", i, "error-required");
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return render(
            &state,
            &ctx,
            form,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };

    let db = &state.db;
    let generic = Some(i.t("login-failed"));
    // Limits first: a refused attempt costs no password hash (19 MiB and tens of milliseconds).
    let ip_hits =
        store::rate_limit::hit(db, &format!("login-ip:{}", ctx.client_ip), LOCKOUT_WINDOW).await?;
    if ip_hits > IP_ATTEMPTS {
        return render(
            &state,
            &ctx,
            form,
            errors,
            Some(i.t("error-too-many-attempts")),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let lock_key = format!("login-fail:{}", email.as_str());
    let failures = store::rate_limit::count(db, &lock_key, LOCKOUT_WINDOW).await?;
    let user = store::accounts::find_user_by_email(db, email.as_str()).await?;
    // A locked address (known or not: failures count for unknown ones too) is refused without
    // checking; otherwise verify even for an unknown address, so the answer takes the same time.
    let valid = failures < LOCKOUT_FAILURES
        && state
            .hasher
            .verify(password, user.as_ref().map(|u| u.password_hash.clone()))
            .await?;
    let user = match user {
        Some(user) if valid => user,
        user => {
            store::rate_limit::hit(db, &lock_key, LOCKOUT_WINDOW).await?;
            let subject = user.map(|u| u.id);
            audit::record(
                db,
                AuditAction::SignInFailed,
                Entry {
                    subject_id: subject,
                    ..Entry::default()
                },
            )
            .await?;
            return render(
                &state,
                &ctx,
                form,
                errors,
                generic,
                StatusCode::UNAUTHORIZED,
            );
        }
    };
    if !user.is_verified() {
        let resend_key = format!("verify-resend:{}", user.id);
        if store::rate_limit::hit(db, &resend_key, 3_600).await? <= 3 {
            send_verification(&state, i, user.id, &user.email, &user.display_name).await?;
        }
        return render(
            &state,
            &ctx,
            form,
            errors,
            Some(i.t("login-unverified")),
            StatusCode::FORBIDDEN,
        );
    }
    store::rate_limit::clear(db, &lock_key).await?;
    let mut cookies = start_session(&state, user.id).await?;
    audit::record(db, AuditAction::SignIn, Entry::about_self(user.id)).await?;
    cookies.extend(crate::diagnostics::adopt_on_sign_in(&state, &headers, user.id).await?);
    let mut response = Redirect::to(&safe_next(
        Some(&form.next)
            .filter(|n| !n.is_empty())
            .map(String::as_str),
    ))
    .into_response();
    super::append_cookies(&mut response, cookies);
    Ok(response)
}

pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    if let Some(hash) = &ctx.session_hash {
        store::accounts::delete_session(&state.db, hash).await?;
    }
    if let Some(user) = &ctx.user {
        audit::record(&state.db, AuditAction::SignOut, Entry::about_self(user.id)).await?;
    }
    let mut response = redirect_with_flash("/", "flash-signed-out", &state);
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(response)
}
