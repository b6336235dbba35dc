//! Project tracking: coaching sessions (with their participants and the tasks their next steps
//! became), tasks and milestones, attachments, per-item roadmap details and project activity.
use crate::{Db, Result, StoreError, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: i64,
    pub coach_id: Option<i64>,
    pub coach_name: Option<String>,
    pub held_on: String,
    pub shared_notes: String,
    pub private_notes: String,
    pub decisions: String,
    pub created_at: i64,
}

const SESSION_COLUMNS: &str = "s.id, s.centre_id, s.project_id, s.coach_id, u.display_name AS coach_name, \
     s.held_on, s.shared_notes, s.private_notes, s.decisions, s.created_at";

pub struct NewSession<'a> {
    pub centre_id: i64,
    pub project_id: i64,
    pub coach_id: Option<i64>,
    pub held_on: &'a str,
    pub shared_notes: &'a str,
    pub private_notes: &'a str,
    pub decisions: &'a str,
    pub participants: &'a [i64],
    /// Each next step becomes a task of the project.
    pub next_steps: &'a [String],
    pub step_owner: Option<i64>,
    pub step_due: Option<&'a str>,
}

/// Records a session, its participants and one task per next step, all or nothing. Returns the
/// session id and the new task ids.
pub async fn create_session(db: &Db, new: &NewSession<'_>) -> Result<(i64, Vec<i64>)> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO coaching_sessions (centre_id, project_id, coach_id, held_on, shared_notes, private_notes, decisions, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(new.centre_id)
        .bind(new.project_id)
        .bind(new.coach_id)
        .bind(new.held_on)
        .bind(new.shared_notes)
        .bind(new.private_notes)
        .bind(new.decisions)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for user in new.participants {
            sqlx::query("INSERT INTO coaching_participants (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(*user)
                .execute(&mut *tx)
                .await?;
        }
        let mut tasks = Vec::new();
        for step in new.next_steps {
            let task: i64 = sqlx::query_scalar(
                "INSERT INTO tasks (centre_id, project_id, kind, title, owner_id, due_on, status, session_id, created_by, created_at, updated_at) \
                 VALUES ($1, $2, 'task', $3, $4, $5, 'todo', $6, $7, $8, $8) RETURNING id",
            )
            .bind(new.centre_id)
            .bind(new.project_id)
            .bind(step)
            .bind(new.step_owner)
            .bind(new.step_due)
            .bind(id)
            .bind(new.coach_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tasks.push(task);
        }
        tx.commit().await?;
        Ok((id, tasks))
    })
}

/// What a coach may correct in a recorded session (its tasks and files live on their own).
pub struct SessionChange<'a> {
    pub held_on: &'a str,
    pub shared_notes: &'a str,
    pub private_notes: &'a str,
    pub decisions: &'a str,
    pub participants: &'a [i64],
}

