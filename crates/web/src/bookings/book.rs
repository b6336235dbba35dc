//! The booking form of a space (`/centres/{slug}/espaces/{id}/reserver`): a day, a start and an
//! end. Refused with a message beside its field, nothing stored: a time that does not read, an
//! end before the start, in the past, outside the opening hours, in a closure, longer than the
//! space allows, with too little notice, a person the space's rules leave out, or a slot
//! already taken (found by the store inside its transaction). A free booking is confirmed at
//! once; a priced one records its order and goes to the order's page to pay.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::booking::{self, Audience, Refusal, Request, Rules};
use domain::tracking::{iso, parse_date};
use domain::{Action, Role, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;
use store::places::Space;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BookForm {
    pub date: String,
    pub starts: String,
    pub ends: String,
    pub purpose: String,
}

#[derive(Template)]
#[template(path = "bookings/book.html")]
struct BookView {
    layout: Layout,
    slug: String,
    space_id: i64,
    rules: String,
    equipment: String,
    hours: Vec<(String, String)>,
    form: BookForm,
    errors: FieldErrors,
    taken: Vec<String>,
}

pub(super) fn rules_of(s: &Space) -> Rules {
    Rules {
        bookable: s.bookable,
        max_minutes: s.max_minutes,
        notice_minutes: s.notice_minutes,
        audience: Audience::parse(&s.audience).unwrap_or(Audience::Members),
        price_per_hour_cents: s.price_per_hour_cents,
    }
}

async fn centre_space(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    id: i64,
) -> WebResult<(CentreSummary, Space)> {
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::BookSpace, Scope::Centre(centre.id))?;
    let space = store::places::space(&state.db, id)
        .await?
        .filter(|s| s.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    Ok((centre, space))
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    space: &Space,
    form: BookForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let today = crate::tracking::today();
    let place = store::places::place(&state.db, centre.id, &iso(today)).await?;
    let hours = crate::places::hours(&place.hours);
    // What is already taken on the day asked for (or today), so the person picks a free slot.
    let day = parse_date(&form.date).unwrap_or(today);
    let from = booking::instant(day, 0).unwrap_or(0);
    let taken = store::bookings::between(&state.db, centre.id, from, from + 86_400)
        .await?
        .into_iter()
        .filter(|b| b.space_id == space.id)
        .map(|b| {
            format!(
                "{}–{}",
                booking::clock(booking::minutes_of(b.starts_at)),
                booking::clock(booking::minutes_of(b.ends_at))
            )
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = BookView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("booking-book-title", &[("space", &space.name)]),
        )
        .under(
            format!("/centres/{}/reservations", centre.slug),
            i.t("booking-calendar-title"),
        ),
        slug: centre.slug.clone(),
        space_id: space.id,
        rules: crate::places::spaces_rules_line(i, space),
        equipment: space.equipment.clone(),
        hours: crate::places::WEEKDAYS
            .iter()
            .enumerate()
            .map(|(n, k)| (i.t(k), crate::places::day_text(i, &hours.days[n])))
            .collect(),
        form,
        errors,
        taken,
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Prefill {
    pub jour: String,
    pub debut: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Query(q): Query<Prefill>,
) -> WebResult<Response> {
    let (centre, space) = centre_space(&state, &ctx, &slug, id).await?;
    let date = parse_date(&q.jour)
        .map(iso)
        .unwrap_or_else(|_| iso(crate::tracking::today()));
    let starts = booking::parse_clock(&q.debut).map(booking::clock);
    let ends = starts
        .as_deref()
        .and_then(booking::parse_clock)
        .map(|m| booking::clock((m + 60).min(1440)));
    let form = BookForm {
        date,
        starts: starts.unwrap_or_default(),
        ends: ends.unwrap_or_default(),
        purpose: String::new(),
    };
    render(&state, &ctx, &centre, &space, form, FieldErrors::default()).await
}

/// Whether the person may book under the space's audience.
fn admitted(ctx: &Ctx, centre_id: i64, audience: Audience) -> bool {
    let member = ctx.actor.roles_in(centre_id).next().is_some() || ctx.actor.is_network_admin();
    let participant = ctx
        .actor
        .memberships
        .iter()
        .any(|(_, r)| *r == Role::Participant);
    audience.admits(member, participant)
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<BookForm>,
) -> WebResult<Response> {
    let (centre, space) = centre_space(&state, &ctx, &slug, id).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let day = parse_date(&form.date).ok();
    if day.is_none() {
        errors.add("date", i, "booking-error-date");
    }
    let starts = booking::parse_clock(&form.starts);
    if starts.is_none() {
        errors.add("starts", i, Refusal::BadTime.message_key());
    }
    let ends = booking::parse_clock(&form.ends);
    if ends.is_none() {
        errors.add("ends", i, Refusal::BadTime.message_key());
    }
    let purpose = form.purpose.trim().to_string();
    if purpose.chars().count() > 200 {
        errors.add("purpose", i, "error-too-long");
    }
    let rules = rules_of(&space);
    if !admitted(&ctx, centre.id, rules.audience) {
        errors.add("space", i, Refusal::NotAllowed.message_key());
    }
    let (Some(day), Some(starts), Some(ends), true) = (day, starts, ends, errors.is_empty()) else {
        return render(&state, &ctx, &centre, &space, form, errors).await;
    };
    let place = store::places::place(&state.db, centre.id, &iso(day)).await?;
    let hours = crate::places::hours(&place.hours);
    let closures = crate::places::closures(&place);
    let request = Request { day, starts, ends };
    let (start, end) = match booking::check(&request, &rules, &hours, &closures, store::now()) {
        Ok(slot) => slot,
        Err(refusal) => {
            errors.add(refusal.field(), i, refusal.message_key());
            return render(&state, &ctx, &centre, &space, form, errors).await;
        }
    };
    let price = booking::price(rules.price_per_hour_cents, end - start);
    let mut tx = state.db.begin().await?;
    let new = store::bookings::NewBooking {
        centre_id: centre.id,
        space_id: space.id,
        user_id: user.id,
        starts_at: start,
        ends_at: end,
        purpose: &purpose,
        price_cents: price,
    };
    let id = match store::bookings::book_in(&mut tx, &new).await {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            errors.add("starts", i, Refusal::Overlap.message_key());
            let mut response = render(&state, &ctx, &centre, &space, form, errors).await?;
            *response.status_mut() = StatusCode::CONFLICT;
            return Ok(response);
        }
        Err(e) => return Err(e.into()),
    };
    let order = if price > 0 {
        let when = format!(
            "{} {}–{}",
            crate::tracking::day(i, &iso(day)),
            booking::clock(starts),
            booking::clock(ends)
        );
        let label = i.ta(
            "booking-order-label",
            &[("space", &space.name), ("when", &when)],
        );
        Some(
            store::bookings::create_order_in(&mut tx, id, centre.id, user.id, &label, price)
                .await?,
        )
    } else {
        None
    };
    tx.commit().await?;
    state.changed();
    match order {
        Some(order) => Ok(Redirect::to(&format!("/orders/{order}")).into_response()),
        None => Ok(redirect_with_flash(
            "/mes-reservations",
            "flash-booking-confirmed",
            &state,
        )),
    }
}
