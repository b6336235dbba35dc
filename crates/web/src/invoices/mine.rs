//! A person's own invoices and credit notes (addressed to their account), from their account.
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

#[derive(Template)]
#[template(path = "invoices/mine.html")]
struct MineView {
    layout: Layout,
    rows: Vec<Row>,
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
    let view = MineView {
        layout: Layout::new(&state, &ctx, i.t("invoice-mine-title"))
            .under("/account".into(), i.t("account-title")),
        rows,
    };
    Ok(Html(view.render()?).into_response())
}
