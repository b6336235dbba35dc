//! The year's review, for the network team (`/reseau/bilan/{year}`, every centre) and for a
//! centre's managers (`/centres/{slug}/bilan/{year}`, their centre): finance (each budget's
//! forecast against its actuals, from the forecasts module), impact (the objectives set for
//! the year against what was reached, and the indicators' totals), cohorts and feedback, in
//! one page and one PDF built from the same parts. Next year's objectives are set there as
//! measurable targets (a figure or an indicator, a target in its unit, a deadline) and become
//! next year's roadmap (one item per objective, the roadmap Markdown format), once.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::forecast::actuals::Category;
use domain::forecast::{compute, parse};
use domain::review::{Figure, FinanceLine, Objective, RoadmapWords};
use domain::survey::nps_of_counts;
use domain::{Action, Scope};
use serde::Deserialize;
use std::collections::HashMap;
use store::audit::{AuditAction, Entry};
use store::centres::CentreSummary;

/// Whose review: the network's, or one centre's.
pub enum Who {
    Network,
    Centre(CentreSummary),
}

impl Who {
    fn centre_id(&self) -> Option<i64> {
        match self {
            Who::Network => None,
            Who::Centre(c) => Some(c.id),
        }
    }
    fn base(&self, year: i32) -> String {
        match self {
            Who::Network => format!("/reseau/bilan/{year}"),
            Who::Centre(c) => format!("/centres/{}/bilan/{year}", c.slug),
        }
    }
}

async fn network(state: &AppState, ctx: &Ctx) -> WebResult<Who> {
    let _ = state;
    ctx.authorize(Action::RecordNetworkReview, Scope::Network)?;
    Ok(Who::Network)
}

async fn centre(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<Who> {
    let c = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ReviewCentreYear, Scope::Centre(c.id))?;
    Ok(Who::Centre(c))
}

fn year_of(text: &str) -> WebResult<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or(WebError::NotFound)
}

