//! Donations (issue 19). A centre's public donation form (`give`: a suggested or a free amount
//! of at least 1 €, the donor's identity and address that a tax receipt needs) records the gift
//! and pays it through the order and checkout flow of `payments`; the paid order makes it
//! received (`paid_in`, no invoice: a gift is not a sale). The centre's managers record the
//! gifts received by cheque, transfer or cash, and list and export them (`manage`), and
//! issue the tax receipts of a centre of general interest (`receipts`).
use crate::error::WebResult;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

mod give;
mod manage;
mod receipts;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/centres/{slug}/don", get(give::page).post(give::submit))
        .route(
            "/centres/{slug}/dons",
            get(manage::page).post(manage::record),
        )
        .route("/centres/{slug}/dons.csv", get(manage::csv))
        .route("/centres/{slug}/dons/{id}/recu", post(receipts::issue_gift))
        .route("/centres/{slug}/recus/annuel", post(receipts::issue_yearly))
        .route("/centres/{slug}/recus/{id}", get(receipts::pdf))
        .route("/centres/{slug}/recu/{token}", get(receipts::donor_pdf))
}

/// A paid order that pays a donation makes it received, by the provider's means (called by
/// `payments::settle`, once per order, in its unit of work). True when the order was a gift.
pub async fn paid_in(tx: &mut store::Tx, order_id: i64, provider: &str) -> WebResult<bool> {
    let Some(d) = store::donations::of_order(&mut *tx, order_id).await? else {
        return Ok(false);
    };
    let method = domain::membership::Method::parse(provider)
        .map(|m| m.code())
        .unwrap_or(domain::membership::Method::Card.code());
    let today = domain::tracking::iso(crate::tracking::today());
    store::donations::receive_in(tx, d.id, &today, method).await?;
    Ok(true)
}

/// Writes the audit line of a sensitive action on a centre's donations or members.
pub async fn audit<'e>(
    ex: impl Into<store::Exec<'e>>,
    ctx: &crate::ctx::Ctx,
    action: store::audit::AuditAction,
    centre_id: i64,
    subject_id: Option<i64>,
) -> crate::error::WebResult<()> {
    store::audit::record(
        ex,
        action,
        store::audit::Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id: Some(centre_id),
            subject_id,
            detail: "",
        },
    )
    .await?;
    Ok(())
}
