//! Test harness: fresh databases on both backends, the app in process with a cookie-keeping
//! client, a local SMTP sink, and helpers to read the links out of e-mails.
#![forbid(unsafe_code)]

mod client;
mod db;
mod smtp;

pub use client::{Client, TestResponse};
pub use db::{TestDb, databases, postgres_url, require_postgres_in_ci};
pub use smtp::SmtpSink;

use web::{AppState, Config};

/// The application over a fresh database, with mail going to a local SMTP sink.
pub struct TestApp {
    pub state: AppState,
    pub smtp: SmtpSink,
    pub db: TestDb,
}

impl TestApp {
    pub async fn new(db: TestDb) -> TestApp {
        let smtp = SmtpSink::start().await;
        let layer = web::config::Layer {
            database_url: Some(db.url.clone()),
            smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port)),
            base_url: Some("http://impact.test".into()),
            ..Default::default()
        };
        let config: Config = layer.build().expect("test config");
        let state = AppState::new(db.db.clone(), config).await.expect("state");
        TestApp { state, smtp, db }
    }

    /// With the demo data loaded.
    pub async fn with_demo(db: TestDb) -> TestApp {
        web::demo::load(&db.db).await.expect("demo data");
        let app = TestApp::new(db).await;
        app.state
            .demo
            .store(true, std::sync::atomic::Ordering::Relaxed);
        app
    }

    /// A browser-like client with its own cookies.
    pub fn client(&self) -> Client {
        Client::new(web::router(self.state.clone()))
    }

    /// Runs every due job now (the worker's loop, without waiting).
    pub async fn run_jobs(&self) -> usize {
        let mut n = 0;
        while web::jobs::run_one(&self.state, "test-worker")
            .await
            .expect("job queue")
        {
            n += 1;
        }
        n
    }

    /// Delivers queued mail and returns the plain text of the newest message sent to `to`.
    pub async fn last_mail_to(&self, to: &str) -> Option<web::mail::OutboxEntry> {
        self.run_jobs().await;
        self.smtp.last_to(to).await
    }
}

/// The first link in a text that starts with `prefix` (for example `http://impact.test/verify/`),
/// returned as a path.
pub fn link_path(text: &str, prefix: &str) -> Option<String> {
    let start = text.find(prefix)?;
    let rest = &text[start..];
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    Some(
        rest[..end]
            .trim_start_matches("http://impact.test")
            .to_string(),
    )
}