/// A table of the review, shown on the page and printed in the PDF alike.
pub struct Table {
    pub columns: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// A part of the review: its heading, a line under it, its tables (or what says it is empty).
pub struct Part {
    pub id: &'static str,
    pub heading: String,
    pub lead: String,
    pub tables: Vec<(String, Table)>,
    pub empty: String,
}

pub struct ObjectiveLine {
    pub id: i64,
    pub label: String,
    pub figure: String,
    pub target: String,
    pub deadline: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ObjectiveForm {
    pub label: String,
    pub figure: String,
    pub target: String,
    pub deadline: String,
}

#[derive(Template)]
#[template(path = "network/review.html")]
struct ReviewView {
    layout: Layout,
    base: String,
    previous: String,
    year: i32,
    next: i32,
    parts: Vec<Part>,
    objectives: Vec<ObjectiveLine>,
    /// The roadmap made of next year's objectives, if made.
    roadmap: Option<i64>,
    figures: Vec<crate::contacts::Opt>,
    form: ObjectiveForm,
    errors: FieldErrors,
}

/// Everything the review reads, in five statements (the indicators' totals are kept a few
/// seconds by `impact::report::totals`).
struct Read {
    figures: Vec<store::network::CentreFigures>,
    finance: Vec<(Category, FinanceLine)>,
    months_with_actuals: bool,
    cohorts: Vec<store::review::CohortLine>,
    objectives: Vec<store::review::ObjectiveRow>,
    indicators: Vec<domain::impact::IndicatorTotal>,
}

fn period(year: i32) -> WebResult<store::network::Period> {
    let at = |y: i32| -> WebResult<i64> {
        let day = time::Date::from_calendar_date(y, time::Month::January, 1)
            .map_err(|e| WebError::Internal(e.to_string()))?;
        Ok(
            domain::time_zone::from_paris(time::PrimitiveDateTime::new(day, time::Time::MIDNIGHT))
                .unwrap_or_default(),
        )
    };
    Ok(store::network::Period {
        year,
        from: at(year)?,
        to: at(year + 1)?,
    })
}

async fn read(state: &AppState, who: &Who, year: i32) -> WebResult<Read> {
    let centre = who.centre_id();
    let figures: Vec<store::network::CentreFigures> =
        store::network::centre_figures(&state.db, &period(year)?)
            .await?
            .into_iter()
            .filter(|f| centre.is_none_or(|c| c == f.centre_id))
            .collect();
    let budgets: Vec<store::forecasts::ForecastRow> = store::forecasts::centre_budgets(&state.db)
        .await?
        .into_iter()
        .filter(|b| centre.is_none_or(|c| c == b.centre_id))
        .collect();
    let mut actuals: HashMap<i64, Vec<store::forecasts::ActualRow>> = HashMap::new();
    if !budgets.is_empty() {
        for r in store::forecasts::centre_budget_actuals(&state.db).await? {
            actuals.entry(r.forecast_id).or_default().push(r.actual);
        }
    }
    let mut finance: Vec<(Category, FinanceLine)> = Category::ALL
        .into_iter()
        .map(|c| (c, FinanceLine::default()))
        .collect();
    for b in &budgets {
        let Ok(plan) = parse(&b.document) else {
            continue;
        };
        let monthly = compute(&plan).monthly;
        let rows = actuals.get(&b.id).map(Vec::as_slice).unwrap_or_default();
        let list = crate::forecasts::actuals::from_rows(rows);
        for (c, line) in domain::review::finance(plan.start, &monthly, &list, year) {
            if let Some(slot) = finance.iter_mut().find(|(k, _)| *k == c) {
                slot.1 += line;
            }
        }
    }
    let months_with_actuals = finance
        .iter()
        .any(|(_, l)| l.planned_to_date != 0 || l.actual != 0);
    let cohorts = store::review::cohorts(
        &state.db,
        centre,
        &format!("{year:04}-01-01"),
        &format!("{year:04}-12-31"),
    )
    .await?;
    let objectives = store::review::objectives(&state.db, centre, i64::from(year)).await?;
    let indicators = crate::impact::report::totals(
        state,
        &crate::impact::report::Checked {
            from: format!("{year:04}-01-01"),
            to: format!("{year:04}-12-31"),
            sdg: None,
            centre,
            cohort: None,
        },
    )
    .await?;
    Ok(Read {
        figures,
        finance: if budgets.is_empty() {
            Vec::new()
        } else {
            finance
        },
        months_with_actuals,
        cohorts,
        objectives,
        indicators,
    })
}

/// What a figure reached in the year, in its stored scale.
fn reached(r: &Read, figure: &Figure) -> Option<i64> {
    let sum = |f: fn(&store::network::CentreFigures) -> i64| r.figures.iter().map(f).sum::<i64>();
    Some(match figure {
        Figure::Revenue => sum(|f| f.invoiced_cents),
        Figure::Participants => sum(|f| f.participants),
        Figure::Projects => sum(|f| f.projects),
        Figure::Cohorts => r.cohorts.len() as i64,
        Figure::Satisfaction => nps_of_counts(
            sum(|f| f.answers),
            sum(|f| f.promoters),
            sum(|f| f.detractors),
        )?,
        Figure::Indicator(code) => {
            r.indicators
                .iter()
                .find(|t| &t.code == code && t.reporting > 0)?
                .value
        }
    })
}

fn figure_name(i: I18n, f: &Figure) -> String {
    match (f.label_key(), f) {
        (Some(key), _) => i.t(key),
        (None, Figure::Indicator(code)) => domain::impact::indicator(code)
            .map(|ind| ind.text(i.locale).name.clone())
            .unwrap_or_else(|| code.clone()),
        (None, _) => String::new(),
    }
}

/// A stored target in words with its unit (« 40 participants », « 12 000,00 € »).
fn target_text(i: I18n, f: &Figure, value: i64) -> String {
    match f {
        Figure::Indicator(code) => match domain::impact::indicator(code) {
            Some(ind) => crate::impact::with_unit(i, value, ind.unit),
            None => f.format(i.locale, value),
        },
        Figure::Revenue => f.format(i.locale, value),
        _ => i.ta(
            &format!("review-unit-{}", f.unit()),
            &[("value", &f.format(i.locale, value))],
        ),
    }
}

fn day_text(i: I18n, day: &str) -> String {
    crate::tracking::day(i, day)
}

fn parts(i: I18n, who: &Who, r: &Read, centres: &[CentreSummary], year: i32) -> Vec<Part> {
    let money = |c: i64| i.money(c);
    let y = year.to_string();
    let mut out = Vec::new();

    // Finance.
    let mut finance_tables = Vec::new();
    if !r.finance.is_empty() {
        let mut rows = Vec::new();
        let mut totals = [FinanceLine::default(), FinanceLine::default()];
        for (c, l) in &r.finance {
            totals[usize::from(!c.is_revenue())] += *l;
            rows.push(vec![
                i.t(&format!("review-category-{}", c.code())),
                money(l.planned_year),
                money(l.planned_to_date),
                money(l.actual),
                money(l.actual - l.planned_to_date),
            ]);
        }
        for (k, key) in ["review-total-revenue", "review-total-expenses"]
            .iter()
            .enumerate()
        {
            let l = totals[k];
            rows.push(vec![
                i.t(key),
                money(l.planned_year),
                money(l.planned_to_date),
                money(l.actual),
                money(l.actual - l.planned_to_date),
            ]);
        }
        finance_tables.push((
            i.t("review-finance-table"),
            Table {
                columns: vec![
                    i.t("review-col-line"),
                    i.ta("review-col-planned-year", &[("year", &y)]),
                    i.t("review-col-planned-to-date"),
                    i.t("review-col-actual"),
                    i.t("review-col-variance"),
                ],
                numeric: vec![false, true, true, true, true],
                rows,
            },
        ));
    }
    let invoiced: i64 = r.figures.iter().map(|f| f.invoiced_cents).sum();
    out.push(Part {
        id: "review-finance",
        heading: i.t("review-part-finance"),
        lead: i.ta(
            if r.months_with_actuals {
                "review-finance-lead"
            } else {
                "review-finance-lead-no-actuals"
            },
            &[("invoiced", &money(invoiced))],
        ),
        tables: finance_tables,
        empty: i.t("review-finance-empty"),
    });

    // Impact: this year's objectives against what was reached, then the indicators.
    let mut impact_tables = Vec::new();
    let set: Vec<&store::review::ObjectiveRow> = r
        .objectives
        .iter()
        .filter(|o| o.year == i64::from(year) && o.figure != store::review::ROADMAP_ROW)
        .collect();
    if !set.is_empty() {
        let rows = set
            .iter()
            .filter_map(|o| {
                let f = Figure::parse(&o.figure).ok()?;
                let got = reached(r, &f);
                let share = got
                    .and_then(|g| domain::network::percent(g, o.target))
                    .map(|p| i.ta("network-percent", &[("value", &i.number(p))]))
                    .unwrap_or_else(|| "—".into());
                Some(vec![
                    o.label.clone(),
                    target_text(i, &f, o.target),
                    got.map(|g| target_text(i, &f, g))
                        .unwrap_or_else(|| "—".into()),
                    share,
                    day_text(i, &o.deadline),
                ])
            })
            .collect();
        impact_tables.push((
            i.ta("review-objectives-of", &[("year", &y)]),
            Table {
                columns: vec![
                    i.t("review-col-objective"),
                    i.t("review-col-target"),
                    i.t("review-col-reached"),
                    i.t("network-col-share"),
                    i.t("review-col-deadline"),
                ],
                numeric: vec![false, true, true, true, false],
                rows,
            },
        ));
    }
    let indicator_rows: Vec<Vec<String>> = r
        .indicators
        .iter()
        .filter(|t| t.reporting > 0)
        .filter_map(|t| {
            let ind = domain::impact::indicator(&t.code)?;
            Some(vec![
                ind.text(i.locale).name.clone(),
                crate::impact::with_unit(i, t.value, t.unit),
                i.number(t.reporting as i64),
            ])
        })
        .collect();
    if !indicator_rows.is_empty() {
        impact_tables.push((
            i.t("review-indicators"),
            Table {
                columns: vec![
                    i.t("impact-col-indicator"),
                    i.t("impact-col-value"),
                    i.t("impact-col-reporting"),
                ],
                numeric: vec![false, true, true],
                rows: indicator_rows,
            },
        ));
    }
    out.push(Part {
        id: "review-impact",
        heading: i.t("review-part-impact"),
        lead: i.t("review-impact-lead"),
        tables: impact_tables,
        empty: i.t("review-impact-empty"),
    });

    // Cohorts.
    let name_of = |id: i64| {
        centres
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let network = matches!(who, Who::Network);
    let mut columns = vec![i.t("review-col-cohort")];
    if network {
        columns.push(i.t("network-col-centre"));
    }
    columns.extend([
        i.t("review-col-dates"),
        i.t("network-col-projects"),
        i.t("review-col-people"),
    ]);
    let mut numeric = vec![false; columns.len() - 2];
    numeric.extend([true, true]);
    let cohort_rows: Vec<Vec<String>> = r
        .cohorts
        .iter()
        .map(|k| {
            let mut row = vec![k.name.clone()];
            if network {
                row.push(name_of(k.centre_id));
            }
            row.extend([
                i.ta(
                    "review-dates",
                    &[
                        ("from", &day_text(i, &k.starts_on)),
                        ("to", &day_text(i, &k.ends_on)),
                    ],
                ),
                i.number(k.projects),
                i.number(k.members),
            ]);
            row
        })
        .collect();
    out.push(Part {
        id: "review-cohorts",
        heading: i.t("review-part-cohorts"),
        lead: i.ta(
            "review-cohorts-lead",
            &[("count", &i.number(r.cohorts.len() as i64))],
        ),
        tables: if cohort_rows.is_empty() {
            Vec::new()
        } else {
            vec![(
                i.t("review-part-cohorts"),
                Table {
                    columns,
                    numeric,
                    rows: cohort_rows,
                },
            )]
        },
        empty: i.t("review-cohorts-empty"),
    });

    // Feedback and the year's figures, per centre.
    let sum = |f: fn(&store::network::CentreFigures) -> i64| r.figures.iter().map(f).sum::<i64>();
    let answers = sum(|f| f.answers);
    let nps = |a, p, d| match nps_of_counts(a, p, d) {
        Some(n) if n > 0 => format!("+{}", i.number(n)),
        Some(n) => i.number(n),
        None => "—".into(),
    };
    let rows: Vec<Vec<String>> = r
        .figures
        .iter()
        .map(|f| {
            vec![
                name_of(f.centre_id),
                i.number(f.participants),
                i.number(f.projects),
                i.number(f.answers),
                i.number(f.promoters),
                i.number(f.detractors),
                nps(f.answers, f.promoters, f.detractors),
            ]
        })
        .collect();
    out.push(Part {
        id: "review-feedback",
        heading: i.t("review-part-feedback"),
        lead: i.ta(
            "review-feedback-lead",
            &[
                ("count", &i.number(answers)),
                (
                    "score",
                    &nps(answers, sum(|f| f.promoters), sum(|f| f.detractors)),
                ),
            ],
        ),
        tables: vec![(
            i.t("review-part-feedback"),
            Table {
                columns: vec![
                    i.t("network-col-centre"),
                    i.t("network-col-participants"),
                    i.t("network-col-projects"),
                    i.t("review-col-answers"),
                    i.t("review-col-promoters"),
                    i.t("review-col-detractors"),
                    i.t("network-col-nps"),
                ],
                numeric: vec![false, true, true, true, true, true, true],
                rows,
            },
        )],
        empty: String::new(),
    });
    out
}

fn title(i: I18n, who: &Who, year: i32) -> String {
    match who {
        Who::Network => i.ta("review-year-title", &[("year", &year.to_string())]),
        Who::Centre(c) => i.ta(
            "review-year-title-centre",
            &[("year", &year.to_string()), ("centre", &c.name)],
        ),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    who: Who,
    year: i32,
    form: ObjectiveForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let r = read(state, &who, year).await?;
    let centres = state.centres().await?;
    let next = year + 1;
    let objectives = r
        .objectives
        .iter()
        .filter(|o| o.year == i64::from(next) && o.figure != store::review::ROADMAP_ROW)
        .filter_map(|o| {
            let f = Figure::parse(&o.figure).ok()?;
            Some(ObjectiveLine {
                id: o.id,
                label: o.label.clone(),
                figure: figure_name(i, &f),
                target: target_text(i, &f, o.target),
                deadline: day_text(i, &o.deadline),
            })
        })
        .collect();
    let roadmap = r
        .objectives
        .iter()
        .find(|o| o.figure == store::review::ROADMAP_ROW)
        .map(|o| o.id);
    let mut choices: Vec<(String, String)> = Figure::FIGURES
        .iter()
        .map(|f| (f.code(), figure_name(i, f)))
        .collect();
    choices.extend(domain::impact::catalogue().iter().map(|ind| {
        (
            Figure::Indicator(ind.code.clone()).code(),
            i.ta(
                "review-figure-indicator",
                &[("name", &ind.text(i.locale).name)],
            ),
        )
    }));
    let layout = Layout::new(state, ctx, title(i, &who, year));
    let layout = match &who {
        Who::Network => layout,
        Who::Centre(c) => layout.under(format!("/centres/{}", c.slug), c.name.clone()),
    };
    let view = ReviewView {
        layout,
        base: who.base(year),
        previous: who.base(year - 1),
        year,
        next,
        parts: parts(i, &who, &r, &centres, year),
        objectives,
        roadmap,
        figures: crate::contacts::opts(&form.figure, choices),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn empty_form(year: i32) -> ObjectiveForm {
    ObjectiveForm {
        figure: Figure::Participants.code(),
        deadline: format!("{:04}-12-31", year + 1),
        ..ObjectiveForm::default()
    }
}

pub async fn network_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(year): Path<String>,
) -> WebResult<Response> {
    let who = network(&state, &ctx).await?;
    let year = year_of(&year)?;
    render(
        &state,
        &ctx,
        who,
        year,
        empty_form(year),
        FieldErrors::default(),
    )
    .await
}

pub async fn centre_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, year)): Path<(String, String)>,
) -> WebResult<Response> {
    let who = centre(&state, &ctx, &slug).await?;
    let year = year_of(&year)?;
    render(
        &state,
        &ctx,
        who,
        year,
        empty_form(year),
        FieldErrors::default(),
    )
    .await
}

/// `/reseau/bilan`: this year's review.
pub async fn network_now(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    network(&state, &ctx).await?;
    let year = domain::time_zone::to_paris(store::now()).year();
    Ok(axum::response::Redirect::to(&format!("/reseau/bilan/{year}")).into_response())
}

async fn audit(state: &AppState, ctx: &Ctx, who: &Who, detail: &str) -> WebResult<()> {
    store::audit::record(
        &state.db,
        AuditAction::ReviewRecorded,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id: who.centre_id(),
            detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}

async fn add(
    state: &AppState,
    ctx: &Ctx,
    who: Who,
    year: i32,
    form: ObjectiveForm,
) -> WebResult<Response> {
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let label = errors.check("label", i, text(&form.label, 200));
    let figure = errors.check("figure", i, Figure::parse(&form.figure));
    let target = match &figure {
        Some(f) => errors.check("target", i, f.target(&form.target)),
        None => None,
    };
    let deadline = match domain::tracking::parse_date(&form.deadline) {
        Ok(d) if d.year() == year + 1 => Some(d),
        Ok(_) => {
            errors.add("deadline", i, "review-error-deadline-year");
            None
        }
        Err(e) => {
            errors.add("deadline", i, e.message_key());
            None
        }
    };
    let (Some(label), Some(figure), Some(target), Some(deadline)) =
        (label, figure, target, deadline)
    else {
        return render(state, ctx, who, year, form, errors).await;
    };
    store::review::add_objective(
        &state.db,
        &store::review::NewObjective {
            centre_id: who.centre_id(),
            year: i64::from(year + 1),
            label: &label,
            figure: &figure.code(),
            target,
            unit: &figure.unit(),
            deadline: &domain::tracking::iso(deadline),
            created_by: ctx.user.as_ref().map(|u| u.id),
        },
    )
    .await?;
    audit(state, ctx, &who, "objective_added").await?;
    Ok(redirect_with_flash(
        &format!("{}#h-review-objectives", who.base(year)),
        "flash-review-objective-added",
        state,
    ))
}

pub async fn network_add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(year): Path<String>,
    Form(form): Form<ObjectiveForm>,
) -> WebResult<Response> {
    let who = network(&state, &ctx).await?;
    add(&state, &ctx, who, year_of(&year)?, form).await
}

pub async fn centre_add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, year)): Path<(String, String)>,
    Form(form): Form<ObjectiveForm>,
) -> WebResult<Response> {
    let who = centre(&state, &ctx, &slug).await?;
    add(&state, &ctx, who, year_of(&year)?, form).await
}

