//! What happens to an event registration after the form: the e-mails (ticket with its `.ics`,
//! a seat freed from the waitlist, the reminder the day before through the job queue) and the
//! signed cancellation link that works without logging in.
use super::{Signed, lead_mail, sign, verify};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::{Compose, MailAttachment};
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::event::{REMINDER_BEFORE_SECS, Status};
use store::events::Detail;
use store::site::Purpose;

pub const REMINDER_JOB: &str = "event_reminder";
const CANCEL: &str = "cancel";
const TICKET: &str = "ticket";

/// The signed cancellation link of a registration (works until the event starts).
pub async fn cancel_url(state: &AppState, d: &Detail) -> Result<String, WebError> {
    let token = sign(state, CANCEL, d.id, d.starts_at).await?;
    Ok(state.url(&format!("/evenements/annuler/{token}")))
}

/// The signed address of a registration's ticket (works until a week after the event).
pub async fn ticket_url(state: &AppState, d: &Detail) -> Result<String, WebError> {
    let token = sign(state, TICKET, d.id, d.ends_at + 7 * 86_400).await?;
    Ok(state.url(&format!("/billet/{token}")))
}

/// The code a ticket shows and its QR code carries, typed at the door when the camera fails:
/// `{id}-{8 hex of a MAC}`.
pub async fn checkin_code(state: &AppState, id: i64) -> Result<String, WebError> {
    let signed = sign(state, "checkin", id, 0).await?;
    let mac = signed.rsplit('.').next().unwrap_or_default();
    Ok(format!("{id}-{}", mac[..8].to_ascii_uppercase()))
}

/// The registration a typed or scanned code names, when the code is genuine.
pub async fn code_registration(state: &AppState, code: &str) -> Result<Option<i64>, WebError> {
    let code = code.trim().to_ascii_uppercase();
    let Some(id) = code
        .split_once('-')
        .and_then(|(id, _)| id.parse::<i64>().ok())
    else {
        return Ok(None);
    };
    let expected = checkin_code(state, id).await?;
    Ok(crate::security::same_secret(&expected, &code).then_some(id))
}

/// The address the QR code of a ticket opens: the staff's check-in page with the code.
pub async fn checkin_url(state: &AppState, d: &Detail) -> Result<String, WebError> {
    let code = checkin_code(state, d.id).await?;
    Ok(state.url(&format!(
        "/admin/evenements/{}/accueil?code={code}",
        d.event_id
    )))
}

/// A QR code as an SVG image named `label` (black on white, quiet zone included).
pub fn qr_svg(data: &str, label: &str) -> Result<String, WebError> {
    let code =
        qrcode::QrCode::new(data.as_bytes()).map_err(|e| WebError::Internal(e.to_string()))?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .build();
    // The element only, without the XML declaration, named for screen readers.
    let element = svg.find("<svg").map_or(svg.as_str(), |i| &svg[i + 4..]);
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Ok(format!("<svg role=\"img\" aria-label=\"{label}\"{element}"))
}

#[derive(Template)]
#[template(path = "site/ticket.html")]
struct TicketView {
    layout: Layout,
    title: String,
    when: String,
    name: String,
    seats: String,
    active: bool,
    qr: String,
    code: String,
    cancel: String,
}

/// A registration's ticket: the QR code staff scan at the door, and its code in letters.
pub async fn ticket(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let id = match verify(&state, TICKET, &token, store::now()).await? {
        Signed::Valid(id) => id,
        Signed::Expired(_) => {
            return answer(
                &state,
                &ctx,
                StatusCode::GONE,
                "event-cancel-expired-title",
                "event-ticket-expired",
            );
        }
        Signed::Forged => {
            return answer(
                &state,
                &ctx,
                StatusCode::BAD_REQUEST,
                "link-invalid-title",
                "event-ticket-forged",
            );
        }
    };
    let d = store::events::detail(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let i = ctx.i;
    let active = d.status == Status::Registered;
    let view = TicketView {
        layout: Layout::new(&state, &ctx, i.t("event-ticket-title")),
        title: d.event_title.clone(),
        when: when_and_where(i, &d),
        name: d.name.clone(),
        seats: i.tn("event-ticket-seats", d.seats),
        active,
        qr: if active {
            qr_svg(&checkin_url(&state, &d).await?, &i.t("event-ticket-qr"))?
        } else {
            String::new()
        },
        code: checkin_code(&state, d.id).await?,
        cancel: if active && d.starts_at > store::now() {
            cancel_url(&state, &d).await?
        } else {
            String::new()
        },
    };
    Ok(Html(view.render()?).into_response())
}

/// The event's calendar file for this registration.
fn calendar(state: &AppState, d: &Detail, now: i64) -> MailAttachment {
    let url = state.url(&format!("/evenements/{}", d.event_slug));
    let place = if d.place.is_empty() {
        d.online_url.as_str()
    } else {
        d.place.as_str()
    };
    let host = state.url("/");
    let host = host
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    MailAttachment {
        name: "evenement.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: domain::event::ics(&domain::event::Calendar {
            uid: &format!("registration-{}@{host}", d.id),
            title: &d.event_title,
            description: &d.event_summary,
            place,
            url: &url,
            starts_at: d.starts_at,
            ends_at: d.ends_at,
            now,
        }),
        base64: false,
    }
}

