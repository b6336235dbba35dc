//! The network dashboard, `/admin/reseau?annee=2027&pilote=slug`: for the year chosen, each
//! centre's projects, participants, cohorts, satisfaction (net promoter score of the event
//! feedback and cohort surveys), invoiced revenue against its budget's forecast, and impact
//! indicators, side by side with the network's totals; then the pilot centre's 36 months to the
//! year's end, invoiced against forecast, drawn like the forecast's charts. At most five
//! statements whatever the number of centres: the centres (kept a few seconds), their figures,
//! the budgets, the pilot's invoices by month and its arrivals.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::centre::CentreKind;
use domain::forecast::{compute, parse};
use domain::impact::month_index;
use domain::network::{forecast_months, month_of, monthly, percent, year_forecast, year_month};
use domain::survey::nps_of_counts;
use domain::{Action, Scope};
use serde::Deserialize;
use std::collections::HashMap;

/// Months of the pilot's chart.
const PILOT_MONTHS: usize = 36;
/// Years offered in the year menu, back from the current one.
const YEARS: i32 = 4;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DashboardQuery {
    pub annee: String,
    pub pilote: String,
}

pub struct Row {
    pub name: String,
    pub slug: String,
    pub projects: String,
    pub participants: String,
    pub cohorts: String,
    pub nps: String,
    pub answers: String,
    pub invoiced: String,
    pub forecast: String,
    pub share: String,
    pub behind: bool,
    pub indicators: String,
    pub measurements: String,
    pub royalties: String,
    /// What of the royalties is not invoiced yet (empty when nothing is left).
    pub royalties_due: String,
}

pub struct MonthRow {
    pub label: String,
    pub invoiced: String,
    pub forecast: String,
    pub projects: String,
    pub participants: String,
}

#[derive(Template)]
#[template(path = "network/dashboard.html")]
struct DashboardView {
    layout: Layout,
    year: i32,
    years: Vec<(i32, bool)>,
    /// (slug, name, chosen).
    pilots: Vec<(String, String, bool)>,
    rows: Vec<Row>,
    total: Row,
    pilot_name: String,
    chart: String,
    has_budget: bool,
    months: Vec<MonthRow>,
}

/// The net promoter score in words (« +40 », « — » without answers).
fn nps_text(i: I18n, answers: i64, promoters: i64, detractors: i64) -> String {
    match nps_of_counts(answers, promoters, detractors) {
        Some(n) if n > 0 => format!("+{}", i.number(n)),
        Some(n) => i.number(n),
        None => "—".into(),
    }
}

/// A budget's monthly forecast revenue (turnover, grants and other products) from its start,
/// computed once per forecast version (`AppState::planned`).
fn planned(state: &AppState, b: &store::forecasts::ForecastRow) -> Option<super::Planned> {
    let key = (b.id, b.version);
    if let Some(p) = state.planned.get(&key) {
        return p;
    }
    let p = compute_planned(&b.document).map(std::sync::Arc::new);
    state.planned.insert(key, p.clone());
    p
}

