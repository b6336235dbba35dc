//! For the network team: anonymised statistics of each diagnostic (distribution per dimension,
//! per centre, CSV export) and the definition editor (validate, publish a new version).
use super::{current, known};
use crate::accounts::redirect_with_flash;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
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

async fn counts(state: &AppState, id: &str) -> WebResult<Counts> {
    let rows = store::diagnostics::score_counts_by_centre(&state.db, id).await?;
    let mut map: Counts = BTreeMap::new();
    for (centre, dimension, score, count) in rows {
        map.entry((centre, dimension)).or_default().push((
            u8::try_from(score).unwrap_or(0),
            u64::try_from(count).unwrap_or(0),
        ));
    }
    Ok(map)
}

/// The network-wide counts of one dimension (all centres merged).
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
    leads: String,
    min_group: String,
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

pub async fn stats(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(Action::ManageDiagnostics, Scope::Network)?;
    let i = ctx.i;
    let l = i.locale;
    let centres = store::centres::list(&state.db).await?;
    let centre_name = |c: Option<i64>| match c {
        Some(id) => centres
            .iter()
            .find(|x| x.id == id)
            .map_or_else(|| id.to_string(), |x| x.name.clone()),
        None => i.t("diagnostics-stats-visitors"),
    };
    let mut out = Vec::new();
    for d in shipped() {
        let def = current(&state, &d.id).await?;
        let counts = counts(&state, &def.id).await?;
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
    let leads = store::diagnostics::lead_count(&state.db).await?;
    let view = StatsView {
        layout: Layout::new(&state, &ctx, i.t("diagnostics-stats-title")),
        diagnostics: out,
        leads: i.tn("diagnostics-stats-leads", leads),
        min_group: i.number(MIN_GROUP as i64),
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

fn csv_field(value: &str) -> String {
    // Quote always; neutralise spreadsheet formulas.
    let v = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", v.replace('"', "\"\""))
}

/// CSV of the statistics: one line per group (network, then each centre with enough responses)
/// and dimension, with quartiles and the count per level.
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageDiagnostics, Scope::Network)?;
    let def = current(&state, &id).await?;
    let counts = counts(&state, &def.id).await?;
    let centres = store::centres::list(&state.db).await?;
    let mut keys: Vec<String> = def.dimensions.iter().map(|d| d.key.clone()).collect();
    keys.push(OVERALL.into());
    let mut csv = String::from("centre,dimension,responses,q1,median,q3");
    for lv in &def.levels {
        csv.push_str(&format!(",{}", csv_field(&format!("level:{}", lv.key))));
    }
    csv.push('\n');
    let mut line = |group: &str, key: &str, c: &[(u8, u64)]| {
        let q = quartiles_of_counts(c);
        let cell = |v: Option<u8>| v.map(|x| x.to_string()).unwrap_or_default();
        csv.push_str(&format!(
            "{},{},{},{},{},{}",
            csv_field(group),
            csv_field(key),
            total(c),
            cell(q.map(|q| q.q1)),
            cell(q.map(|q| q.median)),
            cell(q.map(|q| q.q3)),
        ));
        for n in per_level(&def, c) {
            csv.push_str(&format!(",{n}"));
        }
        csv.push('\n');
    };
    for key in &keys {
        line("network", key, &merged(&counts, key));
    }
    let mut groups: Vec<Option<i64>> = counts.keys().map(|(c, _)| *c).collect();
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
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"diagnostic-{}.csv\"", def.id),
            ),
        ],
        csv,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "diagnostics/edit.html")]
struct EditView {
    layout: Layout,
    id: String,
    title: String,
    document: String,
    errors: Vec<String>,
    versions: Vec<(String, String)>,
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    document: Option<String>,
    errors: Vec<String>,
) -> WebResult<Response> {
    let i = ctx.i;
    let def = current(state, id).await?;
    let document = match document {
        Some(d) => d,
        None => serde_json::to_string_pretty(def.as_ref())
            .map_err(|e| WebError::Internal(e.to_string()))?,
    };
    let versions = store::diagnostics::versions(&state.db, id)
        .await?
        .into_iter()
        .map(|(v, at, _)| {
            (
                i.ta("diagnostics-scoring-version", &[("version", &i.number(v))]),
                i.datetime(at),
            )
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = EditView {
        layout: Layout::new(
            state,
            ctx,
            i.ta(
                "diagnostics-edit-title",
                &[("title", def.title.get(i.locale))],
            ),
        ),
        id: id.to_string(),
        title: def.title.get(i.locale).to_string(),
        document,
        errors,
        versions,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageDiagnostics, Scope::Network)?;
    if !known(&id) {
        return Err(WebError::NotFound);
    }
    render_edit(&state, &ctx, &id, None, Vec::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    pub document: String,
}

/// Validates the pasted definition and publishes it as the next version; on errors, shows each
/// one and keeps the text.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<PublishForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageDiagnostics, Scope::Network)?;
    let user = ctx.require_user()?;
    if !known(&id) {
        return Err(WebError::NotFound);
    }
    let i = ctx.i;
    let message = |e: &domain::diagnostic::DefinitionError| {
        let (key, other) = e.args();
        i.ta(e.message_key(), &[("key", &key), ("other", &other)])
    };
    let mut def = match Definition::parse(&form.document) {
        Ok(d) => d,
        Err(errors) => {
            let errors = errors.iter().map(message).collect();
            return render_edit(&state, &ctx, &id, Some(form.document), errors).await;
        }
    };
    if def.id != id {
        let error = i.ta(
            "diagnostics-error-other-id",
            &[("key", &def.id), ("other", &id)],
        );
        return render_edit(&state, &ctx, &id, Some(form.document), vec![error]).await;
    }
    let latest = store::diagnostics::latest(&state.db, &id)
        .await?
        .map_or(0, |r| r.version);
    let version = latest + 1;
    def.version = u32::try_from(version).map_err(|e| WebError::Internal(e.to_string()))?;
    let document =
        serde_json::to_string_pretty(&def).map_err(|e| WebError::Internal(e.to_string()))?;
    match store::diagnostics::publish(&state.db, &id, version, &document, user.id).await {
        Ok(()) => {}
        Err(store::StoreError::Conflict) => {
            let error = i.t("diagnostics-error-published-meanwhile");
            return render_edit(&state, &ctx, &id, Some(form.document), vec![error]).await;
        }
        Err(e) => return Err(e.into()),
    }
    state.diagnostics.published();
    let detail = format!("{id} v{version}");
    store::audit::record(
        &state.db,
        AuditAction::DiagnosticPublished,
        Entry {
            actor_id: Some(user.id),
            detail: &detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/admin/diagnostics/{id}/edit"),
        "flash-diagnostics-published",
        &state,
    ))
}
