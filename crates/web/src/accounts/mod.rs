//! Accounts: sign-up with e-mail verification, sign-in and out, password reset, account
//! settings, language, GDPR export and erasure.
pub use reset::{RESET_JOB, deliver_reset};
pub use settings::{EMAIL_CHANGE_JOB, deliver_email_change};

mod gdpr;
mod lang;
mod login;
mod reset;
mod settings;
mod signup;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::mail::Compose;
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use crate::{cookies, i18n::I18n};
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/signup", get(signup::page).post(signup::submit))
        .route("/verify/{token}", get(signup::verify))
        .route("/login", get(login::page).post(login::submit))
        .route("/logout", post(login::logout))
        .route(
            "/password/forgot",
            get(reset::forgot_page).post(reset::forgot_submit),
        )
        .route(
            "/password/reset/{token}",
            get(reset::reset_page).post(reset::reset_submit),
        )
        .route("/account", get(settings::page))
        .route("/account/profile", post(settings::profile))
        .route("/account/password", post(settings::password))
        .route("/account/email", post(settings::email))
        .route(
            "/account/email/confirm/{token}",
            get(settings::confirm_email),
        )
        .route("/account/export", post(gdpr::export))
        .route("/account/delete", post(gdpr::delete))
        .route("/lang", get(lang::follow).post(lang::switch))
}

/// Opens a session for `user_id` and returns the cookies to set (session, and a fresh CSRF token
/// so a token seen before sign-in is worthless after).
pub async fn start_session(state: &AppState, user_id: i64) -> WebResult<Vec<HeaderValue>> {
    let token = new_token();
    store::accounts::create_session(&state.db, &token_hash(&token), user_id, state.session_ttl())
        .await?;
    let names = state.cookies;
    Ok(vec![
        cookies::set(
            names.session,
            &token,
            state.session_ttl(),
            true,
            names.secure,
        ),
        cookies::set(names.csrf, &new_token(), 86_400 * 365, true, names.secure),
    ])
}

/// Adds `Set-Cookie` values to a response, keeping those already there.
pub fn append_cookies(response: &mut Response, values: Vec<HeaderValue>) {
    for value in values {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

pub fn clear_session_cookie(state: &AppState) -> HeaderValue {
    cookies::set(state.cookies.session, "", 0, true, state.cookies.secure)
}

/// What checking a signed-in person's current password said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrentPassword {
    Right,
    Wrong,
    /// Too many wrong passwords for this account, or attempts from this address: not checked.
    Limited,
}

/// Wrong current passwords per account, and attempts per client address, in the sign-in window.
const CURRENT_FAILURES: i64 = login::LOCKOUT_FAILURES;
const CURRENT_IP_ATTEMPTS: i64 = 30;

/// Checks the current password asked by the account forms (password, e-mail, deletion), limited
/// like sign-in, per account and per client address, before any hashing: a stolen session cannot
/// try passwords without end.
pub async fn check_current_password(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    password: String,
    stored_hash: String,
) -> WebResult<CurrentPassword> {
    let window = login::LOCKOUT_WINDOW;
    let ip_key = format!("current-password-ip:{}", ctx.client_ip);
    let user_key = format!("current-password:{user_id}");
    if store::rate_limit::hit(&state.db, &ip_key, window).await? > CURRENT_IP_ATTEMPTS
        || store::rate_limit::count(&state.db, &user_key, window).await? >= CURRENT_FAILURES
    {
        return Ok(CurrentPassword::Limited);
    }
    if state.hasher.verify(password, Some(stored_hash)).await? {
        store::rate_limit::clear(&state.db, &user_key).await?;
        Ok(CurrentPassword::Right)
    } else {
        store::rate_limit::hit(&state.db, &user_key, window).await?;
        Ok(CurrentPassword::Wrong)
    }
}

/// Puts the current-password outcome beside its field; whether it was right.
pub fn current_password_error(
    errors: &mut crate::form::FieldErrors,
    field: &'static str,
    i: I18n,
    outcome: CurrentPassword,
) -> bool {
    match outcome {
        CurrentPassword::Right => return true,
        CurrentPassword::Wrong => errors.add(field, i, "error-password-wrong"),
        CurrentPassword::Limited => errors.add(field, i, "error-too-many-attempts"),
    }
    false
}

/// A form answered with errors: 429 when the current password was not even checked.
pub fn limited_status(mut response: Response, outcome: CurrentPassword) -> Response {
    if outcome == CurrentPassword::Limited {
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
    }
    response
}

pub const VERIFY_TTL: i64 = 48 * 3_600;
pub const RESET_TTL: i64 = 3_600;

/// Sends the link that proves an address belongs to the new user.
pub async fn send_verification(
    state: &AppState,
    i: I18n,
    user_id: i64,
    email: &str,
    name: &str,
) -> WebResult<()> {
    let token = new_token();
    store::accounts::create_token(
        &state.db,
        &token_hash(&token),
        store::accounts::Purpose::VerifyEmail,
        user_id,
        None,
        VERIFY_TTL,
    )
    .await?;
    Compose {
        i,
        to: email,
        subject: i.t("email-verify-subject"),
        greeting: i.ta("email-greeting", &[("name", name)]),
        paragraphs: vec![i.t("email-verify-body")],
        action: Some((
            i.t("email-verify-action"),
            state.url(&format!("/verify/{token}")),
        )),
        after: vec![i.t("email-verify-after")],
    }
    .queue(state)
    .await
}
