//! The forecast page: statements, plan de financement, 36 months of cash, break-even, loans,
//! lenders' warnings, charts and scenarios side by side; starting a plan from the canvas and
//! importing one in the exchange format.
use super::charts;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::forecast::model::YearMonth;
use domain::forecast::scenario::apply_factors;
use domain::forecast::{ForecastResult, compute, parse};
use domain::{Action, Locale};
use serde::Deserialize;

/// The lines of the compte de résultat (soldes intermédiaires de gestion), in order; the
/// emphasised ones are the balances.
pub const STATEMENT_LINES: [&str; 20] = [
    "chiffre_affaires",
    "subventions_exploitation",
    "autres_produits",
    "achats",
    "marge",
    "charges_externes",
    "valeur_ajoutee",
    "salaires",
    "charges_sociales",
    "ebe",
    "dotations_amortissements",
    "resultat_exploitation",
    "charges_financieres",
    "resultat_courant",
    "produits_exceptionnels",
    "resultat_avant_impot",
    "impot_societes",
    "resultat_net",
    "seuil_rentabilite",
    "marge_securite",
];
const BALANCES: [&str; 6] = [
    "marge",
    "valeur_ajoutee",
    "ebe",
    "resultat_exploitation",
    "resultat_courant",
    "resultat_net",
];
const PLAN_LINES: [&str; 10] = [
    "investissements",
    "remboursements_emprunts",
    "variation_bfr",
    "total_besoins",
    "capacite_autofinancement",
    "apports",
    "emprunts",
    "subventions_investissement",
    "total_ressources",
    "variation_tresorerie",
];

pub struct Line {
    pub label: String,
    pub values: Vec<String>,
    pub strong: bool,
}

pub struct CashRow {
    pub month: String,
    pub value: String,
    pub negative: bool,
}

pub struct LoanView {
    pub name: String,
    pub amount: String,
    pub interest_total: String,
    pub rows: Vec<[String; 4]>,
}

pub struct ScenarioView {
    pub label: String,
    pub figures: Vec<String>,
}

/// The forecast page of a project or, without its project-only links, of a centre's budget.
#[derive(Template)]
#[template(path = "forecasts/page.html")]
pub(super) struct PageView<'a> {
    pub(super) layout: Layout,
    /// Where the forecast's pages are: `/projects/{id}/forecast` or `/centres/{slug}/forecast`.
    pub(super) base: String,
    /// A project's forecast (editor, actuals, versions, narrative, business plan) or a centre's.
    pub(super) project: bool,
    pub(super) can_edit: bool,
    pub(super) forecast: Option<&'a Computed>,
    pub(super) import_error: Option<String>,
    pub(super) import_text: String,
}

pub(super) struct Computed {
    pub(super) name: String,
    pub(super) version: i64,
    pub(super) statement: Vec<Line>,
    pub(super) plan: Vec<Line>,
    pub(super) break_even: Vec<Line>,
    pub(super) cash: Vec<CashRow>,
    pub(super) loans: Vec<LoanView>,
    pub(super) warnings: Vec<String>,
    pub(super) chart_revenue: String,
    pub(super) chart_cash: String,
    pub(super) scenario_heads: Vec<String>,
    pub(super) scenarios: Vec<ScenarioView>,
}

type Access = (
    store::projects::ProjectForUser,
    bool,
    Option<store::forecasts::ForecastRow>,
);