async fn remove(state: &AppState, ctx: &Ctx, who: Who, year: i32, id: i64) -> WebResult<Response> {
    if !store::review::remove_objective(&state.db, who.centre_id(), id).await? {
        return Err(WebError::NotFound);
    }
    audit(state, ctx, &who, "objective_removed").await?;
    Ok(redirect_with_flash(
        &format!("{}#h-review-objectives", who.base(year)),
        "flash-review-objective-removed",
        state,
    ))
}

pub async fn network_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((year, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let who = network(&state, &ctx).await?;
    remove(&state, &ctx, who, year_of(&year)?, id).await
}

pub async fn centre_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, year, id)): Path<(String, String, i64)>,
) -> WebResult<Response> {
    let who = centre(&state, &ctx, &slug).await?;
    remove(&state, &ctx, who, year_of(&year)?, id).await
}

/// The roadmap's words in the reader's language.
fn words(i: I18n) -> RoadmapWords {
    RoadmapWords {
        phase: i.t("review-roadmap-phase"),
        quarters: [1, 2, 3, 4].map(|q| i.t(&format!("review-roadmap-quarter-{q}"))),
        month_names: std::array::from_fn(|m| i.t(&format!("month-{}", m + 1))),
        by: i.t("review-roadmap-by"),
    }
}

