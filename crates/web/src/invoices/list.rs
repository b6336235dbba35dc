//! A centre's invoices: filtered by status and period, 50 a page, the newest first.
use super::{long_date, staff_centre, status_label};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use store::centres::CentreSummary;

const PAGE_SIZE: i64 = 50;
pub const STATUSES: [&str; 5] = ["issued", "overdue", "paid", "credited", "credit_note"];

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    pub page: Option<i64>,
}

pub struct Row {
    pub id: i64,
    pub number: String,
    pub buyer: String,
    pub date: String,
    pub total: String,
    pub status: String,
    pub late: bool,
}

#[derive(Template)]
#[template(path = "invoices/list.html")]
struct ListView {
    layout: Layout,
    centre: CentreSummary,
    rows: Vec<Row>,
    statuses: Vec<(&'static str, String, bool)>,
    from: String,
    to: String,
    page: i64,
    has_next: bool,
    query_prefix: String,
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
    let from = super::iso_or_empty(&q.from).unwrap_or_default();
    let to = super::iso_or_empty(&q.to).unwrap_or_default();
    let today = store::invoices::today();
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let filter = store::invoices::Filter {
        status,
        from: &from,
        to: &to,
        today: &today,
    };
    let found = store::invoices::list(
        &state.db,
        centre.id,
        &filter,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let has_next = found.len() as i64 > PAGE_SIZE;
    let rows = found
        .into_iter()
        .take(PAGE_SIZE as usize)
        .map(|r| Row {
            id: r.id,
            late: r.kind == "invoice" && r.status == "issued" && r.due_date < today,
            status: status_label(i, &r.kind, &r.status, &r.due_date, &today),
            number: r.number,
            buyer: r.buyer_name,
            date: long_date(i, &r.issue_date),
            total: i.money(r.total_ttc_cents),
        })
        .collect();
    let statuses = STATUSES
        .into_iter()
        .map(|s| {
            (
                s,
                i.t(&format!("invoice-filter-{}", s.replace('_', "-"))),
                s == status,
            )
        })
        .collect();
    let view = ListView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("invoice-list-title", &[("centre", &centre.name)]),
        ),
        query_prefix: format!(
            "status={status}&from={}&to={}&",
            crate::ctx::urlencode(&from),
            crate::ctx::urlencode(&to)
        ),
        centre,
        rows,
        statuses,
        from,
        to,
        page,
        has_next,
    };
    Ok(Html(view.render()?).into_response())
}
