//! A local fake of the payment providers, over HTTP on 127.0.0.1: a Stripe-style card API
//! (checkout sessions with idempotency keys, a hosted page with a « Payer » button, webhooks
//! signed `t=…,v1=HMAC-SHA256(secret, "t.body")`) and HelloAsso's (OAuth client credentials,
//! checkout intents, the intent read back with its order and payments, unsigned
//! notifications). Nothing reaches the internet. Tests also build signed events themselves
//! (`card_event`) to send forged, stale or replayed ones.
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const API_SECRET: &str = "sk_test_fake_4242";
pub const WEBHOOK_SECRET: &str = "whsec_fake_9876";
pub const HA_CLIENT_ID: &str = "ha-client";
pub const HA_CLIENT_SECRET: &str = "ha-secret-5555";
pub const HA_ORG: &str = "atelier-impact";

#[derive(Debug, Clone)]
pub struct FakeSession {
    pub id: String,
    pub provider: &'static str,
    pub order_id: i64,
    pub amount_cents: i64,
    pub title: String,
    pub success_url: String,
    pub paid: bool,
    pub refunded: bool,
}

#[derive(Default)]
struct Inner {
    sessions: Vec<FakeSession>,
    idempotency: HashMap<String, String>,
    /// Where the card provider posts its events, and HelloAsso its notifications.
    card_webhook: Option<String>,
    ha_webhook: Option<String>,
    events: u32,
}

#[derive(Clone)]
pub struct FakeProvider {
    pub url: String,
    clock: store::Clock,
    inner: Arc<Mutex<Inner>>,
}

type Shared = FakeProvider;

impl FakeProvider {
    /// Starts the fake; `clock` signs its events (the app's clock, so a test moves both).
    pub async fn start(clock: store::Clock) -> FakeProvider {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake provider bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let fake = FakeProvider {
            url,
            clock,
            inner: Arc::default(),
        };
        let app = Router::new()
            .route("/v1/checkout/sessions", post(card_create))
            .route("/pay/{id}", get(hosted_page).post(hosted_pay))
            .route("/oauth2/token", post(ha_token))
            .route("/v5/organizations/{org}/checkout-intents", post(ha_create))
            .route(
                "/v5/organizations/{org}/checkout-intents/{id}",
                get(ha_read),
            )
            .with_state(fake.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        fake
    }

    /// Where to post events once the app is served (`{app}/webhooks/card/{centre}`…).
    pub fn deliver_to(&self, card: Option<String>, helloasso: Option<String>) {
        let mut g = self.inner.lock().expect("fake");
        g.card_webhook = card;
        g.ha_webhook = helloasso;
    }

    pub fn sessions(&self) -> Vec<FakeSession> {
        self.inner.lock().expect("fake").sessions.clone()
    }

    /// A card event signed at `t` with `secret`: (body, `Stripe-Signature` header).
    pub fn card_event(
        event_id: &str,
        kind: &str,
        object: Value,
        secret: &str,
        t: i64,
    ) -> (String, String) {
        let body = json!({
            "id": event_id,
            "object": "event",
            "type": kind,
            "created": t,
            "data": { "object": object },
        })
        .to_string();
        let header = domain::payment::signature::header(secret, t, body.as_bytes());
        (body, header)
    }

    /// The `checkout.session.completed` event of a session.
    pub fn completed(&self, s: &FakeSession, event_id: &str) -> (String, String) {
        FakeProvider::card_event(
            event_id,
            "checkout.session.completed",
            json!({
                "id": s.id,
                "object": "checkout.session",
                "client_reference_id": s.order_id.to_string(),
                "amount_total": s.amount_cents,
                "currency": "eur",
                "payment_status": "paid",
                "payment_intent": format!("pi_{}", s.id),
                "metadata": { "order_id": s.order_id.to_string() },
            }),
            WEBHOOK_SECRET,
            self.clock.now(),
        )
    }

    /// The `charge.refunded` event of a session's payment.
    pub fn refunded(&self, s: &FakeSession, event_id: &str, cents: i64) -> (String, String) {
        FakeProvider::card_event(
            event_id,
            "charge.refunded",
            json!({
                "id": format!("ch_{}", s.id),
                "object": "charge",
                "payment_intent": format!("pi_{}", s.id),
                "amount_refunded": cents,
                "metadata": { "order_id": s.order_id.to_string() },
            }),
            WEBHOOK_SECRET,
            self.clock.now(),
        )
    }

    /// Marks a HelloAsso intent paid (or refunded), as a payer on its page would.
    pub fn ha_settle(&self, intent: &str, refunded: bool) {
        let mut g = self.inner.lock().expect("fake");
        if let Some(s) = g.sessions.iter_mut().find(|s| s.id == intent) {
            s.paid = true;
            s.refunded = refunded;
        }
    }

    /// A HelloAsso notification about an intent (unsigned: the app reads the intent back).
    pub fn ha_notification(intent: &str) -> String {
        json!({
            "eventType": "Order",
            "data": { "checkoutIntentId": intent.parse::<i64>().unwrap_or_default() },
        })
        .to_string()
    }
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::to_string)
}

