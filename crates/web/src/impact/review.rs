//! The network's yearly review: the year's figures, what was learnt (finances, cohorts,
//! feedback) and next year's objectives recorded against the year's figures.
use super::report::{Checked, Row, rows, totals};
use super::with_unit;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use domain::impact;
use domain::tracking;
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};

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

pub async fn page(
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

pub async fn save(
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
    Ok(crate::respond::redirect_with_flash(
        &format!("/impact/review?year={year}"),
        "flash-review-recorded",
        &state,
    ))
}
