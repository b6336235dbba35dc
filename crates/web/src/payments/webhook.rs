//! The providers' notifications, outside the CSRF check (a provider has no session): the card
//! provider's signed events (`Stripe-Signature`, verified with the centre's webhook secret,
//! refused when stale) and HelloAsso's notifications (believed only as the API states the
//! checkout intent when read back). Answers are for the provider: 200 when applied or already
//! applied, 400 for a bad signature or body, 404 for an unknown centre or order, 429 when
//! notifications for one HelloAsso checkout come faster than any real one would.
use super::settle::{self, Confirmed, Outcome};
use crate::error::WebError;
use crate::extract::Path;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::payment::Provider;
use domain::payment::signature::{self, SignatureError};
use serde_json::Value;

fn answer(status: StatusCode, code: &str) -> Response {
    (
        status,
        [("content-type", "application/json")],
        serde_json::json!({ "status": code }).to_string(),
    )
        .into_response()
}

fn outcome(result: Result<Outcome, WebError>) -> Response {
    match result {
        Ok(Outcome::Applied) => answer(StatusCode::OK, "applied"),
        Ok(Outcome::Replayed) => answer(StatusCode::OK, "replayed"),
        Ok(Outcome::Nothing) => answer(StatusCode::OK, "nothing"),
        Err(WebError::NotFound) => answer(StatusCode::NOT_FOUND, "unknown_order"),
        Err(WebError::BadRequest(_)) => answer(StatusCode::BAD_REQUEST, "bad_amount"),
        Err(e) => {
            tracing::error!(error = %e, "payment webhook");
            answer(StatusCode::INTERNAL_SERVER_ERROR, "error")
        }
    }
}

fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn order_id_of(v: &Value) -> Option<i64> {
    id_of(v)?.trim().parse().ok()
}

