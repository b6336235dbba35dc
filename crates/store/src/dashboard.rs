//! The dashboards' reads: a few aggregated statements per page, whatever the number of projects
//! (no statement per project, card or item). The web crate decides, through the policy, which
//! centres the viewer manages or coaches in and passes their ids; the store only reads.
use crate::roadmaps::RoadmapRow;
use crate::tracking::ItemDetails;
use crate::{Db, Result};

/// A list of ids for an `IN (…)` clause. The ids are integers, so writing them into the SQL is
/// safe; an empty list matches nothing.
fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".to_string();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// One line of a to-do list, whatever its kind: the columns every branch of the union shares.
/// What each column holds depends on `kind` (see the functions that read them).
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct TodoRow {
    pub kind: String,
    pub project_id: i64,
    pub project: String,
    pub ref_id: i64,
    pub label: String,
    pub extra: String,
    pub n: i64,
    pub m: i64,
}

/// A project a coach follows or a manager runs, with what its health is made of.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WatchedRow {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub stage: String,
    pub created_at: i64,
    pub last_session: Option<i64>,
    pub last_task: Option<i64>,
    pub last_measurement: Option<i64>,
    pub last_canvas: Option<i64>,
    pub last_roadmap: Option<i64>,
    pub overdue_tasks: i64,
    pub overdue_milestones: i64,
}

impl WatchedRow {
    /// The latest thing that happened on the project (its creation at the least).
    pub fn last_activity(&self) -> i64 {
        [
            self.last_session,
            self.last_task,
            self.last_measurement,
            self.last_canvas,
            self.last_roadmap,
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(self.created_at)
        .max(self.created_at)
    }
}

/// The projects (not archived) of the centres in `managed`, and those the user follows in the
/// centres in `coached`, with their health, in one statement. `today` is `YYYY-MM-DD`.
pub async fn watched(
    db: &Db,
    user_id: i64,
    managed: &[i64],
    coached: &[i64],
    today: &str,
) -> Result<Vec<WatchedRow>> {
    if managed.is_empty() && coached.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT p.id, p.centre_id, p.name, p.stage, p.created_at, \
          (SELECT MAX(created_at) FROM coaching_sessions s WHERE s.project_id = p.id) AS last_session, \
          (SELECT MAX(updated_at) FROM tasks t WHERE t.project_id = p.id) AS last_task, \
          (SELECT MAX(m.created_at) FROM measurements m JOIN project_indicators pi ON pi.id = m.project_indicator_id WHERE pi.project_id = p.id) AS last_measurement, \
          (SELECT MAX(updated_at) FROM canvases c WHERE c.project_id = p.id) AS last_canvas, \
          (SELECT MAX(updated_at) FROM roadmaps r WHERE r.project_id = p.id) AS last_roadmap, \
          (SELECT COUNT(*) FROM tasks t WHERE t.project_id = p.id AND t.kind = 'task' AND t.status <> 'done' AND t.due_on < $2) AS overdue_tasks, \
          (SELECT COUNT(*) FROM tasks t WHERE t.project_id = p.id AND t.kind = 'milestone' AND t.status <> 'done' AND t.due_on < $2) AS overdue_milestones \
         FROM projects p \
         LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $1 \
         WHERE p.archived_at IS NULL AND (p.centre_id IN ({managed}) \
           OR (pp.relation = 'follower' AND p.centre_id IN ({coached}))) \
         ORDER BY p.name, p.id",
        managed = id_list(managed),
        coached = id_list(coached),
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).bind(today).fetch_all(pool).await?))
}

