//! A procedure: written in Markdown like the content editor's pages (a preview button shows the
//! same sanitised rendering), linking chapters of the operations manual; read by the centre's
//! coaches and managers, written by its managers.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::procedures::check_text;
use domain::{Action, Scope};
use store::centres::CentreSummary;

/// The longest procedure, in characters.
const MAX_BODY: usize = 50_000;

/// A chapter of the manual: its slug, title, whether the procedure links it.
pub struct Chapter {
    pub slug: String,
    pub title: String,
    pub checked: bool,
}

#[derive(Debug, Default)]
pub struct ProcedureForm {
    pub title: String,
    pub body: String,
    pub chapters: Vec<String>,
    pub preview: bool,
}

impl ProcedureForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = ProcedureForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => f.title = v,
                "body" => f.body = v.replace("\r\n", "\n"),
                "chapter" => f.chapters.push(v),
                "action" => f.preview = v == "preview",
                _ => {}
            }
        }
        f
    }
}

#[derive(Template)]
#[template(path = "procedures/edit.html")]
struct EditView {
    layout: Layout,
    action: String,
    cancel: String,
    preview_url: String,
    form: ProcedureForm,
    chapters: Vec<Chapter>,
    preview: Option<String>,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "procedures/show.html")]
struct ShowView {
    layout: Layout,
    slug: String,
    id: i64,
    manage: bool,
    body: String,
    meta: String,
    chapters: Vec<(String, String)>,
}

