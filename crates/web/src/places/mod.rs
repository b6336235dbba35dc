//! The centre and its place (issue 20): the profile its managers edit (address, contact,
//! presentation, accessibility, opening hours per weekday with several ranges, closures:
//! `profile`), its spaces with their booking rules (`spaces`), and what the public centre page
//! shows of it (`public`, rendered by `centres::show`). Hours and closures are read into
//! `domain::booking` types, which decide what is open.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::booking::{self, Closure, Hours, Range};
use domain::tracking::parse_date;
use domain::{Action, Scope};
use store::centres::CentreSummary;
use store::places::{HoursRow, Place};

pub mod demo;
mod photos;
pub(crate) mod profile;
pub mod public;
mod spaces;

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route(
            "/centres/{slug}/lieu",
            get(profile::page).post(profile::save),
        )
        .route(
            "/centres/{slug}/lieu/fermetures",
            post(profile::add_closure),
        )
        .route(
            "/centres/{slug}/lieu/fermetures/{id}/supprimer",
            post(profile::remove_closure),
        )
        .route(
            "/centres/{slug}/lieu/photos",
            post(photos::add).layer(upload_limit),
        )
        .route(
            "/centres/{slug}/lieu/photos/{id}/supprimer",
            post(photos::remove),
        )
        .route("/centres/{slug}/photos/{id}", get(photos::show))
        .route(
            "/centres/{slug}/espaces",
            get(spaces::list).post(spaces::create),
        )
        .route(
            "/centres/{slug}/espaces/{id}",
            get(spaces::edit).post(spaces::update),
        )
}

/// A centre whose place the signed-in person keeps (its managers, the network team).
pub(crate) async fn managed_centre(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> WebResult<CentreSummary> {
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManagePlace, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// The week's hours of stored rows.
pub fn hours(rows: &[HoursRow]) -> Hours {
    let mut h = Hours::default();
    for r in rows {
        if let Some(day) = usize::try_from(r.weekday)
            .ok()
            .and_then(|d| h.days.get_mut(d))
        {
            day.push(Range {
                opens: r.opens_min,
                closes: r.closes_min,
            });
        }
    }
    for day in &mut h.days {
        day.sort();
    }
    h
}

/// The closures that read as dates.
pub fn closures(place: &Place) -> Vec<Closure> {
    place
        .closures
        .iter()
        .filter_map(|c| {
            Some(Closure {
                starts_on: parse_date(&c.starts_on).ok()?,
                ends_on: parse_date(&c.ends_on).ok()?,
            })
        })
        .collect()
}

/// The weekday names' keys, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "place-weekday-1",
    "place-weekday-2",
    "place-weekday-3",
    "place-weekday-4",
    "place-weekday-5",
    "place-weekday-6",
    "place-weekday-7",
];

/// One weekday's hours as shown (« 09:00–12:30 · 14:00–18:00 », or « Fermé »).
pub fn day_text(i: crate::i18n::I18n, ranges: &[Range]) -> String {
    if ranges.is_empty() {
        return i.t("place-closed");
    }
    ranges
        .iter()
        .map(|r| format!("{}–{}", booking::clock(r.opens), booking::clock(r.closes)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// An area in square decimetres as square metres (« 42,5 m² »).
pub fn area(i: crate::i18n::I18n, dm2: i64) -> String {
    let whole = dm2 / 100;
    let rest = dm2 % 100;
    let n = i.number(whole);
    let sep = if i.code() == "fr" { "," } else { "." };
    if rest == 0 {
        format!("{n} m²")
    } else if rest % 10 == 0 {
        format!("{n}{sep}{} m²", rest / 10)
    } else {
        format!("{n}{sep}{rest:02} m²")
    }
}

/// A space's rules in one line (its list, its booking form, the public page).
pub fn spaces_rules_line(i: crate::i18n::I18n, s: &store::places::Space) -> String {
    spaces::rules_line(i, s)
}
