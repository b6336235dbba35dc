//! Results: scores per dimension and overall level, radar chart with its table, strengths,
//! priorities and recommendations, evolution between attempts, peer quartiles, results by
//! e-mail (which leaves a lead), and the page that explains the scoring.
use super::{Access, attempt_for, current, definition, link_target, peers};
use crate::accounts::redirect_with_flash;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Email;
use domain::diagnostic::{Definition, Kind, OVERALL, Scores, outcome, score};
use serde::Deserialize;
use store::diagnostics::{Attempt, Owner};

/// Addresses one visitor may leave for results in an hour.
const EMAILS_PER_HOUR: i64 = 10;

pub struct RowView {
    pub number: usize,
    pub name: String,
    pub score: u8,
    pub level: String,
    pub previous: String,
    pub delta: String,
    pub delta_class: &'static str,
    pub peers: String,
}

pub struct RecoView {
    pub title: String,
    pub text: String,
    pub href: String,
    pub link: String,
    pub about: String,
}

pub struct LabelView {
    pub x: String,
    pub y: String,
    pub anchor: &'static str,
    pub text: String,
}

/// The radar chart, drawn from the scores (coordinates as text for the SVG).
pub struct Radar {
    pub rings: Vec<String>,
    pub axes: Vec<(String, String)>,
    pub labels: Vec<LabelView>,
    pub current: String,
    pub dots: Vec<(String, String)>,
    pub previous: Option<String>,
    pub median: Option<String>,
}

const CX: f64 = 360.0;
const CY: f64 = 210.0;
const R: f64 = 150.0;

fn point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
    (
        CX + R * value / 100.0 * angle.cos(),
        CY + R * value / 100.0 * angle.sin(),
    )
}

fn polygon(values: &[f64]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = point(i, values.len(), *v);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn radar(
    names: &[String],
    now: &[u8],
    previous: Option<&[u8]>,
    median: Option<&[u8]>,
    rings: &[u8],
) -> Radar {
    let n = now.len().max(3);
    let as_f = |v: &[u8]| v.iter().map(|x| f64::from(*x)).collect::<Vec<_>>();
    Radar {
        rings: rings
            .iter()
            .map(|r| polygon(&vec![f64::from(*r); n]))
            .collect(),
        axes: (0..n)
            .map(|i| {
                let (x, y) = point(i, n, 100.0);
                (format!("{x:.1}"), format!("{y:.1}"))
            })
            .collect(),
        labels: names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let (x, y) = point(i, n, 112.0);
                let anchor = if (x - CX).abs() < 1.0 {
                    "middle"
                } else if x > CX {
                    "start"
                } else {
                    "end"
                };
                LabelView {
                    x: format!("{x:.1}"),
                    y: format!("{:.1}", if y > CY + 1.0 { y + 10.0 } else { y }),
                    anchor,
                    text: format!("{}. {name}", i + 1),
                }
            })
            .collect(),
        current: polygon(&as_f(now)),
        dots: as_f(now)
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (x, y) = point(i, n, *v);
                (format!("{x:.1}"), format!("{y:.1}"))
            })
            .collect(),
        previous: previous.map(|p| polygon(&as_f(p))),
        median: median.map(|m| polygon(&as_f(m))),
    }
}

#[derive(Template)]
#[template(path = "diagnostics/results.html")]
struct ResultsView {
    layout: Layout,
    diagnostic: String,
    title: String,
    attempt: i64,
    date: String,
    overall: u8,
    overall_level: String,
    overall_text: String,
    radar: Radar,
    radar_desc: String,
    rows: Vec<RowView>,
    strengths: Vec<(String, u8)>,
    priorities: Vec<(String, u8, String)>,
    recommendations: Vec<RecoView>,
    history: Vec<(i64, String, i64, String, bool)>,
    previous_date: Option<String>,
    peers_shown: bool,
    peers_note: String,
    overall_peers: String,
    project: Option<(i64, String)>,
    anonymous: bool,
    shared: bool,
    can_retake: bool,
    email_value: String,
    email_error: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(attempt_id): Path<i64>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if !attempt.submitted() {
        return Ok(
            Redirect::to(&format!("/diagnostics/attempts/{attempt_id}/pages/1")).into_response(),
        );
    }
    render(&state, &ctx, &attempt, Some(&access), None).await
}

/// The results page reached from the link sent by e-mail (no cookie or account needed).
pub async fn shared(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if token.len() != 43 {
        return Err(WebError::NotFound);
    }
    let attempt = store::diagnostics::attempt_by_result(&state.db, &token_hash(&token))
        .await?
        .ok_or(WebError::NotFound)?;
    render(&state, &ctx, &attempt, None, None).await
}

