use super::send_verification;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::mail::Compose;
use crate::message::message;
use crate::respond::redirect_with_flash;
use crate::security::token_hash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::{Email, password};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    pub display_name: String,
    pub email: String,
    pub password: String,
    /// The canvas a visitor drafted on `/canvas/try` (JSON from their browser), if any.
    pub canvas_draft: String,
}

#[derive(Template)]
#[template(path = "accounts/signup.html")]
struct SignupView {
    layout: Layout,
    form: SignupForm,
    errors: FieldErrors,
    min_len: usize,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    form: SignupForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = SignupView {
        layout: Layout::new(state, ctx, ctx.i.t("signup-title")),
        form,
        errors,
        min_len: password::MIN_LEN,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    if ctx.user.is_some() {
        return Ok(axum::response::Redirect::to("/dashboard").into_response());
    }
    render(&state, &ctx, SignupForm::default(), FieldErrors::default())
}

/// Sign-ups per client address per hour before the form says to wait.
const SIGNUPS_PER_HOUR: i64 = 10;
/// « Someone tried to sign up with your address » mails per address per hour.
const EXISTING_MAILS_PER_HOUR: i64 = 3;

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(mut form): Form<SignupForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = errors.check("display_name", i, text(&form.display_name, 80));
    let email = errors.check("email", i, Email::parse(&form.email));
    let pass_ok = errors
        .check("password", i, password::check_new(&form.password))
        .is_some();
    let hits =
        store::rate_limit::hit(&state.db, &format!("signup:{}", ctx.client_ip), 3_600).await?;
    if hits > SIGNUPS_PER_HOUR {
        errors.add("email", i, "error-too-many-attempts");
    }
    let (Some(name), Some(email), true, true) = (name, email, pass_ok, errors.is_empty()) else {
        form.password.clear();
        return render(&state, &ctx, form, errors);
    };
    let hash = state
        .hasher
        .hash(std::mem::take(&mut form.password))
        .await?;
    let new = store::accounts::NewUser {
        email: email.as_str(),
        password_hash: &hash,
        display_name: &name,
        locale: i.code(),
        verified: false,
    };
    match store::accounts::create_user(&state.db, &new).await {
        Ok(user_id) => {
            audit::record(&state.db, AuditAction::SignUp, Entry::about_self(user_id)).await?;
            crate::ambassadors::credit_signup(&state, &ctx, user_id).await?;
            send_verification(&state, i, user_id, email.as_str(), &name).await?;
            if !form.canvas_draft.is_empty() {
                let project = i.ta("canvas-try-project-name", &[("name", &name)]);
                if crate::canvas::save_draft(&state, user_id, &form.canvas_draft, &project).await? {
                    return crate::message::message_with(
                        &state,
                        &ctx,
                        "check-email-title",
                        &[
                            "check-email-signup",
                            "check-email-canvas-saved",
                            "check-email-spam",
                        ],
                        None,
                        true,
                    );
                }
            }
        }
        Err(store::StoreError::Duplicate) => {
            // Same answer as a new sign-up; the owner of the address is told by e-mail, a few
            // times an hour at most, however many client addresses try it.
            let key = format!("signup-existing:{}", email.as_str());
            if store::rate_limit::hit(&state.db, &key, 3_600).await? <= EXISTING_MAILS_PER_HOUR {
                Compose {
                    i,
                    to: email.as_str(),
                    subject: i.t("email-existing-subject"),
                    greeting: i.t("email-greeting-plain"),
                    paragraphs: vec![i.t("email-existing-body")],
                    action: Some((i.t("email-existing-action"), state.url("/password/forgot"))),
                    after: vec![i.t("email-ignore-if-not-you")],
                }
                .queue(&state)
                .await?;
            }
        }
        Err(err) => return Err(err.into()),
    }
    message(
        &state,
        &ctx,
        "check-email-title",
        &["check-email-signup", "check-email-spam"],
        None,
    )
}

pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let purpose = store::accounts::Purpose::VerifyEmail;
    match store::accounts::consume_token(&state.db, &token_hash(&token), purpose).await? {
        Some(t) => {
            // The welcome sequence starts once the address is confirmed: nothing is sent to an
            // address nobody has proved is theirs.
            let mut tx = state.db.begin().await?;
            store::accounts::mark_verified(&mut tx, t.user_id).await?;
            crate::onboarding::start_in(&mut tx, t.user_id, None, store::now()).await?;
            tx.commit().await?;
            state.jobs_queued();
            let to = if ctx.user.is_some() {
                "/dashboard"
            } else {
                "/login"
            };
            Ok(redirect_with_flash(to, "flash-email-verified", &state))
        }
        None => message(
            &state,
            &ctx,
            "link-invalid-title",
            &["link-invalid-verify"],
            Some(("/login", "nav-sign-in")),
        ),
    }
}
