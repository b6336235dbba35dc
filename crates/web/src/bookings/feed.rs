//! A space's iCalendar feed (`/espaces/{id}/agenda.ics?cle=…`): its live bookings from a month
//! ago on, for a calendar application to subscribe to. The address is signed (`site::sign`,
//! purpose `space-feed`), so it opens without a session and cannot be guessed for another
//! space; its managers find it on the space's page.
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::respond::{self, Disposition};
use crate::site::Signed;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::booking::{FeedEntry, ics_feed};
use serde::Deserialize;

const PURPOSE: &str = "space-feed";
/// The feed's address does not expire (1 January 2100).
const FOREVER: i64 = 4_102_444_800;

/// The signed address of a space's feed.
pub async fn feed_href(state: &AppState, space_id: i64) -> WebResult<String> {
    let key = crate::site::sign(state, PURPOSE, space_id, FOREVER).await?;
    Ok(state.url(&format!("/espaces/{space_id}/agenda.ics?cle={key}")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedQuery {
    pub cle: String,
}

pub async fn ics(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<FeedQuery>,
) -> WebResult<Response> {
    let now = store::now();
    match crate::site::verify(&state, PURPOSE, &q.cle, now).await? {
        Signed::Valid(signed) if signed == id => {}
        _ => return Err(WebError::NotFound),
    }
    let space = store::places::space(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let bookings = store::bookings::of_space(&state.db, id, now - 31 * 86_400).await?;
    let host = state.url("/");
    let host = host
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let entries: Vec<FeedEntry> = bookings
        .iter()
        .map(|b| FeedEntry {
            uid: format!("booking-{}@{host}", b.id),
            summary: if b.booker.is_empty() {
                &b.space_name
            } else {
                &b.booker
            },
            starts_at: b.starts_at,
            ends_at: b.ends_at,
        })
        .collect();
    Ok(respond::file(
        ics_feed(&space.name, &entries, now).into_bytes(),
        "text/calendar; charset=utf-8",
        Disposition::Inline,
        "agenda.ics",
    ))
}
