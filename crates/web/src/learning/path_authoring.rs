//! Writing learning paths: the network team writes the network's, a centre's managers their
//! centre's. A path has a title, a description, its courses in order (moved with up and down
//! buttons, no script needed), for each whether the course before must be finished first and,
//! on a cohort's path, the date it opens. The editor is one form: moving, removing or adding a
//! course saves what was typed with it, and a mistake comes back beside its field, input kept.
use super::authoring::{Fields, field, owners};
use super::can_author;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use store::learning::{Course, LearningPath};
use store::learning_paths::Entry;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/learn/admin/paths", get(list).post(create))
        .route("/learn/admin/paths/{id}", get(edit).post(save))
        .route("/learn/admin/paths/{id}/status", post(set_status))
}

pub struct PathRow {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub draft: bool,
    pub cohort: bool,
}

#[derive(Default)]
pub struct NewPathForm {
    pub title: String,
    pub summary: String,
    pub owner: String,
}

#[derive(Template)]
#[template(path = "learning/admin_paths.html")]
struct ListView {
    layout: Layout,
    paths: Vec<PathRow>,
    owners: Vec<(String, String)>,
    form: NewPathForm,
    errors: FieldErrors,
}

fn status_of(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    form: NewPathForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let centres = state.centres().await?;
    let owners = owners(&centres, ctx);
    if owners.is_empty() {
        return Err(WebError::Forbidden);
    }
    let paths = store::learning_paths::all(&state.db)
        .await?
        .into_iter()
        .filter(|p| can_author(ctx, p.centre_id))
        .map(|p| PathRow {
            id: p.id,
            owner: match p.centre_id {
                None => i.t("learn-owner-network"),
                Some(id) => centres
                    .iter()
                    .find(|k| k.id == id)
                    .map(|k| k.name.clone())
                    .unwrap_or_default(),
            },
            draft: p.status != "published",
            cohort: p.cohort_id.is_some(),
            title: p.title,
        })
        .collect();
    let view = ListView {
        layout: Layout::new(state, ctx, i.t("learn-paths-admin-title"))
            .under("/learn/admin".into(), i.t("learn-admin-title")),
        paths,
        owners,
        form,
        errors,
    };
    Ok((status_of(&view.errors), Html(view.render()?)).into_response())
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.require_user()?;
    render_list(&state, &ctx, NewPathForm::default(), FieldErrors::default()).await
}

/// Title (required, 120 characters at most) and description (600 at most), beside their fields.
fn check_text(ctx: &Ctx, title: &str, summary: &str, errors: &mut FieldErrors) {
    if title.is_empty() {
        errors.add("title", ctx.i, "error-required");
    } else if title.chars().count() > 120 {
        errors.add("title", ctx.i, "error-too-long");
    }
    if summary.chars().count() > 600 {
        errors.add("summary", ctx.i, "error-too-long");
    }
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    ctx.require_user()?;
    let form = NewPathForm {
        title: field(&fields, "title").trim().to_string(),
        summary: field(&fields, "summary").trim().to_string(),
        owner: field(&fields, "owner").to_string(),
    };
    let mut errors = FieldErrors::default();
    check_text(&ctx, &form.title, &form.summary, &mut errors);
    let centre_id = match form.owner.as_str() {
        "network" => None,
        other => match other.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("owner", ctx.i, "error-choice-unknown");
                None
            }
        },
    };
    if !errors.is_empty() {
        return render_list(&state, &ctx, form, errors).await;
    }
    if !can_author(&ctx, centre_id) {
        return Err(WebError::Forbidden);
    }
    let id = store::learning::create_path(&state.db, centre_id, None, &form.title, &form.summary)
        .await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/paths/{id}"),
        "flash-learn-path-created",
        &state,
    ))
}

