/// Runs the same block against whichever pool the `Db` holds; the block is type-checked for
/// both backends; its statements are counted (`counted`). Usage: `on_db!(db, pool => sqlx::query(SQL).execute(pool).await)`.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite(p) => {
                let $pool = $crate::counted::Counted(p);
                $body
            }
            $crate::Db::Postgres(p) => {
                let $pool = $crate::counted::Counted(p);
                $body
            }
        }
    };
}
