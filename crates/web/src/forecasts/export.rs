//! The forecast's files: the exchange format's JSON (imports back identically), a CSV of the
//! statements and the 36 months of cash, and the workbook with live formulas (`xlsx`).
use super::owner::{Key, reach_row};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::forecast::actuals::{ComparisonMonth, compare};
use domain::forecast::{ForecastResult, compute, parse};

pub(super) fn download(kind: &'static str, name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let (owner, row) = reach_row(&state, &ctx, &key).await?;
    let forecast = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(download(
        "application/json",
        &format!("{}.json", owner.file_stem),
        forecast.to_json(),
    ))
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let (owner, row) = reach_row(&state, &ctx, &key).await?;
    let forecast = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let result = compute(&forecast);
    let comparison = comparison(&state, &row, &result).await?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("{}.csv", owner.file_stem),
        to_csv(&result, &comparison),
    ))
}

pub async fn xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let (owner, row) = reach_row(&state, &ctx, &key).await?;
    let forecast = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let result = compute(&forecast);
    let comparison = comparison(&state, &row, &result).await?;
    let bytes = super::xlsx::workbook(&forecast, &result, &comparison)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.xlsx\"", owner.file_stem),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The forecast against its actuals (empty without actuals), at the forecast's threshold.
async fn comparison(
    state: &AppState,
    row: &store::forecasts::ForecastRow,
    result: &ForecastResult,
) -> WebResult<Vec<ComparisonMonth>> {
    let stored = store::forecasts::actuals(&state.db, row.id).await?;
    Ok(compare(
        &result.monthly,
        &super::actuals::from_rows(&stored),
        row.variance_threshold_bp,
    ))
}

fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (cents / 100).abs(), (cents % 100).abs())
}

/// `statement,line,year 1,year 2,year 3` then `cash,month N,balance`, then with actuals
/// `comparaison,<produits|charges|resultat>_mois_N,forecast,actual,variance,variance %`
/// (amounts in euros, dot decimals; the share empty when nothing was forecast).
pub fn to_csv(r: &ForecastResult, comparison: &[ComparisonMonth]) -> String {
    let mut out = String::from("section,line,year_1,year_2,year_3\n");
    let value = serde_json::to_value(&r.years).unwrap_or_default();
    for line in super::page::STATEMENT_LINES {
        out.push_str("compte_de_resultat,");
        out.push_str(line);
        for y in 0..3 {
            let cents = value[y][line].as_i64();
            out.push(',');
            out.push_str(&cents.map(euros).unwrap_or_default());
        }
        out.push('\n');
    }
    for (i, c) in r.cash.iter().enumerate() {
        out.push_str(&format!("tresorerie,mois_{},{}\n", i + 1, euros(*c)));
    }
    for m in comparison {
        for (name, v) in [
            ("produits", &m.revenue),
            ("charges", &m.expenses),
            ("resultat", &m.result),
            ("resultat_cumule", &m.cumulated_result),
        ] {
            let share = v.variance_bp.map_or(String::new(), |bp| {
                format!(
                    "{}{}.{:02}",
                    if bp < 0 { "-" } else { "" },
                    bp.abs() / 100,
                    bp.abs() % 100
                )
            });
            out.push_str(&format!(
                "comparaison,{name}_mois_{},{},{},{},{share}\n",
                m.month,
                euros(v.forecast),
                euros(v.actual),
                euros(v.variance)
            ));
        }
    }
    out
}
