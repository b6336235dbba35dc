//! A person's bookings (`/mes-reservations`): those not over yet, with their state (confirmed,
//! awaiting payment with a link to pay, cancelled) and a button to cancel one before it starts.
//! Cancelling (`/reservations/{id}/annuler`) is the booker's before the start, or the centre's
//! managers' at any time (from the calendar, audited); an order still awaiting payment is
//! cancelled with it.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::booking;
use domain::tracking::iso;
use domain::{Action, Scope};
use store::audit::{self, AuditAction, Entry};

pub struct Row {
    pub id: i64,
    pub space: String,
    pub centre: String,
    pub calendar_href: String,
    pub when: String,
    pub status: String,
    pub badge: &'static str,
    pub price: String,
    pub pay_href: Option<String>,
    pub cancellable: bool,
}

#[derive(Template)]
#[template(path = "bookings/mine.html")]
struct MineView {
    layout: Layout,
    rows: Vec<Row>,
}

/// When a booking is, as shown (« lundi 7 décembre 2026, 10:00–12:00 »).
pub fn when(i: crate::i18n::I18n, starts_at: i64, ends_at: i64) -> String {
    let day = booking::day_of(starts_at);
    format!(
        "{} {}, {}–{}",
        i.t(crate::places::WEEKDAYS[booking::weekday_index(day)]),
        crate::tracking::day(i, &iso(day)),
        booking::clock(booking::minutes_of(starts_at)),
        booking::clock(booking::minutes_of(ends_at))
    )
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let now = store::now();
    let rows = store::bookings::mine(&state.db, user.id, now)
        .await?
        .into_iter()
        .map(|b| {
            let live = b.status == "confirmed" || (b.status == "pending" && b.hold_until > now);
            let (status, badge) = match b.status.as_str() {
                "confirmed" => (i.t("booking-status-confirmed"), "badge-success"),
                "pending" if live => (i.t("booking-status-pending"), "badge-warning"),
                "pending" => (i.t("booking-status-expired"), "badge-neutral"),
                _ => (i.t("booking-status-cancelled"), "badge-neutral"),
            };
            Row {
                id: b.id,
                when: when(i, b.starts_at, b.ends_at),
                calendar_href: format!(
                    "/centres/{}/reservations?jour={}",
                    b.centre_slug,
                    iso(booking::day_of(b.starts_at))
                ),
                space: b.space_name,
                centre: b.centre_name,
                status,
                badge,
                price: if b.price_cents == 0 {
                    i.t("space-free")
                } else {
                    i.money(b.price_cents)
                },
                pay_href: b
                    .order_id
                    .filter(|_| b.status == "pending" && live)
                    .map(|o| format!("/orders/{o}")),
                cancellable: live && b.starts_at > now,
            }
        })
        .collect();
    let view = MineView {
        layout: Layout::new(&state, &ctx, i.t("booking-mine-title")),
        rows,
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let b = store::bookings::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let staff = ctx
        .actor
        .can(Action::ManagePlace, Scope::Centre(b.centre_id));
    let own = b.user_id == Some(user.id);
    if !own && !staff {
        return Err(WebError::NotFound);
    }
    let now = store::now();
    if !staff && b.starts_at <= now {
        return Err(WebError::BadRequest("booking-error-started"));
    }
    let mut tx = state.db.begin().await?;
    if store::bookings::cancel_in(&mut tx, id, user.id).await? {
        if let Some(order) = b.order_id {
            store::payments::move_order_in(
                &mut tx,
                order,
                store::offers::AWAITING_PAYMENT,
                "cancelled",
            )
            .await?;
        }
        audit::record(
            &mut tx,
            AuditAction::BookingCancelled,
            Entry {
                actor_id: Some(user.id),
                centre_id: Some(b.centre_id),
                subject_id: Some(id),
                detail: if own { "booker" } else { "staff" },
            },
        )
        .await?;
    }
    tx.commit().await?;
    state.changed();
    let to = if own {
        "/mes-reservations".to_string()
    } else {
        let slug = state
            .centres()
            .await?
            .iter()
            .find(|c| c.id == b.centre_id)
            .map(|c| c.slug.clone())
            .ok_or(WebError::NotFound)?;
        format!(
            "/centres/{slug}/reservations?jour={}",
            iso(booking::day_of(b.starts_at))
        )
    };
    Ok(redirect_with_flash(&to, "flash-booking-cancelled", &state))
}