fn compute_planned(document: &str) -> Option<(domain::forecast::model::YearMonth, Vec<i64>)> {
    let plan = parse(document).ok()?;
    let r = compute(&plan);
    let m = &r.monthly;
    let months = m
        .chiffre_affaires
        .iter()
        .zip(&m.subventions_exploitation)
        .zip(&m.autres_produits)
        .map(|((a, b), c)| a + b + c)
        .collect();
    Some((plan.start, months))
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<DashboardQuery>,
) -> WebResult<Response> {
    ctx.authorize(Action::ViewNetworkDashboard, Scope::Network)?;
    let i = ctx.i;
    let this_year = domain::time_zone::to_paris(store::now()).year();
    let year = q
        .annee
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=this_year + 1).contains(y))
        .unwrap_or(this_year);
    let from = domain::time_zone::from_paris(time::PrimitiveDateTime::new(
        time::Date::from_calendar_date(year, time::Month::January, 1)
            .map_err(|e| crate::error::WebError::Internal(e.to_string()))?,
        time::Time::MIDNIGHT,
    ))
    .unwrap_or_default();
    let to = domain::time_zone::from_paris(time::PrimitiveDateTime::new(
        time::Date::from_calendar_date(year + 1, time::Month::January, 1)
            .map_err(|e| crate::error::WebError::Internal(e.to_string()))?,
        time::Time::MIDNIGHT,
    ))
    .unwrap_or_default();
    let period = store::network::Period { year, from, to };
    let centres = state.centres().await?;
    // Kept a few seconds (any change made through this node forgets them): every centre's
    // figures of a year are read far more often than they move.
    let figures: HashMap<i64, store::network::CentreFigures> = crate::cache::kept(
        &state,
        &ctx,
        format!("network-figures:{year}"),
        store::network::centre_figures(&state.db, &period),
    )
    .await?
    .iter()
    .map(|f| (f.centre_id, f.clone()))
    .collect();
    let budgets: HashMap<i64, super::Planned> = store::forecasts::centre_budgets(&state.db)
        .await?
        .iter()
        .filter_map(|b| Some((b.centre_id, planned(&state, b)?)))
        .collect();

    let mut total = store::network::CentreFigures::default();
    let mut total_forecast = 0;
    let mut rows = Vec::with_capacity(centres.len());
    for c in centres.iter() {
        let f = figures.get(&c.id).cloned().unwrap_or_default();
        let forecast = budgets
            .get(&c.id)
            .and_then(|p| year_forecast(p.0, &p.1, year));
        total.projects += f.projects;
        total.participants += f.participants;
        total.cohorts += f.cohorts;
        total.answers += f.answers;
        total.promoters += f.promoters;
        total.detractors += f.detractors;
        total.invoiced_cents += f.invoiced_cents;
        total.indicators += f.indicators;
        total.measurements += f.measurements;
        total.royalties_cents += f.royalties_cents;
        total.royalties_invoiced_cents += f.royalties_invoiced_cents;
        total_forecast += forecast.unwrap_or(0);
        rows.push(row(i, c.name.clone(), c.slug.clone(), &f, forecast));
    }
    let total = row(
        i,
        i.t("network-total"),
        String::new(),
        &total,
        (total_forecast > 0).then_some(total_forecast),
    );

    // The pilot: the one chosen, else the first micro-centre, else the first centre.
    let pilot = centres
        .iter()
        .find(|c| c.slug == q.pilote)
        .or_else(|| centres.iter().find(|c| c.kind == CentreKind::MicroCentre))
        .or_else(|| centres.first());
    let last = month_index(year, 12);
    let first = last - PILOT_MONTHS as i64 + 1;
    let (fy, fm) = year_month(first);
    let first_day = format!("{fy:04}-{fm:02}-01");
    let (mut chart, mut months, mut has_budget, mut pilot_name) =
        (String::new(), Vec::new(), false, String::new());
    if let Some(p) = pilot {
        pilot_name = p.name.clone();
        let invoiced: Vec<(i64, i64)> = store::network::invoiced_by_month(
            &state.db,
            p.id,
            &first_day,
            &format!("{year:04}-12-31"),
        )
        .await?
        .into_iter()
        .filter_map(|(m, cents)| Some((month_of(&m)?, cents)))
        .collect();
        let invoiced = monthly(&invoiced, first, PILOT_MONTHS);
        let planned: Vec<i64> = match budgets.get(&p.id) {
            Some(budget) => {
                has_budget = true;
                monthly(
                    &forecast_months(budget.0, &budget.1).collect::<Vec<_>>(),
                    first,
                    PILOT_MONTHS,
                )
            }
            None => vec![0; PILOT_MONTHS],
        };
        let since = domain::time_zone::from_paris(time::PrimitiveDateTime::new(
            time::Date::from_calendar_date(
                fy,
                time::Month::try_from(fm).unwrap_or(time::Month::January),
                1,
            )
            .map_err(|e| crate::error::WebError::Internal(e.to_string()))?,
            time::Time::MIDNIGHT,
        ))
        .unwrap_or_default();
        let mut projects = Vec::new();
        let mut people = Vec::new();
        for (kind, at) in store::network::arrivals(&state.db, p.id, since).await? {
            let d = domain::time_zone::to_paris(at);
            let m = month_index(d.year(), u8::from(d.month()));
            if kind == "project" {
                projects.push((m, 1));
            } else {
                people.push((m, 1));
            }
        }
        let projects = monthly(&projects, first, PILOT_MONTHS);
        let people = monthly(&people, first, PILOT_MONTHS);
        chart = crate::forecasts::charts::actual_vs_planned(
            &invoiced,
            &planned,
            &i.ta("network-pilot-chart", &[("centre", &p.name)]),
        );
        // The table: the chosen year's twelve months, latest first.
        months = (PILOT_MONTHS - 12..PILOT_MONTHS)
            .rev()
            .map(|k| {
                let (y, m) = year_month(first + k as i64);
                MonthRow {
                    label: format!("{} {}", i.t(&format!("month-{m}")), y),
                    invoiced: i.money(invoiced[k]),
                    forecast: if has_budget {
                        i.money(planned[k])
                    } else {
                        "—".into()
                    },
                    projects: i.number(projects[k]),
                    participants: i.number(people[k]),
                }
            })
            .collect();
    }
    let view = DashboardView {
        layout: Layout::new(&state, &ctx, i.t("network-title")),
        year,
        years: (0..YEARS)
            .map(|k| (this_year - k, this_year - k == year))
            .collect(),
        pilots: centres
            .iter()
            .map(|c| {
                (
                    c.slug.clone(),
                    c.name.clone(),
                    pilot.is_some_and(|p| p.id == c.id),
                )
            })
            .collect(),
        rows,
        total,
        pilot_name,
        chart,
        has_budget,
        months,
    };
    Ok(Html(view.render()?).into_response())
}

fn row(
    i: I18n,
    name: String,
    slug: String,
    f: &store::network::CentreFigures,
    forecast: Option<i64>,
) -> Row {
    let share = forecast.and_then(|p| percent(f.invoiced_cents, p));
    Row {
        name,
        slug,
        projects: i.number(f.projects),
        participants: i.number(f.participants),
        cohorts: i.number(f.cohorts),
        nps: nps_text(i, f.answers, f.promoters, f.detractors),
        answers: i.number(f.answers),
        invoiced: i.money(f.invoiced_cents),
        forecast: forecast.map(|p| i.money(p)).unwrap_or_else(|| "—".into()),
        share: share
            .map(|s| i.ta("network-percent", &[("value", &i.number(s))]))
            .unwrap_or_else(|| "—".into()),
        behind: share.is_some_and(|s| s < 90),
        indicators: i.number(f.indicators),
        measurements: i.number(f.measurements),
        royalties: i.money(f.royalties_cents),
        royalties_due: match f.royalties_cents - f.royalties_invoiced_cents {
            due if due > 0 => i.ta("network-royalties-due", &[("amount", &i.money(due))]),
            _ => String::new(),
        },
    }
}
