//! Counts the SQL statements a piece of work runs, so each request can say how many it took (the
//! page benchmark prints it, the request log line carries it). Every statement of the store goes
//! through an executor wrapped in [`Counted`] by `on_db!`, `on_exec!` and `on_tx!`; the count
//! lives in a task-local set by [`counting`], and outside one nothing is counted.
use futures_core::future::BoxFuture;
use futures_core::stream::BoxStream;
use sqlx::{Database, Describe, Either, Error, Execute, Executor};
use std::cell::Cell;
use std::future::Future;

tokio::task_local! {
    static STATEMENTS: Cell<u32>;
}

/// Runs `work` and returns its output with the number of SQL statements it ran.
pub async fn counting<F: Future>(work: F) -> (F::Output, u32) {
    STATEMENTS
        .scope(Cell::new(0), async {
            let out = work.await;
            (out, STATEMENTS.try_with(Cell::get).unwrap_or(0))
        })
        .await
}

fn tick() {
    let _ = STATEMENTS.try_with(|n| n.set(n.get().saturating_add(1)));
}

/// An executor (a pool or a connection) whose statements are counted.
#[derive(Debug, Clone, Copy)]
pub struct Counted<E>(pub E);

impl<'c, E: Executor<'c>> Executor<'c> for Counted<E> {
    type Database = E::Database;

    fn fetch_many<'e, 'q: 'e, Q>(
        self,
        query: Q,
    ) -> BoxStream<
        'e,
        Result<
            Either<<E::Database as Database>::QueryResult, <E::Database as Database>::Row>,
            Error,
        >,
    >
    where
        'c: 'e,
        Q: 'q + Execute<'q, Self::Database>,
    {
        tick();
        self.0.fetch_many(query)
    }

    fn fetch_optional<'e, 'q: 'e, Q>(
        self,
        query: Q,
    ) -> BoxFuture<'e, Result<Option<<E::Database as Database>::Row>, Error>>
    where
        'c: 'e,
        Q: 'q + Execute<'q, Self::Database>,
    {
        tick();
        self.0.fetch_optional(query)
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [<E::Database as Database>::TypeInfo],
    ) -> BoxFuture<'e, Result<<E::Database as Database>::Statement<'q>, Error>>
    where
        'c: 'e,
    {
        self.0.prepare_with(sql, parameters)
    }

    fn describe<'e, 'q: 'e>(
        self,
        sql: &'q str,
    ) -> BoxFuture<'e, Result<Describe<E::Database>, Error>>
    where
        'c: 'e,
    {
        self.0.describe(sql)
    }
}

/// The pool's own operations, for the blocks that open their transaction themselves: the
/// `BEGIN` counts as one statement, and the statements such a block runs on its transaction
/// directly are not counted (the functions moved to `Exec` count each one).
impl<DB: Database> Counted<&sqlx::Pool<DB>> {
    pub async fn begin(self) -> Result<sqlx::Transaction<'static, DB>, Error> {
        tick();
        self.0.begin().await
    }

    pub async fn close(self) {
        self.0.close().await
    }
}
