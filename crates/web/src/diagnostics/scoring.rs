//! « Comment est calculé mon résultat ? »: the scoring of a diagnostic explained from its
//! definition (levels, dimensions and their weights, each question's points and conditions).
use super::{current, definition};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::diagnostic::Kind;
use serde::Deserialize;

pub struct ScoringDimension {
    pub name: String,
    pub description: String,
    pub weight: String,
    pub questions: Vec<ScoringQuestion>,
}

pub struct ScoringQuestion {
    pub label: String,
    pub weight: String,
    pub answers: Vec<(String, String)>,
    pub condition: String,
}

#[derive(Template)]
#[template(path = "diagnostics/scoring.html")]
struct ScoringView {
    layout: Layout,
    diagnostic: String,
    title: String,
    version: String,
    levels: Vec<(String, String, String)>,
    dimensions: Vec<ScoringDimension>,
    unscored: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ScoringQuery {
    pub version: Option<i64>,
}

/// « Comment est calculé mon résultat ? », generated from the definition itself.
pub async fn scoring(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ScoringQuery>,
) -> WebResult<Response> {
    let def = match q.version {
        Some(v) if super::known(&id) => definition(&state, &id, v).await?,
        _ => current(&state, &id).await?,
    };
    let i = ctx.i;
    let l = i.locale;
    let levels = def
        .levels
        .iter()
        .enumerate()
        .map(|(n, lv)| {
            let max = def.levels.get(n + 1).map_or(100, |next| next.min - 1);
            (
                lv.name.get(l).to_string(),
                i.ta(
                    "diagnostics-scoring-range",
                    &[
                        ("min", &i.number(i64::from(lv.min))),
                        ("max", &i.number(i64::from(max))),
                    ],
                ),
                lv.description.get(l).to_string(),
            )
        })
        .collect();
    let total_weight: u32 = def.dimensions.iter().map(|d| d.weight).sum();
    let dimensions = def
        .dimensions
        .iter()
        .map(|d| ScoringDimension {
            name: d.name.get(l).to_string(),
            description: d.description.get(l).to_string(),
            weight: i.ta(
                "diagnostics-scoring-dimension-weight",
                &[
                    ("weight", &i.number(i64::from(d.weight))),
                    ("total", &i.number(i64::from(total_weight))),
                ],
            ),
            questions: def
                .questions()
                .filter_map(|q| q.weights.get(&d.key).map(|w| (q, w)))
                .map(|(q, w)| ScoringQuestion {
                    label: q.label.get(l).to_string(),
                    weight: i.ta(
                        "diagnostics-scoring-weight",
                        &[("weight", &i.number(i64::from(*w)))],
                    ),
                    answers: answer_points(i, q),
                    condition: q
                        .condition
                        .as_ref()
                        .and_then(|c| def.question(&c.question))
                        .map(|t| {
                            i.ta(
                                "diagnostics-scoring-condition",
                                &[("question", t.label.get(l))],
                            )
                        })
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let view = ScoringView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("diagnostics-scoring-title", &[("title", def.title.get(l))]),
        ),
        diagnostic: def.id.clone(),
        title: def.title.get(l).to_string(),
        version: i.ta(
            "diagnostics-scoring-version",
            &[("version", &i.number(i64::from(def.version)))],
        ),
        levels,
        dimensions,
        unscored: def
            .questions()
            .filter(|q| q.weights.is_empty())
            .map(|q| q.label.get(l).to_string())
            .collect(),
    };
    Ok(Html(view.render()?).into_response())
}

/// Each possible answer of a question with the share of the question's points it brings.
fn answer_points(i: I18n, q: &domain::diagnostic::Question) -> Vec<(String, String)> {
    let l = i.locale;
    let max = i64::from(q.max_points());
    let share = |points: i64| {
        i.ta(
            "diagnostics-scoring-points",
            &[("points", &i.number(points)), ("max", &i.number(max))],
        )
    };
    match q.kind {
        Kind::Single => q
            .options
            .iter()
            .map(|o| (o.label.get(l).to_string(), share(i64::from(o.points))))
            .collect(),
        Kind::Multiple => q
            .options
            .iter()
            .map(|o| {
                (
                    i.ta("diagnostics-scoring-each", &[("choice", o.label.get(l))]),
                    share(i64::from(o.points)),
                )
            })
            .collect(),
        Kind::Scale => (1..=5).map(|n| (i.number(n), share(n - 1))).collect(),
        Kind::Number => q
            .bands
            .iter()
            .map(|b| {
                (
                    i.ta("diagnostics-scoring-from", &[("min", &i.number(b.min))]),
                    share(i64::from(b.points)),
                )
            })
            .collect(),
        Kind::ShortText | Kind::LongText => Vec::new(),
    }
}