/// Corrects a session and replaces its participants, all or nothing.
pub async fn update_session(db: &Db, id: i64, change: &SessionChange<'_>) -> Result<()> {
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE coaching_sessions SET held_on = $1, shared_notes = $2, private_notes = $3, decisions = $4 \
             WHERE id = $5",
        )
        .bind(change.held_on)
        .bind(change.shared_notes)
        .bind(change.private_notes)
        .bind(change.decisions)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM coaching_participants WHERE session_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for user in change.participants {
            sqlx::query("INSERT INTO coaching_participants (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(*user)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

/// The people who took part in a session.
pub async fn session_participants(db: &Db, id: i64) -> Result<Vec<i64>> {
    let sql = "SELECT user_id FROM coaching_participants WHERE session_id = $1 ORDER BY user_id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(id).fetch_all(pool).await?))
}

/// A project's sessions, newest first.
pub async fn sessions(db: &Db, project_id: i64, limit: i64) -> Result<Vec<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM coaching_sessions s LEFT JOIN users u ON u.id = s.coach_id \
         WHERE s.project_id = $1 ORDER BY s.held_on DESC, s.id DESC LIMIT $2"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).bind(limit).fetch_all(pool).await?))
}

pub async fn find_session(db: &Db, id: i64) -> Result<Option<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM coaching_sessions s LEFT JOIN users u ON u.id = s.coach_id WHERE s.id = $1"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// (session id, participant name) for the sessions of a project.
pub async fn participants(db: &Db, project_id: i64) -> Result<Vec<(i64, String)>> {
    let sql = "SELECT cp.session_id, u.display_name FROM coaching_participants cp \
               JOIN coaching_sessions s ON s.id = cp.session_id JOIN users u ON u.id = cp.user_id \
               WHERE s.project_id = $1 ORDER BY u.display_name";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(project_id).fetch_all(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Task {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: domain::tracking::TaskKind,
    pub title: String,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub due_on: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: domain::tracking::TaskStatus,
    pub session_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub done_at: Option<i64>,
}

const TASK_COLUMNS: &str = "t.id, t.centre_id, t.project_id, t.kind, t.title, t.owner_id, u.display_name AS owner_name, \
     t.due_on, t.status, t.session_id, t.created_at, t.updated_at, t.done_at";

pub struct NewTask<'a> {
    pub centre_id: i64,
    pub project_id: i64,
    pub kind: &'a str,
    pub title: &'a str,
    pub owner_id: Option<i64>,
    pub due_on: Option<&'a str>,
    pub created_by: Option<i64>,
}

pub async fn create_task(db: &Db, new: &NewTask<'_>) -> Result<i64> {
    let sql = "INSERT INTO tasks (centre_id, project_id, kind, title, owner_id, due_on, status, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, 'todo', $7, $8, $8) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(new.centre_id)
        .bind(new.project_id)
        .bind(new.kind)
        .bind(new.title)
        .bind(new.owner_id)
        .bind(new.due_on)
        .bind(new.created_by)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// A project's tasks and milestones: open ones first by due date, then done ones.
pub async fn tasks(db: &Db, project_id: i64) -> Result<Vec<Task>> {
    let sql = format!(
        "SELECT {TASK_COLUMNS} FROM tasks t LEFT JOIN users u ON u.id = t.owner_id WHERE t.project_id = $1 \
         ORDER BY CASE WHEN t.status = 'done' THEN 1 ELSE 0 END, CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, t.id"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).fetch_all(pool).await?))
}

pub async fn find_task(db: &Db, id: i64) -> Result<Option<Task>> {
    let sql = format!(
        "SELECT {TASK_COLUMNS} FROM tasks t LEFT JOIN users u ON u.id = t.owner_id WHERE t.id = $1"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// Changes a task's status (`done_at` set when done, cleared otherwise).
pub async fn set_task_status(db: &Db, id: i64, status: &str) -> Result<()> {
    let now = now();
    let sql = "UPDATE tasks SET status = $1, updated_at = $2, \
               done_at = CASE WHEN $1 = 'done' THEN $2 ELSE NULL END WHERE id = $3";
    let n = on_db!(db, pool => sqlx::query(sql).bind(status).bind(now).bind(id).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: i64,
    pub session_id: Option<i64>,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub storage_key: String,
    pub created_at: i64,
}

const ATTACHMENT_COLUMNS: &str =
    "id, centre_id, project_id, session_id, file_name, content_type, size, storage_key, created_at";

pub struct NewAttachment<'a> {
    pub centre_id: i64,
    pub project_id: i64,
    pub session_id: Option<i64>,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size: i64,
    pub storage_key: &'a str,
    pub uploaded_by: Option<i64>,
}

pub async fn create_attachment(db: &Db, new: &NewAttachment<'_>) -> Result<i64> {
    let sql = "INSERT INTO attachments (centre_id, project_id, session_id, file_name, content_type, size, storage_key, uploaded_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(new.centre_id)
        .bind(new.project_id)
        .bind(new.session_id)
        .bind(new.file_name)
        .bind(new.content_type)
        .bind(new.size)
        .bind(new.storage_key)
        .bind(new.uploaded_by)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn find_attachment(db: &Db, id: i64) -> Result<Option<Attachment>> {
    let sql = format!("SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

pub async fn attachments(db: &Db, project_id: i64) -> Result<Vec<Attachment>> {
    let sql = format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE project_id = $1 ORDER BY created_at DESC, id DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).fetch_all(pool).await?))
}

/// Details kept beside a roadmap item (the Markdown stays untouched).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ItemDetails {
    pub roadmap_id: i64,
    pub phase: i64,
    pub period: i64,
    pub item: i64,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub due_on: Option<String>,
    pub notes: String,
    pub link: String,
    pub evidence: String,
}

pub async fn item_details(db: &Db, roadmap_id: i64) -> Result<Vec<ItemDetails>> {
    let sql =
        format!("{DETAILS_SELECT} WHERE d.roadmap_id = $1 ORDER BY d.phase, d.period, d.item");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(roadmap_id).fetch_all(pool).await?))
}

