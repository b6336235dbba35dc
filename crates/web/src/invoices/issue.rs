//! Issuing an invoice: the buyer, the service date and up to `ROWS` lines (blank rows left out).
//! Each line is checked (a label, a positive quantity, a price not below zero, a VAT rate in
//! force; no VAT from an exempt seller) and the message shows beside its row, keeping what was
//! typed. Issuing takes the next number of the centre's series in the same transaction.
use super::staff_centre;
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
use store::centres::CentreSummary;
use store::invoices::{Buyer, NewInvoice};

/// A quantity in thousandths as French writes it: « 2 », « 1,5 ».
pub(crate) fn quantity_input(milli: i64) -> String {
    let units = milli / 1000;
    let rest = milli % 1000;
    if rest == 0 {
        units.to_string()
    } else {
        format!("{units},{}", format!("{rest:03}").trim_end_matches('0'))
    }
}

/// Line rows the form offers.
pub const ROWS: usize = 5;

#[derive(Debug, Clone, Default)]
pub struct LineRow {
    pub label: String,
    pub quantity: String,
    pub price: String,
    pub rate: String,
    pub error: Option<String>,
}

#[derive(Debug, Default)]
pub struct IssueForm {
    pub buyer_name: String,
    pub buyer_address: String,
    pub buyer_email: String,
    pub buyer_siren: String,
    pub buyer_vat_number: String,
    pub service_date: String,
    pub rows: Vec<LineRow>,
    /// A quote's title, validity date and CRM organisation (unused by an invoice).
    pub title: String,
    pub valid_until: String,
    pub organisation: String,
}

impl IssueForm {
    pub(super) fn fresh() -> Self {
        IssueForm {
            rows: vec![
                LineRow {
                    quantity: "1".into(),
                    rate: "2000".into(),
                    ..LineRow::default()
                };
                ROWS
            ],
            ..IssueForm::default()
        }
    }

    /// Blank rows added up to `ROWS`, at the seller's usual rate, after a refused post.
    pub(super) fn pad(&mut self, exempt: bool) {
        while self.rows.len() < ROWS {
            self.rows.push(LineRow {
                quantity: "1".into(),
                rate: if exempt { "0" } else { "2000" }.into(),
                ..LineRow::default()
            });
        }
    }

    /// The fields as posted: `label`, `quantity`, `price` and `rate` repeat once per row.
    pub(super) fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = IssueForm::default();
        let mut rows: [Vec<String>; 4] = Default::default();
        for (name, value) in pairs {
            match name.as_str() {
                "buyer_name" => form.buyer_name = value.clone(),
                "buyer_address" => form.buyer_address = value.clone(),
                "buyer_email" => form.buyer_email = value.clone(),
                "buyer_siren" => form.buyer_siren = value.clone(),
                "buyer_vat_number" => form.buyer_vat_number = value.clone(),
                "service_date" => form.service_date = value.clone(),
                "title" => form.title = value.clone(),
                "valid_until" => form.valid_until = value.clone(),
                "organisation" => form.organisation = value.clone(),
                "label" => rows[0].push(value.clone()),
                "quantity" => rows[1].push(value.clone()),
                "price" => rows[2].push(value.clone()),
                "rate" => rows[3].push(value.clone()),
                _ => {}
            }
        }
        let n = rows
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .min(invoice::MAX_LINES);
        let cell = |c: usize, r: usize| rows[c].get(r).cloned().unwrap_or_default();
        form.rows = (0..n)
            .map(|r| LineRow {
                label: cell(0, r),
                quantity: cell(1, r),
                price: cell(2, r),
                rate: cell(3, r),
                error: None,
            })
            .collect();
        form
    }

    /// The invoice's buyer and lines, or the errors (beside the fields and the rows).
    pub(super) fn check(
        &mut self,
        i: crate::i18n::I18n,
        exempt: bool,
        errors: &mut FieldErrors,
    ) -> Option<(Buyer, Vec<Line>)> {
        if self.buyer_name.trim().is_empty() {
            errors.add("buyer_name", i, "error-required");
        }
        for (field, value) in [
            ("buyer_name", &self.buyer_name),
            ("buyer_address", &self.buyer_address),
            ("buyer_email", &self.buyer_email),
        ] {
            if value.chars().count() > 300 {
                errors.add(field, i, "error-too-long");
            }
        }
        if !self.buyer_siren.trim().is_empty() && invoice::check_siren(&self.buyer_siren).is_err() {
            errors.add("buyer_siren", i, "invoice-error-siren");
        }
        if !self.buyer_vat_number.trim().is_empty()
            && invoice::check_vat_number(&self.buyer_vat_number).is_err()
        {
            errors.add("buyer_vat_number", i, "invoice-error-vat-number");
        }
        match super::iso_or_empty(&self.service_date) {
            Some(_) => {}
            None => errors.add("service_date", i, "invoice-error-date"),
        }
        let mut lines = Vec::new();
        let mut row_error = false;
        for row in &mut self.rows {
            let blank = row.label.trim().is_empty() && row.price.trim().is_empty();
            if blank {
                continue;
            }
            let line = match (
                invoice::parse_quantity(&row.quantity),
                domain::offer::parse_price(row.price.trim_start_matches('-')),
                row.rate.trim().parse::<i64>(),
            ) {
                (None, _, _) => Err("invoice-error-quantity"),
                (_, None, _) => Err("invoice-error-price"),
                (_, _, Err(_)) => Err("invoice-error-rate"),
                (Some(q), Some(p), Ok(rate)) => {
                    let p = if row.price.trim().starts_with('-') {
                        -p
                    } else {
                        p
                    };
                    let line = Line {
                        label: row.label.trim().to_string(),
                        quantity_milli: q,
                        unit_price_cents: p,
                        vat_rate_bp: rate,
                    };
                    match invoice::check_line(&line) {
                        Err(e) => Err(e.message_key()),
                        Ok(()) if exempt && rate != 0 => Err("invoice-error-exempt-rate"),
                        Ok(()) => Ok(line),
                    }
                }
            };
            match line {
                Ok(line) => lines.push(line),
                Err(key) => {
                    row.error = Some(i.t(key));
                    row_error = true;
                }
            }
        }
        if lines.is_empty() && !row_error {
            errors.add("lines", i, "invoice-error-no-lines");
        }
        if !errors.is_empty() || row_error {
            return None;
        }
        let buyer = Buyer {
            name: self.buyer_name.trim().into(),
            address: self.buyer_address.trim().into(),
            email: self.buyer_email.trim().into(),
            siren: self.buyer_siren.trim().into(),
            vat_number: self.buyer_vat_number.trim().to_uppercase(),
        };
        Some((buyer, lines))
    }
}

