//! The network report (every centre's projects, filtered by period, SDG, centre and cohort),
//! its CSV, XLSX and PDF exports, and the yearly review
//! with next year's objectives recorded against the year's figures.
use super::with_unit;
use super::xlsx::{self, Cell};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
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
    state_centres: &[store::centres::CentreSummary],
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
    let centre = f
        .centre
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|c| state_centres.iter().any(|x| x.id == *c));
    let cohort = f
        .cohort
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|c| cohorts.iter().any(|x| x.id == *c));
    Checked {
        from,
        to,
        sdg,
        centre,
        cohort,
    }
}

/// The network totals for a checked filter.
pub async fn totals(state: &AppState, f: &Checked) -> WebResult<Vec<IndicatorTotal>> {
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
    Ok(impact::aggregate(&figures)
        .into_iter()
        .filter(|t| {
            f.sdg
                .is_none_or(|g| impact::indicator(&t.code).is_some_and(|ind| ind.sdgs.contains(&g)))
        })
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
    pub sdgs: String,
}

fn rows(i: I18n, totals: &[IndicatorTotal]) -> Vec<Row> {
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
                sdgs: ind
                    .sdgs
                    .iter()
                    .map(|g| g.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
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
    centre: i64,
    cohorts: Vec<(i64, String)>,
    cohort: i64,
    sdg: u8,
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
    ctx.authorize(Action::ViewNetworkReport, Scope::Network)?;
    let i = ctx.i;
    let filter = parse_filter(query);
    let centres = state.centres().await?;
    let cohorts = store::cohorts::all(&state.db).await?;
    let mut errors = FieldErrors::default();
    let checked = check(&centres, &cohorts, &filter, i, &mut errors);
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
        centres: centres.iter().map(|c| (c.id, c.name.clone())).collect(),
        centre: checked.centre.unwrap_or(0),
        cohorts: cohorts
            .iter()
            .map(|c| {
                let centre = centres.iter().find(|x| x.id == c.centre_id);
                let centre = centre.map_or("", |x| x.name.as_str());
                (c.id, format!("{centre} · {}", c.name))
            })
            .collect(),
        cohort: checked.cohort.unwrap_or(0),
        sdg: checked.sdg.unwrap_or(0),
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

async fn export_data(
    state: &AppState,
    ctx: &Ctx,
    query: Option<String>,
    what: &str,
) -> WebResult<(Vec<Vec<Cell>>, String)> {
    ctx.authorize(Action::ViewNetworkReport, Scope::Network)?;
    let filter = parse_filter(query);
    let centres = state.centres().await?;
    let cohorts = store::cohorts::all(&state.db).await?;
    let mut errors = FieldErrors::default();
    let checked = check(&centres, &cohorts, &filter, ctx.i, &mut errors);
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
    Ok((
        table(ctx.i, &totals),
        format!("impact-{}-{}", checked.from, checked.to),
    ))
}

fn attachment(bytes: Vec<u8>, content_type: &'static str, file: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let (table, name) = export_data(&state, &ctx, query, "csv").await?;
    let mut out = String::from("\u{FEFF}");
    for row in table {
        let line: Vec<String> = row
            .into_iter()
            .map(|c| match c {
                Cell::Number(n) => n,
                Cell::Text(t) => {
                    // A leading formula character is neutralised (CSV injection).
                    let t = if t.starts_with(['=', '+', '-', '@']) {
                        format!("'{t}")
                    } else {
                        t
                    };
                    format!("\"{}\"", t.replace('"', "\"\""))
                }
            })
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    Ok(attachment(
        out.into_bytes(),
        "text/csv; charset=utf-8",
        &format!("{name}.csv"),
    ))
}

pub async fn xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let (table, name) = export_data(&state, &ctx, query, "xlsx").await?;
    let bytes = xlsx::workbook(&ctx.i.t("impact-report-sheet"), &table);
    Ok(attachment(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("{name}.xlsx"),
    ))
}

pub struct ObjectiveRow {
    pub code: String,
    pub name: String,
    pub achieved: String,
    pub target: String,
    pub note: String,
    pub growth: String,
}

#[derive(Template)]
#[template(path = "impact/review.html")]
struct ReviewView {
    layout: Layout,
    year: i64,
    period_from: String,
    period_to: String,
    financial: String,
    cohorts: String,
    feedback: String,
    recorded: String,
    figures: Vec<Row>,
    objectives: Vec<ObjectiveRow>,
    centres: Vec<(String, String)>,
    errors: FieldErrors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReviewQuery {
    pub year: String,
}

const DEFAULT_FROM: &str = crate::demo::ROADMAP_START;

fn default_to(from: &str) -> String {
    tracking::parse_date(from)
        .ok()
        .and_then(|d| d.replace_year(d.year() + 1).ok())
        .and_then(|d| d.previous_day())
        .map(tracking::iso)
        .unwrap_or_default()
}

async fn render_review(
    state: &AppState,
    ctx: &Ctx,
    year: i64,
    typed: Option<(Vec<(String, String)>, FieldErrors)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let stored = store::impact::find_review(&state.db, year).await?;
    let field = |name: &str, stored_value: Option<&str>, default: &str| -> String {
        match &typed {
            Some((pairs, _)) => pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.replace("\r\n", "\n"))
                .unwrap_or_default(),
            None => stored_value.unwrap_or(default).to_string(),
        }
    };
    let period_from = field(
        "period_from",
        stored.as_ref().map(|r| r.period_from.as_str()),
        DEFAULT_FROM,
    );
    let period_to = field(
        "period_to",
        stored.as_ref().map(|r| r.period_to.as_str()),
        &default_to(DEFAULT_FROM),
    );
    let checked = Checked {
        from: tracking::parse_date(&period_from)
            .map(tracking::iso)
            .unwrap_or_else(|_| DEFAULT_FROM.into()),
        to: tracking::parse_date(&period_to)
            .map(tracking::iso)
            .unwrap_or_else(|_| default_to(DEFAULT_FROM)),
        sdg: None,
        centre: None,
        cohort: None,
    };
    let totals = totals(state, &checked).await?;
    let saved = match &stored {
        Some(r) => store::impact::objectives(&state.db, r.id).await?,
        None => Vec::new(),
    };
    let objectives = totals
        .iter()
        .filter(|t| t.reporting > 0)
        .filter_map(|t| {
            let ind = impact::indicator(&t.code)?;
            let s = saved.iter().find(|o| o.indicator_code == t.code);
            let target = field(
                &format!("target-{}", t.code),
                s.map(|o| impact::format_quantity(i.locale, o.target))
                    .as_deref(),
                "",
            );
            let growth = s
                .filter(|_| typed.is_none())
                .and_then(|o| {
                    let base = o.achieved.unwrap_or(t.value);
                    (base != 0).then(|| (o.target - base) * 100 / base.abs())
                })
                .map(|g| i.ta("review-growth", &[("percent", &format!("{g:+}"))]))
                .unwrap_or_default();
            Some(ObjectiveRow {
                code: t.code.clone(),
                name: ind.text(i.locale).name.clone(),
                achieved: with_unit(i, t.value, t.unit),
                target,
                note: field(&format!("note-{}", t.code), s.map(|o| o.note.as_str()), ""),
                growth,
            })
        })
        .collect();
    let centres = state
        .centres()
        .await?
        .iter()
        .map(|c| (c.name.clone(), i.tn("centre-projects-count", c.projects)))
        .collect();
    let status = if typed.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let view = ReviewView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("review-title", &[("year", &year.to_string())]),
        ),
        year,
        financial: field(
            "financial",
            stored.as_ref().map(|r| r.financial.as_str()),
            "",
        ),
        cohorts: field("cohorts", stored.as_ref().map(|r| r.cohorts.as_str()), ""),
        feedback: field("feedback", stored.as_ref().map(|r| r.feedback.as_str()), ""),
        recorded: stored
            .as_ref()
            .map(|r| i.ta("review-recorded", &[("date", &i.datetime(r.recorded_at))]))
            .unwrap_or_default(),
        period_from,
        period_to,
        figures: rows(i, &totals),
        objectives,
        centres,
        errors: typed.map(|t| t.1).unwrap_or_default(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn year_of(text: &str) -> i64 {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|y| (1..=50).contains(y))
        .unwrap_or(1)
}

pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    ctx.authorize(Action::RecordNetworkReview, Scope::Network)?;
    let q: ReviewQuery = query
        .and_then(|q| serde_urlencoded::from_str(&q).ok())
        .unwrap_or_default();
    render_review(&state, &ctx, year_of(&q.year), None).await
}

pub async fn save_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    ctx.authorize(Action::RecordNetworkReview, Scope::Network)?;
    let i = ctx.i;
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.replace("\r\n", "\n"))
            .unwrap_or_default()
    };
    let year = year_of(&get("year"));
    let mut errors = FieldErrors::default();
    let from = tracking::parse_date(&get("period_from"))
        .map_err(|e| errors.add("period_from", i, e.message_key()))
        .ok();
    let to = tracking::parse_date(&get("period_to"))
        .map_err(|e| errors.add("period_to", i, e.message_key()))
        .ok();
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        errors.add("period_to", i, "impact-error-period");
    }
    let mut texts = Vec::new();
    for field in ["financial", "cohorts", "feedback"] {
        texts.push(
            tracking::check_text(&get(field), tracking::MAX_NOTES, false)
                .map_err(|e| errors.add(field, i, e.message_key()))
                .unwrap_or_default(),
        );
    }
    let (Some(from), Some(to), true) = (from, to, errors.is_empty()) else {
        return render_review(&state, &ctx, year, Some((pairs, errors))).await;
    };
    let checked = Checked {
        from: tracking::iso(from),
        to: tracking::iso(to),
        sdg: None,
        centre: None,
        cohort: None,
    };
    let totals = totals(&state, &checked).await?;
    let mut objectives = Vec::new();
    let mut bad_target = false;
    for t in totals.iter().filter(|t| t.reporting > 0) {
        let text = get(&format!("target-{}", t.code));
        if text.trim().is_empty() {
            continue;
        }
        match impact::parse_quantity(&text) {
            Ok(v) => {
                let note = get(&format!("note-{}", t.code));
                let note: String = note.trim().chars().take(500).collect();
                objectives.push((t.code.clone(), Some(t.value), v, note));
            }
            Err(_) => bad_target = true,
        }
    }
    if bad_target {
        errors.add("objectives", i, "review-error-targets");
        return render_review(&state, &ctx, year, Some((pairs, errors))).await;
    }
    let summary = serde_json::to_string(
        &totals
            .iter()
            .map(|t| (t.code.as_str(), t.unit.code(), t.value, t.reporting))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default();
    store::impact::save_review(
        &state.db,
        &store::impact::SaveReview {
            year,
            period_from: &checked.from,
            period_to: &checked.to,
            financial: &texts[0],
            cohorts: &texts[1],
            feedback: &texts[2],
            impact_summary: &summary,
            recorded_by: Some(user.id),
            objectives: &objectives,
        },
    )
    .await?;
    store::audit::record(
        &state.db,
        AuditAction::ReviewRecorded,
        Entry {
            actor_id: Some(user.id),
            detail: &year.to_string(),
            ..Entry::default()
        },
    )
    .await?;
    Ok(crate::accounts::redirect_with_flash(
        &format!("/impact/review?year={year}"),
        "flash-review-recorded",
        &state,
    ))
}

/// `GET /impact/report.pdf`: the year-end impact report (same filters as the page) as a PDF.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let i = ctx.i;
    let (_, name) = export_data(&state, &ctx, query.clone(), "pdf").await?;
    let filter = parse_filter(query);
    let centres = state.centres().await?;
    let cohorts = store::cohorts::all(&state.db).await?;
    let mut errors = FieldErrors::default();
    let checked = check(&centres, &cohorts, &filter, i, &mut errors);
    let totals = totals(&state, &checked).await?;
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
    let review = store::impact::reviews(&state.db).await?.into_iter().next();
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
    let bytes =
        tokio::task::spawn_blocking(move || documents::pdf(documents::Template::Report, &report))
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(attachment(bytes, "application/pdf", &format!("{name}.pdf")))
}
