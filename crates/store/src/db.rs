use crate::{Result, StoreError};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// A pooled PostgreSQL connection idle for longer than this is pinged before it is used.
const IDLE_CHECK: Duration = Duration::from_secs(30);

/// The one database handle. Cloning is cheap (pools are shared).
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Db {
    /// Opens the database named by the URL: `sqlite://path` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db> {
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            let path = path.split('?').next().unwrap_or(path);
            if let Some(parent) = std::path::Path::new(path).parent()
                && path != ":memory:"
                && !parent.as_os_str().is_empty()
            {
                std::fs::create_dir_all(parent)
                    .map_err(|e| StoreError::Unreachable(format!("{}: {e}", parent.display())))?;
            }
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|_| StoreError::UnsupportedUrl)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                // A file on this machine does not hang up: no ping before each statement (sqlx
                // pings by default, a round trip to the connection's thread on every acquire).
                .test_before_acquire(false)
                .connect_with(options)
                .await
                .map_err(|e| StoreError::Unreachable(e.to_string()))?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options =
                PgConnectOptions::from_str(url).map_err(|_| StoreError::UnsupportedUrl)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                // sqlx pings a connection before each use by default: a second round trip to
                // the server for every statement. Only a connection idle for a while (which the
                // server or a proxy may have closed) is checked.
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for > IDLE_CHECK {
                            use sqlx::Connection;
                            conn.ping().await?;
                        }
                        Ok(true)
                    })
                })
                .connect_with(options)
                .await
                .map_err(|e| StoreError::Unreachable(e.to_string()))?;
            Ok(Db::Postgres(pool))
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the pending migrations of this backend.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// True when the database answers and every shipped migration is applied.
    pub async fn ready(&self) -> Result<bool> {
        let (applied, shipped): (i64, usize) = match self {
            Db::Sqlite(pool) => (
                sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                    .fetch_one(pool)
                    .await?,
                SQLITE_MIGRATIONS.iter().count(),
            ),
            Db::Postgres(pool) => (
                sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                    .fetch_one(pool)
                    .await?,
                POSTGRES_MIGRATIONS.iter().count(),
            ),
        };
        Ok(applied as usize == shipped)
    }

    /// Table → sorted column names, for the test that both backends have the same schema.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>> {
        let rows: Vec<(String, String)> = match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
        };
        let mut map = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (table, column) in rows {
            map.entry(table).or_default().push(column);
        }
        Ok(map
            .into_iter()
            .map(|(t, mut c)| {
                c.sort();
                (t, c)
            })
            .collect())
    }

    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}

/// SQLite lets one writer in at a time and makes the others sleep and retry (its busy handler
/// waits up to tens of milliseconds). Writers that queue here instead take turns at once, which
/// keeps busy pages fast. PostgreSQL locks rows itself: no gate.
static SQLITE_WRITES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Held for the length of a write transaction that many people may run at once.
pub async fn write_turn(db: &Db) -> Option<tokio::sync::MutexGuard<'static, ()>> {
    match db {
        Db::Sqlite(_) => Some(SQLITE_WRITES.lock().await),
        Db::Postgres(_) => None,
    }
}
