//! The impact report (the projects of the centres a person may read, filtered by period, SDG,
//! centre and cohort) and its CSV, XLSX and PDF exports. A centre manager reads their centre's;
//! the network team every centre's, or one.
use super::with_unit;
use super::xlsx::{self, Cell};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::scope::{self, Reach};
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use domain::impact::{self, Aggregation, IndicatorTotal};
use domain::tracking;
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub from: String,
    pub to: String,
    pub sdg: String,
    pub centre: String,
    pub cohort: String,
}

/// A checked filter: dates as `YYYY-MM-DD`, SDG 1–17 or none, centre and cohort ids or none.
pub struct Checked {
    pub from: String,
    pub to: String,
    pub sdg: Option<u8>,
    pub centre: Option<i64>,
    pub cohort: Option<i64>,
}

fn check(
    reach: &Reach,
    cohorts: &[store::cohorts::Cohort],
    f: &Filter,
    i: I18n,
    errors: &mut FieldErrors,
) -> Checked {
    let today = crate::tracking::today();
    let year_start = tracking::iso(
        time::Date::from_calendar_date(today.year(), time::Month::January, 1).unwrap_or(today),
    );
    let mut date = |field: &'static str, text: &str, default: String| {
        match tracking::parse_optional_date(text) {
            Ok(Some(d)) => tracking::iso(d),
            Ok(None) => default,
            Err(e) => {
                errors.add(field, i, e.message_key());
                default
            }
        }
    };
    let from = date("from", &f.from, year_start);
    let to = date("to", &f.to, tracking::iso(today));
    if from > to {
        errors.add("to", i, "impact-error-period");
    }
    let sdg = f
        .sdg
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|g| (1..=17).contains(g));
    let centre = reach.chosen(f.centre.trim().parse::<i64>().unwrap_or(0));
    // A cohort of another centre than the one chosen is dropped, not shown empty.
    let cohort = f.cohort.trim().parse::<i64>().ok().filter(|c| {
        cohorts
            .iter()
            .any(|x| x.id == *c && centre.is_none_or(|centre| x.centre_id == centre))
    });
    Checked {
        from,
        to,
        sdg,
        centre,
        cohort,
    }
}

/// The filter of one request, checked against what the person may read.
struct Scoped {
    reach: Reach,
    cohorts: Vec<store::cohorts::Cohort>,
    checked: Checked,
    errors: FieldErrors,
}

async fn scoped(state: &AppState, ctx: &Ctx, query: Option<String>) -> WebResult<Scoped> {
    let reach = scope::reach(state, ctx, Action::ViewImpactReport).await?;
    let all = state
        .reads
        .get_or_read("cohorts".into(), store::cohorts::all(&state.db))
        .await?;
    let cohorts: Vec<_> = all
        .iter()
        .filter(|c| reach.all || reach.centres.iter().any(|(id, _)| *id == c.centre_id))
        .cloned()
        .collect();
    let mut errors = FieldErrors::default();
    let checked = check(&reach, &cohorts, &parse_filter(query), ctx.i, &mut errors);
    Ok(Scoped {
        reach,
        cohorts,
        checked,
        errors,
    })
}

/// The totals for a checked filter (kept a few seconds per period, centre and cohort in
/// `AppState::reads`: the figures of every project of the network).
pub async fn totals(state: &AppState, f: &Checked) -> WebResult<Vec<IndicatorTotal>> {
    let key = format!("impact:{}:{}:{:?}:{:?}", f.from, f.to, f.centre, f.cohort);
    let all = state
        .reads
        .get_or_read(key, async {
            let figures = store::impact::figures(
                &state.db,
                &f.from,
                &f.to,
                store::impact::Among {
                    centre: f.centre,
                    cohort: f.cohort,
                },
            )
            .await?;
            Ok::<_, WebError>(impact::aggregate(&figures))
        })
        .await?;
    Ok(all
        .iter()
        .filter(|t| {
            f.sdg
                .is_none_or(|g| impact::indicator(&t.code).is_some_and(|ind| ind.sdgs.contains(&g)))
        })
        .cloned()
        .collect())
}

pub struct Row {
    pub code: String,
    pub name: String,
    pub value: String,
    pub aggregation: String,
    pub reporting: String,
    pub missing: String,
    pub carried: String,
    pub sdgs: Vec<super::sdg::Sdg>,
    /// « 3 projets comptés », under the figure.
    pub counted: String,
    /// Whether any project measured it (a figure is shown only then).
    pub measured: bool,
}

pub fn rows(i: I18n, totals: &[IndicatorTotal]) -> Vec<Row> {
    totals
        .iter()
        .filter_map(|t| {
            let ind = impact::indicator(&t.code)?;
            Some(Row {
                code: t.code.clone(),
                name: ind.text(i.locale).name.clone(),
                value: if t.reporting > 0 {
                    with_unit(i, t.value, t.unit)
                } else {
                    "—".into()
                },
                aggregation: i.t(match t.aggregation {
                    Aggregation::Sum => "impact-aggregation-sum",
                    Aggregation::Mean => "impact-aggregation-mean",
                }),
                reporting: i.number(t.reporting as i64),
                missing: i.number(t.missing as i64),
                carried: i.number(t.carried as i64),
                sdgs: super::sdg::badges(i, &ind.sdgs),
                counted: i.tn("impact-figure-projects", t.reporting as i64),
                measured: t.reporting > 0,
            })
        })
        .collect()
}

