//! The pioneers form: double opt-in, one lead per e-mail, a neutral answer whoever signs up,
//! spam kept out by a honeypot, a signed minimum fill time and a rate limit per address.
use super::landing::{Counter, counter};
use super::{form_stamp, send_confirmation, stamp_ok};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use domain::Email;
use domain::site::{IDEA_MAX, NAME_MAX, TOWN_MAX, interests, optional_text};
use serde::Deserialize;
use store::site::{NewLead, Purpose, TokenLookup};

/// Sign-ups (pioneers, events, new links) accepted per address and hour.
pub const RATE_LIMIT: i64 = 10;
const RATE_WINDOW: i64 = 3_600;

/// The form as posted (repeated `interest` fields, so read from the pairs).
#[derive(Debug, Default)]
pub struct PioneerForm {
    pub name: String,
    pub email: String,
    pub town: String,
    pub idea: String,
    pub interests: Vec<String>,
    pub consent: String,
    pub newsletter: String,
    /// The honeypot: people never see it, robots fill it.
    pub website: String,
    pub started: String,
}

impl PioneerForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> PioneerForm {
        let mut f = PioneerForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "name" => f.name = v,
                "email" => f.email = v,
                "town" => f.town = v,
                "idea" => f.idea = v,
                "interest" if f.interests.len() < 20 => f.interests.push(v),
                "consent" => f.consent = v,
                "newsletter" => f.newsletter = v,
                "website" => f.website = v,
                "started" => f.started = v,
                _ => {}
            }
        }
        f
    }
}

pub struct Choice {
    pub code: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "site/pioneers.html")]
struct PioneersView {
    layout: Layout,
    form: PioneerForm,
    errors: FieldErrors,
    choices: Vec<Choice>,
    stamp: String,
    counter: Counter,
    name_max: usize,
    town_max: usize,
    idea_max: usize,
}

