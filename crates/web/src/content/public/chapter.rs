//! A guide's chapter: its text and outline, the guide's chapters with the one before and after.
use super::seo::{Seo, seo_for};
use super::{TocLink, with_lang};
use crate::content::{LangQuery, content_lang, summary_or_excerpt};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::Kind;
use domain::format::rfc3339;
use store::content::Shown;

#[derive(Template)]
#[template(path = "content/chapter.html")]
struct ChapterView {
    layout: Layout,
    seo: Seo,
    lang: String,
    fallback: bool,
    guide_title: String,
    guide_href: String,
    title: String,
    html: String,
    toc: Vec<TocLink>,
    chapters: Vec<TocLink>,
    prev: Option<TocLink>,
    next: Option<TocLink>,
    pdf_href: String,
}

pub async fn chapter(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((guide_slug, chapter_slug)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    let i = ctx.i;
    let lang = content_lang(&ctx, &q.lang);
    let now = store::now();
    let guide = store::content::public_by_slug(&state.db, "guide", 0, &guide_slug, lang, now)
        .await?
        .ok_or(WebError::NotFound)?;
    let shown = store::content::public_by_slug(
        &state.db,
        "chapter",
        guide.item.id,
        &chapter_slug,
        lang,
        now,
    )
    .await?
    .ok_or(WebError::NotFound)?;
    let rendered = domain::markdown::render_in(
        &shown.body,
        domain::Locale::parse(&shown.lang).unwrap_or_default(),
    );
    let all = store::content::chapters(&state.db, guide.item.id, &shown.lang, now, false).await?;
    let position = all.iter().position(|c| c.item.id == shown.item.id);
    let link = |c: &Shown, current: bool| TocLink {
        href: with_lang(&Kind::Chapter.path(&c.slug, Some(&guide.slug)), &guide.lang),
        title: c.title.clone(),
        level: 2,
        current,
    };
    let chapters = all
        .iter()
        .map(|c| link(c, c.item.id == shown.item.id))
        .collect();
    let prev = position
        .and_then(|p| p.checked_sub(1))
        .and_then(|p| all.get(p))
        .map(|c| link(c, false));
    let next = position
        .and_then(|p| all.get(p + 1))
        .map(|c| link(c, false));
    let seo = seo_for(
        &state,
        &ctx,
        &shown,
        Some(&(guide.item.id, guide.slug.clone())),
        Some(serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": shown.title,
            "inLanguage": shown.lang,
            "isPartOf": {"@type": "Book", "name": guide.title},
            "dateModified": rfc3339(shown.version_updated_at),
        })),
    )
    .await?;
    let description = summary_or_excerpt(&shown.summary, &shown.body);
    let view = ChapterView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta(
                "content-chapter-title",
                &[("chapter", &shown.title), ("guide", &guide.title)],
            ),
        )
        .with_description(description),
        seo,
        lang: shown.lang.clone(),
        fallback: lang != shown.lang,
        guide_href: with_lang(&Kind::Guide.path(&guide.slug, None), &guide.lang),
        guide_title: guide.title.clone(),
        title: shown.title.clone(),
        html: rendered.html,
        toc: rendered
            .headings
            .iter()
            .filter(|h| h.level <= 3)
            .map(|h| TocLink {
                href: format!("#{}", h.id),
                title: h.text.clone(),
                level: h.level,
                current: false,
            })
            .collect(),
        chapters,
        prev,
        next,
        pdf_href: format!("/guides/{}.pdf", guide.slug),
    };
    Ok(Html(view.render()?).into_response())
}