/// A path its reader may write, or not found.
async fn authored_path(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<LearningPath> {
    ctx.require_user()?;
    let path = store::learning::find_path(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !can_author(ctx, path.centre_id) {
        return Err(WebError::NotFound);
    }
    Ok(path)
}

/// The cohorts a path may be attached to: its centre's, or every centre's for the network's
/// (labelled with their centre), as (id, label).
async fn cohort_choices(state: &AppState, path: &LearningPath) -> WebResult<Vec<(String, String)>> {
    Ok(match path.centre_id {
        Some(c) => store::cohorts::for_centre(&state.db, c)
            .await?
            .into_iter()
            .map(|k| (k.id.to_string(), k.name))
            .collect(),
        None => {
            let centres = state.centres().await?;
            store::cohorts::all(&state.db)
                .await?
                .into_iter()
                .map(|k| {
                    let centre = centres
                        .iter()
                        .find(|c| c.id == k.centre_id)
                        .map_or("", |c| c.name.as_str());
                    (k.id.to_string(), format!("{} — {centre}", k.name))
                })
                .collect()
        }
    })
}

/// The courses a path may hold: the network's, and its centre's own.
async fn course_choices(state: &AppState, path: &LearningPath) -> WebResult<Vec<Course>> {
    let centres = path.centre_id.map_or(",".to_string(), |c| format!(",{c},"));
    let q = store::learning::CatalogueQuery {
        centres: &centres,
        drafts: true,
        search: "",
        tag: None,
    };
    Ok(store::learning::catalogue(&state.db, &q).await?)
}

pub struct PathForm {
    pub title: String,
    pub summary: String,
    /// A cohort's id, or empty for a self-paced path.
    pub cohort: String,
}

/// A course of the path as the editor shows it: the release date as typed (`2027-01-15`).
pub struct EntryView {
    pub course_id: i64,
    pub title: String,
    pub requires_previous: bool,
    pub release: String,
    pub release_error: Option<String>,
}

#[derive(Template)]
#[template(path = "learning/admin_path.html")]
struct EditView {
    layout: Layout,
    path: LearningPath,
    form: PathForm,
    entries: Vec<EntryView>,
    cohorts: Vec<(String, String)>,
    addable: Vec<(i64, String)>,
    add_course: String,
    errors: FieldErrors,
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    path: LearningPath,
    typed: Option<(PathForm, Vec<EntryView>, String)>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let cohorts = cohort_choices(state, &path).await?;
    let courses = course_choices(state, &path).await?;
    let (form, entries, add_course) = match typed {
        Some(t) => t,
        None => {
            let entries = store::learning::path_courses(&state.db, path.id, 0)
                .await?
                .into_iter()
                .map(|c| EntryView {
                    course_id: c.course_id,
                    title: c.title,
                    requires_previous: c.requires_previous == 1,
                    release: c
                        .release_at
                        .map(|at| domain::time_zone::to_paris(at).date().to_string())
                        .unwrap_or_default(),
                    release_error: None,
                })
                .collect();
            let form = PathForm {
                title: path.title.clone(),
                summary: path.summary.clone(),
                cohort: path.cohort_id.map(|c| c.to_string()).unwrap_or_default(),
            };
            (form, entries, String::new())
        }
    };
    let addable = courses
        .into_iter()
        .filter(|c| !entries.iter().any(|e| e.course_id == c.id))
        .map(|c| {
            let label = if c.published() {
                c.title
            } else {
                format!("{} ({})", c.title, i.t("learn-draft"))
            };
            (c.id, label)
        })
        .collect();
    let view = EditView {
        layout: Layout::new(state, ctx, path.title.clone())
            .under("/learn/admin/paths".into(), i.t("learn-paths-admin-title")),
        path,
        form,
        entries,
        cohorts,
        addable,
        add_course,
        errors,
    };
    Ok((status_of(&view.errors), Html(view.render()?)).into_response())
}

async fn edit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> WebResult<Response> {
    let path = authored_path(&state, &ctx, id).await?;
    render_edit(&state, &ctx, path, None, FieldErrors::default()).await
}

/// What the editor's button asked for besides saving.
enum Move {
    Up(i64),
    Down(i64),
    Remove(i64),
    None,
}

fn parse_action(action: &str) -> Move {
    let id = |p: &str| action.strip_prefix(p).and_then(|n| n.parse::<i64>().ok());
    if let Some(c) = id("up-") {
        Move::Up(c)
    } else if let Some(c) = id("down-") {
        Move::Down(c)
    } else if let Some(c) = id("remove-") {
        Move::Remove(c)
    } else {
        Move::None
    }
}

/// `POST /learn/admin/paths/{id}`: saves the details and the courses as typed, after the move,
/// removal or addition asked for.
async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let path = authored_path(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let form = PathForm {
        title: field(&fields, "title").trim().to_string(),
        summary: field(&fields, "summary").trim().to_string(),
        cohort: field(&fields, "cohort").to_string(),
    };
    check_text(&ctx, &form.title, &form.summary, &mut errors);
    let cohorts = cohort_choices(&state, &path).await?;
    let cohort_id = match form.cohort.as_str() {
        "" => None,
        typed => match cohorts.iter().find(|(v, _)| v == typed) {
            Some((v, _)) => v.parse::<i64>().ok(),
            None => {
                errors.add("cohort", i, "error-choice-unknown");
                None
            }
        },
    };
    let courses = course_choices(&state, &path).await?;
    let title_of = |id: i64| courses.iter().find(|c| c.id == id).map(|c| c.title.clone());
    let mut entries: Vec<EntryView> = Vec::new();
    for (k, v) in &fields {
        let Some(course_id) = (k == "course").then(|| v.parse::<i64>().ok()).flatten() else {
            continue;
        };
        let Some(title) = title_of(course_id) else {
            continue;
        };
        if entries.iter().any(|e| e.course_id == course_id) {
            continue;
        }
        entries.push(EntryView {
            course_id,
            title,
            requires_previous: !field(&fields, &format!("prev-{course_id}")).is_empty(),
            release: field(&fields, &format!("release-{course_id}"))
                .trim()
                .to_string(),
            release_error: None,
        });
    }
    let mut focus = None;
    match parse_action(field(&fields, "action")) {
        Move::Up(c) => {
            if let Some(n) = entries.iter().position(|e| e.course_id == c)
                && n > 0
            {
                entries.swap(n, n - 1);
            }
            focus = Some(format!("up-{c}"));
        }
        Move::Down(c) => {
            if let Some(n) = entries.iter().position(|e| e.course_id == c)
                && n + 1 < entries.len()
            {
                entries.swap(n, n + 1);
            }
            focus = Some(format!("down-{c}"));
        }
        Move::Remove(c) => entries.retain(|e| e.course_id != c),
        Move::None => {}
    }
    let add_course = field(&fields, "add_course").to_string();
    if !add_course.is_empty() {
        match add_course
            .parse::<i64>()
            .ok()
            .and_then(|c| Some((c, title_of(c)?)))
        {
            Some((course_id, title)) if !entries.iter().any(|e| e.course_id == course_id) => {
                entries.push(EntryView {
                    course_id,
                    title,
                    requires_previous: !entries.is_empty(),
                    release: String::new(),
                    release_error: None,
                });
            }
            Some(_) => {}
            None => errors.add("add_course", i, "error-choice-unknown"),
        }
    }
    let mut saved = Vec::new();
    for e in &mut entries {
        let release_at = if e.release.is_empty() {
            None
        } else {
            match domain::tracking::parse_date(&e.release)
                .ok()
                .and_then(|d| domain::time_zone::from_paris(d.midnight()))
            {
                None => {
                    e.release_error = Some(i.t("learn-error-release-date"));
                    None
                }
                Some(_) if cohort_id.is_none() => {
                    e.release_error = Some(i.t("learn-error-release-self-paced"));
                    None
                }
                at => at,
            }
        };
        saved.push(Entry {
            course_id: e.course_id,
            requires_previous: e.requires_previous,
            release_at,
        });
    }
    if entries.iter().any(|e| e.release_error.is_some()) {
        errors.add("courses", i, "learn-error-path-courses");
    }
    if !errors.is_empty() {
        let add_course = if errors.get("add_course").is_some() {
            add_course
        } else {
            String::new()
        };
        return render_edit(
            &state,
            &ctx,
            path,
            Some((form, entries, add_course)),
            errors,
        )
        .await;
    }
    store::learning_paths::save(&state.db, id, &form.title, &form.summary, cohort_id, &saved)
        .await?;
    Ok(match focus {
        // Back to the button pressed, so the keyboard goes on from there.
        Some(button) => Redirect::to(&format!("/learn/admin/paths/{id}#{button}")).into_response(),
        None => redirect_with_flash(
            &format!("/learn/admin/paths/{id}"),
            "flash-learn-saved",
            &state,
        ),
    })
}

async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    authored_path(&state, &ctx, id).await?;
    let (status, flash) = match field(&fields, "status") {
        "published" => ("published", "flash-learn-path-published"),
        "draft" => ("draft", "flash-learn-path-unpublished"),
        _ => return Err(WebError::BadRequest("error-form-invalid")),
    };
    store::learning::set_path_status(&state.db, id, status).await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/paths/{id}"),
        flash,
        &state,
    ))
}
