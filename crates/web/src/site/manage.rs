//! « My data », reached from a link in every e-mail to a lead, without an account: see what is
//! kept, download it (JSON), keep it three more years, stop the newsletter, or erase it all.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::security::token_hash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::format::rfc3339;
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::site::{Lead, Purpose, TokenLookup};

/// The lead behind a « my data » link, or a page saying the link no longer works.
async fn lead_of(state: &AppState, token: &str) -> WebResult<Option<Lead>> {
    let now = store::now();
    match store::site::token_lead(&state.db, &token_hash(token), Purpose::Manage, now).await? {
        TokenLookup::Valid(id) => Ok(store::site::find_lead(&state.db, id).await?),
        _ => Ok(None),
    }
}

fn gone(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    let response = crate::message::message(
        state,
        ctx,
        "link-invalid-title",
        &["site-manage-gone"],
        Some(("/", "error-back-home")),
    )?;
    Ok((StatusCode::NOT_FOUND, response).into_response())
}

struct Item {
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "site/my_data.html")]
struct MyDataView {
    layout: Layout,
    token: String,
    items: Vec<Item>,
    newsletter: bool,
    asked: bool,
    errors: FieldErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    token: String,
    lead: Lead,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let date = |t: Option<i64>| t.map(|t| i.date(t)).unwrap_or_else(|| i.t("site-none"));
    let interests: Vec<String> = lead
        .interests
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|c| i.t(&format!("site-interest-{c}")))
        .collect();
    let mut items = vec![
        Item {
            label: i.t("site-field-name"),
            value: lead.name.clone(),
        },
        Item {
            label: i.t("field-email"),
            value: lead.email.clone(),
        },
        Item {
            label: i.t("site-field-town"),
            value: lead.town.clone(),
        },
        Item {
            label: i.t("site-field-idea"),
            value: lead.idea.clone(),
        },
        Item {
            label: i.t("site-field-interests"),
            value: interests.join(", "),
        },
        Item {
            label: i.t("site-my-data-since"),
            value: i.date(lead.created_at),
        },
        Item {
            label: i.t("site-my-data-confirmed"),
            value: date(lead.confirmed_at),
        },
        Item {
            label: i.t("site-my-data-last-contact"),
            value: i.date(lead.last_contact_at),
        },
    ];
    for (title, at, _) in store::site::registrations_of(&state.db, lead.id).await? {
        items.push(Item {
            label: i.t("site-my-data-event"),
            value: format!("{title} — {}", i.datetime(at)),
        });
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = MyDataView {
        layout: Layout::new(state, ctx, i.t("site-my-data-title")),
        token,
        items,
        newsletter: lead.newsletter(),
        asked: lead.retention_asked_at.is_some(),
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    match lead_of(&state, &token).await? {
        Some(lead) => render(&state, &ctx, token, lead, FieldErrors::default()).await,
        None => gone(&state, &ctx),
    }
}

pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(lead) = lead_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    let events: Vec<_> = store::site::registrations_of(&state.db, lead.id)
        .await?
        .into_iter()
        .map(|(title, at, confirmed)| {
            serde_json::json!({ "event": title, "starts_at": rfc3339(at), "confirmed_at": confirmed.map(rfc3339) })
        })
        .collect();
    let body = serde_json::json!({
        "exported_at": rfc3339(store::now()),
        "purpose": ctx.i.t("site-purpose"),
        "retention": ctx.i.t("site-retention"),
        "lead": {
            "name": lead.name,
            "email": lead.email,
            "town": lead.town,
            "project_idea": lead.idea,
            "interests": lead.interests.split(',').filter(|s| !s.is_empty()).collect::<Vec<_>>(),
            "language": lead.locale.code(),
            "source": lead.source,
            "campaign": { "source": lead.utm_source, "medium": lead.utm_medium, "campaign": lead.utm_campaign, "referrer": lead.referrer_host },
            "status": lead.status.code(),
            "tags": lead.tags.split(',').filter(|s| !s.is_empty()).collect::<Vec<_>>(),
            "contact_consent_at": rfc3339(lead.contact_consent_at),
            "newsletter_consent_at": lead.newsletter_consent_at.map(rfc3339),
            "newsletter_unsubscribed_at": lead.newsletter_unsubscribed_at.map(rfc3339),
            "confirmed_at": lead.confirmed_at.map(rfc3339),
            "last_contact_at": rfc3339(lead.last_contact_at),
            "created_at": rfc3339(lead.created_at),
        },
        "events": events,
    });
    let text =
        serde_json::to_string_pretty(&body).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(respond::file(
        text,
        "application/json; charset=utf-8",
        Disposition::Attachment,
        "impact-studio-mes-donnees.json",
    ))
}

pub async fn keep(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(lead) = lead_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    store::site::keep(&state.db, lead.id, store::now()).await?;
    crate::message::message(
        &state,
        &ctx,
        "site-kept-title",
        &["site-kept-body"],
        Some((&format!("/mes-donnees/{token}"), "site-my-data-title")),
    )
}

pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(lead) = lead_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    store::site::unsubscribe(&state.db, lead.id, store::now()).await?;
    crate::message::message(
        &state,
        &ctx,
        "site-unsubscribed-title",
        &["site-unsubscribed-body"],
        Some((&format!("/mes-donnees/{token}"), "site-my-data-title")),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    pub confirm: String,
}

pub async fn erase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<EraseForm>,
) -> WebResult<Response> {
    let Some(lead) = lead_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    if form.confirm != "yes" {
        let mut errors = FieldErrors::default();
        errors.add("confirm", ctx.i, "site-erase-confirm-required");
        return render(&state, &ctx, token, lead, errors).await;
    }
    store::site::erase(&state.db, lead.id).await?;
    audit::record(
        &state.db,
        AuditAction::LeadErased,
        Entry {
            detail: "by_lead",
            ..Entry::default()
        },
    )
    .await?;
    state.site.changed();
    crate::message::message(
        &state,
        &ctx,
        "site-erased-title",
        &["site-erased-body"],
        Some(("/", "error-back-home")),
    )
}

#[derive(Template)]
#[template(path = "site/unsubscribe.html")]
struct UnsubscribeView {
    layout: Layout,
    token: String,
}

/// The unsubscribe link of an e-mail: one button (a GET changes nothing, so link scanners
/// cannot unsubscribe anybody).
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if lead_of(&state, &token).await?.is_none() {
        return gone(&state, &ctx);
    }
    let view = UnsubscribeView {
        layout: Layout::new(&state, &ctx, ctx.i.t("site-unsubscribe-title")),
        token,
    };
    Ok(Html(view.render()?).into_response())
}

/// The button of that page, and the mail provider's one-click POST (RFC 8058).
pub async fn one_click(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(lead) = lead_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    store::site::unsubscribe(&state.db, lead.id, store::now()).await?;
    crate::message::message(
        &state,
        &ctx,
        "site-unsubscribed-title",
        &["site-unsubscribed-body"],
        Some((&format!("/mes-donnees/{token}"), "site-my-data-title")),
    )
}
