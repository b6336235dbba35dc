//! Onboarding: who is going through the sequence, what became of each step, a centre's
//! adjustments to it, whether a step is already done, and the funnel managers read.
use crate::{Db, Exec, Result};
use domain::onboarding::Step;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Onboarding {
    pub user_id: i64,
    pub centre_id: Option<i64>,
    pub started_at: i64,
    pub paused_at: Option<i64>,
    pub unsubscribed_at: Option<i64>,
}

impl Onboarding {
    /// Whether its e-mails still go out.
    pub fn active(&self) -> bool {
        self.paused_at.is_none() && self.unsubscribed_at.is_none()
    }
}

/// Starts `user`'s onboarding; `false` when it had already started (it never starts twice).
pub async fn start<'e>(
    ex: impl Into<Exec<'e>>,
    user: i64,
    centre: Option<i64>,
    now: i64,
) -> Result<bool> {
    let sql = "INSERT INTO onboardings (user_id, centre_id, started_at) VALUES ($1, $2, $3) \
               ON CONFLICT (user_id) DO NOTHING";
    Ok(on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(user)
        .bind(centre)
        .bind(now)
        .execute(e)
        .await?
        .rows_affected())
        > 0)
}

pub async fn find(db: &Db, user: i64) -> Result<Option<Onboarding>> {
    let sql = "SELECT user_id, centre_id, started_at, paused_at, unsubscribed_at FROM onboardings \
               WHERE user_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user).fetch_optional(pool).await?))
}

/// Pauses (`Some(now)`) or resumes (`None`) the e-mails.
pub async fn set_paused(db: &Db, user: i64, paused_at: Option<i64>) -> Result<bool> {
    let sql = "UPDATE onboardings SET paused_at = $1 WHERE user_id = $2";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(paused_at).bind(user).execute(pool).await?.rows_affected())
            > 0,
    )
}

/// The unsubscribe link: no more onboarding e-mail, ever.
pub async fn unsubscribe(db: &Db, user: i64, now: i64) -> Result<bool> {
    let sql =
        "UPDATE onboardings SET unsubscribed_at = COALESCE(unsubscribed_at, $1) WHERE user_id = $2";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(now).bind(user).execute(pool).await?.rows_affected())
            > 0,
    )
}

/// A step's delay in hours and whether it is on, for a centre (the defaults without one).
pub async fn setting(db: &Db, centre: Option<i64>, step: Step) -> Result<(i64, bool)> {
    let default = (step.default_delay_hours(), true);
    let Some(centre) = centre else {
        return Ok(default);
    };
    let sql =
        "SELECT delay_hours, enabled FROM onboarding_settings WHERE centre_id = $1 AND step = $2";
    let row: Option<(i64, i64)> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre)
        .bind(step.code())
        .fetch_optional(pool)
        .await?);
    Ok(row.map(|(d, e)| (d, e != 0)).unwrap_or(default))
}

/// A centre's change to one step.
pub async fn configure(
    db: &Db,
    centre: i64,
    step: Step,
    delay_hours: i64,
    enabled: bool,
) -> Result<()> {
    let sql = "INSERT INTO onboarding_settings (centre_id, step, delay_hours, enabled) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (centre_id, step) DO UPDATE SET delay_hours = excluded.delay_hours, enabled = excluded.enabled";
    on_db!(db, pool => sqlx::query(sql)
        .bind(centre)
        .bind(step.code())
        .bind(delay_hours)
        .bind(i64::from(enabled))
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// Whether `user` has already done what the step asks (so its e-mail is skipped).
pub async fn done(db: &Db, user: i64, step: Step) -> Result<bool> {
    let sql = match step {
        Step::Welcome => return Ok(false),
        Step::Diagnostic => {
            "SELECT COUNT(*) FROM diagnostic_attempts WHERE user_id = $1 AND submitted_at IS NOT NULL"
        }
        Step::Canvas => {
            "SELECT COUNT(*) FROM canvases c JOIN project_people pp ON pp.project_id = c.project_id \
             WHERE pp.user_id = $1 AND c.revision > 0"
        }
        Step::Course => {
            "SELECT (SELECT COUNT(*) FROM lesson_progress WHERE user_id = $1) \
             + (SELECT COUNT(*) FROM path_enrolments WHERE user_id = $1)"
        }
        Step::Coaching => "SELECT COUNT(*) FROM coaching_participants WHERE user_id = $1",
    };
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_one(pool).await?);
    Ok(n > 0)
}

/// Records what became of a step (`sent` or `skipped`); `false` when it was already recorded,
/// so a job run twice sends once.
pub async fn record(db: &Db, user: i64, step: Step, outcome: &str, now: i64) -> Result<bool> {
    let sql = "INSERT INTO onboarding_progress (user_id, step, outcome, at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id, step) DO NOTHING";
    Ok(on_db!(db, pool => sqlx::query(sql)
        .bind(user)
        .bind(step.code())
        .bind(outcome)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected())
        > 0)
}

/// One line of the funnel: a step, how many were sent its e-mail, how many had already done it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelStep {
    pub step: Step,
    pub sent: i64,
    pub skipped: i64,
}

impl FunnelStep {
    /// How many reached the step (its e-mail went out, or it was already done).
    pub fn reached(&self) -> i64 {
        self.sent + self.skipped
    }
}

/// The funnel of a centre's onboardings, one line per step in order.
pub async fn funnel(db: &Db, centre: i64) -> Result<Vec<FunnelStep>> {
    let sql = "SELECT p.step, p.outcome, COUNT(*) FROM onboarding_progress p \
               JOIN onboardings o ON o.user_id = p.user_id WHERE o.centre_id = $1 \
               GROUP BY p.step, p.outcome";
    let rows: Vec<(String, String, i64)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?);
    Ok(Step::ALL
        .into_iter()
        .map(|step| {
            let count = |outcome: &str| {
                rows.iter()
                    .filter(|(s, o, _)| s == step.code() && o == outcome)
                    .map(|r| r.2)
                    .sum()
            };
            FunnelStep {
                step,
                sent: count("sent"),
                skipped: count("skipped"),
            }
        })
        .collect())
}

/// What became of `user`'s steps so far: (step code, outcome).
pub async fn progress(db: &Db, user: i64) -> Result<Vec<(String, String)>> {
    let sql = "SELECT step, outcome FROM onboarding_progress WHERE user_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user).fetch_all(pool).await?))
}

/// Gives a centre to an onboarding started without one (sign-up, then an accepted application).
pub async fn set_centre<'e>(ex: impl Into<Exec<'e>>, user: i64, centre: i64) -> Result<()> {
    let sql = "UPDATE onboardings SET centre_id = $1 WHERE user_id = $2 AND centre_id IS NULL";
    on_exec!(ex.into(), e => sqlx::query(sql).bind(centre).bind(user).execute(e).await?.rows_affected());
    Ok(())
}
