//! A person's own applications (where each stands, the cohort it led to) and orders (« en
//! attente de paiement » until the billing takes them).
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};

pub struct Mine {
    pub offer: String,
    pub status: String,
    pub when: String,
    pub cohort: Option<(i64, String)>,
}

pub struct OrderRow {
    pub id: i64,
    pub awaiting: bool,
    pub offer: String,
    pub amount: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "offers/mine.html")]
struct MineView {
    layout: Layout,
    applications: Vec<Mine>,
    orders: Vec<OrderRow>,
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let applications = store::offers::applications_of_user(&state.db, user.id)
        .await?
        .into_iter()
        .map(|a| Mine {
            status: super::pipeline::status_label(i, a.status),
            when: i.date(a.created_at),
            cohort: a.cohort_id.zip(a.cohort_name),
            offer: a.offer_title,
        })
        .collect();
    let orders = store::offers::orders_of_user(&state.db, user.id)
        .await?
        .into_iter()
        .map(|o| OrderRow {
            id: o.id,
            awaiting: o.status == store::offers::AWAITING_PAYMENT,
            amount: i.money(o.amount_cents),
            status: i.t(&format!("order-status-{}", o.status.replace('_', "-"))),
            offer: o.offer_title,
        })
        .collect();
    let view = MineView {
        layout: Layout::new(&state, &ctx, i.t("application-mine-title")),
        applications,
        orders,
    };
    Ok(Html(view.render()?).into_response())
}
