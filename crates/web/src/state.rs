use crate::cache::TtlCache;
use crate::config::Config;
use crate::cookies::Names;
use crate::ctx::Viewer;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use store::Db;
use store::centres::CentreSummary;
use store::projects::ProjectForUser;
use tokio::sync::Notify;

/// What every handler can reach: one shared [`Shared`], so a clone (several per request, one
/// per layer) is a single reference count.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub cookies: Names,
    pub mailer: Mailer,
    pub metrics: Arc<Metrics>,
    /// Whether this instance holds demo data (a banner says so on every page).
    pub demo: Arc<AtomicBool>,
    /// Wakes the in-process worker when a job is enqueued.
    pub jobs_ready: Arc<Notify>,
    /// Session cookie hash → who it is (or nobody), for a couple of seconds.
    pub sessions: Arc<TtlCache<String, Option<Viewer>>>,
    /// Grows with every change to sessions or accounts; a lookup that started before a change
    /// does not put its (possibly stale) answer in the cache.
    pub session_generation: Arc<AtomicU64>,
    /// The centres with their counts, for a few seconds.
    pub centres: Arc<TtlCache<(), Arc<Vec<CentreSummary>>>>,
    /// Each user's projects (member or follower), for a couple of seconds.
    pub user_projects: Arc<TtlCache<i64, Arc<Vec<ProjectForUser>>>>,
    /// What the project page shows, per project and language, for a few seconds.
    pub project_pages: Arc<crate::projects::PageCache>,
    /// What each person's dashboard shows, for a few seconds; any change made through this
    /// node clears it all (`AppState::changed`).
    pub dashboards:
        Arc<crate::cache::PageCache<crate::dashboard::Key, Arc<crate::dashboard::Sections>>>,
    /// The public content pages (posts, pages, episodes…) as each language's readers see them,
    /// for a few seconds; any change made through this node clears them (`AppState::changed`).
    pub content_pages: Arc<crate::content::ContentCache>,
    /// The staff pages' reads across people and projects, for a few seconds; any change made
    /// through this node clears them (`AppState::changed`).
    pub reads: Arc<crate::cache::Reads>,
    /// Live changes to open canvases, across nodes.
    pub live: crate::live::Live,
    /// Diagnostic definitions and peer quartiles.
    pub diagnostics: Arc<crate::diagnostics::Cache>,
    /// The public site's rendered landing page and form secret.
    pub site: Arc<crate::site::Cache>,
    /// Each centre budget's monthly forecast revenue, by forecast and version (a version never
    /// changes, so an entry is never stale), for the network dashboard.
    pub planned: Arc<TtlCache<(i64, i64), Option<crate::network::Planned>>>,
    /// Every password hashed or checked for a request, within the process-wide bound.
    pub hasher: crate::security::Hasher,
    /// The time its requests and jobs read through `store::now()`: the system clock, or a
    /// test's (`store::Clock::run`).
    pub clock: store::Clock,
    /// Where uploaded files are kept: a local folder or an S3-compatible bucket.
    pub files: crate::storage::Storage,
}

impl AppState {
    pub async fn new(db: Db, config: Config) -> Result<Self, store::StoreError> {
        AppState::with_clock(db, config, store::Clock::system()).await
    }

