//! Qualiopi evidence of an offer: the results its page publishes (completion and satisfaction
//! rates with the number of respondents and the period, once there are enough respondents)
//! and the evidence export an auditor reads: a ZIP holding a PDF report whose index maps each
//! piece to the indicator it serves, and every signed attendance sheet as PDF and CSV.
use super::manage::staff_centre;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use documents::{Block, Report, Section};
use domain::diagnostic::Answers;
use domain::evidence::{INDICATORS, MIN_RESPONDENTS};
use domain::tracking::{iso, parse_date};
use serde::Deserialize;
use std::io::Write;
use store::offers::Offer;
use time::{Date, Duration, OffsetDateTime};

/// The published results, as the offer's page shows them.
pub struct Published {
    pub completion: String,
    pub satisfaction: String,
    pub respondents: String,
    pub period: String,
    /// What each rate counts (`domain::evidence::completed` and `satisfied`).
    pub completion_rule: String,
    pub satisfaction_rule: String,
}

fn today() -> Date {
    OffsetDateTime::from_unix_timestamp(store::now())
        .map(|t| t.date())
        .unwrap_or(Date::MIN)
}

fn unix(d: Date) -> i64 {
    d.midnight().assume_utc().unix_timestamp()
}

fn period(i: I18n, from: Date, to: Date) -> String {
    i.ta(
        "timeline-dates",
        &[
            ("from", &crate::tracking::day(i, &iso(from))),
            ("to", &crate::tracking::day(i, &iso(to))),
        ],
    )
}

/// The results of the offer's cohorts that ended in the last twelve months, when at least
/// five participants answered their end-of-cohort survey.
pub async fn published(state: &AppState, i: I18n, offer: &Offer) -> WebResult<Option<Published>> {
    let to = today();
    let from = to - Duration::days(365);
    let results = store::evidence::results(&state.db, offer.id, &iso(from), &iso(to)).await?;
    Ok(results.published().map(|p| Published {
        completion: format!("{}\u{a0}%", i.number(p.completion)),
        satisfaction: format!("{}\u{a0}%", i.number(p.satisfaction)),
        respondents: i.tn("evidence-respondents", p.respondents),
        period: period(i, from, to),
        completion_rule: i.ta(
            "evidence-completion-rule",
            &[(
                "percent",
                &format!(
                    "{}\u{a0}%",
                    i.number(domain::evidence::COMPLETION_ATTENDANCE_PERCENT)
                ),
            )],
        ),
        satisfaction_rule: i.ta(
            "evidence-satisfaction-rule",
            &[("from", &i.number(domain::evidence::SATISFIED_FROM))],
        ),
    }))
}

// ---------------------------------------------------------------------------------------------
// The export

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    pub from: String,
    pub to: String,
}

#[derive(Template)]
#[template(path = "offers/evidence.html")]
struct EvidenceView {
    layout: Layout,
    offer: Offer,
    form: PeriodQuery,
    errors: FieldErrors,
    published: Option<Published>,
    min_respondents: i64,
}

async fn staff_offer(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Offer> {
    let offer = store::offers::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    staff_centre(state, ctx, offer.centre_id).await?;
    Ok(offer)
}

/// The period asked for (the last twelve months when nothing is typed), or the errors beside
/// the fields.
fn read_period(i: I18n, q: &PeriodQuery) -> Result<(Date, Date), FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut date = |field: &'static str, value: &str, default: Date| {
        if value.trim().is_empty() {
            return Some(default);
        }
        match parse_date(value) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.add(field, i, e.message_key());
                None
            }
        }
    };
    let to = date("to", &q.to, today());
    let from = date("from", &q.from, to.unwrap_or(today()) - Duration::days(365));
    match (from, to) {
        (Some(from), Some(to)) if from <= to => Ok((from, to)),
        (Some(_), Some(_)) => {
            errors.add("to", i, "cohort-error-dates");
            Err(errors)
        }
        _ => Err(errors),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    offer: Offer,
    form: PeriodQuery,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = EvidenceView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("evidence-title", &[("offer", &offer.title)]),
        )
        .under(format!("/offers/{}/edit", offer.id), offer.title.clone()),
        published: published(state, i, &offer).await?,
        offer,
        form,
        errors,
        min_respondents: MIN_RESPONDENTS,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The page to choose the period of the export, beside the results published today.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let offer = staff_offer(&state, &ctx, id).await?;
    render(
        &state,
        &ctx,
        offer,
        PeriodQuery::default(),
        FieldErrors::default(),
    )
    .await
}

