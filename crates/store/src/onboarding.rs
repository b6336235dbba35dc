//! Onboarding: who is going through the sequence, what became of each step, a centre's
//! adjustments to it, whether a step is already done, and the funnel managers read.
use crate::{Db, Exec, Result};
use domain::onboarding::{self, Step, StepSetting};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Onboarding {
    pub user_id: i64,
    pub centre_id: Option<i64>,
    pub started_at: i64,
    pub paused_at: Option<i64>,
    pub unsubscribed_at: Option<i64>,
    pub address_pending: i64,
}

impl Onboarding {
    /// Whether its e-mails still go out.
    pub fn active(&self) -> bool {
        self.paused_at.is_none() && self.unsubscribed_at.is_none() && self.address_pending == 0
    }
}

/// Starts `user`'s onboarding: `Some(pending)` when it starts now (`pending`: their address is
/// not proved yet, so nothing is sent until it is), `None` when it had already started (it
/// never starts twice).
pub async fn start<'e>(
    ex: impl Into<Exec<'e>>,
    user: i64,
    centre: Option<i64>,
    now: i64,
) -> Result<Option<bool>> {
    let sql = "INSERT INTO onboardings (user_id, centre_id, started_at, address_pending) \
               SELECT $1, $2, $3, CASE WHEN email_verified_at IS NULL THEN 1 ELSE 0 END FROM users \
               WHERE id = $1 ON CONFLICT (user_id) DO NOTHING RETURNING address_pending";
    let pending: Option<i64> = on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(user)
        .bind(centre)
        .bind(now)
        .fetch_optional(e)
        .await?);
    Ok(pending.map(|p| p != 0))
}

/// An onboarding held for an unproved address starts now that it is proved: `true` once.
pub async fn address_proved<'e>(ex: impl Into<Exec<'e>>, user: i64, now: i64) -> Result<bool> {
    let sql = "UPDATE onboardings SET address_pending = 0, started_at = $2 \
               WHERE user_id = $1 AND address_pending = 1 \
               AND EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.email_verified_at IS NOT NULL)";
    Ok(on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(user)
        .bind(now)
        .execute(e)
        .await?
        .rows_affected())
        > 0)
}

pub async fn find(db: &Db, user: i64) -> Result<Option<Onboarding>> {
    let sql = "SELECT user_id, centre_id, started_at, paused_at, unsubscribed_at, address_pending \
               FROM onboardings WHERE user_id = $1";
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

/// A centre's sequence in its order (the defaults without a centre or a setting).
pub async fn sequence(db: &Db, centre: Option<i64>) -> Result<Vec<StepSetting>> {
    let Some(centre) = centre else {
        return Ok(onboarding::sequence(&[]));
    };
    let sql =
        "SELECT step, delay_hours, enabled, position FROM onboarding_settings WHERE centre_id = $1";
    let rows: Vec<(String, i64, i64, i64)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?);
    let settings: Vec<StepSetting> = rows
        .into_iter()
        .filter_map(|(step, delay_hours, enabled, position)| {
            Some(StepSetting {
                step: Step::parse(&step)?,
                delay_hours,
                enabled: enabled != 0,
                position,
            })
        })
        .collect();
    Ok(onboarding::sequence(&settings))
}

/// A centre's own subject and introduction of a step's e-mail in one language (empty: the
/// catalogue's).
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct StepText {
    pub step: String,
    pub locale: String,
    pub subject: String,
    pub intro: String,
}

/// Every text a centre wrote for its sequence.
pub async fn texts(db: &Db, centre: i64) -> Result<Vec<StepText>> {
    let sql = "SELECT step, locale, subject, intro FROM onboarding_texts WHERE centre_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?))
}

/// The text of one step's e-mail in one language, if the centre wrote one.
pub async fn text(db: &Db, centre: i64, step: Step, locale: &str) -> Result<Option<StepText>> {
    let sql = "SELECT step, locale, subject, intro FROM onboarding_texts \
               WHERE centre_id = $1 AND step = $2 AND locale = $3";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre)
        .bind(step.code())
        .bind(locale)
        .fetch_optional(pool)
        .await?))
}

