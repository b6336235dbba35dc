//! The live preview `app.js` asks for while the body is typed.
use super::authorize;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::form::Form;
use axum::response::{Html, IntoResponse, Response};
use domain::content;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct PreviewForm {
    #[serde(default)]
    body: String,
}

/// `POST /admin/content/preview`: the rendered body as an HTML fragment, for the live preview
/// `app.js` adds beside the textarea (the same sanitised rendering as the pages).
pub async fn preview_fragment(ctx: Ctx, Form(form): Form<PreviewForm>) -> WebResult<Response> {
    authorize(&ctx)?;
    if form.body.chars().count() > content::MAX_BODY {
        return Err(WebError::BadRequest("content-error-body-too-long"));
    }
    let html = domain::markdown::render(&form.body).html;
    Ok(Html(html).into_response())
}
