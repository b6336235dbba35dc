//! Onboarding: the sequence of e-mails after sign-up or acceptance (welcome, take the
//! diagnostic, start the canvas, pick a course, book a first coaching session). Each step is a
//! job: when it comes due it is skipped if already done, else its e-mail goes out; then the next
//! step is queued after its delay. Paused or unsubscribed onboardings send nothing; the
//! unsubscribe link is signed and needs no login. A centre orders, times, turns off and
//! rewords its steps (`settings`), pauses one person (`funnel`, which also counts how many
//! reach and do each step); a person ticks the same steps on their dashboard (`checklist`).
mod checklist;
pub(crate) mod demo;
mod funnel;
mod settings;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::site::Signed;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
pub use checklist::{Checklist, checklist};
use domain::onboarding::Step;
use std::sync::atomic::Ordering;

pub const STEP_JOB: &str = "onboarding_step";
const PURPOSE: &str = "onboarding";
/// The unsubscribe link; under the one-click prefix, so mail providers may POST to it.
const UNSUBSCRIBE: &str = "/desinscription/accueil/";
/// How long an unsubscribe link works (ten years: it must work from any old e-mail).
const LINK_SECS: i64 = 10 * 365 * 86_400;

/// The payload step of the job that opens a sequence (its first step turned on, whichever).
const FIRST: &str = "first";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/desinscription/accueil/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
        .route(
            "/centres/{slug}/onboarding",
            get(settings::page).post(settings::save),
        )
        .route("/centres/{slug}/onboarding/funnel", get(funnel::page))
        .route("/centres/{slug}/onboarding/funnel.csv", get(funnel::csv))
        .route(
            "/centres/{slug}/onboarding/people/{user}/pause",
            post(funnel::pause),
        )
        .route("/onboarding/checklist/dismiss", post(checklist::dismiss))
}

fn payload(user: i64, step: Option<Step>) -> String {
    format!("{user}:{}", step.map_or(FIRST, Step::code))
}

/// Starts `user`'s onboarding inside the change that decided it (sign-up, acceptance). It
/// never starts twice: a second start only gives the onboarding its centre. Nothing goes to an
/// address not proved yet: such an onboarding waits, and starts when the address is proved
/// (the verification calls this again). Wake the worker after the commit.
pub async fn start_in(
    tx: &mut store::Tx,
    user: i64,
    centre: Option<i64>,
    now: i64,
) -> Result<(), WebError> {
    let begins = match store::onboarding::start(&mut *tx, user, centre, now).await? {
        Some(pending) => !pending,
        None => {
            if let Some(centre) = centre {
                store::onboarding::set_centre(&mut *tx, user, centre).await?;
            }
            store::onboarding::address_proved(&mut *tx, user, now).await?
        }
    };
    if begins {
        store::jobs::enqueue(&mut *tx, STEP_JOB, &payload(user, None), Some(now)).await?;
    }
    Ok(())
}

/// Resumes a paused onboarding from its first step not yet reached.
pub async fn resume(state: &AppState, user: i64) -> Result<(), WebError> {
    let Some(o) = store::onboarding::find(&state.db, user).await? else {
        return Ok(());
    };
    if o.paused_at.is_none() {
        return Ok(()); // not paused: its chain runs already
    }
    store::onboarding::set_paused(&state.db, user, None).await?;
    let sequence = store::onboarding::sequence(&state.db, o.centre_id).await?;
    let reached = store::onboarding::progress(&state.db, user).await?;
    if let Some(next) = sequence
        .iter()
        .find(|s| s.enabled && !reached.iter().any(|(code, _)| code == s.step.code()))
    {
        let from = if reached.is_empty() {
            None
        } else {
            Some(next.step)
        };
        store::jobs::enqueue(&state.db, STEP_JOB, &payload(user, from), None).await?;
        state.jobs_queued();
    }
    Ok(())
}

/// The job of one step (`first`: the first turned on).
pub async fn deliver_step(state: &AppState, payload: &str, job_id: i64) -> Result<(), String> {
    let (user, step) = payload
        .split_once(':')
        .and_then(|(u, s)| {
            let step = if s == FIRST {
                None
            } else {
                Some(Step::parse(s)?)
            };
            Some((u.parse::<i64>().ok()?, step))
        })
        .ok_or_else(|| format!("payload {payload:?}"))?;
    run_step(state, user, step, job_id)
        .await
        .map_err(|e| e.to_string())
}

