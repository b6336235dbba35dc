//! A centre's inventory (`/centres/{slug}/equipment`): its lines by space, the totals per status,
//! the form that adds a line, the standard list to start from, the lines to send to the
//! budget, and the CSV. The page reads four statements: the centre, its lines (with their
//! spaces' names), its spaces and whether it has a budget.
use super::{Checked, Choice, LineForm, check, keeper, space_choices, status_choices};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::equipment::{self as eq, Status};
use store::audit::AuditAction;
use store::centres::CentreSummary;

pub struct LineRow {
    pub id: i64,
    pub name: String,
    pub supplier: String,
    pub space: String,
    pub unit_price: String,
    pub quantity: String,
    pub total: String,
    pub status: String,
    pub badge: &'static str,
    pub years: String,
    /// Already an investment of the budget.
    pub transferred: bool,
    /// May be sent to the budget (not sent yet, not retired).
    pub can_transfer: bool,
    pub checked: bool,
}

pub struct TotalRow {
    pub label: String,
    pub lines: String,
    pub items: String,
    pub amount: String,
}

/// What the transfer form shows again when refused.
#[derive(Default)]
pub struct TransferState {
    pub month: String,
    pub selected: Vec<i64>,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "equipment/inventory.html")]
struct InventoryView {
    layout: Layout,
    slug: String,
    lines: Vec<LineRow>,
    totals: Vec<TotalRow>,
    invested: String,
    to_transfer: String,
    has_budget: bool,
    any_transferable: bool,
    form: LineForm,
    errors: FieldErrors,
    statuses: Vec<Choice>,
    spaces: Vec<Choice>,
    month: String,
    transfer_errors: FieldErrors,
}

pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    form: LineForm,
    errors: FieldErrors,
    transfer: TransferState,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() && transfer.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let lines = store::equipment::lines(&state.db, centre.id).await?;
    let spaces = store::equipment::spaces(&state.db, centre.id).await?;
    let has_budget = store::forecasts::for_centre(&state.db, centre.id)
        .await?
        .is_some();
    let parsed: Vec<(Status, &store::equipment::Line)> = lines
        .iter()
        .map(|l| (Status::parse(&l.status).unwrap_or(Status::ToBuy), l))
        .collect();
    let (per, invested) = eq::totals(
        parsed
            .iter()
            .map(|(s, l)| (*s, l.unit_price_cents, l.quantity)),
    );
    let to_transfer: i64 = parsed
        .iter()
        .filter(|(s, l)| s.invests() && l.transferred_at.is_none())
        .map(|(_, l)| eq::line_total(l.unit_price_cents, l.quantity))
        .sum();
    let rows: Vec<LineRow> = parsed
        .iter()
        .map(|(s, l)| LineRow {
            id: l.id,
            name: l.name.clone(),
            supplier: l.supplier.clone(),
            space: l.space_name.clone().unwrap_or_default(),
            unit_price: i.money(l.unit_price_cents),
            quantity: i.number(l.quantity),
            total: i.money(eq::line_total(l.unit_price_cents, l.quantity)),
            status: i.t(s.label_key()),
            badge: super::badge(*s),
            years: l
                .depreciation_years
                .map(|y| i.tn("equipment-years-count", y))
                .unwrap_or_default(),
            transferred: l.transferred_at.is_some(),
            can_transfer: l.transferred_at.is_none() && s.invests(),
            checked: transfer.selected.contains(&l.id),
        })
        .collect();
    let any_transferable = rows.iter().any(|r| r.can_transfer);
    let totals = per
        .into_iter()
        .filter(|(_, t)| t.lines > 0)
        .map(|(s, t)| TotalRow {
            label: i.t(s.label_key()),
            lines: i.number(t.lines),
            items: i.number(t.items),
            amount: i.money(t.cents),
        })
        .collect();
    let view = InventoryView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("equipment-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        lines: rows,
        totals,
        invested: i.money(invested.cents),
        to_transfer: i.money(to_transfer),
        has_budget,
        any_transferable,
        statuses: status_choices(i, &form.status),
        spaces: space_choices(&spaces, &form.space),
        form,
        errors,
        month: if transfer.month.is_empty() {
            "1".into()
        } else {
            transfer.month
        },
        transfer_errors: transfer.errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    render(
        &state,
        &ctx,
        &centre,
        LineForm::new_line(),
        FieldErrors::default(),
        TransferState::default(),
    )
    .await
}

/// Adds a line: refused beside its fields (what was typed kept, nothing stored), or saved.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<LineForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let mut errors = FieldErrors::default();
    let checked: Option<Checked> = check(ctx.i, &form, &mut errors);
    let Some(line) = checked.filter(|_| errors.is_empty()) else {
        return render(
            &state,
            &ctx,
            &centre,
            form,
            errors,
            TransferState::default(),
        )
        .await;
    };
    match store::equipment::add(&state.db, centre.id, &line.input()).await {
        Ok(_) => {}
        Err(store::StoreError::NotFound) => {
            errors.add("space", ctx.i, "equipment-error-space");
            return render(
                &state,
                &ctx,
                &centre,
                form,
                errors,
                TransferState::default(),
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipment", centre.slug),
        "flash-equipment-added",
        &state,
    ))
}

/// Copies the network's standard list into the inventory (each item once).
pub async fn start_from_standard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let added = store::equipment::start_from_standard(&state.db, centre.id).await?;
    let flash = if added == 0 {
        "flash-equipment-standard-none"
    } else {
        "flash-equipment-standard-added"
    };
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipment", centre.slug),
        flash,
        &state,
    ))
}

/// The inventory as CSV (amounts in cents and in euros as typed, so a spreadsheet sums them).
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut rows = vec![
        [
            "equipment-col-name",
            "equipment-col-supplier",
            "equipment-col-space",
            "equipment-col-unit-price",
            "equipment-col-quantity",
            "equipment-col-total",
            "equipment-col-status",
            "equipment-col-years",
            "equipment-col-budget",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect::<Vec<_>>(),
    ];
    crate::donations::audit(
        &state.db,
        &ctx,
        AuditAction::EquipmentExported,
        centre.id,
        None,
    )
    .await?;
    for l in store::equipment::lines(&state.db, centre.id).await? {
        let status = Status::parse(&l.status).unwrap_or(Status::ToBuy);
        rows.push(vec![
            l.name,
            l.supplier,
            l.space_name.unwrap_or_default(),
            domain::offer::price_input(l.unit_price_cents),
            l.quantity.to_string(),
            domain::offer::price_input(eq::line_total(l.unit_price_cents, l.quantity)),
            i.t(status.label_key()),
            l.depreciation_years
                .map(|y| y.to_string())
                .unwrap_or_default(),
            if l.transferred_at.is_some() {
                i.t("equipment-csv-yes")
            } else {
                String::new()
            },
        ]);
    }
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("equipement-{}.csv", centre.slug),
    ))
}
