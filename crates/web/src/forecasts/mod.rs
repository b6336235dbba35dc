//! Financial forecasts of a project: the statements computed by the domain (the same code as
//! `impact-studio forecast compute`), a plan started from the canvas's revenue and cost notes,
//! import of the exchange format (refusals beside the field, nothing saved half-way), and the
//! JSON and CSV exports.
mod charts;
mod export;
mod page;
mod seed;

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/projects/{id}/forecast", get(page::show))
        .route("/projects/{id}/forecast/start", post(page::start))
        .route("/projects/{id}/forecast/import", post(page::import))
        .route("/projects/{id}/forecast/forecast.json", get(export::json))
        .route("/projects/{id}/forecast/forecast.csv", get(export::csv))
}
