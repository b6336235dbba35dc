//! The worker: claims due jobs from the shared queue and runs them. `serve` runs one in
//! process; `worker` runs one alone. On shutdown it finishes the job in hand and releases any
//! job it still holds so another node picks it up.
use crate::mail::{self, OutgoingMail};
use crate::state::AppState;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::watch;

/// How long a claim lasts before another worker may take the job (a crashed node's jobs).
const LEASE_SECS: i64 = 300;
const IDLE_POLL: Duration = Duration::from_secs(2);
const MAINTENANCE_EVERY: Duration = Duration::from_secs(3_600);

/// A unique name for this worker, kept on the jobs it claims.
pub fn worker_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "node".into());
    format!(
        "{host}-{}-{}",
        std::process::id(),
        &crate::security::new_token()[..8]
    )
}

/// Runs jobs until `shutdown` turns true, on the app's clock.
pub async fn run_worker(state: AppState, shutdown: watch::Receiver<bool>) {
    state.clock.clone().run(work(state, shutdown)).await
}

async fn work(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let name = worker_name();
    tracing::info!(worker = %name, "worker started");
    let mut last_maintenance = tokio::time::Instant::now() - MAINTENANCE_EVERY;
    loop {
        if *shutdown.borrow() {
            break;
        }
        if last_maintenance.elapsed() >= MAINTENANCE_EVERY {
            maintenance(&state).await;
            last_maintenance = tokio::time::Instant::now();
        }
        match run_one(&state, &name).await {
            Ok(true) => continue,
            Ok(false) => {}
            Err(err) => tracing::warn!(error = %err, "job queue unavailable"),
        }
        tokio::select! {
            _ = state.jobs_ready.notified() => {}
            _ = tokio::time::sleep(IDLE_POLL) => {}
            _ = shutdown.changed() => {}
        }
    }
    match store::jobs::release(&state.db, &name).await {
        Ok(n) if n > 0 => tracing::info!(worker = %name, released = n, "released claimed jobs"),
        Ok(_) => {}
        Err(err) => tracing::warn!(error = %err, "could not release claimed jobs"),
    }
    tracing::info!(worker = %name, "worker stopped");
}

/// Claims and runs one due job; `Ok(false)` when none is due.
pub async fn run_one(state: &AppState, worker: &str) -> Result<bool, store::StoreError> {
    let Some(job) = store::jobs::claim(&state.db, worker, LEASE_SECS).await? else {
        return Ok(false);
    };
    let outcome = execute(state, &job).await;
    match outcome {
        Ok(()) => {
            store::jobs::complete(&state.db, job.id, worker).await?;
            state.metrics.jobs_run.fetch_add(1, Ordering::Relaxed);
        }
        Err(error) => {
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed");
            state.metrics.jobs_failed.fetch_add(1, Ordering::Relaxed);
            store::jobs::fail(&state.db, &job, worker, &error).await?;
        }
    }
    Ok(true)
}

async fn execute(state: &AppState, job: &store::jobs::Job) -> Result<(), String> {
    match job.kind.as_str() {
        mail::JOB_KIND => {
            let mail: OutgoingMail =
                serde_json::from_str(&job.payload).map_err(|e| format!("payload: {e}"))?;
            state.mailer.send(&mail, job.id).await?;
            state.metrics.mails_sent.fetch_add(1, Ordering::Relaxed);
            Ok(())
        }
        crate::accounts::RESET_JOB => {
            crate::accounts::deliver_reset(state, &job.payload, job.id).await
        }
        crate::accounts::EMAIL_CHANGE_JOB => {
            crate::accounts::deliver_email_change(state, &job.payload, job.id).await
        }
        crate::site::REMINDER_JOB => {
            crate::site::deliver_reminder(state, &job.payload, job.id).await
        }
        crate::cohorts::surveys::SURVEY_JOB => {
            crate::cohorts::surveys::deliver(state, &job.payload, job.id).await
        }
        crate::onboarding::STEP_JOB => {
            crate::onboarding::deliver_step(state, &job.payload, job.id).await
        }
        crate::newsletters::SEND_JOB => {
            crate::newsletters::deliver(state, &job.payload, job.id).await
        }
        crate::contacts::digest::JOB => crate::contacts::digest::deliver(state, &job.payload).await,
        crate::adhesions::REMINDER_JOB => {
            crate::adhesions::deliver_reminder(state, &job.payload, job.id).await
        }
        // Used by tests and operators to check the queue end to end.
        "noop" => Ok(()),
        other => Err(format!("unknown job kind {other:?}")),
    }
}

/// Housekeeping: expired sessions, old rate-limit windows, finished jobs older than 30 days,
/// the retention of leads (ask after three years without contact, erase 30 days later), the
/// temporary upload files left by a crash.
async fn maintenance(state: &AppState) {
    crate::streamed_upload::remove_stale(state, std::time::SystemTime::now()).await;
    let db = &state.db;
    let results = [
        store::accounts::prune_sessions(db).await,
        store::rate_limit::prune(db).await,
        store::jobs::prune_done(db, 30 * 86_400).await,
    ];
    for result in results {
        if let Err(err) = result {
            tracing::warn!(error = %err, "maintenance step failed");
        }
    }
    if let Err(err) = crate::contacts::digest::schedule(state, &crate::contacts::today()).await {
        tracing::warn!(error = %err, "follow-up digests failed");
    }
    if let Err(err) = crate::invoices::reminders::run(state).await {
        tracing::warn!(error = %err, "invoice reminders failed");
    }
    if let Err(err) = crate::site::release_holds(state, store::now()).await {
        tracing::warn!(error = %err, "event holds release failed");
    }
    // Idempotent, so running it with every maintenance round is the daily check and more.
    match crate::site::retention::run(state, store::now()).await {
        Ok(o) if o.asked + o.erased > 0 => {
            tracing::info!(asked = o.asked, erased = o.erased, "lead retention")
        }
        Ok(_) => {}
        Err(err) => tracing::warn!(error = %err, "lead retention failed"),
    }
}
