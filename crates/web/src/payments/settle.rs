//! What a confirmed payment or refund does, once: the webhook event is recorded in the same
//! transaction as its effects (`webhook_events`, unique per provider and event id), and each
//! effect follows the order's state, so a replayed event, a second event for the same payment
//! or events out of order (the refund before the payment) change nothing twice.
use crate::error::{WebError, WebResult};
use crate::mail::Compose;
use crate::state::AppState;
use store::offers::AWAITING_PAYMENT;
use store::payments::{PAID, PayOrder, REFUNDED};

/// What became of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its effects were applied now.
    Applied,
    /// Seen before: nothing done.
    Replayed,
    /// New, but the order was already in the state it asks for: nothing more to do.
    Nothing,
}

/// A payment or a refund the provider confirmed.
pub struct Confirmed<'a> {
    /// `card`, `helloasso` or `transfer`.
    pub provider: &'a str,
    pub event_id: &'a str,
    pub centre_id: i64,
    pub order_id: i64,
    pub amount_cents: i64,
    /// The provider's id of the payment (a payment intent, a HelloAsso payment).
    pub payment_ref: &'a str,
}

async fn load(tx: &mut store::Tx, c: &Confirmed<'_>) -> WebResult<PayOrder> {
    store::payments::order(tx, c.order_id)
        .await?
        .filter(|o| o.centre_id == c.centre_id)
        .ok_or(WebError::NotFound)
}

/// The order is paid: it moves to `paid` and its payer is told.
pub async fn paid(state: &AppState, c: &Confirmed<'_>) -> WebResult<Outcome> {
    let mut tx = state.db.begin().await?;
    let outcome = paid_in(state, &mut tx, c).await?;
    tx.commit().await?;
    state.jobs_queued();
    state.changed();
    Ok(outcome)
}

/// [`paid`] inside the caller's unit of work (a bank line settled with it).
pub async fn paid_in(state: &AppState, tx: &mut store::Tx, c: &Confirmed<'_>) -> WebResult<Outcome> {
    let order = load(tx, c).await?;
    if c.amount_cents != order.amount_cents {
        return Err(WebError::BadRequest("payment-error-amount"));
    }
    if !store::payments::first_time_in(tx, c.provider, c.event_id, "paid", Some(order.id)).await? {
        return Ok(Outcome::Replayed);
    }
    if order.status != AWAITING_PAYMENT {
        return Ok(Outcome::Nothing);
    }
    settle_paid_in(state, tx, &order, c).await?;
    Ok(Outcome::Applied)
}

/// The order is refunded (in whole or part): paid first if the payment's own event has not
/// come yet (a refund proves the payment), then marked refunded.
pub async fn refunded(state: &AppState, c: &Confirmed<'_>) -> WebResult<Outcome> {
    let mut tx = state.db.begin().await?;
    let order = load(&mut tx, c).await?;
    if c.amount_cents <= 0 || c.amount_cents > order.amount_cents {
        return Err(WebError::BadRequest("payment-error-amount"));
    }
    if !store::payments::first_time_in(&mut tx, c.provider, c.event_id, "refund", Some(order.id)).await? {
        return Ok(Outcome::Replayed);
    }
    if order.status == AWAITING_PAYMENT {
        settle_paid_in(state, &mut tx, &order, c).await?;
    }
    let outcome = if store::payments::move_order_in(&mut tx, order.id, PAID, REFUNDED).await? {
        Outcome::Applied
    } else {
        Outcome::Nothing
    };
    tx.commit().await?;
    state.jobs_queued();
    state.changed();
    Ok(outcome)
}

async fn settle_paid_in(
    state: &AppState,
    tx: &mut store::Tx,
    order: &PayOrder,
    c: &Confirmed<'_>,
) -> WebResult<()> {
    if !store::payments::move_order_in(tx, order.id, AWAITING_PAYMENT, PAID).await? {
        return Ok(());
    }
    let _ = c.payment_ref;
    if let Some(user) = store::accounts::find_user(&state.db, order.user_id).await? {
        let i = crate::i18n::I18n::new(user.locale);
        let amount = i.money(order.amount_cents);
        let args: [(&'static str, &str); 2] = [("title", &order.title), ("amount", &amount)];
        Compose {
            i,
            to: &user.email,
            subject: i.ta("payment-mail-subject", &args),
            greeting: i.ta("email-greeting", &[("name", &user.display_name)]),
            paragraphs: vec![i.ta("payment-mail-body", &args)],
            action: Some((i.t("payment-mail-action"), state.url("/mes-candidatures"))),
            after: Vec::new(),
        }
        .queue_in(tx)
        .await?;
    }
    Ok(())
}
