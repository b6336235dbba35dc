//! A centre's booking calendar (`/centres/{slug}/reservations?jour=…&vue=jour|semaine`): each day
//! of the week (or the one day) with its opening hours or closure, and per space what is
//! booked and a link to book it. On a phone the days stack; staff see who booked, others see
//! « Réservé » (and « Ma réservation » for their own). Reads four statements at most.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::booking;
use domain::tracking::{iso, parse_date};
use domain::{Action, Scope};
use serde::Deserialize;
use time::Date;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CalendarQuery {
    pub jour: String,
    pub vue: String,
}

pub struct Slot {
    pub id: i64,
    /// Staff cancel any booking not over; a person their own before it starts.
    pub cancellable: bool,
    pub time: String,
    pub who: String,
    pub mine: bool,
}

pub struct SpaceDay {
    pub name: String,
    pub slots: Vec<Slot>,
    /// The booking form's address for that day, when the space can be booked then.
    pub book_href: Option<String>,
}

pub struct Day {
    pub id: String,
    pub title: String,
    pub hours: String,
    pub closure: Option<String>,
    pub today: bool,
    pub spaces: Vec<SpaceDay>,
}

#[derive(Template)]
#[template(path = "bookings/calendar.html")]
struct CalendarView {
    layout: Layout,
    slug: String,
    week: bool,
    period: String,
    prev_href: String,
    next_href: String,
    today_href: String,
    switch_href: String,
    days: Vec<Day>,
    staff: bool,
    no_spaces: bool,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<CalendarQuery>,
) -> WebResult<Response> {
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::BookSpace, Scope::Centre(centre.id))?;
    let i = ctx.i;
    let staff = ctx.actor.can(Action::ManagePlace, Scope::Centre(centre.id));
    let me = ctx.actor.user_id;
    let today = crate::tracking::today();
    let asked = parse_date(&q.jour).unwrap_or(today);
    let week = q.vue != "jour";
    let first = if week {
        booking::monday_of(asked)
    } else {
        asked
    };
    let count = if week { 7 } else { 1 };
    let days: Vec<Date> = (0..count)
        .filter_map(|n| first.checked_add(time::Duration::days(n)))
        .collect();
    let last = days.last().copied().unwrap_or(first);
    let from = booking::instant(first, 0).unwrap_or(0);
    let to = booking::instant(last, 1440).unwrap_or(from);
    // Both kept a few seconds (any booking made through this node forgets them): the week is
    // read far more often than it changes.
    let place = crate::cache::kept(
        &state,
        &ctx,
        format!("place:{}:{}", centre.id, iso(first)),
        store::places::place(&state.db, centre.id, &iso(first)),
    )
    .await?;
    let hours = crate::places::hours(&place.hours);
    let bookings = crate::cache::kept(
        &state,
        &ctx,
        format!("bookings:{}:{from}:{to}", centre.id),
        store::bookings::between(&state.db, centre.id, from, to),
    )
    .await?;
    let now = store::now();
    let view_days = days
        .iter()
        .map(|&d| {
            let closure = place
                .closures
                .iter()
                .find(|c| c.starts_on <= iso(d) && iso(d) <= c.ends_on)
                .map(|c| c.reason.clone());
            let ranges = &hours.days[booking::weekday_index(d)];
            let open_later = closure.is_none()
                && ranges
                    .iter()
                    .any(|r| booking::instant(d, r.closes).is_some_and(|t| t > now));
            let day_start = booking::instant(d, 0).unwrap_or(0);
            let day_end = booking::instant(d, 1440).unwrap_or(day_start);
            let month = i.t(&format!("month-{}", u8::from(d.month())));
            Day {
                id: iso(d),
                title: format!(
                    "{} {}",
                    i.t(crate::places::WEEKDAYS[booking::weekday_index(d)]),
                    domain::format::long_date(i.locale, d.day(), &month, d.year())
                ),
                hours: crate::places::day_text(i, ranges),
                closure,
                today: d == today,
                spaces: place
                    .spaces
                    .iter()
                    .map(|s| SpaceDay {
                        name: s.name.clone(),
                        slots: bookings
                            .iter()
                            .filter(|b| {
                                b.space_id == s.id && b.starts_at < day_end && b.ends_at > day_start
                            })
                            .map(|b| Slot {
                                id: b.id,
                                cancellable: (staff && b.ends_at > now)
                                    || (me.is_some() && b.user_id == me && b.starts_at > now),
                                time: format!(
                                    "{}–{}",
                                    booking::clock(booking::minutes_of(b.starts_at)),
                                    booking::clock(booking::minutes_of(b.ends_at))
                                ),
                                mine: me.is_some() && b.user_id == me,
                                who: if me.is_some() && b.user_id == me {
                                    i.t("booking-mine")
                                } else if staff {
                                    b.booker.clone()
                                } else {
                                    i.t("booking-taken")
                                },
                            })
                            .collect(),
                        book_href: (s.bookable && open_later).then(|| {
                            format!(
                                "/centres/{}/espaces/{}/reserver?jour={}",
                                centre.slug,
                                s.id,
                                iso(d)
                            )
                        }),
                    })
                    .collect(),
            }
        })
        .collect();
    let step = if week { 7 } else { 1 };
    let vue = if week { "semaine" } else { "jour" };
    let href = |d: Option<Date>, v: &str| {
        format!(
            "/centres/{}/reservations?jour={}&vue={v}",
            centre.slug,
            iso(d.unwrap_or(first))
        )
    };
    let period = if week {
        i.ta(
            "booking-week-of",
            &[("date", &crate::tracking::day(i, &iso(first)))],
        )
    } else {
        crate::tracking::day(i, &iso(first))
    };
    let view = CalendarView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("booking-calendar-heading", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        week,
        period,
        prev_href: href(first.checked_sub(time::Duration::days(step)), vue),
        next_href: href(first.checked_add(time::Duration::days(step)), vue),
        today_href: href(Some(today), vue),
        switch_href: href(Some(asked), if week { "jour" } else { "semaine" }),
        no_spaces: place.spaces.is_empty(),
        days: view_days,
        staff,
    };
    Ok(Html(view.render()?).into_response())
}