#[derive(Template)]
#[template(path = "invoices/issue.html")]
struct IssueView {
    layout: Layout,
    centre: CentreSummary,
    form: IssueForm,
    errors: FieldErrors,
    rates: Vec<(String, String)>,
    seller_missing: bool,
}

/// The VAT rates in force, as the form's choices (code, label).
pub(super) fn rates() -> Vec<(String, String)> {
    invoice::RATES_IN_FORCE
        .into_iter()
        .map(|bp| (bp.to_string(), invoice::percent(bp)))
        .collect()
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: IssueForm,
    errors: FieldErrors,
    seller_missing: bool,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() && form.rows.iter().all(|r| r.error.is_none()) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let rates = rates();
    let view = IssueView {
        layout: Layout::new(state, ctx, i.t("invoice-new")).under(
            format!("/centres/{}/invoices", centre.slug),
            i.t("invoice-list-heading"),
        ),
        centre,
        form,
        errors,
        rates,
        seller_missing,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let seller = store::invoices::seller(&state.db, centre.id).await?;
    let missing = !seller.as_ref().is_some_and(|s| s.is_complete());
    let mut form = IssueForm::fresh();
    if seller.is_some_and(|s| s.vat_exempt) {
        form.rows.iter_mut().for_each(|r| r.rate = "0".into());
    }
    render(&state, &ctx, centre, form, FieldErrors::default(), missing)
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let seller = store::invoices::seller(&state.db, centre.id).await?;
    let Some(seller) = seller.filter(|s| s.is_complete()) else {
        return render(
            &state,
            &ctx,
            centre,
            IssueForm::from_pairs(&pairs),
            FieldErrors::default(),
            true,
        );
    };
    let mut form = IssueForm::from_pairs(&pairs);
    let mut errors = FieldErrors::default();
    let Some((buyer, lines)) = form.check(ctx.i, seller.vat_exempt, &mut errors) else {
        form.pad(seller.vat_exempt);
        return render(&state, &ctx, centre, form, errors, false);
    };
    let new = NewInvoice {
        centre_id: centre.id,
        buyer,
        lines,
        service_date: form.service_date.trim().to_string(),
        issued_by: ctx.user.as_ref().map(|u| u.id),
        ..NewInvoice::default()
    };
    match store::invoices::issue(&state.db, &new).await {
        Ok(issued) => Ok(redirect_with_flash(
            &format!("/invoices/{}", issued.id),
            "flash-invoice-issued",
            &state,
        )),
        Err(store::StoreError::InvalidInput(key)) => {
            errors.add_text("lines", ctx.i.t(&key));
            render(&state, &ctx, centre, form, errors, false)
        }
        Err(e) => Err(WebError::from(e)),
    }
}
