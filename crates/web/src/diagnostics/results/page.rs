//! The results page: the owner's (cookie, account or project) with the next steps, or the one
//! reached from the link sent by e-mail, which offers no forms.
use super::{Results, results_for_page};
use crate::ctx::Ctx;
use crate::diagnostics::{Access, attempt_for};
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::security::token_hash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use store::diagnostics::Attempt;

#[derive(Template)]
#[template(path = "diagnostics/results.html")]
struct ResultsView {
    layout: Layout,
    r: std::sync::Arc<Results>,
    radar_desc: String,
    anonymous: bool,
    shared: bool,
    can_retake: bool,
    email_value: String,
    email_error: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(attempt_id): Path<i64>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if !attempt.submitted() {
        return Ok(
            Redirect::to(&format!("/diagnostics/attempts/{attempt_id}/pages/1")).into_response(),
        );
    }
    render(&state, &ctx, &attempt, Some(&access), None).await
}

/// The results page reached from the link sent by e-mail (no cookie or account needed).
pub async fn shared(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if token.len() != 43 {
        return Err(WebError::NotFound);
    }
    let attempt = store::diagnostics::attempt_by_result(&state.db, &token_hash(&token))
        .await?
        .ok_or(WebError::NotFound)?;
    render(&state, &ctx, &attempt, None, None).await
}

/// Renders the results; `access` is none on the shared page. `email_problem` is the address
/// typed and why it was refused.
pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    attempt: &Attempt,
    access: Option<&Access>,
    email_problem: Option<(String, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let r = results_for_page(state, ctx, attempt, access).await?;
    let (email_value, email_error) = match email_problem {
        Some((value, message)) => (value, Some(message)),
        None => (String::new(), None),
    };
    let status = if email_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = ResultsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("diagnostics-results-title", &[("title", &r.title)]),
        ),
        radar_desc: i.t(if r.previous_date.is_some() {
            "diagnostics-radar-desc-previous"
        } else {
            "diagnostics-radar-desc"
        }),
        r,
        anonymous: access.is_some() && attempt.user_id.is_none() && attempt.project_id.is_none(),
        shared: access.is_none(),
        can_retake: access.is_some_and(|a| a.can_answer),
        email_value,
        email_error,
    };
    Ok((status, Html(view.render()?)).into_response())
}
