//! Self-diagnostics: the list and introduction of each diagnostic, taking it page by page
//! (anonymous or on a project), results with radar chart, comparison and peer quartiles, the
//! scoring explanation, a project's diagnostics, and the network team's statistics and editor.
mod admin;
pub mod demo;
mod project;
mod results;
mod scoring;
mod stats;
mod take;

use crate::cache::TtlCache;
use crate::cookies;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::security::token_hash;
use crate::state::AppState;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue};
use axum::routing::{get, post};
use domain::Action;
use domain::diagnostic::{Definition, Link, Quartiles, shipped};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use store::diagnostics::Attempt;
use store::projects::ProjectForUser;

/// The cookie holding an anonymous respondent's token (we store its hash only).
pub const RESPONDENT_COOKIE: &str = "diagnostic";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/diagnostics", get(take::list))
        .route("/diagnostics/{id}", get(take::intro))
        .route("/diagnostics/{id}/start", post(take::start))
        .route("/diagnostics/{id}/scoring", get(scoring::scoring))
        .route(
            "/diagnostics/attempts/{attempt}/pages/{page}",
            get(take::page).post(take::save),
        )
        .route(
            "/diagnostics/attempts/{attempt}/results",
            get(results::show),
        )
        .route(
            "/diagnostics/attempts/{attempt}/email",
            post(results::email),
        )
        .route(
            "/diagnostics/attempts/{attempt}/report.pdf",
            get(results::report_pdf),
        )
        .route("/diagnostics/results/{token}", get(results::shared))
        .route("/projects/{id}/diagnostics", get(project::show))
        .route("/admin/diagnostics", get(stats::page))
        .route("/admin/diagnostics/{id}/stats.csv", get(stats::export))
        .route(
            "/admin/diagnostics/{id}/edit",
            get(admin::edit).post(admin::publish),
        )
}

/// Peer scores of one version: per dimension (and `overall`), quartiles when enough exist, and
/// the number of comparable responses.
#[derive(Debug, Default)]
pub struct Peers {
    pub quartiles: BTreeMap<String, Quartiles>,
    pub count: usize,
}

/// Per-node caches: parsed definitions (a version never changes), the newest version number
/// (a few seconds) and peer quartiles (a minute).
pub struct Cache {
    seeded: AtomicBool,
    definitions: TtlCache<(String, i64), Arc<Definition>>,
    latest: TtlCache<String, i64>,
    peers: TtlCache<(String, i64), Arc<Peers>>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            seeded: AtomicBool::new(false),
            definitions: TtlCache::new(Duration::from_secs(24 * 3600), 256),
            latest: TtlCache::new(Duration::from_secs(5), 64),
            peers: TtlCache::new(Duration::from_secs(60), 256),
        }
    }
}

impl Cache {
    /// Forgets the newest version numbers (after a publication on this node).
    pub fn published(&self) {
        self.latest.clear();
    }

    /// Forgets the peer quartiles of a version (after a submission on this node, so the
    /// respondent's own answer counts at once; other nodes see it within a minute).
    pub fn submitted(&self, diagnostic: &str, version: i64) {
        self.peers.remove(&(diagnostic.to_string(), version));
    }
}

/// Whether `id` names a diagnostic of the application.
pub fn known(id: &str) -> bool {
    shipped().iter().any(|d| d.id == id)
}

async fn seed(state: &AppState) -> WebResult<()> {
    let cache = &state.diagnostics;
    if cache.seeded.load(Ordering::Relaxed) {
        return Ok(());
    }
    let docs: Vec<(&str, i64, &str)> = shipped()
        .iter()
        .zip(domain::diagnostic::shipped_json())
        .map(|(d, json)| (d.id.as_str(), i64::from(d.version), *json))
        .collect();
    store::diagnostics::seed(&state.db, &docs).await?;
    cache.seeded.store(true, Ordering::Relaxed);
    Ok(())
}

/// One version of a diagnostic, parsed (and validated) once per node.
pub async fn definition(state: &AppState, id: &str, version: i64) -> WebResult<Arc<Definition>> {
    let key = (id.to_string(), version);
    if let Some(d) = state.diagnostics.definitions.get(&key) {
        return Ok(d);
    }
    seed(state).await?;
    let row = store::diagnostics::version(&state.db, id, version)
        .await?
        .ok_or(WebError::NotFound)?;
    let def = Definition::parse(&row.document).map_err(|errors| {
        WebError::Internal(format!("stored diagnostic {id} v{version}: {errors:?}"))
    })?;
    let def = Arc::new(def);
    state.diagnostics.definitions.insert(key, def.clone());
    Ok(def)
}

