//! Financial forecasts of a project or of a centre (its own budget; `owner` tells which from the
//! address): the statements computed by the domain (the same code as
//! `impact-studio forecast compute`), a guided editor step by step (`edit`), a plan started from the canvas's revenue and cost notes,
//! import of the exchange format (refusals beside the field, nothing saved half-way), and the
//! JSON, CSV and XLSX (live formulas) exports and the business plan as a PDF (`pdf`); a centre's
//! own budget (`centre`), the network's summary of every centre's budget (`network`) and the
//! association budget of the subsidy request, Cerfa 12156 (`cerfa`).
pub mod actuals;
mod centre;
mod cerfa;
pub(crate) mod charts;
mod edit;
mod export;
mod fields;
mod narrative;
mod network;
mod owner;
mod page;
mod pdf;
mod scenarios;
mod seed;
mod versions;
pub mod xlsx;

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/projects/{id}/forecast", get(page::show))
        .route("/projects/{id}/forecast/start", post(page::start))
        .route("/projects/{id}/forecast/edit", get(edit::first))
        .route(
            "/projects/{id}/forecast/edit/{step}",
            get(edit::page).post(edit::save),
        )
        .route("/projects/{id}/forecast/import", post(page::import))
        .route(
            "/projects/{id}/forecast/actuals",
            get(actuals::page).post(actuals::save_month),
        )
        .route(
            "/projects/{id}/forecast/actuals/import",
            post(actuals::import),
        )
        .route(
            "/projects/{id}/forecast/comparison",
            get(actuals::comparison).post(actuals::save_threshold),
        )
        .route("/projects/{id}/forecast/versions", get(versions::page))
        .route(
            "/projects/{id}/forecast/versions/{version}/restore",
            post(versions::restore),
        )
        .route(
            "/projects/{id}/forecast/scenarios",
            get(scenarios::page).post(scenarios::save),
        )
        .route(
            "/projects/{id}/forecast/narrative",
            get(narrative::page).post(narrative::save),
        )
        .route("/projects/{id}/forecast/forecast.json", get(export::json))
        .route("/projects/{id}/forecast/forecast.csv", get(export::csv))
        .route("/projects/{id}/forecast/forecast.xlsx", get(export::xlsx))
        .route(
            "/projects/{id}/forecast/business-plan.pdf",
            get(pdf::business_plan),
        )
        .route(
            "/projects/{id}/forecast/cerfa-12156.pdf",
            get(cerfa::for_project),
        )
        .route("/centres/{slug}/forecast", get(centre::show))
        .route(
            "/centres/{slug}/forecast/cerfa-12156.pdf",
            get(cerfa::for_centre),
        )
        .route("/centres/{slug}/forecast/start", post(centre::start))
        .route("/centres/{slug}/forecast/import", post(centre::import))
        .route("/centres/{slug}/forecast/edit", get(edit::first))
        .route(
            "/centres/{slug}/forecast/edit/{step}",
            get(edit::page).post(edit::save),
        )
        .route(
            "/centres/{slug}/forecast/actuals",
            get(actuals::page).post(actuals::save_month),
        )
        .route(
            "/centres/{slug}/forecast/actuals/import",
            post(actuals::import),
        )
        .route(
            "/centres/{slug}/forecast/comparison",
            get(actuals::comparison).post(actuals::save_threshold),
        )
        .route("/centres/{slug}/forecast/versions", get(versions::page))
        .route(
            "/centres/{slug}/forecast/versions/{version}/restore",
            post(versions::restore),
        )
        .route(
            "/centres/{slug}/forecast/scenarios",
            get(scenarios::page).post(scenarios::save),
        )
        .route(
            "/centres/{slug}/forecast/narrative",
            get(narrative::page).post(narrative::save),
        )
        .route("/centres/{slug}/forecast/forecast.json", get(export::json))
        .route("/centres/{slug}/forecast/forecast.csv", get(export::csv))
        .route("/centres/{slug}/forecast/forecast.xlsx", get(export::xlsx))
        .route(
            "/centres/{slug}/forecast/business-plan.pdf",
            get(pdf::business_plan),
        )
        .route("/admin/budgets", get(network::page))
}