fn owner_of(attempt: &Attempt) -> Option<Owner> {
    match (
        attempt.project_id,
        attempt.user_id,
        &attempt.respondent_hash,
    ) {
        (Some(p), _, _) => Some(Owner::Project(p)),
        (None, Some(u), _) => Some(Owner::User(u)),
        (None, None, Some(h)) => Some(Owner::Respondent(h.clone())),
        _ => None,
    }
}

/// Stored scores back into `Scores`, in the definition's order.
fn stored_scores(def: &Definition, rows: &[(String, i64)]) -> Scores {
    let get = |k: &str| {
        rows.iter()
            .find(|(d, _)| d == k)
            .map_or(0, |(_, s)| u8::try_from(*s).unwrap_or(0))
    };
    Scores {
        dimensions: def
            .dimensions
            .iter()
            .map(|d| (d.key.clone(), get(&d.key)))
            .collect(),
        overall: get(OVERALL),
    }
}

fn signed(i: I18n, delta: i64) -> String {
    if delta > 0 {
        format!("+{}", i.number(delta))
    } else if delta < 0 {
        format!("−{}", i.number(-delta))
    } else {
        "=".to_string()
    }
}

/// The owner's submitted attempts, the one before `attempt` and its scores (the comparison).
async fn evolution(
    state: &AppState,
    def: &Definition,
    attempt: &Attempt,
) -> WebResult<(Vec<Attempt>, Option<Attempt>, Option<Scores>)> {
    let history = match owner_of(attempt) {
        Some(owner) => store::diagnostics::history(&state.db, &attempt.diagnostic, &owner).await?,
        None => Vec::new(),
    };
    let before = history
        .iter()
        .take_while(|a| a.id != attempt.id)
        .last()
        .cloned();
    let previous = match &before {
        Some(b) => {
            let r = store::diagnostics::scores(&state.db, b.id).await?;
            Some(stored_scores(def, &r))
        }
        None => None,
    };
    Ok((history, before, previous))
}

