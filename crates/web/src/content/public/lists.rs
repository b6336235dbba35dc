//! The lists of the blog, the podcast, case studies and guides: ten items a page, filtered by
//! tag, with the feed of the kind.
use super::seo::{Seo, list_seo};
use super::{Card, TagLink, card};
use crate::content::content_lang;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::{self, Kind};
use serde::Deserialize;

const PER_PAGE: i64 = 10;

#[derive(Template)]
#[template(path = "content/list.html")]
struct ListView {
    layout: Layout,
    seo: Seo,
    heading: String,
    intro: String,
    cards: Vec<Card>,
    tags: Vec<TagLink>,
    tag_selected: bool,
    all_href: String,
    empty: String,
    feed: Option<(String, String)>,
    prev_href: Option<String>,
    next_href: Option<String>,
    page: i64,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    tag: String,
    #[serde(default)]
    page: String,
    #[serde(default)]
    lang: String,
}

/// The heading, introduction and empty-list text of a kind's list (Fluent keys).
fn keys(kind: Kind) -> [&'static str; 3] {
    match kind {
        Kind::Post => [
            "content-blog-title",
            "content-blog-intro",
            "content-blog-empty",
        ],
        Kind::Episode => [
            "content-podcast-title",
            "content-podcast-intro",
            "content-podcast-empty",
        ],
        Kind::CaseStudy => [
            "content-cases-title",
            "content-cases-intro",
            "content-cases-empty",
        ],
        _ => [
            "content-guides-title",
            "content-guides-intro",
            "content-guides-empty",
        ],
    }
}

async fn list(state: &AppState, ctx: &Ctx, kind: Kind, query: ListQuery) -> WebResult<Response> {
    let i = ctx.i;
    let [heading_key, intro_key, empty_key] = keys(kind);
    let lang = content_lang(ctx, &query.lang);
    let base = kind.list_path().unwrap_or("/");
    let tag = content::parse_tags(&query.tag)
        .ok()
        .and_then(|t| t.into_iter().next());
    let page: i64 = query.page.parse().unwrap_or(1).clamp(1, 10_000);
    let now = store::now();
    let shown = store::content::public_list(
        &state.db,
        kind.code(),
        lang,
        tag.as_deref(),
        now,
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    let total = store::content::public_count(&state.db, kind.code(), tag.as_deref(), now).await?;
    // The tags in use, from the latest items of this kind.
    let mut all_tags: Vec<String> = Vec::new();
    for s in store::content::public_list(&state.db, kind.code(), lang, None, now, 100, 0).await? {
        for t in content::tags_of(&s.item.tags) {
            if !all_tags.contains(&t) {
                all_tags.push(t);
            }
        }
    }
    all_tags.sort();
    let tag_query = tag
        .as_deref()
        .map(|t| format!("tag={}&", crate::ctx::urlencode(t)))
        .unwrap_or_default();
    let view = ListView {
        layout: Layout::new(state, ctx, i.t(heading_key)).with_description(i.t(intro_key)),
        seo: list_seo(state, base),
        heading: i.t(heading_key),
        intro: i.t(intro_key),
        cards: shown.iter().map(|s| card(i, s, None)).collect(),
        tags: all_tags
            .into_iter()
            .map(|t| TagLink {
                href: format!("{base}?tag={}", crate::ctx::urlencode(&t)),
                current: tag.as_deref() == Some(t.as_str()),
                label: t,
            })
            .collect(),
        tag_selected: tag.is_some(),
        all_href: base.to_string(),
        empty: i.t(empty_key),
        feed: match kind {
            Kind::Post => Some((
                format!("/blog/feed.xml?lang={lang}"),
                i.t("content-feed-blog"),
            )),
            Kind::Episode => Some(("/podcast/feed.xml".into(), i.t("content-feed-podcast"))),
            _ => None,
        },
        prev_href: (page > 1).then(|| format!("{base}?{tag_query}page={}", page - 1)),
        next_href: (page * PER_PAGE < total)
            .then(|| format!("{base}?{tag_query}page={}", page + 1)),
        page,
    };
    Ok(Html(view.render()?).into_response())
}

pub async fn blog(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(&state, &ctx, Kind::Post, q).await
}

pub async fn podcast(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(&state, &ctx, Kind::Episode, q).await
}

pub async fn case_studies(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(&state, &ctx, Kind::CaseStudy, q).await
}

pub async fn guides(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(&state, &ctx, Kind::Guide, q).await
}
