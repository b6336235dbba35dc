//! The lesson page and what a learner does there: mark it done, answer a workbook exercise
//! (shared with their coach or not), take a quiz. A lesson of a course that a path keeps
//! closed (release date, course before not finished) answers 403 with the reason.
use super::{certify_if_complete, gate, kind_label, locked_message, readable_lesson};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::learning::{LessonKind, Quiz, exercise_prompts, parse_external};
use store::learning::Lesson;

pub struct VideoView {
    pub src: String,
    pub content_type: String,
    pub poster: Option<String>,
    pub captions: Option<String>,
}

/// A video hosted elsewhere: nothing of it loads until the learner asks (`learn-video.js`
/// then puts the player in); without script, a plain link to it.
pub struct ExternalView {
    pub embed: String,
    pub origin: String,
    pub url: String,
    pub notice: String,
    pub load: String,
    pub open: String,
}

fn external_view(i: crate::i18n::I18n, url: &str) -> Option<ExternalView> {
    let v = parse_external(url).ok()?;
    let host = [("host", v.host.as_str())];
    Some(ExternalView {
        notice: i.ta("learn-video-external-notice", &host),
        load: i.ta("learn-video-external-load", &host),
        open: i.ta("learn-video-external-open", &host),
        embed: v.embed,
        origin: v.origin,
        url: url.to_string(),
    })
}

pub struct FileView {
    pub id: i64,
    pub name: String,
    pub size: String,
}

pub struct PromptView {
    pub n: usize,
    pub prompt: String,
    pub answer: String,
}

pub struct ChoiceView {
    pub n: usize,
    pub text: String,
    pub checked: bool,
    pub feedback: String,
}

pub struct QuestionView {
    pub n: usize,
    pub text: String,
    pub multiple: bool,
    pub choices: Vec<ChoiceView>,
    /// Right or not at the last attempt.
    pub right: Option<bool>,
}

pub struct QuizView {
    pub questions: Vec<QuestionView>,
    pub attempts_left: u32,
    /// The pass mark and the attempts left, in a sentence.
    pub rules: String,
    /// The last attempt's result sentence.
    pub result: Option<String>,
    pub passed: bool,
}

pub struct LinkView {
    pub href: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "learning/lesson.html")]
struct LessonView {
    layout: Layout,
    lesson: Lesson,
    kind: String,
    html: String,
    done: bool,
    /// Marked done with a button (a quiz by passing it, an exercise by saving answers).
    markable: bool,
    draft: bool,
    video: Option<VideoView>,
    external_video: Option<ExternalView>,
    files: Vec<FileView>,
    prompts: Vec<PromptView>,
    shared: bool,
    quiz: Option<QuizView>,
    previous: Option<LinkView>,
    next: Option<LinkView>,
    opened_at: i64,
}

#[derive(Template)]
#[template(path = "learning/locked.html")]
struct LockedView {
    layout: Layout,
    course_id: i64,
    course_title: String,
    reason: String,
}

fn size(i: crate::i18n::I18n, bytes: i64) -> String {
    if bytes >= 1_000_000 {
        i.ta(
            "learn-size-mb",
            &[("size", &format!("{:.1}", bytes as f64 / 1e6))],
        )
    } else {
        i.ta(
            "learn-size-kb",
            &[("size", &((bytes + 999) / 1000).to_string())],
        )
    }
}

/// The answers of a stored attempt (per question, the choices ticked).
fn stored_answers(json: &str) -> Vec<Vec<usize>> {
    serde_json::from_str(json).unwrap_or_default()
}

fn quiz_view(i: crate::i18n::I18n, quiz: &Quiz, attempts: &[store::learning::Attempt]) -> QuizView {
    let last = attempts.last();
    let given = last.map(|a| stored_answers(&a.answers)).unwrap_or_default();
    let graded = last.map(|_| quiz.grade(&given));
    let questions = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let ticked = given.get(n).cloned().unwrap_or_default();
            let feedback = graded.as_ref().map(|g| &g.questions[n].feedback);
            QuestionView {
                n,
                text: q.text.clone(),
                multiple: q.multiple,
                right: graded.as_ref().map(|g| g.questions[n].right),
                choices: q
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(c, choice)| ChoiceView {
                        n: c,
                        text: choice.text.clone(),
                        checked: ticked.contains(&c),
                        feedback: feedback
                            .and_then(|f| f.iter().find(|(k, _)| *k == c))
                            .map(|(_, t)| t.clone())
                            .unwrap_or_default(),
                    })
                    .collect(),
            }
        })
        .collect();
    let used = u32::try_from(attempts.len()).unwrap_or(u32::MAX);
    QuizView {
        questions,
        attempts_left: quiz.attempts_left(used),
        rules: i.ta(
            "learn-quiz-rules",
            &[
                ("mark", &quiz.pass_mark.to_string()),
                ("left", &quiz.attempts_left(used).to_string()),
            ],
        ),
        result: graded.as_ref().map(|g| {
            i.ta(
                if g.passed {
                    "learn-quiz-passed"
                } else {
                    "learn-quiz-failed"
                },
                &[
                    ("right", &g.right.to_string()),
                    ("total", &g.total.to_string()),
                    ("percent", &g.percent.to_string()),
                ],
            )
        }),
        passed: attempts.iter().any(|a| a.passed == 1),
    }
}

