//! A lesson's revisions for its authors: the list (who saved, when), what a revision changes
//! against the lesson as it is now (a line diff), and restoring one (a new revision, audited).
use super::authoring::authored_lesson;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use domain::learning::diff::{Change, line_diff};
use store::learning::Lesson;
use store::lesson_revisions::{Author, Revision};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/learn/admin/lessons/{id}/revisions", get(list))
        .route("/learn/admin/revisions/{id}", get(show))
        .route("/learn/admin/revisions/{id}/restore", post(restore))
}

pub struct RevisionRow {
    pub id: i64,
    pub author: String,
    pub at: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "learning/revisions.html")]
struct ListView {
    layout: Layout,
    lesson: Lesson,
    revisions: Vec<RevisionRow>,
}

async fn list(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> WebResult<Response> {
    let lesson = authored_lesson(&state, &ctx, id).await?;
    let i = ctx.i;
    let revisions = store::lesson_revisions::list(&state.db, id)
        .await?
        .into_iter()
        .map(|r| RevisionRow {
            id: r.id,
            at: i.datetime(r.created_at),
            author: r.author_name,
            title: r.title,
        })
        .collect();
    let view = ListView {
        layout: Layout::new(&state, &ctx, i.t("learn-revisions-title"))
            .under(format!("/learn/admin/lessons/{id}"), lesson.title.clone()),
        lesson,
        revisions,
    };
    Ok(Html(view.render()?).into_response())
}

/// A lesson's text as one document, for the diff: its title, its Markdown, its exercise's
/// questions, its quiz and its video's address.
fn document(
    title: &str,
    body: &str,
    exercise: &str,
    quiz: Option<&str>,
    url: Option<&str>,
) -> String {
    let mut out = format!("# {title}\n\n{body}");
    for part in [exercise, quiz.unwrap_or(""), url.unwrap_or("")] {
        if !part.trim().is_empty() {
            out.push_str("\n\n");
            out.push_str(part);
        }
    }
    out
}

pub struct DiffLine {
    /// `same`, `removed` or `added` (the CSS class and the sign read aloud).
    pub change: &'static str,
    pub sign: &'static str,
    pub text: String,
}

#[derive(Template)]
#[template(path = "learning/revision.html")]
struct ShowView {
    layout: Layout,
    revision: Revision,
    author: String,
    lines: Vec<DiffLine>,
    changed: bool,
}

async fn revision_of(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(Revision, Lesson)> {
    let revision = store::lesson_revisions::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let lesson = authored_lesson(state, ctx, revision.lesson_id).await?;
    Ok((revision, lesson))
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> WebResult<Response> {
    let (revision, lesson) = revision_of(&state, &ctx, id).await?;
    let i = ctx.i;
    let now = document(
        &lesson.title,
        &lesson.body,
        &lesson.exercise,
        lesson.quiz.as_deref(),
        lesson.video_url.as_deref(),
    );
    let then = document(
        &revision.title,
        &revision.body,
        &revision.exercise,
        revision.quiz.as_deref(),
        revision.video_url.as_deref(),
    );
    // What restoring would do: from the lesson now to this revision.
    let lines: Vec<DiffLine> = line_diff(&now, &then)
        .into_iter()
        .map(|(c, text)| DiffLine {
            change: match c {
                Change::Same => "same",
                Change::Removed => "removed",
                Change::Added => "added",
            },
            sign: match c {
                Change::Same => " ",
                Change::Removed => "−",
                Change::Added => "+",
            },
            text: text.to_string(),
        })
        .collect();
    let view = ShowView {
        layout: Layout::new(&state, &ctx, i.t("learn-revision-title")).under(
            format!("/learn/admin/lessons/{}/revisions", lesson.id),
            i.t("learn-revisions-title"),
        ),
        author: i.ta(
            "learn-revision-by",
            &[
                ("author", &revision.author_name),
                ("date", &i.datetime(revision.created_at)),
            ],
        ),
        changed: lines.iter().any(|l| l.change != "same"),
        lines,
        revision,
    };
    Ok(Html(view.render()?).into_response())
}

async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (revision, lesson) = revision_of(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    store::lesson_revisions::restore(
        &state.db,
        &revision,
        &Author {
            id: user.id,
            name: &user.display_name,
        },
        lesson.course_centre,
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/lessons/{}", lesson.id),
        "flash-learn-revision-restored",
        &state,
    ))
}
