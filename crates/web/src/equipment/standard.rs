//! The network's standard equipment list (`/admin/equipment`, the network team): what a
//! micro-centre needs to open, with a typical supplier, price and quantity. Each centre's
//! inventory starts from it (`inventory::start_from_standard`).
use super::{LineForm, check};
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
use domain::equipment as eq;
use domain::{Action, Scope};

pub struct ItemRow {
    pub id: i64,
    pub name: String,
    pub supplier: String,
    pub unit_price: String,
    pub quantity: String,
    pub total: String,
    pub years: String,
}

#[derive(Template)]
#[template(path = "equipment/standard.html")]
struct StandardView {
    layout: Layout,
    items: Vec<ItemRow>,
    total: String,
    form: LineForm,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "equipment/standard_item.html")]
struct ItemView {
    layout: Layout,
    id: i64,
    form: LineForm,
    errors: FieldErrors,
}

fn allowed(ctx: &Ctx) -> WebResult<()> {
    ctx.require_user()?;
    ctx.authorize(Action::ManageStandardEquipment, Scope::Network)
}

/// A standard item has no status nor space: the form is checked as a line « to buy ».
fn checked(ctx: &Ctx, form: &LineForm, errors: &mut FieldErrors) -> Option<super::Checked> {
    let mut f = form.clone();
    f.status = eq::Status::ToBuy.code().into();
    f.space.clear();
    check(ctx.i, &f, errors).filter(|_| errors.is_empty())
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    form: LineForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let items = store::equipment::standard(&state.db).await?;
    let total: i64 = items
        .iter()
        .map(|s| eq::line_total(s.unit_price_cents, s.quantity))
        .sum();
    let view = StandardView {
        layout: Layout::new(state, ctx, i.t("equipment-standard-title")),
        items: items
            .into_iter()
            .map(|s| ItemRow {
                id: s.id,
                unit_price: i.money(s.unit_price_cents),
                quantity: i.number(s.quantity),
                total: i.money(eq::line_total(s.unit_price_cents, s.quantity)),
                years: s
                    .depreciation_years
                    .map(|y| i.tn("equipment-years-count", y))
                    .unwrap_or_default(),
                name: s.name,
                supplier: s.supplier,
            })
            .collect(),
        total: i.money(total),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    allowed(&ctx)?;
    let form = LineForm {
        quantity: "1".into(),
        ..LineForm::default()
    };
    render(&state, &ctx, form, FieldErrors::default()).await
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LineForm>,
) -> WebResult<Response> {
    allowed(&ctx)?;
    let mut errors = FieldErrors::default();
    let Some(item) = checked(&ctx, &form, &mut errors) else {
        return render(&state, &ctx, form, errors).await;
    };
    match store::equipment::add_standard(&state.db, &item.input()).await {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("name", ctx.i, "equipment-error-name-taken");
            return render(&state, &ctx, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        "/admin/equipment",
        "flash-equipment-added",
        &state,
    ))
}

fn item_view(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    form: LineForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ItemView {
        layout: Layout::new(state, ctx, form.name.clone()).under(
            "/admin/equipment".into(),
            ctx.i.t("equipment-standard-title"),
        ),
        id,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    allowed(&ctx)?;
    let s = store::equipment::standard_item(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let form = LineForm {
        name: s.name,
        supplier: s.supplier,
        price: domain::offer::price_input(s.unit_price_cents),
        quantity: s.quantity.to_string(),
        years: s
            .depreciation_years
            .map(|y| y.to_string())
            .unwrap_or_default(),
        ..LineForm::default()
    };
    item_view(&state, &ctx, id, form, FieldErrors::default())
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<LineForm>,
) -> WebResult<Response> {
    allowed(&ctx)?;
    let mut errors = FieldErrors::default();
    let Some(item) = checked(&ctx, &form, &mut errors) else {
        return item_view(&state, &ctx, id, form, errors);
    };
    match store::equipment::update_standard(&state.db, id, &item.input()).await {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("name", ctx.i, "equipment-error-name-taken");
            return item_view(&state, &ctx, id, form, errors);
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        "/admin/equipment",
        "flash-equipment-saved",
        &state,
    ))
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    allowed(&ctx)?;
    if !store::equipment::delete_standard(&state.db, id).await? {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        "/admin/equipment",
        "flash-equipment-deleted",
        &state,
    ))
}