async fn card_create(State(f): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    if bearer(&headers).as_deref() != Some(API_SECRET) {
        return (StatusCode::UNAUTHORIZED, "{\"error\":\"bad key\"}").into_response();
    }
    let form: HashMap<String, String> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut g = f.inner.lock().expect("fake");
    if let Some(id) = key.as_ref().and_then(|k| g.idempotency.get(k)) {
        let id = id.clone();
        return axum::Json(json!({ "id": id, "url": format!("{}/pay/{id}", f.url) }))
            .into_response();
    }
    let (Some(order), Some(amount)) = (
        form.get("client_reference_id").and_then(|v| v.parse().ok()),
        form.get("line_items[0][price_data][unit_amount]")
            .and_then(|v| v.parse().ok()),
    ) else {
        return (StatusCode::BAD_REQUEST, "{\"error\":\"missing\"}").into_response();
    };
    let id = format!("cs_test_{}", g.sessions.len() + 1);
    g.sessions.push(FakeSession {
        id: id.clone(),
        provider: "card",
        order_id: order,
        amount_cents: amount,
        title: form
            .get("line_items[0][price_data][product_data][name]")
            .cloned()
            .unwrap_or_default(),
        success_url: form.get("success_url").cloned().unwrap_or_default(),
        paid: false,
        refunded: false,
    });
    if let Some(k) = key {
        g.idempotency.insert(k, id.clone());
    }
    axum::Json(json!({ "id": id, "url": format!("{}/pay/{id}", f.url) })).into_response()
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

async fn hosted_page(State(f): State<Shared>, Path(id): Path<String>) -> Response {
    let Some(s) = f.sessions().into_iter().find(|s| s.id == id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    Html(format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Paiement de test</title></head>\
         <body><main><h1>Paiement de test</h1><p>{} · {},{:02} €</p>\
         <form method=\"post\" action=\"/pay/{}\"><button type=\"submit\" id=\"fake-pay\">Payer</button></form></main></body></html>",
        escape(&s.title),
        s.amount_cents / 100,
        s.amount_cents % 100,
        escape(&s.id),
    ))
    .into_response()
}

/// The payer pays: the provider tells the app (a signed event or a notification) and sends
/// the payer back.
async fn hosted_pay(State(f): State<Shared>, Path(id): Path<String>) -> Response {
    let (session, target, body, header) = {
        let mut g = f.inner.lock().expect("fake");
        let Some(s) = g.sessions.iter_mut().find(|s| s.id == id) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        s.paid = true;
        let s = s.clone();
        g.events += 1;
        let n = g.events;
        let (target, body, header) = if s.provider == "card" {
            let (body, header) = f.completed(&s, &format!("evt_fake_{n}"));
            (g.card_webhook.clone(), body, Some(header))
        } else {
            (
                g.ha_webhook.clone(),
                FakeProvider::ha_notification(&s.id),
                None,
            )
        };
        (s, target, body, header)
    };
    if let Some(target) = target {
        let mut req = reqwest::Client::new()
            .post(target)
            .header("content-type", "application/json")
            .body(body);
        if let Some(h) = header {
            req = req.header("stripe-signature", h);
        }
        let _ = req.send().await;
    }
    Redirect::to(&session.success_url).into_response()
}

async fn ha_token(body: Bytes) -> Response {
    let form: HashMap<String, String> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    if form.get("grant_type").map(String::as_str) != Some("client_credentials")
        || form.get("client_id").map(String::as_str) != Some(HA_CLIENT_ID)
        || form.get("client_secret").map(String::as_str) != Some(HA_CLIENT_SECRET)
    {
        return (StatusCode::UNAUTHORIZED, "{\"error\":\"invalid_client\"}").into_response();
    }
    axum::Json(json!({ "access_token": "ha-token-1", "token_type": "bearer", "expires_in": 1800 }))
        .into_response()
}

async fn ha_create(
    State(f): State<Shared>,
    Path(org): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if bearer(&headers).as_deref() != Some("ha-token-1") || org != HA_ORG {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(v) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut g = f.inner.lock().expect("fake");
    let id = (1000 + g.sessions.len()).to_string();
    g.sessions.push(FakeSession {
        id: id.clone(),
        provider: "helloasso",
        order_id: v["metadata"]["order_id"].as_i64().unwrap_or_default(),
        amount_cents: v["totalAmount"].as_i64().unwrap_or_default(),
        title: v["itemName"].as_str().unwrap_or_default().to_string(),
        success_url: v["returnUrl"].as_str().unwrap_or_default().to_string(),
        paid: false,
        refunded: false,
    });
    axum::Json(json!({ "id": id.parse::<i64>().unwrap_or_default(), "redirectUrl": format!("{}/pay/{id}", f.url) }))
        .into_response()
}

async fn ha_read(
    State(f): State<Shared>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if bearer(&headers).as_deref() != Some("ha-token-1") || org != HA_ORG {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Some(s) = f.sessions().into_iter().find(|s| s.id == id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut v = json!({ "id": id.parse::<i64>().unwrap_or_default(), "metadata": { "order_id": s.order_id } });
    if s.paid {
        v["order"] = json!({
            "id": 5000 + s.order_id,
            "amount": { "total": s.amount_cents },
            "payments": [{
                "id": 7000 + s.order_id,
                "amount": s.amount_cents,
                "state": if s.refunded { "Refunded" } else { "Authorized" },
            }],
        });
    }
    axum::Json(v).into_response()
}
