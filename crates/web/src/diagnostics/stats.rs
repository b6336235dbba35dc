//! Anonymised statistics of each diagnostic (distribution per dimension, medians per centre,
//! CSV export). A centre's managers see their centre's responses; the network team everyone's,
//! visitors' included, or one centre's.
use super::current;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::scope::{self, Reach};
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use domain::diagnostic::{Definition, OVERALL, Quartiles, quartiles_of_counts, shipped};
use domain::{Action, Scope};
use serde::Deserialize;
use std::collections::BTreeMap;
use store::audit::{AuditAction, Entry};

/// Smallest group whose figures are shown: fewer responses could point at a person.
pub const MIN_GROUP: u64 = 5;

/// (centre, dimension) → (score, count) pairs.
type Counts = BTreeMap<(Option<i64>, String), Vec<(u8, u64)>>;

/// The groups a request shows: one centre's responses, or everyone's for the network team.
struct Shown {
    reach: Reach,
    centre: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Filter {
    centre: String,
}

async fn shown(state: &AppState, ctx: &Ctx, query: Option<String>) -> WebResult<Shown> {
    let reach = scope::reach(state, ctx, Action::ViewDiagnosticStats).await?;
    let filter: Filter = query
        .and_then(|q| serde_urlencoded::from_str(&q).ok())
        .unwrap_or_default();
    let centre = reach.chosen(filter.centre.trim().parse().unwrap_or(0));
    Ok(Shown { reach, centre })
}

async fn counts(state: &AppState, id: &str, shown: &Shown) -> WebResult<Counts> {
    let rows = store::diagnostics::score_counts_by_centre(&state.db, id).await?;
    let mut map: Counts = BTreeMap::new();
    for (centre, dimension, score, count) in rows {
        if shown.centre.is_some() && centre != shown.centre {
            continue;
        }
        map.entry((centre, dimension)).or_default().push((
            u8::try_from(score).unwrap_or(0),
            u64::try_from(count).unwrap_or(0),
        ));
    }
    Ok(map)
}

/// The counts of one dimension, every shown group merged.
fn merged(counts: &Counts, dimension: &str) -> Vec<(u8, u64)> {
    let mut by_score = [0u64; 101];
    for ((_, d), list) in counts {
        if d == dimension {
            for (s, c) in list {
                by_score[usize::from((*s).min(100))] += c;
            }
        }
    }
    by_score
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(s, c)| (s as u8, *c))
        .collect()
}

/// How many responses fall in each level of the definition.
fn per_level(def: &Definition, counts: &[(u8, u64)]) -> Vec<u64> {
    def.levels
        .iter()
        .enumerate()
        .map(|(n, lv)| {
            let upper = def.levels.get(n + 1).map_or(101, |next| next.min);
            counts
                .iter()
                .filter(|(s, _)| *s >= lv.min && *s < upper)
                .map(|(_, c)| c)
                .sum()
        })
        .collect()
}

fn total(counts: &[(u8, u64)]) -> u64 {
    counts.iter().map(|(_, c)| c).sum()
}

pub struct DimensionStats {
    pub name: String,
    pub quartiles: String,
    pub levels: Vec<(String, String)>,
}

pub struct CentreStats {
    pub name: String,
    pub responses: String,
    pub medians: Vec<String>,
    pub hidden: bool,
}

pub struct DiagnosticStats {
    pub id: String,
    pub title: String,
    pub version: String,
    pub responses: String,
    pub levels: Vec<String>,
    pub dimensions: Vec<DimensionStats>,
    pub columns: Vec<String>,
    pub centres: Vec<CentreStats>,
}

#[derive(Template)]
#[template(path = "diagnostics/stats.html")]
struct StatsView {
    layout: Layout,
    diagnostics: Vec<DiagnosticStats>,
    /// The diagnostic leads, for the network team (visitors have no centre).
    leads: Option<String>,
    min_group: String,
    centres: Vec<(i64, String)>,
    centre: i64,
    all_centres: bool,
    /// The centre filter carried by the CSV links.
    query: String,
    can_edit: bool,
}

fn quartile_text(i: I18n, q: Option<Quartiles>) -> String {
    q.map_or_else(
        || i.t("diagnostics-stats-too-few"),
        |q| {
            i.ta(
                "diagnostics-peers-cell",
                &[
                    ("q1", &i.number(i64::from(q.q1))),
                    ("median", &i.number(i64::from(q.median))),
                    ("q3", &i.number(i64::from(q.q3))),
                ],
            )
        },
    )
}

