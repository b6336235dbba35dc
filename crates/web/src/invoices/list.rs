//! A centre's invoices: filtered by status and period, 50 a page, the newest first.
use super::{staff_centre, status_label};
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

/// The columns' names, translated once a page rather than once a row.
pub struct Cols {
    pub number: String,
    pub buyer: String,
    pub date: String,
    pub total: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "invoices/list.html")]
struct ListView {
    layout: Layout,
    cols: Cols,
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
    // Kept a few seconds (any change made through this node forgets it): a list of thousands
    // of invoices is read far more often than one is issued.
    let found = crate::cache::kept(
        &state,
        &ctx,
        format!("invoices:{}:{status}:{from}:{to}:{today}:{page}", centre.id),
        store::invoices::list(
            &state.db,
            centre.id,
            &filter,
            PAGE_SIZE + 1,
            (page - 1) * PAGE_SIZE,
        ),
    )
    .await?;
    let has_next = found.len() as i64 > PAGE_SIZE;
    // Each label and month name translated once, not once a row.
    let months: Vec<String> = (1..=12).map(|m| i.t(&format!("month-{m}"))).collect();
    let date = |iso: &str| match domain::tracking::parse_date(iso) {
        Ok(d) => domain::format::long_date(
            i.locale(),
            d.day(),
            &months[usize::from(u8::from(d.month())) - 1],
            d.year(),
        ),
        Err(_) => iso.to_string(),
    };
    let mut labels: Vec<((String, String, bool), String)> = Vec::new();
    let rows = found
        .iter()
        .take(PAGE_SIZE as usize)
        .map(|r| {
            let late = r.kind == "invoice" && r.status == "issued" && r.due_date < today;
            let key = (r.kind.clone(), r.status.clone(), r.due_date < today);
            let status = match labels.iter().find(|(k, _)| *k == key) {
                Some((_, l)) => l.clone(),
                None => {
                    let l = status_label(i, &r.kind, &r.status, &r.due_date, &today);
                    labels.push((key, l.clone()));
                    l
                }
            };
            Row {
                id: r.id,
                late,
                status,
                date: date(&r.issue_date),
                number: r.number.clone(),
                buyer: r.buyer_name.clone(),
                total: i.money(r.total_ttc_cents),
            }
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
        cols: Cols {
            number: i.t("invoice-col-number"),
            buyer: i.t("invoice-col-buyer"),
            date: i.t("invoice-col-date"),
            total: i.t("invoice-col-total"),
            status: i.t("invoice-col-status"),
        },
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