/// The newest published version of a diagnostic; `NotFound` for unknown ids.
pub async fn current(state: &AppState, id: &str) -> WebResult<Arc<Definition>> {
    if !known(id) {
        return Err(WebError::NotFound);
    }
    if let Some(v) = state.diagnostics.latest.get(&id.to_string()) {
        return definition(state, id, v).await;
    }
    seed(state).await?;
    let row = store::diagnostics::latest(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    state.diagnostics.latest.insert(id.to_string(), row.version);
    definition(state, id, row.version).await
}

/// Quartiles of the responses to one version (cached for a minute).
pub async fn peers(state: &AppState, id: &str, version: i64) -> WebResult<Arc<Peers>> {
    let key = (id.to_string(), version);
    if let Some(p) = state.diagnostics.peers.get(&key) {
        return Ok(p);
    }
    let rows = store::diagnostics::score_counts(&state.db, id, version).await?;
    let mut by_dimension: BTreeMap<String, Vec<(u8, u64)>> = BTreeMap::new();
    for (dimension, score, count) in rows {
        by_dimension.entry(dimension).or_default().push((
            u8::try_from(score).unwrap_or(0),
            u64::try_from(count).unwrap_or(0),
        ));
    }
    let count = by_dimension
        .get(domain::diagnostic::OVERALL)
        .map_or(0, |c| c.iter().map(|(_, n)| *n as usize).sum());
    let quartiles = by_dimension
        .into_iter()
        .filter_map(|(d, counts)| domain::diagnostic::quartiles_of_counts(&counts).map(|q| (d, q)))
        .collect();
    let peers = Arc::new(Peers { quartiles, count });
    state.diagnostics.peers.insert(key, peers.clone());
    Ok(peers)
}

/// The anonymous respondent's token hash, from their cookie.
pub fn respondent(headers: &HeaderMap) -> Option<String> {
    cookies::get(headers, RESPONDENT_COOKIE)
        .filter(|t| t.len() == 43)
        .map(token_hash)
}

/// On sign-in: the attempts this browser made anonymously become the person's, and the
/// respondent cookie goes (the next person on this browser starts afresh). Returns the cookie
/// to clear, when there was one.
pub async fn adopt_on_sign_in(
    state: &AppState,
    headers: &HeaderMap,
    user_id: i64,
) -> WebResult<Option<HeaderValue>> {
    let Some(hash) = respondent(headers) else {
        return Ok(None);
    };
    store::diagnostics::adopt(&state.db, &hash, user_id).await?;
    Ok(Some(cookies::set(
        RESPONDENT_COOKIE,
        "",
        0,
        true,
        state.cookies.secure,
    )))
}

/// What the asker may do with an attempt, and its project when it has one.
pub struct Access {
    pub can_answer: bool,
    pub project: Option<ProjectForUser>,
}

/// Who may see an attempt: on a project, whoever may see the project (its members, its coaches,
/// the centre's staff); on an account, its owner; anonymous, the browser holding the cookie.
/// Anyone else gets `NotFound`: an attempt's existence is not theirs to know.
pub async fn access(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    attempt: &Attempt,
) -> WebResult<Access> {
    if let Some(project_id) = attempt.project_id {
        let (project, scope) = crate::project_access::project_scope(state, ctx, project_id).await?;
        return Ok(Access {
            can_answer: ctx.actor.can(Action::AnswerDiagnostic, scope),
            project: Some(project),
        });
    }
    if let Some(user_id) = attempt.user_id {
        let user = ctx.require_user()?;
        if user.id != user_id {
            return Err(WebError::NotFound);
        }
        return Ok(Access {
            can_answer: true,
            project: None,
        });
    }
    match (respondent(headers), &attempt.respondent_hash) {
        (Some(mine), Some(theirs)) if crate::security::same_secret(&mine, theirs) => Ok(Access {
            can_answer: true,
            project: None,
        }),
        _ => Err(WebError::NotFound),
    }
}

pub async fn attempt_for(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    id: i64,
) -> WebResult<(Attempt, Access)> {
    // On a page, the attempt is kept a few seconds.
    let attempt = crate::cache::kept(
        state,
        ctx,
        format!("attempt:{id}"),
        store::diagnostics::attempt(&state.db, id),
    )
    .await?
    .as_ref()
    .clone()
    .ok_or(WebError::NotFound)?;
    let access = access(state, ctx, headers, &attempt).await?;
    Ok((attempt, access))
}

/// The projects on which the signed-in user may take a diagnostic.
pub async fn answerable_projects(state: &AppState, ctx: &Ctx) -> WebResult<Vec<ProjectForUser>> {
    let Some(user) = &ctx.user else {
        return Ok(Vec::new());
    };
    let projects = state.projects_of(user.id).await?;
    Ok(projects
        .iter()
        .filter(|p| ctx.actor.can(Action::AnswerDiagnostic, p.scope()))
        .cloned()
        .collect())
}

/// A recommendation's destination for this reader: (URL, i18n key of the link text).
pub fn link_target(
    link: &Link,
    diagnostic: &str,
    signed_in: bool,
    project: Option<(i64, Option<i64>)>,
) -> (String, &'static str) {
    match link {
        Link::Canvas { block } => match project {
            Some((_, Some(canvas))) => (
                format!("/canvases/{canvas}#block-{block}"),
                "diagnostics-link-canvas",
            ),
            Some((p, None)) => (
                format!("/projects/{p}#h-canvas"),
                "diagnostics-link-canvas-new",
            ),
            // No project to open: the chapter of the canvas guide about this block.
            None => (
                format!("/canvas/guide#guide-{block}"),
                "diagnostics-link-guide",
            ),
        },
        Link::Diagnostic { id } => (format!("/diagnostics/{id}"), "diagnostics-link-diagnostic"),
        Link::Project => match project {
            Some((p, _)) => (format!("/projects/{p}"), "diagnostics-link-project"),
            None if signed_in => ("/dashboard".into(), "diagnostics-link-dashboard"),
            None => ("/signup".into(), "diagnostics-link-signup"),
        },
        Link::Signup if signed_in => ("/dashboard".into(), "diagnostics-link-dashboard"),
        Link::Signup => ("/signup".into(), "diagnostics-link-signup"),
        Link::Scoring => (
            format!("/diagnostics/{diagnostic}/scoring"),
            "diagnostics-link-scoring",
        ),
        Link::Learning { tag } if signed_in => {
            (format!("/learn?tag={tag}"), "diagnostics-link-learning")
        }
        Link::Learning { .. } => ("/signup".into(), "diagnostics-link-signup"),
    }
}