/// The ZIP an auditor reads: `rapport-qualiopi.pdf` (its index maps each piece to its
/// indicator) and `emargements/` (each session's signed sheet, PDF and CSV).
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
) -> WebResult<Response> {
    let offer = staff_offer(&state, &ctx, id).await?;
    let (from, to) = match read_period(ctx.i, &q) {
        Ok(p) => p,
        Err(errors) => return render(&state, &ctx, offer, q, errors).await,
    };
    let i = ctx.i;
    let (start, end) = (unix(from), unix(to) + 86_400);
    let results = store::evidence::results(&state.db, offer.id, &iso(from), &iso(to)).await?;
    let sessions = store::evidence::sessions(&state.db, offer.id, start, end).await?;
    let answers: Vec<Answers> = store::evidence::answers(&state.db, offer.id, start, end)
        .await?
        .iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    let improvements =
        store::evidence::improvements(&state.db, offer.centre_id, start, end).await?;

    // The attendance sheets, one PDF and one CSV per session.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut sheet_rows = Vec::new();
    for s in &sessions {
        let Some(cohort) = store::cohorts::find(&state.db, s.cohort_id).await? else {
            continue;
        };
        let Some(session) = store::cohorts::sessions(&state.db, cohort.id)
            .await?
            .into_iter()
            .find(|x| x.id == s.id)
        else {
            continue;
        };
        let (report, csv) =
            crate::cohorts::signing::session_sheet(&state, &ctx, &cohort, &session).await?;
        let name = format!(
            "emargements/{}-seance-{}",
            iso(OffsetDateTime::from_unix_timestamp(s.starts_at)
                .map(|t| t.date())
                .unwrap_or(from)),
            s.id
        );
        let signed = csv
            .iter()
            .skip(1)
            .filter(|r| r.get(3).is_some_and(|c| !c.is_empty()))
            .count();
        sheet_rows.push(vec![
            i.datetime(s.starts_at),
            format!("{} · {}", s.cohort_name, s.title),
            i.number(signed as i64),
            format!("{name}.pdf"),
        ]);
        let pdf = respond::pdf(documents::Template::Report, report).await?;
        files.push((format!("{name}.pdf"), pdf));
        files.push((format!("{name}.csv"), respond::csv(&csv).into_bytes()));
    }

    let report = evidence_report(
        i,
        &offer,
        (from, to),
        results,
        sheet_rows,
        &answers,
        &improvements,
    );
    let pdf = respond::pdf(documents::Template::Report, report).await?;
    files.insert(0, ("rapport-qualiopi.pdf".into(), pdf));
    let zip = zip_of(&files)?;
    Ok(respond::file(
        zip,
        "application/zip",
        Disposition::Attachment,
        &format!("qualiopi-{}-{}-{}.zip", offer.slug, iso(from), iso(to)),
    ))
}