/// `GET /learn/lessons/{id}`: five statements (the lesson, the course's outline with the
/// reader's progress, the paths' gates, the lesson's own part, the visit); the first three are
/// kept a few seconds (`crate::cache::kept`), so once warm only the last two run.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let lesson = readable_lesson(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let outline = super::outline(&state, &ctx, lesson.course_id, user.id).await?;
    if let Err(locked) = gate(
        &state,
        &ctx,
        user.id,
        lesson.course_id,
        lesson.course_centre,
    )
    .await?
    {
        let view = LockedView {
            layout: Layout::new(&state, &ctx, lesson.title.clone()).under(
                format!("/learn/courses/{}", lesson.course_id),
                lesson.course_title.clone(),
            ),
            course_id: lesson.course_id,
            course_title: lesson.course_title.clone(),
            reason: locked_message(i, &locked),
        };
        return Ok((StatusCode::FORBIDDEN, Html(view.render()?)).into_response());
    }
    let kind = LessonKind::parse(&lesson.kind).unwrap_or(LessonKind::Text);
    let lessons: Vec<(i64, String, bool)> = outline
        .iter()
        .filter_map(|r| {
            Some((
                r.lesson_id?,
                r.lesson_title.clone()?,
                r.completed_at.is_some(),
            ))
        })
        .collect();
    let at = lessons.iter().position(|(l, _, _)| *l == lesson.id);
    let link = |n: Option<usize>| {
        n.and_then(|n| lessons.get(n))
            .map(|(id, title, _)| LinkView {
                href: format!("/learn/lessons/{id}"),
                title: title.clone(),
            })
    };
    let previous = link(at.and_then(|n| n.checked_sub(1)));
    let next = link(at.map(|n| n + 1));
    let done = at.is_some_and(|n| lessons[n].2);
    let mut files = Vec::new();
    let mut prompts = Vec::new();
    let mut shared = false;
    let mut quiz = None;
    match kind {
        LessonKind::Workbook => {
            files = store::learning::files(&state.db, lesson.id)
                .await?
                .into_iter()
                .map(|f| FileView {
                    id: f.id,
                    size: size(i, f.size),
                    name: f.name,
                })
                .collect();
        }
        LessonKind::Exercise => {
            let saved = store::learning::answers(&state.db, user.id, lesson.id).await?;
            let answers: Vec<String> = saved
                .as_ref()
                .and_then(|s| serde_json::from_str(&s.answers).ok())
                .unwrap_or_default();
            shared = saved.is_some_and(|s| s.shared == 1);
            prompts = exercise_prompts(&lesson.exercise)
                .into_iter()
                .enumerate()
                .map(|(n, p)| PromptView {
                    n,
                    prompt: p.to_string(),
                    answer: answers.get(n).cloned().unwrap_or_default(),
                })
                .collect();
        }
        LessonKind::Quiz => {
            if let Some(q) = lesson.quiz.as_deref().and_then(|q| Quiz::parse(q).ok()) {
                let attempts = store::learning::attempts(&state.db, user.id, lesson.id).await?;
                quiz = Some(quiz_view(i, &q, &attempts));
            }
        }
        LessonKind::Text | LessonKind::Video => {}
    }
    store::learning::visit(&state.db, user.id, &lesson, 0).await?;
    if outline
        .iter()
        .any(|r| r.lesson_id == Some(lesson.id) && r.seen_at.is_none())
    {
        // The first visit: the course's outline now says it was started.
        super::forget_outline(&state, lesson.course_id, user.id);
    }
    let video = lesson.video_key.as_ref().map(|_| VideoView {
        src: format!("/learn/lessons/{}/video", lesson.id),
        content_type: lesson
            .video_type
            .clone()
            .unwrap_or_else(|| "video/mp4".into()),
        poster: lesson
            .poster_key
            .as_ref()
            .map(|_| format!("/learn/lessons/{}/poster", lesson.id)),
        captions: lesson
            .captions_key
            .as_ref()
            .map(|_| format!("/learn/lessons/{}/captions.vtt", lesson.id)),
    });
    let view = LessonView {
        layout: Layout::new(&state, &ctx, lesson.title.clone()).under(
            format!("/learn/courses/{}", lesson.course_id),
            lesson.course_title.clone(),
        ),
        kind: kind_label(i, kind.code()),
        html: domain::markdown::render_in(&lesson.body, i.locale).html,
        done,
        markable: !matches!(kind, LessonKind::Quiz | LessonKind::Exercise),
        draft: lesson.course_status != "published",
        external_video: video
            .is_none()
            .then(|| external_view(i, lesson.video_url.as_deref()?))
            .flatten(),
        video,
        files,
        prompts,
        shared,
        quiz,
        previous,
        next,
        opened_at: store::now(),
        lesson,
    };
    let frame = view
        .external_video
        .as_ref()
        .and_then(|v| crate::middleware::csp_with_frame(&v.origin));
    let mut response = Html(view.render()?).into_response();
    if let Some(csp) = frame {
        response
            .headers_mut()
            .insert(axum::http::header::CONTENT_SECURITY_POLICY, csp);
    }
    Ok(response)
}

