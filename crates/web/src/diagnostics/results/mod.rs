//! Results of a submitted attempt. One model ([`Results`], built by [`results`] from the
//! attempt, its definition, its scores, the owner's attempt before, the peers' quartiles and the
//! recommendations) is what the page (`page`), the PDF (`pdf`) and the e-mail (`email`) show,
//! so they cannot disagree.
mod email;
mod page;
mod pdf;
mod radar;

pub use email::email;
pub use page::{shared, show};
pub use pdf::report_pdf;

use super::{Access, definition, link_target, peers};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use domain::diagnostic::{Definition, OVERALL, Scores, outcome, score};
use radar::{Radar, radar};
use store::diagnostics::{Attempt, Owner};

/// One line of the results table: a dimension, or the overall score.
pub struct Row {
    pub number: usize,
    pub name: String,
    pub score: u8,
    pub level: String,
    /// The score of the attempt before (empty without one).
    pub previous: String,
    pub delta: String,
    pub delta_class: &'static str,
    /// The peers' quartiles (empty when too few responses).
    pub peers: String,
}

pub struct Recommendation {
    pub title: String,
    pub text: String,
    pub href: String,
    pub link: String,
    /// The dimension it answers, or « overall ».
    pub about: String,
}

/// One attempt of the owner's history: (id, date, overall, level, whether it is this one).
pub type HistoryLine = (i64, String, i64, String, bool);

/// What a results page, PDF or e-mail says, every text in the reader's language.
pub struct Results {
    pub diagnostic: String,
    pub title: String,
    pub attempt: i64,
    pub version: i64,
    pub date: String,
    /// The overall score, named « overall », with its level.
    pub overall: Row,
    /// The description of the overall level.
    pub overall_text: String,
    pub dimensions: Vec<Row>,
    /// Strengths: (dimension, score).
    pub strengths: Vec<(String, u8)>,
    /// Priorities: (dimension, score, level).
    pub priorities: Vec<(String, u8, String)>,
    pub recommendations: Vec<Recommendation>,
    pub history: Vec<HistoryLine>,
    /// The date of the attempt compared with, when there is one.
    pub previous_date: Option<String>,
    /// Whether every dimension has enough peer responses for quartiles.
    pub peers_shown: bool,
    pub peers_note: String,
    pub project: Option<(i64, String)>,
    pub radar: Radar,
}

/// The results of `attempt` for this reader, as [`results`] says them; on a page (a GET) kept
/// a few seconds per attempt, language and reader's kind of access (`AppState::reads`).
pub async fn results_for_page(
    state: &AppState,
    ctx: &Ctx,
    attempt: &Attempt,
    access: Option<&Access>,
) -> WebResult<std::sync::Arc<Results>> {
    let key = format!(
        "diagnostic-results:{}:{}:{}:{}:{:?}",
        attempt.id,
        ctx.i.locale.code(),
        ctx.user.is_some(),
        access.is_some(),
        access.and_then(|a| a.project.as_ref()).map(|p| p.id),
    );
    crate::cache::kept(state, ctx, key, results(state, ctx, attempt, access)).await
}

/// The results of `attempt` for this reader. `access` is none on the shared (e-mailed) page,
/// which shows no history or comparison and knows no project.
pub async fn results(
    state: &AppState,
    ctx: &Ctx,
    attempt: &Attempt,
    access: Option<&Access>,
) -> WebResult<Results> {
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
    let row = |number: usize, name: String, key: &str, s: u8| {
        let prev = previous.as_ref().and_then(|p| p.get(key));
        let delta = prev.map(|p| i64::from(s) - i64::from(p));
        Row {
            number,
            name,
            score: s,
            level: def.level_for(s).name.get(l).to_string(),
            previous: prev.map(|p| i.number(i64::from(p))).unwrap_or_default(),
            delta: delta.map(|d| signed(i, d)).unwrap_or_default(),
            delta_class: match delta {
                Some(d) if d > 0 => "diag-up",
                Some(d) if d < 0 => "diag-down",
                _ => "",
            },
            peers: peers.quartiles.get(key).map_or(String::new(), |q| {
                i.ta(
                    "diagnostics-peers-cell",
                    &[
                        ("q1", &i.number(i64::from(q.q1))),
                        ("median", &i.number(i64::from(q.median))),
                        ("q3", &i.number(i64::from(q.q3))),
                    ],
                )
            }),
        }
    };
    let dimensions: Vec<Row> = scores
        .dimensions
        .iter()
        .enumerate()
        .map(|(n, (key, s))| row(n + 1, name(key), key, *s))
        .collect();
    let overall = row(0, i.t("diagnostics-overall"), OVERALL, scores.overall);

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
            Recommendation {
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
    let date = |a: &Attempt| i.date(a.submitted_at.unwrap_or(a.updated_at));
    Ok(Results {
        diagnostic: def.id.clone(),
        title: def.title.get(l).to_string(),
        attempt: attempt.id,
        version: attempt.version,
        date: date(attempt),
        overall_text: def.level_for(scores.overall).description.get(l).to_string(),
        overall,
        dimensions,
        strengths: out
            .strengths
            .iter()
            .map(|k| (name(k), scores.get(k).unwrap_or(0)))
            .collect(),
        priorities: out
            .priorities
            .iter()
            .map(|k| {
                let s = scores.get(k).unwrap_or(0);
                (name(k), s, def.level_for(s).name.get(l).to_string())
            })
            .collect(),
        recommendations,
        history: history
            .iter()
            .map(|a| {
                (
                    a.id,
                    date(a),
                    a.overall.unwrap_or(0),
                    a.level.as_deref().map_or(String::new(), level_name),
                    a.id == attempt.id,
                )
            })
            .collect(),
        previous_date: before.as_ref().map(date),
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
        project: project.map(|p| (p.id, p.name.clone())),
        radar: radar(
            &names,
            &now_values,
            prev_values.as_deref(),
            median_values.as_deref(),
            &rings,
        ),
    })
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
