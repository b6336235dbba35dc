//! A centre's procedures (Markdown), recurring checklists with their runs and ticks (who ticked
//! what and when), and its incident log. Periods and days are `YYYY-MM-DD`; the web crate works
//! them out with `domain::procedures`.
use crate::{Db, Exec, Result, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Procedure {
    pub id: i64,
    pub centre_id: i64,
    pub title: String,
    pub body: String,
    /// The operations manual's chapter slugs it links, one a line.
    pub chapters: String,
    pub updated_by_name: Option<String>,
    pub updated_at: i64,
}

const PROCEDURE_SELECT: &str = "SELECT p.id, p.centre_id, p.title, p.body, p.chapters, \
     u.display_name AS updated_by_name, p.updated_at FROM procedures p \
     LEFT JOIN users u ON u.id = p.updated_by";

/// A centre's procedures, by title.
pub async fn procedures(db: &Db, centre_id: i64) -> Result<Vec<Procedure>> {
    let sql = format!("{PROCEDURE_SELECT} WHERE p.centre_id = $1 ORDER BY p.title, p.id LIMIT 500");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

pub async fn procedure(db: &Db, centre_id: i64, id: i64) -> Result<Option<Procedure>> {
    let sql = format!("{PROCEDURE_SELECT} WHERE p.id = $1 AND p.centre_id = $2");
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(centre_id).fetch_optional(pool).await?),
    )
}

/// What a procedure holds.
pub struct ProcedureFields<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub chapters: &'a str,
}

/// Writes a new procedure; `Duplicate` when the centre has one of that title.
pub async fn create_procedure(
    db: &Db,
    centre_id: i64,
    f: &ProcedureFields<'_>,
    user_id: i64,
) -> Result<i64> {
    let sql = "INSERT INTO procedures (centre_id, title, body, chapters, updated_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(f.title)
        .bind(f.body)
        .bind(f.chapters)
        .bind(user_id)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Saves a procedure; false when the centre has no such procedure.
pub async fn update_procedure(
    db: &Db,
    centre_id: i64,
    id: i64,
    f: &ProcedureFields<'_>,
    user_id: i64,
) -> Result<bool> {
    let sql = "UPDATE procedures SET title = $1, body = $2, chapters = $3, updated_by = $4, updated_at = $5 \
               WHERE id = $6 AND centre_id = $7";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(f.title)
        .bind(f.body)
        .bind(f.chapters)
        .bind(user_id)
        .bind(now())
        .bind(id)
        .bind(centre_id)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// A checklist with what its state is made of.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Checklist {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub recurrence: String,
    pub role: String,
    pub procedure_id: Option<i64>,
    pub created_on: String,
    /// The start of the latest period it was completed in.
    pub last_done: Option<String>,
    pub items: i64,
}

const CHECKLIST_SELECT: &str = "SELECT c.id, c.centre_id, c.name, c.recurrence, c.role, c.procedure_id, c.created_on, \
     (SELECT MAX(r.period) FROM checklist_runs r WHERE r.checklist_id = c.id AND r.completed_at IS NOT NULL) AS last_done, \
     (SELECT COUNT(*) FROM checklist_items i WHERE i.checklist_id = c.id AND i.removed_at IS NULL) AS items \
     FROM checklists c";

/// A centre's checklists with their latest completed period, by name.
pub async fn checklists(db: &Db, centre_id: i64) -> Result<Vec<Checklist>> {
    let sql = format!("{CHECKLIST_SELECT} WHERE c.centre_id = $1 ORDER BY c.name, c.id LIMIT 200");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// A checklist, whatever its centre (the caller checks it against the policy).
pub async fn checklist<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Checklist>> {
    let sql = format!("{CHECKLIST_SELECT} WHERE c.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// What a checklist is: its name, recurrence and role codes, the procedure it follows.
pub struct ChecklistFields<'a> {
    pub name: &'a str,
    pub recurrence: &'a str,
    pub role: &'a str,
    pub procedure_id: Option<i64>,
}

/// Creates a checklist and its items; `Duplicate` when the centre has one of that name.
pub async fn create_checklist_in(
    tx: &mut Tx,
    centre_id: i64,
    f: &ChecklistFields<'_>,
    created_on: &str,
    items: &[String],
) -> Result<i64> {
    let sql = "INSERT INTO checklists (centre_id, name, recurrence, role, procedure_id, created_on, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let id: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(f.name)
        .bind(f.recurrence)
        .bind(f.role)
        .bind(f.procedure_id)
        .bind(created_on)
        .bind(now())
        .fetch_one(e)
        .await?);
    set_items_in(tx, id, items).await?;
    Ok(id)
}

/// Changes a checklist and its list: items kept by their label keep their history, new ones
/// are added, those no longer listed are taken off (their past ticks stay).
pub async fn update_checklist_in(
    tx: &mut Tx,
    id: i64,
    f: &ChecklistFields<'_>,
    items: &[String],
) -> Result<()> {
    let sql = "UPDATE checklists SET name = $1, recurrence = $2, role = $3, procedure_id = $4 WHERE id = $5";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
        .bind(f.name)
        .bind(f.recurrence)
        .bind(f.role)
        .bind(f.procedure_id)
        .bind(id)
        .execute(e)
        .await?
        .rows_affected());
    set_items_in(tx, id, items).await
}

async fn set_items_in(tx: &mut Tx, checklist_id: i64, items: &[String]) -> Result<()> {
    let sql =
        "SELECT id, label FROM checklist_items WHERE checklist_id = $1 AND removed_at IS NULL";
    let current: Vec<(i64, String)> = on_exec!(Exec::from(&mut *tx), e => sqlx::query_as(sql).bind(checklist_id).fetch_all(e).await?);
    let at = now();
    for (id, label) in &current {
        if !items.contains(label) {
            let sql = "UPDATE checklist_items SET removed_at = $1 WHERE id = $2";
            on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(at).bind(id).execute(e).await?.rows_affected());
        }
    }
    for (position, label) in items.iter().enumerate() {
        let position = position as i64 + 1;
        match current.iter().find(|(_, l)| l == label) {
            Some((id, _)) => {
                let sql = "UPDATE checklist_items SET position = $1 WHERE id = $2";
                on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(position).bind(id).execute(e).await?.rows_affected());
            }
            None => {
                let sql = "INSERT INTO checklist_items (checklist_id, position, label) VALUES ($1, $2, $3)";
                on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(checklist_id).bind(position).bind(label).execute(e).await?.rows_affected());
            }
        }
    }
    Ok(())
}

