//! The network's opening plan template (`/admin/ouverture`), kept by the network team: each
//! milestone's name, its offset in weeks from the opening day (negative: before) and its
//! checklist. Plans already started keep their own copy.
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
use domain::opening::{MAX_MILESTONES, OpeningError, milestone};
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::AuditAction;

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct MilestoneForm {
    pub name: String,
    pub offset: String,
    pub checklist: String,
}

pub struct Row {
    pub id: i64,
    pub form: MilestoneForm,
    /// The message beside the name, the offset or the checklist.
    pub name_error: Option<String>,
    pub offset_error: Option<String>,
    pub checklist_error: Option<String>,
}

impl Row {
    fn new(id: i64, form: MilestoneForm, error: Option<(&'static str, String)>) -> Row {
        let on = |f: &str| error.as_ref().filter(|e| e.0 == f).map(|e| e.1.clone());
        Row {
            id,
            name_error: on("name"),
            offset_error: on("offset"),
            checklist_error: on("checklist"),
            form,
        }
    }
}

#[derive(Template)]
#[template(path = "opening/template.html")]
struct TemplateView {
    layout: Layout,
    rows: Vec<Row>,
    add: MilestoneForm,
    errors: FieldErrors,
}

fn authorize(ctx: &Ctx) -> WebResult<()> {
    ctx.authorize(Action::EditOpeningTemplate, Scope::Network)
}

/// The field an error belongs to.
fn field(e: OpeningError) -> &'static str {
    match e {
        OpeningError::Offset => "offset",
        OpeningError::Checklist => "checklist",
        _ => "name",
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    edited: Option<(i64, MilestoneForm, (&'static str, String))>,
    add: MilestoneForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() && edited.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let rows = store::opening::template(&state.db)
        .await?
        .into_iter()
        .map(|m| match &edited {
            Some((id, form, error)) if *id == m.id => {
                Row::new(m.id, form.clone(), Some(error.clone()))
            }
            _ => Row::new(
                m.id,
                MilestoneForm {
                    name: m.name,
                    offset: m.offset_weeks.to_string(),
                    checklist: m.checklist,
                },
                None,
            ),
        })
        .collect();
    let view = TemplateView {
        layout: Layout::new(state, ctx, i.t("opening-template-title")),
        rows,
        add,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    authorize(&ctx)?;
    render(
        &state,
        &ctx,
        None,
        MilestoneForm::default(),
        FieldErrors::default(),
    )
    .await
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<MilestoneForm>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let m = match milestone(&form.name, &form.offset, &form.checklist) {
        Ok(m) => m,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add(field(e), ctx.i, e.message_key());
            return render(&state, &ctx, None, form, errors).await;
        }
    };
    if store::opening::template(&state.db).await?.len() >= MAX_MILESTONES {
        let mut errors = FieldErrors::default();
        errors.add("name", ctx.i, OpeningError::TooMany.message_key());
        return render(&state, &ctx, None, form, errors).await;
    }
    let id = store::opening::add_template_milestone(
        &state.db,
        &m.name,
        m.offset_weeks,
        &m.checklist.join("\n"),
    )
    .await?;
    audit(&state, &ctx, id).await?;
    Ok(redirect_with_flash(
        "/admin/ouverture",
        "flash-opening-template-saved",
        &state,
    ))
}

async fn audit(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<()> {
    store::audit::record(
        &state.db,
        AuditAction::OpeningTemplateEdited,
        store::audit::Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            subject_id: Some(id),
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MilestoneForm>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let m = match milestone(&form.name, &form.offset, &form.checklist) {
        Ok(m) => m,
        Err(e) => {
            let error = (field(e), ctx.i.t(e.message_key()));
            return render(
                &state,
                &ctx,
                Some((id, form, error)),
                MilestoneForm::default(),
                FieldErrors::default(),
            )
            .await;
        }
    };
    if !store::opening::update_template_milestone(
        &state.db,
        id,
        &m.name,
        m.offset_weeks,
        &m.checklist.join("\n"),
    )
    .await?
    {
        return Err(WebError::NotFound);
    }
    audit(&state, &ctx, id).await?;
    Ok(redirect_with_flash(
        "/admin/ouverture",
        "flash-opening-template-saved",
        &state,
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    if !store::opening::remove_template_milestone(&state.db, id).await? {
        return Err(WebError::NotFound);
    }
    audit(&state, &ctx, id).await?;
    Ok(redirect_with_flash(
        "/admin/ouverture",
        "flash-opening-template-saved",
        &state,
    ))
}
