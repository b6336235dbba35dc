//! Bank statements (a centre's managers): a CSV export or a CAMT.053 file is read, its credits
//! kept once each (importing the same file again adds nothing), and each open credit shown
//! matched (by the reference quoted, then by exact amount) to what awaits payment, ambiguous
//! (several with that amount) or unmatched, for a person to confirm. What a credit may pay: an
//! order awaiting payment (reference `RF…CMD{id}`, the order page's) or an issued invoice still
//! due (reference `RF…` of its number, printed on the invoice and in its EPC QR code).
//! Confirming pays the order through the same effects as a card payment, once (`settle`, event
//! `bank-line-{id}`), or records the payment on the invoice under that same key.
use super::pay::order_reference;
use super::settle::{self, Confirmed, Outcome};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::invoices::pdf::invoice_reference;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::payment::bank::{self, BankError, Match, OpenInvoice};
use domain::{Action, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;

/// The largest statement read (a year of a small association's account is far less).
const MAX_STATEMENT: usize = 2 * 1024 * 1024;

pub struct Candidate {
    /// The form's value: an order's id, or `f` and an invoice's id.
    pub id: String,
    pub label: String,
    pub selected: bool,
}

pub struct Row {
    pub id: i64,
    pub date: String,
    pub amount: String,
    pub text: String,
    /// matched, ambiguous, unmatched, recorded, ignored.
    pub state: &'static str,
    pub state_label: String,
    pub candidates: Vec<Candidate>,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "payments/bank.html")]
struct BankView {
    layout: Layout,
    centre: CentreSummary,
    rows: Vec<Row>,
    error: Option<String>,
}