/// The item details of every roadmap of a project, in one statement (the project page's).
pub async fn project_item_details(db: &Db, project_id: i64) -> Result<Vec<ItemDetails>> {
    let sql = format!(
        "{DETAILS_SELECT} JOIN roadmaps r ON r.id = d.roadmap_id WHERE r.project_id = $1 \
         ORDER BY d.roadmap_id, d.phase, d.period, d.item"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).fetch_all(pool).await?))
}

pub(crate) const DETAILS_SELECT: &str = "SELECT d.roadmap_id, d.phase, d.period, d.item, d.owner_id, u.display_name AS owner_name, \
    d.due_on, d.notes, d.link, d.evidence FROM roadmap_item_details d LEFT JOIN users u ON u.id = d.owner_id";

/// The roadmaps of a centre's projects with their items' details, for the dashboards' alerts.
pub async fn centre_project_roadmaps(
    db: &Db,
    centre_id: i64,
) -> Result<Vec<(crate::roadmaps::RoadmapRow, Vec<ItemDetails>)>> {
    let sql = "SELECT id, centre_id, project_id, title, start_date, document, revision, created_at, updated_at \
               FROM roadmaps WHERE centre_id = $1 AND project_id IS NOT NULL ORDER BY id";
    let roadmaps: Vec<crate::roadmaps::RoadmapRow> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?);
    let sql = format!(
        "{DETAILS_SELECT} JOIN roadmaps r ON r.id = d.roadmap_id \
         WHERE r.centre_id = $1 AND r.project_id IS NOT NULL ORDER BY d.phase, d.period, d.item"
    );
    let details: Vec<ItemDetails> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?);
    Ok(roadmaps
        .into_iter()
        .map(|r| {
            let mine = details
                .iter()
                .filter(|d| d.roadmap_id == r.id)
                .cloned()
                .collect();
            (r, mine)
        })
        .collect())
}

pub struct SetItemDetails<'a> {
    pub owner_id: Option<i64>,
    pub due_on: Option<&'a str>,
    pub notes: &'a str,
    pub link: &'a str,
    pub evidence: &'a str,
}

pub async fn set_item_details(
    db: &Db,
    roadmap_id: i64,
    at: (i64, i64, i64),
    d: &SetItemDetails<'_>,
) -> Result<()> {
    let sql = "INSERT INTO roadmap_item_details (roadmap_id, phase, period, item, owner_id, due_on, notes, link, evidence, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
               ON CONFLICT (roadmap_id, phase, period, item) DO UPDATE SET owner_id = excluded.owner_id, \
               due_on = excluded.due_on, notes = excluded.notes, link = excluded.link, evidence = excluded.evidence, \
               updated_at = excluded.updated_at";
    let now = now();
    on_db!(db, pool => sqlx::query(sql)
        .bind(roadmap_id)
        .bind(at.0)
        .bind(at.1)
        .bind(at.2)
        .bind(d.owner_id)
        .bind(d.due_on)
        .bind(d.notes)
        .bind(d.link)
        .bind(d.evidence)
        .bind(now)
        .execute(pool)
        .await?.rows_affected());
    let touch = "UPDATE roadmaps SET updated_at = $1 WHERE id = $2";
    on_db!(db, pool => sqlx::query(touch).bind(now).bind(roadmap_id).execute(pool).await?.rows_affected());
    Ok(())
}

/// The roadmaps of a project, newest first.
pub async fn project_roadmaps(
    db: &Db,
    project_id: i64,
) -> Result<Vec<crate::roadmaps::RoadmapRow>> {
    let sql = "SELECT id, centre_id, project_id, title, start_date, document, revision, created_at, updated_at \
               FROM roadmaps WHERE project_id = $1 ORDER BY id DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(project_id).fetch_all(pool).await?))
}

/// What a dashboard needs about one project: its last activity and what is overdue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Health {
    pub project_id: i64,
    /// Unix seconds of the latest change (creation of the project at least).
    pub last_activity: i64,
    pub overdue_tasks: i64,
    pub overdue_milestones: i64,
}

