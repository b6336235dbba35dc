//! Sending a newsletter from the job queue: when its time comes it begins (one delivery per
//! address of its segment), then each run sends what the rate leaves room for in the last
//! minute, claiming each delivery before its message goes out (a job run twice sends nothing
//! twice), and comes back a minute later while some wait. A refusal by the mail server counts
//! as failed. Each message carries a signed unsubscribe link (no login) that withdraws the
//! address from the centre's newsletters.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::OutgoingMail;
use crate::site::Signed;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::newsletter::{DEFAULT_RATE, batch};
use std::sync::atomic::Ordering;

pub const SEND_JOB: &str = "newsletter_send";
/// The setting holding the instance's rate (messages a minute), when a centre set none.
pub const RATE_SETTING: &str = "newsletter_rate_per_minute";
const PURPOSE: &str = "newsletter";
const UNSUBSCRIBE: &str = "/desinscription/lettre/";
/// How long an unsubscribe link works (ten years: it must work from any old e-mail).
const LINK_SECS: i64 = 10 * 365 * 86_400;
/// Outbox files are named after a number: a delivery's is set apart from the jobs' own.
const OUTBOX_OFFSET: i64 = 1_000_000_000;

/// The setting holding a centre's rate (its newsletter settings page).
pub fn rate_key(centre_id: i64) -> String {
    format!("{RATE_SETTING}.{centre_id}")
}

/// A centre's rate a minute: its own setting, else the instance's, else the default (a value
/// that is not a positive number counts as unset).
pub async fn rate(state: &AppState, centre_id: i64) -> Result<i64, WebError> {
    let parse = |v: Option<String>| {
        v.and_then(|v| v.trim().parse::<i64>().ok())
            .filter(|n| *n > 0)
    };
    if let Some(own) = parse(store::settings::get(&state.db, &rate_key(centre_id)).await?) {
        return Ok(own);
    }
    Ok(parse(store::settings::get(&state.db, RATE_SETTING).await?).unwrap_or(DEFAULT_RATE))
}

/// Queues the sending of a newsletter at `at`, inside the change that scheduled it.
pub async fn schedule_in(tx: &mut store::Tx, id: i64, at: i64) -> Result<(), WebError> {
    store::jobs::enqueue(&mut *tx, SEND_JOB, &id.to_string(), Some(at)).await?;
    Ok(())
}

/// The job: begin when due, send a batch, come back while some wait.
pub async fn deliver(state: &AppState, payload: &str, job_id: i64) -> Result<(), String> {
    let id: i64 = payload
        .trim()
        .parse()
        .map_err(|_| format!("payload {payload:?}"))?;
    run(state, id, job_id).await.map_err(|e| e.to_string())
}

async fn run(state: &AppState, id: i64, _job_id: i64) -> Result<(), WebError> {
    let db = &state.db;
    let now = store::now();
    let Some(n) = store::newsletters::find(db, id).await? else {
        return Ok(());
    };
    match n.status.as_str() {
        // Moved later or back to a draft since: the job of its new time does it.
        "scheduled" if n.send_at.is_none_or(|at| at > now) => return Ok(()),
        "scheduled" => {
            store::newsletters::begin(db, id, now).await?;
        }
        "sending" => {}
        _ => return Ok(()),
    }
    let tried = store::newsletters::tried_since(db, now - 59).await?;
    let room = batch(rate(state, n.centre_id).await?, tried);
    if room > 0 {
        let html = domain::markdown::render(&n.body).html;
        for d in store::newsletters::waiting(db, id, room).await? {
            if !store::newsletters::claim(db, d.id, now).await? {
                continue; // another run has it
            }
            let mail = compose(state, &n, &html, &d).await?;
            let outcome = state.mailer.send(&mail, OUTBOX_OFFSET + d.id).await;
            match &outcome {
                Ok(()) => {
                    state.metrics.mails_sent.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => tracing::info!(newsletter = id, error = %e, "newsletter refused"),
            }
            store::newsletters::finish(db, d.id, outcome.err().as_deref()).await?;
        }
    }
    if !store::newsletters::close(db, id, now).await? {
        store::jobs::enqueue(db, SEND_JOB, &id.to_string(), Some(now + 60)).await?;
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "email/newsletter.html")]
struct HtmlLetter<'a> {
    lang: &'static str,
    subject: &'a str,
    centre: &'a str,
    body: &'a str,
    why: String,
    unsubscribe_label: String,
    unsubscribe: &'a str,
}

