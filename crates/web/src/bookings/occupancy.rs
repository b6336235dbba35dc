//! The occupancy report (`/centres/{slug}/occupation?du=…&au=…`, the centre's managers): per
//! space, the hours booked (confirmed bookings, clipped to the period) over the hours open
//! (opening hours less closures, `domain::booking::open_seconds`) and their share. The period
//! is the current week unless one is chosen (at most a year).
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Path, Query};
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::booking;
use domain::tracking::{iso, parse_date};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Period {
    pub du: String,
    pub au: String,
}

pub struct Line {
    pub name: String,
    pub booked: String,
    pub open: String,
    pub share: String,
    /// The share in whole percent, for the bar.
    pub percent: i64,
}

#[derive(Template)]
#[template(path = "bookings/occupancy.html")]
struct OccupancyView {
    layout: Layout,
    slug: String,
    du: String,
    au: String,
    errors: FieldErrors,
    lines: Vec<Line>,
    total: Option<Line>,
}

fn hours(i: crate::i18n::I18n, secs: i64) -> String {
    let tenths = (secs * 10 + 180) / 3_600;
    let text = if tenths % 10 == 0 {
        i.number(tenths / 10)
    } else {
        let sep = if i.code() == "fr" { "," } else { "." };
        format!("{}{sep}{}", i.number(tenths / 10), tenths % 10)
    };
    i.ta("occupancy-hours", &[("hours", &text)])
}

fn share(i: crate::i18n::I18n, bp: i64) -> String {
    let sep = if i.code() == "fr" { "," } else { "." };
    let nbsp = if i.code() == "fr" { "\u{202f}" } else { "" };
    // One decimal, rounded to the nearest (3 h of 8,5 h: 3 529 bp → 35,3 %).
    let tenths = (bp + 5) / 10;
    format!("{}{sep}{}{nbsp}%", tenths / 10, tenths % 10)
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<Period>,
) -> WebResult<Response> {
    let centre = crate::places::managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let monday = booking::monday_of(crate::tracking::today());
    let default_end = monday
        .checked_add(time::Duration::days(6))
        .unwrap_or(monday);
    let from = if q.du.trim().is_empty() {
        monday
    } else {
        parse_date(&q.du).unwrap_or_else(|_| {
            errors.add("du", i, "place-error-date");
            monday
        })
    };
    let to = if q.au.trim().is_empty() {
        if q.du.trim().is_empty() {
            default_end
        } else {
            from.checked_add(time::Duration::days(6)).unwrap_or(from)
        }
    } else {
        parse_date(&q.au).unwrap_or_else(|_| {
            errors.add("au", i, "place-error-date");
            from
        })
    };
    if to < from {
        errors.add("au", i, "place-error-closure-order");
    } else if (to - from).whole_days() > 366 {
        errors.add("au", i, "occupancy-error-long");
    }
    let (du, au) = (iso(from), iso(to));
    let mut lines = Vec::new();
    let mut total = None;
    if errors.is_empty() {
        let place = store::places::place(&state.db, centre.id, &du).await?;
        let open = booking::open_seconds(
            &crate::places::hours(&place.hours),
            &crate::places::closures(&place),
            from,
            to,
        );
        let start = booking::instant(from, 0).unwrap_or(0);
        let end = booking::instant(to, 1440).unwrap_or(start);
        let booked = store::bookings::booked_seconds(&state.db, centre.id, start, end).await?;
        let mut sum = 0;
        let line = |name: String, b: i64, o: i64| {
            let bp = booking::share_bp(b, o);
            Line {
                name,
                booked: hours(i, b),
                open: hours(i, o),
                share: share(i, bp),
                percent: (bp / 100).min(100),
            }
        };
        for s in place.spaces.iter().filter(|s| s.bookable) {
            let b = booked
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or(0, |(_, secs)| *secs);
            sum += b;
            lines.push(line(s.name.clone(), b, open));
        }
        let n = i64::try_from(lines.len()).unwrap_or(0);
        if n > 0 {
            total = Some(line(i.t("occupancy-total"), sum, open * n));
        }
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = OccupancyView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("occupancy-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        du: if errors.get("du").is_some() { q.du } else { du },
        au: if errors.get("au").is_some() { q.au } else { au },
        errors,
        lines,
        total,
    };
    Ok((status, Html(view.render()?)).into_response())
}