#[derive(Template)]
#[template(path = "impact/report.html")]
struct ReportView {
    layout: Layout,
    errors: FieldErrors,
    from: String,
    to: String,
    period_label: String,
    centres: Vec<(i64, String)>,
    /// The centre shown, or "every centre".
    scope_label: String,
    /// Whether "every centre" may be chosen (the network team).
    all_centres: bool,
    /// Whether the link to the network's yearly review is shown.
    review: bool,
    centre: i64,
    cohorts: Vec<(i64, String)>,
    cohort: i64,
    sdg: u8,
    sdgs: Vec<super::sdg::Sdg>,
    /// How many filters narrow the report (goal, centre, cohort), shown on the folded filters.
    active_filters: String,
    rows: Vec<Row>,
    query: String,
}

fn parse_filter(query: Option<String>) -> Filter {
    query
        .and_then(|q| serde_urlencoded::from_str(&q).ok())
        .unwrap_or_default()
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let i = ctx.i;
    let Scoped {
        reach,
        cohorts,
        checked,
        errors,
    } = scoped(&state, &ctx, query).await?;
    let totals = totals(&state, &checked).await?;
    let query = serde_urlencoded::to_string([
        ("from", checked.from.as_str()),
        ("to", checked.to.as_str()),
        (
            "sdg",
            &checked.sdg.map(|g| g.to_string()).unwrap_or_default(),
        ),
        (
            "centre",
            &checked.centre.map(|c| c.to_string()).unwrap_or_default(),
        ),
        (
            "cohort",
            &checked.cohort.map(|c| c.to_string()).unwrap_or_default(),
        ),
    ])
    .unwrap_or_default();
    let view = ReportView {
        layout: Layout::new(&state, &ctx, i.t("impact-report-title")),
        period_label: i.ta(
            "timeline-dates",
            &[
                ("from", &crate::tracking::day(i, &checked.from)),
                ("to", &crate::tracking::day(i, &checked.to)),
            ],
        ),
        from: checked.from.clone(),
        to: checked.to.clone(),
        cohorts: cohorts
            .iter()
            .map(|c| {
                let centre = reach.centres.iter().find(|(id, _)| *id == c.centre_id);
                let centre = centre.map_or("", |(_, name)| name.as_str());
                (c.id, format!("{centre} · {}", c.name))
            })
            .collect(),
        scope_label: match checked.centre {
            Some(c) => reach
                .centres
                .iter()
                .find(|(id, _)| *id == c)
                .map(|(_, name)| name.clone())
                .unwrap_or_default(),
            None => i.t("impact-filter-all-centres"),
        },
        all_centres: reach.all,
        review: ctx.actor.can(Action::RecordNetworkReview, Scope::Network),
        centres: reach.centres,
        centre: checked.centre.unwrap_or(0),
        cohort: checked.cohort.unwrap_or(0),
        sdg: checked.sdg.unwrap_or(0),
        sdgs: super::sdg::all(i),
        active_filters: i.tn(
            "filters-summary",
            [
                checked.sdg.is_some(),
                reach.all && checked.centre.is_some(),
                checked.cohort.is_some(),
            ]
            .iter()
            .filter(|on| **on)
            .count() as i64,
        ),
        rows: rows(i, &totals),
        query,
        errors,
    };
    Ok(Html(view.render()?).into_response())
}

/// A value in thousandths written for files: `1234.5` (no grouping, `.` decimal point).
fn plain(value: i64) -> String {
    impact::format_quantity(domain::Locale::En, value).replace(',', "")
}

fn table(i: I18n, totals: &[IndicatorTotal]) -> Vec<Vec<Cell>> {
    let mut out = vec![
        [
            "impact-col-code",
            "impact-col-indicator",
            "impact-col-unit",
            "impact-col-aggregation",
            "impact-col-value",
            "impact-col-reporting",
            "impact-col-missing",
            "impact-col-carried",
            "impact-col-measurements",
        ]
        .iter()
        .map(|k| Cell::Text(i.t(k)))
        .collect::<Vec<_>>(),
    ];
    for t in totals {
        let Some(ind) = impact::indicator(&t.code) else {
            continue;
        };
        out.push(vec![
            Cell::Text(t.code.clone()),
            Cell::Text(ind.text(i.locale).name.clone()),
            Cell::Text(i.t(&format!("unit-name-{}", t.unit.code()))),
            Cell::Text(i.t(match t.aggregation {
                Aggregation::Sum => "impact-aggregation-sum",
                Aggregation::Mean => "impact-aggregation-mean",
            })),
            if t.reporting > 0 {
                Cell::Number(plain(t.value))
            } else {
                Cell::Text(String::new())
            },
            Cell::Number(t.reporting.to_string()),
            Cell::Number(t.missing.to_string()),
            Cell::Number(t.carried.to_string()),
            Cell::Number(t.measurements.to_string()),
        ]);
    }
    out
}

