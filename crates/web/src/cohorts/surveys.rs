//! Surveys after a cohort's sessions and at the cohort's end, with the feedback engine of the
//! events (the same survey, NPS, ratings, themed comments). Adding a session or dating a
//! cohort queues a job for when it ends; the job invites each participant once (a row per
//! person and session, or per person for the cohort) by e-mail. A participant answers signed
//! in; staff read the cohort's results and their trend across sessions.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::site::{QuestionView, question_views, summarise};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::diagnostic::Answers;
use domain::survey::{event_survey, nps_of_counts};
use domain::{Action, Scope};
use store::cohorts::Cohort;

/// The job that invites a cohort's participants: payload `cohort:session` (session 0: the
/// cohort's end).
pub const SURVEY_JOB: &str = "cohort_survey";
/// A session is over this long after it starts (sessions keep only their start).
pub const SESSION_SECS: i64 = 3 * 3_600;

/// When a cohort is over: the evening of its last day.
fn cohort_end(cohort: &Cohort) -> Option<i64> {
    let day = domain::tracking::parse_date(&cohort.ends_on).ok()?;
    Some(day.with_hms(18, 0, 0).ok()?.assume_utc().unix_timestamp())
}

/// Queues the invitations for when a session ends, inside the change's unit of work or not.
pub async fn schedule<'e>(
    ex: impl Into<store::Exec<'e>>,
    cohort_id: i64,
    session_id: i64,
    at: i64,
) -> WebResult<()> {
    let payload = format!("{cohort_id}:{session_id}");
    store::jobs::enqueue(ex, SURVEY_JOB, &payload, Some(at)).await?;
    Ok(())
}

/// Queues the invitations for the cohort's end.
pub async fn schedule_end(state: &AppState, cohort: &Cohort) -> WebResult<()> {
    if let Some(at) = cohort_end(cohort) {
        schedule(&state.db, cohort.id, 0, at).await?;
    }
    Ok(())
}

/// The job: when the session (or the cohort) is over, invites each participant not invited
/// yet; when it was moved later, waits for its new end.
pub async fn deliver(state: &AppState, payload: &str, _job_id: i64) -> Result<(), String> {
    let bad = || format!("payload {payload:?}");
    let (cohort, session) = payload.split_once(':').ok_or_else(bad)?;
    let cohort: i64 = cohort.parse().map_err(|_| bad())?;
    let session: i64 = session.parse().map_err(|_| bad())?;
    invite(state, cohort, session, store::now())
        .await
        .map_err(|e| e.to_string())
}

