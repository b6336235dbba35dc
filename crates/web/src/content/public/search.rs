//! Search over the published titles and texts in the reader's language.
use super::{Card, card};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "content/search.html")]
struct SearchView {
    layout: Layout,
    q: String,
    cards: Vec<Card>,
    searched: bool,
    count: String,
    error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// Search over the published titles and texts in the reader's language, title matches first.
pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<SearchQuery>,
) -> WebResult<Response> {
    let i = ctx.i;
    let q = query.q.trim().to_string();
    let mut error = None;
    let mut cards = Vec::new();
    let searched = !q.is_empty();
    if q.chars().count() > 100 {
        error = Some(i.t("content-search-too-long"));
    } else if searched {
        let lang = ctx.i.code();
        let needle = q.to_lowercase();
        let mut found = store::content::search(&state.db, lang, &q, store::now(), 100).await?;
        found.sort_by_key(|s| !s.title.to_lowercase().contains(&needle));
        for s in found.iter().take(50) {
            let guide_slug = match s.item.parent_id {
                Some(p) => store::content::slug_in(&state.db, p, &s.lang).await?,
                None => None,
            };
            cards.push(card(i, s, guide_slug.as_deref()));
        }
    }
    let count = i.tn("content-search-count", cards.len() as i64);
    let view = SearchView {
        layout: Layout::new(&state, &ctx, i.t("content-search-title")),
        q,
        cards,
        searched,
        count,
        error,
    };
    Ok(Html(view.render()?).into_response())
}
