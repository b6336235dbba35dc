//! Newsletters: a centre writes one in Markdown (with a preview), picks its segment (consenting
//! leads, members, both), sends it now or at a set time (`edit`). The job queue sends it at a
//! controlled rate, each message once per address and with a signed unsubscribe link that
//! needs no login and records the withdrawal (`send`); the counts of sent and refused
//! messages show on its page. A centre sets its sending rate on its settings page (`settings`);
//! every send, schedule, cancellation and settings change writes an audit line.
pub(crate) mod demo;
mod edit;
mod send;
mod settings;

use axum::Router;
use axum::routing::get;

pub use send::{SEND_JOB, deliver};

pub fn routes() -> Router<crate::state::AppState> {
    Router::new()
        .route("/centres/{slug}/newsletters", get(edit::list))
        .route(
            "/centres/{slug}/newsletters/new",
            get(edit::new_page).post(edit::create),
        )
        .route("/newsletters/{id}", get(edit::show).post(edit::update))
        .route(
            "/centres/{slug}/newsletters/settings",
            get(settings::page).post(settings::save),
        )
        .route(
            "/desinscription/lettre/{token}",
            get(send::unsubscribe_page).post(send::unsubscribe),
        )
}
