//! Volunteers (`/centres/{slug}/benevoles`): the centre's bénévoles (typed, or taken from its
//! CRM contacts), their hours logged (a day, hours, the activity; more than 0 and at most 24 h a
//! day a person), totals per month and for the year, and the value of their time at the rate
//! the centre sets (the SMIC horaire brut by default), which « use in the budget » writes into
//! the centre's budget as its contribution in kind of volunteering. Its managers only.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::procedures::centre_for;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::team::{self, SMIC_HOURLY_CENTS};
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearQuery {
    pub annee: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VolunteerForm {
    pub contact: String,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HoursForm {
    pub volunteer: String,
    pub worked_on: String,
    pub hours: String,
    pub activity: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RateForm {
    pub rate: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BudgetForm {
    pub year: String,
}

/// The forms of the page, as typed, and their errors.
#[derive(Default)]
pub struct Forms {
    pub volunteer: VolunteerForm,
    pub hours: HoursForm,
    pub rate: RateForm,
    pub errors: FieldErrors,
}

pub struct VolunteerRow {
    pub name: String,
    pub email: String,
    pub from_crm: bool,
    pub hours: String,
}

pub struct HoursRow {
    pub day: String,
    pub volunteer: String,
    pub hours: String,
    pub activity: String,
}

#[derive(Template)]
#[template(path = "team/volunteers.html")]
struct VolunteersView {
    layout: Layout,
    slug: String,
    tabs: Vec<(String, &'static str, bool)>,
    year: i32,
    years: Vec<i32>,
    volunteers: Vec<VolunteerRow>,
    choices: Vec<(i64, String)>,
    contacts: Vec<(i64, String)>,
    hours: Vec<HoursRow>,
    months: Vec<(String, String, String)>,
    year_hours: String,
    year_value: String,
    rate_text: String,
    can_budget: bool,
    forms: Forms,
}

/// `150` minutes → « 2 h 30 ».
pub fn hours_text(i: crate::i18n::I18n, minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        i.ta("team-hours-whole", &[("hours", &i.number(h))])
    } else {
        i.ta(
            "team-hours-minutes",
            &[("hours", &i.number(h)), ("minutes", &format!("{m:02}"))],
        )
    }
}

/// A rate as the form shows it: `12,02` (French) or `12.02`.
fn rate_input(i: crate::i18n::I18n, cents: i64) -> String {
    let sep = if i.locale() == domain::Locale::Fr {
        ','
    } else {
        '.'
    };
    format!("{}{sep}{:02}", cents / 100, cents % 100)
}

fn chosen_year(q: &str) -> i32 {
    let this = crate::tracking::today().year();
    q.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=this + 1).contains(y))
        .unwrap_or(this)
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    year: i32,
    forms: Forms,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if forms.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let volunteers = store::team::volunteers(&state.db, centre.id).await?;
    let contacts = store::team::contacts(&state.db, centre.id).await?;
    let hours = store::team::hours(&state.db, centre.id, &year.to_string()).await?;
    let rate = store::team::rate(&state.db, centre.id)
        .await?
        .unwrap_or(SMIC_HOURLY_CENTS);
    let year_minutes: i64 = hours.iter().map(|h| h.minutes).sum();
    let mut by_month = team::totals(hours.iter().map(|h| (h.worked_on.as_str(), h.minutes)), 7);
    by_month.sort();
    let months = by_month
        .into_iter()
        .map(|(key, minutes)| {
            let label = key
                .get(5..7)
                .and_then(|m| m.parse::<u8>().ok())
                .map(|m| format!("{} {year}", i.t(&format!("month-{m}"))))
                .unwrap_or(key);
            (
                label,
                hours_text(i, minutes),
                i.money(team::value_cents(minutes, rate)),
            )
        })
        .collect();
    let this = crate::tracking::today().year();
    let view = VolunteersView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("team-volunteers-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        tabs: crate::procedures::tabs(&centre.slug, "benevoles"),
        year,
        years: (this - 3..=this).rev().collect(),
        choices: volunteers.iter().map(|v| (v.id, v.name.clone())).collect(),
        volunteers: volunteers
            .into_iter()
            .map(|v| VolunteerRow {
                hours: hours_text(i, v.minutes),
                from_crm: v.contact_id.is_some(),
                name: v.name,
                email: v.email,
            })
            .collect(),
        contacts: contacts
            .into_iter()
            .map(|(id, name, _)| (id, name))
            .collect(),
        hours: hours
            .into_iter()
            .take(50)
            .map(|h| HoursRow {
                day: crate::tracking::day(i, &h.worked_on),
                volunteer: h.volunteer,
                hours: hours_text(i, h.minutes),
                activity: h.activity,
            })
            .collect(),
        months,
        year_hours: hours_text(i, year_minutes),
        year_value: i.money(team::value_cents(year_minutes, rate)),
        rate_text: i.money(rate),
        can_budget: ctx
            .actor
            .can(Action::ManageCentreForecast, Scope::Centre(centre.id)),
        slug: centre.slug,
        forms: Forms {
            rate: RateForm {
                rate: if forms.rate.rate.is_empty() && forms.errors.get("rate").is_none() {
                    rate_input(i, rate)
                } else {
                    forms.rate.rate
                },
            },
            ..forms
        },
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let forms = Forms {
        hours: HoursForm {
            worked_on: domain::tracking::iso(crate::tracking::today()),
            ..HoursForm::default()
        },
        ..Forms::default()
    };
    render(&state, &ctx, centre, chosen_year(&q.annee), forms).await
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<VolunteerForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let (name, email, contact_id) = if form.contact.trim().is_empty() {
        let name = domain::procedures::check_text(&form.name, 120, true)
            .map_err(|e| errors.add("volunteer_name", i, e.message_key()))
            .ok();
        let email = if form.email.trim().is_empty() {
            Some(String::new())
        } else {
            domain::Email::parse(&form.email)
                .map(|e| e.as_str().to_string())
                .map_err(|e| errors.add("volunteer_email", i, e.message_key()))
                .ok()
        };
        (name, email, None)
    } else {
        // Only the centre's own contacts.
        let contact = form.contact.trim().parse::<i64>().ok();
        let found = match contact {
            Some(id) => store::team::contacts(&state.db, centre.id)
                .await?
                .into_iter()
                .find(|(c, _, _)| *c == id),
            None => None,
        };
        match found {
            Some((id, name, email)) => (Some(name), Some(email), Some(id)),
            None => {
                errors.add("volunteer_contact", i, "error-choice-unknown");
                (None, None, None)
            }
        }
    };
    let (Some(name), Some(email)) = (name, email) else {
        let forms = Forms {
            volunteer: form,
            errors,
            ..Forms::default()
        };
        return render(&state, &ctx, centre, chosen_year(""), forms).await;
    };
    match store::team::add_volunteer(&state.db, centre.id, &name, &email, contact_id).await {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("volunteer_name", i, "team-error-volunteer-taken");
            let forms = Forms {
                volunteer: form,
                errors,
                ..Forms::default()
            };
            return render(&state, &ctx, centre, chosen_year(""), forms).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/benevoles", centre.slug),
        "flash-team-volunteer-added",
        &state,
    ))
}

/// Logs time: hours more than 0 and at most 24 on a day (with what the person already logged
/// that day), refused beside the field, nothing stored.
pub async fn log(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<HoursForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let volunteers = store::team::volunteers(&state.db, centre.id).await?;
    let volunteer = form
        .volunteer
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| volunteers.iter().any(|v| v.id == *id));
    if volunteer.is_none() {
        errors.add("volunteer", i, "team-error-volunteer");
    }
    let day = domain::procedures::past_day(&form.worked_on, crate::tracking::today())
        .map_err(|e| errors.add("worked_on", i, e.message_key()))
        .ok();
    let minutes = team::parse_hours(&form.hours)
        .map_err(|e| errors.add("hours", i, e.message_key()))
        .ok();
    let activity = domain::procedures::check_text(&form.activity, 200, true)
        .map_err(|e| errors.add("activity", i, e.message_key()))
        .ok();
    let year = day.map(|d| d.year()).unwrap_or_else(|| chosen_year(""));
    let (Some(volunteer), Some(day), Some(minutes), Some(activity)) =
        (volunteer, day, minutes, activity)
    else {
        let forms = Forms {
            hours: form,
            errors,
            ..Forms::default()
        };
        return render(&state, &ctx, centre, year, forms).await;
    };
    let mut tx = state.db.begin().await?;
    let logged = store::team::log_hours_in(
        &mut tx,
        centre.id,
        volunteer,
        &domain::tracking::iso(day),
        minutes,
        &activity,
        team::MAX_MINUTES_A_DAY,
    )
    .await?;
    if logged.is_none() {
        drop(tx);
        errors.add("hours", i, team::TeamError::DayFull.message_key());
        let forms = Forms {
            hours: form,
            errors,
            ..Forms::default()
        };
        return render(&state, &ctx, centre, year, forms).await;
    }
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/benevoles?annee={year}", centre.slug),
        "flash-team-hours-logged",
        &state,
    ))
}