pub(crate) fn when_and_where(i: I18n, d: &Detail) -> String {
    let place = if d.place.is_empty() {
        i.t("site-event-online")
    } else {
        d.place.clone()
    };
    i.ta(
        "event-mail-when",
        &[("when", &i.datetime(d.starts_at)), ("place", &place)],
    )
}

/// Queues the mail of a registration that holds confirmed seats: its ticket, its calendar file,
/// its cancellation link, and the reminder the day before. `intro` is the catalogue key of the
/// first paragraph (confirmed, or moved up from the waitlist).
async fn seated_mail(
    state: &AppState,
    tx: &mut store::Tx,
    d: &Detail,
    intro: &str,
    now: i64,
) -> Result<(), WebError> {
    let i = I18n::new(d.locale);
    let mut paragraphs = vec![
        i.ta(intro, &[("event", &d.event_title)]),
        when_and_where(i, d),
    ];
    if d.seats > 1 {
        paragraphs.push(i.tn("event-mail-group", d.seats));
    }
    paragraphs.push(i.t("event-mail-calendar"));
    let compose = Compose {
        i,
        to: &d.email,
        subject: i.ta("event-mail-seated-subject", &[("event", &d.event_title)]),
        greeting: i.ta("email-greeting", &[("name", &d.name)]),
        paragraphs,
        action: Some((i.t("event-mail-ticket"), ticket_url(state, d).await?)),
        after: vec![i.ta(
            "event-mail-cancel",
            &[("url", &cancel_url(state, d).await?)],
        )],
    };
    let mut mail = lead_mail(state, &mut *tx, compose, d.lead_id, now, false).await?;
    mail.attachments.push(calendar(state, d, now));
    crate::mail::queue_mail_in(&mut *tx, &mail).await?;
    let remind_at = d.starts_at - REMINDER_BEFORE_SECS;
    if remind_at > now {
        store::jobs::enqueue(&mut *tx, REMINDER_JOB, &d.id.to_string(), Some(remind_at)).await?;
    }
    Ok(())
}

/// Mails the registrations that the change moved up from the waitlist: a ticket when their
/// address is confirmed, a fresh confirmation link (their seats held meanwhile) otherwise.
pub async fn tell_promoted(
    state: &AppState,
    tx: &mut store::Tx,
    promoted: &[i64],
    now: i64,
) -> Result<(), WebError> {
    for id in promoted {
        let Some(d) = store::events::detail(&mut *tx, *id).await? else {
            continue;
        };
        if d.confirmed_at.is_some() {
            seated_mail(state, tx, &d, "event-mail-promoted", now).await?;
            continue;
        }
        let token = new_token();
        store::site::create_token(
            &mut *tx,
            &token_hash(&token),
            d.lead_id,
            Purpose::Confirm,
            domain::site::CONFIRM_TTL_SECS,
            now,
        )
        .await?;
        let i = I18n::new(d.locale);
        let hold = d.hold_until.unwrap_or(now);
        let compose = Compose {
            i,
            to: &d.email,
            subject: i.ta("event-mail-promoted-subject", &[("event", &d.event_title)]),
            greeting: i.ta("email-greeting", &[("name", &d.name)]),
            paragraphs: vec![
                i.ta("event-mail-promoted", &[("event", &d.event_title)]),
                when_and_where(i, &d),
                i.ta("event-mail-hold", &[("until", &i.datetime(hold))]),
            ],
            action: Some((
                i.t("site-mail-confirm-action"),
                state.url(&format!("/pionniers/confirmer/{token}")),
            )),
            after: vec![i.t("email-ignore-if-not-you")],
        };
        let mail = lead_mail(state, &mut *tx, compose, d.lead_id, now, false).await?;
        crate::mail::queue_mail_in(&mut *tx, &mail).await?;
    }
    Ok(())
}

