//! Feedback after an event: staff send the survey invitations (a signed link each), a person
//! answers once without logging in, and staff read the results (NPS, averages, comments tagged
//! by theme, trend across the centre's events, CSV) beside the decisions taken because of them.
use super::registrations::when_and_where;
use super::{Signed, lead_mail, sign, verify};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::diagnostic::{Answer, Answers, Kind, field_name};
use domain::survey::{Survey, average, event_survey, nps, nps_of_counts};
use serde::Deserialize;
use store::site::Event;

const SURVEY: &str = "survey";
/// A survey link works this long after the event.
const SURVEY_TTL_SECS: i64 = 60 * 86_400;
pub(crate) const DECISION_MAX: usize = 2_000;

async fn staff_event(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Event> {
    let e = store::site::event(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(ctx, Action::ManageEvents, e.centre_id)?;
    Ok(e)
}

fn one_decimal(i: I18n, x: f64) -> String {
    let s = format!("{x:.1}");
    if i.code() == "fr" {
        s.replace('.', ",")
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Invitations

/// Sends the survey to those who came (or, when nobody was checked in, to every confirmed
/// registration), each once.
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    let now = store::now();
    let ids = store::feedback::to_invite(&state.db, e.id, now).await?;
    for reg in &ids {
        let Some(d) = store::events::detail(&state.db, *reg).await? else {
            continue;
        };
        let token = sign(&state, SURVEY, d.id, d.ends_at + SURVEY_TTL_SECS).await?;
        let i = I18n::new(d.locale);
        let compose = Compose {
            i,
            to: &d.email,
            subject: i.ta("feedback-mail-subject", &[("event", &d.event_title)]),
            greeting: i.ta("email-greeting", &[("name", &d.name)]),
            paragraphs: vec![
                i.ta("feedback-mail-body", &[("event", &d.event_title)]),
                i.t("feedback-mail-why"),
            ],
            action: Some((
                i.t("feedback-mail-action"),
                state.url(&format!("/avis/{token}")),
            )),
            after: vec![i.t("email-ignore-if-not-you")],
        };
        let mail = lead_mail(&state, &state.db, compose, d.lead_id, now, false).await?;
        crate::mail::queue_mail_in(&state.db, &mail).await?;
    }
    state.jobs_queued();
    let key = if ids.is_empty() {
        "flash-feedback-none"
    } else {
        "flash-feedback-invited"
    };
    Ok(respond::redirect_with_flash(
        &format!("/admin/evenements/{id}/avis"),
        key,
        &state,
    ))
}

// ---------------------------------------------------------------------------------------------
// Answering

pub(crate) struct QuestionView {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) hint: String,
    /// `nps`, `scale`, `single`, `short` or `long`.
    pub(crate) kind: &'static str,
    pub(crate) required: bool,
    /// (value, label) of the buttons of a 0–10, 1–5 or single-choice question.
    pub(crate) options: Vec<(String, String)>,
    pub(crate) value: String,
    pub(crate) error: Option<String>,
    /// What the ends of a 1–5 scale mean.
    pub(crate) ends: String,
}

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

pub(crate) fn question_views(
    i: I18n,
    survey: &Survey,
    fields: &[(String, String)],
    errors: &[(String, String)],
) -> Vec<QuestionView> {
    let locale = i.locale();
    survey
        .questions
        .iter()
        .map(|q| {
            let name = field_name(&q.key);
            let value = fields
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let (kind, options) = match q.kind {
                Kind::Number => (
                    "nps",
                    (0..=10).map(|n| (n.to_string(), n.to_string())).collect(),
                ),
                Kind::Scale => (
                    "scale",
                    (1..=5).map(|n| (n.to_string(), n.to_string())).collect(),
                ),
                Kind::Single | Kind::Multiple => (
                    "single",
                    q.options
                        .iter()
                        .map(|o| (o.key.clone(), o.label.get(locale).to_string()))
                        .collect(),
                ),
                Kind::ShortText => ("short", Vec::new()),
                Kind::LongText => ("long", Vec::new()),
            };
            QuestionView {
                label: q.label.get(locale).to_string(),
                hint: q.hint.get(locale).to_string(),
                kind,
                required: q.required,
                options,
                value,
                error: errors
                    .iter()
                    .find(|(k, _)| *k == q.key)
                    .map(|(_, m)| m.clone()),
                ends: q
                    .scale
                    .as_ref()
                    .map(|s| {
                        i.ta(
                            "feedback-scale-ends",
                            &[("low", s.low.get(locale)), ("high", s.high.get(locale))],
                        )
                    })
                    .unwrap_or_default(),
                name,
            }
        })
        .collect()
}

fn message(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    heading: &str,
    body: &str,
) -> WebResult<Response> {
    let mut r =
        crate::message::message(state, ctx, heading, &[body], Some(("/", "error-back-home")))?;
    *r.status_mut() = status;
    Ok(r)
}

/// The registration a survey link names, or the answer to give instead.
async fn respondent(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
) -> WebResult<Result<store::events::Detail, Response>> {
    let id = match verify(state, SURVEY, token, store::now()).await? {
        Signed::Valid(id) => id,
        Signed::Expired(_) => {
            return Ok(Err(message(
                state,
                ctx,
                StatusCode::GONE,
                "event-cancel-expired-title",
                "feedback-expired",
            )?));
        }
        Signed::Forged => {
            return Ok(Err(message(
                state,
                ctx,
                StatusCode::BAD_REQUEST,
                "link-invalid-title",
                "feedback-forged",
            )?));
        }
    };
    let Some(d) = store::events::detail(&state.db, id).await? else {
        return Err(WebError::NotFound);
    };
    if store::feedback::answered(&state.db, id).await? {
        return Ok(Err(message(
            state,
            ctx,
            StatusCode::CONFLICT,
            "feedback-answered-title",
            "feedback-answered",
        )?));
    }
    Ok(Ok(d))
}

async fn render_survey(
    state: &AppState,
    ctx: &Ctx,
    d: &store::events::Detail,
    token: &str,
    fields: &[(String, String)],
    errors: &[(String, String)],
) -> WebResult<Response> {
    let i = ctx.i;
    let survey = event_survey();
    let view = SurveyView {
        layout: Layout::new(state, ctx, survey.title.get(i.locale()).to_string()),
        intro: survey.intro.get(i.locale()).to_string(),
        event: d.event_title.clone(),
        when: when_and_where(i, d),
        action: format!("/avis/{token}"),
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
    Path(token): Path<String>,
) -> WebResult<Response> {
    match respondent(&state, &ctx, &token).await? {
        Ok(d) => render_survey(&state, &ctx, &d, &token, &[], &[]).await,
        Err(answer) => Ok(answer),
    }
}

pub async fn survey_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let d = match respondent(&state, &ctx, &token).await? {
        Ok(d) => d,
        Err(answer) => return Ok(answer),
    };
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
        return render_survey(&state, &ctx, &d, &token, &fields, &errors).await;
    }
    let answers =
        serde_json::to_string(&input.set).map_err(|e| WebError::Internal(e.to_string()))?;
    let fresh = store::feedback::answer(
        &state.db,
        &store::feedback::NewResponse {
            event_id: d.event_id,
            registration_id: d.id,
            survey: &survey.id,
            version: i64::from(survey.version),
            answers: &answers,
            nps: survey.nps_score(&input.set),
        },
        store::now(),
    )
    .await?;
    if !fresh {
        return message(
            &state,
            &ctx,
            StatusCode::CONFLICT,
            "feedback-answered-title",
            "feedback-answered",
        );
    }
    message(
        &state,
        &ctx,
        StatusCode::OK,
        "feedback-thanks-title",
        "feedback-thanks",
    )
}

// ---------------------------------------------------------------------------------------------
// Results

pub(crate) struct Rating {
    pub(crate) label: String,
    pub(crate) average: String,
    /// Width of the bar, in percent of 5.
    pub(crate) percent: i64,
    pub(crate) answers: String,
}

pub(crate) struct Comment {
    pub(crate) question: String,
    pub(crate) text: String,
    pub(crate) tags: Vec<String>,
}

struct TrendLine {
    title: String,
    when: String,
    nps: String,
    answers: String,
    current: bool,
}

/// A line of a decision log: what was changed, because of what, by whom and when.
pub(crate) struct DecisionLine {
    pub decision: String,
    pub because: String,
    pub by: String,
}

/// A decision log as its page shows it.
pub(crate) fn decision_lines(i: I18n, rows: Vec<store::feedback::Decision>) -> Vec<DecisionLine> {
    rows.into_iter()
        .map(|d| DecisionLine {
            by: i.ta(
                "feedback-decision-by",
                &[
                    ("name", d.author.as_deref().unwrap_or("–")),
                    ("date", &i.date(d.created_at)),
                ],
            ),
            decision: d.decision,
            because: d.because,
        })
        .collect()
}

/// A decision form checked: (decision, because), each mistake beside its field.
pub(crate) fn check_decision(
    i: I18n,
    form: &DecisionForm,
    errors: &mut FieldErrors,
) -> Option<(String, String)> {
    let decision = errors.check("decision", i, text(&form.decision, DECISION_MAX));
    let because = errors.check(
        "because",
        i,
        domain::site::optional_text(&form.because, DECISION_MAX),
    );
    match (decision, because) {
        (Some(d), Some(b)) if errors.is_empty() => Some((d, b)),
        _ => None,
    }
}

#[derive(Template)]
#[template(path = "site/feedback_results.html")]
struct ResultsView {
    layout: Layout,
    when: String,
    responses: String,
    nps: String,
    nps_detail: String,
    ratings: Vec<Rating>,
    comments: Vec<Comment>,
    trend: Vec<TrendLine>,
    decisions: Vec<DecisionLine>,
    action: String,
    csv: String,
    form: DecisionForm,
    errors: FieldErrors,
    decision_max: usize,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub decision: String,
    pub because: String,
}

fn parsed(rows: &[(String, i64)]) -> Vec<Answers> {
    rows.iter()
        .filter_map(|(json, _)| serde_json::from_str::<Answers>(json).ok())
        .collect()
}

/// What the answers to the survey say: how many, the NPS, the average ratings, the comments
/// tagged by theme. Events and cohorts show it the same way.
pub(crate) struct Summary {
    pub(crate) responses: String,
    pub(crate) nps: String,
    pub(crate) nps_detail: String,
    pub(crate) ratings: Vec<Rating>,
    pub(crate) comments: Vec<Comment>,
}

pub(crate) fn summarise(i: I18n, all: &[Answers]) -> Summary {
    let locale = i.locale();
    let survey = event_survey();
    let scores: Vec<i64> = all.iter().filter_map(|a| survey.nps_score(a)).collect();
    let ratings = survey
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Scale)
        .map(|q| {
            let avg = average(all.iter(), &q.key);
            let count = all.iter().filter(|a| a.contains_key(&q.key)).count() as i64;
            Rating {
                label: q.label.get(locale).to_string(),
                average: avg.map_or_else(|| "–".into(), |a| format!("{} / 5", one_decimal(i, a))),
                percent: avg.map_or(0, |a| (a * 20.0).round() as i64),
                answers: i.tn("feedback-answers", count),
            }
        })
        .collect();
    let comments = all
        .iter()
        .flat_map(|a| {
            survey
                .questions
                .iter()
                .filter(|q| matches!(q.kind, Kind::LongText | Kind::ShortText))
                .filter_map(move |q| match a.get(&q.key) {
                    Some(Answer::Text(t)) if !t.trim().is_empty() => Some(Comment {
                        question: q.label.get(locale).to_string(),
                        tags: survey
                            .themes_of(t)
                            .iter()
                            .map(|th| th.label.get(locale).to_string())
                            .collect(),
                        text: t.clone(),
                    }),
                    _ => None,
                })
        })
        .collect();
    let promoters = scores.iter().filter(|s| **s >= 9).count() as i64;
    let detractors = scores.iter().filter(|s| **s <= 6).count() as i64;
    Summary {
        responses: i.tn("feedback-answers", all.len() as i64),
        nps: nps(&scores).map_or_else(|| "–".into(), |n| format!("{n:+}")),
        nps_detail: i.ta(
            "feedback-nps-detail",
            &[
                ("promoters", &i.number(promoters)),
                (
                    "passives",
                    &i.number(scores.len() as i64 - promoters - detractors),
                ),
                ("detractors", &i.number(detractors)),
            ],
        ),
        ratings,
        comments,
    }
}