/// A lesson the learner may work on now, or the reason it is closed (403).
async fn open_lesson(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Lesson> {
    let lesson = readable_lesson(state, ctx, id).await?;
    let user = ctx.require_user()?;
    if gate(state, ctx, user.id, lesson.course_id, lesson.course_centre)
        .await?
        .is_err()
    {
        return Err(WebError::Forbidden);
    }
    Ok(lesson)
}

/// The seconds since the page was opened (its `opened_at` field), within reason.
fn seconds_spent(fields: &[(String, String)]) -> i64 {
    field(fields, "opened_at")
        .and_then(|v| v.parse::<i64>().ok())
        .map_or(0, |at| {
            domain::learning::progress::visit_seconds(store::now() - at)
        })
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// After a lesson is done: the certificate when the course is complete, else the next lesson.
async fn after_done(
    state: &AppState,
    ctx: &Ctx,
    lesson: &Lesson,
    flash: &str,
) -> WebResult<Response> {
    if certify_if_complete(state, ctx, lesson.course_id)
        .await?
        .is_some()
    {
        return Ok(redirect_with_flash(
            &format!("/learn/courses/{}", lesson.course_id),
            "flash-learn-course-complete",
            state,
        ));
    }
    Ok(redirect_with_flash(
        &format!("/learn/lessons/{}", lesson.id),
        flash,
        state,
    ))
}

/// `POST /learn/lessons/{id}/done`: marks a lesson done (a quiz is done once passed).
pub async fn done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let lesson = open_lesson(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    store::learning::visit(&state.db, user.id, &lesson, seconds_spent(&fields)).await?;
    if lesson.kind != LessonKind::Quiz.code() {
        store::learning::complete(&state.db, user.id, &lesson).await?;
    }
    after_done(&state, &ctx, &lesson, "flash-learn-done").await
}

/// `POST /learn/lessons/{id}/workbook`: saves the exercise's answers (`a0`, `a1`…) and whether
/// the coach may read them; saving marks the lesson done.
pub async fn workbook(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let lesson = open_lesson(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let count = exercise_prompts(&lesson.exercise).len();
    if lesson.kind != LessonKind::Exercise.code() || count == 0 {
        return Err(WebError::NotFound);
    }
    let answers: Vec<String> = (0..count)
        .map(|n| {
            field(&fields, &format!("a{n}"))
                .unwrap_or("")
                .chars()
                .take(10_000)
                .collect()
        })
        .collect();
    let json = serde_json::to_string(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
    let shared = field(&fields, "shared").is_some();
    store::learning::save_answers(&state.db, user.id, lesson.id, &json, shared).await?;
    store::learning::visit(&state.db, user.id, &lesson, seconds_spent(&fields)).await?;
    store::learning::complete(&state.db, user.id, &lesson).await?;
    after_done(&state, &ctx, &lesson, "flash-learn-answers-saved").await
}

/// `POST /learn/lessons/{id}/quiz`: scores an attempt (`q0`, `q1`… carry the choices ticked)
/// and records it within the attempts allowed; the lesson page then shows the feedback.
pub async fn quiz(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let lesson = open_lesson(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let quiz = lesson
        .quiz
        .as_deref()
        .and_then(|q| Quiz::parse(q).ok())
        .ok_or(WebError::NotFound)?;
    let mut given = vec![Vec::new(); quiz.questions.len()];
    for (k, v) in &fields {
        let question = k.strip_prefix('q').and_then(|n| n.parse::<usize>().ok());
        if let (Some(q), Ok(choice)) = (question, v.parse::<usize>())
            && let Some(slot) = given.get_mut(q)
        {
            slot.push(choice);
        }
    }
    let graded = quiz.grade(&given);
    let json = serde_json::to_string(&given).map_err(|e| WebError::Internal(e.to_string()))?;
    let attempt = store::learning::NewAttempt {
        right_answers: graded.right as i64,
        questions: graded.total as i64,
        percent: i64::from(graded.percent),
        passed: graded.passed,
        answers: &json,
    };
    match store::learning::submit_attempt(
        &state.db,
        user.id,
        &lesson,
        i64::from(quiz.max_attempts),
        &attempt,
    )
    .await
    {
        Ok(_) => {}
        Err(e @ store::StoreError::Full) => {
            return Err(WebError::outcome(e, "learn-error-no-attempts-left"));
        }
        Err(e @ store::StoreError::Duplicate) => {
            return Err(WebError::outcome(e, "learn-error-attempt-twice"));
        }
        Err(e) => return Err(e.into()),
    }
    store::learning::visit(&state.db, user.id, &lesson, seconds_spent(&fields)).await?;
    let flash = if graded.passed {
        "flash-learn-quiz-passed"
    } else {
        "flash-learn-quiz-failed"
    };
    after_done(&state, &ctx, &lesson, flash).await
}
