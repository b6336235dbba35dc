//! Cohorts: people and projects of one centre that go through the programme together, with
//! their coaches, sessions (and who attended each), shared resources and a capacity.
//! Dashboards and the network report filter by them.
use crate::{Db, Exec, Result, StoreError, now};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Cohort {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub created_at: i64,
    /// How many projects it holds.
    pub projects: i64,
    /// How many participants it takes at most.
    pub capacity: i64,
    /// How many participants it holds.
    pub participants: i64,
}

const SELECT: &str = "SELECT c.id, c.centre_id, c.name, c.starts_on, c.ends_on, c.created_at, \
    (SELECT COUNT(*) FROM cohort_projects cp WHERE cp.cohort_id = c.id) AS projects, c.capacity, \
    (SELECT COUNT(*) FROM cohort_members m WHERE m.cohort_id = c.id AND m.role = 'participant') AS participants \
    FROM cohorts c";

pub struct CohortFields<'a> {
    pub name: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
}

/// A new cohort (`Duplicate` when the centre already has one of that name).
pub async fn create(db: &Db, centre_id: i64, f: &CohortFields<'_>) -> Result<i64> {
    let sql = "INSERT INTO cohorts (centre_id, name, starts_on, ends_on, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(f.name)
        .bind(f.starts_on)
        .bind(f.ends_on)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Renames or re-dates a cohort (`Duplicate` on a name already taken in its centre).
pub async fn update(db: &Db, id: i64, f: &CohortFields<'_>) -> Result<()> {
    let sql = "UPDATE cohorts SET name = $1, starts_on = $2, ends_on = $3 WHERE id = $4";
    on_db!(db, pool => sqlx::query(sql)
        .bind(f.name)
        .bind(f.starts_on)
        .bind(f.ends_on)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Cohort>> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's cohorts, the latest to start first.
pub async fn for_centre(db: &Db, centre_id: i64) -> Result<Vec<Cohort>> {
    let sql = format!("{SELECT} WHERE c.centre_id = $1 ORDER BY c.starts_on DESC, c.name");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// Every cohort of the network, by centre then start (for the network report's filter).
pub async fn all(db: &Db) -> Result<Vec<Cohort>> {
    let sql = format!("{SELECT} ORDER BY c.centre_id, c.starts_on DESC, c.name");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// The projects of a cohort.
pub async fn project_ids(db: &Db, cohort_id: i64) -> Result<Vec<i64>> {
    let sql = "SELECT project_id FROM cohort_projects WHERE cohort_id = $1 ORDER BY project_id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(cohort_id).fetch_all(pool).await?))
}

/// Which cohorts each project of a centre belongs to: (project, cohort id, cohort name).
pub async fn memberships(db: &Db, centre_id: i64) -> Result<Vec<(i64, i64, String)>> {
    let sql = "SELECT cp.project_id, c.id, c.name FROM cohort_projects cp JOIN cohorts c ON c.id = cp.cohort_id \
               WHERE c.centre_id = $1 ORDER BY c.starts_on DESC, c.name";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Puts a project in a cohort (nothing happens if it is there already). The caller checks that
/// both belong to the same centre.
pub async fn add_project<'e>(
    ex: impl Into<Exec<'e>>,
    cohort_id: i64,
    project_id: i64,
) -> Result<()> {
    let sql = "INSERT INTO cohort_projects (cohort_id, project_id, added_at) VALUES ($1, $2, $3) \
               ON CONFLICT (cohort_id, project_id) DO NOTHING";
    on_exec!(ex.into(), e => sqlx::query(sql).bind(cohort_id).bind(project_id).bind(now()).execute(e).await?.rows_affected());
    Ok(())
}

pub async fn remove_project(db: &Db, cohort_id: i64, project_id: i64) -> Result<()> {
    let sql = "DELETE FROM cohort_projects WHERE cohort_id = $1 AND project_id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(cohort_id).bind(project_id).execute(pool).await?.rows_affected());
    Ok(())
}

/// Sets how many participants a cohort takes.
pub async fn set_capacity(db: &Db, id: i64, capacity: i64) -> Result<()> {
    let sql = "UPDATE cohorts SET capacity = $1 WHERE id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(capacity).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

/// A person of a cohort, or of its centre who could join it (`role` empty).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Person {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    /// `participant` or `coach` in the cohort; empty when not in it.
    pub role: String,
}

/// The cohort's people (participants, then coaches, by name) and, with `others`, the centre's
/// participants and coaches who are not in it: one statement.
pub async fn people(db: &Db, cohort: &Cohort, others: bool) -> Result<Vec<Person>> {
    let sql = "SELECT u.id AS user_id, u.display_name, u.email, COALESCE(cm.role, '') AS role FROM users u \
               LEFT JOIN cohort_members cm ON cm.user_id = u.id AND cm.cohort_id = $1 \
               WHERE u.deleted_at IS NULL AND (cm.cohort_id IS NOT NULL OR ($3 = 1 AND u.id IN \
               (SELECT m.user_id FROM memberships m WHERE m.centre_id = $2 AND m.role IN ('participant', 'coach')))) \
               ORDER BY COALESCE(cm.role, 'z') DESC, u.display_name, u.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(cohort.id)
        .bind(cohort.centre_id)
        .bind(i64::from(others))
        .fetch_all(pool)
        .await?))
}

/// Puts a person in a cohort as `participant` or `coach` (nothing changes if they are in it
/// already). A participant past the cohort's capacity is `Full`; the cohort's row is locked
/// first so two acceptances at once cannot both take the last seat.
pub async fn add_member_in(
    tx: &mut crate::Tx,
    cohort_id: i64,
    user_id: i64,
    role: &str,
) -> Result<()> {
    let lock = "UPDATE cohorts SET capacity = capacity WHERE id = $1";
    on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(lock).bind(cohort_id).execute(e).await?.rows_affected());
    if role == "participant" {
        let sql = "SELECT c.capacity - (SELECT COUNT(*) FROM cohort_members m WHERE m.cohort_id = c.id \
                   AND m.role = 'participant' AND m.user_id <> $2) FROM cohorts c WHERE c.id = $1";
        let left: Option<i64> = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql)
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(e)
            .await?);
        if left.unwrap_or(0) <= 0 {
            return Err(StoreError::Full);
        }
    }
    let sql = "INSERT INTO cohort_members (cohort_id, user_id, role, added_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (cohort_id, user_id) DO UPDATE SET role = excluded.role";
    on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(sql)
        .bind(cohort_id)
        .bind(user_id)
        .bind(role)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn remove_member(db: &Db, cohort_id: i64, user_id: i64) -> Result<()> {
    let sql = "DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(cohort_id).bind(user_id).execute(pool).await?.rows_affected());
    Ok(())
}

/// The cohorts a person belongs to (as participant or coach), the latest to start first.
pub async fn of_person(db: &Db, user_id: i64) -> Result<Vec<Cohort>> {
    let sql = format!(
        "{SELECT} WHERE c.id IN (SELECT cohort_id FROM cohort_members WHERE user_id = $1) \
         ORDER BY c.starts_on DESC, c.name"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?))
}