/// Makes next year's roadmap from its objectives (once: a second time shows the first).
async fn make_roadmap(state: &AppState, ctx: &Ctx, who: Who, year: i32) -> WebResult<Response> {
    let i = ctx.i;
    let next = year + 1;
    let rows = store::review::objectives(&state.db, who.centre_id(), i64::from(year)).await?;
    if let Some(existing) = rows.iter().find(|o| o.figure == store::review::ROADMAP_ROW) {
        return Ok(redirect_with_flash(
            &format!("/roadmaps/{}", existing.id),
            "flash-review-roadmap-exists",
            state,
        ));
    }
    let objectives: Vec<Objective> = rows
        .iter()
        .filter(|o| o.year == i64::from(next))
        .filter_map(|o| {
            let f = Figure::parse(&o.figure).ok()?;
            Some(Objective {
                label: o.label.clone(),
                target: target_text(i, &f, o.target),
                deadline: domain::tracking::parse_date(&o.deadline).ok()?,
            })
        })
        .collect();
    if objectives.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("label", i, "review-error-no-objectives");
        return render(state, ctx, who, year, empty_form(year), errors).await;
    }
    let name = match &who {
        Who::Network => i.t("review-roadmap-network"),
        Who::Centre(c) => c.name.clone(),
    };
    let (_, roadmap) = domain::review::roadmap(
        &i.ta(
            "review-roadmap-title",
            &[("year", &next.to_string()), ("name", &name)],
        ),
        &i.ta("review-roadmap-intro", &[("year", &year.to_string())]),
        next,
        &objectives,
        &words(i),
    )
    .map_err(|e| WebError::Internal(e.to_string()))?;
    let centre_id = match &who {
        Who::Network => state.studio_id().await?.ok_or(WebError::NotFound)?,
        Who::Centre(c) => c.id,
    };
    let user = ctx.require_user()?;
    let start = format!("{next:04}-01-01");
    let mut tx = state.db.begin().await?;
    let id = store::roadmaps::create(
        &mut tx,
        centre_id,
        None,
        &roadmap,
        Some(start.as_str()),
        Some(user.id),
    )
    .await?;
    match store::review::set_roadmap_in(&mut tx, who.centre_id(), i64::from(next), id).await {
        Ok(()) => {}
        // Made meanwhile by another request: this one rolls back.
        Err(store::StoreError::Duplicate) => {
            return Ok(redirect_with_flash(
                &who.base(year),
                "flash-review-roadmap-exists",
                state,
            ));
        }
        Err(e) => return Err(e.into()),
    }
    store::audit::record(
        &mut tx,
        AuditAction::RoadmapImported,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(centre_id),
            subject_id: Some(id),
            detail: "year_review",
        },
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/roadmaps/{id}"),
        "flash-review-roadmap-made",
        state,
    ))
}

