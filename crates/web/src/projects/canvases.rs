//! Starting another canvas for a project: blank, from a worked example, or from the JSON file a
//! canvas was exported to. Its own page, so the project page is not a stack of forms.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;

#[derive(Template)]
#[template(path = "projects/canvases.html")]
struct NewCanvasView {
    layout: Layout,
    id: i64,
    examples: Vec<(String, String)>,
    import_error: Option<String>,
    import_detail: String,
    import_text: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render(&state, &ctx, id, None).await
}

/// The page again with a refused import: (message, technical detail, what was pasted).
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    import_problem: Option<(String, String, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    if !ctx.actor.can(Action::EditProject, scope) {
        return Err(WebError::Forbidden);
    }
    let status = if import_problem.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let (import_error, import_detail, import_text) = match import_problem {
        Some((m, d, t)) => (Some(m), d, t),
        None => (None, String::new(), String::new()),
    };
    let view = NewCanvasView {
        layout: Layout::new(state, ctx, i.t("canvas-new"))
            .under(format!("/projects/{id}#h-canvas"), project.name),
        id,
        examples: domain::canvas::examples()
            .iter()
            .map(|e| (e.key.clone(), e.name(i.locale).name.clone()))
            .collect(),
        import_error,
        import_detail,
        import_text,
    };
    Ok((status, Html(view.render()?)).into_response())
}