async fn invite(state: &AppState, cohort_id: i64, session_id: i64, now: i64) -> WebResult<()> {
    let Some(cohort) = store::cohorts::find(&state.db, cohort_id).await? else {
        return Ok(());
    };
    let (ends, what) = if session_id == 0 {
        (cohort_end(&cohort), cohort.name.clone())
    } else {
        let sessions = store::cohorts::sessions(&state.db, cohort.id).await?;
        let Some(s) = sessions.into_iter().find(|s| s.id == session_id) else {
            return Ok(());
        };
        (Some(s.starts_at + SESSION_SECS), s.title)
    };
    let Some(ends) = ends else {
        return Ok(());
    };
    if ends > now {
        return schedule(&state.db, cohort.id, session_id, ends).await;
    }
    let people = store::cohorts::people(&state.db, &cohort, false).await?;
    let mut tx = state.db.begin().await?;
    let invited = store::cohort_surveys::invite_in(&mut tx, cohort.id, session_id, now).await?;
    for (id, user) in &invited {
        let Some(p) = people.iter().find(|p| p.user_id == *user) else {
            continue;
        };
        let locale = store::accounts::find_user(&state.db, *user)
            .await?
            .map(|u| u.locale)
            .unwrap_or_default();
        let i = I18n::new(locale);
        Compose {
            i,
            to: &p.email,
            subject: i.ta("cohort-survey-mail-subject", &[("what", &what)]),
            greeting: i.ta("email-greeting", &[("name", &p.display_name)]),
            paragraphs: vec![
                i.ta("cohort-survey-mail-body", &[("what", &what)]),
                i.t("feedback-mail-why"),
            ],
            action: Some((
                i.t("feedback-mail-action"),
                state.url(&format!("/cohorts/{}/avis/{id}", cohort.id)),
            )),
            after: Vec::new(),
        }
        .queue_in(&mut tx)
        .await?;
    }
    tx.commit().await?;
    state.jobs_queued();
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Answering, signed in

#[derive(Template)]
#[template(path = "site/survey.html")]
struct SurveyView {
    layout: Layout,
    intro: String,
    event: String,
    when: String,
    action: String,
    questions: Vec<QuestionView>,
    has_errors: bool,
}

/// The invitation, for the person it was sent to; anyone else finds nothing.
async fn invitation(
    state: &AppState,
    ctx: &Ctx,
    cohort_id: i64,
    id: i64,
) -> WebResult<(Cohort, store::cohort_surveys::Invitation)> {
    let user = ctx.require_user()?;
    let inv = store::cohort_surveys::find(&state.db, id)
        .await?
        .filter(|v| v.cohort_id == cohort_id && v.user_id == user.id)
        .ok_or(WebError::NotFound)?;
    let cohort = store::cohorts::find(&state.db, cohort_id)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((cohort, inv))
}

fn answered(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    let mut r = crate::message::message(
        state,
        ctx,
        "feedback-answered-title",
        &["feedback-answered"],
        Some(("/dashboard", "cohort-survey-back")),
    )?;
    *r.status_mut() = StatusCode::CONFLICT;
    Ok(r)
}

fn render_survey(
    state: &AppState,
    ctx: &Ctx,
    cohort: &Cohort,
    inv: &store::cohort_surveys::Invitation,
    fields: &[(String, String)],
    errors: &[(String, String)],
) -> WebResult<Response> {
    let i = ctx.i;
    let survey = event_survey();
    let view = SurveyView {
        layout: Layout::new(state, ctx, survey.title.get(i.locale()).to_string()),
        intro: survey.intro.get(i.locale()).to_string(),
        event: cohort.name.clone(),
        when: if inv.session_id == 0 {
            i.t("cohort-survey-whole")
        } else {
            inv.session_title.clone()
        },
        action: format!("/cohorts/{}/avis/{}", cohort.id, inv.id),
        questions: question_views(i, survey, fields, errors),
        has_errors: !errors.is_empty(),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn survey_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, inv)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (cohort, inv) = invitation(&state, &ctx, id, inv).await?;
    if inv.answered_at.is_some() {
        return answered(&state, &ctx);
    }
    render_survey(&state, &ctx, &cohort, &inv, &[], &[])
}

pub async fn survey_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, inv)): Path<(i64, i64)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (cohort, inv) = invitation(&state, &ctx, id, inv).await?;
    if inv.answered_at.is_some() {
        return answered(&state, &ctx);
    }
    let i = ctx.i;
    let survey = event_survey();
    let (input, missing) = survey.read(&fields);
    let mut errors: Vec<(String, String)> = input
        .errors
        .iter()
        .map(|(k, e, _)| (k.clone(), i.t(e.message_key())))
        .collect();
    errors.extend(missing.into_iter().map(|k| (k, i.t("feedback-required"))));
    if !errors.is_empty() {
        return render_survey(&state, &ctx, &cohort, &inv, &fields, &errors);
    }
    let answers =
        serde_json::to_string(&input.set).map_err(|e| WebError::Internal(e.to_string()))?;
    let fresh = store::cohort_surveys::answer(
        &state.db,
        inv.id,
        &store::cohort_surveys::NewAnswer {
            survey: &survey.id,
            version: i64::from(survey.version),
            answers: &answers,
            nps: survey.nps_score(&input.set),
        },
        store::now(),
    )
    .await?;
    if !fresh {
        return answered(&state, &ctx);
    }
    crate::message::message(
        &state,
        &ctx,
        "feedback-thanks-title",
        &["feedback-thanks"],
        Some((&format!("/cohorts/{}", cohort.id), "cohort-survey-back")),
    )
}

