//! The sales journal of a period: accounting entries in the FEC layout (tab-separated, 18
//! columns, sales and payments received) and the same invoices as CSV.
use super::staff_centre;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::respond::{Disposition, file};
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::invoice::fec::{self, Received, Sale};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};

#[derive(Debug, Default, Deserialize)]
pub struct Period {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// The period asked, this year by default.
fn bounds(p: &Period) -> (String, String) {
    let today = store::invoices::today();
    let from = super::iso_or_empty(&p.from)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("{}-01-01", &today[..4]));
    let to = super::iso_or_empty(&p.to)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("{}-12-31", &today[..4]));
    (from, to)
}

async fn audit(state: &AppState, ctx: &Ctx, centre: i64, what: &str) -> WebResult<()> {
    store::audit::record(
        &state.db,
        AuditAction::InvoicesExported,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id: Some(centre),
            subject_id: None,
            detail: what,
        },
    )
    .await?;
    Ok(())
}

pub async fn fec(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(p): Query<Period>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let (from, to) = bounds(&p);
    let sales = store::invoices::sales_between(&state.db, centre.id, &from, &to).await?;
    let payments = store::invoices::payments_between(&state.db, centre.id, &from, &to).await?;
    let sales: Vec<Sale> = sales
        .iter()
        .map(|s| Sale {
            number: &s.number,
            credit_note: s.kind == "credit_note",
            issue_date: &s.issue_date,
            buyer_name: &s.buyer_name,
            buyer_account: s.user_id,
            ht_cents: s.total_ht_cents,
            vat_cents: s.total_vat_cents,
            ttc_cents: s.total_ttc_cents,
        })
        .collect();
    let received: Vec<Received> = payments
        .iter()
        .map(|p| Received {
            invoice_number: &p.invoice_number,
            paid_on: &p.paid_on,
            buyer_name: &p.buyer_name,
            buyer_account: p.user_id,
            amount_cents: p.amount_cents,
            method: &p.method,
            reference: &p.reference,
        })
        .collect();
    let text = fec::fec(&sales, &received);
    audit(&state, &ctx, centre.id, "fec").await?;
    // The administration names the file SIRENFECAAAAMMJJ (the closing date).
    let siren = store::invoices::seller(&state.db, centre.id)
        .await?
        .map(|s| s.siren)
        .unwrap_or_default();
    let name = format!("{siren}FEC{}.txt", fec::date(&to));
    Ok(file(
        text,
        "text/tab-separated-values; charset=utf-8",
        Disposition::Attachment,
        &name,
    ))
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(p): Query<Period>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let (from, to) = bounds(&p);
    let sales = store::invoices::sales_between(&state.db, centre.id, &from, &to).await?;
    let mut rows = vec![
        [
            "number",
            "kind",
            "issue_date",
            "due_date",
            "buyer",
            "buyer_siren",
            "total_ht",
            "total_vat",
            "total_ttc",
            "paid",
            "credited",
            "status",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    let money = |c: i64| fec::amount(c).replace(',', ".");
    for s in &sales {
        rows.push(vec![
            s.number.clone(),
            s.kind.clone(),
            s.issue_date.clone(),
            s.due_date.clone(),
            s.buyer_name.clone(),
            s.buyer_siren.clone(),
            money(s.total_ht_cents),
            money(s.total_vat_cents),
            money(s.total_ttc_cents),
            money(s.paid_cents),
            money(s.credited_cents),
            s.status.clone(),
        ]);
    }
    audit(&state, &ctx, centre.id, "csv").await?;
    Ok(file(
        crate::respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("factures-{}-{from}-{to}.csv", centre.slug),
    ))
}