/// The operations manual's chapters in the centre's deployment kit: (slug, title). A centre
/// that holds no kit has none to link.
async fn manual_chapters(state: &AppState, centre_id: i64) -> WebResult<Vec<(String, String)>> {
    Ok(store::kit::centre_items(&state.db, centre_id)
        .await?
        .into_iter()
        .filter_map(|i| {
            let slug = i.key.strip_prefix(super::MANUAL)?.to_string();
            Some((slug, i.title))
        })
        .collect())
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    id: Option<i64>,
    form: ProcedureForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let chapters = manual_chapters(state, centre.id)
        .await?
        .into_iter()
        .map(|(slug, title)| Chapter {
            checked: form.chapters.contains(&slug),
            slug,
            title,
        })
        .collect();
    let preview = form
        .preview
        .then(|| domain::markdown::render_in(&form.body, i.locale()).html);
    let (title, action, cancel) = match id {
        Some(id) => (
            i.t("ops-procedure-edit"),
            format!("/centres/{}/procedures/{id}/edit", centre.slug),
            format!("/centres/{}/procedures/{id}", centre.slug),
        ),
        None => (
            i.t("ops-procedure-new"),
            format!("/centres/{}/procedures/new", centre.slug),
            format!("/centres/{}/procedures", centre.slug),
        ),
    };
    let view = EditView {
        layout: Layout::new(state, ctx, title).under(
            format!("/centres/{}/procedures", centre.slug),
            i.ta("ops-hub-title", &[("centre", &centre.name)]),
        ),
        preview_url: format!("/centres/{}/procedures/preview", centre.slug),
        action,
        cancel,
        form,
        chapters,
        preview,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    render_edit(
        &state,
        &ctx,
        &centre,
        None,
        ProcedureForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// The checked fields, or the errors to show beside them.
async fn checked(
    state: &AppState,
    ctx: &Ctx,
    centre_id: i64,
    form: &ProcedureForm,
) -> WebResult<Result<(String, String, String), FieldErrors>> {
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let title = check_text(&form.title, 120, true)
        .map_err(|e| errors.add("title", i, e.message_key()))
        .ok();
    let body = check_text(&form.body, MAX_BODY, true)
        .map_err(|e| errors.add("body", i, e.message_key()))
        .ok();
    let known: Vec<String> = manual_chapters(state, centre_id)
        .await?
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    let chapters = domain::procedures::chapters(&form.chapters, &known).join("\n");
    Ok(match (title, body) {
        (Some(t), Some(b)) if errors.is_empty() => Ok((t, b, chapters)),
        _ => Err(errors),
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let user = ctx.require_user()?;
    let form = ProcedureForm::from_pairs(pairs);
    if form.preview {
        return render_edit(&state, &ctx, &centre, None, form, FieldErrors::default()).await;
    }
    let (title, body, chapters) = match checked(&state, &ctx, centre.id, &form).await? {
        Ok(v) => v,
        Err(errors) => return render_edit(&state, &ctx, &centre, None, form, errors).await,
    };
    let fields = store::procedures::ProcedureFields {
        title: &title,
        body: &body,
        chapters: &chapters,
    };
    let id = match store::procedures::create_procedure(&state.db, centre.id, &fields, user.id).await
    {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            let mut errors = FieldErrors::default();
            errors.add("title", ctx.i, "ops-error-procedure-taken");
            return render_edit(&state, &ctx, &centre, None, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    Ok(redirect_with_flash(
        &format!("/centres/{}/procedures/{id}", centre.slug),
        "flash-ops-procedure-saved",
        &state,
    ))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    let i = ctx.i;
    let p = store::procedures::procedure(&state.db, centre.id, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let linked: Vec<&str> = p.chapters.lines().collect();
    let chapters = manual_chapters(&state, centre.id)
        .await?
        .into_iter()
        .filter(|(s, _)| linked.contains(&s.as_str()))
        .map(|(s, t)| {
            (
                format!("/centres/{}/kit/{}{s}", centre.slug, super::MANUAL),
                t,
            )
        })
        .collect();
    let meta = match &p.updated_by_name {
        Some(name) => i.ta(
            "ops-procedure-updated-by",
            &[("date", &i.date(p.updated_at)), ("name", name)],
        ),
        None => i.ta("ops-procedure-updated", &[("date", &i.date(p.updated_at))]),
    };
    let view = ShowView {
        layout: Layout::new(&state, &ctx, p.title.clone()).under(
            format!("/centres/{}/procedures", centre.slug),
            i.ta("ops-hub-title", &[("centre", &centre.name)]),
        ),
        manage: ctx
            .actor
            .can(Action::ManageOperations, Scope::Centre(centre.id)),
        slug: centre.slug,
        id,
        body: domain::markdown::render_in(&p.body, i.locale()).html,
        meta,
        chapters,
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let p = store::procedures::procedure(&state.db, centre.id, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let form = ProcedureForm {
        title: p.title,
        body: p.body,
        chapters: p.chapters.lines().map(str::to_string).collect(),
        preview: false,
    };
    render_edit(
        &state,
        &ctx,
        &centre,
        Some(id),
        form,
        FieldErrors::default(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let user = ctx.require_user()?;
    let form = ProcedureForm::from_pairs(pairs);
    if form.preview {
        return render_edit(
            &state,
            &ctx,
            &centre,
            Some(id),
            form,
            FieldErrors::default(),
        )
        .await;
    }
    let (title, body, chapters) = match checked(&state, &ctx, centre.id, &form).await? {
        Ok(v) => v,
        Err(errors) => return render_edit(&state, &ctx, &centre, Some(id), form, errors).await,
    };
    let fields = store::procedures::ProcedureFields {
        title: &title,
        body: &body,
        chapters: &chapters,
    };
    match store::procedures::update_procedure(&state.db, centre.id, id, &fields, user.id).await {
        Ok(true) => {}
        Ok(false) => return Err(WebError::NotFound),
        Err(store::StoreError::Duplicate) => {
            let mut errors = FieldErrors::default();
            errors.add("title", ctx.i, "ops-error-procedure-taken");
            return render_edit(&state, &ctx, &centre, Some(id), form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/procedures/{id}", centre.slug),
        "flash-ops-procedure-saved",
        &state,
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct PreviewForm {
    #[serde(default)]
    body: String,
}

/// `POST /centres/{slug}/procedures/preview`: the rendered body as an HTML fragment, for the
/// live preview `content-preview.js` adds beside the textarea (the same sanitised rendering).
pub async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<PreviewForm>,
) -> WebResult<Response> {
    super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    if form.body.chars().count() > MAX_BODY {
        return Err(WebError::BadRequest("ops-error-body-too-long"));
    }
    Ok(Html(domain::markdown::render_in(&form.body, ctx.i.locale()).html).into_response())
}
