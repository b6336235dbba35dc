//! The privacy notice (the landing page is `site::landing`).
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyView {
    layout: Layout,
}

pub async fn privacy(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let view = PrivacyView {
        layout: Layout::new(&state, &ctx, ctx.i.t("privacy-title")),
    };
    Ok(Html(view.render()?).into_response())
}
