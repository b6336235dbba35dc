//! A page that says one thing: « check your e-mail », « link expired », « you are
//! unsubscribed »…, with at most one action.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessageView {
    pub layout: Layout,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub action: Option<(String, String)>,
    /// Tells the page's script that the visitor's canvas draft is saved and may be forgotten.
    pub draft_saved: bool,
}

/// The page: a heading and paragraphs (Fluent keys), and an action (address, key).
pub fn message(
    state: &AppState,
    ctx: &Ctx,
    heading_key: &str,
    paragraph_keys: &[&str],
    action: Option<(&str, &str)>,
) -> WebResult<Response> {
    message_with(state, ctx, heading_key, paragraph_keys, action, false)
}

/// [`message`], also telling the page's script whether the visitor's canvas draft is saved.
pub fn message_with(
    state: &AppState,
    ctx: &Ctx,
    heading_key: &str,
    paragraph_keys: &[&str],
    action: Option<(&str, &str)>,
    draft_saved: bool,
) -> WebResult<Response> {
    let i = ctx.i;
    let view = MessageView {
        layout: Layout::new(state, ctx, i.t(heading_key)),
        heading: i.t(heading_key),
        paragraphs: paragraph_keys.iter().map(|k| i.t(k)).collect(),
        action: action.map(|(href, key)| (href.to_string(), i.t(key))),
        draft_saved,
    };
    Ok(Html(view.render()?).into_response())
}
