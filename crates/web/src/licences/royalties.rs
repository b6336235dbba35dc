//! Royalty statements (the network team): for a licence and a period (« 2027-T1 », « 2027 »),
//! the centre's revenue from its invoices minus its credit notes issued in the period excluding
//! VAT, or the figure it declared, × the royalty share, + the yearly fee when one falls in the
//! period (`domain::licence::royalty`). One statement per licence and period; it becomes the
//! network's invoice to the centre in one action, once: issued by the studio through the
//! invoices' own issuing and number series.
use super::centre::{Forms, GrantForm, StatementForm, render};
use super::{audit, require_network};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::invoice::Line;
use domain::licence::royalty::{self, Period};
use store::StoreError;
use store::audit::AuditAction;
use store::invoices::{Buyer, NewInvoice};
use store::licences::royalties::{DECLARED, INVOICED, NewStatement};

/// Makes the statement of a period for a licence.
pub async fn make(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(licence_id): Path<i64>,
    Form(form): Form<StatementForm>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let l = store::licences::find(&state.db, licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let centre = super::centre::centre_of(&state, &l.centre_slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let period = Period::parse(&form.period);
    if period.is_none() {
        errors.add("period", i, "royalty-error-period");
    }
    let declared = if form.declared.trim().is_empty() {
        None
    } else {
        match domain::offer::parse_price(&form.declared) {
            Some(c) => Some(c),
            None => {
                errors.add("declared", i, "royalty-error-declared");
                None
            }
        }
    };
    if l.status == domain::licence::Status::Draft.code() {
        errors.add("period", i, "royalty-error-draft");
    }
    let (Some(period), Some(start), Some(end), true) =
        (period, l.starts(), l.ends(), errors.is_empty())
    else {
        let forms = Forms {
            grant: GrantForm::default(),
            statement: form,
            errors,
        };
        return render(&state, &ctx, centre, forms).await;
    };
    let (from, to) = (
        domain::tracking::iso(period.first_day()),
        domain::tracking::iso(period.last_day()),
    );
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let (source, revenue) = match declared {
        Some(cents) => (DECLARED, cents),
        None => (
            INVOICED,
            store::licences::royalties::invoiced_revenue(&mut tx, l.centre_id, &from, &to).await?,
        ),
    };
    let figures = royalty::statement(
        revenue,
        l.royalty_bp,
        l.yearly_fee_cents,
        royalty::fees_due(start, end, period),
    );
    let code = period.code();
    let made = store::licences::royalties::create(
        &mut tx,
        &NewStatement {
            centre_id: l.centre_id,
            licence_id: l.id,
            period: &code,
            starts_on: &from,
            ends_on: &to,
            source,
            figures,
            by: Some(user.id),
        },
    )
    .await;
    let id = match made {
        Ok(id) => id,
        Err(StoreError::Duplicate) => {
            drop(tx);
            errors.add("period", i, "royalty-error-duplicate");
            let forms = Forms {
                grant: GrantForm::default(),
                statement: form,
                errors,
            };
            return render(&state, &ctx, centre, forms).await;
        }
        Err(e) => return Err(e.into()),
    };
    audit(
        &mut tx,
        &ctx,
        AuditAction::RoyaltyStatementMade,
        l.centre_id,
        Some(id),
        &code,
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/licence#redevances", l.centre_slug),
        "flash-royalty-made",
        &state,
    ))
}

/// Issues the network's invoice for a statement, once.
pub async fn invoice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let s = store::licences::royalties::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let l = store::licences::find(&state.db, s.licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let back = format!("/centres/{}/licence#redevances", l.centre_slug);
    if s.invoice_id.is_some() {
        return Ok(redirect_with_flash(
            &back,
            "flash-royalty-invoiced-already",
            &state,
        ));
    }
    if s.total_cents <= 0 {
        return refusal(&state, &ctx, "royalty-refused-nothing");
    }
    let centres = state.centres().await?;
    let Some(studio) = centres
        .iter()
        .find(|c| c.kind == domain::centre::CentreKind::Studio)
    else {
        return refusal(&state, &ctx, "royalty-refused-no-seller");
    };
    let Some(seller) = store::invoices::seller(&state.db, studio.id)
        .await?
        .filter(|s| s.is_complete())
    else {
        return refusal(&state, &ctx, "royalty-refused-no-seller");
    };
    let vat_rate_bp = if seller.vat_exempt { 0 } else { 2_000 };
    let buyer = match store::invoices::seller(&state.db, l.centre_id).await? {
        Some(b) if !b.legal_name.trim().is_empty() => Buyer {
            name: b.legal_name.clone(),
            address: b.full_address(),
            email: b.email.clone(),
            siren: b.siren.clone(),
            vat_number: b.vat_number.clone(),
        },
        _ => Buyer {
            name: l.centre_name.clone(),
            address: l.centre_town.clone(),
            ..Buyer::default()
        },
    };
    let fr = crate::i18n::I18n::new(domain::Locale::Fr);
    let mut lines = Vec::new();
    if s.royalty_cents > 0 {
        lines.push(Line {
            label: fr.ta(
                "royalty-line",
                &[
                    ("rate", &domain::licence::percent_input(s.royalty_bp)),
                    ("revenue", &fr.money(s.revenue_cents)),
                    ("period", &s.period),
                ],
            ),
            quantity_milli: 1_000,
            unit_price_cents: s.royalty_cents,
            vat_rate_bp,
        });
    }
    if s.yearly_fee_cents > 0 {
        lines.push(Line {
            label: fr.ta("royalty-fee-line", &[("period", &s.period)]),
            quantity_milli: 1_000,
            unit_price_cents: s.yearly_fee_cents,
            vat_rate_bp,
        });
    }
    let user = ctx.require_user()?;
    let new = NewInvoice {
        centre_id: studio.id,
        user_id: None,
        order_id: None,
        quote_id: None,
        buyer,
        lines,
        service_date: s.ends_on.clone(),
        issued_by: Some(user.id),
    };
    let mut tx = state.db.begin().await?;
    let issued = match store::licences::royalties::invoice_in(&mut tx, s.id, &new).await {
        Ok(issued) => issued,
        Err(StoreError::AlreadyDone) => {
            drop(tx);
            return Ok(redirect_with_flash(
                &back,
                "flash-royalty-invoiced-already",
                &state,
            ));
        }
        Err(StoreError::InvalidInput(_)) => {
            drop(tx);
            return refusal(&state, &ctx, "royalty-refused-no-seller");
        }
        Err(e) => return Err(e.into()),
    };
    audit(
        &mut tx,
        &ctx,
        AuditAction::RoyaltyInvoiced,
        l.centre_id,
        Some(s.id),
        &issued.number,
    )
    .await?;
    store::audit::record(
        &mut tx,
        AuditAction::InvoiceIssued,
        store::audit::Entry {
            actor_id: Some(user.id),
            centre_id: Some(studio.id),
            subject_id: Some(issued.id),
            detail: &issued.number,
        },
    )
    .await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(&back, "flash-royalty-invoiced", &state))
}

fn refusal(state: &AppState, ctx: &Ctx, key: &str) -> WebResult<Response> {
    let mut r = crate::message::message(state, ctx, "royalty-refused-title", &[key], None)?;
    *r.status_mut() = axum::http::StatusCode::CONFLICT;
    Ok(r)
}
