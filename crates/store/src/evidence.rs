//! Training-quality evidence of an offer (Qualiopi): the results its cohorts give over a period
//! and the sessions whose attendance sheets go in the evidence export. An offer's cohorts are
//! those its accepted applications were placed in.
use crate::{Db, Result};
use domain::evidence::{COMPLETION_ATTENDANCE_PERCENT, Results, SATISFIED_FROM};

/// The results of an offer's cohorts that ended between `from` and `to` (ISO dates, both
/// included): participants, those present at enough sessions, end-of-cohort respondents and
/// the satisfied ones. One statement.
pub async fn results(db: &Db, offer_id: i64, from: &str, to: &str) -> Result<Results> {
    let sql = format!(
        "WITH placed AS (SELECT DISTINCT a.user_id, a.cohort_id FROM applications a \
           JOIN cohorts c ON c.id = a.cohort_id \
           WHERE a.offer_id = $1 AND a.status = 'accepted' AND c.ends_on >= $2 AND c.ends_on <= $3), \
         counted AS (SELECT p.user_id, p.cohort_id, \
           (SELECT COUNT(*) FROM cohort_sessions s WHERE s.cohort_id = p.cohort_id) AS sessions, \
           (SELECT COUNT(*) FROM cohort_attendance t JOIN cohort_sessions s ON s.id = t.session_id \
             WHERE s.cohort_id = p.cohort_id AND t.user_id = p.user_id AND t.present = 1) AS present, \
           (SELECT MAX(v.nps) FROM cohort_surveys v WHERE v.cohort_id = p.cohort_id \
             AND v.user_id = p.user_id AND v.session_id = 0 AND v.answered_at IS NOT NULL) AS nps \
           FROM placed p) \
         SELECT COUNT(*) AS participants, \
           COALESCE(CAST(SUM(CASE WHEN sessions > 0 AND present * 100 >= sessions * {COMPLETION_ATTENDANCE_PERCENT} \
             THEN 1 ELSE 0 END) AS BIGINT), 0) AS completed, \
           COUNT(nps) AS respondents, \
           COALESCE(CAST(SUM(CASE WHEN nps >= {SATISFIED_FROM} THEN 1 ELSE 0 END) AS BIGINT), 0) AS satisfied \
         FROM counted"
    );
    let (participants, completed, respondents, satisfied): (i64, i64, i64, i64) = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(offer_id)
        .bind(from)
        .bind(to)
        .fetch_one(pool)
        .await?);
    Ok(Results {
        participants,
        completed,
        respondents,
        satisfied,
    })
}

/// A session of one of the offer's cohorts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EvidenceSession {
    pub cohort_id: i64,
    pub cohort_name: String,
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
}

/// The sessions of the offer's cohorts held between `from` and `to` (Unix seconds, `to`
/// excluded), in time order.
pub async fn sessions(db: &Db, offer_id: i64, from: i64, to: i64) -> Result<Vec<EvidenceSession>> {
    let sql = "SELECT c.id AS cohort_id, c.name AS cohort_name, s.id, s.title, s.starts_at \
               FROM cohort_sessions s JOIN cohorts c ON c.id = s.cohort_id \
               WHERE s.cohort_id IN (SELECT a.cohort_id FROM applications a WHERE a.offer_id = $1 \
                 AND a.status = 'accepted' AND a.cohort_id IS NOT NULL) \
               AND s.starts_at >= $2 AND s.starts_at < $3 ORDER BY s.starts_at, s.id";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(offer_id).bind(from).bind(to).fetch_all(pool).await?),
    )
}

/// The answers (JSON) to the surveys of the offer's cohorts given between `from` and `to`.
pub async fn answers(db: &Db, offer_id: i64, from: i64, to: i64) -> Result<Vec<String>> {
    let sql = "SELECT v.answers FROM cohort_surveys v WHERE v.answered_at >= $2 AND v.answered_at < $3 \
               AND v.cohort_id IN (SELECT a.cohort_id FROM applications a WHERE a.offer_id = $1 \
                 AND a.status = 'accepted' AND a.cohort_id IS NOT NULL) ORDER BY v.answered_at, v.id";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(offer_id).bind(from).bind(to).fetch_all(pool).await?),
    )
}

/// A decision of the centre's improvement log, with the event whose feedback led to it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Improvement {
    pub event_title: String,
    pub decision: String,
    pub because: String,
    pub created_at: i64,
}

/// What the centre changed because of feedback between `from` and `to` (Unix seconds): the
/// decision logs of its events and of its cohorts (titled by the cohort's name).
pub async fn improvements(db: &Db, centre_id: i64, from: i64, to: i64) -> Result<Vec<Improvement>> {
    let sql = "SELECT event_title, decision, because, created_at FROM ( \
               SELECT e.title AS event_title, d.decision, d.because, d.created_at, 0 AS log, d.id \
               FROM feedback_decisions d JOIN events e ON e.id = d.event_id \
               WHERE e.centre_id = $1 AND d.created_at >= $2 AND d.created_at < $3 \
               UNION ALL SELECT c.name AS event_title, d.decision, d.because, d.created_at, 1 AS log, d.id \
               FROM cohort_decisions d JOIN cohorts c ON c.id = d.cohort_id \
               WHERE c.centre_id = $1 AND d.created_at >= $2 AND d.created_at < $3) x \
               ORDER BY created_at, log, id";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(from).bind(to).fetch_all(pool).await?),
    )
}
