//! The staff's pipeline: a centre's applications, each with its answers, notes and scoring
//! grid, moved received → interview → accepted / waitlisted / declined with an e-mail at each
//! step, queued in the same unit of work. Accepting places the person (a participant of the
//! centre from then on) and their projects in a cohort, records the order of a paid offer and
//! sends the welcome.
use super::manage::{centre_by_slug, staff_centre};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::offer::{CRITERIA, MAX_SCORE, Status};
use domain::{Action, Role, Scope};
use serde::Deserialize;
use std::collections::BTreeMap;
use store::centres::CentreSummary;
use store::cohorts::Cohort;
use store::offers::Application;

pub struct Row {
    pub id: i64,
    pub name: String,
    pub offer: String,
    pub status: String,
    pub open: bool,
    pub when: String,
    pub score: i64,
}

#[derive(Template)]
#[template(path = "offers/applications.html")]
struct ListView {
    layout: Layout,
    centre: CentreSummary,
    rows: Vec<Row>,
}

pub fn status_label(i: I18n, s: Status) -> String {
    i.t(&format!("application-status-{}", s.code()))
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    let i = ctx.i;
    let rows = store::offers::applications_of_centre(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|a| Row {
            id: a.id,
            name: a.user_name,
            offer: a.offer_title,
            status: status_label(i, a.status),
            open: a.status.is_open(),
            when: i.date(a.created_at),
            score: a.score,
        })
        .collect();
    let view = ListView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("application-list-title", &[("centre", &centre.name)]),
        ),
        centre,
        rows,
    };
    Ok(Html(view.render()?).into_response())
}

pub struct Criterion {
    pub field: &'static str,
    pub label: String,
    pub value: i64,
}