pub fn choices(i: I18n, chosen: &[String]) -> Vec<Choice> {
    domain::site::INTERESTS
        .into_iter()
        .map(|code| Choice {
            code,
            label: i.t(&format!("site-interest-{code}")),
            checked: chosen.iter().any(|c| c == code),
        })
        .collect()
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    form: PioneerForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut layout = Layout::new(state, ctx, i.t("site-pioneers-title"));
    layout.description = i.t("site-pioneers-lead");
    let view = PioneersView {
        layout,
        choices: choices(i, &form.interests),
        form,
        errors,
        stamp: form_stamp(state, store::now()).await?,
        counter: counter(state, i).await?,
        name_max: NAME_MAX,
        town_max: TOWN_MAX,
        idea_max: IDEA_MAX,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    render(&state, &ctx, PioneerForm::default(), FieldErrors::default()).await
}

/// Counts one sign-up attempt from this address; `TooManyRequests` past the limit.
pub async fn rate_limited(state: &AppState, ctx: &Ctx) -> WebResult<()> {
    let key = format!("site:{}", ctx.client_ip);
    if store::rate_limit::hit(&state.db, &key, RATE_WINDOW).await? > RATE_LIMIT {
        return Err(WebError::TooManyRequests);
    }
    Ok(())
}

/// The neutral answer, the same whether the address was new, known or confirmed already.
pub fn check_mail(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    check_mail_own(state, ctx, false)
}

/// « Check your e-mail », saying also when the person came through their own referral link
/// (not credited to them).
pub fn check_mail_own(state: &AppState, ctx: &Ctx, own_referral: bool) -> WebResult<Response> {
    let mut paragraphs = vec!["site-check-mail-body", "site-check-mail-spam"];
    if own_referral {
        paragraphs.push("ambassador-self-lead");
    }
    crate::message::message(
        state,
        ctx,
        "site-check-mail-title",
        &paragraphs,
        Some(("/", "error-back-home")),
    )
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let form = PioneerForm::from_pairs(pairs);
    rate_limited(&state, &ctx).await?;
    let now = store::now();
    // Robots get the same answer as people, and nothing is stored.
    if !form.website.is_empty() || !stamp_ok(&state, &form.started, now).await? {
        tracing::info!("pioneers form: spam dropped");
        return check_mail(&state, &ctx);
    }
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = errors.check("name", i, text(&form.name, NAME_MAX));
    let email = errors.check("email", i, Email::parse(&form.email));
    let town = errors.check("town", i, optional_text(&form.town, TOWN_MAX));
    let idea = errors.check("idea", i, optional_text(&form.idea, IDEA_MAX));
    if form.consent != "yes" {
        errors.add("consent", i, "site-error-consent");
    }
    let (Some(name), Some(email), Some(town), Some(idea), true) =
        (name, email, town, idea, errors.is_empty())
    else {
        return render(&state, &ctx, form, errors).await;
    };
    let (campaign, own_referral) =
        crate::ambassadors::lead_campaign(&state, &ctx, &headers, email.as_str()).await?;
    let chosen = interests(&form.interests).join(",");
    let lead = NewLead {
        email: email.as_str(),
        name: &name,
        town: &town,
        idea: &idea,
        interests: &chosen,
        locale: i.code(),
        source: "pioneers",
        utm_source: &campaign.source,
        utm_medium: &campaign.medium,
        utm_campaign: &campaign.campaign,
        referrer_host: &campaign.referrer,
        pioneer: true,
        newsletter: form.newsletter == "yes",
        // The pioneers of the network's public site are the studio's.
        centre_id: state.studio_id().await?,
    };
    let id = store::site::upsert_lead(&state.db, &lead, now).await?;
    send_confirmation(&state, i, id, email.as_str(), &name, None).await?;
    check_mail_own(&state, &ctx, own_referral)
}

/// The link of the confirmation e-mail.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let now = store::now();
    let hash = crate::security::token_hash(&token);
    match store::site::token_lead(&state.db, &hash, Purpose::Confirm, now).await? {
        TokenLookup::Valid(lead) => {
            let seated = store::site::confirm(&state.db, lead, now).await?;
            super::registrations::send_tickets(&state, &seated, now).await?;
            state.site.changed();
            crate::message::message(
                &state,
                &ctx,
                "site-confirmed-title",
                &["site-confirmed-body"],
                Some(("/evenements", "site-confirmed-action")),
            )
        }
        TokenLookup::Expired(_) => expired(&state, &ctx, String::new(), FieldErrors::default()),
        TokenLookup::Unknown => crate::message::message(
            &state,
            &ctx,
            "link-invalid-title",
            &["site-link-unknown"],
            Some(("/pionniers", "site-pioneers-title")),
        ),
    }
}

#[derive(Template)]
#[template(path = "site/expired.html")]
struct ExpiredView {
    layout: Layout,
    email: String,
    errors: FieldErrors,
}

fn expired(state: &AppState, ctx: &Ctx, email: String, errors: FieldErrors) -> WebResult<Response> {
    let view = ExpiredView {
        layout: Layout::new(state, ctx, ctx.i.t("site-expired-title")),
        email,
        errors,
    };
    let status = if view.errors.is_empty() {
        StatusCode::GONE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResendForm {
    pub email: String,
}

/// A new confirmation link, for an address not confirmed yet (same answer otherwise).
pub async fn resend(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ResendForm>,
) -> WebResult<Response> {
    rate_limited(&state, &ctx).await?;
    let mut errors = FieldErrors::default();
    let Some(email) = errors.check("email", ctx.i, Email::parse(&form.email)) else {
        return expired(&state, &ctx, form.email, errors);
    };
    if let Some(lead) = store::site::find_lead_by_email(&state.db, email.as_str()).await?
        && lead.confirmed_at.is_none()
    {
        let i = I18n::new(lead.locale);
        send_confirmation(&state, i, lead.id, &lead.email, &lead.name, None).await?;
    }
    check_mail(&state, &ctx)
}
