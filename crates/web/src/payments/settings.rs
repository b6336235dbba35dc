//! A centre's payment settings (its managers): the card provider and HelloAsso (addresses,
//! account, secrets) and whether the centre is of general interest (tax receipts). The bank
//! details printed with the transfer's QR code are the invoices' seller identity. A secret is never shown back: the page says
//! « ••••1234 » and an empty field keeps the stored one.
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
use domain::payment::{Provider, masked};
use domain::{Action, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;
use store::payments::{PaymentSettings, ProviderConfig};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub card_enabled: String,
    pub card_base_url: String,
    pub card_api_secret: String,
    pub card_webhook_secret: String,
    pub ha_enabled: String,
    pub ha_base_url: String,
    pub ha_account: String,
    pub ha_client_id: String,
    pub ha_api_secret: String,
    pub general_interest: String,
    pub object: String,
    pub address: String,
    pub signatory: String,
}

/// The stored secrets as the page may hint them.
#[derive(Default)]
pub struct Hints {
    pub card_api_secret: String,
    pub card_webhook_secret: String,
    pub ha_api_secret: String,
}

#[derive(Template)]
#[template(path = "payments/settings.html")]
struct SettingsView {
    layout: Layout,
    centre: CentreSummary,
    form: SettingsForm,
    hints: Hints,
    errors: FieldErrors,
    card_webhook: String,
    helloasso_webhook: String,
}

fn on(flag: bool) -> String {
    if flag { "1".into() } else { String::new() }
}

