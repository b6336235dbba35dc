//! Invoices the French way for a centre's managers (`ManageInvoices`): the seller identity, the
//! list (filtered by status and period, paginated), issuing an invoice, its page with payments
//! received and credit notes, the sales journal as FEC and CSV; and a person's own invoices on
//! their account. An issued invoice is never edited nor deleted: every route that would is
//! refused with a clear message and audited. Numbering and immutability live in
//! `store::invoices`, the rules in `domain::invoice`. Quotes (devis) that become invoices live in
//! `quotes`.
pub(crate) mod demo;
mod export;
mod issue;
mod list;
mod mine;
pub mod pdf;
mod quotes;
pub mod reminders;
mod seller;
mod show;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::{Action, Scope};
use store::centres::CentreSummary;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/centres/{slug}/invoices", get(list::page))
        .route(
            "/centres/{slug}/invoices/new",
            get(issue::page).post(issue::submit),
        )
        .route(
            "/centres/{slug}/invoices/seller",
            get(seller::page).post(seller::save),
        )
        .route("/centres/{slug}/invoices/overdue", get(reminders::page))
        .route("/centres/{slug}/invoices/export.fec", get(export::fec))
        .route("/centres/{slug}/invoices/export.csv", get(export::csv))
        .route("/invoices/{id}", get(show::page))
        .route("/invoices/{id}/factur-x.xml", get(show::factur_x))
        .route("/invoices/{id}/pdf", get(show::pdf))
        .route("/invoices/{id}/credit-note", post(show::credit_note))
        .route("/invoices/{id}/payments", post(show::payment))
        .route(
            "/invoices/{id}/edit",
            get(show::refuse_edit).post(show::refuse_edit),
        )
        .route("/invoices/{id}/delete", post(show::refuse_delete))
        .route("/account/invoices", get(mine::page))
        .route("/centres/{slug}/quotes", get(quotes::list::page))
        .route(
            "/centres/{slug}/quotes/new",
            get(quotes::edit::new_page).post(quotes::edit::create),
        )
        .route("/quotes/{id}", get(quotes::show::page))
        .route(
            "/quotes/{id}/edit",
            get(quotes::edit::edit_page).post(quotes::edit::update),
        )
        .route("/quotes/{id}/pdf", get(quotes::show::pdf))
        .route("/quotes/{id}/send", post(quotes::show::send))
        .route("/quotes/{id}/accept", post(quotes::show::accept))
        .route("/quotes/{id}/decline", post(quotes::show::decline))
}

/// A centre by slug, for its managers only (a 403 for anyone else signed in).
async fn staff_centre(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageInvoices, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// « 6 janvier 2027 » from « 2027-01-06 » (the text as it is when it is not a date).
pub fn long_date(i: I18n, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
        && (1..=12).contains(&m)
    {
        let month = i.t(&format!("month-{m}"));
        return domain::format::long_date(i.locale(), d, &month, y);
    }
    iso.to_string()
}

/// The label of an invoice's status (or « avoir » for a credit note), and whether it is late.
pub fn status_label(i: I18n, kind: &str, status: &str, due_date: &str, today: &str) -> String {
    if kind == "credit_note" {
        return i.t("invoice-kind-credit-note");
    }
    match status {
        "paid" => i.t("invoice-status-paid"),
        "credited" => i.t("invoice-status-credited"),
        _ if due_date < today => i.t("invoice-status-overdue"),
        _ => i.t("invoice-status-issued"),
    }
}

/// A date typed as YYYY-MM-DD (a date input), or nothing.
pub fn iso_or_empty(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some(String::new());
    }
    let ok = t.len() == 10
        && t.bytes().enumerate().all(|(n, b)| {
            if n == 4 || n == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    ok.then(|| t.to_string())
}
