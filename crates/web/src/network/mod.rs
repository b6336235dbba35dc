//! The network (issue 21): the dashboard of every centre side by side with the pilot centre's
//! months (`dashboard`, `/admin/reseau`).
use crate::state::AppState;
use axum::Router;
use axum::routing::get;

mod dashboard;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/reseau", get(dashboard::page))
}
