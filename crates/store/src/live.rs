//! The fan-out of live changes between nodes: PostgreSQL `LISTEN/NOTIFY` on one channel. On
//! SQLite there is one node, so nothing crosses and the web layer delivers in process.
use crate::{Db, Result};

const CHANNEL: &str = "impact_live";

/// Whether changes must go through the database to reach every node.
pub fn crosses_nodes(db: &Db) -> bool {
    matches!(db, Db::Postgres(_))
}

/// Sends `payload` (at most 8000 bytes) to every node listening, this one included.
pub async fn notify(db: &Db, payload: &str) -> Result<()> {
    if let Db::Postgres(pool) = db {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// A dedicated connection listening to the channel (PostgreSQL only).
pub async fn listener(db: &Db) -> Result<Option<sqlx::postgres::PgListener>> {
    match db {
        Db::Postgres(pool) => {
            let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
            listener.listen(CHANNEL).await?;
            Ok(Some(listener))
        }
        Db::Sqlite(_) => Ok(None),
    }
}