/// Saves a centre's whole sequence (every step's setting and texts) in one transaction.
pub async fn save(
    db: &Db,
    centre: i64,
    settings: &[StepSetting],
    texts: &[StepText],
) -> Result<()> {
    let mut tx = db.begin().await?;
    let setting = "INSERT INTO onboarding_settings (centre_id, step, delay_hours, enabled, position) \
                   VALUES ($1, $2, $3, $4, $5) ON CONFLICT (centre_id, step) DO UPDATE SET \
                   delay_hours = excluded.delay_hours, enabled = excluded.enabled, position = excluded.position";
    for s in settings {
        on_exec!(Exec::from(&mut tx), e => sqlx::query(setting)
            .bind(centre)
            .bind(s.step.code())
            .bind(s.delay_hours)
            .bind(i64::from(s.enabled))
            .bind(s.position)
            .execute(e)
            .await?
            .rows_affected());
    }
    let text = "INSERT INTO onboarding_texts (centre_id, step, locale, subject, intro) \
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT (centre_id, step, locale) DO UPDATE SET \
                subject = excluded.subject, intro = excluded.intro";
    for t in texts {
        on_exec!(Exec::from(&mut tx), e => sqlx::query(text)
            .bind(centre)
            .bind(&t.step)
            .bind(&t.locale)
            .bind(&t.subject)
            .bind(&t.intro)
            .execute(e)
            .await?
            .rows_affected());
    }
    tx.commit().await?;
    Ok(())
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

/// The SQL condition that `user` (a column or a placeholder) has done what `step` asks, read
/// from the real data: a project of theirs (the welcome), a diagnostic sent, a note on a canvas
/// of theirs, a lesson or a path begun, a coaching session attended.
pub fn done_condition(step: Step, user: &str) -> String {
    match step {
        Step::Welcome => format!(
            "EXISTS (SELECT 1 FROM project_people pp WHERE pp.user_id = {user} AND pp.relation = 'member')"
        ),
        Step::Diagnostic => format!(
            "EXISTS (SELECT 1 FROM diagnostic_attempts a WHERE a.user_id = {user} AND a.submitted_at IS NOT NULL)"
        ),
        Step::Canvas => format!(
            "EXISTS (SELECT 1 FROM canvas_items ci JOIN canvases c ON c.id = ci.canvas_id \
             JOIN project_people pp ON pp.project_id = c.project_id \
             WHERE pp.user_id = {user} AND ci.deleted_at IS NULL)"
        ),
        Step::Course => format!(
            "(EXISTS (SELECT 1 FROM lesson_progress lp WHERE lp.user_id = {user}) \
             OR EXISTS (SELECT 1 FROM path_enrolments pe WHERE pe.user_id = {user}))"
        ),
        Step::Coaching => {
            format!("EXISTS (SELECT 1 FROM coaching_participants cp WHERE cp.user_id = {user})")
        }
    }
}

/// Whether `user` has already done what the step asks (so its e-mail is skipped). The welcome
/// is never skipped.
pub async fn done(db: &Db, user: i64, step: Step) -> Result<bool> {
    if step == Step::Welcome {
        return Ok(false);
    }
    let sql = format!(
        "SELECT CAST(CASE WHEN {} THEN 1 ELSE 0 END AS BIGINT)",
        done_condition(step, "$1")
    );
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(&sql).bind(user).fetch_one(pool).await?);
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

/// One line of the funnel report: of the people who started in the period, how many reached
/// the step (its e-mail went out or it was skipped as done) and how many have done it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelLine {
    pub step: Step,
    pub reached: i64,
    pub completed: i64,
}

/// The funnel of the onboardings of `centre` started in `[from, to)`, one statement: how many
/// started, then one line per step in the default order.
pub async fn funnel_report(
    db: &Db,
    centre: i64,
    from: i64,
    to: i64,
) -> Result<(i64, Vec<FunnelLine>)> {
    let parts: Vec<String> = Step::ALL
        .into_iter()
        .map(|step| {
            format!(
                "SELECT CAST('{code}' AS TEXT), \
                 CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM onboarding_progress p \
                   WHERE p.user_id = o.user_id AND p.step = '{code}') THEN 1 ELSE 0 END), 0) AS BIGINT), \
                 CAST(COALESCE(SUM(CASE WHEN {done} THEN 1 ELSE 0 END), 0) AS BIGINT) \
                 FROM onboardings o WHERE o.centre_id = $1 AND o.started_at >= $2 AND o.started_at < $3",
                code = step.code(),
                done = done_condition(step, "o.user_id"),
            )
        })
        .collect();
    let sql = format!(
        "SELECT CAST('started' AS TEXT), CAST(COUNT(*) AS BIGINT), CAST(0 AS BIGINT) FROM onboardings o \
         WHERE o.centre_id = $1 AND o.started_at >= $2 AND o.started_at < $3 UNION ALL {}",
        parts.join(" UNION ALL ")
    );
    let rows: Vec<(String, i64, i64)> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(centre)
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await?);
    let started = rows.iter().find(|r| r.0 == "started").map_or(0, |r| r.1);
    let lines = Step::ALL
        .into_iter()
        .map(|step| {
            let row = rows.iter().find(|r| r.0 == step.code());
            FunnelLine {
                step,
                reached: row.map_or(0, |r| r.1),
                completed: row.map_or(0, |r| r.2),
            }
        })
        .collect();
    Ok((started, lines))
}

/// A person in a centre's onboarding, as the funnel page lists them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Person {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub started_at: i64,
    pub paused_at: Option<i64>,
    pub unsubscribed_at: Option<i64>,
    pub address_pending: i64,
    /// How many steps they reached.
    pub reached: i64,
}

/// How many people the funnel page lists at most (the newest).
pub const PEOPLE: i64 = 200;

/// The people of a centre's onboarding started in `[from, to)`, newest first.
pub async fn people(db: &Db, centre: i64, from: i64, to: i64) -> Result<Vec<Person>> {
    let sql = "SELECT o.user_id, u.display_name AS name, u.email, o.started_at, o.paused_at, \
               o.unsubscribed_at, o.address_pending, \
               (SELECT COUNT(*) FROM onboarding_progress p WHERE p.user_id = o.user_id) AS reached \
               FROM onboardings o JOIN users u ON u.id = o.user_id \
               WHERE o.centre_id = $1 AND o.started_at >= $2 AND o.started_at < $3 \
               ORDER BY o.started_at DESC, o.user_id DESC LIMIT $4";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre)
        .bind(from)
        .bind(to)
        .bind(PEOPLE)
        .fetch_all(pool)
        .await?))
}

/// A person hides their onboarding checklist (once; later calls change nothing).
pub async fn dismiss_checklist(db: &Db, user: i64, now: i64) -> Result<()> {
    let sql = "INSERT INTO onboarding_checklist_dismissals (user_id, at) VALUES ($1, $2) \
               ON CONFLICT (user_id) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql).bind(user).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}
