//! Creating a canvas (blank or from a worked example), importing and exporting it.
use super::canvas_for;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::project_access::project_scope;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Action;
use domain::canvas::{
    CanvasDocument, DocumentItem, MarkdownLabels, check_title, examples, to_markdown,
};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CreateForm {
    pub title: String,
    /// Empty for a blank canvas, or the key of a worked example.
    pub example: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(project_id): Path<i64>,
    Form(form): Form<CreateForm>,
) -> WebResult<Response> {
    let (project, scope) = project_scope(&state, &ctx, project_id).await?;
    ctx.authorize(Action::EditProject, scope)?;
    let i = ctx.i;
    let title = if form.title.trim().is_empty() {
        i.ta("canvas-default-title", &[("project", &project.name)])
    } else {
        form.title.clone()
    };
    let title = check_title(&title).map_err(|e| WebError::BadRequest(e.message_key()))?;
    let drafts = match form.example.as_str() {
        "" => Vec::new(),
        key => {
            let example = examples()
                .iter()
                .find(|e| e.key == key)
                .ok_or(WebError::BadRequest("canvas-error-example"))?;
            example
                .drafts()
                .map_err(|e| WebError::BadRequest(e.message_key()))?
        }
    };
    let id = store::canvas::create(
        &state.db,
        project.centre_id,
        project.id,
        &title,
        ctx.actor.user_id,
        &drafts,
    )
    .await?;
    Ok(Redirect::to(&format!("/canvases/{id}")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ImportForm {
    pub document: String,
}

pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(project_id): Path<i64>,
    Form(form): Form<ImportForm>,
) -> WebResult<Response> {
    let (project, scope) = project_scope(&state, &ctx, project_id).await?;
    ctx.authorize(Action::EditProject, scope)?;
    match CanvasDocument::parse(&form.document) {
        Ok((title, drafts)) => {
            let id = store::canvas::create(
                &state.db,
                project.centre_id,
                project.id,
                &title,
                ctx.actor.user_id,
                &drafts,
            )
            .await?;
            Ok(Redirect::to(&format!("/canvases/{id}")).into_response())
        }
        Err(e) => {
            crate::projects::canvases::render(
                &state,
                &ctx,
                project_id,
                Some((ctx.i.t(e.message_key()), e.to_string(), form.document)),
            )
            .await
        }
    }
}

async fn document(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(CanvasDocument, i64)> {
    let (canvas, _) = canvas_for(state, ctx, id, Action::ViewProject).await?;
    let mut items = store::canvas::items(&state.db, canvas.id).await?;
    let t = domain::canvas::template();
    items.sort_by_key(|it| (t.order(&it.block), it.position, it.id));
    let doc_items = items.into_iter().map(DocumentItem::from).collect();
    Ok((CanvasDocument::new(&canvas.title, doc_items), canvas.id))
}

pub async fn export_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (doc, id) = document(&state, &ctx, id).await?;
    Ok(respond::file(
        doc.to_json(),
        "application/json; charset=utf-8",
        Disposition::Attachment,
        &format!("canvas-{id}.json"),
    ))
}

pub async fn export_markdown(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (doc, id) = document(&state, &ctx, id).await?;
    let i = ctx.i;
    let (hypothesis, evidence, empty) = (
        i.t("canvas-hypothesis"),
        i.t("canvas-evidence"),
        i.t("canvas-block-empty"),
    );
    let labels = MarkdownLabels {
        hypothesis: &hypothesis,
        evidence: &evidence,
        empty: &empty,
    };
    Ok(respond::file(
        to_markdown(&doc, i.locale, &labels),
        "text/markdown; charset=utf-8",
        Disposition::Attachment,
        &format!("canvas-{id}.md"),
    ))
}
