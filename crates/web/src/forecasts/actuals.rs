//! Actuals month by month: entered by category on a page (refusals beside the field, what was
//! typed kept, nothing saved half-way) or imported from a bank export (CSV), and the comparison
//! with the forecast per month and cumulated, variances in euros and percent, flagged over the
//! forecast's threshold (kept by its editors; a reader may try another in the address).
use super::fields::scaled;
use super::owner::{Key, Owner, reach};
use super::page::month_label;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Locale;
use domain::forecast::actuals::{self, Actual, Category, ComparisonMonth, Variance};
use domain::forecast::model::{MONTHS, YearMonth};
use domain::forecast::{compute, parse};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The stored actuals as the domain's figures (rows of unknown categories are skipped).
pub fn from_rows(rows: &[store::forecasts::ActualRow]) -> Vec<Actual> {
    rows.iter()
        .filter_map(|r| {
            Some(Actual {
                month: u32::try_from(r.month).ok()?,
                category: Category::parse(&r.category)?,
                cents: r.amount_cents,
            })
        })
        .collect()
}

/// A share in basis points as a percentage with one decimal, signed: « +12,5 % ».
pub fn percent(locale: Locale, bp: i64) -> String {
    let tenths = domain::forecast::money::round_div(bp as i128, 10) as i64;
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let (whole, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    match locale {
        Locale::Fr => format!("{sign}{whole},{frac}\u{a0}%"),
        _ => format!("{sign}{whole}.{frac}%"),
    }
}

pub(super) fn signed_money(locale: Locale, cents: i64) -> String {
    let text = domain::format::euros(locale, cents.abs());
    match cents.signum() {
        1 => format!("+{text}"),
        -1 => format!("−{text}"),
        _ => text,
    }
}

pub struct MonthField {
    pub id: String,
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
}

pub struct EnteredMonth {
    pub month: i64,
    pub label: String,
    pub revenue: String,
    pub expenses: String,
}

#[derive(Template)]
#[template(path = "forecasts/actuals.html")]
struct ActualsView {
    layout: Layout,
    base: String,
    months: Vec<(i64, String, bool)>,
    month_error: Option<String>,
    fields: Vec<MonthField>,
    entered: Vec<EnteredMonth>,
    csv_text: String,
    csv_error: Option<String>,
}

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: Option<String>,
}

struct Typed {
    month_error: Option<String>,
    texts: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    csv: Option<(String, String)>,
}

/// The owner, its forecast and its actuals, for someone who may edit the forecast.
async fn editable(state: &AppState, ctx: &Ctx, key: &Key) -> WebResult<(Owner, Reached)> {
    let (owner, reached) = visible(state, ctx, key).await?;
    if !owner.can_edit {
        return Err(WebError::Forbidden);
    }
    Ok((owner, reached))
}

type Reached = (
    store::forecasts::ForecastRow,
    Vec<store::forecasts::ActualRow>,
);

/// The owner (with whether the user may edit), its forecast and actuals (two statements).
async fn visible(state: &AppState, ctx: &Ctx, key: &Key) -> WebResult<(Owner, Reached)> {
    let owner = reach(state, ctx, key).await?;
    let reached = store::forecasts::with_actuals(&state.db, owner.of)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((owner, reached))
}

fn start_of(row: &store::forecasts::ForecastRow) -> WebResult<YearMonth> {
    Ok(parse(&row.document)
        .map_err(|e| WebError::Internal(e.to_string()))?
        .start)
}

