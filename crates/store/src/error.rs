use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("unsupported database URL (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("database unreachable: {0}")]
    Unreachable(String),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A unique key is already taken (an e-mail, a slug, a name, a version number).
    #[error("already exists")]
    Duplicate,
    /// The row changed since the caller read it (an optimistic version or revision check):
    /// what stands now, so the caller can show it.
    #[error("changed meanwhile (now at version {})", .0.version)]
    Stale(Box<Current>),
    /// A limit is reached (a canvas holds at most `domain::canvas::MAX_ITEMS` notes).
    #[error("limit reached")]
    Full,
    /// Done once already (a submitted diagnostic); doing it again changes nothing.
    #[error("already done")]
    AlreadyDone,
    /// A rule forbids it now (a sale under a suspended or expired licence); the message key
    /// says which.
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("not found")]
    NotFound,
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// The database refused the data sent (a NUL byte or bad encoding on PostgreSQL, a text
    /// longer than its column): the request's fault, not the server's.
    #[error("input refused by the database: {0}")]
    InvalidInput(String),
    #[error("database error: {0}")]
    Sql(sqlx::Error),
}

/// What stands now when a change was made from an older version (`StoreError::Stale`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Current {
    /// The current version (of a note) or revision (of a roadmap).
    pub version: i64,
    /// The current text, when the change was about a text (a canvas note).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl StoreError {
    /// `Stale` with what stands now.
    pub fn stale(version: i64, text: Option<String>) -> Self {
        StoreError::Stale(Box::new(Current { version, text }))
    }
}

/// PostgreSQL codes for data it cannot take: character not in repertoire (a NUL byte),
/// untranslatable character, invalid byte sequence, string data right truncation.
const INPUT_CODES: [&str; 3] = ["22021", "22P05", "22001"];

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate,
            sqlx::Error::Database(db) if db.code().is_some_and(|c| INPUT_CODES.contains(&&*c)) => {
                StoreError::InvalidInput(db.message().to_string())
            }
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::Tls(_) => {
                StoreError::Unreachable(err.to_string())
            }
            _ => StoreError::Sql(err),
        }
    }
}

impl From<domain::DomainError> for StoreError {
    fn from(err: domain::DomainError) -> Self {
        StoreError::Corrupt(err.to_string())
    }
}