pub async fn set_rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<RateForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let rate = match team::parse_rate(&form.rate) {
        Ok(r) => r,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("rate", ctx.i, e.message_key());
            let forms = Forms {
                rate: form,
                errors,
                ..Forms::default()
            };
            return render(&state, &ctx, centre, chosen_year(""), forms).await;
        }
    };
    store::team::set_rate(&state.db, centre.id, rate).await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/benevoles", centre.slug),
        "flash-team-rate-saved",
        &state,
    ))
}

/// Writes the value of the year's volunteer time into the centre's budget as its contribution
/// in kind of volunteering (a new version of the budget, audited).
pub async fn to_budget(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<BudgetForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    ctx.authorize(Action::ManageCentreForecast, Scope::Centre(centre.id))?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let year = chosen_year(&form.year);
    let Some(budget) = store::forecasts::for_centre(&state.db, centre.id).await? else {
        return Ok(redirect_with_flash(
            &format!("/centres/{}/forecast", centre.slug),
            "flash-team-budget-missing",
            &state,
        ));
    };
    let mut plan =
        domain::forecast::parse(&budget.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let minutes = store::team::year_minutes(&state.db, centre.id, &year.to_string()).await?;
    let rate = store::team::rate(&state.db, centre.id)
        .await?
        .unwrap_or(SMIC_HOURLY_CENTS);
    let name = i.ta(
        "team-in-kind-name",
        &[
            ("year", &year.to_string()),
            ("hours", &hours_text(i, minutes)),
        ],
    );
    team::use_in_budget(&mut plan, &name, team::value_cents(minutes, rate));
    let note = i.ta("team-in-kind-note", &[("year", &year.to_string())]);
    match store::forecasts::save(
        &state.db,
        budget.id,
        budget.version,
        &plan.to_json(),
        &note,
        Some(user.id),
    )
    .await
    {
        Ok(_) => {}
        Err(e @ store::StoreError::Stale(_)) => {
            return Err(WebError::outcome(e, "team-error-budget-stale"));
        }
        Err(e) => return Err(e.into()),
    }
    crate::donations::audit(
        &state.db,
        &ctx,
        AuditAction::InKindTransferred,
        centre.id,
        Some(budget.id),
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/forecast", centre.slug),
        "flash-team-in-kind-used",
        &state,
    ))
}