/// Health of every project of a centre (keyed by project), `today` as `YYYY-MM-DD`.
pub async fn health(db: &Db, centre_id: i64, today: &str) -> Result<Vec<Health>> {
    let sql = "SELECT p.id, p.created_at, \
          (SELECT MAX(created_at) FROM coaching_sessions s WHERE s.project_id = p.id), \
          (SELECT MAX(updated_at) FROM tasks t WHERE t.project_id = p.id), \
          (SELECT MAX(m.created_at) FROM measurements m JOIN project_indicators pi ON pi.id = m.project_indicator_id WHERE pi.project_id = p.id), \
          (SELECT MAX(updated_at) FROM canvases c WHERE c.project_id = p.id), \
          (SELECT MAX(updated_at) FROM roadmaps r WHERE r.project_id = p.id), \
          (SELECT COUNT(*) FROM tasks t WHERE t.project_id = p.id AND t.kind = 'task' AND t.status <> 'done' AND t.due_on < $2), \
          (SELECT COUNT(*) FROM tasks t WHERE t.project_id = p.id AND t.kind = 'milestone' AND t.status <> 'done' AND t.due_on < $2) \
        FROM projects p WHERE p.centre_id = $1 ORDER BY p.id";
    type Row = (
        i64,
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        i64,
        i64,
    );
    let rows: Vec<Row> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(today).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|r| Health {
            project_id: r.0,
            last_activity: [Some(r.1), r.2, r.3, r.4, r.5, r.6]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(r.1),
            overdue_tasks: r.7,
            overdue_milestones: r.8,
        })
        .collect())
}

/// One line of a project's recent activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub at: i64,
    pub what: Happened,
    /// The session's day, the task's or canvas's title, the indicator's code.
    pub label: String,
}

/// What happened, with the id of what it happened to (the web links to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Happened {
    Session(i64),
    TaskDone(i64),
    TaskCreated(i64),
    Measurement,
    Canvas(i64),
}

/// The latest events of a project, newest first.
pub async fn recent_activity(db: &Db, project_id: i64, limit: i64) -> Result<Vec<Activity>> {
    // One statement: the latest of each kind, side by side.
    let sql = "SELECT * FROM (SELECT 'session' AS kind, id AS ref_id, held_on AS label, '' AS status, \
                   created_at AS at, CAST(NULL AS BIGINT) AS done_at FROM coaching_sessions \
                   WHERE project_id = $1 ORDER BY created_at DESC LIMIT $2) s \
               UNION ALL SELECT * FROM (SELECT 'task', id, title, status, created_at, done_at FROM tasks \
                   WHERE project_id = $1 ORDER BY updated_at DESC LIMIT $2) t \
               UNION ALL SELECT * FROM (SELECT 'measure', CAST(0 AS BIGINT), pi.indicator_code, '', m.created_at, \
                   CAST(NULL AS BIGINT) FROM measurements m JOIN project_indicators pi ON pi.id = m.project_indicator_id \
                   WHERE pi.project_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT $2) m \
               UNION ALL SELECT * FROM (SELECT 'canvas', id, title, '', updated_at, CAST(NULL AS BIGINT) FROM canvases \
                   WHERE project_id = $1 ORDER BY updated_at DESC LIMIT $2) c";
    let rows: Vec<(String, i64, String, String, i64, Option<i64>)> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(project_id)
        .bind(limit)
        .fetch_all(pool)
        .await?);
    let mut out = Vec::new();
    for (kind, id, label, status, at, done) in rows {
        match kind.as_str() {
            "session" => out.push(Activity {
                at,
                what: Happened::Session(id),
                label,
            }),
            "task" => {
                if let (Some(done), "done") = (done, status.as_str()) {
                    out.push(Activity {
                        at: done,
                        what: Happened::TaskDone(id),
                        label: label.clone(),
                    });
                }
                out.push(Activity {
                    at,
                    what: Happened::TaskCreated(id),
                    label,
                });
            }
            "measure" => out.push(Activity {
                at,
                what: Happened::Measurement,
                label,
            }),
            _ => out.push(Activity {
                at,
                what: Happened::Canvas(id),
                label,
            }),
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.at));
    out.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(out)
}