/// The roadmaps of the centres in `centres`: the centres' own (cards) and, when `projects` is
/// set, their projects' too (late steps).
pub async fn roadmaps(db: &Db, centres: &[i64], projects: bool) -> Result<Vec<RoadmapRow>> {
    if centres.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, centre_id, project_id, title, start_date, document, revision, created_at, updated_at \
         FROM roadmaps WHERE centre_id IN ({}){} ORDER BY centre_id, id",
        id_list(centres),
        if projects {
            ""
        } else {
            " AND project_id IS NULL"
        }
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// The item details of the project roadmaps of the centres in `centres` (their due dates make
/// steps late).
pub async fn roadmap_details(db: &Db, centres: &[i64]) -> Result<Vec<ItemDetails>> {
    if centres.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{} JOIN roadmaps r ON r.id = d.roadmap_id \
         WHERE r.centre_id IN ({}) AND r.project_id IS NOT NULL \
         ORDER BY d.roadmap_id, d.phase, d.period, d.item",
        crate::tracking::DETAILS_SELECT,
        id_list(centres)
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// A cohort of one of the centres, and one of its projects (`None` for an empty cohort).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CohortRow {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub project_id: Option<i64>,
}

/// The cohorts of the centres in `centres` with their projects, one row per (cohort, project).
pub async fn cohorts(db: &Db, centres: &[i64]) -> Result<Vec<CohortRow>> {
    if centres.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT c.id, c.centre_id, c.name, c.starts_on, c.ends_on, cp.project_id \
         FROM cohorts c LEFT JOIN cohort_projects cp ON cp.cohort_id = c.id \
         WHERE c.centre_id IN ({}) ORDER BY c.starts_on DESC, c.name, c.id",
        id_list(centres)
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

const B0: &str = "CAST(0 AS BIGINT)";
const T0: &str = "CAST('' AS TEXT)";

/// A participant's to-do, in one statement: upcoming coaching sessions of their projects
/// (`session`: ref_id the session, extra its day), their open tasks (`task`: ref_id, label the
/// title, extra the due day, n 1 for a milestone), the notes per canvas block (`block`: ref_id
/// the canvas, label the block, empty for a canvas without notes, n the notes), their
/// diagnostic attempts (`attempt`: ref_id, label the diagnostic, extra the level, n the
/// version, m the time it was submitted, 0 before) and the scores of the
/// latest submitted one (`score`: ref_id the attempt, label the dimension, n the score), and
/// their onboarding checklist ([`checklist_rows`]).
pub async fn participant_todo(db: &Db, user_id: i64, today: &str) -> Result<Vec<TodoRow>> {
    let checklist = checklist_rows();
    let sql = format!(
        "SELECT CAST('session' AS TEXT) AS kind, p.id AS project_id, p.name AS project, s.id AS ref_id, \
                {T0} AS label, s.held_on AS extra, {B0} AS n, {B0} AS m \
           FROM coaching_sessions s JOIN projects p ON p.id = s.project_id \
           JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $1 AND pp.relation = 'member' \
          WHERE p.archived_at IS NULL AND s.held_on >= $2 \
         UNION ALL \
         SELECT 'task', p.id, p.name, t.id, t.title, COALESCE(t.due_on, ''), \
                CASE WHEN t.kind = 'milestone' THEN 1 ELSE 0 END, {B0} \
           FROM tasks t JOIN projects p ON p.id = t.project_id \
           JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $1 AND pp.relation = 'member' \
          WHERE p.archived_at IS NULL AND t.status <> 'done' AND (t.owner_id IS NULL OR t.owner_id = $1) \
         UNION ALL \
         SELECT 'block', p.id, p.name, c.id, COALESCE(ci.block, ''), c.title, COUNT(ci.id), {B0} \
           FROM canvases c JOIN projects p ON p.id = c.project_id \
           JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $1 AND pp.relation = 'member' \
           LEFT JOIN canvas_items ci ON ci.canvas_id = c.id AND ci.deleted_at IS NULL \
          WHERE p.archived_at IS NULL \
          GROUP BY p.id, p.name, c.id, c.title, ci.block \
         UNION ALL \
         SELECT 'attempt', {B0}, {T0}, a.id, a.diagnostic, COALESCE(a.level, ''), a.version, \
                COALESCE(a.submitted_at, 0) \
           FROM diagnostic_attempts a WHERE a.user_id = $1 \
         UNION ALL \
         SELECT 'score', {B0}, {T0}, sc.attempt_id, sc.dimension, {T0}, sc.score, {B0} \
           FROM diagnostic_scores sc WHERE sc.attempt_id = \
             (SELECT a.id FROM diagnostic_attempts a WHERE a.user_id = $1 AND a.submitted_at IS NOT NULL \
              ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) \
         UNION ALL {checklist}"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).bind(today).fetch_all(pool).await?))
}