#[derive(Template)]
#[template(path = "offers/application.html")]
struct ShowView {
    layout: Layout,
    a: Application,
    status: String,
    price: String,
    answers: Vec<(String, String)>,
    notes: Vec<(String, String, String)>,
    criteria: Vec<Criterion>,
    max_score: i64,
    /// The steps it may move to: (code, label).
    next: Vec<(&'static str, String)>,
    cohorts: Vec<(i64, String)>,
    errors: FieldErrors,
}

async fn application_for_staff(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<(Application, CentreSummary)> {
    let a = store::offers::application(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let centre = staff_centre(state, ctx, a.centre_id).await?;
    Ok((a, centre))
}

async fn render_show(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let (a, centre) = application_for_staff(state, ctx, id).await?;
    let notes = store::offers::notes(&state.db, id)
        .await?
        .into_iter()
        .map(|n| {
            (
                n.author.unwrap_or_default(),
                i.datetime(n.created_at),
                n.body,
            )
        })
        .collect();
    let cohorts = store::cohorts::for_centre(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|c| {
            let seats = i.ta(
                "cohort-seats",
                &[
                    ("taken", &i.number(c.participants)),
                    ("capacity", &i.number(c.capacity)),
                ],
            );
            (c.id, format!("{} · {seats}", c.name))
        })
        .collect();
    let scores: BTreeMap<String, i64> = serde_json::from_str(&a.scores).unwrap_or_default();
    let criteria = CRITERIA
        .iter()
        .map(|c| Criterion {
            field: c,
            label: i.t(&format!("application-criterion-{c}")),
            value: scores.get(*c).copied().unwrap_or(0),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, a.user_name.clone()).under(
            format!("/centres/{}/applications", centre.slug),
            i.ta("application-list-title", &[("centre", &centre.name)]),
        ),
        status: status_label(i, a.status),
        price: super::price(i, a.price_cents),
        answers: serde_json::from_str(&a.answers).unwrap_or_default(),
        notes,
        criteria,
        max_score: MAX_SCORE,
        next: a
            .status
            .next()
            .into_iter()
            .map(|s| (s.code(), i.t(&format!("application-move-{}", s.code()))))
            .collect(),
        cohorts,
        errors,
        a,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render_show(&state, &ctx, id, FieldErrors::default()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
    pub cohort: String,
}

pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> WebResult<Response> {
    let (a, _) = application_for_staff(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(to) = Status::parse(&form.status).filter(|to| a.status.can_move_to(*to)) else {
        errors.add("status", i, "application-error-step");
        return render_show(&state, &ctx, id, errors).await;
    };
    let mut tx = state.db.begin().await?;
    let mut cohort: Option<Cohort> = None;
    if to == Status::Accepted {
        let found = match form.cohort.trim().parse::<i64>() {
            Ok(c) => store::cohorts::find(&mut tx, c).await?,
            Err(_) => None,
        };
        let Some(c) = found.filter(|c| c.centre_id == a.centre_id) else {
            drop(tx);
            errors.add("cohort", i, "application-error-cohort");
            return render_show(&state, &ctx, id, errors).await;
        };
        store::centres::grant(&mut tx, a.user_id, a.centre_id, Role::Participant).await?;
        match store::cohorts::add_member_in(&mut tx, c.id, a.user_id, "participant").await {
            Ok(()) => {}
            Err(store::StoreError::Full) => {
                drop(tx);
                errors.add("cohort", i, "application-error-cohort-full");
                return render_show(&state, &ctx, id, errors).await;
            }
            Err(e) => return Err(e.into()),
        }
        store::cohorts::add_projects_of_in(&mut tx, &c, a.user_id).await?;
        crate::onboarding::start_in(&mut tx, a.user_id, Some(a.centre_id), store::now()).await?;
        if a.price_cents > 0 {
            match store::offers::create_order(&mut tx, &a).await {
                Ok(_) => {}
                // The centre's licence is suspended or expired: no new sale.
                Err(store::StoreError::Refused(key)) => {
                    drop(tx);
                    errors.add("status", i, key);
                    return render_show(&state, &ctx, id, errors).await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        cohort = Some(c);
    }
    match store::offers::move_to(&mut tx, id, a.status, to, cohort.as_ref().map(|c| c.id)).await {
        Ok(()) => {}
        Err(store::StoreError::Stale(_)) => {
            drop(tx);
            errors.add("status", i, "application-error-moved");
            return render_show(&state, &ctx, id, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    step_mail(&state, &a, to, cohort.as_ref())
        .queue_in(&mut tx)
        .await?;
    tx.commit().await?;
    state.jobs_queued();
    state.accounts_changed();
    state.changed();
    Ok(redirect_with_flash(
        &format!("/applications/{id}"),
        "flash-application-moved",
        &state,
    ))
}

/// The e-mail of a step, in the applicant's language: the welcome, with the cohort's page,
/// on acceptance.
fn step_mail<'a>(
    state: &AppState,
    a: &'a Application,
    to: Status,
    cohort: Option<&Cohort>,
) -> Compose<'a> {
    let i = super::i18n_of(&a.user_locale);
    let code = to.code();
    let cohort_name = cohort.map(|c| c.name.clone()).unwrap_or_default();
    let args: [(&'static str, &str); 2] = [("offer", &a.offer_title), ("cohort", &cohort_name)];
    let mut paragraphs = vec![i.ta(&format!("application-mail-{code}-body"), &args)];
    if to == Status::Accepted && a.price_cents > 0 {
        paragraphs.push(i.ta(
            "application-mail-order",
            &[("amount", &i.money(a.price_cents))],
        ));
    }
    let action = match cohort {
        Some(c) => (
            i.t("application-mail-cohort-action"),
            state.url(&format!("/cohorts/{}", c.id)),
        ),
        None => (
            i.t("application-mail-action"),
            state.url("/mes-candidatures"),
        ),
    };
    Compose {
        i,
        to: &a.user_email,
        subject: i.ta(&format!("application-mail-{code}-subject"), &args),
        greeting: i.ta("email-greeting", &[("name", &a.user_name)]),
        paragraphs,
        action: Some(action),
        after: Vec::new(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub body: String,
}

pub async fn note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NoteForm>,
) -> WebResult<Response> {
    let (a, _) = application_for_staff(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let mut errors = FieldErrors::default();
    let Some(body) = errors.check("body", ctx.i, text(&form.body, 2_000)) else {
        return render_show(&state, &ctx, id, errors).await;
    };
    store::offers::add_note(&state.db, a.id, user.id, &body).await?;
    Ok(redirect_with_flash(
        &format!("/applications/{id}#h-notes"),
        "flash-application-noted",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ScoresForm {
    pub motivation: String,
    pub impact: String,
    pub feasibility: String,
    pub availability: String,
}

pub async fn scores(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ScoresForm>,
) -> WebResult<Response> {
    let (a, _) = application_for_staff(&state, &ctx, id).await?;
    let mut errors = FieldErrors::default();
    let mut grid = BTreeMap::new();
    for (field, value) in [
        ("motivation", &form.motivation),
        ("impact", &form.impact),
        ("feasibility", &form.feasibility),
        ("availability", &form.availability),
    ] {
        match value.trim().parse::<i64>() {
            Ok(n) if (0..=MAX_SCORE).contains(&n) => {
                grid.insert(field, n);
            }
            _ => errors.add(field, ctx.i, "application-error-score"),
        }
    }
    if !errors.is_empty() {
        return render_show(&state, &ctx, id, errors).await;
    }
    let total = grid.values().sum();
    let json = serde_json::to_string(&grid).map_err(|e| WebError::Internal(e.to_string()))?;
    store::offers::set_scores(&state.db, a.id, &json, total).await?;
    Ok(redirect_with_flash(
        &format!("/applications/{id}"),
        "flash-application-scored",
        &state,
    ))
}
