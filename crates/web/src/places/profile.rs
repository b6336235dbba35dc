//! The centre's profile for its managers (`/centres/{slug}/lieu`): presentation, address,
//! contact, accessibility and the week's opening hours in one form (a day's hours typed as
//! `9:00-12:30, 14:00-18:00`, several ranges a day), and its closures (from a day to a day,
//! with a reason) added and removed one by one.
use super::{WEEKDAYS, managed_centre};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::booking;
use domain::tracking::{iso, parse_date};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::centres::CentreSummary;
use store::places::{HoursRow, Profile};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub presentation: String,
    pub address: String,
    pub postcode: String,
    pub email: String,
    pub phone: String,
    pub accessibility: String,
    pub day1: String,
    pub day2: String,
    pub day3: String,
    pub day4: String,
    pub day5: String,
    pub day6: String,
    pub day7: String,
}

impl ProfileForm {
    fn days(&self) -> [&str; 7] {
        [
            &self.day1, &self.day2, &self.day3, &self.day4, &self.day5, &self.day6, &self.day7,
        ]
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClosureForm {
    pub starts_on: String,
    pub ends_on: String,
    pub reason: String,
}

pub struct DayField {
    pub name: String,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
}

pub struct ClosureRow {
    pub id: i64,
    pub dates: String,
    pub reason: String,
}

/// The page's two smaller forms, with what was typed and their errors.
#[derive(Default)]
pub struct SideForms {
    pub closure: ClosureForm,
    pub closure_errors: FieldErrors,
    pub caption: String,
    pub photo_errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "places/profile.html")]
struct ProfileView {
    layout: Layout,
    slug: String,
    form: ProfileForm,
    days: Vec<DayField>,
    errors: FieldErrors,
    closures: Vec<ClosureRow>,
    photos: Vec<(i64, String)>,
    side: SideForms,
}

/// A closure's days as shown (« 24 décembre 2026 → 2 janvier 2027 »).
pub fn closure_dates(i: crate::i18n::I18n, starts_on: &str, ends_on: &str) -> String {
    if starts_on == ends_on {
        crate::tracking::day(i, starts_on)
    } else {
        format!(
            "{} → {}",
            crate::tracking::day(i, starts_on),
            crate::tracking::day(i, ends_on)
        )
    }
}

pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    form: ProfileForm,
    day_errors: [Option<String>; 7],
    errors: FieldErrors,
    side: SideForms,
) -> WebResult<Response> {
    let i = ctx.i;
    let today = iso(crate::tracking::today());
    let place = store::places::place(&state.db, centre.id, &today).await?;
    let status =
        if errors.is_empty() && side.closure_errors.is_empty() && side.photo_errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
    let days = form
        .days()
        .iter()
        .enumerate()
        .map(|(n, v)| DayField {
            name: format!("day{}", n + 1),
            label: i.t(WEEKDAYS[n]),
            value: (*v).to_string(),
            error: day_errors[n].clone(),
        })
        .collect();
    let view = ProfileView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("place-profile-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        form,
        days,
        errors,
        closures: place
            .closures
            .into_iter()
            .map(|c| ClosureRow {
                id: c.id,
                dates: closure_dates(i, &c.starts_on, &c.ends_on),
                reason: c.reason,
            })
            .collect(),
        photos: place.photos,
        side,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let form = current_form(&state, centre.id).await?;
    render(
        &state,
        &ctx,
        &centre,
        form,
        Default::default(),
        FieldErrors::default(),
        SideForms::default(),
    )
    .await
}

/// The profile's fields checked, each error beside its field (the new-centre flow types the
/// same fields).
pub(crate) fn checked_profile(
    errors: &mut FieldErrors,
    i: crate::i18n::I18n,
    form: &ProfileForm,
) -> Profile {
    let presentation = optional(errors, i, "presentation", &form.presentation, 2_000);
    let address = optional(errors, i, "address", &form.address, 200);
    let postcode = optional(errors, i, "postcode", &form.postcode, 10);
    let french_postcode = postcode.len() == 5 && postcode.bytes().all(|b| b.is_ascii_digit());
    if !postcode.is_empty() && !french_postcode {
        errors.add("postcode", i, "place-error-postcode");
    }
    let email = form.email.trim().to_string();
    if !email.is_empty() {
        errors.check("email", i, domain::Email::parse(&email));
    }
    let phone = optional(errors, i, "phone", &form.phone, 30);
    if !phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '.' | '-' | '(' | ')'))
    {
        errors.add("phone", i, "place-error-phone");
    }
    let accessibility = optional(errors, i, "accessibility", &form.accessibility, 2_000);
    Profile {
        presentation,
        address,
        postcode,
        email,
        phone,
        accessibility,
    }
}

