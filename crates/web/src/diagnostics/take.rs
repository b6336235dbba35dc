//! Taking a diagnostic: the list, a diagnostic's introduction, starting (or resuming) an
//! attempt, and one page per section whose answers are saved at every step.
use super::{Access, RESPONDENT_COOKIE, answerable_projects, attempt_for, current, definition};
use crate::cookies;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Action;
use domain::diagnostic::{
    Answer, AnswerError, Answers, Definition, Kind, Question, field_name, read_page, shipped,
};
use serde::Deserialize;
use store::StoreError;
use store::diagnostics::{NewAttempt, Owner};

pub struct DiagnosticCard {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub meta: String,
}

fn card(i: I18n, d: &Definition) -> DiagnosticCard {
    DiagnosticCard {
        id: d.id.clone(),
        title: d.title.get(i.locale).to_string(),
        intro: d.intro.get(i.locale).to_string(),
        meta: i.ta(
            "diagnostics-meta",
            &[
                ("minutes", &i.number(i64::from(d.minutes))),
                // Counted as the progress bar counts them at the start: the questions asked
                // whatever the answers (a follow-up question appears only when it applies).
                (
                    "questions",
                    &i.number(d.progress(&Default::default()).1 as i64),
                ),
            ],
        ),
    }
}

#[derive(Template)]
#[template(path = "diagnostics/list.html")]
struct ListView {
    layout: Layout,
    cards: Vec<DiagnosticCard>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let mut cards = Vec::new();
    for d in shipped() {
        let def = current(&state, &d.id).await?;
        cards.push(card(ctx.i, &def));
    }
    let view = ListView {
        layout: Layout::new(&state, &ctx, ctx.i.t("diagnostics-title")),
        cards,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Template)]
