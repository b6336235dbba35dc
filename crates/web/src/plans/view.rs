//! The plan read-only: a named version (from the editor), the current plan as the network team
//! shows it to a future licensee (`/centres/{slug}/plan/view`, also the centre's coaches), and
//! the network's list of the centres' plans (`/admin/plans`).
use super::{describe, read, viewer};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::plan::{Plan, svg};
use domain::{Action, Scope};
use store::centres::CentreSummary;

#[derive(Template)]
#[template(path = "plans/view.html")]
struct PlanView {
    layout: Layout,
    svg: String,
    shapes: Vec<String>,
    size_text: String,
    /// `?version=…` on the export links, when a version is shown.
    query: String,
    slug: String,
    back: String,
}

pub(super) fn page(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    plan: &Plan,
    version: Option<(i64, String)>,
    back: String,
) -> WebResult<Response> {
    let i = ctx.i;
    let title = match &version {
        Some((_, name)) => i.ta(
            "plan-version-title",
            &[("centre", &centre.name), ("name", name)],
        ),
        None => i.ta("plan-title", &[("centre", &centre.name)]),
    };
    let view = PlanView {
        layout: Layout::new(state, ctx, title.clone())
            .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        svg: svg::render(
            plan,
            &svg::Options {
                title: &title,
                size: None,
                editable: false,
            },
        ),
        shapes: describe(i, plan),
        size_text: i.ta(
            "plan-building-size",
            &[
                ("w", &super::metres(i, plan.width_cm)),
                ("h", &super::metres(i, plan.height_cm)),
            ],
        ),
        query: version
            .map(|(id, _)| format!("version={id}&"))
            .unwrap_or_default(),
        slug: centre.slug.clone(),
        back,
    };
    Ok(Html(view.render()?).into_response())
}

/// The current plan, read-only.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = viewer(&state, &ctx, &slug).await?;
    let row = store::plans::for_centre(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    let plan = read(&row.document)?;
    let back = if ctx.actor.is_network_admin() {
        "/admin/plans".to_string()
    } else {
        format!("/centres/{slug}")
    };
    page(&state, &ctx, &centre, &plan, None, back)
}

pub struct NetworkRow {
    pub href: String,
    pub name: String,
    pub updated: String,
    pub versions: String,
}

#[derive(Template)]
#[template(path = "plans/network.html")]
struct NetworkView {
    layout: Layout,
    plans: Vec<NetworkRow>,
}

/// Every centre's plan, for the network team.
pub async fn network(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.require_user()?;
    ctx.authorize(Action::ViewPlan, Scope::Network)?;
    let i = ctx.i;
    let plans = store::plans::network(&state.db)
        .await?
        .into_iter()
        .map(|p| NetworkRow {
            href: format!("/centres/{}/plan/view", p.slug),
            name: p.name,
            updated: i.datetime(p.updated_at),
            versions: i.tn("plan-versions-count", p.versions),
        })
        .collect();
    let view = NetworkView {
        layout: Layout::new(&state, &ctx, i.t("plan-network-title")),
        plans,
    };
    Ok(Html(view.render()?).into_response())
}
