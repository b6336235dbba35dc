//! Equipment (issue 20): each centre's inventory (`inventory`: lines with their supplier, price,
//! quantity, status and space, totals per status, CSV; `line`: one line changed or removed),
//! started from the network's standard list (`standard`, edited by the network team), and sent
//! to the centre's budget as investments in one action (`transfer`, each line once).
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::equipment::{self as eq, Status};
use domain::{Action, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;

pub mod demo;
mod inventory;
mod line;
mod standard;
mod transfer;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{slug}/equipment",
            get(inventory::page).post(inventory::add),
        )
        .route("/centres/{slug}/equipment.csv", get(inventory::csv))
        .route(
            "/centres/{slug}/equipment/standard",
            post(inventory::start_from_standard),
        )
        .route("/centres/{slug}/equipment/transfer", post(transfer::submit))
        .route(
            "/centres/{slug}/equipment/{id}",
            get(line::page).post(line::save),
        )
        .route("/centres/{slug}/equipment/{id}/delete", post(line::delete))
        .route("/admin/equipment", get(standard::page).post(standard::add))
        .route(
            "/admin/equipment/{id}",
            get(standard::edit).post(standard::save),
        )
        .route("/admin/equipment/{id}/delete", post(standard::delete))
}

/// The centre, for someone who keeps its equipment (403 otherwise, 404 for no such centre).
async fn keeper(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageEquipment, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// A line as typed (and typed back when refused).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct LineForm {
    pub name: String,
    pub supplier: String,
    pub price: String,
    pub quantity: String,
    pub status: String,
    pub space: String,
    pub years: String,
}

impl LineForm {
    fn new_line() -> Self {
        LineForm {
            quantity: "1".into(),
            status: Status::ToBuy.code().into(),
            ..LineForm::default()
        }
    }

    fn of(l: &store::equipment::Line) -> Self {
        LineForm {
            name: l.name.clone(),
            supplier: l.supplier.clone(),
            price: domain::offer::price_input(l.unit_price_cents),
            quantity: l.quantity.to_string(),
            status: l.status.clone(),
            space: l.space_id.map(|s| s.to_string()).unwrap_or_default(),
            years: l
                .depreciation_years
                .map(|y| y.to_string())
                .unwrap_or_default(),
        }
    }
}

/// A line once checked.
pub struct Checked {
    pub name: String,
    pub supplier: String,
    pub unit_price_cents: i64,
    pub quantity: i64,
    pub status: Status,
    pub space_id: Option<i64>,
    pub years: Option<i64>,
}

impl Checked {
    fn input(&self) -> store::equipment::LineInput<'_> {
        store::equipment::LineInput {
            name: &self.name,
            supplier: &self.supplier,
            unit_price_cents: self.unit_price_cents,
            quantity: self.quantity,
            status: self.status.code(),
            space_id: self.space_id,
            depreciation_years: self.years,
        }
    }
}

/// The value, or its refusal beside `field`.
fn take<T>(
    errors: &mut FieldErrors,
    i: I18n,
    field: &'static str,
    r: Result<T, eq::LineError>,
) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            errors.add(field, i, e.message_key());
            None
        }
    }
}

/// Checks every field of a line; each refusal goes beside its field.
fn check(i: I18n, f: &LineForm, errors: &mut FieldErrors) -> Option<Checked> {
    let name = take(errors, i, "name", eq::text(&f.name, true));
    let supplier = take(errors, i, "supplier", eq::text(&f.supplier, false));
    let price = take(errors, i, "price", eq::price(&f.price));
    let quantity = take(errors, i, "quantity", eq::quantity(&f.quantity));
    let years = take(errors, i, "years", eq::years(&f.years));
    let status = take(errors, i, "status", eq::status(&f.status));
    let space_id = match f.space.trim() {
        "" => Some(None),
        s => match s.parse::<i64>() {
            Ok(id) => Some(Some(id)),
            Err(_) => {
                errors.add("space", i, "equipment-error-space");
                None
            }
        },
    };
    Some(Checked {
        name: name?,
        supplier: supplier?,
        unit_price_cents: price?,
        quantity: quantity?,
        status: status?,
        space_id: space_id?,
        years: years?,
    })
}

/// (code, label, selected) of each status, for a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn status_choices(i: I18n, current: &str) -> Vec<Choice> {
    Status::ALL
        .into_iter()
        .map(|s| Choice {
            value: s.code().to_string(),
            label: i.t(s.label_key()),
            selected: s.code() == current,
        })
        .collect()
}

fn space_choices(spaces: &[store::equipment::Space], current: &str) -> Vec<Choice> {
    spaces
        .iter()
        .map(|s| Choice {
            value: s.id.to_string(),
            label: s.name.clone(),
            selected: s.id.to_string() == current,
        })
        .collect()
}

fn badge(s: Status) -> &'static str {
    match s {
        Status::ToBuy => "badge-warning",
        Status::Ordered => "badge-neutral",
        Status::Installed => "badge-success",
        Status::Repair => "badge-danger",
        Status::Retired => "badge-neutral",
    }
}