async fn run_step(
    state: &AppState,
    user: i64,
    from: Option<Step>,
    job_id: i64,
) -> Result<(), WebError> {
    let db = &state.db;
    let now = store::now();
    let Some(o) = store::onboarding::find(db, user).await? else {
        return Ok(());
    };
    if !o.active() {
        return Ok(());
    }
    let sequence = store::onboarding::sequence(db, o.centre_id).await?;
    // A step turned off since it was queued gives way to the next one turned on.
    let Some(current) = domain::onboarding::enabled_from(&sequence, from) else {
        return Ok(());
    };
    let step = current.step;
    let reached = store::onboarding::progress(db, user).await?;
    let due = o.started_at + current.delay_hours * 3_600;
    if reached.is_empty() && now < due {
        // The first step waits for its own delay after the start.
        store::jobs::enqueue(db, STEP_JOB, &payload(user, Some(step)), Some(due)).await?;
        return Ok(());
    }
    if reached.iter().any(|(code, _)| code == step.code()) {
        return Ok(()); // this step's job ran already: its chain goes on from there
    }
    let Some(person) = store::accounts::find_user(db, user).await? else {
        return Ok(());
    };
    if store::onboarding::done(db, user, step).await? {
        store::onboarding::record(db, user, step, "skipped", now).await?;
    } else {
        send(state, &person, o.centre_id, step, job_id).await?;
        store::onboarding::record(db, user, step, "sent", now).await?;
    }
    if let Some(next) = domain::onboarding::next_enabled(&sequence, step) {
        let at = now + next.delay_hours * 3_600;
        store::jobs::enqueue(db, STEP_JOB, &payload(user, Some(next.step)), Some(at)).await?;
    }
    Ok(())
}

async fn send(
    state: &AppState,
    person: &store::accounts::User,
    centre: Option<i64>,
    step: Step,
    job_id: i64,
) -> Result<(), WebError> {
    let i = I18n::new(person.locale);
    let code = step.code();
    // The centre's own words for this step, in the person's language, over the catalogue's.
    let own = match centre {
        Some(c) => store::onboarding::text(&state.db, c, step, i.code()).await?,
        None => None,
    }
    .unwrap_or_default();
    let or = |own: &str, key: String| {
        if own.trim().is_empty() {
            i.t(&key)
        } else {
            own.trim().to_string()
        }
    };
    let token = crate::site::sign(state, PURPOSE, person.id, store::now() + LINK_SECS).await?;
    let unsubscribe = state.url(&format!("{UNSUBSCRIBE}{token}"));
    let mail = Compose {
        i,
        to: &person.email,
        subject: or(&own.subject, format!("onboarding-{code}-subject")),
        greeting: i.ta("email-greeting", &[("name", &person.display_name)]),
        paragraphs: vec![or(&own.intro, format!("onboarding-{code}-body"))],
        action: Some((
            i.t(&format!("onboarding-{code}-action")),
            state.url(step.path()),
        )),
        after: vec![i.t("onboarding-mail-why")],
    }
    .render_with_links(
        &[(i.t("onboarding-unsubscribe-link"), unsubscribe.clone())],
        Some(unsubscribe),
    )?;
    state
        .mailer
        .send(&mail, job_id)
        .await
        .map_err(WebError::Internal)?;
    state.metrics.mails_sent.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

#[derive(Template)]
#[template(path = "onboarding/unsubscribe.html")]
struct UnsubscribeView {
    layout: Layout,
    action: String,
}

/// The user a link names, when it is genuine.
async fn user_of(state: &AppState, token: &str) -> Result<Option<i64>, WebError> {
    Ok(
        match crate::site::verify(state, PURPOSE, token, store::now()).await? {
            Signed::Valid(user) => Some(user),
            Signed::Expired(_) | Signed::Forged => None,
        },
    )
}

fn gone(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    let response = crate::message::message(
        state,
        ctx,
        "link-invalid-title",
        &["onboarding-link-invalid"],
        Some(("/", "error-back-home")),
    )?;
    Ok((StatusCode::NOT_FOUND, response).into_response())
}

/// The link of an e-mail: one button (a GET changes nothing, so link scanners unsubscribe
/// nobody).
async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if user_of(&state, &token).await?.is_none() {
        return gone(&state, &ctx);
    }
    let view = UnsubscribeView {
        layout: Layout::new(&state, &ctx, ctx.i.t("onboarding-unsubscribe-title")),
        action: format!("{UNSUBSCRIBE}{token}"),
    };
    Ok(Html(view.render()?).into_response())
}

/// The button of that page, and the mail provider's one-click POST (RFC 8058).
async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(user) = user_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    store::onboarding::unsubscribe(&state.db, user, store::now()).await?;
    crate::message::message(
        &state,
        &ctx,
        "onboarding-unsubscribed-title",
        &["onboarding-unsubscribed-body"],
        Some(("/", "error-back-home")),
    )
}