#[derive(Template)]
#[template(path = "email/newsletter.txt")]
struct TextLetter<'a> {
    centre: &'a str,
    body: &'a str,
    why: String,
    unsubscribe_label: String,
    unsubscribe: &'a str,
}

async fn compose(
    state: &AppState,
    n: &store::newsletters::Newsletter,
    html: &str,
    d: &store::newsletters::Delivery,
) -> Result<OutgoingMail, WebError> {
    let i = I18n::new(domain::Locale::parse(&d.locale).unwrap_or_default());
    let centre = state
        .centres()
        .await?
        .iter()
        .find(|c| c.id == n.centre_id)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let token = crate::site::sign(state, PURPOSE, d.id, store::now() + LINK_SECS).await?;
    let unsubscribe = state.url(&format!("{UNSUBSCRIBE}{token}"));
    let why = i.ta("newsletter-mail-why", &[("centre", &centre)]);
    let label = i.t("newsletter-unsubscribe-link");
    Ok(OutgoingMail {
        to: d.email.clone(),
        subject: n.subject.clone(),
        html: HtmlLetter {
            lang: i.code(),
            subject: &n.subject,
            centre: &centre,
            body: html,
            why: why.clone(),
            unsubscribe_label: label.clone(),
            unsubscribe: &unsubscribe,
        }
        .render()?,
        text: TextLetter {
            centre: &centre,
            body: &n.body,
            why,
            unsubscribe_label: label,
            unsubscribe: &unsubscribe,
        }
        .render()?,
        list_unsubscribe: Some(unsubscribe.clone()),
        attachments: Vec::new(),
    })
}

#[derive(Template)]
#[template(path = "newsletters/unsubscribe.html")]
struct UnsubscribeView {
    layout: Layout,
    action: String,
}

/// The delivery a link names, when it is genuine.
async fn delivery_of(state: &AppState, token: &str) -> Result<Option<i64>, WebError> {
    Ok(
        match crate::site::verify(state, PURPOSE, token, store::now()).await? {
            Signed::Valid(id) => Some(id),
            Signed::Expired(_) | Signed::Forged => None,
        },
    )
}

fn gone(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    let response = crate::message::message(
        state,
        ctx,
        "link-invalid-title",
        &["newsletter-link-invalid"],
        Some(("/", "error-back-home")),
    )?;
    Ok((StatusCode::NOT_FOUND, response).into_response())
}

/// The link of a newsletter: one button (a GET changes nothing, so link scanners unsubscribe
/// nobody).
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    if delivery_of(&state, &token).await?.is_none() {
        return gone(&state, &ctx);
    }
    let view = UnsubscribeView {
        layout: Layout::new(&state, &ctx, ctx.i.t("newsletter-unsubscribe-title")),
        action: format!("{UNSUBSCRIBE}{token}"),
    };
    Ok(Html(view.render()?).into_response())
}

/// The button of that page, and the mail provider's one-click POST (RFC 8058).
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let Some(delivery) = delivery_of(&state, &token).await? else {
        return gone(&state, &ctx);
    };
    let Some((email, centre)) = store::newsletters::delivery_owner(&state.db, delivery).await?
    else {
        return gone(&state, &ctx);
    };
    store::newsletters::withdraw(&state.db, centre, &email, store::now()).await?;
    crate::message::message(
        &state,
        &ctx,
        "newsletter-unsubscribed-title",
        &["newsletter-unsubscribed-body"],
        Some(("/", "error-back-home")),
    )
}
