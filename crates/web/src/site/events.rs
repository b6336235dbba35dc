//! Public events (the free discovery workshop…): the list, an event's page with its structured
//! data and the registration form (a lead with double opt-in, seats counted, refused when full).
use super::landing::EventCard;
use super::pioneers::{check_mail, rate_limited};
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
use domain::event::{GROUP_MAX, group_size};
use domain::site::{NAME_MAX, seats_left};
use serde::Deserialize;
use store::events::Outcome;
use store::site::{Event, NewLead};

pub fn card(i: I18n, e: &Event) -> EventCard {
    let left = seats_left(e.capacity, e.taken);
    EventCard {
        href: format!("/evenements/{}", e.slug),
        title: e.title.clone(),
        when: i.datetime(e.starts_at),
        place: if e.place.is_empty() {
            i.t("site-event-online")
        } else {
            e.place.clone()
        },
        seats: if left == 0 {
            i.t("site-event-full")
        } else {
            i.tn("site-event-seats-left", left)
        },
        full: left == 0,
    }
}

#[derive(Template)]
#[template(path = "site/events.html")]
struct ListView {
    layout: Layout,
    events: Vec<EventCard>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let i = ctx.i;
    let events = super::landing::event_cards(&state, i, 50).await?;
    let mut layout = Layout::new(&state, &ctx, i.t("site-events-title"));
    layout.description = i.t("site-events-lead");
    Ok(Html(ListView { layout, events }.render()?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub name: String,
    pub email: String,
    pub consent: String,
    pub newsletter: String,
    /// How many people come (a group registers and waits together); empty means one.
    pub seats: String,
    pub website: String,
    pub started: String,
}

#[derive(Template)]
#[template(path = "site/event.html")]
struct EventView {
    layout: Layout,
    card: EventCard,
    ends: String,
    description: Vec<String>,
    online_url: String,
    past: bool,
    form: RegisterForm,
    errors: FieldErrors,
    stamp: String,
    name_max: usize,
    group_max: i64,
    kind: String,
    share: Vec<(String, String)>,
}

/// Plain share links (no third-party button or script): e-mail, LinkedIn, Facebook.
fn share_links(i: I18n, url: &str, title: &str) -> Vec<(String, String)> {
    let enc = crate::ctx::urlencode;
    vec![
        (
            i.t("site-share-email"),
            format!(
                "mailto:?subject={}&body={}",
                enc(title).replace('+', "%20"),
                enc(url)
            ),
        ),
        (
            i.t("site-share-linkedin"),
            format!(
                "https://www.linkedin.com/sharing/share-offsite/?url={}",
                enc(url)
            ),
        ),
        (
            i.t("site-share-facebook"),
            format!("https://www.facebook.com/sharer/sharer.php?u={}", enc(url)),
        ),
    ]
}

/// Structured data (schema.org `Event`).
fn json_ld(state: &AppState, e: &Event) -> String {
    let rfc = domain::format::rfc3339;
    let location = if e.place.is_empty() {
        serde_json::json!({ "@type": "VirtualLocation", "url": e.online_url })
    } else {
        serde_json::json!({ "@type": "Place", "name": e.place, "address": e.place })
    };
    let mode = if e.place.is_empty() {
        "https://schema.org/OnlineEventAttendanceMode"
    } else {
        "https://schema.org/OfflineEventAttendanceMode"
    };
    domain::site::json_ld(&serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "description": e.summary,
        "startDate": rfc(e.starts_at),
        "endDate": rfc(e.ends_at),
        "eventAttendanceMode": mode,
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location,
        "url": state.url(&format!("/evenements/{}", e.slug)),
        "isAccessibleForFree": true,
        "maximumAttendeeCapacity": e.capacity,
        "remainingAttendeeCapacity": seats_left(e.capacity, e.taken),
        "organizer": { "@type": "Organization", "name": "Impact Studio", "url": state.url("/") },
        "offers": { "@type": "Offer", "price": "0", "priceCurrency": "EUR",
                    "availability": if seats_left(e.capacity, e.taken) == 0 { "https://schema.org/SoldOut" } else { "https://schema.org/InStock" },
                    "url": state.url(&format!("/evenements/{}", e.slug)) },
    }))
}

