//! A learning path: its courses in order, each open, waiting for its release date or for the
//! course before it, or finished; and enrolment (which is what makes those rules apply).
use super::{can_author, may_read, reader_centres};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use store::learning_paths::PathForReader;

pub struct StepView {
    pub course_id: i64,
    pub title: String,
    pub summary: String,
    /// « Terminé », « Ouvert », « À partir du … », « Après … ».
    pub state: String,
    pub finished: bool,
}

#[derive(Template)]
#[template(path = "learning/path.html")]
struct PathView {
    layout: Layout,
    path: PathForReader,
    steps: Vec<StepView>,
    enrolled: bool,
}

/// A path its reader may see, or not found: published (or theirs to write), the network's or
/// their centre's, and a cohort's only for its members and staff (authors, the cohort's
/// coaches and managers).
async fn readable_path(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<PathForReader> {
    ctx.authorize(Action::Learn, Scope::Network)?;
    let user = ctx.require_user()?;
    let path = crate::cache::kept(
        state,
        ctx,
        format!("path:{id}:{}", user.id),
        store::learning_paths::for_reader(&state.db, id, user.id),
    )
    .await?
    .as_ref()
    .clone()
    .ok_or(WebError::NotFound)?;
    let centres = reader_centres(ctx);
    let staff = can_author(ctx, path.centre_id)
        || path
            .cohort_centre
            .is_some_and(|c| ctx.actor.can(Action::FollowLearning, Scope::Centre(c)));
    if !may_read(ctx, path.centre_id, &path.status)
        || path
            .centre_id
            .is_some_and(|c| !centres.contains(&format!(",{c},")) && !ctx.actor.is_network_admin())
        || (path.cohort_id.is_some() && path.member == 0 && !staff)
    {
        return Err(WebError::NotFound);
    }
    Ok(path)
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let path = readable_path(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    // The path's courses with the reader's progress and their enrolment, kept a few seconds.
    let (courses, enrolled) =
        crate::cache::kept(&state, &ctx, format!("path-page:{id}:{}", user.id), async {
            tokio::try_join!(
                store::learning::path_courses(&state.db, id, user.id),
                store::learning::enrolled(&state.db, id, user.id),
            )
        })
        .await?
        .as_ref()
        .clone();
    let now = store::now();
    let mut steps = Vec::new();
    let mut previous: Option<(String, bool)> = None;
    for c in courses.into_iter().filter(|c| c.status == "published") {
        let finished = c.finished_at.is_some();
        let state_text = if finished {
            i.t("learn-step-finished")
        } else if let Some(at) = c.release_at.filter(|at| *at > now) {
            i.ta("learn-step-from", &[("date", &i.date(at))])
        } else if let Some((title, false)) = previous.as_ref().filter(|_| c.requires_previous == 1)
        {
            i.ta("learn-step-after", &[("course", title)])
        } else {
            i.t("learn-step-open")
        };
        previous = Some((c.title.clone(), finished));
        steps.push(StepView {
            course_id: c.course_id,
            title: c.title,
            summary: c.summary,
            state: state_text,
            finished,
        });
    }
    let view = PathView {
        layout: Layout::new(&state, &ctx, path.title.clone())
            .under("/learn".into(), i.t("learn-catalogue-title")),
        path,
        steps,
        enrolled,
    };
    Ok(Html(view.render()?).into_response())
}

/// `POST /learn/paths/{id}/enrol`.
pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let path = readable_path(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    store::learning::enrol(&state.db, path.id, user.id).await?;
    Ok(redirect_with_flash(
        &format!("/learn/paths/{id}"),
        "flash-learn-enrolled",
        &state,
    ))
}