/// Whether a person is in a cohort.
pub async fn is_member(db: &Db, cohort_id: i64, user_id: i64) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM cohort_members WHERE cohort_id = $1 AND user_id = $2";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(cohort_id).bind(user_id).fetch_one(pool).await?);
    Ok(n > 0)
}

/// A project of the centre, and whether it is in the cohort.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CohortProject {
    pub id: i64,
    pub name: String,
    pub stage: String,
    pub in_cohort: i64,
}

/// The cohort's projects and, with `others`, the centre's other projects (not archived): one
/// statement.
pub async fn projects(db: &Db, cohort: &Cohort, others: bool) -> Result<Vec<CohortProject>> {
    let sql = "SELECT p.id, p.name, p.stage, CAST(CASE WHEN cp.cohort_id IS NULL THEN 0 ELSE 1 END AS BIGINT) AS in_cohort \
               FROM projects p LEFT JOIN cohort_projects cp ON cp.project_id = p.id AND cp.cohort_id = $1 \
               WHERE p.centre_id = $2 AND (cp.cohort_id IS NOT NULL OR ($3 = 1 AND p.archived_at IS NULL)) \
               ORDER BY p.name, p.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(cohort.id)
        .bind(cohort.centre_id)
        .bind(i64::from(others))
        .fetch_all(pool)
        .await?))
}