// ---------------------------------------------------------------------------------------------
// Results

struct StepLine {
    title: String,
    when: String,
    nps: String,
    answers: String,
}

#[derive(Template)]
#[template(path = "cohorts/feedback.html")]
struct ResultsView {
    layout: Layout,
    summary: crate::site::Summary,
    trend: Vec<StepLine>,
    /// The decision log beside the results (`site/decisions.html`).
    decisions: Vec<crate::site::DecisionLine>,
    action: String,
    form: crate::site::DecisionForm,
    errors: FieldErrors,
    decision_max: usize,
}

/// The cohort's results for its centre's staff: every answer together, then session by session.
pub async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (cohort, _) = super::cohort_for(&state, &ctx, id).await?;
    render_results(
        &state,
        &ctx,
        cohort,
        crate::site::DecisionForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// `POST /cohorts/{id}/avis/decisions`: the staff record what they changed because of the
/// cohort's feedback; a mistake goes back beside its field with what was typed.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<crate::site::DecisionForm>,
) -> WebResult<Response> {
    let (cohort, _) = super::cohort_for(&state, &ctx, id).await?;
    ctx.authorize(Action::ListProjects, Scope::Centre(cohort.centre_id))?;
    let user = ctx.require_user()?;
    let mut errors = FieldErrors::default();
    let Some((decision, because)) = crate::site::check_decision(ctx.i, &form, &mut errors) else {
        return render_results(&state, &ctx, cohort, form, errors).await;
    };
    store::feedback::cohort_decide(
        &state.db,
        cohort.id,
        &decision,
        &because,
        user.id,
        store::now(),
    )
    .await?;
    Ok(crate::respond::redirect_with_flash(
        &format!("/cohorts/{id}/avis"),
        "flash-feedback-decided",
        &state,
    ))
}

async fn render_results(
    state: &AppState,
    ctx: &Ctx,
    cohort: Cohort,
    form: crate::site::DecisionForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let id = cohort.id;
    ctx.authorize(Action::ListProjects, Scope::Centre(cohort.centre_id))?;
    let i = ctx.i;
    // The answers and the trend in one read, kept a few seconds (`AppState::reads`).
    let results = state
        .reads
        .get_or_read(
            format!("cohort-survey:{}", cohort.id),
            store::cohort_surveys::results(&state.db, cohort.id),
        )
        .await?;
    let all: Vec<Answers> = results
        .answers
        .iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    let trend = results
        .trend
        .iter()
        .map(|t| StepLine {
            title: if t.session_id == 0 {
                i.t("cohort-survey-whole")
            } else {
                t.title.clone()
            },
            when: if t.session_id == 0 {
                crate::tracking::day(i, &cohort.ends_on)
            } else {
                i.date(t.starts_at)
            },
            nps: nps_of_counts(t.answers, t.promoters, t.detractors)
                .map_or_else(|| "–".into(), |n| format!("{n:+}")),
            answers: i.ta(
                "cohort-survey-answered",
                &[
                    ("answers", &i.number(t.answers)),
                    ("invited", &i.number(t.invited)),
                ],
            ),
        })
        .collect();
    let view = ResultsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("feedback-results-title", &[("event", &cohort.name)]),
        )
        .under(format!("/cohorts/{id}"), cohort.name.clone()),
        summary: summarise(i, &all),
        trend,
        decisions: crate::site::decision_lines(
            i,
            store::feedback::cohort_decisions(&state.db, cohort.id).await?,
        ),
        action: format!("/cohorts/{id}/avis"),
        form,
        errors,
        decision_max: crate::site::DECISION_MAX,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}
