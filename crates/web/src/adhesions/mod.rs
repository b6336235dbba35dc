//! Memberships (adhésions, issue 19). A centre's managers define its plans (a name and a yearly
//! price, 0 for a free plan) and follow its members (`manage`: active, expiring within 30 days,
//! lapsed; CSV). A person joins from the centre's public join page (`join`: signed in, or
//! giving a name and an e-mail address) and pays through the order and checkout flow of
//! `payments`; a free plan needs no payment. A paid order or a free plan extends the period by
//! a year from its end (`domain::membership::renew`), and queues the renewal reminders at 30 and
//! 7 days before the new end (`remind`).
use crate::error::WebResult;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::membership;
use domain::tracking::{iso, parse_date};
use store::adhesions::Adhesion;

mod join;
mod manage;
mod remind;

pub use join::account_for;
pub use remind::{REMINDER_JOB, deliver_reminder};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{slug}/adherer",
            get(join::page).post(join::submit),
        )
        .route("/centres/{slug}/adhesions", get(manage::page))
        .route("/centres/{slug}/adhesions.csv", get(manage::csv))
        .route("/centres/{slug}/adhesions/plans", post(manage::add_plan))
        .route(
            "/centres/{slug}/adhesions/plans/{id}",
            post(manage::toggle_plan),
        )
}

/// Starts or extends the adhesion's period by a year (from its end while it runs) and queues
/// its renewal reminders, inside the caller's unit of work. Returns the new last day.
pub async fn extend_in(tx: &mut store::Tx, a: &Adhesion) -> WebResult<String> {
    let today = crate::tracking::today();
    let end = parse_date(&a.ends_on).ok();
    let (start, new_end) = membership::renew(end, today);
    // A period that runs on keeps its first day; a new one starts now.
    let starts_on = match end {
        Some(e) if e >= today && !a.starts_on.is_empty() => a.starts_on.clone(),
        _ => iso(start),
    };
    let ends_on = iso(new_end);
    store::adhesions::set_period_in(tx, a.id, &starts_on, &ends_on).await?;
    remind::schedule_in(tx, a.id, new_end, today).await?;
    Ok(ends_on)
}

/// A paid order that pays a membership extends it (called by `payments::settle`, once per
/// order, in its unit of work).
pub async fn paid_in(tx: &mut store::Tx, order_id: i64) -> WebResult<()> {
    if let Some(a) = store::adhesions::of_order(&mut *tx, order_id).await? {
        extend_in(tx, &a).await?;
    }
    Ok(())
}

/// Where the adhesion stands today.
pub fn status(a: &Adhesion) -> membership::Status {
    membership::Status::of(parse_date(&a.ends_on).ok(), crate::tracking::today())
}