/// The checked filter and totals of an export, which is recorded in the audit log.
async fn export_data(
    state: &AppState,
    ctx: &Ctx,
    query: Option<String>,
    what: &str,
) -> WebResult<(Checked, Vec<IndicatorTotal>, String)> {
    let Scoped {
        checked, errors, ..
    } = scoped(state, ctx, query).await?;
    if !errors.is_empty() {
        return Err(WebError::BadRequest("impact-error-filter"));
    }
    let totals = totals(state, &checked).await?;
    store::audit::record(
        &state.db,
        AuditAction::ReportExported,
        Entry {
            actor_id: ctx.actor.user_id,
            detail: what,
            ..Entry::default()
        },
    )
    .await?;
    let name = format!("impact-{}-{}", checked.from, checked.to);
    Ok((checked, totals, name))
}

fn attachment(bytes: Vec<u8>, content_type: &'static str, file: &str) -> Response {
    respond::file(bytes, content_type, Disposition::Attachment, file)
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let (_, totals, name) = export_data(&state, &ctx, query, "csv").await?;
    let rows: Vec<Vec<String>> = table(ctx.i, &totals)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| match c {
                    Cell::Number(n) | Cell::Text(n) => n,
                })
                .collect()
        })
        .collect();
    Ok(attachment(
        respond::csv(&rows).into_bytes(),
        "text/csv; charset=utf-8",
        &format!("{name}.csv"),
    ))
}

pub async fn xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let (_, totals, name) = export_data(&state, &ctx, query, "xlsx").await?;
    let bytes = xlsx::workbook(&ctx.i.t("impact-report-sheet"), &table(ctx.i, &totals))
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(attachment(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("{name}.xlsx"),
    ))
}

/// `GET /impact/report.pdf`: the year-end impact report (same filters as the page) as a PDF.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let i = ctx.i;
    let (checked, totals, name) = export_data(&state, &ctx, query, "pdf").await?;
    let period = i.ta(
        "timeline-dates",
        &[
            ("from", &crate::tracking::day(i, &checked.from)),
            ("to", &crate::tracking::day(i, &checked.to)),
        ],
    );
    let table_rows: Vec<Vec<String>> = rows(i, &totals)
        .into_iter()
        .map(|r| vec![r.name, r.value, r.aggregation, r.reporting, r.missing])
        .collect();
    let mut sections = vec![documents::Section {
        heading: i.t("impact-pdf-figures"),
        level: 1,
        page_break: false,
        blocks: vec![
            documents::Block::Paragraph {
                text: i.t("impact-report-note"),
            },
            documents::Block::Table {
                columns: vec![
                    i.t("impact-col-indicator"),
                    i.t("impact-col-value"),
                    i.t("impact-col-aggregation"),
                    i.t("impact-col-reporting"),
                    i.t("impact-col-missing"),
                ],
                numeric: vec![false, true, false, true, true],
                rows: table_rows,
            },
        ],
    }];
    // The network's yearly review goes with the whole network's figures only.
    let review = if checked.centre.is_none() && checked.cohort.is_none() {
        store::impact::reviews(&state.db).await?.into_iter().next()
    } else {
        None
    };
    if let Some(r) = review {
        let mut blocks = Vec::new();
        for (key, text) in [
            ("review-financial", &r.financial),
            ("review-cohorts", &r.cohorts),
            ("review-feedback", &r.feedback),
        ] {
            if !text.is_empty() {
                blocks.push(documents::Block::Labelled {
                    label: i.t(key),
                    text: text.clone(),
                });
            }
        }
        let objectives = store::impact::objectives(&state.db, r.id).await?;
        if !objectives.is_empty() {
            blocks.push(documents::Block::Table {
                columns: vec![
                    i.t("impact-col-indicator"),
                    i.ta("review-achieved", &[("year", &r.year.to_string())]),
                    i.ta("review-target", &[("year", &(r.year + 1).to_string())]),
                    i.t("review-note"),
                ],
                numeric: vec![false, true, true, false],
                rows: objectives
                    .iter()
                    .filter_map(|o| {
                        let ind = impact::indicator(&o.indicator_code)?;
                        Some(vec![
                            ind.text(i.locale).name.clone(),
                            o.achieved
                                .map(|a| with_unit(i, a, ind.unit))
                                .unwrap_or_default(),
                            with_unit(i, o.target, ind.unit),
                            o.note.clone(),
                        ])
                    })
                    .collect(),
            });
        }
        sections.push(documents::Section {
            heading: i.ta("review-title", &[("year", &r.year.to_string())]),
            level: 1,
            page_break: true,
            blocks,
        });
    }
    let report = documents::Report {
        lang: i.code().to_string(),
        title: i.t("impact-report-title"),
        subtitle: period,
        meta: vec![i.date(store::now())],
        footer: "Impact Studio".into(),
        sections,
    };
    let bytes = respond::pdf(documents::Template::Report, report).await?;
    Ok(attachment(bytes, respond::PDF, &format!("{name}.pdf")))
}