fn month_in_range(text: &str) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|m| (1..=MONTHS as i64).contains(m))
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Query(q): Query<MonthQuery>,
) -> WebResult<Response> {
    let (owner, (row, stored)) = editable(&state, &ctx, &key).await?;
    let month = q
        .month
        .as_deref()
        .and_then(month_in_range)
        .unwrap_or_else(|| {
            // The month after the last one entered.
            stored
                .iter()
                .map(|a| a.month + 1)
                .max()
                .unwrap_or(1)
                .min(MONTHS as i64)
        });
    render(&state, &ctx, &owner, &row, &stored, month, None)
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    owner: &Owner,
    row: &store::forecasts::ForecastRow,
    stored: &[store::forecasts::ActualRow],
    month: i64,
    typed: Option<Typed>,
) -> WebResult<Response> {
    let i = ctx.i;
    let l = i.locale;
    let start = start_of(row)?;
    let status = if typed.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let typed = typed.unwrap_or(Typed {
        month_error: None,
        texts: BTreeMap::new(),
        errors: BTreeMap::new(),
        csv: None,
    });
    let sums = actuals::by_month(&from_rows(stored));
    let fields = Category::ALL
        .iter()
        .map(|c| {
            let name = c.code();
            let value = match typed.texts.get(name) {
                Some(t) => t.clone(),
                None => sums
                    .get(month as usize - 1)
                    .and_then(|m| m.get(c))
                    .map(|cents| {
                        super::fields::display(super::fields::Kind::Money, &(*cents).into(), l)
                    })
                    .unwrap_or_default(),
            };
            MonthField {
                id: format!("f-actual-{}", name.replace('_', "-")),
                name,
                label: i.t(&format!("actuals-category-{}", name.replace('_', "-"))),
                value,
                error: typed.errors.get(name).cloned(),
            }
        })
        .collect();
    let entered = sums
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(n, m)| {
            let (rev, exp) = m.iter().fold((0, 0), |(r, e), (c, v)| {
                if c.is_revenue() {
                    (r + v, e)
                } else {
                    (r, e + v)
                }
            });
            EnteredMonth {
                month: n as i64 + 1,
                label: month_label(start, n + 1),
                revenue: domain::format::euros(l, rev),
                expenses: domain::format::euros(l, exp),
            }
        })
        .collect();
    let (csv_text, csv_error) = match typed.csv {
        Some((text, error)) => (text, Some(error)),
        None => (String::new(), None),
    };
    let view = ActualsView {
        layout: Layout::new(state, ctx, i.t("actuals-title"))
            .under(owner.base.clone(), owner.name.clone()),
        base: owner.base.clone(),
        months: (1..=MONTHS as i64)
            .map(|m| (m, month_label(start, m as usize), m == month))
            .collect(),
        month_error: typed.month_error,
        fields,
        entered,
        csv_text,
        csv_error,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// Saves one month's actuals whole: every amount read first, a refusal shown beside its field.
pub async fn save_month(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (owner, (row, stored)) = editable(&state, &ctx, &key).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let texts: BTreeMap<String, String> = form.into_iter().filter(|(k, _)| k != "_csrf").collect();
    let month_text = texts.get("month").map(String::as_str).unwrap_or("");
    let month = month_in_range(month_text);
    let mut errors = BTreeMap::new();
    let mut values = Vec::new();
    for c in Category::ALL {
        let text = texts.get(c.code()).map(String::as_str).unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        match scaled(text, 2) {
            Some(cents) if cents < 0 => {
                errors.insert(c.code().to_string(), i.t("forecast-error-negative"));
            }
            Some(cents) => values.push((c.code(), cents)),
            None => {
                errors.insert(c.code().to_string(), i.t("forecast-error-amount"));
            }
        }
    }
    let Some(month) = month.filter(|_| errors.is_empty()) else {
        let typed = Typed {
            month_error: month.is_none().then(|| i.t("forecast-error-month")),
            texts,
            errors,
            csv: None,
        };
        return render(
            &state,
            &ctx,
            &owner,
            &row,
            &stored,
            month.unwrap_or(1),
            Some(typed),
        );
    };
    let values: Vec<(i64, &str, i64)> = values.into_iter().map(|(c, v)| (month, c, v)).collect();
    store::forecasts::set_actuals(&state.db, row.id, &[month], &values, Some(user.id)).await?;
    let next = (month + 1).min(MONTHS as i64);
    Ok(crate::respond::redirect_with_flash(
        &format!("{}/actuals?month={next}", owner.base),
        "flash-actuals-saved",
        &state,
    ))
}

#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    csv: String,
}

/// Imports a bank export: refused whole at its first bad line (named beside the box, what was
/// pasted kept), or the months it covers replaced by its sums.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<ImportForm>,
) -> WebResult<Response> {
    let (owner, (row, stored)) = editable(&state, &ctx, &key).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let start = start_of(&row)?;
    let read = match actuals::parse_csv(&form.csv, start) {
        Ok(read) => read,
        Err(e) => {
            let message = i.ta(e.problem.message_key(), &[("line", &e.line.to_string())]);
            let typed = Typed {
                month_error: None,
                texts: BTreeMap::new(),
                errors: BTreeMap::new(),
                csv: Some((form.csv, message)),
            };
            return render(&state, &ctx, &owner, &row, &stored, 1, Some(typed));
        }
    };
    let mut months: Vec<i64> = read.iter().map(|a| a.month as i64).collect();
    months.dedup();
    let values: Vec<(i64, &str, i64)> = read
        .iter()
        .map(|a| (a.month as i64, a.category.code(), a.cents))
        .collect();
    store::forecasts::set_actuals(&state.db, row.id, &months, &values, Some(user.id)).await?;
    Ok(crate::respond::redirect_with_flash(
        &format!("{}/comparison", owner.base),
        "flash-actuals-imported",
        &state,
    ))
}

pub struct CompareCell {
    pub text: String,
    pub flagged: bool,
}

pub struct CompareRow {
    pub month: String,
    pub cells: Vec<CompareCell>,
}

pub struct CompareTable {
    pub key: &'static str,
    pub title: String,
    pub rows: Vec<CompareRow>,
}

#[derive(Template)]
#[template(path = "forecasts/comparison.html")]
struct ComparisonView {
    layout: Layout,
    base: String,
    can_edit: bool,
    threshold: String,
    threshold_error: Option<String>,
    tables: Vec<CompareTable>,
    heads: Vec<String>,
}

#[derive(Deserialize)]
pub struct ThresholdQuery {
    #[serde(default)]
    threshold: Option<String>,
}

/// The threshold typed as a percentage (0 to 1 000), in basis points; None when it is not one.
pub fn threshold_bp(text: Option<&str>) -> Option<i64> {
    match text.map(str::trim) {
        None | Some("") => None,
        Some(t) => scaled(t, 2).filter(|bp| (0..=100_000).contains(bp)),
    }
}

