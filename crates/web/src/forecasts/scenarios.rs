//! Editing the scenarios: the pessimistic and optimistic plans move the base plan's volumes and
//! external charges by a percentage; « réaliste » is the plan itself and stays at 100 %.
//! Every share is read before anything is saved; a refusal shows beside its field.
use super::fields::{Kind, display, scaled};
use super::owner::{Key, Owner, editable_row};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::collections::BTreeMap;

/// The scenarios one may edit, and their two shares.
const EDITABLE: [&str; 2] = ["pessimistic", "optimistic"];
const SHARES: [&str; 2] = ["volume", "cost"];
/// A share is between 1 % and 500 % of the base plan.
const RANGE: std::ops::RangeInclusive<i64> = 100..=50_000;

pub struct ShareField {
    pub id: String,
    pub name: String,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
}

pub struct ScenarioFields {
    pub legend: String,
    pub hint: String,
    pub fields: Vec<ShareField>,
}

#[derive(Template)]
#[template(path = "forecasts/scenarios.html")]
struct ScenariosView {
    layout: Layout,
    base: String,
    scenarios: Vec<ScenarioFields>,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let (owner, row) = editable_row(&state, &ctx, &key).await?;
    render(&state, &ctx, &owner, &row, None).await
}

/// Typed texts and messages by field name.
type Typed = (BTreeMap<String, String>, BTreeMap<String, String>);

async fn render(
    state: &AppState,
    ctx: &Ctx,
    owner: &Owner,
    row: &store::forecasts::ForecastRow,
    typed: Option<Typed>,
) -> WebResult<Response> {
    let i = ctx.i;
    let stored = store::forecasts::scenarios(&state.db, row.id).await?;
    let status = if typed.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (texts, errors) = typed.unwrap_or_default();
    let scenarios = EDITABLE
        .iter()
        .map(|code| {
            let current = stored.iter().find(|s| s.code == *code);
            ScenarioFields {
                legend: i.t(&format!("forecast-scenario-{code}")),
                hint: i.t(&format!("forecast-scenario-{code}-hint")),
                fields: SHARES
                    .iter()
                    .map(|share| {
                        let name = format!("{code}_{share}");
                        let bp = current.map(|s| {
                            if *share == "volume" {
                                s.volume_bp
                            } else {
                                s.cost_bp
                            }
                        });
                        ShareField {
                            id: format!("f-{code}-{share}"),
                            label: i.t(&format!("forecast-scenario-field-{share}")),
                            value: texts.get(&name).cloned().unwrap_or_else(|| {
                                bp.map(|bp| display(Kind::Percent, &bp.into(), i.locale))
                                    .unwrap_or_default()
                            }),
                            error: errors.get(&name).cloned(),
                            name,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let view = ScenariosView {
        layout: Layout::new(state, ctx, i.t("forecast-scenarios-edit"))
            .under(owner.base.clone(), owner.name.clone()),
        base: owner.base.clone(),
        scenarios,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (owner, row) = editable_row(&state, &ctx, &key).await?;
    let i = ctx.i;
    let texts: BTreeMap<String, String> = form.into_iter().filter(|(k, _)| k != "_csrf").collect();
    let mut errors = BTreeMap::new();
    let mut values = Vec::new();
    for code in EDITABLE {
        let mut shares = [0i64; 2];
        for (n, share) in SHARES.iter().enumerate() {
            let field = format!("{code}_{share}");
            match texts.get(&field).and_then(|t| scaled(t, 2)) {
                Some(bp) if RANGE.contains(&bp) => shares[n] = bp,
                Some(_) => {
                    errors.insert(field, i.t("forecast-scenario-error-range"));
                }
                None => {
                    errors.insert(field, i.t("forecast-error-percent"));
                }
            }
        }
        values.push((code, shares[0], shares[1]));
    }
    if !errors.is_empty() {
        return render(&state, &ctx, &owner, &row, Some((texts, errors))).await;
    }
    store::forecasts::set_scenarios(&state.db, row.id, &values).await?;
    Ok(crate::respond::redirect_with_flash(
        &owner.base,
        "flash-forecast-scenarios-saved",
        &state,
    ))
}
