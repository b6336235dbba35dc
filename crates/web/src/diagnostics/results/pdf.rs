//! `GET /diagnostics/attempts/{id}/report.pdf`: the results model as a printable report (scores
//! and levels, comparison, peers, strengths, priorities, recommendations with their links, and
//! how the result is calculated).
use super::{Results, Row, results};
use crate::ctx::Ctx;
use crate::diagnostics::attempt_for;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::respond;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use documents::{Block, Report, Section};

/// The rules of « Comment est calculé mon résultat ? », one bullet each.
const SCORING_RULES: [&str; 7] = [
    "diagnostics-scoring-rule-answer",
    "diagnostics-scoring-rule-dimension",
    "diagnostics-scoring-rule-conditions",
    "diagnostics-scoring-rule-overall",
    "diagnostics-scoring-rule-levels",
    "diagnostics-scoring-rule-priorities",
    "diagnostics-scoring-rule-peers",
];

pub async fn report_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(attempt_id): Path<i64>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if !attempt.submitted() {
        return Err(WebError::NotFound);
    }
    let r = results(&state, &ctx, &attempt, Some(&access)).await?;
    let name = format!("diagnostic-{}-{}.pdf", r.diagnostic, r.attempt);
    let report = report(&state, ctx.i, r);
    respond::inline_pdf(documents::Template::Report, report, &name).await
}

/// The report of one results model.
fn report(state: &AppState, i: I18n, r: Results) -> Report {
    let recommendations = r
        .recommendations
        .iter()
        .flat_map(|reco| {
            [
                Block::Callout {
                    title: reco.title.clone(),
                    text: reco.text.clone(),
                },
                Block::Labelled {
                    label: reco.link.clone(),
                    text: state.url(&reco.href),
                },
            ]
        })
        .collect();
    let names = |list: Vec<String>, none: &str| {
        if list.is_empty() {
            Block::Paragraph { text: i.t(none) }
        } else {
            Block::Bullets { items: list }
        }
    };
    let strengths = names(
        r.strengths.iter().map(|(n, _)| n.clone()).collect(),
        "diagnostics-strengths-none",
    );
    let priorities = names(
        r.priorities.iter().map(|(n, _, _)| n.clone()).collect(),
        "diagnostics-priorities-none",
    );
    let section = |heading: String, level: u8, blocks: Vec<Block>| Section {
        heading,
        level,
        page_break: false,
        blocks,
    };
    Report {
        lang: i.code().to_string(),
        subtitle: r
            .project
            .as_ref()
            .map_or_else(|| i.t("diagnostics-results-heading"), |(_, p)| p.clone()),
        meta: vec![
            i.ta("diagnostics-results-date", &[("date", &r.date)]),
            i.ta(
                "diagnostics-scoring-version",
                &[("version", &i.number(r.version))],
            ),
        ],
        footer: i.t("diagnostics-pdf-footer"),
        sections: vec![
            section(
                i.t("diagnostics-overall"),
                1,
                vec![
                    Block::Labelled {
                        label: format!(
                            "{} {}",
                            i.number(i64::from(r.overall.score)),
                            i.t("diagnostics-out-of")
                        ),
                        text: format!("{} — {}", r.overall.level, r.overall_text),
                    },
                    table(i, &r),
                    Block::Paragraph {
                        text: r.peers_note.clone(),
                    },
                ],
            ),
            section(i.t("diagnostics-strengths"), 2, vec![strengths]),
            section(i.t("diagnostics-priorities"), 2, vec![priorities]),
            section(i.t("diagnostics-recommendations"), 1, recommendations),
            section(
                i.t("diagnostics-scoring-heading"),
                1,
                vec![Block::Bullets {
                    items: SCORING_RULES.iter().map(|k| i.t(k)).collect(),
                }],
            ),
        ],
        title: r.title,
    }
}

/// The scores table: each dimension then the overall score, with the attempt before and the
/// peers' quartiles when known.
fn table(i: I18n, r: &Results) -> Block {
    let mut columns = vec![
        i.t("diagnostics-col-dimension"),
        i.t("diagnostics-col-score"),
        i.t("diagnostics-col-level"),
    ];
    let mut numeric = vec![false, true, false];
    if let Some(date) = &r.previous_date {
        columns.push(i.ta("diagnostics-col-previous", &[("date", date)]));
        numeric.push(true);
    }
    if r.peers_shown {
        columns.push(i.t("diagnostics-col-peers"));
        numeric.push(false);
    }
    let line = |row: &Row| {
        let mut cells = vec![
            row.name.clone(),
            i.number(i64::from(row.score)),
            row.level.clone(),
        ];
        if r.previous_date.is_some() {
            cells.push(row.previous.clone());
        }
        if r.peers_shown {
            cells.push(row.peers.clone());
        }
        cells
    };
    Block::Table {
        columns,
        numeric,
        rows: r
            .dimensions
            .iter()
            .chain(std::iter::once(&r.overall))
            .map(line)
            .collect(),
    }
}