fn percent(i: I18n, part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".into();
    }
    let p = (part * 100 + whole / 2) / whole;
    i.ta("diagnostics-percent", &[("value", &i.number(p as i64))])
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let shown = shown(&state, &ctx, query).await?;
    let i = ctx.i;
    let l = i.locale;
    let centres = &shown.reach.centres;
    let centre_name = |c: Option<i64>| match c {
        Some(id) => centres
            .iter()
            .find(|(x, _)| *x == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone()),
        None => i.t("diagnostics-stats-visitors"),
    };
    let mut out = Vec::new();
    for d in shipped() {
        let def = current(&state, &d.id).await?;
        let counts = counts(&state, &def.id, &shown).await?;
        let overall = merged(&counts, OVERALL);
        let responses = total(&overall);
        let mut keys: Vec<(String, String)> = def
            .dimensions
            .iter()
            .map(|x| (x.key.clone(), x.name.get(l).to_string()))
            .collect();
        keys.push((OVERALL.into(), i.t("diagnostics-overall")));
        let dimensions = keys
            .iter()
            .map(|(key, name)| {
                let c = merged(&counts, key);
                let n = total(&c);
                DimensionStats {
                    name: name.clone(),
                    quartiles: quartile_text(i, quartiles_of_counts(&c)),
                    levels: per_level(&def, &c)
                        .into_iter()
                        .map(|k| (i.number(k as i64), percent(i, k, n)))
                        .collect(),
                }
            })
            .collect();
        let centre_ids: Vec<Option<i64>> = {
            let mut v: Vec<Option<i64>> = counts
                .keys()
                .filter(|(_, dim)| dim == OVERALL)
                .map(|(c, _)| *c)
                .collect();
            v.dedup();
            v
        };
        let centres_stats = centre_ids
            .into_iter()
            .map(|c| {
                let n = counts
                    .get(&(c, OVERALL.to_string()))
                    .map_or(0, |list| total(list));
                let hidden = n < MIN_GROUP;
                CentreStats {
                    name: centre_name(c),
                    responses: i.number(n as i64),
                    medians: keys
                        .iter()
                        .map(|(key, _)| {
                            if hidden {
                                return "—".into();
                            }
                            counts
                                .get(&(c, key.clone()))
                                .and_then(|list| median(list))
                                .map_or("—".into(), |m| i.number(i64::from(m)))
                        })
                        .collect(),
                    hidden,
                }
            })
            .collect();
        out.push(DiagnosticStats {
            id: def.id.clone(),
            title: def.title.get(l).to_string(),
            version: i.ta(
                "diagnostics-scoring-version",
                &[("version", &i.number(i64::from(def.version)))],
            ),
            responses: i.tn("diagnostics-stats-responses", responses as i64),
            levels: def
                .levels
                .iter()
                .map(|lv| lv.name.get(l).to_string())
                .collect(),
            dimensions,
            columns: keys.into_iter().map(|(_, n)| n).collect(),
            centres: centres_stats,
        });
    }
    let leads = if shown.reach.all {
        let n = store::diagnostics::lead_count(&state.db).await?;
        Some(i.tn("diagnostics-stats-leads", n))
    } else {
        None
    };
    let view = StatsView {
        layout: Layout::new(&state, &ctx, i.t("diagnostics-stats-title")),
        diagnostics: out,
        leads,
        min_group: i.number(MIN_GROUP as i64),
        query: shown
            .centre
            .map(|c| format!("?centre={c}"))
            .unwrap_or_default(),
        centre: shown.centre.unwrap_or(0),
        all_centres: shown.reach.all,
        can_edit: ctx.actor.can(Action::ManageDiagnostics, Scope::Network),
        centres: shown.reach.centres,
    };
    Ok(Html(view.render()?).into_response())
}

/// The median of a group of at least `MIN_GROUP` responses (without the ten-response rule of
/// the peer benchmark, which is about one person comparing themselves).
fn median(counts: &[(u8, u64)]) -> Option<u8> {
    let n = total(counts);
    if n < MIN_GROUP {
        return None;
    }
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let rank = n.div_ceil(2);
    let mut seen = 0;
    for (s, c) in sorted {
        seen += c;
        if seen >= rank {
            return Some(s);
        }
    }
    None
}

/// CSV of the statistics: one line per group (network, then each centre with enough responses)
/// and dimension, with quartiles and the count per level.
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> WebResult<Response> {
    let shown = shown(&state, &ctx, query).await?;
    let def = current(&state, &id).await?;
    let counts = counts(&state, &def.id, &shown).await?;
    let centres = store::centres::list(&state.db).await?;
    let mut keys: Vec<String> = def.dimensions.iter().map(|d| d.key.clone()).collect();
    keys.push(OVERALL.into());
    let mut header: Vec<String> = ["centre", "dimension", "responses", "q1", "median", "q3"]
        .map(String::from)
        .into();
    header.extend(def.levels.iter().map(|lv| format!("level:{}", lv.key)));
    let mut rows = vec![header];
    let mut line = |group: &str, key: &str, c: &[(u8, u64)]| {
        let q = quartiles_of_counts(c);
        let cell = |v: Option<u8>| v.map(|x| x.to_string()).unwrap_or_default();
        let mut row = vec![
            group.to_string(),
            key.to_string(),
            total(c).to_string(),
            cell(q.map(|q| q.q1)),
            cell(q.map(|q| q.median)),
            cell(q.map(|q| q.q3)),
        ];
        row.extend(per_level(&def, c).into_iter().map(|n| n.to_string()));
        rows.push(row);
    };
    // The merged line is the network's only when every centre is shown.
    let merged_group = match shown.centre {
        None => "network".to_string(),
        Some(c) => centres
            .iter()
            .find(|x| x.id == c)
            .map_or_else(|| c.to_string(), |x| x.slug.clone()),
    };
    for key in &keys {
        line(&merged_group, key, &merged(&counts, key));
    }
    // Then each group with enough responses, when the merged line is not already one centre's.
    let mut groups: Vec<Option<i64>> = match shown.centre {
        None => counts.keys().map(|(c, _)| *c).collect(),
        Some(_) => Vec::new(),
    };
    groups.dedup();
    for c in groups {
        let n = counts
            .get(&(c, OVERALL.to_string()))
            .map_or(0, |list| total(list));
        if n < MIN_GROUP {
            continue;
        }
        let name = match c {
            Some(cid) => centres
                .iter()
                .find(|x| x.id == cid)
                .map_or_else(|| cid.to_string(), |x| x.slug.clone()),
            None => "visitors".into(),
        };
        for key in &keys {
            let list = counts.get(&(c, key.clone())).cloned().unwrap_or_default();
            line(&name, key, &list);
        }
    }
    store::audit::record(
        &state.db,
        AuditAction::DiagnosticStatsExported,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            detail: &def.id,
            ..Entry::default()
        },
    )
    .await?;
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("diagnostic-{}.csv", def.id),
    ))
}
