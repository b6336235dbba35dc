//! The association budget of the subsidy request (Cerfa 12156) as a PDF: the forecast's first
//! year on the official accounts (domain::forecast::cerfa), for a project's forecast and for a
//! centre's own budget.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::respond;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use documents::{Block, Report, Section};
use domain::forecast::cerfa::{CerfaBudget, CerfaLine, budget};
use domain::forecast::{compute, parse};

pub async fn for_project(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (project, _) = crate::project_access::project_scope(&state, &ctx, id).await?;
    let row = store::forecasts::for_project(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    pdf(&ctx, &project.name, &row, &format!("cerfa-12156-{id}.pdf")).await
}

pub async fn for_centre(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = super::owner::keeper(&state, &ctx, &slug).await?;
    let row = store::forecasts::for_centre(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    pdf(&ctx, &centre.name, &row, &format!("cerfa-12156-{slug}.pdf")).await
}

async fn pdf(
    ctx: &Ctx,
    holder: &str,
    row: &store::forecasts::ForecastRow,
    file: &str,
) -> WebResult<Response> {
    let plan = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let b = budget(&plan, &compute(&plan));
    let first = plan.start;
    let last = first.plus(12);
    let period = ctx.i.ta(
        "cerfa-period",
        &[
            ("from", &format!("{:02}/{}", first.month, first.year)),
            ("to", &format!("{:02}/{}", last.month, last.year)),
        ],
    );
    let report = report(ctx, holder, &plan.name, &period, &b);
    respond::inline_pdf(documents::Template::Report, report, file).await
}

fn rows(ctx: &Ctx, lines: &[CerfaLine], total_key: &str, total: i64) -> Vec<Vec<String>> {
    let i = ctx.i;
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.account.to_string(),
                i.t(l.key),
                domain::format::euros(i.locale, l.cents),
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        i.t(total_key),
        domain::format::euros(i.locale, total),
    ]);
    rows
}

fn table(ctx: &Ctx, side_key: &str, rows: Vec<Vec<String>>) -> Block {
    let i = ctx.i;
    Block::Table {
        columns: vec![
            i.t("cerfa-col-account"),
            i.t(side_key),
            i.t("cerfa-col-amount"),
        ],
        numeric: vec![false, false, true],
        rows,
    }
}

/// The document: pure, from the mapped budget.
fn report(ctx: &Ctx, holder: &str, name: &str, period: &str, b: &CerfaBudget) -> Report {
    let i = ctx.i;
    let section = |heading: String, blocks: Vec<Block>| Section {
        heading,
        level: 1,
        page_break: false,
        blocks,
    };
    let money = |c| domain::format::euros(i.locale, c);
    Report {
        lang: i.code().to_string(),
        title: i.t("cerfa-title"),
        subtitle: holder.to_string(),
        meta: vec![name.to_string(), period.to_string()],
        footer: format!("{} · {holder}", i.t("cerfa-title")),
        sections: vec![
            section(
                i.t("cerfa-charges"),
                vec![
                    Block::Paragraph {
                        text: i.t("cerfa-hint"),
                    },
                    table(
                        ctx,
                        "cerfa-charges",
                        rows(ctx, &b.charges, "cerfa-total-charges", b.total_charges),
                    ),
                ],
            ),
            section(
                i.t("cerfa-produits"),
                vec![table(
                    ctx,
                    "cerfa-produits",
                    rows(ctx, &b.produits, "cerfa-total-produits", b.total_produits),
                )],
            ),
            section(
                i.t("cerfa-in-kind"),
                vec![
                    Block::Paragraph {
                        text: i.t("cerfa-in-kind-hint"),
                    },
                    table(
                        ctx,
                        "cerfa-emplois",
                        rows(ctx, &b.emplois_nature, "cerfa-total-86", b.total_nature),
                    ),
                    table(
                        ctx,
                        "cerfa-contributions",
                        rows(
                            ctx,
                            &b.contributions_nature,
                            "cerfa-total-87",
                            b.total_nature,
                        ),
                    ),
                ],
            ),
            section(
                i.t("cerfa-totals"),
                vec![
                    Block::Labelled {
                        label: i.t("cerfa-grand-total-charges"),
                        text: money(b.grand_total_charges()),
                    },
                    Block::Labelled {
                        label: i.t("cerfa-grand-total-produits"),
                        text: money(b.grand_total_produits()),
                    },
                ],
            ),
        ],
    }
}
