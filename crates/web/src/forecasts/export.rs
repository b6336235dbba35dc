//! The forecast's files: the exchange format's JSON (imports back identically) and a CSV of the
//! statements and the 36 months of cash.
use super::page::editable_or_visible;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::forecast::{ForecastResult, compute, parse};

fn download(kind: &'static str, name: &str, body: String) -> Response {
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
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (_, _, row) = editable_or_visible(&state, &ctx, id).await?;
    let row = row.ok_or(WebError::NotFound)?;
    let forecast = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(download(
        "application/json",
        &format!("previsionnel-{id}.json"),
        forecast.to_json(),
    ))
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (_, _, row) = editable_or_visible(&state, &ctx, id).await?;
    let row = row.ok_or(WebError::NotFound)?;
    let forecast = parse(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("previsionnel-{id}.csv"),
        to_csv(&compute(&forecast)),
    ))
}

fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (cents / 100).abs(), (cents % 100).abs())
}

/// `statement,line,year 1,year 2,year 3` then `cash,month N,balance` (amounts in euros, dot decimals).
pub fn to_csv(r: &ForecastResult) -> String {
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
    out
}
