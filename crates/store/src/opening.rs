//! Opening a micro-centre: the network's template of milestones, and each centre's plan
//! (milestones dated from its opening day, each with its checklist) with what is done.
use crate::{Db, Exec, Result, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TemplateMilestone {
    pub id: i64,
    pub position: i64,
    pub name: String,
    pub offset_weeks: i64,
    /// One item a line.
    pub checklist: String,
}

pub async fn template<'e>(ex: impl Into<Exec<'e>>) -> Result<Vec<TemplateMilestone>> {
    let sql = "SELECT id, position, name, offset_weeks, checklist FROM opening_template ORDER BY position, id";
    Ok(on_exec!(ex.into(), e => sqlx::query_as(sql).fetch_all(e).await?))
}

/// Adds a milestone at the end of the template.
pub async fn add_template_milestone(
    db: &Db,
    name: &str,
    offset_weeks: i64,
    checklist: &str,
) -> Result<i64> {
    let sql = "INSERT INTO opening_template (position, name, offset_weeks, checklist) VALUES \
               ((SELECT COALESCE(MAX(position), 0) + 1 FROM opening_template), $1, $2, $3) RETURNING id";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(name).bind(offset_weeks).bind(checklist).fetch_one(pool).await?),
    )
}

/// Changes a template milestone; false when there is none with that id.
pub async fn update_template_milestone(
    db: &Db,
    id: i64,
    name: &str,
    offset_weeks: i64,
    checklist: &str,
) -> Result<bool> {
    let sql =
        "UPDATE opening_template SET name = $1, offset_weeks = $2, checklist = $3 WHERE id = $4";
    let n = on_db!(db, pool => sqlx::query(sql).bind(name).bind(offset_weeks).bind(checklist).bind(id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

pub async fn remove_template_milestone(db: &Db, id: i64) -> Result<bool> {
    let sql = "DELETE FROM opening_template WHERE id = $1";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// A centre's opening day, if it started a plan.
pub async fn opens_on<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Option<String>> {
    let sql = "SELECT opens_on FROM opening_plans WHERE centre_id = $1";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql).bind(centre_id).fetch_optional(e).await?))
}

/// A milestone of the plan to write: its name, due day and checklist.
pub struct NewMilestone<'a> {
    pub name: &'a str,
    pub due_on: String,
    pub checklist: Vec<String>,
}

/// Starts the centre's plan; `Duplicate` when it has one already (nothing written then).
pub async fn start_in(
    tx: &mut Tx,
    centre_id: i64,
    opens_on: &str,
    milestones: &[NewMilestone<'_>],
) -> Result<()> {
    let sql = "INSERT INTO opening_plans (centre_id, opens_on, created_at) VALUES ($1, $2, $3)";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(centre_id).bind(opens_on).bind(now()).execute(e).await?.rows_affected());
    for (position, m) in milestones.iter().enumerate() {
        let sql = "INSERT INTO opening_milestones (centre_id, position, name, due_on) VALUES ($1, $2, $3, $4) RETURNING id";
        let id: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
            .bind(centre_id)
            .bind(position as i64 + 1)
            .bind(m.name)
            .bind(&m.due_on)
            .fetch_one(e)
            .await?);
        for (p, label) in m.checklist.iter().enumerate() {
            let sql =
                "INSERT INTO opening_checks (milestone_id, position, label) VALUES ($1, $2, $3)";
            on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(id).bind(p as i64 + 1).bind(label).execute(e).await?.rows_affected());
        }
    }
    Ok(())
}

/// A milestone of a centre's plan with one of its checks (`None` for a milestone without any).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub id: i64,
    pub name: String,
    pub due_on: String,
    pub done_at: Option<i64>,
    pub check_id: Option<i64>,
    pub check_label: Option<String>,
    pub check_done_at: Option<i64>,
}

/// The centre's plan, one row per (milestone, check), in order, in one statement.
pub async fn plan(db: &Db, centre_id: i64) -> Result<Vec<PlanRow>> {
    let sql = "SELECT m.id, m.name, m.due_on, m.done_at, c.id AS check_id, c.label AS check_label, \
               c.done_at AS check_done_at FROM opening_milestones m \
               LEFT JOIN opening_checks c ON c.milestone_id = m.id \
               WHERE m.centre_id = $1 ORDER BY m.position, m.id, c.position, c.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Marks a milestone of the centre done or not; false when the centre has no such milestone.
pub async fn set_milestone(db: &Db, centre_id: i64, id: i64, done: bool) -> Result<bool> {
    let sql = "UPDATE opening_milestones SET done_at = $1 WHERE id = $2 AND centre_id = $3";
    let at = done.then(now);
    let n = on_db!(db, pool => sqlx::query(sql).bind(at).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// Ticks a check of one of the centre's milestones; false when there is no such check there.
pub async fn set_check(db: &Db, centre_id: i64, id: i64, done: bool) -> Result<bool> {
    let sql = "UPDATE opening_checks SET done_at = $1 WHERE id = $2 AND milestone_id IN \
               (SELECT id FROM opening_milestones WHERE centre_id = $3)";
    let at = done.then(now);
    let n = on_db!(db, pool => sqlx::query(sql).bind(at).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}