async fn managed(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// What a credit may pay, for the matcher: orders under their id, invoices under the negative
/// of theirs (an invoice tied to an order still awaiting payment is left to the order).
fn open_items(
    orders: &[store::payments::PayOrder],
    invoices: &[store::invoices::OpenInvoice],
) -> Vec<OpenInvoice> {
    let mut open: Vec<OpenInvoice> = orders
        .iter()
        .map(|o| OpenInvoice {
            id: o.id,
            number: format!("CMD{}", o.id),
            reference: order_reference(o.id),
            due_cents: o.amount_cents,
        })
        .collect();
    open.extend(
        invoices
            .iter()
            .filter(|inv| {
                !inv.order_id
                    .is_some_and(|o| orders.iter().any(|r| r.id == o))
            })
            .map(|inv| OpenInvoice {
                id: -inv.id,
                number: inv.number.clone(),
                reference: invoice_reference(&inv.number),
                due_cents: inv.due_cents,
            }),
    );
    open
}

/// The form value of a matched item (see [`open_items`]).
fn form_value(id: i64) -> String {
    if id < 0 {
        format!("f{}", -id)
    } else {
        id.to_string()
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    error: Option<String>,
) -> WebResult<Response> {
    let i = ctx.i;
    let lines = store::payments::bank_lines(&state.db, centre.id).await?;
    let orders = store::payments::awaiting_orders(&state.db, centre.id).await?;
    let invoices = store::invoices::open_invoices(&state.db, centre.id).await?;
    let open = open_items(&orders, &invoices);
    let label_of = |id: i64| {
        if id < 0 {
            return invoices
                .iter()
                .find(|inv| inv.id == -id)
                .map(|inv| {
                    let n = i.ta("invoice-title", &[("number", &inv.number)]);
                    format!("{n} · {} · {}", inv.buyer_name, i.money(inv.due_cents))
                })
                .unwrap_or_default();
        }
        orders
            .iter()
            .find(|o| o.id == id)
            .map(|o| {
                let n = i.ta("payment-order-title", &[("id", &o.id.to_string())]);
                format!("{n} · {} · {}", o.title, i.money(o.amount_cents))
            })
            .unwrap_or_default()
    };
    let rows = lines
        .into_iter()
        .map(|l| {
            let is_open = l.status == "open";
            let (state_code, ids, chosen): (&'static str, Vec<i64>, Option<i64>) = if !is_open {
                (
                    if l.status == "recorded" {
                        "recorded"
                    } else {
                        "ignored"
                    },
                    Vec::new(),
                    None,
                )
            } else {
                let line = bank::BankLine {
                    fingerprint: String::new(),
                    booked_on: l.booked_on.clone(),
                    amount_cents: l.amount_cents,
                    reference: l.reference.clone(),
                    label: l.label.clone(),
                };
                match bank::match_line(&line, &open) {
                    Match::Reference(id) | Match::Amount(id) => ("matched", vec![id], Some(id)),
                    Match::Ambiguous(ids) => ("ambiguous", ids, None),
                    Match::Unmatched => ("unmatched", Vec::new(), None),
                }
            };
            // Every open order may be chosen by hand; the matched ones come first.
            let mut candidates: Vec<Candidate> = ids
                .iter()
                .map(|id| Candidate {
                    id: form_value(*id),
                    label: label_of(*id),
                    selected: chosen == Some(*id),
                })
                .collect();
            if is_open {
                candidates.extend(open.iter().filter(|o| !ids.contains(&o.id)).map(|o| {
                    Candidate {
                        id: form_value(o.id),
                        label: label_of(o.id),
                        selected: false,
                    }
                }));
            }
            let text = [l.reference.as_str(), l.label.as_str()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · ");
            Row {
                id: l.id,
                date: l.booked_on,
                amount: i.money(l.amount_cents),
                text,
                state: state_code,
                state_label: i.t(&format!("bank-state-{state_code}")),
                candidates,
                open: is_open,
            }
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = BankView {
        layout: Layout::new(state, ctx, i.ta("bank-title", &[("centre", &centre.name)])).under(
            format!("/centres/{}/paiements", centre.slug),
            i.ta("payment-settings-title", &[("centre", &centre.name)]),
        ),
        centre,
        rows,
        error,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed(&state, &ctx, &slug).await?;
    render(&state, &ctx, centre, None).await
}

/// Reads the statement and keeps its new credits.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    form: Multipart,
) -> WebResult<Response> {
    let centre = managed(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let Some(file) = form.file("statement") else {
        return render(&state, &ctx, centre, Some(i.t("bank-error-no-file"))).await;
    };
    if file.data.len() > MAX_STATEMENT {
        return render(&state, &ctx, centre, Some(i.t("bank-error-too-large"))).await;
    }
    let text = String::from_utf8_lossy(&file.data);
    let lines = match bank::parse(&text) {
        Ok(l) => l,
        Err(BankError::Unreadable) => {
            return render(&state, &ctx, centre, Some(i.t("bank-error-unreadable"))).await;
        }
        Err(BankError::Line(n)) => {
            let n = n.to_string();
            return render(
                &state,
                &ctx,
                centre,
                Some(i.ta("bank-error-line", &[("line", &n)])),
            )
            .await;
        }
    };
    let mut tx = state.db.begin().await?;
    let mut added = 0;
    for l in &lines {
        if store::payments::import_line_in(&mut tx, centre.id, l).await? {
            added += 1;
        }
    }
    tx.commit().await?;
    let key = if added == 0 {
        "flash-bank-nothing-new"
    } else {
        "flash-bank-imported"
    };
    Ok(redirect_with_flash(
        &format!("/centres/{}/banque", centre.slug),
        key,
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    pub order: String,
    pub ignore: String,
}

/// A person confirms what a credit pays (or sets it aside).
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, line_id)): Path<(String, i64)>,
    Form(form): Form<ConfirmForm>,
) -> WebResult<Response> {
    let centre = managed(&state, &ctx, &slug).await?;
    let line = store::payments::bank_line(&state.db, line_id)
        .await?
        .filter(|l| l.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    let back = format!("/centres/{}/banque", centre.slug);
    if line.status != "open" {
        return Ok(redirect_with_flash(&back, "flash-bank-already", &state));
    }
    if !form.ignore.is_empty() {
        let mut tx = state.db.begin().await?;
        store::payments::settle_line_in(&mut tx, line.id, "ignored", None).await?;
        tx.commit().await?;
        return Ok(redirect_with_flash(&back, "flash-bank-ignored", &state));
    }
    if let Some(invoice) = form.order.trim().strip_prefix('f') {
        let Ok(invoice) = invoice.parse::<i64>() else {
            return render(&state, &ctx, centre, Some(ctx.i.t("bank-error-choose"))).await;
        };
        return pay_invoice(&state, &ctx, centre, &line, invoice).await;
    }
    let Some(order) = form.order.trim().parse::<i64>().ok() else {
        return render(&state, &ctx, centre, Some(ctx.i.t("bank-error-choose"))).await;
    };
    let event = format!("bank-line-{}", line.id);
    let confirmed = Confirmed {
        provider: "transfer",
        event_id: &event,
        centre_id: centre.id,
        order_id: order,
        amount_cents: line.amount_cents,
        payment_ref: &event,
    };
    let mut tx = state.db.begin().await?;
    match settle::paid_in(&state, &mut tx, &confirmed).await {
        Ok(Outcome::Applied) => {}
        Ok(_) => {
            drop(tx);
            return Ok(redirect_with_flash(&back, "flash-bank-already", &state));
        }
        Err(WebError::BadRequest(_)) => {
            drop(tx);
            return render(&state, &ctx, centre, Some(ctx.i.t("bank-error-amount"))).await;
        }
        Err(WebError::NotFound) => {
            drop(tx);
            return render(&state, &ctx, centre, Some(ctx.i.t("bank-error-choose"))).await;
        }
        Err(e) => return Err(e),
    }
    // Recorded once: a second confirmation finds the line no longer open and changes nothing.
    if !store::payments::settle_line_in(&mut tx, line.id, "recorded", Some(order)).await? {
        drop(tx);
        return Ok(redirect_with_flash(&back, "flash-bank-already", &state));
    }
    tx.commit().await?;
    state.jobs_queued();
    state.changed();
    Ok(redirect_with_flash(&back, "flash-bank-recorded", &state))
}

/// The credit `line` pays the issued invoice `invoice_id` (of this centre): the payment is
/// recorded under the line's key, so it counts once, and the line is closed in the same unit of
/// work.
async fn pay_invoice(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    line: &store::payments::BankLineRow,
    invoice_id: i64,
) -> WebResult<Response> {
    let back = format!("/centres/{}/banque", centre.slug);
    let Some(inv) = store::invoices::find(&state.db, invoice_id)
        .await?
        .filter(|inv| inv.centre_id == centre.id && inv.kind == "invoice")
    else {
        return render(state, ctx, centre, Some(ctx.i.t("bank-error-choose"))).await;
    };
    let event = format!("bank-line-{}", line.id);
    let reference = if line.reference.is_empty() {
        event.clone()
    } else {
        line.reference.clone()
    };
    let payment = store::invoices::NewPayment {
        invoice_id: inv.id,
        amount_cents: line.amount_cents,
        method: "transfer",
        reference: &reference,
        idempotency_key: &event,
        paid_on: &line.booked_on,
        recorded_by: ctx.user.as_ref().map(|u| u.id),
    };
    let mut tx = state.db.begin().await?;
    match store::invoices::record_payment_in(&mut tx, &payment).await {
        Ok(_) => {}
        Err(store::StoreError::Full | store::StoreError::InvalidInput(_)) => {
            drop(tx);
            return render(state, ctx, centre, Some(ctx.i.t("bank-error-amount"))).await;
        }
        Err(e) => return Err(e.into()),
    }
    if !store::payments::settle_line_in(&mut tx, line.id, "recorded", None).await? {
        drop(tx);
        return Ok(redirect_with_flash(&back, "flash-bank-already", state));
    }
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(&back, "flash-bank-recorded", state))
}
