//! Test harness: fresh databases on both backends, the app in process with a cookie-keeping
//! client and a clock the test moves, a local SMTP sink, and helpers to read the links out of
//! e-mails. What a test needs from the machine (a browser, PostgreSQL, `pdftotext`, a shared
//! fixture) goes through [`needed`]: skipped with a note outside CI, a failure in CI.
#![forbid(unsafe_code)]

pub mod browser;
mod client;
mod db;
mod needs;
pub mod pages;
pub mod payfake;
mod s3;
mod smtp;

pub use client::{Client, TestResponse};
pub use db::{TestDb, databases, postgres_url, require_postgres_in_ci};
pub use needs::{missing, needed, pdf_text, shared_fixture};
pub use s3::{Files, require_s3_in_ci, s3_layer, s3_url, split_s3_url, storages};
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
        TestApp::with_options(db, base_url, Files::Local).await
    }

    /// With its uploaded files kept in `files` (a temporary folder, or the test S3 server).
    pub async fn with_files(db: TestDb, files: Files) -> TestApp {
        TestApp::with_options(db, "http://impact.test", files).await
    }

    async fn with_options(db: TestDb, base_url: &str, files: Files) -> TestApp {
        let smtp = SmtpSink::start().await;
        let storage = match &files {
            Files::Local => web::config::Layer::default(),
            Files::S3(url) => s3_layer(url, &db::unique_name()),
        };
        let layer = web::config::Layer {
            database_url: Some(db.url.clone()),
            smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port)),
            base_url: Some(base_url.into()),
            files_dir: Some(
                std::env::temp_dir()
                    .join(format!("impact-files-{}", db::unique_name()))
                    .display()
                    .to_string(),
            ),
            max_upload_mb: Some(1),
            max_media_mb: Some(2),
            ..Default::default()
        }
        .merge(storage);
        let config: Config = layer.build().expect("test config");
        let state = AppState::with_clock(db.db.clone(), config, store::Clock::adjustable())
            .await
            .expect("state");
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

    /// Moves the app's clock `secs` seconds forward: what a test does instead of sleeping.
    /// Its requests and jobs see the new time; a store call made by the test itself does when
    /// run on the clock (`app.state.clock.run(…)`).
    pub fn advance(&self, secs: i64) {
        self.state.clock.advance(secs);
    }

    /// The time on the app's clock (Unix seconds).
    pub fn now(&self) -> i64 {
        self.state.clock.now()
    }

    /// Runs every due job now (the worker's loop, without waiting), on the app's clock.
    pub async fn run_jobs(&self) -> usize {
        self.state
            .clock
            .run(async {
                let mut n = 0;
                while web::jobs::run_one(&self.state, "test-worker")
                    .await
                    .expect("job queue")
                {
                    n += 1;
                }
                n
            })
            .await
    }

    /// A client signed in as a demo person (password `impact-demo`), with the first canvas of
    /// their first project.
    pub async fn demo_canvas(&self, email: &str) -> (Client, i64) {
        let mut c = self.client();
        c.login(email, "impact-demo").await;
        let me = store::accounts::find_user_by_email(&self.state.db, email)
            .await
            .expect("user lookup")
            .expect("demo user");
        let projects = store::projects::for_user(&self.state.db, me.id)
            .await
            .expect("projects");
        let canvas = store::canvas::for_project(&self.state.db, projects[0].id)
            .await
            .expect("canvases")[0]
            .id;
        (c, canvas)
    }

    /// Delivers queued mail and returns the plain text of the newest message sent to `to`.
    pub async fn last_mail_to(&self, to: &str) -> Option<web::mail::OutboxEntry> {
        self.run_jobs().await;
        self.smtp.last_to(to).await
    }
}

/// A project of `centre` at `stage` (`idea`, `test`…), as a test's fixture; returns its id.
pub async fn project(db: &store::Db, centre: i64, name: &str, stage: &str) -> i64 {
    store::projects::create(
        db,
        &store::projects::NewProject {
            centre_id: centre,
            name,
            stage,
            ..Default::default()
        },
    )
    .await
    .expect("project")
    .id
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
