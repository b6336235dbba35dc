//! « Ajouter au budget » : the lines ticked become investments of the centre's budget (the
//! forecast's `investments[]`, shared/formats/forecast.md), in one unit of work: the budget's new
//! version, the lines marked as sent and the audit line commit together. A line sent already
//! says so and cannot be sent again (`AlreadyDone`: nothing is stored).
use super::inventory::{TransferState, render};
use super::{LineForm, keeper};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::equipment::{self as eq, Status};
use store::audit::AuditAction;

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut selected: Vec<i64> = pairs
        .iter()
        .filter(|(k, _)| k == "line")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    selected.sort_unstable();
    selected.dedup();
    let month_text = pairs
        .iter()
        .find(|(k, _)| k == "month")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let mut errors = FieldErrors::default();
    let month = eq::month(&month_text);
    if month.is_none() {
        errors.add("month", i, "equipment-error-month");
    }
    if selected.is_empty() {
        errors.add("line", i, "equipment-error-none-selected");
    }
    let budget = store::forecasts::for_centre(&state.db, centre.id).await?;
    if budget.is_none() {
        errors.add("line", i, "equipment-error-no-budget");
    }
    let refuse = |errors: FieldErrors| TransferState {
        month: month_text.clone(),
        selected: selected.clone(),
        errors,
    };
    let (Some(month), Some(budget)) = (month, budget) else {
        return render(
            &state,
            &ctx,
            &centre,
            LineForm::new_line(),
            FieldErrors::default(),
            refuse(errors),
        )
        .await;
    };
    if !errors.is_empty() {
        return render(
            &state,
            &ctx,
            &centre,
            LineForm::new_line(),
            FieldErrors::default(),
            refuse(errors),
        )
        .await;
    }
    let mut plan =
        domain::forecast::parse(&budget.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let mut tx = state.db.begin().await?;
    let lines = store::equipment::lines(&mut tx, centre.id).await?;
    for id in &selected {
        let Some(l) = lines.iter().find(|l| l.id == *id) else {
            return Err(WebError::NotFound);
        };
        let status = Status::parse(&l.status).unwrap_or(Status::ToBuy);
        if l.transferred_at.is_some() || !status.invests() {
            let mut errors = FieldErrors::default();
            errors.add_text(
                "line",
                i.ta("equipment-error-already-sent", &[("name", &l.name)]),
            );
            drop(tx);
            return render(
                &state,
                &ctx,
                &centre,
                LineForm::new_line(),
                FieldErrors::default(),
                refuse(errors),
            )
            .await;
        }
        plan.investments.push(eq::investment(
            &l.name,
            l.unit_price_cents,
            l.quantity,
            l.depreciation_years,
            month,
        ));
    }
    let document = plan.to_json();
    // The plan with its new investments must still read as a valid forecast.
    domain::forecast::parse(&document).map_err(|e| WebError::Internal(e.to_string()))?;
    let stale = match store::forecasts::save_in(
        &mut tx,
        budget.id,
        budget.version,
        &document,
        "equipment",
        Some(user.id),
    )
    .await
    {
        Ok(_) => false,
        Err(store::StoreError::Stale(_)) => true,
        Err(e) => return Err(e.into()),
    };
    let to = format!("/centres/{}/equipment", centre.slug);
    if stale {
        return Ok(redirect_with_flash(&to, "flash-forecast-stale", &state));
    }
    match store::equipment::mark_transferred_in(&mut tx, centre.id, budget.id, &selected).await {
        Ok(()) => {}
        Err(store::StoreError::AlreadyDone) => {
            drop(tx);
            return Ok(redirect_with_flash(
                &to,
                "flash-equipment-already-sent",
                &state,
            ));
        }
        Err(e) => return Err(e.into()),
    }
    crate::donations::audit(
        &mut tx,
        &ctx,
        AuditAction::EquipmentTransferred,
        centre.id,
        Some(budget.id),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(&to, "flash-equipment-sent", &state))
}
