use crate::cookies;
use crate::ctx::{Ctx, safe_next};
use crate::error::WebResult;
use crate::extract::Query;
use crate::form::Form;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Locale;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LangForm {
    pub lang: String,
    pub next: String,
}

/// Switches the interface language: a cookie for everyone, and the account's preference.
pub async fn switch(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LangForm>,
) -> WebResult<Response> {
    let locale = Locale::parse(&form.lang).unwrap_or(ctx.i.locale);
    if let Some(user) = &ctx.user {
        store::accounts::set_locale(&state.db, user.id, locale.code()).await?;
    }
    Ok(remember(&state, locale, &form.next))
}

/// The visitors' switch, a plain link: it sets the language cookie and nothing else (an
/// account's preference changes only through the form, which carries a CSRF token).
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    // Read leniently (a link can be mangled): the first of each, anything else ignored.
    let first = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let locale = Locale::parse(first("lang")).unwrap_or(ctx.i.locale);
    remember(&state, locale, first("next"))
}

/// The language cookie, and back to the page.
fn remember(state: &AppState, locale: Locale, next: &str) -> Response {
    let mut response =
        Redirect::to(&safe_next(Some(next).filter(|n| !n.is_empty()))).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(
            cookies::LANG,
            locale.code(),
            86_400 * 365,
            false,
            state.cookies.secure,
        ),
    );
    response
}
