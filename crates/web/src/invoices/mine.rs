//! A person's own invoices and credit notes (addressed to their account), from their account,
//! and beside them the quotes sent to them: an open quote is accepted (which issues its
//! invoice) or declined right there, through the quote's own actions.
use super::{long_date, status_label};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};

pub struct Row {
    pub id: i64,
    pub number: String,
    pub date: String,
    pub total: String,
    pub status: String,
}

pub struct QuoteRow {
    pub id: i64,
    /// « Devis D-00012 ».
    pub heading: String,
    pub title: String,
    pub total_ht: String,
    pub valid_until: String,
    pub status: String,
    /// Sent and not answered yet: it may be accepted or declined.
    pub open: bool,
    pub accepted: bool,
    pub invoice_id: Option<i64>,
}

#[derive(Template)]
#[template(path = "invoices/mine.html")]
struct MineView {
    layout: Layout,
    rows: Vec<Row>,
    quotes: Vec<QuoteRow>,
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let today = store::invoices::today();
    let rows = store::invoices::for_user(&state.db, user.id)
        .await?
        .into_iter()
        .map(|r| Row {
            id: r.id,
            status: status_label(i, &r.kind, &r.status, &r.due_date, &today),
            number: r.number,
            date: long_date(i, &r.issue_date),
            total: i.money(r.total_ttc_cents),
        })
        .collect();
    let quotes = store::quotes::for_user(&state.db, user.id)
        .await?
        .into_iter()
        .map(|q| QuoteRow {
            id: q.id,
            heading: i.ta(
                "quote-title",
                &[("reference", &store::quotes::reference(q.id))],
            ),
            total_ht: i.money(q.total_ht_cents),
            valid_until: long_date(i, &q.valid_until),
            status: i.t(&format!("quote-status-{}", q.status)),
            open: q.status == "sent",
            accepted: q.status == "accepted",
            invoice_id: q.invoice_id,
            title: q.title,
        })
        .collect();
    let view = MineView {
        layout: Layout::new(&state, &ctx, i.t("invoice-mine-title"))
            .under("/account".into(), i.t("account-title")),
        rows,
        quotes,
    };
    Ok(Html(view.render()?).into_response())
}
