//! Test harness: fresh databases on both backends, the app in process with a cookie-keeping
//! client, a local SMTP sink, and helpers to read the links out of e-mails.
#![forbid(unsafe_code)]

pub mod browser;
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
        TestApp::with_base_url(db, "http://impact.test").await
    }

    async fn with_base_url(db: TestDb, base_url: &str) -> TestApp {
        let smtp = SmtpSink::start().await;
        let layer = web::config::Layer {
            database_url: Some(db.url.clone()),
            smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port)),
            base_url: Some(base_url.into()),
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

    /// Serves the app on 127.0.0.1:0 (for a real browser), with the demo data when `demo`.
    /// Returns the app and its base URL; e-mailed links point at it.
    pub async fn serve(db: TestDb, demo: bool) -> (TestApp, String) {
        if demo {
            web::demo::load(&db.db).await.expect("demo data");
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let app = TestApp::with_base_url(db, &url).await;
        let router = web::router(app.state.clone());
        tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            let _ = axum::serve(listener, service).await;
        });
        (app, url)
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
    let link = &rest[..end];
    // Keep the path (and query) only.
    let path_start = link
        .find("://")
        .and_then(|i| link[i + 3..].find('/').map(|j| i + 3 + j))
        .unwrap_or(0);
    Some(link[path_start..].to_string())
}

/// The text of a PDF as poppler's `pdftotext` reads it, whitespace collapsed. `None` (with a
/// note) when poppler is not installed; in CI (`CI=true`) it must be.
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let path = std::env::temp_dir().join(format!(
        "impact-test-{}-{}.pdf",
        std::process::id(),
        rand::random::<u64>()
    ));
    std::fs::write(&path, pdf).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    match out {
        Ok(out) if out.status.success() => Some(
            String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        other => {
            assert!(
                std::env::var("CI").is_err(),
                "pdftotext (poppler-utils) is needed in CI: {other:?}"
            );
            eprintln!("pdftotext not found: PDF text not checked");
            None
        }
    }
}
