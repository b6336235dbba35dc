//! Bringing up a new micro-centre in one guided flow (issue 21), for the network team: the
//! profile creates the centre (`start`), then one page (`flow`) walks through the manager's
//! invitation, the licence and its contract sent for signature, the kit applied, the offers
//! copied from the studio's catalogue and the first events drafted with the opening plan
//! (`steps`). Each step is one unit of work with its audit lines and marks itself done in
//! `store::launches`; the page opens the first step not done and tells how long the flow took.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::{Action, Scope};
use store::centres::Centre;
use store::launches::Launch;

pub mod demo;
mod flow;
mod start;
mod steps;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/centres/nouveau",
            get(start::page).post(start::create),
        )
        .route("/admin/centres/{slug}/lancement", get(flow::page))
        .route("/admin/centres/{slug}/lancement/{step}", post(steps::run))
}

/// The flow's address for a centre.
fn flow_href(slug: &str) -> String {
    format!("/admin/centres/{slug}/lancement")
}

/// A centre being brought up, and its flow, for the network team; anyone else is refused, and
/// a centre that was not brought up through the flow is not found.
async fn launching(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<(Centre, Launch)> {
    ctx.authorize(Action::CreateCentre, Scope::Network)?;
    let centre = store::centres::find_by_slug(&state.db, slug)
        .await?
        .ok_or(WebError::NotFound)?;
    let launch = store::launches::find(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((centre, launch))
}
