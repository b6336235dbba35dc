//! A centre's newsletter settings: the sending rate (messages a minute, within
//! `domain::newsletter::RATE_MIN..=RATE_MAX`), kept per centre; a change is audited.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::newsletter::{RATE_MAX, RATE_MIN, parse_rate};
use store::audit::{AuditAction, Entry};
use store::centres::CentreSummary;

#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub rate: String,
}

#[derive(Template)]
#[template(path = "newsletters/settings.html")]
struct SettingsView {
    layout: Layout,
    centre: CentreSummary,
    form: SettingsForm,
    errors: FieldErrors,
    hint: String,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: SettingsForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = SettingsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("newsletter-settings-title", &[("centre", &centre.name)]),
        )
        .under(
            format!("/centres/{}/newsletters", centre.slug),
            i.ta("newsletter-list-title", &[("centre", &centre.name)]),
        ),
        centre,
        form,
        errors,
        hint: i.ta(
            "newsletter-field-rate-hint",
            &[("min", &i.number(RATE_MIN)), ("max", &i.number(RATE_MAX))],
        ),
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = super::edit::staff_centre(&state, &ctx, &slug).await?;
    let rate = super::send::rate(&state, centre.id).await?;
    let form = SettingsForm {
        rate: rate.to_string(),
    };
    render(&state, &ctx, centre, form, FieldErrors::default())
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<SettingsForm>,
) -> WebResult<Response> {
    let centre = super::edit::staff_centre(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let Some(rate) = parse_rate(&form.rate) else {
        let mut errors = FieldErrors::default();
        errors.add_text(
            "rate",
            ctx.i.ta(
                "newsletter-error-rate",
                &[
                    ("min", &ctx.i.number(RATE_MIN)),
                    ("max", &ctx.i.number(RATE_MAX)),
                ],
            ),
        );
        return render(&state, &ctx, centre, form, errors);
    };
    store::settings::set(
        &state.db,
        &super::send::rate_key(centre.id),
        &rate.to_string(),
    )
    .await?;
    let detail = format!("rate={rate}");
    store::audit::record(
        &state.db,
        AuditAction::NewsletterSettingsChanged,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(centre.id),
            subject_id: None,
            detail: &detail,
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/newsletters", centre.slug),
        "flash-newsletter-settings-saved",
        &state,
    ))
}
