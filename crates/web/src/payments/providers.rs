//! The providers' HTTP APIs, as the payments need them: a Stripe-style card provider (checkout
//! sessions, form-encoded, an idempotency key per order) and HelloAsso (OAuth client
//! credentials, checkout intents, reading an intent back to verify a notification). Base URLs
//! come from the centre's settings, so tests point them at a local fake. No secret is logged:
//! errors name the step and the status only.
use serde_json::Value;
use std::sync::OnceLock;
use std::time::Duration;
use store::payments::ProviderConfig;

/// Why a provider did not answer as expected (shown as « the provider did not answer »).
#[derive(Debug)]
pub struct ProviderError(pub String);

impl std::fmt::Display for ProviderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default()
    })
}

fn url(cfg: &ProviderConfig, path: &str) -> String {
    format!("{}{path}", cfg.base_url.trim_end_matches('/'))
}

async fn json(
    step: &str,
    resp: Result<reqwest::Response, reqwest::Error>,
) -> Result<Value, ProviderError> {
    let resp = resp.map_err(|_| ProviderError(format!("{step}: unreachable")))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(ProviderError(format!("{step}: status {}", status.as_u16())));
    }
    let bytes = resp
        .bytes()
        .await
        .map_err(|_| ProviderError(format!("{step}: body")))?;
    serde_json::from_slice(&bytes).map_err(|_| ProviderError(format!("{step}: not JSON")))
}

/// What to open a checkout for.
pub struct Checkout<'a> {
    pub order_id: i64,
    pub amount_cents: i64,
    pub title: &'a str,
    pub success_url: &'a str,
    pub cancel_url: &'a str,
}

/// A hosted checkout: the provider's id for it and where to send the payer.
pub struct Opened {
    pub id: String,
    pub url: String,
}

/// Opens a card checkout session; the same order gives the same session (idempotency key).
pub async fn card_session(cfg: &ProviderConfig, c: &Checkout<'_>) -> Result<Opened, ProviderError> {
    let order = c.order_id.to_string();
    let amount = c.amount_cents.to_string();
    let form: Vec<(&str, &str)> = vec![
        ("mode", "payment"),
        ("client_reference_id", &order),
        ("line_items[0][quantity]", "1"),
        ("line_items[0][price_data][currency]", "eur"),
        ("line_items[0][price_data][unit_amount]", &amount),
        ("line_items[0][price_data][product_data][name]", c.title),
        ("metadata[order_id]", &order),
        ("payment_intent_data[metadata][order_id]", &order),
        ("success_url", c.success_url),
        ("cancel_url", c.cancel_url),
    ];
    let body = serde_urlencoded::to_string(&form).map_err(|_| ProviderError("encode".into()))?;
    let resp = client()
        .post(url(cfg, "/v1/checkout/sessions"))
        .bearer_auth(&cfg.api_secret)
        .header("Idempotency-Key", format!("order-{}", c.order_id))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await;
    let v = json("card session", resp).await?;
    match (v["id"].as_str(), v["url"].as_str()) {
        (Some(id), Some(u)) => Ok(Opened {
            id: id.into(),
            url: u.into(),
        }),
        _ => Err(ProviderError("card session: no id or url".into())),
    }
}

async fn helloasso_token(cfg: &ProviderConfig) -> Result<String, ProviderError> {
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", cfg.client_id.as_str()),
        ("client_secret", cfg.api_secret.as_str()),
    ];
    let body = serde_urlencoded::to_string(form).map_err(|_| ProviderError("encode".into()))?;
    let resp = client()
        .post(url(cfg, "/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await;
    let v = json("helloasso token", resp).await?;
    v["access_token"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| ProviderError("helloasso token: none".into()))
}

/// Opens a HelloAsso checkout intent for the order.
pub async fn helloasso_intent(
    cfg: &ProviderConfig,
    c: &Checkout<'_>,
) -> Result<Opened, ProviderError> {
    let token = helloasso_token(cfg).await?;
    let body = serde_json::json!({
        "totalAmount": c.amount_cents,
        "initialAmount": c.amount_cents,
        "itemName": c.title.chars().take(250).collect::<String>(),
        "backUrl": c.cancel_url,
        "errorUrl": c.cancel_url,
        "returnUrl": c.success_url,
        "containsDonation": false,
        "metadata": { "order_id": c.order_id },
    });
    let resp = client()
        .post(url(
            cfg,
            &format!("/v5/organizations/{}/checkout-intents", cfg.account),
        ))
        .bearer_auth(token)
        .json_body(&body)
        .send()
        .await;
    let v = json("helloasso intent", resp).await?;
    let id = match &v["id"] {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return Err(ProviderError("helloasso intent: no id".into())),
    };
    let Some(u) = v["redirectUrl"].as_str() else {
        return Err(ProviderError("helloasso intent: no redirectUrl".into()));
    };
    Ok(Opened { id, url: u.into() })
}

/// Reads a checkout intent back from HelloAsso: what a notification claims is believed only
/// as the API states it.
pub async fn helloasso_read(cfg: &ProviderConfig, intent_id: &str) -> Result<Value, ProviderError> {
    let token = helloasso_token(cfg).await?;
    let resp = client()
        .get(url(
            cfg,
            &format!(
                "/v5/organizations/{}/checkout-intents/{}",
                cfg.account,
                intent_id.trim()
            ),
        ))
        .bearer_auth(token)
        .send()
        .await;
    json("helloasso read", resp).await
}

trait JsonBody {
    fn json_body(self, v: &Value) -> Self;
}

impl JsonBody for reqwest::RequestBuilder {
    /// A JSON body without reqwest's `json` feature.
    fn json_body(self, v: &Value) -> Self {
        self.header("Content-Type", "application/json")
            .body(v.to_string())
    }
}