/// The onboarding checklist's rows of [`participant_todo`]: per step (`checklist`: label the
/// step, n 1 when done, m when the person dismissed the list, else 0), and the settings of the
/// centre of their onboarding (`checklist-setting`: label the step, n 1 when on, m its place).
fn checklist_rows() -> String {
    use crate::onboarding::done_condition;
    use domain::onboarding::Step;
    let mut parts: Vec<String> = Step::ALL
        .into_iter()
        .map(|step| {
            format!(
                "SELECT 'checklist', {B0}, {T0}, {B0}, '{code}', {T0}, \
                 CAST(CASE WHEN {done} THEN 1 ELSE 0 END AS BIGINT), \
                 COALESCE((SELECT d.at FROM onboarding_checklist_dismissals d WHERE d.user_id = $1), 0)",
                code = step.code(),
                done = done_condition(step, "$1"),
            )
        })
        .collect();
    parts.push(
        "SELECT 'checklist-setting', 0, '', 0, s.step, '', s.enabled, s.position \
         FROM onboarding_settings s JOIN onboardings o ON o.centre_id = s.centre_id WHERE o.user_id = $1"
            .to_string(),
    );
    parts.join(" UNION ALL ")
}

/// A coach's to-do beside their projects' health, in one statement: upcoming coaching sessions
/// they lead or of the projects they follow (`session`: extra the day) and, per canvas of those
/// projects, the open comments written by someone else (`comments`: ref_id the canvas, label
/// its title, n the comments).
pub async fn coach_todo(
    db: &Db,
    user_id: i64,
    coached: &[i64],
    today: &str,
) -> Result<Vec<TodoRow>> {
    let coached = id_list(coached);
    let sql = format!(
        "SELECT CAST('session' AS TEXT) AS kind, p.id AS project_id, p.name AS project, s.id AS ref_id, \
                {T0} AS label, s.held_on AS extra, {B0} AS n, {B0} AS m \
           FROM coaching_sessions s JOIN projects p ON p.id = s.project_id \
           LEFT JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $1 \
          WHERE p.archived_at IS NULL AND s.held_on >= $2 \
            AND (s.coach_id = $1 OR (pp.relation = 'follower' AND p.centre_id IN ({coached}))) \
         UNION ALL \
         SELECT 'comments', p.id, p.name, c.id, c.title, {T0}, COUNT(*), {B0} \
           FROM canvas_comments cc JOIN canvases c ON c.id = cc.canvas_id \
           JOIN projects p ON p.id = c.project_id \
           JOIN project_people pp ON pp.project_id = p.id AND pp.user_id = $1 AND pp.relation = 'follower' \
          WHERE p.archived_at IS NULL AND p.centre_id IN ({coached}) AND cc.resolved_at IS NULL \
            AND (cc.author_id IS NULL OR cc.author_id <> $1) \
          GROUP BY p.id, p.name, c.id, c.title \
         UNION ALL {checklists}",
        checklists = centre_checklist_rows(&coached, "coach"),
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).bind(today).fetch_all(pool).await?))
}

/// The checklists of the centres in `centres` (an id list) assigned to `role`, as rows of a
/// to-do (`checklist`: project_id the centre, project the recurrence, ref_id the checklist,
/// label its name, extra the first day of the latest period it was completed in (empty for
/// never), n the day it was created as `YYYYMMDD`); the web crate works out which are due.
fn centre_checklist_rows(centres: &str, role: &str) -> String {
    format!(
        "SELECT 'checklist', c.centre_id, c.recurrence, c.id, c.name, \
                COALESCE((SELECT MAX(r.period) FROM checklist_runs r \
                  WHERE r.checklist_id = c.id AND r.completed_at IS NOT NULL), ''), \
                CAST(REPLACE(c.created_on, '-', '') AS BIGINT), {B0} \
           FROM checklists c WHERE c.centre_id IN ({centres}) AND c.role = '{role}'"
    )
}