/// The project (seen by the user), whether they may edit it, and its forecast.
pub async fn editable_or_visible(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Access> {
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    let can_edit = ctx.actor.can(Action::EditProject, scope);
    let row = store::forecasts::for_project(&state.db, id).await?;
    Ok((project, can_edit, row))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render(&state, &ctx, id, None).await
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    refused: Option<(String, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    let can_edit = ctx.actor.can(Action::EditProject, scope);
    // The computed statements, tables and charts, kept a few seconds per project and
    // language (`AppState::reads`): reading and computing them is most of the page's work.
    let forecast = state
        .reads
        .get_or_read(format!("forecast:{id}:{}", i.locale.code()), async {
            Ok::<_, WebError>(
                match store::forecasts::with_scenarios(&state.db, store::forecasts::Of::Project(id))
                    .await?
                {
                    Some((row, scenarios)) => {
                        let plan =
                            parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
                        Some(computed(ctx, &row, &plan, &scenarios))
                    }
                    None => None,
                },
            )
        })
        .await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (import_error, import_text) = match refused {
        Some((e, t)) => (Some(e), t),
        None => (None, String::new()),
    };
    let view = PageView {
        layout: Layout::new(state, ctx, i.t("forecast-title"))
            .under(format!("/projects/{id}"), project.name),
        base: format!("/projects/{id}/forecast"),
        project: true,
        can_edit,
        forecast: (*forecast).as_ref(),
        import_error,
        import_text,
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn money(locale: Locale, cents: i64) -> String {
    domain::format::euros(locale, cents)
}

pub(super) fn computed(
    ctx: &Ctx,
    row: &store::forecasts::ForecastRow,
    plan: &domain::forecast::Forecast,
    scenarios: &[store::forecasts::ScenarioRow],
) -> Computed {
    let i = ctx.i;
    let l = i.locale;
    let r = compute(plan);
    let years = serde_json::to_value(&r.years).unwrap_or_default();
    let lines = |names: &[&str], value: &serde_json::Value, strong: &[&str]| -> Vec<Line> {
        names
            .iter()
            .map(|name| Line {
                label: i.t(&format!("forecast-line-{}", name.replace('_', "-"))),
                values: (0..3)
                    .map(|y| match value[y][*name].as_i64() {
                        Some(c) => money(l, c),
                        None => "—".to_string(),
                    })
                    .collect(),
                strong: strong.contains(name),
            })
            .collect()
    };
    let plan_value = serde_json::to_value(&r.financing_plan).unwrap_or_default();
    let statement = lines(&STATEMENT_LINES[..18], &years, &BALANCES);
    let mut break_even = lines(&STATEMENT_LINES[18..], &years, &[]);
    break_even.push(Line {
        label: i.t("forecast-line-point-mort-mois"),
        values: r
            .years
            .iter()
            .map(|y| match y.point_mort_mois {
                Some(m) => i.ta("forecast-month-n", &[("n", &m.to_string())]),
                None => "—".to_string(),
            })
            .collect(),
        strong: false,
    });
    break_even.push(Line {
        label: i.t("forecast-line-bfr"),
        values: r.years.iter().map(|y| money(l, y.bfr)).collect(),
        strong: false,
    });
    let cash = r
        .cash
        .iter()
        .enumerate()
        .map(|(m, c)| CashRow {
            month: month_label(plan.start, m + 1),
            value: money(l, *c),
            negative: *c < 0,
        })
        .collect();
    let loans = r
        .loans
        .iter()
        .map(|loan| LoanView {
            name: loan.name.clone(),
            amount: money(l, loan.amount),
            interest_total: money(l, loan.interest_total),
            rows: loan
                .schedule
                .iter()
                .map(|p| {
                    [
                        month_label(plan.start, p.month as usize),
                        money(l, p.interest),
                        money(l, p.principal),
                        money(l, p.balance),
                    ]
                })
                .collect(),
        })
        .collect();
    let warnings = r
        .warnings
        .iter()
        .map(|w| match w.month {
            Some(m) => i.ta(
                &format!("forecast-warning-{}", w.code.replace('_', "-")),
                &[("month", &month_label(plan.start, m as usize))],
            ),
            None => i.t(&format!("forecast-warning-{}", w.code.replace('_', "-"))),
        })
        .collect();
    Computed {
        name: row.name.clone(),
        version: row.version,
        statement,
        plan: lines(
            &PLAN_LINES,
            &plan_value,
            &["total_besoins", "total_ressources"],
        ),
        break_even,
        cash,
        loans,
        warnings,
        chart_revenue: charts::revenue_vs_costs(&r, &i.t("forecast-chart-revenue")),
        chart_cash: charts::cash(&r, &i.t("forecast-chart-cash")),
        scenario_heads: [
            "forecast-sc-revenue-y1",
            "forecast-sc-result-y3",
            "forecast-sc-cash-min",
            "forecast-sc-cash-end",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect(),
        scenarios: scenarios
            .iter()
            .map(|s| {
                let sr = if s.volume_bp == 10_000 && s.cost_bp == 10_000 {
                    r.clone()
                } else {
                    compute(&apply_factors(plan, s.volume_bp, s.cost_bp))
                };
                ScenarioView {
                    label: i.t(&format!("forecast-scenario-{}", s.code)),
                    figures: scenario_figures(l, &sr),
                }
            })
            .collect(),
    }
}

fn scenario_figures(l: Locale, r: &ForecastResult) -> Vec<String> {
    let y1 = &r.years[0];
    vec![
        money(
            l,
            y1.chiffre_affaires + y1.subventions_exploitation + y1.autres_produits,
        ),
        money(l, r.years[2].resultat_net),
        money(l, r.cash.iter().copied().min().unwrap_or(0)),
        money(l, r.cash.last().copied().unwrap_or(0)),
    ]
}

pub(super) fn month_label(start: YearMonth, m: usize) -> String {
    let ym = start.plus(m);
    format!("{:02}/{}", ym.month, ym.year)
}

/// Starts the project's forecast from its latest canvas: a revenue line per note of the revenue
/// block, an expense per note of the cost block.
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (project, can_edit, row) = editable_or_visible(&state, &ctx, id).await?;
    if !can_edit {
        return Err(WebError::Forbidden);
    }
    let to = format!("/projects/{id}/forecast");
    if row.is_some() {
        return Ok(axum::response::Redirect::to(&to).into_response());
    }
    let user = ctx.require_user()?;
    let mut notes = Vec::new();
    let canvases = store::canvas::for_project(&state.db, id).await?;
    if let Some(c) = canvases.iter().max_by_key(|c| c.updated_at) {
        for item in store::canvas::items(&state.db, c.id).await? {
            let item = domain::canvas::DocumentItem::from(item);
            notes.push((item.block, item.text));
        }
    }
    let draft = super::seed::draft(&project.name, next_month(), &notes);
    let document = draft.to_json();
    let new = store::forecasts::NewForecast {
        centre_id: project.centre_id,
        project_id: Some(id),
        name: &draft.name,
        document: &document,
        created_by: Some(user.id),
    };
    match store::forecasts::create(&state.db, &new).await {
        Ok(_) | Err(store::StoreError::Duplicate) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(crate::respond::redirect_with_flash(
        &format!("{to}/edit/assumptions"),
        "flash-forecast-started",
        &state,
    ))
}

pub(super) fn next_month() -> YearMonth {
    let now = time::OffsetDateTime::from_unix_timestamp(store::now())
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    YearMonth {
        year: now.year(),
        month: u8::from(now.month()),
    }
    .plus(2)
}

#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    pub(super) document: String,
}

/// Why an imported file was refused, with the field's path when there is one.
pub(super) fn refusal(i: crate::i18n::I18n, e: &domain::forecast::FieldError) -> String {
    if e.path.is_empty() {
        i.t(e.problem.message_key())
    } else {
        format!("{} ({})", i.t(e.problem.message_key()), e.path)
    }
}

/// Replaces the plan by a file in the exchange format: refused whole (the field named beside
/// the box, what was pasted kept), or saved as a new version.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ImportForm>,
) -> WebResult<Response> {
    let (project, can_edit, row) = editable_or_visible(&state, &ctx, id).await?;
    if !can_edit {
        return Err(WebError::Forbidden);
    }
    let user = ctx.require_user()?;
    let i = ctx.i;
    let plan = match parse(&form.document) {
        Ok(plan) => plan,
        Err(e) => {
            let message = refusal(i, &e);
            return render(&state, &ctx, id, Some((message, form.document))).await;
        }
    };
    let document = plan.to_json();
    let to = format!("/projects/{id}/forecast");
    match row {
        Some(row) => {
            match store::forecasts::save(
                &state.db,
                row.id,
                row.version,
                &document,
                "import",
                Some(user.id),
            )
            .await
            {
                Ok(_) => {}
                Err(store::StoreError::Stale(_)) => {
                    return Ok(crate::respond::redirect_with_flash(
                        &to,
                        "flash-forecast-stale",
                        &state,
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => {
            let new = store::forecasts::NewForecast {
                centre_id: project.centre_id,
                project_id: Some(id),
                name: &plan.name,
                document: &document,
                created_by: Some(user.id),
            };
            store::forecasts::create(&state.db, &new).await?;
        }
    }
    Ok(crate::respond::redirect_with_flash(
        &to,
        "flash-forecast-saved",
        &state,
    ))
}
