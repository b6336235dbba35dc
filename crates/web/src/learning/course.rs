//! A course's page: its modules and lessons with the reader's progress, where to continue, the
//! certificate once complete, and why it is closed when a path keeps it closed.
use super::{can_author, gate, kind_label, locked_message, readable_course, steps};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::learning::Progress;
use store::learning::Course;

pub struct LessonLink {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub minutes: String,
    pub done: bool,
}

pub struct ModuleView {
    pub title: String,
    pub lessons: Vec<LessonLink>,
}

#[derive(Template)]
#[template(path = "learning/course.html")]
struct CourseView {
    layout: Layout,
    course: Course,
    tags: Vec<String>,
    modules: Vec<ModuleView>,
    progress: String,
    percent: u8,
    next: Option<i64>,
    started: bool,
    certificate: Option<String>,
    locked: Option<String>,
    can_edit: bool,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let course = readable_course(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let outline = super::outline(&state, &ctx, id, user.id).await?;
    let locked = gate(&state, &ctx, user.id, id, course.centre_id)
        .await?
        .err()
        .map(|l| locked_message(i, &l));
    let certificate = crate::cache::kept(
        &state,
        &ctx,
        format!("certificate:{id}:{}", user.id),
        store::learning::certificate_for(&state.db, user.id, id),
    )
    .await?
    .as_ref()
    .as_ref()
    .map(|c| c.code.clone());
    let progress = Progress::of(&steps(&outline));
    let mut modules: Vec<ModuleView> = Vec::new();
    let mut last_module = None;
    for row in outline.iter() {
        if last_module != Some(row.module_id) {
            modules.push(ModuleView {
                title: row.module_title.clone(),
                lessons: Vec::new(),
            });
            last_module = Some(row.module_id);
        }
        if let (Some(lesson), Some(m)) = (row.lesson_id, modules.last_mut()) {
            m.lessons.push(LessonLink {
                id: lesson,
                title: row.lesson_title.clone().unwrap_or_default(),
                kind: kind_label(i, row.kind.as_deref().unwrap_or("text")),
                minutes: i.tn("learn-minutes", row.minutes.unwrap_or(0)),
                done: row.completed_at.is_some(),
            });
        }
    }
    let view = CourseView {
        layout: Layout::new(&state, &ctx, course.title.clone())
            .under("/learn".into(), i.t("learn-catalogue-title")),
        tags: course
            .tag_list()
            .iter()
            .map(|t| i.t(&format!("learn-tag-{t}")))
            .collect(),
        modules,
        progress: i.ta(
            "learn-progress",
            &[
                ("done", &progress.done.to_string()),
                ("total", &progress.total.to_string()),
            ],
        ),
        percent: progress.percent,
        next: progress.next,
        started: progress.done > 0 || outline.iter().any(|r| r.seen_at.is_some()),
        certificate,
        locked,
        can_edit: can_author(&ctx, course.centre_id),
        course,
    };
    Ok(Html(view.render()?).into_response())
}