/// An optional bounded text.
fn optional(
    errors: &mut FieldErrors,
    i: crate::i18n::I18n,
    field: &'static str,
    v: &str,
    max: usize,
) -> String {
    let v = v.trim();
    if v.chars().count() > max {
        errors.add(field, i, "error-too-long");
    }
    v.to_string()
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<ProfileForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let profile = checked_profile(&mut errors, i, &form);
    let mut day_errors: [Option<String>; 7] = Default::default();
    let mut rows = Vec::new();
    for (n, text) in form.days().iter().enumerate() {
        match booking::parse_day(text) {
            Ok(ranges) => rows.extend(ranges.into_iter().map(|r| HoursRow {
                weekday: n as i64,
                opens_min: r.opens,
                closes_min: r.closes,
            })),
            Err(e) => day_errors[n] = Some(i.t(e.message_key())),
        }
    }
    if !errors.is_empty() || day_errors.iter().any(Option::is_some) {
        return render(
            &state,
            &ctx,
            &centre,
            form,
            day_errors,
            errors,
            SideForms::default(),
        )
        .await;
    }
    let mut tx = state.db.begin().await?;
    store::places::save_profile_in(&mut tx, centre.id, &profile, &rows).await?;
    audit::record(
        &mut tx,
        AuditAction::CentreProfileSaved,
        Entry {
            actor_id: ctx.actor.user_id,
            centre_id: Some(centre.id),
            ..Entry::default()
        },
    )
    .await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/lieu", centre.slug),
        "flash-place-saved",
        &state,
    ))
}

pub async fn add_closure(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<ClosureForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let starts = parse_date(&form.starts_on).ok();
    if starts.is_none() {
        errors.add("starts_on", i, "place-error-date");
    }
    let ends = if form.ends_on.trim().is_empty() {
        starts
    } else {
        parse_date(&form.ends_on).ok()
    };
    match (starts, ends) {
        (Some(s), Some(e)) if e < s => errors.add("ends_on", i, "place-error-closure-order"),
        (_, None) => errors.add("ends_on", i, "place-error-date"),
        _ => {}
    }
    let reason = errors.check("reason", i, text(&form.reason, 120));
    let (Some(s), Some(e), Some(reason), true) = (starts, ends, reason, errors.is_empty()) else {
        let page_form = current_form(&state, centre.id).await?;
        return render(
            &state,
            &ctx,
            &centre,
            page_form,
            Default::default(),
            FieldErrors::default(),
            SideForms {
                closure: form,
                closure_errors: errors,
                ..SideForms::default()
            },
        )
        .await;
    };
    store::places::add_closure(&state.db, centre.id, &iso(s), &iso(e), &reason).await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/lieu#h-closures", centre.slug),
        "flash-closure-added",
        &state,
    ))
}

pub(super) async fn current_form(state: &AppState, centre_id: i64) -> WebResult<ProfileForm> {
    let today = iso(crate::tracking::today());
    let place = store::places::place(&state.db, centre_id, &today).await?;
    let hours = super::hours(&place.hours);
    let p = place.profile;
    let day = |n: usize| booking::format_day(&hours.days[n]);
    Ok(ProfileForm {
        presentation: p.presentation,
        address: p.address,
        postcode: p.postcode,
        email: p.email,
        phone: p.phone,
        accessibility: p.accessibility,
        day1: day(0),
        day2: day(1),
        day3: day(2),
        day4: day(3),
        day5: day(4),
        day6: day(5),
        day7: day(6),
    })
}

pub async fn remove_closure(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    if !store::places::remove_closure(&state.db, centre.id, id).await? {
        return Err(WebError::NotFound);
    }
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/lieu#h-closures", centre.slug),
        "flash-closure-removed",
        &state,
    ))
}
