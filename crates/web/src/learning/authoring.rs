//! Authoring: the network team writes the network's courses, a centre's managers their
//! centre's. Create, edit, reorder modules and lessons, upload a lesson's video, poster,
//! captions and workbooks (type read from the content), preview (the course page, drafts
//! shown to their authors only) and publish.
use super::{can_author, kind_label};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::filetype::Use;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use crate::streamed_upload::{StreamedMultipart, Upload as Received};
use crate::upload::clean_file_name;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::learning::{LessonKind, Quiz, TAGS, parse_tags};
use store::learning::{Course, CourseFields, Lesson, LessonFields, Media};

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/learn/admin", get(list).post(create))
        .route("/learn/admin/courses/{id}", get(edit).post(update))
        .route("/learn/admin/courses/{id}/status", post(set_status))
        .route("/learn/admin/courses/{id}/modules", post(add_module))
        .route("/learn/admin/modules/{id}/move", post(move_module))
        .route("/learn/admin/modules/{id}/lessons", post(add_lesson))
        .route(
            "/learn/admin/lessons/{id}",
            get(edit_lesson).post(save_lesson).layer(upload_limit),
        )
        .route("/learn/admin/lessons/{id}/move", post(move_lesson))
}

pub(super) type Fields = Vec<(String, String)>;

pub(super) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

pub struct TagChoice {
    pub code: &'static str,
    pub label: String,
    pub checked: bool,
}

fn tag_choices(i: I18n, chosen: &[&str]) -> Vec<TagChoice> {
    TAGS.iter()
        .map(|t| TagChoice {
            code: t,
            label: i.t(&format!("learn-tag-{t}")),
            checked: chosen.contains(t),
        })
        .collect()
}

/// The owners a person may write courses for: ("network" or a centre id, label).
pub(super) fn owners(
    state_centres: &[store::centres::CentreSummary],
    ctx: &Ctx,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if can_author(ctx, None) {
        out.push(("network".to_string(), ctx.i.t("learn-owner-network")));
    }
    for c in state_centres {
        if can_author(ctx, Some(c.id)) && ctx.actor.roles_in(c.id).next().is_some() {
            out.push((c.id.to_string(), c.name.clone()));
        }
    }
    out
}

pub struct CourseRow {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub draft: bool,
}

#[derive(Default)]
pub struct CourseForm {
    pub title: String,
    pub summary: String,
    pub owner: String,
}