/// Renders the results; `access` is none on the shared (e-mailed) page, which offers no forms.
async fn render(
    state: &AppState,
    ctx: &Ctx,
    attempt: &Attempt,
    access: Option<&Access>,
    email_problem: Option<(String, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let l = i.locale;
    let def = definition(state, &attempt.diagnostic, attempt.version).await?;
    let rows = store::diagnostics::scores(&state.db, attempt.id).await?;
    let scores = if rows.is_empty() {
        score(&def, &attempt.answers()?)
    } else {
        stored_scores(&def, &rows)
    };
    let out = outcome(&def, &scores);
    let name = |key: &str| {
        def.dimension(key)
            .map_or(key.to_string(), |d| d.name.get(l).to_string())
    };
    let level_name = |key: &str| {
        def.level(key)
            .map_or(String::new(), |lv| lv.name.get(l).to_string())
    };

    let (history, before, previous) = if access.is_some() {
        evolution(state, &def, attempt).await?
    } else {
        (Vec::new(), None, None)
    };

    let peers = peers(state, &attempt.diagnostic, attempt.version).await?;
    let peers_shown = def
        .dimensions
        .iter()
        .all(|d| peers.quartiles.contains_key(&d.key));
    let peer_text = |key: &str| {
        peers.quartiles.get(key).map_or(String::new(), |q| {
            i.ta(
                "diagnostics-peers-cell",
                &[
                    ("q1", &i.number(i64::from(q.q1))),
                    ("median", &i.number(i64::from(q.median))),
                    ("q3", &i.number(i64::from(q.q3))),
                ],
            )
        })
    };
    let table: Vec<RowView> = scores
        .dimensions
        .iter()
        .enumerate()
        .map(|(n, (key, s))| {
            let prev = previous.as_ref().and_then(|p| p.get(key));
            let delta = prev.map(|p| i64::from(*s) - i64::from(p));
            RowView {
                number: n + 1,
                name: name(key),
                score: *s,
                level: out
                    .levels
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(String::new(), |(_, lv)| level_name(lv)),
                previous: prev.map(|p| i.number(i64::from(p))).unwrap_or_default(),
                delta: delta.map(|d| signed(i, d)).unwrap_or_default(),
                delta_class: match delta {
                    Some(d) if d > 0 => "diag-up",
                    Some(d) if d < 0 => "diag-down",
                    _ => "",
                },
                peers: peer_text(key),
            }
        })
        .collect();
    let names: Vec<String> = def
        .dimensions
        .iter()
        .map(|d| d.name.get(l).to_string())
        .collect();
    let now_values: Vec<u8> = scores.dimensions.iter().map(|(_, s)| *s).collect();
    let prev_values: Option<Vec<u8>> = previous
        .as_ref()
        .map(|p| p.dimensions.iter().map(|(_, s)| *s).collect());
    let median_values: Option<Vec<u8>> = peers_shown.then(|| {
        def.dimensions
            .iter()
            .map(|d| peers.quartiles.get(&d.key).map_or(0, |q| q.median))
            .collect()
    });
    let rings: Vec<u8> = def
        .levels
        .iter()
        .skip(1)
        .map(|lv| lv.min)
        .chain([100])
        .collect();
    let radar = radar(
        &names,
        &now_values,
        prev_values.as_deref(),
        median_values.as_deref(),
        &rings,
    );

    // Where recommendations lead depends on the reader: their project's canvas, or sign-up.
    let project = access.and_then(|a| a.project.as_ref());
    let canvas = match project {
        Some(p) => store::canvas::for_project(&state.db, p.id)
            .await?
            .first()
            .map(|c| c.id),
        None => None,
    };
    let signed_in = ctx.user.is_some();
    let recommendations = out
        .recommendations
        .iter()
        .map(|r| {
            let (href, key) =
                link_target(&r.link, &def.id, signed_in, project.map(|p| (p.id, canvas)));
            RecoView {
                title: r.title.get(l).to_string(),
                text: r.text.get(l).to_string(),
                href,
                link: i.t(key),
                about: r
                    .dimension
                    .as_deref()
                    .map_or_else(|| i.t("diagnostics-overall"), &name),
            }
        })
        .collect();

    let (email_value, email_error) = match email_problem {
        Some((value, message)) => (value, Some(message)),
        None => (String::new(), None),
    };
    let status = if email_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let overall_level = def.level_for(scores.overall);
    let view = ResultsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("diagnostics-results-title", &[("title", def.title.get(l))]),
        ),
        diagnostic: def.id.clone(),
        title: def.title.get(l).to_string(),
        attempt: attempt.id,
        date: i.date(attempt.submitted_at.unwrap_or(attempt.updated_at)),
        overall: scores.overall,
        overall_level: overall_level.name.get(l).to_string(),
        overall_text: overall_level.description.get(l).to_string(),
        radar_desc: i.t(if previous.is_some() {
            "diagnostics-radar-desc-previous"
        } else {
            "diagnostics-radar-desc"
        }),
        radar,
        rows: table,
        strengths: out
            .strengths
            .iter()
            .map(|k| (name(k), scores.get(k).unwrap_or(0)))
            .collect(),
        priorities: out
            .priorities
            .iter()
            .map(|k| {
                let lv = out
                    .levels
                    .iter()
                    .find(|(d, _)| d == k)
                    .map_or(String::new(), |(_, lv)| level_name(lv));
                (name(k), scores.get(k).unwrap_or(0), lv)
            })
            .collect(),
        recommendations,
        history: history
            .iter()
            .map(|a| {
                (
                    a.id,
                    i.date(a.submitted_at.unwrap_or(a.updated_at)),
                    a.overall.unwrap_or(0),
                    a.level.as_deref().map_or(String::new(), level_name),
                    a.id == attempt.id,
                )
            })
            .collect(),
        previous_date: before
            .as_ref()
            .map(|b| i.date(b.submitted_at.unwrap_or(b.updated_at))),
        peers_shown,
        peers_note: if peers_shown {
            i.tn("diagnostics-peers-count", peers.count as i64)
        } else {
            i.ta(
                "diagnostics-peers-too-few",
                &[
                    ("min", &i.number(domain::diagnostic::MIN_PEERS as i64)),
                    ("count", &i.number(peers.count as i64)),
                ],
            )
        },
        overall_peers: peer_text(OVERALL),
        project: project.map(|p| (p.id, p.name.clone())),
        anonymous: access.is_some() && attempt.user_id.is_none() && attempt.project_id.is_none(),
        shared: access.is_none(),
        can_retake: access.is_some_and(|a| a.can_answer),
        email_value,
        email_error,
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}