fn zip_of(files: &[(String, Vec<u8>)]) -> WebResult<Vec<u8>> {
    let internal = |e: &dyn std::fmt::Display| WebError::Internal(format!("zip: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)
            .map_err(|e| internal(&e))?;
        zip.write_all(bytes).map_err(|e| internal(&e))?;
    }
    Ok(zip.finish().map_err(|e| internal(&e))?.into_inner())
}

fn indicator(i: I18n, n: u8) -> String {
    let key = INDICATORS
        .iter()
        .find(|(k, _)| *k == n)
        .map_or("", |(_, key)| *key);
    format!("{} {n} · {}", i.t("evidence-indicator"), i.t(key))
}

fn evidence_report(
    i: I18n,
    offer: &Offer,
    (from, to): (Date, Date),
    results: domain::evidence::Results,
    sheets: Vec<Vec<String>>,
    answers: &[Answers],
    improvements: &[store::evidence::Improvement],
) -> Report {
    let summary = crate::site::summarise(i, answers);
    let section = |heading: String, blocks: Vec<Block>| Section {
        heading,
        level: 1,
        page_break: false,
        blocks,
    };
    let index = Block::Table {
        columns: vec![i.t("evidence-col-piece"), i.t("evidence-col-indicator")],
        numeric: vec![false, false],
        rows: vec![
            vec![i.t("evidence-piece-results"), indicator(i, 2)],
            vec![i.t("evidence-piece-sheets"), indicator(i, 11)],
            vec![i.t("evidence-piece-satisfaction"), indicator(i, 30)],
            vec![i.t("evidence-piece-comments"), indicator(i, 31)],
            vec![i.t("evidence-piece-improvements"), indicator(i, 32)],
        ],
    };
    let published = match results.published() {
        Some(p) => vec![
            Block::Labelled {
                label: i.t("evidence-completion"),
                text: format!("{}\u{a0}%", i.number(p.completion)),
            },
            Block::Labelled {
                label: i.t("evidence-satisfaction"),
                text: format!("{}\u{a0}%", i.number(p.satisfaction)),
            },
        ],
        None => vec![Block::Paragraph {
            text: i.ta(
                "evidence-not-enough",
                &[("min", &i.number(MIN_RESPONDENTS))],
            ),
        }],
    };
    let mut results_blocks = vec![
        Block::Labelled {
            label: i.t("evidence-participants"),
            text: i.number(results.participants),
        },
        Block::Labelled {
            label: i.t("evidence-completed"),
            text: i.number(results.completed),
        },
        Block::Labelled {
            label: i.t("evidence-respondents-label"),
            text: i.number(results.respondents),
        },
    ];
    results_blocks.extend(published);
    results_blocks.push(Block::Paragraph {
        text: i.t("evidence-method"),
    });
    let sheets_block = if sheets.is_empty() {
        Block::Paragraph {
            text: i.t("evidence-no-sessions"),
        }
    } else {
        Block::Table {
            columns: vec![
                i.t("site-event-starts"),
                i.t("cohort-survey-col-step"),
                i.t("evidence-col-signatures"),
                i.t("evidence-col-file"),
            ],
            numeric: vec![false, false, true, false],
            rows: sheets,
        }
    };
    let mut satisfaction = vec![Block::Labelled {
        label: i.t("feedback-nps"),
        text: format!(
            "{} ({} · {})",
            summary.nps, summary.nps_detail, summary.responses
        ),
    }];
    satisfaction.extend(summary.ratings.iter().map(|r| Block::Labelled {
        label: r.label.clone(),
        text: format!("{} ({})", r.average, r.answers),
    }));
    let comments = if summary.comments.is_empty() {
        Block::Paragraph {
            text: i.t("feedback-no-comments"),
        }
    } else {
        Block::Bullets {
            items: summary
                .comments
                .iter()
                .map(|c| {
                    if c.tags.is_empty() {
                        c.text.clone()
                    } else {
                        format!("{} [{}]", c.text, c.tags.join(", "))
                    }
                })
                .collect(),
        }
    };
    let improvements_block = if improvements.is_empty() {
        Block::Paragraph {
            text: i.t("feedback-no-decisions"),
        }
    } else {
        Block::Table {
            columns: vec![
                i.t("feedback-col-date"),
                i.t("feedback-decision"),
                i.t("feedback-because"),
            ],
            numeric: vec![false, false, false],
            rows: improvements
                .iter()
                .map(|d| {
                    vec![
                        i.date(d.created_at),
                        d.decision.clone(),
                        format!("{} · {}", d.event_title, d.because),
                    ]
                })
                .collect(),
        }
    };
    let period = period(i, from, to);
    Report {
        lang: i.code().to_string(),
        title: i.t("evidence-report-title"),
        subtitle: offer.title.clone(),
        meta: vec![offer.centre_name.clone(), period.clone()],
        footer: format!("{} · {period}", offer.title),
        sections: vec![
            section(i.t("evidence-index"), vec![index]),
            section(indicator(i, 2), results_blocks),
            section(indicator(i, 11), vec![sheets_block]),
            section(indicator(i, 30), satisfaction),
            section(indicator(i, 31), vec![comments]),
            section(indicator(i, 32), vec![improvements_block]),
        ],
    }
}
