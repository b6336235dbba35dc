//! The network (issue 21): the dashboard of every centre side by side with the pilot centre's
//! months (`dashboard`, `/admin/reseau`), and the year's review of the network and of each
//! centre with next year's objectives and the roadmap they become (`review`).
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

mod dashboard;
mod review;

/// A centre budget's start and monthly forecast revenue.
pub type Planned = std::sync::Arc<(domain::forecast::model::YearMonth, Vec<i64>)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/reseau", get(dashboard::page))
        .route("/reseau/bilan", get(review::network_now))
        .route("/reseau/bilan/{year}", get(review::network_page))
        .route("/reseau/bilan/{year}/pdf", get(review::network_pdf))
        .route("/reseau/bilan/{year}/objectifs", post(review::network_add))
        .route(
            "/reseau/bilan/{year}/objectifs/{id}/supprimer",
            post(review::network_remove),
        )
        .route(
            "/reseau/bilan/{year}/feuille-de-route",
            post(review::network_roadmap),
        )
        .route("/centres/{slug}/bilan/{year}", get(review::centre_page))
        .route("/centres/{slug}/bilan/{year}/pdf", get(review::centre_pdf))
        .route(
            "/centres/{slug}/bilan/{year}/objectifs",
            post(review::centre_add),
        )
        .route(
            "/centres/{slug}/bilan/{year}/objectifs/{id}/supprimer",
            post(review::centre_remove),
        )
        .route(
            "/centres/{slug}/bilan/{year}/feuille-de-route",
            post(review::centre_roadmap),
        )
}