/// `POST /webhooks/card/{centre}`: a signed event of the card provider.
pub async fn card(
    State(state): State<AppState>,
    Path(centre_id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let cfg = match store::payments::provider(&state.db, centre_id, Provider::Card.code()).await {
        Ok(Some(c)) if !c.webhook_secret.is_empty() => c,
        Ok(_) => return answer(StatusCode::NOT_FOUND, "unknown_centre"),
        Err(e) => return outcome(Err(e.into())),
    };
    let Some(header) = headers
        .get("stripe-signature")
        .and_then(|h| h.to_str().ok())
    else {
        return answer(StatusCode::BAD_REQUEST, "no_signature");
    };
    match signature::verify(header, &body, &cfg.webhook_secret, store::now()) {
        Ok(_) => {}
        Err(SignatureError::Stale) => return answer(StatusCode::BAD_REQUEST, "stale"),
        Err(_) => return answer(StatusCode::BAD_REQUEST, "bad_signature"),
    }
    let Ok(event) = serde_json::from_slice::<Value>(&body) else {
        return answer(StatusCode::BAD_REQUEST, "bad_body");
    };
    let (Some(event_id), Some(kind)) = (event["id"].as_str(), event["type"].as_str()) else {
        return answer(StatusCode::BAD_REQUEST, "bad_body");
    };
    let object = &event["data"]["object"];
    let payment_ref = object["payment_intent"].as_str().unwrap_or_default();
    match kind {
        "checkout.session.completed" => {
            if object["payment_status"].as_str() != Some("paid") {
                return answer(StatusCode::OK, "ignored");
            }
            // The session must be one this centre opened, for this order.
            let session_id = object["id"].as_str().unwrap_or_default();
            let session = match store::payments::session_by_external(
                &state.db,
                Provider::Card.code(),
                session_id,
            )
            .await
            {
                Ok(Some(s)) => s,
                Ok(None) => return answer(StatusCode::NOT_FOUND, "unknown_session"),
                Err(e) => return outcome(Err(e.into())),
            };
            if order_id_of(&object["client_reference_id"]) != Some(session.order_id) {
                return answer(StatusCode::BAD_REQUEST, "bad_body");
            }
            let Some(amount) = object["amount_total"].as_i64() else {
                return answer(StatusCode::BAD_REQUEST, "bad_body");
            };
            outcome(
                settle::paid(
                    &state,
                    &Confirmed {
                        provider: Provider::Card.code(),
                        event_id,
                        centre_id,
                        order_id: session.order_id,
                        amount_cents: amount,
                        payment_ref,
                    },
                )
                .await,
            )
        }
        "charge.refunded" => {
            let (Some(order_id), Some(amount)) = (
                order_id_of(&object["metadata"]["order_id"]),
                object["amount_refunded"].as_i64(),
            ) else {
                return answer(StatusCode::BAD_REQUEST, "bad_body");
            };
            outcome(
                settle::refunded(
                    &state,
                    &Confirmed {
                        provider: Provider::Card.code(),
                        event_id,
                        centre_id,
                        order_id,
                        amount_cents: amount,
                        payment_ref,
                    },
                )
                .await,
            )
        }
        _ => answer(StatusCode::OK, "ignored"),
    }
}

/// Read-backs allowed per checkout intent and window: HelloAsso sends a few notifications per
/// payment (order, payment, refund), far fewer than this.
const HELLOASSO_READS_PER_WINDOW: i64 = 10;
const HELLOASSO_WINDOW_SECS: i64 = 60;

/// `POST /webhooks/helloasso/{centre}`: a HelloAsso notification. Only the checkout intent's
/// id is taken from it; the payment's state is read back from the API.
pub async fn helloasso(
    State(state): State<AppState>,
    Path(centre_id): Path<i64>,
    body: Bytes,
) -> Response {
    let cfg =
        match store::payments::provider(&state.db, centre_id, Provider::HelloAsso.code()).await {
            Ok(Some(c)) => c,
            Ok(None) => return answer(StatusCode::NOT_FOUND, "unknown_centre"),
            Err(e) => return outcome(Err(e.into())),
        };
    let Ok(note) = serde_json::from_slice::<Value>(&body) else {
        return answer(StatusCode::BAD_REQUEST, "bad_body");
    };
    let intent = id_of(&note["data"]["checkoutIntentId"])
        .or_else(|| id_of(&note["metadata"]["checkoutIntentId"]));
    let Some(intent) = intent.filter(|i| {
        !i.is_empty()
            && i.len() <= 40
            && i.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    }) else {
        return answer(StatusCode::OK, "ignored");
    };
    let session =
        match store::payments::session_by_external(&state.db, Provider::HelloAsso.code(), &intent)
            .await
        {
            Ok(Some(s)) => s,
            Ok(None) => return answer(StatusCode::NOT_FOUND, "unknown_session"),
            Err(e) => return outcome(Err(e.into())),
        };
    // Each notification costs a read back from HelloAsso: a flood of them for one checkout
    // (anyone may post one) is cut off before it reaches the provider.
    let key = format!("helloasso:{centre_id}:{intent}");
    match store::rate_limit::hit(&state.db, &key, HELLOASSO_WINDOW_SECS).await {
        Ok(n) if n > HELLOASSO_READS_PER_WINDOW => {
            return answer(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
        }
        Ok(_) => {}
        Err(e) => return outcome(Err(e.into())),
    }
    let truth = match super::providers::helloasso_read(&cfg, &intent).await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!(error = %e, "helloasso read back");
            return answer(StatusCode::BAD_GATEWAY, "provider_unreachable");
        }
    };
    let order = &truth["order"];
    let Some(ha_order) = id_of(&order["id"]) else {
        return answer(StatusCode::OK, "not_paid");
    };
    let payments = order["payments"].as_array().cloned().unwrap_or_default();
    let mut last = answer(StatusCode::OK, "not_paid");
    for p in &payments {
        let (Some(pid), Some(amount)) = (id_of(&p["id"]), p["amount"].as_i64()) else {
            continue;
        };
        let state_ = p["state"].as_str().unwrap_or_default();
        let c = |event_id: &'static str| (event_id, pid.clone(), amount);
        let (kind, pid, amount) = match state_ {
            "Authorized" => c("paid"),
            "Refunded" => c("refund"),
            _ => continue,
        };
        let event_id = format!("order-{ha_order}-payment-{pid}-{kind}");
        let confirmed = Confirmed {
            provider: Provider::HelloAsso.code(),
            event_id: &event_id,
            centre_id,
            order_id: session.order_id,
            amount_cents: amount,
            payment_ref: &pid,
        };
        let result = if kind == "paid" {
            settle::paid(&state, &confirmed).await
        } else {
            settle::refunded(&state, &confirmed).await
        };
        last = outcome(result);
    }
    last
}
