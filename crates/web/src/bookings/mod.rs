//! Bookings of a centre's spaces (issue 20). The booking form (`book`) checks the request
//! against the space's rules, the opening hours and the closures (`domain::booking::check`),
//! then `store::bookings::book_in` takes the space's turn in the transaction and refuses an
//! overlap, so two bookings never overlap whatever the number of nodes. A priced booking
//! records an order (kind `booking`) and holds its slot until paid (`payments::settle` calls
//! [`paid_in`]). The centre's calendar (`calendar`: a day or a week), a person's bookings and
//! their cancellation (`mine`), each space's iCalendar feed behind a signed address (`feed`)
//! and the occupancy report (`occupancy`: hours booked over hours open, per space and period).
use crate::error::WebResult;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

mod book;
mod calendar;
mod feed;
mod mine;
mod occupancy;

pub use feed::feed_href;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/centres/{slug}/reservations", get(calendar::page))
        .route(
            "/centres/{slug}/espaces/{id}/reserver",
            get(book::page).post(book::submit),
        )
        .route("/centres/{slug}/occupation", get(occupancy::page))
        .route("/mes-reservations", get(mine::page))
        .route("/reservations/{id}/annuler", post(mine::cancel))
        .route("/espaces/{id}/agenda.ics", get(feed::ics))
}

/// The order of a booking is paid: the booking is confirmed (called by `payments::settle`, once
/// per order, in its unit of work).
pub async fn paid_in(tx: &mut store::Tx, order_id: i64) -> WebResult<()> {
    store::bookings::paid_in(tx, order_id).await?;
    Ok(())
}
