//! The site's pages: the fixed ones, any other at its own address (the router's fallback), and
//! the old address of the privacy notice.
use super::item::item_view;
use crate::content::{LangQuery, content_lang, public_path};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Query;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::Kind;

/// The old address of the privacy notice.
pub async fn privacy_moved() -> Response {
    (
        axum::http::StatusCode::MOVED_PERMANENTLY,
        [(axum::http::header::LOCATION, "/confidentialite")],
    )
        .into_response()
}

/// A fixed page (`/notre-histoire`, `/offres`…): the page item whose French slug is the path.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    let slug = ctx.path.trim_start_matches('/').to_string();
    page_at(&state, &ctx, &slug, &q).await
}

/// The router's fallback: an address of one segment that no route took (`/atelier-velo`) is
/// the public page whose French slug it is, so every page staff publish answers at its own
/// address; anything else, or a page not public yet, is a 404. Being the fallback, it never
/// shadows a route.
pub async fn any_page(
    State(state): State<AppState>,
    ctx: Ctx,
    method: axum::http::Method,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    if method != axum::http::Method::GET && method != axum::http::Method::HEAD {
        return Err(WebError::NotFound);
    }
    let slug = ctx.path.strip_prefix('/').unwrap_or_default();
    match domain::Slug::parse(slug) {
        Ok(s) if s.as_str() == slug => page_at(&state, &ctx, slug, &q).await,
        _ => Err(WebError::NotFound),
    }
}

async fn page_at(state: &AppState, ctx: &Ctx, slug: &str, q: &LangQuery) -> WebResult<Response> {
    let lang = content_lang(ctx, &q.lang);
    let found =
        store::content::public_by_slug(&state.db, "page", 0, slug, lang, store::now()).await?;
    match found {
        Some(shown) => {
            // Pages keep their French address: another version's slug leads there.
            let fr_slug = store::content::slug_in(&state.db, shown.item.id, "fr").await?;
            if let Some(fr_slug) = fr_slug.filter(|s| s != slug) {
                let to = public_path(Kind::Page, &shown.lang, "", &fr_slug, None);
                return Ok((
                    axum::http::StatusCode::MOVED_PERMANENTLY,
                    [(axum::http::header::LOCATION, to)],
                )
                    .into_response());
            }
            let mut view = item_view(state, ctx, shown, lang).await?;
            if slug == crate::site::OFFERS_PAGE {
                view.offers = crate::offers::catalogue(state, ctx.i).await?;
            }
            Ok(Html(view.render()?).into_response())
        }
        // An instance whose privacy page was not written yet still shows the built-in notice.
        None if slug == "confidentialite" => {
            crate::home::privacy(State(state.clone()), ctx.clone()).await
        }
        None => Err(WebError::NotFound),
    }
}
