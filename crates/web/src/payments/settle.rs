//! What a confirmed payment or refund does, once: the webhook event is recorded in the same
//! transaction as its effects (`webhook_events`, unique per provider and event id), and each
//! effect follows the order's state, so a replayed event, a second event for the same payment
//! or events out of order (the refund before the payment) change nothing twice. A payment
//! issues the order's invoice (`store::invoices::issue_for_order_in`), records the payment
//! against it (its idempotency key is the event's) and mails the payer, the invoice's Factur-X
//! PDF attached; a refund issues the credit note.
use crate::error::{WebError, WebResult};
use crate::mail::{Compose, MailAttachment};
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

/// A payment or a refund the provider (or the bank) confirmed.
pub struct Confirmed<'a> {
    /// `card`, `helloasso` or `transfer`.
    pub provider: &'a str,
    pub event_id: &'a str,
    pub centre_id: i64,
    pub order_id: i64,
    pub amount_cents: i64,
    /// The provider's id of the payment (a payment intent, a HelloAsso payment, a bank line).
    pub payment_ref: &'a str,
}

async fn load(tx: &mut store::Tx, c: &Confirmed<'_>) -> WebResult<PayOrder> {
    store::payments::order(tx, c.order_id)
        .await?
        .filter(|o| o.centre_id == c.centre_id)
        .ok_or(WebError::NotFound)
}

/// The order is paid: invoiced, the payment recorded, its payer told.
pub async fn paid(state: &AppState, c: &Confirmed<'_>) -> WebResult<Outcome> {
    let mut tx = state.db.begin().await?;
    let outcome = paid_in(state, &mut tx, c).await?;
    tx.commit().await?;
    state.jobs_queued();
    state.changed();
    Ok(outcome)
}

/// [`paid`] inside the caller's unit of work (a bank line settled with it).
pub async fn paid_in(
    state: &AppState,
    tx: &mut store::Tx,
    c: &Confirmed<'_>,
) -> WebResult<Outcome> {
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
/// come yet (a refund proves the payment), then credited and marked refunded. The event, the
/// payment, the credit note and the order's new status are written in one transaction: a crash
/// leaves none of them, and the provider's retry applies the refund once.
pub async fn refunded(state: &AppState, c: &Confirmed<'_>) -> WebResult<Outcome> {
    if store::payments::event_seen(&state.db, c.provider, c.event_id).await? {
        return Ok(Outcome::Replayed);
    }
    let mut tx = state.db.begin().await?;
    let order = load(&mut tx, c).await?;
    if c.amount_cents <= 0 || c.amount_cents > order.amount_cents {
        return Err(WebError::BadRequest("payment-error-amount"));
    }
    if !store::payments::first_time_in(&mut tx, c.provider, c.event_id, "refund", Some(order.id))
        .await?
    {
        return Ok(Outcome::Replayed);
    }
    if order.status == REFUNDED {
        tx.commit().await?;
        return Ok(Outcome::Nothing);
    }
    // A gift is not a sale: no invoice to credit, its donation is marked refunded (no receipt).
    let gift = store::donations::of_order(&mut tx, order.id)
        .await?
        .is_some();
    let invoice = if order.status == AWAITING_PAYMENT {
        settle_paid_in(state, &mut tx, &order, c).await?
    } else if gift {
        None
    } else {
        store::invoices::issue_for_order_in(&mut tx, order.id, None)
            .await
            .ok()
            .map(|i| i.id)
    };
    if gift {
        store::donations::refund_in(&mut tx, order.id).await?;
    }
    if let Some(invoice) = invoice {
        let credit = store::invoices::Credit::Amount(c.amount_cents);
        // Already credited by hand up to this amount: the refund has nothing more to credit.
        match store::invoices::issue_credit_note_in(&mut tx, invoice, &credit, None).await {
            Ok(_) | Err(store::StoreError::Full) => {}
            Err(e) => return Err(e.into()),
        }
    }
    store::payments::move_order_in(&mut tx, order.id, PAID, REFUNDED).await?;
    tx.commit().await?;
    state.jobs_queued();
    state.changed();
    Ok(Outcome::Applied)
}

/// Marks the order paid, issues its invoice and records the payment against it (when the
/// centre's seller identity is complete: otherwise the order is paid and its invoice waits for
/// the identity), and queues the payer's e-mail. Returns the invoice.
async fn settle_paid_in(
    state: &AppState,
    tx: &mut store::Tx,
    order: &PayOrder,
    c: &Confirmed<'_>,
) -> WebResult<Option<i64>> {
    if !store::payments::move_order_in(tx, order.id, AWAITING_PAYMENT, PAID).await? {
        return Ok(None);
    }
    // A membership's period starts or extends; a donation is received (a gift, not a sale: no
    // invoice).
    crate::adhesions::paid_in(tx, order.id).await?;
    // A booking paid for is confirmed.
    crate::bookings::paid_in(tx, order.id).await?;
    let gift = crate::donations::paid_in(tx, order.id, c.provider).await?;
    let seller = store::invoices::seller(&mut *tx, order.centre_id).await?;
    let issued = if !gift && seller.is_some_and(|s| s.is_complete()) {
        let issued = store::invoices::issue_for_order_in(tx, order.id, None).await?;
        let key = format!("{}:{}", c.provider, c.event_id);
        store::invoices::record_payment_in(
            tx,
            &store::invoices::NewPayment {
                invoice_id: issued.id,
                amount_cents: order.amount_cents,
                method: c.provider,
                reference: c.payment_ref,
                idempotency_key: &key,
                ..Default::default()
            },
        )
        .await?;
        Some(issued)
    } else {
        if !gift {
            tracing::warn!(
                order = order.id,
                "order paid without invoice: seller identity incomplete"
            );
        }
        None
    };
    if let Some(user) = store::accounts::find_user(&state.db, order.user_id).await? {
        let i = crate::i18n::I18n::new(user.locale);
        let amount = i.money(order.amount_cents);
        let number = issued
            .as_ref()
            .map(|n| n.number.clone())
            .unwrap_or_default();
        let args: [(&'static str, &str); 3] = [
            ("title", &order.title),
            ("amount", &amount),
            ("number", &number),
        ];
        let mut paragraphs = vec![i.ta("payment-mail-body", &args)];
        if issued.is_some() {
            paragraphs.push(i.ta("payment-mail-invoice", &args));
        }
        let mut mail = Compose {
            i,
            to: &user.email,
            subject: i.ta("payment-mail-subject", &args),
            greeting: i.ta("email-greeting", &[("name", &user.display_name)]),
            paragraphs,
            action: Some((
                i.t("payment-mail-action"),
                state.url(&format!("/orders/{}", order.id)),
            )),
            after: Vec::new(),
        }
        .render()?;
        // The invoice itself, as its Factur-X PDF, read inside this unit of work.
        if let Some(issued) = &issued {
            let (inv, pdf) = crate::invoices::pdf::factur_x_pdf(&mut *tx, issued.id).await?;
            mail.attachments.push(MailAttachment::bytes(
                &crate::invoices::pdf::file_name(&inv),
                crate::respond::PDF,
                &pdf,
            ));
        }
        crate::mail::queue_mail_in(&mut *tx, &mail).await?;
    }
    Ok(issued.map(|i| i.id))
}