#[derive(Template)]
#[template(path = "learning/admin_list.html")]
struct ListView {
    layout: Layout,
    courses: Vec<CourseRow>,
    owners: Vec<(String, String)>,
    tags: Vec<TagChoice>,
    form: CourseForm,
    errors: FieldErrors,
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    form: CourseForm,
    chosen: &[&str],
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let centres = state.centres().await?;
    let owners = owners(&centres, ctx);
    if owners.is_empty() {
        return Err(WebError::Forbidden);
    }
    let mine = super::reader_centres(ctx);
    let q = store::learning::CatalogueQuery {
        centres: &mine,
        drafts: true,
        search: "",
        tag: None,
    };
    let courses = store::learning::catalogue(&state.db, &q)
        .await?
        .into_iter()
        .filter(|c| can_author(ctx, c.centre_id))
        .map(|c| CourseRow {
            id: c.id,
            draft: !c.published(),
            owner: match c.centre_id {
                None => i.t("learn-owner-network"),
                Some(id) => centres
                    .iter()
                    .find(|k| k.id == id)
                    .map(|k| k.name.clone())
                    .unwrap_or_default(),
            },
            title: c.title,
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ListView {
        layout: Layout::new(state, ctx, i.t("learn-admin-title")),
        courses,
        owners,
        tags: tag_choices(i, chosen),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.require_user()?;
    render_list(
        &state,
        &ctx,
        CourseForm::default(),
        &[],
        FieldErrors::default(),
    )
    .await
}

/// The course fields once checked: a title, a summary, known tags.
fn check_course(
    i: I18n,
    fields: &Fields,
    errors: &mut FieldErrors,
) -> (CourseForm, Vec<&'static str>) {
    let form = CourseForm {
        title: field(fields, "title").trim().to_string(),
        summary: field(fields, "summary").trim().to_string(),
        owner: field(fields, "owner").to_string(),
    };
    if form.title.is_empty() {
        errors.add("title", i, "error-required");
    } else if form.title.chars().count() > 120 {
        errors.add("title", i, "error-too-long");
    }
    if form.summary.chars().count() > 600 {
        errors.add("summary", i, "error-too-long");
    }
    let typed: Vec<&str> = fields
        .iter()
        .filter(|(k, _)| k == "tag")
        .map(|(_, v)| v.as_str())
        .collect();
    let tags = parse_tags(&typed.join(",")).unwrap_or_else(|_| {
        errors.add("tag", i, "error-choice-unknown");
        Vec::new()
    });
    (form, tags)
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    ctx.require_user()?;
    let mut errors = FieldErrors::default();
    let (form, tags) = check_course(ctx.i, &fields, &mut errors);
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
        return render_list(&state, &ctx, form, &tags, errors).await;
    }
    if !can_author(&ctx, centre_id) {
        return Err(WebError::Forbidden);
    }
    let id = store::learning::create_course(
        &state.db,
        centre_id,
        &CourseFields {
            title: &form.title,
            summary: &form.summary,
            tags: &tags,
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/courses/{id}"),
        "flash-learn-course-created",
        &state,
    ))
}

/// A course its reader may write, or not found (another centre's) / forbidden.
async fn authored_course(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Course> {
    ctx.require_user()?;
    let course = store::learning::find_course(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !can_author(ctx, course.centre_id) {
        return Err(WebError::NotFound);
    }
    Ok(course)
}

pub struct LessonRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
}

pub struct ModuleRow {
    pub id: i64,
    pub title: String,
    pub lessons: Vec<LessonRow>,
}

#[derive(Template)]
#[template(path = "learning/admin_course.html")]
struct EditView {
    layout: Layout,
    course: Course,
    form: CourseForm,
    tags: Vec<TagChoice>,
    modules: Vec<ModuleRow>,
    kinds: Vec<(&'static str, String)>,
    errors: FieldErrors,
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    course: Course,
    form: Option<CourseForm>,
    chosen: Option<Vec<&str>>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let outline = store::learning::outline(&state.db, course.id, 0).await?;
    let mut modules: Vec<ModuleRow> = Vec::new();
    for row in outline {
        if modules.last().is_none_or(|m| m.id != row.module_id) {
            modules.push(ModuleRow {
                id: row.module_id,
                title: row.module_title.clone(),
                lessons: Vec::new(),
            });
        }
        if let (Some(id), Some(m)) = (row.lesson_id, modules.last_mut()) {
            m.lessons.push(LessonRow {
                id,
                title: row.lesson_title.unwrap_or_default(),
                kind: kind_label(i, row.kind.as_deref().unwrap_or("text")),
            });
        }
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = EditView {
        layout: Layout::new(state, ctx, course.title.clone())
            .under("/learn/admin".into(), i.t("learn-admin-title")),
        tags: tag_choices(i, &chosen.unwrap_or_else(|| course.tag_list())),
        form: form.unwrap_or_else(|| CourseForm {
            title: course.title.clone(),
            summary: course.summary.clone(),
            owner: String::new(),
        }),
        course,
        modules,
        kinds: LessonKind::ALL
            .iter()
            .map(|k| (k.code(), kind_label(i, k.code())))
            .collect(),
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn edit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> WebResult<Response> {
    let course = authored_course(&state, &ctx, id).await?;
    render_edit(&state, &ctx, course, None, None, FieldErrors::default()).await
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let course = authored_course(&state, &ctx, id).await?;
    let mut errors = FieldErrors::default();
    let (form, tags) = check_course(ctx.i, &fields, &mut errors);
    if !errors.is_empty() {
        return render_edit(&state, &ctx, course, Some(form), Some(tags), errors).await;
    }
    store::learning::update_course(
        &state.db,
        id,
        &CourseFields {
            title: &form.title,
            summary: &form.summary,
            tags: &tags,
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/courses/{id}"),
        "flash-learn-saved",
        &state,
    ))
}

async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    authored_course(&state, &ctx, id).await?;
    let (status, flash) = match field(&fields, "status") {
        "published" => ("published", "flash-learn-published"),
        "draft" => ("draft", "flash-learn-unpublished"),
        _ => return Err(WebError::BadRequest("error-form-invalid")),
    };
    store::learning::set_status(&state.db, id, status).await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/courses/{id}"),
        flash,
        &state,
    ))
}

async fn add_module(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let course = authored_course(&state, &ctx, id).await?;
    let title = field(&fields, "title").trim();
    if title.is_empty() || title.chars().count() > 120 {
        let mut errors = FieldErrors::default();
        errors.add("module_title", ctx.i, "error-required");
        return render_edit(&state, &ctx, course, None, None, errors).await;
    }
    store::learning::add_module(&state.db, id, title).await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/courses/{id}"),
        "flash-learn-saved",
        &state,
    ))
}

/// A module its reader may write, with its course.
async fn authored_module(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<(store::learning::Module, Course)> {
    let module = store::learning::find_module(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let course = authored_course(state, ctx, module.course_id).await?;
    Ok((module, course))
}

async fn move_module(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let (module, _) = authored_module(&state, &ctx, id).await?;
    store::learning::move_module(&state.db, id, field(&fields, "dir") == "up").await?;
    Ok(Redirect::to(&format!("/learn/admin/courses/{}", module.course_id)).into_response())
}

async fn add_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let (module, course) = authored_module(&state, &ctx, id).await?;
    let title = field(&fields, "title").trim();
    let kind = LessonKind::parse(field(&fields, "kind"));
    let (Ok(kind), false, true) = (kind, title.is_empty(), title.chars().count() <= 120) else {
        let mut errors = FieldErrors::default();
        errors.add("lesson_title", ctx.i, "error-required");
        return render_edit(&state, &ctx, course, None, None, errors).await;
    };
    let lesson = store::learning::add_lesson(
        &state.db,
        &module,
        &LessonFields {
            title,
            kind: kind.code(),
            body: "",
            video_url: None,
            quiz: None,
            exercise: "",
            minutes: 5,
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/lessons/{lesson}"),
        "flash-learn-lesson-created",
        &state,
    ))
}

/// A lesson its reader may write.
pub(super) async fn authored_lesson(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Lesson> {
    ctx.require_user()?;
    let lesson = store::learning::find_lesson(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !can_author(ctx, lesson.course_centre) {
        return Err(WebError::NotFound);
    }
    Ok(lesson)
}

async fn move_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let lesson = authored_lesson(&state, &ctx, id).await?;
    store::learning::move_lesson(&state.db, id, field(&fields, "dir") == "up").await?;
    Ok(Redirect::to(&format!("/learn/admin/courses/{}", lesson.course_id)).into_response())
}

pub struct LessonForm {
    pub title: String,
    pub kind: String,
    pub body: String,
    pub video_url: String,
    pub quiz: String,
    pub exercise: String,
    pub minutes: String,
}

impl LessonForm {
    fn of(l: &Lesson) -> Self {
        LessonForm {
            title: l.title.clone(),
            kind: l.kind.clone(),
            body: l.body.clone(),
            video_url: l.video_url.clone().unwrap_or_default(),
            quiz: l.quiz.clone().unwrap_or_default(),
            exercise: l.exercise.clone(),
            minutes: l.minutes.to_string(),
        }
    }
}

pub struct MediaField {
    pub name: &'static str,
    pub label: String,
    pub accept: &'static str,
    pub present: bool,
}

#[derive(Template)]
#[template(path = "learning/admin_lesson.html")]
struct LessonEditView {
    layout: Layout,
    media: Vec<MediaField>,
    lesson: Lesson,
    form: LessonForm,
    kinds: Vec<(&'static str, String)>,
    files: Vec<store::learning::LessonFile>,
    errors: FieldErrors,
}

async fn render_lesson(
    state: &AppState,
    ctx: &Ctx,
    lesson: Lesson,
    form: Option<LessonForm>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let files = store::learning::files(&state.db, lesson.id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = LessonEditView {
        layout: Layout::new(state, ctx, lesson.title.clone()).under(
            format!("/learn/admin/courses/{}", lesson.course_id),
            lesson.course_title.clone(),
        ),
        form: form.unwrap_or_else(|| LessonForm::of(&lesson)),
        media: vec![
            MediaField {
                name: "video",
                label: i.t("learn-field-video"),
                accept: "video/mp4,video/webm",
                present: lesson.video_key.is_some(),
            },
            MediaField {
                name: "poster",
                label: i.t("learn-field-poster"),
                accept: "image/png,image/jpeg",
                present: lesson.poster_key.is_some(),
            },
            MediaField {
                name: "captions",
                label: i.t("learn-field-captions"),
                accept: ".vtt,text/vtt",
                present: lesson.captions_key.is_some(),
            },
        ],
        kinds: LessonKind::ALL
            .iter()
            .map(|k| (k.code(), kind_label(i, k.code())))
            .collect(),
        files,
        lesson,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn edit_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let lesson = authored_lesson(&state, &ctx, id).await?;
    render_lesson(&state, &ctx, lesson, None, FieldErrors::default()).await
}

/// An upload checked by its content, with its type.
struct Upload {
    media: Option<Media>,
    file: Received,
    content_type: &'static str,
    name: String,
}

async fn save_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    mut form: StreamedMultipart,
) -> WebResult<Response> {
    let lesson = authored_lesson(&state, &ctx, id).await?;
    let i = ctx.i;
    let typed = LessonForm {
        title: form.text("title").trim().to_string(),
        kind: form.text("kind"),
        body: form.text("body"),
        video_url: form.text("video_url").trim().to_string(),
        quiz: form.text("quiz").trim().to_string(),
        exercise: form.text("exercise"),
        minutes: form.text("minutes").trim().to_string(),
    };
    let mut errors = FieldErrors::default();
    if typed.title.is_empty() {
        errors.add("title", i, "error-required");
    } else if typed.title.chars().count() > 120 {
        errors.add("title", i, "error-too-long");
    }
    let kind = LessonKind::parse(&typed.kind).unwrap_or_else(|_| {
        errors.add("kind", i, "error-choice-unknown");
        LessonKind::Text
    });
    if typed.body.chars().count() > 100_000 {
        errors.add("body", i, "error-too-long");
    }
    if !typed.video_url.is_empty()
        && let Err(e) = domain::learning::parse_external(&typed.video_url)
    {
        errors.add("video_url", i, e.message_key());
    }
    let quiz = if kind == LessonKind::Quiz || !typed.quiz.is_empty() {
        match Quiz::parse(&typed.quiz) {
            Ok(_) => Some(typed.quiz.as_str()),
            Err(e) => {
                errors.add("quiz", i, e.message_key());
                None
            }
        }
    } else {
        None
    };
    if kind == LessonKind::Exercise
        && domain::learning::exercise_prompts(&typed.exercise).is_empty()
    {
        errors.add("exercise", i, "learn-error-exercise");
    }
    let minutes = match typed.minutes.parse::<i64>() {
        Ok(m) if (0..=600).contains(&m) => m,
        _ => {
            errors.add("minutes", i, "learn-error-minutes");
            0
        }
    };
    let mut uploads: Vec<Upload> = Vec::new();
    for (name, media) in [
        ("video", Some(Media::Video)),
        ("poster", Some(Media::Poster)),
        ("captions", Some(Media::Captions)),
        ("workbook", None),
    ] {
        let Some(part) = form.take_file(name) else {
            continue;
        };
        let file_name = clean_file_name(part.file_name.as_deref().unwrap_or(""));
        let field = match name {
            "video" => "video",
            "poster" => "poster",
            "captions" => "captions",
            _ => "workbook",
        };
        // Size and type by content (`filetype`), then what this field takes of a document.
        let usage = match media {
            Some(Media::Video) => Use::Video,
            Some(Media::Captions) => Use::Captions,
            Some(Media::Poster) | None => Use::Document,
        };
        let fits = |t: &str| match media {
            Some(Media::Poster) => t.starts_with("image/"),
            None => {
                t == "application/pdf"
                    || t.starts_with("application/vnd.oasis.opendocument.text")
                    || t.starts_with("application/vnd.openxmlformats-officedocument.wordprocessing")
            }
            _ => true,
        };
        match crate::streamed_upload::check(&state, i, usage, &part) {
            Ok(t) if fits(t) => uploads.push(Upload {
                media,
                file: part,
                content_type: t,
                name: file_name,
            }),
            Ok(_) => errors.add(field, i, &format!("learn-error-{name}-type")),
            Err(message) => errors.add_text(field, message),
        }
    }
    if !errors.is_empty() {
        return render_lesson(&state, &ctx, lesson, Some(typed), errors).await;
    }
    for u in &mut uploads {
        let key = crate::streamed_upload::store(&state, &mut u.file).await?;
        match u.media {
            Some(media) => {
                store::learning::set_media(&state.db, id, media, &key, u.content_type).await?
            }
            None => {
                store::learning::add_file(
                    &state.db,
                    id,
                    &key,
                    &u.name,
                    u.content_type,
                    u.file.size as i64,
                )
                .await?;
            }
        }
    }
    let user = ctx.require_user()?;
    store::lesson_revisions::save(
        &state.db,
        id,
        &LessonFields {
            title: &typed.title,
            kind: kind.code(),
            body: &typed.body,
            video_url: (!typed.video_url.is_empty()).then_some(typed.video_url.as_str()),
            quiz,
            exercise: &typed.exercise,
            minutes,
        },
        &store::lesson_revisions::Author {
            id: user.id,
            name: &user.display_name,
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/learn/admin/lessons/{id}"),
        "flash-learn-saved",
        &state,
    ))
}
