//! A centre's quotes, the newest first, filtered by status.
use super::status_label;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::invoices::{long_date, staff_centre};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::invoice::quote::STATUSES;
use serde::Deserialize;
use store::centres::CentreSummary;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub status: String,
}

pub struct Row {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub buyer: String,
    pub total: String,
    pub valid_until: String,
    pub status: String,
    pub accepted: bool,
}

#[derive(Template)]
#[template(path = "invoices/quotes.html")]
struct ListView {
    layout: Layout,
    centre: CentreSummary,
    rows: Vec<Row>,
    statuses: Vec<(&'static str, String, bool)>,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let status = STATUSES.into_iter().find(|s| *s == q.status).unwrap_or("");
    let found = store::quotes::list(&state.db, centre.id, status, 200).await?;
    let rows = found
        .into_iter()
        .map(|r| Row {
            reference: store::quotes::reference(r.id),
            id: r.id,
            title: r.title,
            buyer: r.buyer_name,
            total: i.money(r.total_ht_cents),
            valid_until: long_date(i, &r.valid_until),
            accepted: r.status == "accepted",
            status: status_label(i, &r.status),
        })
        .collect();
    let statuses = STATUSES
        .into_iter()
        .map(|s| (s, status_label(i, s), s == status))
        .collect();
    let view = ListView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("quote-list-title", &[("centre", &centre.name)]),
        )
        .under(
            format!("/centres/{}/invoices", centre.slug),
            i.t("invoice-list-heading"),
        ),
        centre,
        rows,
        statuses,
    };
    Ok(Html(view.render()?).into_response())
}