async fn load(
    state: &AppState,
    centre_id: i64,
) -> WebResult<(SettingsForm, Hints, Vec<ProviderConfig>)> {
    let providers = store::payments::providers_of(&state.db, centre_id).await?;
    let s = store::payments::settings(&state.db, centre_id).await?;
    let find = |p: Provider| {
        providers
            .iter()
            .find(|c| c.provider == p.code())
            .cloned()
            .unwrap_or_default()
    };
    let (card, ha) = (find(Provider::Card), find(Provider::HelloAsso));
    let form = SettingsForm {
        card_enabled: on(card.enabled == 1 && !card.base_url.is_empty()),
        card_base_url: card.base_url.clone(),
        ha_enabled: on(ha.enabled == 1 && !ha.base_url.is_empty()),
        ha_base_url: ha.base_url.clone(),
        ha_account: ha.account.clone(),
        ha_client_id: ha.client_id.clone(),
        general_interest: on(s.general_interest == 1),
        object: s.object,
        address: s.address,
        signatory: s.signatory,
        ..Default::default()
    };
    let hints = Hints {
        card_api_secret: masked(&card.api_secret),
        card_webhook_secret: masked(&card.webhook_secret),
        ha_api_secret: masked(&ha.api_secret),
    };
    Ok((form, hints, providers))
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: SettingsForm,
    hints: Hints,
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
            i.ta("payment-settings-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        card_webhook: state.url(&format!("/webhooks/card/{}", centre.id)),
        helloasso_webhook: state.url(&format!("/webhooks/helloasso/{}", centre.id)),
        centre,
        form,
        hints,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn managed_centre(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    Ok(centre)
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let (form, hints, _) = load(&state, centre.id).await?;
    render(&state, &ctx, centre, form, hints, FieldErrors::default())
}

/// A provider's address as typed, if the server may call it. The server sends the centre's
/// secrets there, so a site served over https (production) only calls https addresses named by a
/// host, never an IP address or `localhost` (no request steered to an internal service); a site
/// served over http (development, tests) may call a local fake over http.
fn base_url(value: &str, production: bool) -> Option<String> {
    let v = value.trim().trim_end_matches('/');
    if v.len() > 300 || v.contains(char::is_whitespace) {
        return None;
    }
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://").filter(|_| !production))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host
    } else {
        host.split(':').next().unwrap_or_default()
    };
    let internal = host.is_empty()
        || host.starts_with('[')
        || host.parse::<std::net::IpAddr>().is_ok()
        || host.eq_ignore_ascii_case("localhost")
        || !host.contains('.');
    (!(host.is_empty() || production && internal)).then(|| v.to_string())
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<SettingsForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let (_, hints, stored) = load(&state, centre.id).await?;
    let mut errors = FieldErrors::default();
    let stored_of = |p: Provider| {
        stored
            .iter()
            .find(|c| c.provider == p.code())
            .cloned()
            .unwrap_or_default()
    };
    // A secret left empty keeps the stored one.
    let keep = |typed: &str, old: &str| {
        let t = typed.trim();
        if t.is_empty() {
            old.to_string()
        } else {
            t.to_string()
        }
    };
    let card_on = !form.card_enabled.is_empty();
    let ha_on = !form.ha_enabled.is_empty();
    let production = state.config.base_url.starts_with("https://");
    let card_url = base_url(&form.card_base_url, production);
    if card_on && card_url.is_none() {
        errors.add("card_base_url", i, "payment-error-url");
    }
    let ha_url = base_url(&form.ha_base_url, production);
    if ha_on && ha_url.is_none() {
        errors.add("ha_base_url", i, "payment-error-url");
    }
    let old_card = stored_of(Provider::Card);
    let old_ha = stored_of(Provider::HelloAsso);
    let card = ProviderConfig {
        centre_id: centre.id,
        provider: Provider::Card.code().into(),
        base_url: card_url.unwrap_or_else(|| form.card_base_url.trim().to_string()),
        api_secret: keep(&form.card_api_secret, &old_card.api_secret),
        webhook_secret: keep(&form.card_webhook_secret, &old_card.webhook_secret),
        enabled: i64::from(card_on),
        ..Default::default()
    };
    if card_on && card.api_secret.is_empty() {
        errors.add("card_api_secret", i, "payment-error-secret");
    }
    if card_on && card.webhook_secret.is_empty() {
        errors.add("card_webhook_secret", i, "payment-error-secret");
    }
    let ha_account = form.ha_account.trim();
    if ha_on && (ha_account.is_empty() || domain::Slug::parse(ha_account).is_err()) {
        errors.add("ha_account", i, "payment-error-account");
    }
    let ha = ProviderConfig {
        centre_id: centre.id,
        provider: Provider::HelloAsso.code().into(),
        base_url: ha_url.unwrap_or_else(|| form.ha_base_url.trim().to_string()),
        account: ha_account.to_string(),
        client_id: form.ha_client_id.trim().to_string(),
        api_secret: keep(&form.ha_api_secret, &old_ha.api_secret),
        enabled: i64::from(ha_on),
        ..Default::default()
    };
    if ha_on && (ha.client_id.is_empty() || ha.api_secret.is_empty()) {
        errors.add("ha_api_secret", i, "payment-error-secret");
    }
    if !errors.is_empty() {
        let form = SettingsForm {
            card_api_secret: String::new(),
            card_webhook_secret: String::new(),
            ha_api_secret: String::new(),
            ..form
        };
        return render(&state, &ctx, centre, form, hints, errors);
    }
    let settings = PaymentSettings {
        centre_id: centre.id,
        general_interest: i64::from(!form.general_interest.is_empty()),
        object: form.object.trim().chars().take(500).collect(),
        address: form.address.trim().chars().take(300).collect(),
        signatory: form.signatory.trim().chars().take(120).collect(),
    };
    // Nothing to store for a provider never filled in.
    if card_on || !old_card.base_url.is_empty() || !card.base_url.is_empty() {
        store::payments::save_provider(&state.db, &card).await?;
    }
    if ha_on || !old_ha.base_url.is_empty() || !ha.base_url.is_empty() {
        store::payments::save_provider(&state.db, &ha).await?;
    }
    store::payments::save_settings(&state.db, &settings).await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/paiements", centre.slug),
        "flash-payment-settings-saved",
        &state,
    ))
}

#[cfg(test)]
mod tests {
    use super::base_url;

    #[test]
    fn a_production_site_calls_https_hosts_only() {
        assert!(base_url("https://api.stripe.com/", true).is_some());
        assert!(base_url("https://api.helloasso.com/v5", true).is_some());
        for bad in [
            "http://api.stripe.com",
            "https://127.0.0.1:8080",
            "https://169.254.169.254/latest",
            "https://[::1]/",
            "https://localhost/",
            "https://intranet/",
            "https://user@10.0.0.1/",
            "ftp://example.org",
            "https://",
        ] {
            assert_eq!(base_url(bad, true), None, "{bad}");
        }
        assert_eq!(
            base_url("http://127.0.0.1:4242", false).as_deref(),
            Some("http://127.0.0.1:4242")
        );
        assert_eq!(base_url("ftp://example.org", false), None);
    }
}