fn cells(l: Locale, v: &Variance, cumulated: &Variance) -> Vec<CompareCell> {
    let money = |c| CompareCell {
        text: domain::format::euros(l, c),
        flagged: false,
    };
    let share = |v: &Variance| CompareCell {
        text: v.variance_bp.map_or("—".to_string(), |bp| percent(l, bp)),
        flagged: v.flagged,
    };
    let variance = |v: &Variance| CompareCell {
        text: signed_money(l, v.variance),
        flagged: v.flagged,
    };
    vec![
        money(v.forecast),
        money(v.actual),
        variance(v),
        share(v),
        money(cumulated.forecast),
        money(cumulated.actual),
        variance(cumulated),
        share(cumulated),
    ]
}

/// The comparison's three tables (produits, charges, résultat) as shown and exported.
pub fn tables(ctx: &Ctx, start: YearMonth, months: &[ComparisonMonth]) -> Vec<CompareTable> {
    let i = ctx.i;
    type Pick = fn(&ComparisonMonth) -> (&Variance, &Variance);
    let parts: [(&'static str, Pick); 3] = [
        ("revenue", |m| (&m.revenue, &m.cumulated_revenue)),
        ("expenses", |m| (&m.expenses, &m.cumulated_expenses)),
        ("result", |m| (&m.result, &m.cumulated_result)),
    ];
    parts
        .iter()
        .map(|(key, pick)| CompareTable {
            key,
            title: i.t(&format!("actuals-table-{key}")),
            rows: months
                .iter()
                .map(|m| {
                    let (v, c) = pick(m);
                    CompareRow {
                        month: month_label(start, m.month as usize),
                        cells: cells(i.locale, v, c),
                    }
                })
                .collect(),
        })
        .collect()
}

pub async fn comparison(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Query(q): Query<ThresholdQuery>,
) -> WebResult<Response> {
    let reached = visible(&state, &ctx, &key).await?;
    // A threshold in the address is tried without being kept; the stored one otherwise.
    let tried = q
        .threshold
        .filter(|t| !t.trim().is_empty())
        .map(|t| (threshold_bp(Some(&t)), t));
    render_comparison(&state, &ctx, reached, tried)
}

#[derive(Deserialize)]
pub struct ThresholdForm {
    #[serde(default)]
    threshold: String,
}

/// Keeps the forecast's threshold (its editors): refused beside the field with what was typed.
pub async fn save_threshold(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<ThresholdForm>,
) -> WebResult<Response> {
    let (owner, (row, stored)) = editable(&state, &ctx, &key).await?;
    let Some(bp) = threshold_bp(Some(&form.threshold)) else {
        let tried = Some((None, form.threshold));
        return render_comparison(&state, &ctx, (owner, (row, stored)), tried);
    };
    store::forecasts::set_threshold(&state.db, row.id, bp).await?;
    Ok(crate::respond::redirect_with_flash(
        &format!("{}/comparison", owner.base),
        "flash-actuals-threshold-saved",
        &state,
    ))
}

/// The comparison at the stored threshold, or at `tried` (its value if it reads, and the text).
fn render_comparison(
    state: &AppState,
    ctx: &Ctx,
    (owner, (row, stored)): (Owner, Reached),
    tried: Option<(Option<i64>, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let plan = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let (threshold, threshold_text, threshold_error) = match tried {
        Some((Some(bp), text)) => (bp, text, None),
        Some((None, text)) => (
            row.variance_threshold_bp,
            text,
            Some(i.t("actuals-threshold-error")),
        ),
        None => (
            row.variance_threshold_bp,
            super::fields::display(
                super::fields::Kind::Percent,
                &row.variance_threshold_bp.into(),
                i.locale,
            ),
            None,
        ),
    };
    let months = actuals::compare(&compute(&plan).monthly, &from_rows(&stored), threshold);
    let status = if threshold_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = ComparisonView {
        layout: Layout::new(state, ctx, i.t("actuals-comparison-title"))
            .under(owner.base.clone(), owner.name),
        base: owner.base,
        can_edit: owner.can_edit,
        threshold: threshold_text,
        threshold_error,
        tables: tables(ctx, plan.start, &months),
        heads: [
            "actuals-col-forecast",
            "actuals-col-actual",
            "actuals-col-variance",
            "actuals-col-variance-pct",
            "actuals-col-cum-forecast",
            "actuals-col-cum-actual",
            "actuals-col-cum-variance",
            "actuals-col-cum-variance-pct",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_read_as_signed_percentages() {
        assert_eq!(percent(Locale::Fr, -1_234), "−12,3\u{a0}%");
        assert_eq!(percent(Locale::En, 1_250), "+12.5%");
        assert_eq!(percent(Locale::Fr, 0), "0,0\u{a0}%");
        assert_eq!(threshold_bp(None), None);
        assert_eq!(threshold_bp(Some("7,5")), Some(750));
        assert_eq!(threshold_bp(Some("-1")), None);
        assert_eq!(threshold_bp(Some("dix")), None);
    }
}
