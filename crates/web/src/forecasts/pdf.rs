//! The business plan as a PDF (Typst, like every document): the canvas in short, the
//! narrative written with the plan, the statements' tables, the lenders' warnings, the two charts, the scenarios and the cash plan.
use super::charts;
use super::owner::{Key, reach};
use super::page::{Computed, Line, computed};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::respond;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use documents::{Block, Report, Section};
use domain::forecast::parse;

pub async fn business_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let owner = reach(&state, &ctx, &key).await?;
    let (row, scenarios) = store::forecasts::with_scenarios(&state.db, owner.of)
        .await?
        .ok_or(WebError::NotFound)?;
    let plan = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let mut items = Vec::new();
    if let Some(project) = owner.project_id {
        let canvases = store::canvas::for_project(&state.db, project).await?;
        if let Some(c) = canvases.iter().max_by_key(|c| c.updated_at) {
            items = store::canvas::items(&state.db, c.id).await?;
        }
    }
    let t = domain::canvas::template();
    items.sort_by_key(|it| (t.order(&it.block), it.position, it.id));
    let canvas: Vec<(String, String)> = items.into_iter().map(|it| (it.block, it.text)).collect();
    let f = computed(&ctx, &row, &plan, &scenarios);
    let report = report(&ctx, &owner.name, &canvas, &row.narrative, &f);
    let name = match owner.project_id {
        Some(id) => format!("business-plan-{id}.pdf"),
        None => format!("{}.pdf", owner.file_stem),
    };
    respond::inline_pdf(documents::Template::Report, report, &name).await
}

fn years_table(ctx: &Ctx, lines: &[Line]) -> Block {
    let i = ctx.i;
    Block::Table {
        columns: vec![
            i.t("forecast-col-line"),
            i.t("forecast-year-1"),
            i.t("forecast-year-2"),
            i.t("forecast-year-3"),
        ],
        numeric: vec![false, true, true, true],
        rows: lines
            .iter()
            .map(|l| {
                let mut row = vec![l.label.clone()];
                row.extend(l.values.iter().cloned());
                row
            })
            .collect(),
    }
}

fn section(heading: String, blocks: Vec<Block>) -> Section {
    Section {
        heading,
        level: 1,
        page_break: false,
        blocks,
    }
}

/// The document: pure, from the computed view and the canvas's notes (block key, text).
fn report(
    ctx: &Ctx,
    project: &str,
    canvas: &[(String, String)],
    narrative: &str,
    f: &Computed,
) -> Report {
    let i = ctx.i;
    let template = domain::canvas::template();
    let mut sections = Vec::new();
    if !canvas.is_empty() {
        let mut blocks = Vec::new();
        for def in &template.blocks {
            let notes: Vec<String> = canvas
                .iter()
                .filter(|(b, _)| *b == def.key)
                .map(|(_, t)| t.clone())
                .collect();
            if !notes.is_empty() {
                blocks.push(Block::Labelled {
                    label: def.text(i.locale).title.clone(),
                    text: notes.join(" · "),
                });
            }
        }
        sections.push(section(i.t("forecast-pdf-canvas"), blocks));
    }
    // The narrative written in Markdown: its untitled start under « Le projet raconté », each
    // of its headings a sub-section.
    let narrative = super::narrative::sections(narrative);
    if !narrative.is_empty() {
        let mut untitled = Vec::new();
        let mut titled = Vec::new();
        for part in narrative {
            match part.title {
                None => untitled.extend(part.blocks),
                Some(heading) => titled.push(Section {
                    heading,
                    level: 2,
                    page_break: false,
                    blocks: part.blocks,
                }),
            }
        }
        sections.push(section(i.t("forecast-pdf-narrative"), untitled));
        sections.extend(titled);
    }
    let mut summary = vec![
        Block::Svg {
            svg: charts::standalone(&f.chart_revenue),
            caption: format!(
                "{} ({}, {})",
                i.t("forecast-chart-revenue"),
                i.t("forecast-key-revenue"),
                i.t("forecast-pdf-key-costs-dashed")
            ),
        },
        Block::Svg {
            svg: charts::standalone(&f.chart_cash),
            caption: i.t("forecast-chart-cash"),
        },
    ];
    if !f.warnings.is_empty() {
        summary.insert(
            0,
            Block::Callout {
                title: i.t("forecast-warnings"),
                text: f.warnings.join("\n"),
            },
        );
    }
    sections.push(section(i.t("forecast-pdf-summary"), summary));
    sections.push(section(
        i.t("forecast-statement"),
        vec![
            Block::Paragraph {
                text: i.t("forecast-statement-hint"),
            },
            years_table(ctx, &f.statement),
        ],
    ));
    sections.push(section(
        i.t("forecast-break-even"),
        vec![
            Block::Paragraph {
                text: i.t("forecast-break-even-hint"),
            },
            years_table(ctx, &f.break_even),
        ],
    ));
    sections.push(section(
        i.t("forecast-plan"),
        vec![
            Block::Paragraph {
                text: i.t("forecast-plan-hint"),
            },
            years_table(ctx, &f.plan),
        ],
    ));
    if !f.scenarios.is_empty() {
        let mut columns = vec![i.t("forecast-col-scenario")];
        columns.extend(f.scenario_heads.iter().cloned());
        sections.push(section(
            i.t("forecast-scenarios"),
            vec![
                Block::Paragraph {
                    text: i.t("forecast-scenarios-hint"),
                },
                Block::Table {
                    numeric: (0..columns.len()).map(|c| c > 0).collect(),
                    columns,
                    rows: f
                        .scenarios
                        .iter()
                        .map(|s| {
                            let mut row = vec![s.label.clone()];
                            row.extend(s.figures.iter().cloned());
                            row
                        })
                        .collect(),
                },
            ],
        ));
    }
    // 36 months in three columns of twelve: one page.
    let cash_rows = (0..12)
        .map(|m| {
            let mut row = Vec::new();
            for y in 0..3 {
                match f.cash.get(y * 12 + m) {
                    Some(c) => row.extend([c.month.clone(), c.value.clone()]),
                    None => row.extend([String::new(), String::new()]),
                }
            }
            row
        })
        .collect();
    let (month, cash) = (i.t("forecast-col-month"), i.t("forecast-col-cash"));
    sections.push(Section {
        heading: i.t("forecast-cash"),
        level: 1,
        page_break: true,
        blocks: vec![
            Block::Paragraph {
                text: i.t("forecast-cash-hint"),
            },
            Block::Table {
                columns: vec![
                    month.clone(),
                    cash.clone(),
                    month.clone(),
                    cash.clone(),
                    month,
                    cash,
                ],
                numeric: vec![false, true, false, true, false, true],
                rows: cash_rows,
            },
        ],
    });
    if !f.loans.is_empty() {
        sections.push(section(
            i.t("forecast-loans"),
            f.loans
                .iter()
                .map(|loan| Block::Labelled {
                    label: format!("{} ({})", loan.name, loan.amount),
                    text: i.ta(
                        "forecast-loan-interest",
                        &[("amount", &loan.interest_total)],
                    ),
                })
                .collect(),
        ));
    }
    Report {
        lang: i.code().to_string(),
        title: i.t("forecast-pdf-title"),
        subtitle: project.to_string(),
        meta: vec![
            format!(
                "{} · {}",
                f.name,
                i.ta("forecast-version", &[("n", &f.version.to_string())])
            ),
            i.date(store::now()),
        ],
        footer: format!("{} · {project}", i.t("forecast-pdf-title")),
        sections,
    }
}
