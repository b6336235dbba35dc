//! The forecast's versions: who saved each and when, two versions' key figures side by side,
//! and restoring an old one (saved as a new version, so nothing is lost).
use super::owner::{Key, editable, reach};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::forecast::{ForecastResult, compute, parse};
use serde::Deserialize;

pub struct VersionView {
    pub version: i64,
    pub meta: String,
    pub note: String,
    pub current: bool,
}

pub struct DiffRow {
    pub label: String,
    pub a: String,
    pub b: String,
    pub change: String,
}

#[derive(Template)]
#[template(path = "forecasts/versions.html")]
struct VersionsView {
    layout: Layout,
    base: String,
    can_edit: bool,
    current: i64,
    versions: Vec<VersionView>,
    a: i64,
    b: i64,
    diff: Vec<DiffRow>,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    #[serde(default)]
    a: Option<String>,
    #[serde(default)]
    b: Option<String>,
}

/// The figures compared, per year: (label key, value of a year of a result).
const FIGURES: [&str; 6] = [
    "chiffre_affaires",
    "charges_externes",
    "salaires",
    "ebe",
    "resultat_net",
    "tresorerie",
];

fn figure(r: &ForecastResult, name: &str, year: usize) -> i64 {
    let y = &r.years[year];
    match name {
        "chiffre_affaires" => y.chiffre_affaires,
        "charges_externes" => y.charges_externes,
        "salaires" => y.salaires + y.charges_sociales,
        "ebe" => y.ebe,
        "resultat_net" => y.resultat_net,
        _ => r.cash.get(year * 12 + 11).copied().unwrap_or(0),
    }
}

/// A version's note as words: the editor's step, an import, a restore.
fn note(ctx: &Ctx, note: &str) -> String {
    let i = ctx.i;
    match note.strip_prefix("restore:") {
        Some(v) => i.ta("forecast-versions-note-restore", &[("n", v)]),
        None if note.is_empty() => i.t("forecast-versions-note-created"),
        None => {
            let key = format!("forecast-step-{note}");
            if super::fields::step(note).is_some() {
                i.ta("forecast-versions-note-step", &[("step", &i.t(&key))])
            } else if note == "import" {
                i.t("forecast-versions-note-import")
            } else {
                note.to_string()
            }
        }
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Query(q): Query<CompareQuery>,
) -> WebResult<Response> {
    let i = ctx.i;
    let l = i.locale;
    let owner = reach(&state, &ctx, &key).await?;
    let asked = |t: &Option<String>| t.as_deref().and_then(|t| t.trim().parse::<i64>().ok());
    let (qa, qb) = (asked(&q.a), asked(&q.b));
    let history =
        store::forecasts::history(&state.db, owner.of, qa.unwrap_or(0), qb.unwrap_or(0)).await?;
    let current = history.first().ok_or(WebError::NotFound)?.version.version;
    let within = |v: Option<i64>| v.filter(|v| (1..=current).contains(v));
    let b = within(qb).unwrap_or(current);
    let a = within(qa).unwrap_or((current - 1).max(1));
    let unknown = i.t("forecast-versions-someone");
    let result = |n: i64| -> WebResult<ForecastResult> {
        let doc = history
            .iter()
            .find(|h| h.version.version == n)
            .and_then(|h| h.document.as_deref())
            .ok_or(WebError::NotFound)?;
        Ok(compute(
            &parse(doc).map_err(|e| WebError::Internal(e.to_string()))?,
        ))
    };
    let (ra, rb) = (result(a)?, result(b)?);
    let versions = history
        .iter()
        .map(|h| &h.version)
        .map(|v| VersionView {
            version: v.version,
            meta: i.ta(
                "forecast-versions-meta",
                &[
                    ("date", &i.datetime(v.created_at)),
                    ("name", v.author.as_deref().unwrap_or(&unknown)),
                ],
            ),
            note: note(&ctx, &v.note),
            current: v.version == current,
        })
        .collect();
    let mut diff = Vec::new();
    for year in 0..3 {
        for name in FIGURES {
            let (va, vb) = (figure(&ra, name, year), figure(&rb, name, year));
            diff.push(DiffRow {
                label: i.ta(
                    &format!("forecast-versions-figure-{}", name.replace('_', "-")),
                    &[("year", &(year + 1).to_string())],
                ),
                a: domain::format::euros(l, va),
                b: domain::format::euros(l, vb),
                change: if va == vb {
                    "=".to_string()
                } else {
                    super::actuals::signed_money(l, vb - va)
                },
            });
        }
    }
    let view = VersionsView {
        layout: Layout::new(&state, &ctx, i.t("forecast-versions-title"))
            .under(owner.base.clone(), owner.name),
        base: owner.base,
        can_edit: owner.can_edit,
        current,
        versions,
        a,
        b,
        diff,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Deserialize)]
pub struct RestoreForm {
    #[serde(default)]
    current: String,
}

/// Makes an old version the current plan again, as a new version (`restore:N`).
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<RestoreForm>,
) -> WebResult<Response> {
    let owner = editable(&state, &ctx, &key).await?;
    let version = key.version.ok_or(WebError::NotFound)?;
    let user = ctx.require_user()?;
    let row = store::forecasts::of(&state.db, owner.of)
        .await?
        .ok_or(WebError::NotFound)?;
    let document = store::forecasts::version(&state.db, row.id, version)
        .await?
        .ok_or(WebError::NotFound)?;
    let expected = form.current.trim().parse().unwrap_or(row.version);
    let to = format!("{}/versions", owner.base);
    match store::forecasts::save(
        &state.db,
        row.id,
        expected,
        &document,
        &format!("restore:{version}"),
        Some(user.id),
    )
    .await
    {
        Ok(_) => Ok(crate::respond::redirect_with_flash(
            &to,
            "flash-forecast-versions-restored",
            &state,
        )),
        Err(store::StoreError::Stale(_)) => Ok(crate::respond::redirect_with_flash(
            &to,
            "flash-forecast-stale",
            &state,
        )),
        Err(e) => Err(e.into()),
    }
}