/// Frees the seats of unconfirmed registrations past their hold and tells those moved up
/// (the job queue's maintenance round).
pub async fn release_holds(state: &AppState, now: i64) -> Result<usize, WebError> {
    let mut moved = 0;
    for event in store::events::due_holds(&state.db, now).await? {
        let mut tx = state.db.begin().await?;
        let promoted = store::events::release(&mut tx, event, now).await?;
        tell_promoted(state, &mut tx, &promoted, now).await?;
        tx.commit().await?;
        moved += promoted.len();
    }
    state.jobs_queued();
    state.site.changed();
    Ok(moved)
}

/// After an address is confirmed: the tickets of the registrations that hold seats.
pub async fn send_tickets(state: &AppState, seated: &[i64], now: i64) -> Result<(), WebError> {
    if seated.is_empty() {
        return Ok(());
    }
    let mut tx = state.db.begin().await?;
    for id in seated {
        if let Some(d) = store::events::detail(&mut tx, *id).await? {
            seated_mail(state, &mut tx, &d, "event-mail-confirmed", now).await?;
        }
    }
    tx.commit().await?;
    state.jobs_queued();
    Ok(())
}

/// The reminder job: sent when the registration still holds confirmed seats.
pub async fn deliver_reminder(state: &AppState, payload: &str, job_id: i64) -> Result<(), String> {
    let id: i64 = payload
        .parse()
        .map_err(|_| format!("payload {payload:?}"))?;
    let d = store::events::detail(&state.db, id)
        .await
        .map_err(|e| e.to_string())?;
    let Some(d) = d.filter(|d| {
        d.status == Status::Registered && d.confirmed_at.is_some() && d.starts_at > store::now()
    }) else {
        return Ok(());
    };
    let i = I18n::new(d.locale);
    let ticket = ticket_url(state, &d).await.map_err(|e| e.to_string())?;
    let cancel = cancel_url(state, &d).await.map_err(|e| e.to_string())?;
    Compose {
        i,
        to: &d.email,
        subject: i.ta("event-mail-reminder-subject", &[("event", &d.event_title)]),
        greeting: i.ta("email-greeting", &[("name", &d.name)]),
        paragraphs: vec![
            i.ta("event-mail-reminder", &[("event", &d.event_title)]),
            when_and_where(i, &d),
        ],
        action: Some((i.t("event-mail-ticket"), ticket)),
        after: vec![i.ta("event-mail-cancel", &[("url", &cancel)])],
    }
    .send_now(state, job_id)
    .await
}

// ---------------------------------------------------------------------------------------------
// The cancellation link

#[derive(Template)]
#[template(path = "site/cancel.html")]
struct CancelView {
    layout: Layout,
    title: String,
    when: String,
    action: String,
}

fn answer(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    heading: &str,
    body: &str,
) -> WebResult<Response> {
    let mut r = crate::message::message(
        state,
        ctx,
        heading,
        &[body],
        Some(("/evenements", "site-events-all")),
    )?;
    *r.status_mut() = status;
    Ok(r)
}

/// The registration a cancellation token names, or the answer to give instead.
async fn cancellable(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
) -> WebResult<Result<Detail, Response>> {
    let id = match verify(state, CANCEL, token, store::now()).await? {
        Signed::Valid(id) => id,
        Signed::Expired(_) => {
            return Ok(Err(answer(
                state,
                ctx,
                StatusCode::GONE,
                "event-cancel-expired-title",
                "event-cancel-expired",
            )?));
        }
        Signed::Forged => {
            return Ok(Err(answer(
                state,
                ctx,
                StatusCode::BAD_REQUEST,
                "link-invalid-title",
                "event-cancel-forged",
            )?));
        }
    };
    match store::events::detail(&state.db, id).await? {
        Some(d) if d.status.active() => Ok(Ok(d)),
        _ => Ok(Err(answer(
            state,
            ctx,
            StatusCode::OK,
            "event-cancelled-title",
            "event-cancel-already",
        )?)),
    }
}

pub async fn cancel_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let d = match cancellable(&state, &ctx, &token).await? {
        Ok(d) => d,
        Err(answer) => return Ok(answer),
    };
    let i = ctx.i;
    let view = CancelView {
        layout: Layout::new(&state, &ctx, i.t("event-cancel-title")),
        title: d.event_title.clone(),
        when: when_and_where(i, &d),
        action: format!("/evenements/annuler/{token}"),
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let d = match cancellable(&state, &ctx, &token).await? {
        Ok(d) => d,
        Err(answer) => return Ok(answer),
    };
    let now = store::now();
    let mut tx = state.db.begin().await?;
    let settled = store::events::cancel(&mut tx, d.id, now).await?;
    tell_promoted(&state, &mut tx, &settled.promoted, now).await?;
    tx.commit().await?;
    state.jobs_queued();
    state.site.changed();
    answer(
        &state,
        &ctx,
        StatusCode::OK,
        "event-cancelled-title",
        "event-cancelled",
    )
}
