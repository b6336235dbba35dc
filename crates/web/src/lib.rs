//! The web layer: axum router, one module per capability (handlers thin: parse → domain/store
//! → view), templates, embedded assets, i18n, the error → HTTP mapping, the job worker.
#![forbid(unsafe_code)]

pub mod accounts;
mod adhesions;
mod admin;
mod ambassadors;
pub mod assets;
mod bookings;
pub mod cache;
mod canvas;
mod centres;
mod cohorts;
pub mod config;
pub mod contacts;
pub mod content;
pub mod cookies;
pub mod ctx;
mod dashboard;
pub mod demo;
pub mod diagnostics;
mod donations;
mod equipment;
pub mod error;
pub mod extract;
pub mod filetype;
pub mod forecasts;
pub mod form;
mod health;
mod home;
pub mod i18n;
mod impact;
mod invitations;
pub mod invoices;
pub mod jobs;
pub mod kit;
mod launch;
pub mod layout;
mod learning;
pub(crate) mod licences;
pub mod live;
pub mod mail;
mod message;
pub mod metrics;
mod middleware;
mod network;
pub mod newsletters;
mod offers;
pub mod onboarding;
pub(crate) mod opening;
mod partners;
mod payments;
mod places;
mod plans;
mod procedures;
mod project_access;
mod projects;
pub mod range;
mod respond;
mod roadmap_edit;
pub mod roadmaps;
mod scope;
pub mod security;
mod signing;
pub mod site;
pub mod state;
pub mod storage;
pub mod streamed_upload;
mod team;
mod tracking;
pub mod upload;
mod xml;

pub use config::Config;
pub use error::WebError;
pub use state::AppState;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};

/// The whole application.
pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/dashboard", get(dashboard::page))
        .route("/centres", get(centres::list).post(centres::create))
        .route("/centres/{slug}", get(centres::show))
        .route("/centres/{slug}/invitations", post(centres::invite))
        .route(
            "/centres/{slug}/members/{user_id}/revoke",
            post(centres::revoke),
        )
        .route(
            "/invitations/{token}",
            get(invitations::page).post(invitations::accept),
        )
        .route("/admin/audit", get(admin::audit_log))
        .route("/admin/jobs", get(admin::jobs))
        .route("/admin/jobs/{id}/retry", post(admin::retry_job))
        .route("/admin/outbox", get(admin::outbox))
        .merge(accounts::routes())
        .merge(projects::routes(&state))
        .merge(canvas::routes())
        .merge(roadmaps::routes())
        .merge(forecasts::routes())
        .merge(roadmap_edit::routes(&state))
        .merge(tracking::routes(&state))
        .merge(impact::routes(&state))
        .merge(diagnostics::routes())
        .merge(cohorts::routes())
        .merge(content::routes(&state))
        .merge(site::routes(&state))
        .merge(offers::routes())
        .merge(onboarding::routes())
        .merge(newsletters::routes())
        .merge(learning::routes(&state))
        .merge(payments::routes())
        .merge(invoices::routes())
        .merge(contacts::routes(&state))
        .merge(adhesions::routes())
        .merge(procedures::routes())
        .merge(team::routes())
        .merge(opening::routes())
        .merge(donations::routes())
        .merge(places::routes(&state))
        .merge(bookings::routes())
        .merge(equipment::routes())
        .merge(plans::routes())
        .merge(licences::routes())
        .merge(ambassadors::routes())
        .merge(partners::routes())
        .merge(kit::routes())
        .merge(launch::routes())
        .merge(network::routes())
        // An address no route took may be a page staff published (`/atelier-velo`).
        .fallback(content::any_page)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ctx::middleware,
        ));
    let app = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/assets/{file}", get(assets::serve))
        .route("/favicon.ico", get(assets::favicon))
        .merge(payments::webhook_routes())
        .merge(pages)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::observe,
        ))
        // Audio and video are already compressed, and ranges of them must go out byte for byte.
        .layer(
            CompressionLayer::new().compress_when(
                DefaultPredicate::new()
                    .and(NotForContentType::const_new("audio/"))
                    .and(NotForContentType::const_new("video/")),
            ),
        )
        .layer(DefaultBodyLimit::max(ctx::FORM_LIMIT));
    if state.clock.is_system() {
        app.with_state(state)
    } else {
        app.layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::on_clock,
        ))
        .with_state(state)
    }
}
