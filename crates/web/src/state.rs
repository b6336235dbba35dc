use crate::config::Config;
use crate::cookies::Names;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use store::Db;
use tokio::sync::Notify;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub cookies: Names,
    pub mailer: Mailer,
    pub metrics: Arc<Metrics>,
    /// Whether this instance holds demo data (a banner says so on every page).
    pub demo: Arc<AtomicBool>,
    /// Wakes the in-process worker when a job is enqueued.
    pub jobs_ready: Arc<Notify>,
}

impl AppState {
    pub async fn new(db: Db, config: Config) -> Result<Self, store::StoreError> {
        let demo = store::settings::get(&db, crate::demo::SETTING)
            .await?
            .is_some();
        Ok(AppState {
            cookies: Names::new(config.secure_cookies),
            mailer: Mailer::new(&config),
            config: Arc::new(config),
            db,
            metrics: Arc::new(Metrics::default()),
            demo: Arc::new(AtomicBool::new(demo)),
            jobs_ready: Arc::new(Notify::new()),
        })
    }

    pub fn is_demo(&self) -> bool {
        self.demo.load(Ordering::Relaxed)
    }

    pub fn session_ttl(&self) -> i64 {
        self.config.session_days * 86_400
    }

    /// A full URL to a path of this site, for e-mails.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }
}