async fn published(state: &AppState, slug: &str) -> WebResult<Event> {
    store::site::event_by_slug(&state.db, slug)
        .await?
        .filter(|e| e.published == 1)
        .ok_or(WebError::NotFound)
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    e: Event,
    form: RegisterForm,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let i = ctx.i;
    let mut layout = Layout::new(state, ctx, e.title.clone());
    layout.description = e.summary.clone();
    layout.json_ld = Some(json_ld(state, &e));
    let view = EventView {
        layout,
        card: card(i, &e),
        ends: i.datetime(e.ends_at),
        description: e
            .description
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        online_url: if e.online_url.starts_with("https://") {
            e.online_url.clone()
        } else {
            String::new()
        },
        past: e.ends_at <= store::now(),
        form,
        errors,
        stamp: form_stamp(state, store::now()).await?,
        name_max: NAME_MAX,
        group_max: GROUP_MAX.min(e.capacity),
        kind: i.t(e.kind.label_key()),
        share: share_links(i, &state.url(&format!("/evenements/{}", e.slug)), &e.title),
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let e = published(&state, &slug).await?;
    render(
        &state,
        &ctx,
        e,
        RegisterForm::default(),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> WebResult<Response> {
    rate_limited(&state, &ctx).await?;
    let e = published(&state, &slug).await?;
    let now = store::now();
    if !form.website.is_empty() || !stamp_ok(&state, &form.started, now).await? {
        return check_mail(&state, &ctx);
    }
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = errors.check("name", i, text(&form.name, NAME_MAX));
    let email = errors.check("email", i, Email::parse(&form.email));
    let seats = group_size(&form.seats, e.capacity);
    if seats.is_none() {
        errors.add("seats", i, "event-error-group");
    }
    if form.consent != "yes" {
        errors.add("consent", i, "site-error-consent");
    }
    if e.ends_at <= now {
        errors.add("email", i, "site-event-past");
    }
    let (Some(name), Some(email), Some(seats), true) = (name, email, seats, errors.is_empty())
    else {
        return render(
            &state,
            &ctx,
            e,
            form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let (campaign, own_referral) =
        crate::ambassadors::lead_campaign(&state, &ctx, &headers, email.as_str()).await?;
    let lead = NewLead {
        email: email.as_str(),
        name: &name,
        locale: i.code(),
        source: "event",
        utm_source: &campaign.source,
        utm_medium: &campaign.medium,
        utm_campaign: &campaign.campaign,
        referrer_host: &campaign.referrer,
        newsletter: form.newsletter == "yes",
        centre_id: e.centre_id,
        ..NewLead::default()
    };
    let id = store::site::upsert_lead(&state.db, &lead, now).await?;
    let mut tx = state.db.begin().await?;
    let settled = store::events::register(&mut tx, e.id, id, seats, now)
        .await?
        .ok_or(WebError::NotFound)?;
    super::registrations::tell_promoted(&state, &mut tx, &settled.promoted, now).await?;
    tx.commit().await?;
    state.jobs_queued();
    let waitlisted = match settled.outcome {
        Outcome::Already => {
            let mut errors = FieldErrors::default();
            errors.add("email", i, "event-error-already");
            return render(&state, &ctx, e, form, errors, StatusCode::CONFLICT).await;
        }
        Outcome::Registered(_) => false,
        Outcome::Waitlisted(_) => true,
    };
    state.site.changed();
    send_confirmation(&state, i, id, email.as_str(), &name, Some(&e.title)).await?;
    if waitlisted {
        let mut paragraphs = vec!["event-waitlisted-body", "site-check-mail-body"];
        if own_referral {
            paragraphs.push("ambassador-self-lead");
        }
        return crate::message::message(
            &state,
            &ctx,
            "event-waitlisted-title",
            &paragraphs,
            Some(("/evenements", "site-events-all")),
        );
    }
    super::pioneers::check_mail_own(&state, &ctx, own_referral)
}
