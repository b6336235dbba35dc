//! Surveys after a cohort's sessions and at the cohort's end (issue 17): one invitation per
//! participant and per session (or per cohort, `session_id` 0), answered once; the results of a
//! cohort and their trend across its sessions.
use crate::{Db, Exec, Result, Tx};

/// Invites the cohort's participants who were not invited yet for this session (0: the cohort
/// as a whole), inside the caller's transaction. Returns the new invitations: (id, person).
pub async fn invite_in(
    tx: &mut Tx,
    cohort_id: i64,
    session_id: i64,
    now: i64,
) -> Result<Vec<(i64, i64)>> {
    let sql = "INSERT INTO cohort_surveys (cohort_id, session_id, user_id, invited_at) \
               SELECT m.cohort_id, $2, m.user_id, $3 FROM cohort_members m \
               JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL \
               WHERE m.cohort_id = $1 AND m.role = 'participant' \
               ON CONFLICT (cohort_id, session_id, user_id) DO NOTHING RETURNING id, user_id";
    Ok(on_exec!(Exec::Tx(tx), e => sqlx::query_as(sql)
        .bind(cohort_id)
        .bind(session_id)
        .bind(now)
        .fetch_all(e)
        .await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: i64,
    pub cohort_id: i64,
    pub session_id: i64,
    pub user_id: i64,
    pub answered_at: Option<i64>,
    /// The session's title, empty for the cohort as a whole.
    pub session_title: String,
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Invitation>> {
    let sql = "SELECT c.id, c.cohort_id, c.session_id, c.user_id, c.answered_at, \
               COALESCE(s.title, '') AS session_title FROM cohort_surveys c \
               LEFT JOIN cohort_sessions s ON s.id = c.session_id WHERE c.id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

pub struct NewAnswer<'a> {
    pub survey: &'a str,
    pub version: i64,
    /// The answers as JSON.
    pub answers: &'a str,
    pub nps: Option<i64>,
}

/// Keeps the answer to an invitation; `false` when it was answered already.
pub async fn answer(db: &Db, id: i64, a: &NewAnswer<'_>, now: i64) -> Result<bool> {
    let sql = "UPDATE cohort_surveys SET survey = $2, version = $3, answers = $4, nps = $5, \
               answered_at = $6 WHERE id = $1 AND answered_at IS NULL";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(a.survey)
        .bind(a.version)
        .bind(a.answers)
        .bind(a.nps)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// One step of a cohort's trend: a session (or the cohort's end, `session_id` 0).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Step {
    pub session_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub invited: i64,
    pub answers: i64,
    pub promoters: i64,
    pub detractors: i64,
}

/// A cohort's results: the answers (JSON, oldest first) and the trend across its sessions.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub answers: Vec<String>,
    pub trend: Vec<Step>,
}

#[derive(sqlx::FromRow)]
struct Row {
    session_id: i64,
    title: String,
    starts_at: i64,
    answered_at: Option<i64>,
    nps: Option<i64>,
    answers: Option<String>,
}

/// The answers and the trend of a cohort in one read (the results page's).
pub async fn results(db: &Db, cohort_id: i64) -> Result<Results> {
    let sql = "SELECT c.session_id, COALESCE(s.title, '') AS title, COALESCE(s.starts_at, 0) AS starts_at, \
               c.answered_at, c.nps, c.answers \
               FROM cohort_surveys c LEFT JOIN cohort_sessions s ON s.id = c.session_id \
               WHERE c.cohort_id = $1 ORDER BY c.answered_at, c.id";
    let rows: Vec<Row> =
        on_db!(db, pool => sqlx::query_as(sql).bind(cohort_id).fetch_all(pool).await?);
    Ok(summarise(rows))
}

/// The invitations and NPS counts of a cohort, session by session, the cohort's end last.
pub async fn trend(db: &Db, cohort_id: i64) -> Result<Vec<Step>> {
    Ok(results(db, cohort_id).await?.trend)
}

/// Groups the invitations by session (the cohort's end last, then by start), counting the
/// answers, promoters (9–10) and detractors (0–6); keeps the answers in the order read.
fn summarise(rows: Vec<Row>) -> Results {
    let mut steps: std::collections::BTreeMap<(bool, i64, i64), Step> = Default::default();
    let mut answers = Vec::new();
    for r in rows {
        let step = steps
            .entry((r.session_id == 0, r.starts_at, r.session_id))
            .or_insert_with(|| Step {
                session_id: r.session_id,
                title: r.title,
                starts_at: r.starts_at,
                invited: 0,
                answers: 0,
                promoters: 0,
                detractors: 0,
            });
        step.invited += 1;
        if r.answered_at.is_some() {
            step.answers += 1;
            if let Some(json) = r.answers {
                answers.push(json);
            }
        }
        match r.nps {
            Some(n) if n >= 9 => step.promoters += 1,
            Some(n) if n <= 6 => step.detractors += 1,
            _ => {}
        }
    }
    Results {
        answers,
        trend: steps.into_values().collect(),
    }
}
