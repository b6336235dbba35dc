//! An invoice's page: the document as issued (seller, buyer, dates, lines, totals per rate,
//! the legal mentions), the payments received and, for the centre's managers, recording a
//! payment and issuing a credit note. The buyer sees their own invoice. Any attempt to edit or
//! delete an issued invoice is refused with a clear message and audited.
use super::{long_date, status_label};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::invoice::{self, Line};
use domain::{Action, Scope};
use serde::Deserialize;
use store::invoices::{Credit, Invoice, NewPayment};

pub struct LineView {
    pub label: String,
    pub quantity: String,
    pub unit: String,
    pub rate: String,
    pub total: String,
}

pub struct RateView {
    pub rate: String,
    pub base: String,
    pub vat: String,
}

pub struct PaymentView {
    pub date: String,
    pub amount: String,
    pub method: String,
    pub reference: String,
}

/// How to pay what remains due by transfer, with the EPC QR code (an SVG data URL).
pub struct TransferView {
    pub holder: String,
    pub iban: String,
    pub bic: String,
    pub reference: String,
    pub amount: String,
    pub qr: String,
}

#[derive(Template)]
#[template(path = "invoices/show.html")]
struct ShowView {
    layout: Layout,
    inv: Invoice,
    title: String,
    staff: bool,
    status: String,
    issue_date: String,
    service_date: String,
    lines: Vec<LineView>,
    rates: Vec<RateView>,
    total_ht: String,
    total_vat: String,
    total_ttc: String,
    due: String,
    mentions: Vec<String>,
    transfer: Option<TransferView>,
    payments: Vec<PaymentView>,
    methods: Vec<(&'static str, String)>,
    credit_amount: String,
    payment_amount: String,
    payment_key: String,
    errors: FieldErrors,
}

/// The invoice and whether the asker is the centre's staff; a 404 for anyone who is neither
/// its staff nor its buyer.
async fn readable(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(Invoice, bool)> {
    let user = ctx.require_user()?;
    let inv = store::invoices::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let staff = ctx
        .actor
        .can(Action::ManageInvoices, Scope::Centre(inv.centre_id));
    if !staff && inv.user_id != Some(user.id) {
        return Err(WebError::NotFound);
    }
    Ok((inv, staff))
}

/// The invoice, for its centre's managers only.
async fn for_staff(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Invoice> {
    match readable(state, ctx, id).await? {
        (inv, true) => Ok(inv),
        _ => Err(WebError::NotFound),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    inv: Invoice,
    staff: bool,
    errors: FieldErrors,
    typed: (String, String),
) -> WebResult<Response> {
    let i = ctx.i;
    let stored = store::invoices::lines(&state.db, inv.id).await?;
    let payments = if inv.kind == "invoice" {
        store::invoices::payments(&state.db, inv.id).await?
    } else {
        Vec::new()
    };
    let plain: Vec<Line> = stored.iter().map(|l| l.line.clone()).collect();
    let totals = invoice::totals(&plain).unwrap_or_default();
    let today = store::invoices::today();
    let lines = stored
        .iter()
        .map(|l| LineView {
            label: l.line.label.clone(),
            quantity: super::issue::quantity_input(l.line.quantity_milli),
            unit: i.money(l.line.unit_price_cents),
            rate: invoice::percent(l.line.vat_rate_bp),
            total: i.money(l.total_ht_cents),
        })
        .collect();
    let rates = totals
        .per_rate
        .iter()
        .map(|r| RateView {
            rate: invoice::percent(r.rate_bp),
            base: i.money(r.ht_cents),
            vat: i.money(r.vat_cents),
        })
        .collect();
    let mentions = super::pdf::mentions(i, &inv);
    let transfer = super::pdf::transfer_details(&inv).map(|t| TransferView {
        qr: crate::payments::qr_data_url(&t.payload),
        holder: t.holder,
        iban: t.iban,
        bic: t.bic,
        reference: t.reference,
        amount: i.money(t.due_cents),
    });
    let title = if inv.kind == "invoice" {
        i.ta("invoice-title", &[("number", &inv.number)])
    } else {
        i.ta("invoice-credit-note-title", &[("number", &inv.number)])
    };
    let list_href = if staff {
        let centres = state.centres().await?;
        let centre = centres
            .iter()
            .find(|c| c.id == inv.centre_id)
            .ok_or(WebError::NotFound)?;
        format!("/centres/{}/invoices", centre.slug)
    } else {
        "/account/invoices".to_string()
    };
    let methods = ["transfer", "cheque", "cash", "card", "other"]
        .into_iter()
        .map(|m| (m, i.t(&format!("invoice-method-{m}"))))
        .collect();
    let view = ShowView {
        layout: Layout::new(state, ctx, title.clone()).under(
            list_href,
            if staff {
                i.t("invoice-list-heading")
            } else {
                i.t("invoice-mine-title")
            },
        ),
        title,
        staff,
        status: status_label(i, &inv.kind, &inv.status, &inv.due_date, &today),
        issue_date: long_date(i, &inv.issue_date),
        service_date: long_date(i, &inv.service_date),
        lines,
        rates,
        total_ht: i.money(inv.total_ht_cents),
        total_vat: i.money(inv.total_vat_cents),
        total_ttc: i.money(inv.total_ttc_cents),
        due: i.money(inv.due_cents()),
        mentions,
        transfer,
        payments: payments
            .into_iter()
            .map(|p| PaymentView {
                date: long_date(i, &p.paid_on),
                amount: i.money(p.amount_cents),
                method: i.t(&format!("invoice-method-{}", p.method)),
                reference: p.reference,
            })
            .collect(),
        methods,
        credit_amount: typed.0,
        payment_amount: typed.1,
        payment_key: crate::security::new_token(),
        errors,
        inv,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (inv, staff) = readable(&state, &ctx, id).await?;
    render(
        &state,
        &ctx,
        inv,
        staff,
        FieldErrors::default(),
        Default::default(),
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct CreditForm {
    #[serde(default)]
    pub amount: String,
}

pub async fn credit_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CreditForm>,
) -> WebResult<Response> {
    let inv = for_staff(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let typed = (form.amount.clone(), String::new());
    let amount = match domain::offer::parse_price(form.amount.trim_start_matches('-')) {
        Some(c) if c > 0 && !form.amount.trim().starts_with('-') => c,
        _ => {
            errors.add("amount", i, "invoice-error-amount");
            return render(&state, &ctx, inv, true, errors, typed).await;
        }
    };
    let actor = ctx.user.as_ref().map(|u| u.id);
    match store::invoices::issue_credit_note(&state.db, id, &Credit::Amount(amount), actor).await {
        Ok(issued) => Ok(redirect_with_flash(
            &format!("/invoices/{}", issued.id),
            "flash-credit-note-issued",
            &state,
        )),
        Err(store::StoreError::Full) => {
            errors.add("amount", i, "invoice-error-more-than-remains");
            render(&state, &ctx, inv, true, errors, typed).await
        }
        Err(store::StoreError::InvalidInput(key)) => {
            errors.add_text("amount", i.t(&key));
            render(&state, &ctx, inv, true, errors, typed).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct PaymentForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub paid_on: String,
    #[serde(default)]
    pub key: String,
}

pub async fn payment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PaymentForm>,
) -> WebResult<Response> {
    let inv = for_staff(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let typed = (String::new(), form.amount.clone());
    let amount = domain::offer::parse_price(&form.amount).filter(|c| *c > 0);
    let paid_on = super::iso_or_empty(&form.paid_on);
    if amount.is_none() {
        errors.add("payment_amount", i, "invoice-error-amount");
    }
    if paid_on.is_none() {
        errors.add("paid_on", i, "invoice-error-date");
    }
    if form.reference.chars().count() > 200 {
        errors.add("reference", i, "error-too-long");
    }
    let key = form.key.trim();
    if key.is_empty() || key.len() > 100 {
        return Err(WebError::BadRequest("error-form-invalid"));
    }
    let (Some(amount), Some(paid_on)) = (amount, paid_on) else {
        return render(&state, &ctx, inv, true, errors, typed).await;
    };
    if !errors.is_empty() {
        return render(&state, &ctx, inv, true, errors, typed).await;
    }
    // The key is scoped to the invoice: a form posted twice counts once.
    let key = format!("manual:{id}:{key}");
    let p = NewPayment {
        invoice_id: id,
        amount_cents: amount,
        method: &form.method,
        reference: &form.reference,
        idempotency_key: &key,
        paid_on: &paid_on,
        recorded_by: ctx.user.as_ref().map(|u| u.id),
    };
    match store::invoices::record_payment(&state.db, &p).await {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/invoices/{id}"),
            "flash-payment-recorded",
            &state,
        )),
        Err(store::StoreError::Full) => {
            errors.add("payment_amount", i, "invoice-error-more-than-due");
            render(&state, &ctx, inv, true, errors, typed).await
        }
        Err(store::StoreError::InvalidInput(k)) => {
            errors.add_text("payment_amount", i.t(&k));
            render(&state, &ctx, inv, true, errors, typed).await
        }
        Err(store::StoreError::NotFound) => Err(WebError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Editing an issued invoice: refused whoever asks, every attempt audited.
pub async fn refuse_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    refuse(&state, &ctx, id, "edit").await
}

/// Deleting an issued invoice: refused whoever asks, every attempt audited.
pub async fn refuse_delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    refuse(&state, &ctx, id, "delete").await
}

async fn refuse(state: &AppState, ctx: &Ctx, id: i64, what: &str) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let inv = store::invoices::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    store::invoices::refuse_change(&state.db, inv.id, inv.centre_id, Some(user.id), what).await?;
    // Someone who may not read it learns nothing more than that it is not there.
    readable(state, ctx, id).await?;
    Err(WebError::outcome(
        store::StoreError::AlreadyDone,
        "invoice-error-immutable",
    ))
}

/// The invoice or credit note as its Factur-X PDF (PDF/A-3b with the CII XML attached), for
/// its staff and its buyer.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (inv, _) = readable(&state, &ctx, id).await?;
    let (_, bytes) = super::pdf::factur_x_pdf(&state.db, inv.id).await?;
    Ok(crate::respond::file(
        bytes,
        crate::respond::PDF,
        crate::respond::Disposition::Attachment,
        &super::pdf::file_name(&inv),
    ))
}

/// The invoice as Factur-X CII XML (profile EN 16931), for its staff and its buyer.
pub async fn factur_x(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (inv, _) = readable(&state, &ctx, id).await?;
    let xml = cii_of(&state, &inv).await?;
    Ok(crate::respond::file(
        xml,
        "application/xml; charset=utf-8",
        crate::respond::Disposition::Attachment,
        &format!("{}-factur-x.xml", inv.number),
    ))
}

/// The CII XML of a stored invoice.
pub async fn cii_of(state: &AppState, inv: &Invoice) -> WebResult<String> {
    let lines: Vec<Line> = store::invoices::lines(&state.db, inv.id)
        .await?
        .into_iter()
        .map(|l| l.line)
        .collect();
    let credits = match inv.credits_invoice_id {
        Some(original) => store::invoices::find(&state.db, original)
            .await?
            .map(|o| o.number),
        None => None,
    };
    Ok(cii_xml(inv, &lines, credits.as_deref()))
}

/// The CII XML of an invoice with its lines (`credits`: the number a credit note cancels).
pub fn cii_xml(inv: &Invoice, lines: &[Line], credits: Option<&str>) -> String {
    // The seller's address was copied as « street \n postcode town ».
    let mut address = inv.seller_address.lines();
    let street = address.next().unwrap_or("");
    let place = address.next().unwrap_or("");
    let (postcode, town) = place.split_once(' ').unwrap_or(("", place));
    let terms = format!("Paiement à {} jours", inv.payment_terms);
    let cii = invoice::cii::CiiInvoice {
        number: &inv.number,
        credit_note: inv.kind == "credit_note",
        credits_number: credits,
        issue_date: &inv.issue_date,
        service_date: &inv.service_date,
        due_date: &inv.due_date,
        currency: &inv.currency,
        seller: invoice::cii::Party {
            name: &inv.seller_name,
            siren: &inv.seller_siren,
            vat_number: &inv.seller_vat_number,
            address: street,
            postcode,
            town,
            country: "FR",
            email: &inv.seller_email,
        },
        buyer: invoice::cii::Party {
            name: &inv.buyer_name,
            siren: &inv.buyer_siren,
            vat_number: &inv.buyer_vat_number,
            address: &inv.buyer_address,
            country: "FR",
            email: &inv.buyer_email,
            ..Default::default()
        },
        exemption: &inv.seller_exemption_mention,
        iban: &inv.seller_iban,
        bic: &inv.seller_bic,
        payment_terms: &terms,
        lines,
        paid_cents: inv.paid_cents,
    };
    invoice::cii::cii_xml(&cii)
}