/// A session or workshop of a cohort, with how many were there.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub cohort_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub room: String,
    pub link: String,
    pub present: i64,
}

pub async fn sessions(db: &Db, cohort_id: i64) -> Result<Vec<Session>> {
    let sql = "SELECT s.id, s.cohort_id, s.title, s.starts_at, s.room, s.link, \
               (SELECT COUNT(*) FROM cohort_attendance a WHERE a.session_id = s.id AND a.present = 1) AS present \
               FROM cohort_sessions s WHERE s.cohort_id = $1 ORDER BY s.starts_at, s.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(cohort_id).fetch_all(pool).await?))
}

pub async fn add_session(
    db: &Db,
    cohort_id: i64,
    title: &str,
    starts_at: i64,
    room: &str,
    link: &str,
) -> Result<i64> {
    let sql = "INSERT INTO cohort_sessions (cohort_id, title, starts_at, room, link) VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(cohort_id)
        .bind(title)
        .bind(starts_at)
        .bind(room)
        .bind(link)
        .fetch_one(pool)
        .await?))
}

/// Who was at a session: (person, present).
pub async fn attendance(db: &Db, session_id: i64) -> Result<Vec<(i64, bool)>> {
    let sql = "SELECT user_id, present FROM cohort_attendance WHERE session_id = $1";
    let rows: Vec<(i64, i64)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(session_id).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(u, p)| (u, p != 0)).collect())
}

/// Records who was at a session: the participants listed in `present` were there, the other
/// `roster` people were not.
pub async fn set_attendance(
    db: &Db,
    session_id: i64,
    roster: &[i64],
    present: &[i64],
) -> Result<()> {
    let mut tx = db.begin().await?;
    let sql = "INSERT INTO cohort_attendance (session_id, user_id, present) VALUES ($1, $2, $3) \
               ON CONFLICT (session_id, user_id) DO UPDATE SET present = excluded.present";
    for user in roster {
        on_exec!(Exec::Tx(&mut tx), e => sqlx::query(sql)
            .bind(session_id)
            .bind(user)
            .bind(i64::from(present.contains(user)))
            .execute(e)
            .await?
            .rows_affected());
    }
    tx.commit().await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Resource {
    pub id: i64,
    pub title: String,
    pub url: String,
}

pub async fn resources(db: &Db, cohort_id: i64) -> Result<Vec<Resource>> {
    let sql = "SELECT id, title, url FROM cohort_resources WHERE cohort_id = $1 ORDER BY id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(cohort_id).fetch_all(pool).await?))
}

pub async fn add_resource(db: &Db, cohort_id: i64, title: &str, url: &str) -> Result<()> {
    let sql =
        "INSERT INTO cohort_resources (cohort_id, title, url, created_at) VALUES ($1, $2, $3, $4)";
    on_db!(db, pool => sqlx::query(sql).bind(cohort_id).bind(title).bind(url).bind(now()).execute(pool).await?.rows_affected());
    Ok(())
}

/// Puts in a cohort the projects of its centre that a person holds (as a member).
pub async fn add_projects_of_in(tx: &mut crate::Tx, cohort: &Cohort, user_id: i64) -> Result<()> {
    let sql = "INSERT INTO cohort_projects (cohort_id, project_id, added_at) \
               SELECT $1, p.id, $4 FROM projects p JOIN project_people pp ON pp.project_id = p.id \
               WHERE pp.user_id = $2 AND pp.relation = 'member' AND p.centre_id = $3 AND p.archived_at IS NULL \
               ON CONFLICT (cohort_id, project_id) DO NOTHING";
    on_exec!(Exec::Tx(tx), e => sqlx::query(sql)
        .bind(cohort.id)
        .bind(user_id)
        .bind(cohort.centre_id)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    Ok(())
}

/// Records that a person was at a session (they signed its sheet).
pub async fn mark_present(db: &Db, session_id: i64, user_id: i64) -> Result<()> {
    let sql = "INSERT INTO cohort_attendance (session_id, user_id, present) VALUES ($1, $2, 1) \
               ON CONFLICT (session_id, user_id) DO UPDATE SET present = 1";
    on_db!(db, pool => sqlx::query(sql).bind(session_id).bind(user_id).execute(pool).await?.rows_affected());
    Ok(())
}