pub async fn network_roadmap(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(year): Path<String>,
) -> WebResult<Response> {
    let who = network(&state, &ctx).await?;
    make_roadmap(&state, &ctx, who, year_of(&year)?).await
}

pub async fn centre_roadmap(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, year)): Path<(String, String)>,
) -> WebResult<Response> {
    let who = centre(&state, &ctx, &slug).await?;
    make_roadmap(&state, &ctx, who, year_of(&year)?).await
}

/// The review as one PDF: the page's parts, then next year's objectives.
async fn pdf(state: &AppState, ctx: &Ctx, who: Who, year: i32) -> WebResult<Response> {
    let i = ctx.i;
    let r = read(state, &who, year).await?;
    let centres = state.centres().await?;
    let mut sections: Vec<documents::Section> = parts(i, &who, &r, &centres, year)
        .into_iter()
        .map(|p| {
            let mut blocks = vec![documents::Block::Paragraph { text: p.lead }];
            if p.tables.is_empty() && !p.empty.is_empty() {
                blocks.push(documents::Block::Paragraph { text: p.empty });
            }
            for (caption, t) in p.tables {
                blocks.push(documents::Block::Labelled {
                    label: caption,
                    text: String::new(),
                });
                blocks.push(documents::Block::Table {
                    columns: t.columns,
                    numeric: t.numeric,
                    rows: t.rows,
                });
            }
            documents::Section {
                heading: p.heading,
                level: 1,
                page_break: false,
                blocks,
            }
        })
        .collect();
    let next = year + 1;
    let rows: Vec<Vec<String>> = r
        .objectives
        .iter()
        .filter(|o| o.year == i64::from(next) && o.figure != store::review::ROADMAP_ROW)
        .filter_map(|o| {
            let f = Figure::parse(&o.figure).ok()?;
            Some(vec![
                o.label.clone(),
                figure_name(i, &f),
                target_text(i, &f, o.target),
                day_text(i, &o.deadline),
            ])
        })
        .collect();
    sections.push(documents::Section {
        heading: i.ta("review-objectives-next", &[("year", &next.to_string())]),
        level: 1,
        page_break: false,
        blocks: if rows.is_empty() {
            vec![documents::Block::Paragraph {
                text: i.t("review-objectives-none-yet"),
            }]
        } else {
            vec![documents::Block::Table {
                columns: vec![
                    i.t("review-col-objective"),
                    i.t("review-col-figure"),
                    i.t("review-col-target"),
                    i.t("review-col-deadline"),
                ],
                numeric: vec![false, false, true, false],
                rows,
            }]
        },
    });
    let report = documents::Report {
        lang: i.code().into(),
        title: title(i, &who, year),
        subtitle: i.t("review-pdf-subtitle"),
        meta: vec![i.ta("review-pdf-made", &[("date", &i.date(store::now()))])],
        footer: title(i, &who, year),
        sections,
    };
    let bytes = crate::respond::pdf(documents::Template::Report, report).await?;
    Ok(crate::respond::file(
        bytes,
        "application/pdf",
        crate::respond::Disposition::Inline,
        &format!("bilan-{year}.pdf"),
    ))
}

pub async fn network_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(year): Path<String>,
) -> WebResult<Response> {
    let who = network(&state, &ctx).await?;
    pdf(&state, &ctx, who, year_of(&year)?).await
}

pub async fn centre_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, year)): Path<(String, String)>,
) -> WebResult<Response> {
    let who = centre(&state, &ctx, &slug).await?;
    pdf(&state, &ctx, who, year_of(&year)?).await
}
