//! The job queue, in the database so that any node can run any job. A job is claimed with a
//! lease; on PostgreSQL `FOR UPDATE SKIP LOCKED` keeps two workers off the same row, on SQLite the
//! single writer does. A job whose worker died is claimed again once its lease has run out.
use crate::{Db, Exec, Result, now};

/// Where a job stands: waiting its turn, claimed by a worker, finished, or out of attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobStatus {
    Queued,
    Running,
    Done,
    Failed,
}

impl JobStatus {
    pub const ALL: [JobStatus; 4] = [
        JobStatus::Queued,
        JobStatus::Running,
        JobStatus::Done,
        JobStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
        }
    }

    pub fn parse(code: &str) -> Option<JobStatus> {
        JobStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl TryFrom<String> for JobStatus {
    type Error = domain::stored::UnknownCode;
    fn try_from(code: String) -> std::result::Result<Self, Self::Error> {
        JobStatus::parse(&code).ok_or(domain::stored::UnknownCode(code))
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    #[sqlx(try_from = "String")]
    pub status: JobStatus,
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

const JOB_COLUMNS: &str = "id, kind, payload, status, attempts, max_attempts, run_at, last_error, created_at, finished_at";

/// Enqueues a job to run at `run_at` (or now): inside the transaction of the change that
/// decided it, so that no worker sees it before that change is committed.
pub async fn enqueue<'e>(
    ex: impl Into<Exec<'e>>,
    kind: &str,
    payload: &str,
    run_at: Option<i64>,
) -> Result<i64> {
    let now = now();
    let sql =
        "INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(kind)
        .bind(payload)
        .bind(run_at.unwrap_or(now))
        .bind(now)
        .fetch_one(e)
        .await?))
}

/// Claims the next job that is due for `worker`, for `lease_secs`.
pub async fn claim(db: &Db, worker: &str, lease_secs: i64) -> Result<Option<Job>> {
    let now = now();
    // A job whose worker died on its last attempt is failed, not run again forever.
    let sweep = "UPDATE jobs SET status = 'failed', finished_at = $1, locked_by = NULL, locked_until = NULL, \
                 last_error = 'worker lost during the last attempt' \
                 WHERE status = 'running' AND locked_until < $1 AND attempts >= max_attempts";
    on_db!(db, pool => sqlx::query(sweep).bind(now).execute(pool).await?.rows_affected());
    let pick = "SELECT id FROM jobs WHERE (status = 'queued' AND run_at <= $3) \
                OR (status = 'running' AND locked_until < $3 AND attempts < max_attempts) ORDER BY run_at, id LIMIT 1";
    let lock = match db {
        Db::Sqlite(_) => "",
        Db::Postgres(_) => " FOR UPDATE SKIP LOCKED",
    };
    let sql = format!(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = $2 \
         WHERE id = ({pick}{lock}) RETURNING {JOB_COLUMNS}"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(worker)
        .bind(now + lease_secs)
        .bind(now)
        .fetch_optional(pool)
        .await?))
}

pub async fn complete(db: &Db, id: i64, worker: &str) -> Result<()> {
    let sql = "UPDATE jobs SET status = 'done', finished_at = $1, locked_by = NULL, locked_until = NULL \
               WHERE id = $2 AND locked_by = $3";
    on_db!(db, pool => sqlx::query(sql).bind(now()).bind(id).bind(worker).execute(pool).await?.rows_affected());
    Ok(())
}

/// Seconds to wait before the next attempt: 10 s, 20 s, 40 s… capped at one hour.
pub fn backoff_secs(attempts: i64) -> i64 {
    let exp = attempts.clamp(1, 20) - 1;
    (10_i64 << exp).min(3_600)
}

/// Records a failed attempt: queued again with backoff, or `failed` once attempts are used up.
pub async fn fail(db: &Db, job: &Job, worker: &str, error: &str) -> Result<()> {
    let error: String = error.chars().take(2_000).collect();
    let (status, run_at, finished) = if job.attempts >= job.max_attempts {
        (JobStatus::Failed, job.run_at, Some(now()))
    } else {
        (JobStatus::Queued, now() + backoff_secs(job.attempts), None)
    };
    let sql = "UPDATE jobs SET status = $1, run_at = $2, last_error = $3, finished_at = $4, \
               locked_by = NULL, locked_until = NULL WHERE id = $5 AND locked_by = $6";
    on_db!(db, pool => sqlx::query(sql)
        .bind(status.code())
        .bind(run_at)
        .bind(&error)
        .bind(finished)
        .bind(job.id)
        .bind(worker)
        .execute(pool)
        .await?.rows_affected());
    Ok(())
}

/// Gives back the jobs `worker` holds (graceful shutdown): they run again elsewhere, and the
/// interrupted attempt is not counted.
pub async fn release(db: &Db, worker: &str) -> Result<u64> {
    let sql = "UPDATE jobs SET status = 'queued', attempts = attempts - 1, locked_by = NULL, locked_until = NULL \
               WHERE locked_by = $1 AND status = 'running'";
    Ok(on_db!(db, pool => sqlx::query(sql).bind(worker).execute(pool).await?.rows_affected()))
}

/// Puts a failed job back in the queue with fresh attempts (admin action).
pub async fn retry(db: &Db, id: i64) -> Result<bool> {
    let sql = "UPDATE jobs SET status = 'queued', attempts = 0, run_at = $1, last_error = NULL, finished_at = NULL \
               WHERE id = $2 AND status = 'failed'";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(now()).bind(id).execute(pool).await?.rows_affected())
            > 0,
    )
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Job>> {
    let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The newest jobs, optionally of one status.
pub async fn list(db: &Db, status: Option<JobStatus>, limit: i64) -> Result<Vec<Job>> {
    Ok(match status {
        Some(status) => {
            let sql = format!(
                "SELECT {JOB_COLUMNS} FROM jobs WHERE status = $1 ORDER BY id DESC LIMIT $2"
            );
            on_db!(db, pool => sqlx::query_as(&sql).bind(status.code()).bind(limit).fetch_all(pool).await?)
        }
        None => {
            let sql = format!("SELECT {JOB_COLUMNS} FROM jobs ORDER BY id DESC LIMIT $1");
            on_db!(db, pool => sqlx::query_as(&sql).bind(limit).fetch_all(pool).await?)
        }
    })
}

/// Number of jobs per status, for the admin page and `/metrics`.
pub async fn counts(db: &Db) -> Result<Vec<(JobStatus, i64)>> {
    let sql = "SELECT status, COUNT(*) FROM jobs GROUP BY status ORDER BY status";
    let rows: Vec<(String, i64)> = on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(code, n)| {
            JobStatus::try_from(code)
                .map(|s| (s, n))
                .map_err(|e| crate::StoreError::Corrupt(e.to_string()))
        })
        .collect()
}

/// Deletes finished jobs older than `age_secs`.
pub async fn prune_done(db: &Db, age_secs: i64) -> Result<u64> {
    let sql = "DELETE FROM jobs WHERE status = 'done' AND finished_at < $1";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(now() - age_secs).execute(pool).await?.rows_affected()),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(super::backoff_secs(1), 10);
        assert_eq!(super::backoff_secs(2), 20);
        assert_eq!(super::backoff_secs(4), 80);
        assert_eq!(super::backoff_secs(30), 3_600);
        assert_eq!(super::backoff_secs(-3), 10);
    }
}