/// Sends the results to the address given (queued mail), keeps it as a lead, and gives the
/// results a link that works without the cookie.
pub async fn email(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(attempt_id): Path<i64>,
    Form(form): Form<EmailForm>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if !attempt.submitted() {
        return Err(WebError::NotFound);
    }
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", i, Email::parse(&form.email));
    let hits = store::rate_limit::hit(
        &state.db,
        &format!("diagnostic-email:{}", ctx.client_ip),
        3_600,
    )
    .await?;
    if hits > EMAILS_PER_HOUR {
        errors.add("email", i, "error-too-many-attempts");
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        let message = errors.get("email").cloned().unwrap_or_default();
        return render(
            &state,
            &ctx,
            &attempt,
            Some(&access),
            Some((form.email.clone(), message)),
        )
        .await;
    };
    let def = definition(&state, &attempt.diagnostic, attempt.version).await?;
    let token = new_token();
    store::diagnostics::set_result_hash(&state.db, attempt.id, &token_hash(&token)).await?;
    store::diagnostics::add_lead(&state.db, email.as_str(), attempt.id, &def.id, i.code()).await?;
    let rows = store::diagnostics::scores(&state.db, attempt.id).await?;
    let scores = stored_scores(&def, &rows);
    let out = outcome(&def, &scores);
    let l = i.locale;
    let mut paragraphs = vec![i.ta(
        "diagnostics-email-overall",
        &[
            ("score", &i.number(i64::from(scores.overall))),
            ("level", def.level_for(scores.overall).name.get(l)),
        ],
    )];
    for (key, s) in &scores.dimensions {
        if let Some(d) = def.dimension(key) {
            paragraphs.push(i.ta(
                "diagnostics-email-dimension",
                &[
                    ("name", d.name.get(l)),
                    ("score", &i.number(i64::from(*s))),
                    ("level", def.level_for(*s).name.get(l)),
                ],
            ));
        }
    }
    if !out.recommendations.is_empty() {
        paragraphs.push(i.t("diagnostics-email-next"));
        for r in &out.recommendations {
            paragraphs.push(format!("— {} : {}", r.title.get(l), r.text.get(l)));
        }
    }
    Compose {
        i,
        to: email.as_str(),
        subject: i.ta("diagnostics-email-subject", &[("title", def.title.get(l))]),
        greeting: i.t("diagnostics-email-greeting"),
        paragraphs,
        action: Some((
            i.t("diagnostics-email-action"),
            state.url(&format!("/diagnostics/results/{token}")),
        )),
        after: vec![i.t("diagnostics-email-after")],
    }
    .queue(&state)
    .await?;
    Ok(redirect_with_flash(
        &format!("/diagnostics/attempts/{attempt_id}/results"),
        "flash-diagnostics-emailed",
        &state,
    ))
}

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

