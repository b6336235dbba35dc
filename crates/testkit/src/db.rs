use sqlx::Connection;
use store::Db;

/// A database made for one test, removed when the test is done with it.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    pub backend: &'static str,
    _dir: Option<TempDir>,
    _pg: Option<PgDatabase>,
}

/// A PostgreSQL database of one test: dropped (closing its connections) when the test ends.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // Its own thread and runtime: a test's runtime may be shutting down, or be this thread.
        let done = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&sql).execute(&mut conn).await;
                    let _ = conn.close().await;
                }
            });
        });
        let _ = done.join();
    }
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub(crate) fn unique_name() -> String {
    use rand::Rng;
    let n: u64 = rand::thread_rng().r#gen();
    format!("impact_t_{n:016x}")
}

/// The PostgreSQL server for tests, if configured.
pub fn postgres_url() -> Option<String> {
    std::env::var("IMPACT_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// The PostgreSQL server for tests, which CI must have (see [`crate::needed`]): elsewhere the
/// PostgreSQL half of a test is skipped with a note.
pub fn require_postgres_in_ci() -> Option<String> {
    crate::needed(postgres_url().ok_or_else(|| {
        "IMPACT_TEST_DATABASE_URL is not set: the PostgreSQL half of this test does not run".into()
    }))
}

impl TestDb {
    /// Runs one statement as it is (for tests that set up what the application cannot).
    pub async fn execute(&self, sql: &str) {
        match &self.db {
            Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    pub async fn sqlite() -> TestDb {
        let dir = std::env::temp_dir().join(unique_name());
        std::fs::create_dir_all(&dir).expect("temp dir");
        let url = format!("sqlite://{}/test.db", dir.display());
        let db = Db::connect(&url).await.expect("sqlite");
        db.migrate().await.expect("migrate sqlite");
        TestDb {
            db,
            url,
            backend: "sqlite",
            _dir: Some(TempDir(dir)),
            _pg: None,
        }
    }

    /// A fresh database on the test PostgreSQL server.
    pub async fn postgres(admin_url: &str) -> TestDb {
        let name = unique_name();
        let mut conn = sqlx::PgConnection::connect(admin_url)
            .await
            .expect("connect to IMPACT_TEST_DATABASE_URL");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        let _ = conn.close().await;
        let base = admin_url.split('?').next().unwrap_or(admin_url);
        let url = match base.rfind('/') {
            Some(i) if i > base.find("://").map_or(0, |s| s + 2) => {
                format!("{}/{name}", &base[..i])
            }
            _ => format!("{base}/{name}"),
        };
        let db = Db::connect(&url).await.expect("connect to test database");
        db.migrate().await.expect("migrate postgres");
        TestDb {
            db,
            url,
            backend: "postgres",
            _dir: None,
            _pg: Some(PgDatabase {
                admin_url: admin_url.to_string(),
                name,
            }),
        }
    }
}

/// One fresh database per backend: SQLite always, PostgreSQL when configured.
pub async fn databases() -> Vec<TestDb> {
    let mut out = vec![TestDb::sqlite().await];
    if let Some(url) = require_postgres_in_ci() {
        out.push(TestDb::postgres(&url).await);
    }
    out
}