#[template(path = "diagnostics/intro.html")]
struct IntroView {
    layout: Layout,
    card: DiagnosticCard,
    dimensions: Vec<(String, String)>,
    signed_in: bool,
    projects: Vec<(i64, String)>,
    resume: Option<String>,
    /// A signed-in person's own results (not on a project): attempt id, date, overall score.
    mine: Vec<(i64, String, i64)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct IntroQuery {
    pub project: Option<i64>,
}

pub async fn intro(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<IntroQuery>,
) -> WebResult<Response> {
    let def = current(&state, &id).await?;
    let i = ctx.i;
    let mut projects: Vec<(i64, String)> = answerable_projects(&state, &ctx)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    // The project the reader came from goes first (it is the one selected).
    if let Some(wanted) = q.project
        && let Some(pos) = projects.iter().position(|(p, _)| *p == wanted)
    {
        let chosen = projects.remove(pos);
        projects.insert(0, chosen);
    }
    let resume = match (&ctx.user, super::respondent(&headers)) {
        (None, Some(hash)) => {
            store::diagnostics::open_attempt(&state.db, &def.id, &Owner::Respondent(hash))
                .await?
                .map(|a| first_page_url(&def, &a))
        }
        _ => None,
    };
    let mine = match &ctx.user {
        Some(user) => store::diagnostics::history(&state.db, &def.id, &Owner::User(user.id))
            .await?
            .iter()
            .rev()
            .map(|a| {
                (
                    a.id,
                    i.date(a.submitted_at.unwrap_or(a.updated_at)),
                    a.overall.unwrap_or(0),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let view = IntroView {
        layout: Layout::new(&state, &ctx, def.title.get(i.locale).to_string()),
        card: card(i, &def),
        dimensions: def
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.name.get(i.locale).to_string(),
                    d.description.get(i.locale).to_string(),
                )
            })
            .collect(),
        signed_in: ctx.user.is_some(),
        projects,
        resume,
        mine,
    };
    Ok(Html(view.render()?).into_response())
}

/// The page to open when coming back to an attempt: the first with a missing answer.
fn first_page_url(def: &Definition, attempt: &store::diagnostics::Attempt) -> String {
    let answers = attempt.answers().unwrap_or_default();
    let page = def.missing(&answers).first().map_or(0, |(s, _)| *s) + 1;
    format!("/diagnostics/attempts/{}/pages/{page}", attempt.id)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    /// A project id, or empty for the person's own account.
    pub project: String,
}

/// Starts an attempt, or resumes the one in progress for the same project, account or browser.
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<StartForm>,
) -> WebResult<Response> {
    let def = current(&state, &id).await?;
    let mut set_cookie = None;
    let (owner, centre_id) = match &ctx.user {
        Some(user) => match form.project.trim() {
            "" => (
                Owner::User(user.id),
                ctx.actor.memberships.first().map(|(c, _)| *c),
            ),
            p => {
                let project_id: i64 = p
                    .parse()
                    .map_err(|_| WebError::BadRequest("error-form-invalid"))?;
                let (project, scope) =
                    crate::project_access::project_scope(&state, &ctx, project_id).await?;
                ctx.authorize(Action::AnswerDiagnostic, scope)?;
                (Owner::Project(project.id), Some(project.centre_id))
            }
        },
        None => {
            let hash = match super::respondent(&headers) {
                Some(h) => h,
                None => {
                    let token = new_token();
                    set_cookie = Some(cookies::set(
                        RESPONDENT_COOKIE,
                        &token,
                        86_400 * 365,
                        true,
                        state.cookies.secure,
                    ));
                    token_hash(&token)
                }
            };
            (Owner::Respondent(hash), None)
        }
    };
    let attempt = match store::diagnostics::open_attempt(&state.db, &def.id, &owner).await? {
        Some(a) => a,
        None => {
            let (project_id, user_id, respondent) = match &owner {
                Owner::Project(p) => (Some(*p), ctx.user.as_ref().map(|u| u.id), None),
                Owner::User(u) => (None, Some(*u), None),
                Owner::Respondent(h) => (None, None, Some(h.as_str())),
            };
            let new_id = store::diagnostics::create_attempt(
                &state.db,
                &NewAttempt {
                    diagnostic: &def.id,
                    version: i64::from(def.version),
                    centre_id,
                    project_id,
                    user_id,
                    respondent_hash: respondent,
                },
            )
            .await?;
            store::diagnostics::attempt(&state.db, new_id)
                .await?
                .ok_or(WebError::NotFound)?
        }
    };
    let definition = definition(&state, &attempt.diagnostic, attempt.version).await?;
    let mut response = Redirect::to(&first_page_url(&definition, &attempt)).into_response();
    if let Some(cookie) = set_cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

pub struct ChoiceView {
    pub key: String,
    pub label: String,
    pub checked: bool,
}

pub struct QuestionView {
    pub key: String,
    pub field: String,
    pub kind: &'static str,
    pub label: String,
    pub hint: String,
    pub required: bool,
    pub choices: Vec<ChoiceView>,
    pub value: String,
    pub error: Option<String>,
    /// When the question depends on an answer on the same page: the sentence saying when to
    /// answer it, and the data the script uses to hide it otherwise.
    pub condition: Option<String>,
    pub cond_question: String,
    pub cond_any: String,
    pub cond_min: String,
}

pub struct StepView {
    pub number: usize,
    pub title: String,
    pub current: bool,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "diagnostics/page.html")]
struct PageView {
    layout: Layout,
    title: String,
    attempt: i64,
    page: usize,
    pages: usize,
    section_title: String,
    section_intro: String,
    steps: Vec<StepView>,
    questions: Vec<QuestionView>,
    answered: usize,
    asked: usize,
    progress_label: String,
    page_label: String,
    missing: Vec<(String, String)>,
    has_errors: bool,
    project: Option<(i64, String)>,
    diagnostic: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    /// Set after a submission with missing answers: show what is missing.
    pub check: Option<u8>,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((attempt_id, page)): Path<(i64, usize)>,
    Query(q): Query<PageQuery>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if attempt.submitted() {
        return Ok(already_submitted(&state, attempt_id));
    }
    if !access.can_answer {
        return Err(WebError::Forbidden);
    }
    let def = definition(&state, &attempt.diagnostic, attempt.version).await?;
    let answers = attempt.answers()?;
    render_page(
        &state,
        &ctx,
        &def,
        &attempt,
        &access,
        page,
        &answers,
        &[],
        q.check.is_some(),
    )
}

/// Renders one page of questions with the stored answers, the refused values (question, error,
/// what was typed) and, when `check`, what is still missing.
#[allow(clippy::too_many_arguments)]
fn render_page(
    state: &AppState,
    ctx: &Ctx,
    def: &Definition,
    attempt: &store::diagnostics::Attempt,
    access: &Access,
    page: usize,
    answers: &Answers,
    refused: &[(String, AnswerError, String)],
    check: bool,
) -> WebResult<Response> {
    let i = ctx.i;
    let l = i.locale;
    let Some(section) = page.checked_sub(1).and_then(|n| def.sections.get(n)) else {
        return Err(WebError::NotFound);
    };
    let missing_all = def.missing(answers);
    let missing_here: Vec<&str> = missing_all
        .iter()
        .filter(|(s, _)| *s + 1 == page)
        .map(|(_, k)| k.as_str())
        .collect();
    let on_page = |key: &str| section.questions.iter().any(|q| q.key == key);
    let mut questions = Vec::new();
    for q in &section.questions {
        let same_page = q.condition.as_ref().is_some_and(|c| on_page(&c.question));
        if q.condition.is_some() && !same_page && !def.applies(q, answers) {
            continue;
        }
        let refused_here = refused.iter().find(|(k, _, _)| *k == q.key);
        let error = match refused_here {
            Some((_, e, _)) => Some(i.t(e.message_key())),
            None if check && missing_here.contains(&q.key.as_str()) => {
                Some(i.t("diagnostics-answer-missing"))
            }
            None => None,
        };
        questions.push(question_view(
            i,
            def,
            q,
            answers.get(&q.key),
            refused_here.map(|(_, _, typed)| typed.as_str()),
            error,
            same_page,
        ));
    }
    let (answered, asked) = def.progress(answers);
    let steps =
        def.sections
            .iter()
            .enumerate()
            .map(|(n, s)| StepView {
                number: n + 1,
                title: s.title.get(l).to_string(),
                current: n + 1 == page,
                done: s.questions.iter().all(|q| {
                    !def.applies(q, answers) || answers.contains_key(&q.key) || !q.required
                }),
            })
            .collect();
    let missing = if check {
        missing_all
            .iter()
            .filter_map(|(s, k)| {
                def.question(k).map(|q| {
                    (
                        format!(
                            "/diagnostics/attempts/{}/pages/{}#dq-{k}",
                            attempt.id,
                            s + 1
                        ),
                        q.label.get(l).to_string(),
                    )
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let status = if refused.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = PageView {
        layout: Layout::new(
            state,
            ctx,
            format!("{} · {}", section.title.get(l), def.title.get(l)),
        ),
        title: def.title.get(l).to_string(),
        attempt: attempt.id,
        page,
        pages: def.sections.len(),
        section_title: section.title.get(l).to_string(),
        section_intro: section.intro.get(l).to_string(),
        steps,
        questions,
        answered,
        asked,
        progress_label: i.ta(
            "diagnostics-progress",
            &[
                ("answered", &i.number(answered as i64)),
                ("asked", &i.number(asked as i64)),
            ],
        ),
        page_label: i.ta(
            "diagnostics-page-of",
            &[
                ("page", &i.number(page as i64)),
                ("pages", &i.number(def.sections.len() as i64)),
            ],
        ),
        missing,
        has_errors: !refused.is_empty(),
        project: access.project.as_ref().map(|p| (p.id, p.name.clone())),
        diagnostic: def.id.clone(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn question_view(
    i: I18n,
    def: &Definition,
    q: &Question,
    answer: Option<&Answer>,
    typed: Option<&str>,
    error: Option<String>,
    same_page_condition: bool,
) -> QuestionView {
    let l = i.locale;
    let chosen = |key: &str| match answer {
        Some(Answer::Text(k)) => k == key,
        Some(Answer::Many(keys)) => keys.iter().any(|k| k == key),
        _ => false,
    };
    let choices = match q.kind {
        Kind::Single | Kind::Multiple => q
            .options
            .iter()
            .map(|o| ChoiceView {
                key: o.key.clone(),
                label: o.label.get(l).to_string(),
                checked: chosen(&o.key),
            })
            .collect(),
        Kind::Scale => (1..=5)
            .map(|n| {
                let ends = q.scale.as_ref();
                let label = match (n, ends) {
                    (1, Some(e)) => format!("1 · {}", e.low.get(l)),
                    (5, Some(e)) => format!("5 · {}", e.high.get(l)),
                    _ => n.to_string(),
                };
                ChoiceView {
                    key: n.to_string(),
                    label,
                    checked: matches!(answer, Some(Answer::Number(v)) if *v == n),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let value = match (typed, answer) {
        (Some(t), _) => t.to_string(),
        (None, Some(Answer::Number(n))) if q.kind == Kind::Number => n.to_string(),
        (None, Some(Answer::Text(t))) if !q.kind.scored() => t.clone(),
        _ => String::new(),
    };
    let (condition, cond_question, cond_any, cond_min) = match (&q.condition, same_page_condition) {
        (Some(c), true) => {
            let target = def.question(&c.question);
            let target_label = target.map_or(String::new(), |t| t.label.get(l).to_string());
            let text = if let Some(min) = c.min {
                i.ta(
                    "diagnostics-condition-min",
                    &[("question", &target_label), ("min", &i.number(min))],
                )
            } else {
                let labels: Vec<String> = c
                    .any_of
                    .iter()
                    .filter_map(|k| target.and_then(|t| t.option(k)))
                    .map(|o| format!("« {} »", o.label.get(l)))
                    .collect();
                i.ta(
                    "diagnostics-condition-any",
                    &[("question", &target_label), ("answers", &labels.join(", "))],
                )
            };
            (
                Some(text),
                field_name(&c.question),
                c.any_of.join(" "),
                c.min.map(|m| m.to_string()).unwrap_or_default(),
            )
        }
        _ => (None, String::new(), String::new(), String::new()),
    };
    QuestionView {
        key: q.key.clone(),
        field: field_name(&q.key),
        kind: match q.kind {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Scale => "scale",
            Kind::Number => "number",
            Kind::ShortText => "short_text",
            Kind::LongText => "long_text",
        },
        label: q.label.get(l).to_string(),
        hint: q.hint.get(l).to_string(),
        required: q.required,
        choices,
        value,
        error,
        condition,
        cond_question,
        cond_any,
        cond_min,
    }
}

/// Saves the answers of one page, then goes where the button said: previous or next page,
/// back later (saved), or the results (when nothing required is missing).
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((attempt_id, page)): Path<(i64, usize)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (attempt, access) = attempt_for(&state, &ctx, &headers, attempt_id).await?;
    if attempt.submitted() {
        return Ok(already_submitted(&state, attempt_id));
    }
    if !access.can_answer {
        return Err(WebError::Forbidden);
    }
    let def = definition(&state, &attempt.diagnostic, attempt.version).await?;
    if page == 0 || page > def.sections.len() {
        return Err(WebError::NotFound);
    }
    let mut answers = attempt.answers()?;
    let input = read_page(&def, page - 1, &fields);
    for key in &input.cleared {
        answers.remove(key);
    }
    // A refused value keeps the previous answer stored; the page shows what was typed.
    answers.extend(input.set);
    let go = fields
        .iter()
        .find(|(k, _)| k == "go")
        .map_or("next", |(_, v)| v.as_str());
    let url = |n: usize| format!("/diagnostics/attempts/{attempt_id}/pages/{n}");
    let missing = def.missing(&answers);
    if go == "submit" && input.errors.is_empty() && missing.is_empty() {
        // The page's answers, the scores and the counts in one unit of work; a double click or
        // a second tab finds the attempt submitted and is shown the results.
        let scores = domain::diagnostic::score(&def, &answers);
        let level = def.level_for(scores.overall).key.clone();
        return match store::diagnostics::submit(&state.db, attempt.id, &answers, &scores, &level)
            .await
        {
            Ok(()) => {
                state
                    .diagnostics
                    .submitted(&attempt.diagnostic, attempt.version);
                Ok(
                    Redirect::to(&format!("/diagnostics/attempts/{attempt_id}/results"))
                        .into_response(),
                )
            }
            Err(StoreError::AlreadyDone) => Ok(already_submitted(&state, attempt_id)),
            Err(err) => Err(err.into()),
        };
    }
    match store::diagnostics::save_answers(&state.db, attempt.id, &answers).await {
        Ok(()) => {}
        Err(StoreError::AlreadyDone) => return Ok(already_submitted(&state, attempt_id)),
        Err(err) => return Err(err.into()),
    }
    if !input.errors.is_empty() {
        return render_page(
            &state,
            &ctx,
            &def,
            &attempt,
            &access,
            page,
            &answers,
            &input.errors,
            false,
        );
    }
    Ok(match go {
        "prev" => Redirect::to(&url(page.saturating_sub(1).max(1))).into_response(),
        "save" => {
            let back = match &access.project {
                Some(p) => format!("/projects/{}/diagnostics", p.id),
                None => format!("/diagnostics/{}", def.id),
            };
            redirect_with_flash(&back, "flash-diagnostics-saved", &state)
        }
        // Something required is still missing (a submission with nothing missing is done above).
        "submit" => {
            let section = missing.first().map_or(page - 1, |(section, _)| *section);
            Redirect::to(&format!("{}?check=1", url(section + 1))).into_response()
        }
        other if other.starts_with("page-") => {
            let n: usize = other[5..].parse().unwrap_or(page);
            Redirect::to(&url(n.clamp(1, def.sections.len()))).into_response()
        }
        _ if page >= def.sections.len() => Redirect::to(&url(page)).into_response(),
        _ => Redirect::to(&url(page + 1)).into_response(),
    })
}

/// A second submission (a double click, another tab): the results, with a word saying so.
fn already_submitted(state: &AppState, attempt_id: i64) -> Response {
    redirect_with_flash(
        &format!("/diagnostics/attempts/{attempt_id}/results"),
        "flash-diagnostics-already-submitted",
        state,
    )
}
