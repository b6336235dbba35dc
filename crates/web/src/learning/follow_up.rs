//! The follow-up of a centre's learners for its coaches and managers: progress per learner and
//! course (all the centre's members, or one cohort's), best quiz result, time spent, who has
//! been inactive for 14 days, time per lesson; and the same as CSV (training evidence).
use super::minutes;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Query;
use crate::layout::Layout;
use crate::respond;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use serde::Deserialize;
use store::centres::CentreSummary;
use store::learning::FollowRow;

/// Inactive after this many days without opening a lesson.
pub const INACTIVE_DAYS: i64 = 14;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FollowParams {
    pub centre: String,
    pub cohort: String,
    pub format: String,
}

pub struct RowView {
    pub learner: String,
    pub course: String,
    pub progress: String,
    pub best_quiz: String,
    pub time: String,
    pub last_seen: String,
    pub inactive: bool,
}

pub struct TimeView {
    pub course: String,
    pub lesson: String,
    pub learners: String,
    pub average: String,
}

#[derive(Template)]
#[template(path = "learning/follow_up.html")]
struct FollowView {
    layout: Layout,
    centres: Vec<(String, String, bool)>,
    centre: CentreSummary,
    cohorts: Vec<(i64, String, bool)>,
    rows: Vec<RowView>,
    times: Vec<TimeView>,
    inactive: usize,
    csv_href: String,
}

fn row_view(i: crate::i18n::I18n, r: &FollowRow, now: i64) -> RowView {
    RowView {
        learner: r.learner.clone(),
        course: r.course_title.clone(),
        progress: i.ta(
            "learn-progress",
            &[
                ("done", &r.lessons_done.to_string()),
                ("total", &r.lessons.to_string()),
            ],
        ),
        best_quiz: r
            .best_quiz
            .map(|p| format!("{p}\u{a0}%"))
            .unwrap_or_else(|| "—".into()),
        time: minutes(i, r.seconds),
        last_seen: i.date(r.last_seen),
        inactive: now - r.last_seen > INACTIVE_DAYS * 86_400,
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<FollowParams>,
) -> WebResult<Response> {
    ctx.require_user()?;
    let i = ctx.i;
    let all = state.centres().await?;
    let allowed: Vec<&CentreSummary> = all
        .iter()
        .filter(|c| ctx.actor.can(Action::FollowLearning, Scope::Centre(c.id)))
        .collect();
    let centre = if params.centre.is_empty() {
        allowed.first().copied().ok_or(WebError::Forbidden)?
    } else {
        allowed
            .iter()
            .find(|c| c.slug == params.centre)
            .copied()
            .ok_or(WebError::NotFound)?
    };
    ctx.authorize(Action::FollowLearning, Scope::Centre(centre.id))?;
    // The centre's cohorts, its learners' progress and its lessons' times, kept a few seconds
    // per centre and cohort (`AppState::reads`).
    let db = &state.db;
    let cohorts = state
        .reads
        .get_or_read(
            format!("follow-cohorts:{}", centre.id),
            store::cohorts::for_centre(db, centre.id),
        )
        .await?;
    let cohort = params
        .cohort
        .parse::<i64>()
        .ok()
        .filter(|c| cohorts.iter().any(|k| k.id == *c));
    let rows = state
        .reads
        .get_or_read(
            format!("follow-up:{}:{cohort:?}", centre.id),
            store::learning::follow_up(db, centre.id, cohort),
        )
        .await?;
    let now = store::now();
    if params.format == "csv" {
        let mut out = vec![
            [
                "learn-col-learner",
                "learn-col-course",
                "learn-col-lessons-done",
                "learn-col-lessons",
                "learn-col-best-quiz",
                "learn-col-seconds",
                "learn-col-last-seen",
                "learn-col-inactive",
            ]
            .iter()
            .map(|k| i.t(k))
            .collect::<Vec<String>>(),
        ];
        for r in rows.iter() {
            out.push(vec![
                r.learner.clone(),
                r.course_title.clone(),
                r.lessons_done.to_string(),
                r.lessons.to_string(),
                r.best_quiz.map(|p| p.to_string()).unwrap_or_default(),
                r.seconds.to_string(),
                i.date(r.last_seen),
                if now - r.last_seen > INACTIVE_DAYS * 86_400 {
                    i.t("learn-yes")
                } else {
                    i.t("learn-no")
                },
            ]);
        }
        return Ok(respond::file(
            respond::csv(&out),
            "text/csv; charset=utf-8",
            respond::Disposition::Attachment,
            &format!("suivi-formation-{}.csv", centre.slug),
        ));
    }
    let times = state
        .reads
        .get_or_read(
            format!("lesson-times:{}", centre.id),
            store::learning::lesson_times(db, centre.id),
        )
        .await?
        .iter()
        .map(|t| TimeView {
            course: t.course_title.clone(),
            lesson: t.lesson_title.clone(),
            learners: t.learners.to_string(),
            average: minutes(i, t.seconds.checked_div(t.learners).unwrap_or(0)),
        })
        .collect();
    let rows: Vec<RowView> = rows.iter().map(|r| row_view(i, r, now)).collect();
    let view = FollowView {
        layout: Layout::new(&state, &ctx, i.t("learn-follow-title")),
        centres: allowed
            .iter()
            .map(|c| (c.slug.clone(), c.name.clone(), c.id == centre.id))
            .collect(),
        cohorts: cohorts
            .iter()
            .map(|c| (c.id, c.name.clone(), Some(c.id) == cohort))
            .collect(),
        inactive: rows.iter().filter(|r| r.inactive).count(),
        csv_href: format!(
            "/learn/follow-up?centre={}&cohort={}&format=csv",
            centre.slug,
            cohort.map(|c| c.to_string()).unwrap_or_default()
        ),
        rows,
        times,
        centre: centre.clone(),
    };
    Ok(Html(view.render()?).into_response())
}
