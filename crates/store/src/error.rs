use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("unsupported database URL (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("database unreachable: {0}")]
    Unreachable(String),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("already exists")]
    Conflict,
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

/// PostgreSQL codes for data it cannot take: character not in repertoire (a NUL byte),
/// untranslatable character, invalid byte sequence, string data right truncation.
const INPUT_CODES: [&str; 3] = ["22021", "22P05", "22001"];

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
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