/// An item of a checklist in one period: ticked or not, by whom and when.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemState {
    pub id: i64,
    pub label: String,
    pub ticked_at: Option<i64>,
    pub ticked_by: Option<String>,
}

/// The checklist's items (on the list now) with their ticks in the period, in one statement.
pub async fn items(db: &Db, checklist_id: i64, period: &str) -> Result<Vec<ItemState>> {
    let sql = "SELECT i.id, i.label, t.ticked_at, u.display_name AS ticked_by \
               FROM checklist_items i \
               LEFT JOIN checklist_runs r ON r.checklist_id = i.checklist_id AND r.period = $2 \
               LEFT JOIN checklist_ticks t ON t.run_id = r.id AND t.item_id = i.id \
               LEFT JOIN users u ON u.id = t.user_id \
               WHERE i.checklist_id = $1 AND i.removed_at IS NULL ORDER BY i.position, i.id";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(checklist_id).bind(period).fetch_all(pool).await?),
    )
}

/// Ticks (or unticks) an item for the period, opening the period's run if needed, and marks the
/// run completed when every item is ticked (or not any more). False when the item is not on
/// that checklist's list.
pub async fn tick_in(
    tx: &mut Tx,
    checklist_id: i64,
    item_id: i64,
    period: &str,
    user_id: i64,
    ticked: bool,
) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM checklist_items WHERE id = $1 AND checklist_id = $2 AND removed_at IS NULL";
    let found: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql).bind(item_id).bind(checklist_id).fetch_one(e).await?);
    if found == 0 {
        return Ok(false);
    }
    let at = now();
    let sql = "INSERT INTO checklist_runs (checklist_id, period, started_at) VALUES ($1, $2, $3) \
               ON CONFLICT (checklist_id, period) DO UPDATE SET checklist_id = excluded.checklist_id \
               RETURNING id";
    let run: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql).bind(checklist_id).bind(period).bind(at).fetch_one(e).await?);
    if ticked {
        let sql = "INSERT INTO checklist_ticks (run_id, item_id, user_id, ticked_at) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (run_id, item_id) DO NOTHING";
        on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(run).bind(item_id).bind(user_id).bind(at).execute(e).await?.rows_affected());
    } else {
        let sql = "DELETE FROM checklist_ticks WHERE run_id = $1 AND item_id = $2";
        on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(run).bind(item_id).execute(e).await?.rows_affected());
    }
    let sql = "UPDATE checklist_runs SET completed_at = CASE WHEN (SELECT COUNT(*) FROM checklist_items i \
                 WHERE i.checklist_id = $2 AND i.removed_at IS NULL AND NOT EXISTS \
                 (SELECT 1 FROM checklist_ticks t WHERE t.run_id = $1 AND t.item_id = i.id)) = 0 \
               THEN COALESCE(completed_at, $3) ELSE NULL END WHERE id = $1";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(run).bind(checklist_id).bind(at).execute(e).await?.rows_affected());
    Ok(true)
}

