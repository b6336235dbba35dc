//! Learning: the catalogue (`/learn`), course and lesson pages (video with captions, workbook
//! downloads, exercises, quizzes), paths with enrolment, certificates (PDF and a public
//! verification page), authoring for the network team and centre managers, and the follow-up
//! of a centre's learners for its coaches and managers. Lesson files are stored through
//! `upload::store_file` and read through `upload::read_file` (the demo's ship in the binary).
mod authoring;
mod catalogue;
mod certificates;
mod course;
pub mod demo;
mod follow_up;
mod lesson;
mod media;
mod path_authoring;
mod paths;
mod revisions;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::{Action, Scope};
use std::sync::Arc;
use store::learning::Course;

pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/learn", get(catalogue::page))
        .route("/learn/courses/{id}", get(course::page))
        .route("/learn/courses/{id}/certificate", get(certificates::pdf))
        .route("/certificates/{code}", get(certificates::verify))
        .route("/learn/lessons/{id}", get(lesson::page))
        .route("/learn/lessons/{id}/done", post(lesson::done))
        .route("/learn/lessons/{id}/workbook", post(lesson::workbook))
        .route("/learn/lessons/{id}/quiz", post(lesson::quiz))
        .route("/learn/lessons/{id}/video", get(media::video))
        .route("/learn/lessons/{id}/poster", get(media::poster))
        .route("/learn/lessons/{id}/captions.vtt", get(media::captions))
        .route("/learn/files/{id}", get(media::download))
        .route("/learn/paths/{id}", get(paths::page))
        .route("/learn/paths/{id}/enrol", post(paths::enrol))
        .route("/learn/follow-up", get(follow_up::page))
        .merge(authoring::routes(state))
        .merge(path_authoring::routes())
        .merge(revisions::routes())
}

/// The centres whose own courses a reader may see, as `,1,2,` for the store.
pub fn reader_centres(ctx: &Ctx) -> String {
    let mut out = String::from(",");
    for (c, _) in &ctx.actor.memberships {
        out.push_str(&format!("{c},"));
    }
    out
}

/// Who may write a course: the network team for the network's, a centre's managers for its own.
pub fn can_author(ctx: &Ctx, centre_id: Option<i64>) -> bool {
    let scope = centre_id.map_or(Scope::Network, Scope::Centre);
    ctx.actor.can(Action::ManageLearning, scope)
}

/// Whether a reader sees a course: its authors always (drafts are their preview); others once
/// published, when it is the network's or their own centre's. Anything else is not found.
pub fn may_read(ctx: &Ctx, centre_id: Option<i64>, status: &str) -> bool {
    if can_author(ctx, centre_id) {
        return true;
    }
    status == "published"
        && centre_id.is_none_or(|c| ctx.actor.memberships.iter().any(|(m, _)| *m == c))
}

/// A course the signed-in reader may see, or not found.
pub async fn readable_course(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Course> {
    ctx.authorize(Action::Learn, Scope::Network)?;
    let course = crate::cache::kept(
        state,
        ctx,
        format!("course:{id}"),
        store::learning::find_course(&state.db, id),
    )
    .await?
    .as_ref()
    .clone()
    .ok_or(WebError::NotFound)?;
    if !may_read(ctx, course.centre_id, &course.status) {
        return Err(WebError::NotFound);
    }
    Ok(course)
}

/// The label of a lesson kind.
pub fn kind_label(i: crate::i18n::I18n, kind: &str) -> String {
    i.t(&format!("learn-kind-{kind}"))
}

/// A duration in minutes, for tables and lists.
pub fn minutes(i: crate::i18n::I18n, seconds: i64) -> String {
    i.tn("learn-minutes", (seconds + 59) / 60)
}

/// A lesson whose course the signed-in reader may see, or not found.
pub async fn readable_lesson(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<store::learning::Lesson> {
    ctx.authorize(Action::Learn, Scope::Network)?;
    let lesson = crate::cache::kept(
        state,
        ctx,
        format!("lesson:{id}"),
        store::learning::find_lesson(&state.db, id),
    )
    .await?
    .as_ref()
    .clone()
    .ok_or(WebError::NotFound)?;
    if !may_read(ctx, lesson.course_centre, &lesson.course_status) {
        return Err(WebError::NotFound);
    }
    Ok(lesson)
}

/// Whether a learner may open a course now: its authors always; others once the paths they
/// follow allow it (release date passed, course before finished).
pub async fn gate(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    course_id: i64,
    course_centre: Option<i64>,
) -> WebResult<Result<(), domain::learning::Locked>> {
    if can_author(ctx, course_centre) {
        return Ok(Ok(()));
    }
    let gates: Vec<domain::learning::Gate> = crate::cache::kept(
        state,
        ctx,
        format!("gates:{course_id}:{user_id}"),
        store::learning::gates(&state.db, user_id, course_id),
    )
    .await?
    .iter()
    .map(|g| domain::learning::Gate {
        release_at: g.release_at,
        prerequisite: g
            .prerequisite
            .clone()
            .map(|t| (t, g.prerequisite_done.is_some())),
    })
    .collect();
    Ok(domain::learning::gate(&gates, store::now()))
}

/// The sentence saying why a course is closed.
pub fn locked_message(i: crate::i18n::I18n, locked: &domain::learning::Locked) -> String {
    match locked {
        domain::learning::Locked::NotYet(at) => {
            i.ta("learn-locked-date", &[("date", &i.date(*at))])
        }
        domain::learning::Locked::Prerequisite(title) => {
            i.ta("learn-locked-prerequisite", &[("course", title)])
        }
    }
}

/// A course's outline with the reader's progress; on a page kept a few seconds (a lesson
/// seen for the first time forgets it: [`forget_outline`]).
pub async fn outline(
    state: &AppState,
    ctx: &Ctx,
    course_id: i64,
    user_id: i64,
) -> WebResult<Arc<Vec<store::learning::OutlineRow>>> {
    Ok(crate::cache::kept(
        state,
        ctx,
        format!("outline:{course_id}:{user_id}"),
        store::learning::outline(&state.db, course_id, user_id),
    )
    .await?)
}

/// Forgets the kept outline after a visit changed it (the lesson's first).
pub fn forget_outline(state: &AppState, course_id: i64, user_id: i64) {
    state
        .reads
        .forget::<Vec<store::learning::OutlineRow>>(format!("outline:{course_id}:{user_id}"));
}

/// The learner's steps through a course, from its outline.
pub fn steps(outline: &[store::learning::OutlineRow]) -> Vec<domain::learning::Step> {
    outline
        .iter()
        .filter_map(|r| {
            r.lesson_id.map(|id| domain::learning::Step {
                lesson_id: id,
                done: r.completed_at.is_some(),
            })
        })
        .collect()
}

/// Issues the learner's certificate once every lesson of the course is done.
pub async fn certify_if_complete(
    state: &AppState,
    ctx: &Ctx,
    course_id: i64,
) -> WebResult<Option<store::learning::Certificate>> {
    let user = ctx.require_user()?;
    let outline = store::learning::outline(&state.db, course_id, user.id).await?;
    if !domain::learning::Progress::of(&steps(&outline)).complete() {
        return Ok(None);
    }
    let course = store::learning::find_course(&state.db, course_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let code = domain::learning::certificate_code(rand::random());
    Ok(Some(
        store::learning::issue_certificate(&state.db, user.id, &course, &user.display_name, &code)
            .await?,
    ))
}