    /// An app on its own clock (a test's, which it moves forward instead of sleeping).
    pub async fn with_clock(
        db: Db,
        config: Config,
        clock: store::Clock,
    ) -> Result<Self, store::StoreError> {
        let demo = store::settings::get(&db, crate::demo::SETTING)
            .await?
            .is_some();
        let files = crate::storage::Storage::from_config(&config)
            .map_err(|e| store::StoreError::Unreachable(format!("file storage: {e}")))?;
        Ok(AppState(Arc::new(Shared {
            files,
            cookies: Names::new(config.secure_cookies),
            mailer: Mailer::new(&config),
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            demo: Arc::new(AtomicBool::new(demo)),
            jobs_ready: Arc::new(Notify::new()),
            sessions: Arc::new(TtlCache::new(Duration::from_secs(2), 10_000)),
            session_generation: Arc::new(AtomicU64::new(0)),
            centres: Arc::new(TtlCache::new(Duration::from_secs(5), 1)),
            user_projects: Arc::new(TtlCache::new(Duration::from_secs(2), 10_000)),
            project_pages: Arc::new(crate::projects::PageCache::new(
                crate::projects::PAGE_TTL,
                2_000,
            )),
            dashboards: Arc::new(crate::cache::PageCache::new(Duration::from_secs(5), 10_000)),
            content_pages: Arc::new(crate::cache::PageCache::new(
                crate::content::CONTENT_TTL,
                2_000,
            )),
            reads: Arc::new(crate::cache::Reads::new(crate::cache::reads_ttl(), 2_000)),
            diagnostics: Arc::new(crate::diagnostics::Cache::default()),
            site: Arc::new(crate::site::Cache::default()),
            planned: Arc::new(TtlCache::new(Duration::from_secs(3_600), 10_000)),
            hasher: crate::security::Hasher::default(),
            live: crate::live::Live::start(&db),
            clock,
            db,
        })))
    }

    pub fn is_demo(&self) -> bool {
        self.demo.load(Ordering::Relaxed)
    }

    pub fn session_ttl(&self) -> i64 {
        self.config.session_days * 86_400
    }

    /// The centres with their counts (cached for a few seconds).
    pub async fn centres(&self) -> Result<Arc<Vec<CentreSummary>>, store::StoreError> {
        if let Some(list) = self.centres.get(&()) {
            return Ok(list);
        }
        let list = Arc::new(store::centres::summaries(&self.db).await?);
        self.centres.insert((), list.clone());
        Ok(list)
    }

    /// A centre's name (empty for a centre that no longer exists), from the cached list.
    pub async fn centre_name(&self, id: i64) -> Result<String, store::StoreError> {
        Ok(self
            .centres()
            .await?
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default())
    }

    /// The studio: the network's first centre, where people with no centre start.
    pub async fn studio_id(&self) -> Result<Option<i64>, store::StoreError> {
        Ok(self
            .centres()
            .await?
            .iter()
            .find(|c| c.kind == domain::centre::CentreKind::Studio)
            .map(|c| c.id))
    }

    /// Forgets cached sessions and centres after a change to accounts, roles or centres, so
    /// this node shows it at once.
    pub fn accounts_changed(&self) {
        self.session_generation.fetch_add(1, Ordering::SeqCst);
        self.sessions.clear();
        self.centres.clear();
        self.user_projects.clear();
        self.changed();
    }

    /// Forgets what the dashboards and project pages show, after any change made through this node (every
    /// request that may write: the dashboards read across people and projects).
    pub fn changed(&self) {
        self.project_pages.changed();
        self.dashboards.changed();
        self.content_pages.changed();
        self.reads.changed();
    }

    /// Wakes the worker after a unit of work that queued jobs has committed.
    pub fn jobs_queued(&self) {
        self.jobs_ready.notify_one();
    }

    /// Forgets one session's cached lookup (after any change it made).
    pub fn forget_session(&self, hash: &str) {
        self.session_generation.fetch_add(1, Ordering::SeqCst);
        self.sessions.remove(&hash.to_string());
    }

    /// The projects a user is a member or follower of (cached for two seconds).
    pub async fn projects_of(
        &self,
        user_id: i64,
    ) -> Result<Arc<Vec<ProjectForUser>>, store::StoreError> {
        if let Some(list) = self.user_projects.get(&user_id) {
            return Ok(list);
        }
        let list = Arc::new(store::projects::for_user(&self.db, user_id).await?);
        self.user_projects.insert(user_id, list.clone());
        Ok(list)
    }

    /// A full URL to a path of this site, for e-mails.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }
}