/// `GET /diagnostics/attempts/{id}/report.pdf`: the results as a printable report (scores and
/// levels, comparison, peers, strengths, priorities, recommendations with their links, and how
/// the result is calculated).
pub async fn report_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(attempt_id): Path<i64>,
) -> WebResult<Response> {
    use documents::{Block, Report, Section};
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if !attempt.submitted() {
        return Err(WebError::NotFound);
    }
    let i = ctx.i;
    let l = i.locale;
    let def = definition(&state, &attempt.diagnostic, attempt.version).await?;
    let rows = store::diagnostics::scores(&state.db, attempt.id).await?;
    let scores = stored_scores(&def, &rows);
    let out = outcome(&def, &scores);
    let (_, before, previous) = evolution(&state, &def, &attempt).await?;
    let peers = peers(&state, &attempt.diagnostic, attempt.version).await?;
    let name = |key: &str| {
        def.dimension(key)
            .map_or(key.to_string(), |d| d.name.get(l).to_string())
    };
    let overall_level = def.level_for(scores.overall);
    let mut columns = vec![
        i.t("diagnostics-col-dimension"),
        i.t("diagnostics-col-score"),
        i.t("diagnostics-col-level"),
    ];
    let mut numeric = vec![false, true, false];
    if let Some(b) = &before {
        let date = i.date(b.submitted_at.unwrap_or(b.updated_at));
        columns.push(i.ta("diagnostics-col-previous", &[("date", &date)]));
        numeric.push(true);
    }
    let show_peers = def
        .dimensions
        .iter()
        .all(|d| peers.quartiles.contains_key(&d.key));
    if show_peers {
        columns.push(i.t("diagnostics-col-peers"));
        numeric.push(false);
    }
    let table_rows = scores
        .dimensions
        .iter()
        .chain(std::iter::once(&(OVERALL.to_string(), scores.overall)))
        .map(|(key, s)| {
            let mut row = vec![
                if key == OVERALL {
                    i.t("diagnostics-overall")
                } else {
                    name(key)
                },
                i.number(i64::from(*s)),
                def.level_for(*s).name.get(l).to_string(),
            ];
            if before.is_some() {
                row.push(
                    previous
                        .as_ref()
                        .and_then(|p| p.get(key))
                        .map(|p| i.number(i64::from(p)))
                        .unwrap_or_default(),
                );
            }
            if show_peers {
                row.push(peers.quartiles.get(key).map_or(String::new(), |q| {
                    i.ta(
                        "diagnostics-peers-cell",
                        &[
                            ("q1", &i.number(i64::from(q.q1))),
                            ("median", &i.number(i64::from(q.median))),
                            ("q3", &i.number(i64::from(q.q3))),
                        ],
                    )
                }));
            }
            row
        })
        .collect();
    let project = access.project.as_ref();
    let canvas = match project {
        Some(p) => store::canvas::for_project(&state.db, p.id)
            .await?
            .first()
            .map(|c| c.id),
        None => None,
    };
    let recommendations = out
        .recommendations
        .iter()
        .flat_map(|r| {
            let (href, key) = link_target(
                &r.link,
                &def.id,
                ctx.user.is_some(),
                project.map(|p| (p.id, canvas)),
            );
            [
                Block::Callout {
                    title: r.title.get(l).to_string(),
                    text: r.text.get(l).to_string(),
                },
                Block::Labelled {
                    label: i.t(key),
                    text: state.url(&href),
                },
            ]
        })
        .collect();
    let report = Report {
        lang: i.code().to_string(),
        title: def.title.get(l).to_string(),
        subtitle: project.map_or_else(|| i.t("diagnostics-results-heading"), |p| p.name.clone()),
        meta: vec![
            i.ta(
                "diagnostics-results-date",
                &[(
                    "date",
                    &i.date(attempt.submitted_at.unwrap_or(attempt.updated_at)),
                )],
            ),
            i.ta(
                "diagnostics-scoring-version",
                &[("version", &i.number(attempt.version))],
            ),
        ],
        footer: i.t("diagnostics-pdf-footer"),
        sections: vec![
            Section {
                heading: i.t("diagnostics-overall"),
                level: 1,
                page_break: false,
                blocks: vec![
                    Block::Labelled {
                        label: format!(
                            "{} {}",
                            i.number(i64::from(scores.overall)),
                            i.t("diagnostics-out-of")
                        ),
                        text: format!(
                            "{} — {}",
                            overall_level.name.get(l),
                            overall_level.description.get(l)
                        ),
                    },
                    Block::Table {
                        columns,
                        numeric,
                        rows: table_rows,
                    },
                    Block::Paragraph {
                        text: if show_peers {
                            i.tn("diagnostics-peers-count", peers.count as i64)
                        } else {
                            i.ta(
                                "diagnostics-peers-too-few",
                                &[
                                    ("min", &i.number(domain::diagnostic::MIN_PEERS as i64)),
                                    ("count", &i.number(peers.count as i64)),
                                ],
                            )
                        },
                    },
                ],
            },
            Section {
                heading: i.t("diagnostics-strengths"),
                level: 2,
                page_break: false,
                blocks: vec![if out.strengths.is_empty() {
                    Block::Paragraph {
                        text: i.t("diagnostics-strengths-none"),
                    }
                } else {
                    Block::Bullets {
                        items: out.strengths.iter().map(|k| name(k)).collect(),
                    }
                }],
            },
            Section {
                heading: i.t("diagnostics-priorities"),
                level: 2,
                page_break: false,
                blocks: vec![if out.priorities.is_empty() {
                    Block::Paragraph {
                        text: i.t("diagnostics-priorities-none"),
                    }
                } else {
                    Block::Bullets {
                        items: out.priorities.iter().map(|k| name(k)).collect(),
                    }
                }],
            },
            Section {
                heading: i.t("diagnostics-recommendations"),
                level: 1,
                page_break: false,
                blocks: recommendations,
            },
            Section {
                heading: i.t("diagnostics-scoring-heading"),
                level: 1,
                page_break: false,
                blocks: vec![Block::Bullets {
                    items: [
                        "diagnostics-scoring-rule-answer",
                        "diagnostics-scoring-rule-dimension",
                        "diagnostics-scoring-rule-conditions",
                        "diagnostics-scoring-rule-overall",
                        "diagnostics-scoring-rule-levels",
                        "diagnostics-scoring-rule-priorities",
                        "diagnostics-scoring-rule-peers",
                    ]
                    .iter()
                    .map(|k| i.t(k))
                    .collect(),
                }],
            },
        ],
    };
    let bytes =
        tokio::task::spawn_blocking(move || documents::pdf(documents::Template::Report, &report))
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "inline; filename=\"diagnostic-{}-{}.pdf\"",
                    def.id, attempt.id
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}
