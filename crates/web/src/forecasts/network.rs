//! The network team's summary of every centre's own budget: produits, charges and result of
//! each of the three years, the last month with actuals and whether the actuals are off the
//! budget (over its threshold). Three statements whatever the number of centres.
use super::actuals::from_rows;
use super::page::month_label;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::forecast::{actuals, compute, parse};
use domain::{Action, Scope};
use std::collections::HashMap;

pub struct BudgetRow {
    pub label: String,
    pub values: Vec<String>,
    pub negative: Vec<bool>,
}

pub struct CentreBudget {
    pub slug: String,
    pub name: String,
    /// None: the centre has no budget yet.
    pub lines: Option<Vec<BudgetRow>>,
    /// The last month with actuals (« 03/2027 »), or None.
    pub last_actual: Option<String>,
    pub flagged: bool,
}

#[derive(Template)]
#[template(path = "forecasts/network.html")]
struct NetworkView {
    layout: Layout,
    centres: Vec<CentreBudget>,
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(Action::ViewNetworkForecasts, Scope::Network)?;
    let i = ctx.i;
    let l = i.locale;
    let centres = state.centres().await?;
    let budgets = store::forecasts::centre_budgets(&state.db).await?;
    let mut stored: HashMap<i64, Vec<store::forecasts::ActualRow>> = HashMap::new();
    for r in store::forecasts::centre_budget_actuals(&state.db).await? {
        stored.entry(r.forecast_id).or_default().push(r.actual);
    }
    let by_centre: HashMap<i64, &store::forecasts::ForecastRow> =
        budgets.iter().map(|b| (b.centre_id, b)).collect();
    let mut list = Vec::with_capacity(centres.len());
    for c in centres.iter() {
        let mut entry = CentreBudget {
            slug: c.slug.clone(),
            name: c.name.clone(),
            lines: None,
            last_actual: None,
            flagged: false,
        };
        if let Some(row) = by_centre.get(&c.id) {
            let plan = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
            let r = compute(&plan);
            let figures: Vec<(i64, i64, i64)> = r
                .years
                .iter()
                .map(|y| {
                    let produits = y.chiffre_affaires
                        + y.subventions_exploitation
                        + y.autres_produits
                        + y.produits_exceptionnels;
                    (produits, produits - y.resultat_net, y.resultat_net)
                })
                .collect();
            let line = |key: &str, pick: fn(&(i64, i64, i64)) -> i64| BudgetRow {
                label: i.t(key),
                values: figures
                    .iter()
                    .map(|f| domain::format::euros(l, pick(f)))
                    .collect(),
                negative: figures.iter().map(|f| pick(f) < 0).collect(),
            };
            entry.lines = Some(vec![
                line("network-forecast-revenue", |f| f.0),
                line("network-forecast-expenses", |f| f.1),
                line("network-forecast-result", |f| f.2),
            ]);
            let figures = from_rows(stored.get(&row.id).map_or(&[][..], Vec::as_slice));
            let months = actuals::compare(&r.monthly, &figures, row.variance_threshold_bp);
            entry.last_actual = months
                .last()
                .map(|m| month_label(plan.start, m.month as usize));
            entry.flagged = actuals::flagged(&months);
        }
        list.push(entry);
    }
    let view = NetworkView {
        layout: Layout::new(&state, &ctx, i.t("network-forecast-title")),
        centres: list,
    };
    Ok(Html(view.render()?).into_response())
}
