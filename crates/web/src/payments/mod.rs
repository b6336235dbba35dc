//! Payments (issue 19): each centre's providers and bank details (`settings`), a person paying
//! their order by card, HelloAsso or transfer (`pay`), the providers' webhooks (`webhook`), and
//! their effects applied once (`settle`); the providers' HTTP APIs are in `providers`.
mod bank;
mod pay;
mod providers;
mod settings;
mod settle;
mod webhook;

pub use pay::{order_key, qr_data_url};

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

/// The pages: under the context middleware (session, CSRF).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{slug}/paiements",
            get(settings::page).post(settings::save),
        )
        .route("/centres/{slug}/banque", get(bank::page).post(bank::import))
        .route("/centres/{slug}/banque/{line}", post(bank::confirm))
        .route("/orders/{id}", get(pay::page))
        .route("/orders/{id}/pay", post(pay::pay))
}

/// The providers' webhooks: no session and no CSRF token, each verified on its own terms.
pub fn webhook_routes() -> Router<AppState> {
    Router::new()
        .route("/webhooks/card/{centre}", post(webhook::card))
        .route("/webhooks/helloasso/{centre}", post(webhook::helloasso))
}