/// What the staff of the centres in `centres` have waiting, in one statement: the number of
/// new leads per centre (`leads`: project_id the centre, n the count, m the newest's time),
/// the newest new leads (`lead`: ref_id, label the name, extra the source, n the time), the
/// pioneers and registrations of the last 30 days per centre (`pioneers`, `registrations`:
/// project_id the centre, n the count) and the coming events with their fill (`event`:
/// project_id the capacity, ref_id, label the title, extra the slug, n the start, m the
/// registrations), and the newest applications waiting for a first answer (`application`:
/// project_id the centre, ref_id, label the person, extra the offer, n the time), the
/// managers' checklists ([`centre_checklist_rows`]) and each centre's opening plan (`opening`:
/// project_id the centre, label the next undone milestone's day, n the milestones, m those
/// done; `opening-checks`: n the checklist items, m those done).
pub async fn staff_todo(db: &Db, centres: &[i64], now: i64) -> Result<Vec<TodoRow>> {
    let centres = id_list(centres);
    let sql = format!(
        "SELECT CAST('leads' AS TEXT) AS kind, COALESCE(l.centre_id, 0) AS project_id, {T0} AS project, \
                {B0} AS ref_id, {T0} AS label, {T0} AS extra, COUNT(*) AS n, MAX(l.created_at) AS m \
           FROM leads l WHERE l.status = 'new' AND l.centre_id IN ({centres}) GROUP BY l.centre_id \
         UNION ALL \
         SELECT * FROM (SELECT 'lead', COALESCE(l.centre_id, 0), {T0}, l.id, l.name, l.source, l.created_at, {B0} \
           FROM leads l WHERE l.status = 'new' AND l.centre_id IN ({centres}) \
          ORDER BY l.created_at DESC, l.id DESC LIMIT 5) newest \
         UNION ALL \
         SELECT 'pioneers', COALESCE(l.centre_id, 0), {T0}, {B0}, {T0}, {T0}, COUNT(*), {B0} \
           FROM leads l WHERE l.pioneer_at >= $1 AND l.centre_id IN ({centres}) GROUP BY l.centre_id \
         UNION ALL \
         SELECT 'registrations', COALESCE(e.centre_id, 0), {T0}, {B0}, {T0}, {T0}, COUNT(*), {B0} \
           FROM event_registrations r JOIN events e ON e.id = r.event_id \
          WHERE r.created_at >= $1 AND e.centre_id IN ({centres}) GROUP BY e.centre_id \
         UNION ALL \
         SELECT * FROM (SELECT 'event', e.capacity, {T0}, e.id, e.title, e.slug, e.starts_at, \
                (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id) \
           FROM events e WHERE e.starts_at >= $2 AND e.centre_id IN ({centres}) \
          ORDER BY e.starts_at, e.id LIMIT 5) coming \
         UNION ALL \
         SELECT * FROM (SELECT 'application', a.centre_id, {T0}, a.id, u.display_name, o.title, a.created_at, {B0} \
           FROM applications a JOIN users u ON u.id = a.user_id JOIN offers o ON o.id = a.offer_id \
          WHERE a.status = 'received' AND a.centre_id IN ({centres}) \
          ORDER BY a.created_at DESC, a.id DESC LIMIT 10) received \
         UNION ALL \
         SELECT * FROM (SELECT 'follow_up', i.centre_id, i.kind, COALESCE(i.contact_id, -i.organisation_id), \
                COALESCE(c.name, o.name, ''), i.follow_up_on, i.id, {B0} \
           FROM interactions i LEFT JOIN contacts c ON c.id = i.contact_id \
           LEFT JOIN organisations o ON o.id = i.organisation_id \
          WHERE i.centre_id IN ({centres}) AND i.follow_up_on <= $3 AND i.follow_up_done_at IS NULL \
          ORDER BY i.follow_up_on, i.id LIMIT 10) follow_ups \
         UNION ALL {checklists} \
         UNION ALL \
         SELECT 'opening', m.centre_id, {T0}, {B0}, \
                COALESCE(MIN(CASE WHEN m.done_at IS NULL THEN m.due_on END), ''), {T0}, COUNT(*), \
                SUM(CASE WHEN m.done_at IS NOT NULL THEN 1 ELSE 0 END) \
           FROM opening_milestones m WHERE m.centre_id IN ({centres}) GROUP BY m.centre_id \
         UNION ALL \
         SELECT 'opening-checks', m.centre_id, {T0}, {B0}, {T0}, {T0}, COUNT(*), \
                SUM(CASE WHEN c.done_at IS NOT NULL THEN 1 ELSE 0 END) \
           FROM opening_checks c JOIN opening_milestones m ON m.id = c.milestone_id \
          WHERE m.centre_id IN ({centres}) GROUP BY m.centre_id",
        checklists = centre_checklist_rows(&centres, "centre_manager"),
    );
    // The CRM's follow-ups are days (`YYYY-MM-DD`) in Paris.
    let d = domain::time_zone::to_paris(now).date();
    let today = format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(now - 30 * 86_400).bind(now).bind(&today).fetch_all(pool).await?),
    )
}
