//! The unit of work: a change, its audit line and the jobs it enqueues commit together or not at
//! all. `Db::begin` opens a `Tx`; store functions that take `impl Into<Exec>` run on the pool or
//! inside an open transaction alike, so a handler composes them and commits once. A `Tx` dropped
//! without `commit` rolls back.
use crate::{Db, Result};
use sqlx::{Postgres, Sqlite, Transaction};

/// An open transaction on either backend. On SQLite it holds the writers' turn for its whole
/// life, so store functions called inside it must not take the turn again.
pub enum Tx {
    Sqlite(
        Transaction<'static, Sqlite>,
        Option<tokio::sync::MutexGuard<'static, ()>>,
    ),
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    /// Opens a transaction (after waiting for the writers' turn on SQLite).
    pub async fn begin(&self) -> Result<Tx> {
        match self {
            Db::Sqlite(pool) => {
                let turn = crate::write_turn(self).await;
                Ok(Tx::Sqlite(pool.begin().await?, turn))
            }
            Db::Postgres(pool) => Ok(Tx::Postgres(pool.begin().await?)),
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx, _turn) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

/// Where a store function runs its statements: on the pool, or inside an open transaction.
pub enum Exec<'a> {
    Db(&'a Db),
    Tx(&'a mut Tx),
}

impl<'a> From<&'a Db> for Exec<'a> {
    fn from(db: &'a Db) -> Self {
        Exec::Db(db)
    }
}

impl<'a> From<&'a mut Tx> for Exec<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        Exec::Tx(tx)
    }
}

impl Exec<'_> {
    /// The same pool or transaction, lent for one more call (a reader of several statements).
    pub fn reborrow(&mut self) -> Exec<'_> {
        match self {
            Exec::Db(db) => Exec::Db(db),
            Exec::Tx(tx) => Exec::Tx(tx),
        }
    }
}

/// Runs one statement on whatever an `Exec` holds; `$e` is a pool or a connection, each arm
/// type-checked for its backend. Usage: `on_exec!(ex, e => sqlx::query(SQL).execute(e).await)`.
macro_rules! on_exec {
    ($ex:expr, $e:ident => $body:expr) => {
        match $ex {
            $crate::tx::Exec::Db($crate::Db::Sqlite(p)) => {
                let $e = $crate::counted::Counted(p);
                $body
            }
            $crate::tx::Exec::Db($crate::Db::Postgres(p)) => {
                let $e = $crate::counted::Counted(p);
                $body
            }
            $crate::tx::Exec::Tx($crate::tx::Tx::Sqlite(tx, _)) => {
                let $e = $crate::counted::Counted(&mut **tx);
                $body
            }
            $crate::tx::Exec::Tx($crate::tx::Tx::Postgres(tx)) => {
                let $e = $crate::counted::Counted(&mut **tx);
                $body
            }
        }
    };
}

/// Runs a block of several statements inside a transaction: `$t` is the backend's
/// `&mut Transaction` (statements run on `&mut **$t`).
macro_rules! on_tx {
    ($tx:expr, $t:ident => $body:expr) => {
        match $tx {
            $crate::tx::Tx::Sqlite($t, _) => $body,
            $crate::tx::Tx::Postgres($t) => $body,
        }
    };
}
