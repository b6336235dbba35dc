//! Results by e-mail: the figures and recommendations of the results model sent to the address
//! given (queued mail), the address kept as a lead, and a link to the results that works
//! without the cookie.
use super::page::render;
use super::results;
use crate::ctx::Ctx;
use crate::diagnostics::attempt_for;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::mail::Compose;
use crate::respond::redirect_with_flash;
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Email;
use serde::Deserialize;

/// Addresses one visitor may leave for results in an hour.
const EMAILS_PER_HOUR: i64 = 10;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}

pub async fn email(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(attempt_id): Path<i64>,
    Form(form): Form<EmailForm>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if !attempt.submitted() {
        return Err(WebError::NotFound);
    }
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", i, Email::parse(&form.email));
    let hits = store::rate_limit::hit(
        &state.db,
        &format!("diagnostic-email:{}", ctx.client_ip),
        3_600,
    )
    .await?;
    if hits > EMAILS_PER_HOUR {
        errors.add("email", i, "error-too-many-attempts");
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        let message = errors.get("email").cloned().unwrap_or_default();
        return render(
            &state,
            &ctx,
            &attempt,
            Some(&access),
            Some((form.email.clone(), message)),
        )
        .await;
    };
    let token = new_token();
    store::diagnostics::set_result_hash(&state.db, attempt.id, &token_hash(&token)).await?;
    store::diagnostics::add_lead(
        &state.db,
        email.as_str(),
        attempt.id,
        &attempt.diagnostic,
        i.code(),
    )
    .await?;
    let r = results(&state, &ctx, &attempt, Some(&access)).await?;
    let mut paragraphs = vec![i.ta(
        "diagnostics-email-overall",
        &[
            ("score", &i.number(i64::from(r.overall.score))),
            ("level", &r.overall.level),
        ],
    )];
    for row in &r.dimensions {
        paragraphs.push(i.ta(
            "diagnostics-email-dimension",
            &[
                ("name", &row.name),
                ("score", &i.number(i64::from(row.score))),
                ("level", &row.level),
            ],
        ));
    }
    if !r.recommendations.is_empty() {
        paragraphs.push(i.t("diagnostics-email-next"));
        for reco in &r.recommendations {
            paragraphs.push(format!("— {} : {}", reco.title, reco.text));
        }
    }
    Compose {
        i,
        to: email.as_str(),
        subject: i.ta("diagnostics-email-subject", &[("title", &r.title)]),
        greeting: i.t("diagnostics-email-greeting"),
        paragraphs,
        action: Some((
            i.t("diagnostics-email-action"),
            state.url(&format!("/diagnostics/results/{token}")),
        )),
        after: vec![i.t("diagnostics-email-after")],
    }
    .queue(&state)
    .await?;
    Ok(redirect_with_flash(
        &format!("/diagnostics/attempts/{attempt_id}/results"),
        "flash-diagnostics-emailed",
        &state,
    ))
}