/// A tick of the history: the run's period and completion, the item, who and when.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub period: String,
    pub completed_at: Option<i64>,
    pub label: String,
    pub ticked_by: Option<String>,
    pub ticked_at: i64,
}

/// The ticks of the checklist's latest 30 runs, newest run first, in one statement.
pub async fn history(db: &Db, checklist_id: i64) -> Result<Vec<HistoryRow>> {
    let sql = "SELECT r.period, r.completed_at, i.label, u.display_name AS ticked_by, t.ticked_at \
               FROM checklist_runs r JOIN checklist_ticks t ON t.run_id = r.id \
               JOIN checklist_items i ON i.id = t.item_id LEFT JOIN users u ON u.id = t.user_id \
               WHERE r.checklist_id = $1 AND r.period IN (SELECT period FROM checklist_runs \
                 WHERE checklist_id = $1 ORDER BY period DESC LIMIT 30) \
               ORDER BY r.period DESC, t.ticked_at, i.position";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(checklist_id).fetch_all(pool).await?))
}

/// An incident of the log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Incident {
    pub id: i64,
    pub happened_on: String,
    pub place: String,
    pub severity: String,
    pub what: String,
    pub action_taken: String,
    pub reported_by: Option<String>,
    pub closed_at: Option<i64>,
}

/// A centre's incidents, the open ones first, then the newest.
pub async fn incidents(db: &Db, centre_id: i64) -> Result<Vec<Incident>> {
    let sql = "SELECT n.id, n.happened_on, n.place, n.severity, n.what, n.action_taken, \
               u.display_name AS reported_by, n.closed_at FROM incidents n \
               LEFT JOIN users u ON u.id = n.reported_by WHERE n.centre_id = $1 \
               ORDER BY CASE WHEN n.closed_at IS NULL THEN 0 ELSE 1 END, n.happened_on DESC, n.id DESC LIMIT 500";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// What an incident report holds (codes and days already checked).
pub struct IncidentFields<'a> {
    pub happened_on: &'a str,
    pub place: &'a str,
    pub severity: &'a str,
    pub what: &'a str,
    pub action_taken: &'a str,
}

pub async fn report_incident<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    f: &IncidentFields<'_>,
    user_id: i64,
) -> Result<i64> {
    let sql = "INSERT INTO incidents (centre_id, happened_on, place, severity, what, action_taken, reported_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(f.happened_on)
        .bind(f.place)
        .bind(f.severity)
        .bind(f.what)
        .bind(f.action_taken)
        .bind(user_id)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// Closes an open incident, with the action taken; false when the centre has no such open one.
pub async fn close_incident(db: &Db, centre_id: i64, id: i64, action_taken: &str) -> Result<bool> {
    let sql = "UPDATE incidents SET closed_at = $1, \
               action_taken = CASE WHEN $2 = '' THEN action_taken ELSE $2 END \
               WHERE id = $3 AND centre_id = $4 AND closed_at IS NULL";
    let n = on_db!(db, pool => sqlx::query(sql).bind(now()).bind(action_taken).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// Records a whole run of a past period at once, every item ticked by `user_id` at `at` (demo
/// data and tests); nothing done when the period has a run already.
pub async fn record_run_in(
    tx: &mut Tx,
    checklist_id: i64,
    period: &str,
    user_id: i64,
    at: i64,
) -> Result<()> {
    let sql = "INSERT INTO checklist_runs (checklist_id, period, started_at, completed_at) \
               VALUES ($1, $2, $3, $3) ON CONFLICT (checklist_id, period) DO NOTHING RETURNING id";
    let run: Option<i64> = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(checklist_id)
        .bind(period)
        .bind(at)
        .fetch_optional(e)
        .await?);
    let Some(run) = run else {
        return Ok(());
    };
    let sql = "INSERT INTO checklist_ticks (run_id, item_id, user_id, ticked_at) \
               SELECT $1, i.id, $2, $3 + i.position * 60 FROM checklist_items i \
               WHERE i.checklist_id = $4 AND i.removed_at IS NULL";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(run).bind(user_id).bind(at).bind(checklist_id).execute(e).await?.rows_affected());
    Ok(())
}
