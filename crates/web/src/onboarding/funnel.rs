//! The funnel report of a centre's onboarding: of the people who started in a period, how many
//! reached each step and how many have really done it (a bar per step, drawn server-side in
//! SVG, and the same figures as CSV), then the people themselves, each pausable.
use crate::cohorts::centre_by_slug;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use store::centres::CentreSummary;
use store::onboarding::FunnelLine;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    /// First day (`YYYY-MM-DD`), empty for no bound.
    pub du: String,
    /// Last day, included.
    pub au: String,
}

/// A period read from the query: its bounds (unix, end excluded) and what was wrong.
struct Period {
    from: i64,
    to: i64,
    errors: FieldErrors,
}

fn period(i: I18n, q: &PeriodQuery) -> Period {
    let mut errors = FieldErrors::default();
    let mut day = |field: &'static str, text: &str, next: bool| -> Option<i64> {
        if text.trim().is_empty() {
            return None;
        }
        match domain::tracking::parse_date(text) {
            Ok(d) => {
                let d = if next { d.next_day()? } else { d };
                domain::time_zone::from_paris(d.midnight())
            }
            Err(_) => {
                errors.add(field, i, "onboarding-error-date");
                None
            }
        }
    };
    let from = day("du", &q.du, false).unwrap_or(0);
    let to = day("au", &q.au, true).unwrap_or(i64::MAX);
    Period { from, to, errors }
}

/// A step's bar: its name, figures and the widths of its two bars (per cent of the starts).
pub struct Bar {
    pub title: String,
    pub figures: String,
    pub reached: i64,
    pub completed: i64,
}

pub struct PersonRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub started: String,
    pub steps: String,
    pub status: String,
    pub status_class: &'static str,
    /// The button's action: pause (`true`) or resume; none when unsubscribed or waiting.
    pub pause: Option<bool>,
}

#[derive(Template)]
#[template(path = "onboarding/funnel.html")]
struct FunnelView {
    layout: Layout,
    centre: CentreSummary,
    du: String,
    au: String,
    errors: FieldErrors,
    started: String,
    bars: Vec<Bar>,
    people: Vec<PersonRow>,
    csv: String,
}

async fn staff_centre(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    let centre = centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    Ok(centre)
}

fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 100 / whole).clamp(0, 100)
    }
}

fn bars(i: I18n, started: i64, lines: &[FunnelLine]) -> Vec<Bar> {
    lines
        .iter()
        .map(|l| Bar {
            title: i.t(&format!("onboarding-step-{}", l.step.code())),
            figures: i.ta(
                "onboarding-funnel-figures",
                &[
                    ("reached", &i.number(l.reached)),
                    ("completed", &i.number(l.completed)),
                    ("percent", &i.number(percent(l.completed, started))),
                ],
            ),
            reached: percent(l.reached, started),
            completed: percent(l.completed, started),
        })
        .collect()
}

fn person(i: I18n, p: &store::onboarding::Person) -> PersonRow {
    let (status, status_class, pause) = if p.unsubscribed_at.is_some() {
        ("onboarding-status-unsubscribed", "badge-neutral", None)
    } else if p.address_pending != 0 {
        ("onboarding-status-pending", "badge-warning", None)
    } else if p.paused_at.is_some() {
        ("onboarding-status-paused", "badge-warning", Some(false))
    } else {
        ("onboarding-status-active", "badge-success", Some(true))
    };
    PersonRow {
        user_id: p.user_id,
        name: p.name.clone(),
        email: p.email.clone(),
        started: i.date(p.started_at),
        steps: i.ta(
            "onboarding-person-steps",
            &[
                ("reached", &i.number(p.reached)),
                (
                    "total",
                    &i.number(domain::onboarding::Step::ALL.len() as i64),
                ),
            ],
        ),
        status: i.t(status),
        status_class,
        pause,
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let p = period(i, &q);
    let (started, lines) =
        store::onboarding::funnel_report(&state.db, centre.id, p.from, p.to).await?;
    let people = store::onboarding::people(&state.db, centre.id, p.from, p.to).await?;
    let query =
        serde_urlencoded::to_string([("du", q.du.trim()), ("au", q.au.trim())]).unwrap_or_default();
    let view = FunnelView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("onboarding-funnel-title", &[("centre", &centre.name)]),
        )
        .under(
            format!("/centres/{}/onboarding", centre.slug),
            i.t("onboarding-settings-heading"),
        ),
        csv: format!("/centres/{}/onboarding/funnel.csv?{query}", centre.slug),
        centre,
        du: q.du,
        au: q.au,
        errors: p.errors,
        started: i.tn("onboarding-funnel-started", started),
        bars: bars(i, started, &lines),
        people: people.iter().map(|p| person(i, p)).collect(),
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let p = period(i, &q);
    let (started, lines) =
        store::onboarding::funnel_report(&state.db, centre.id, p.from, p.to).await?;
    let mut rows = vec![vec![
        i.t("onboarding-csv-step"),
        i.t("onboarding-csv-started"),
        i.t("onboarding-csv-reached"),
        i.t("onboarding-csv-completed"),
    ]];
    for l in &lines {
        rows.push(vec![
            l.step.code().to_string(),
            started.to_string(),
            l.reached.to_string(),
            l.completed.to_string(),
        ]);
    }
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("onboarding-{}.csv", centre.slug),
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PauseForm {
    /// `1` pauses, anything else resumes.
    pub pause: String,
}

/// Pauses or resumes one person's e-mails, from their line of the funnel page.
pub async fn pause(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, user)): Path<(String, i64)>,
    Form(form): Form<PauseForm>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let o = store::onboarding::find(&state.db, user)
        .await?
        .filter(|o| o.centre_id == Some(centre.id))
        .ok_or(WebError::NotFound)?;
    let flash = if form.pause == "1" {
        store::onboarding::set_paused(&state.db, o.user_id, Some(store::now())).await?;
        "flash-onboarding-paused"
    } else {
        super::resume(&state, o.user_id).await?;
        "flash-onboarding-resumed"
    };
    Ok(redirect_with_flash(
        &format!("/centres/{}/onboarding/funnel", centre.slug),
        flash,
        &state,
    ))
}