async fn render_results(
    state: &AppState,
    ctx: &Ctx,
    e: Event,
    form: DecisionForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let all = parsed(&store::feedback::responses(&state.db, e.id).await?);
    let summary = summarise(i, &all);
    let trend = store::feedback::trend(&state.db, e.centre_id)
        .await?
        .into_iter()
        .map(|t| TrendLine {
            current: t.event_id == e.id,
            title: t.title,
            when: i.date(t.starts_at),
            nps: nps_of_counts(t.answers, t.promoters, t.detractors)
                .map_or_else(|| "–".into(), |n| format!("{n:+}")),
            answers: i.number(t.answers),
        })
        .collect();
    let decisions = decision_lines(i, store::feedback::decisions(&state.db, e.id).await?);
    let view = ResultsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("feedback-results-title", &[("event", &e.title)]),
        ),
        when: i.datetime(e.starts_at),
        responses: summary.responses,
        nps: summary.nps,
        nps_detail: summary.nps_detail,
        ratings: summary.ratings,
        comments: summary.comments,
        trend,
        decisions,
        action: format!("/admin/evenements/{}/avis", e.id),
        csv: format!("/admin/evenements/{}/avis.csv", e.id),
        form,
        errors,
        decision_max: DECISION_MAX,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    render_results(
        &state,
        &ctx,
        e,
        DecisionForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// Records what the team changed because of the feedback.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some((decision, because)) = check_decision(i, &form, &mut errors) else {
        return render_results(&state, &ctx, e, form, errors).await;
    };
    store::feedback::decide(&state.db, e.id, &decision, &because, user.id, store::now()).await?;
    Ok(respond::redirect_with_flash(
        &format!("/admin/evenements/{id}/avis"),
        "flash-feedback-decided",
        &state,
    ))
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    let i = ctx.i;
    let survey = event_survey();
    let rows = store::feedback::responses(&state.db, e.id).await?;
    let mut out = vec![
        std::iter::once(i.t("feedback-col-date"))
            .chain(survey.questions.iter().map(|q| q.key.clone()))
            .collect::<Vec<_>>(),
    ];
    for (json, at) in &rows {
        let Ok(a) = serde_json::from_str::<Answers>(json) else {
            continue;
        };
        let mut row = vec![i.datetime(*at)];
        for q in &survey.questions {
            row.push(match a.get(&q.key) {
                Some(Answer::Number(n)) => n.to_string(),
                Some(Answer::Text(t)) => t.clone(),
                Some(Answer::Many(keys)) => keys.join(" "),
                None => String::new(),
            });
        }
        out.push(row);
    }
    Ok(respond::file(
        respond::csv(&out),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("avis-{}.csv", e.slug),
    ))
}
