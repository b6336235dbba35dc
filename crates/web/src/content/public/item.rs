//! An item's page (a page, post, episode, case study or guide): the text with its table of
//! contents, key figures, audio, a guide's chapters, and the item's JSON-LD.
use super::seo::{Seo, seo_for};
use super::{TagLink, TocLink, tag_links, with_lang};
use crate::content::audio::{extension_of, guess_audio_type};
use crate::content::{LangQuery, content_lang, published_on, summary_or_excerpt};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::{self, Kind};
use domain::format::rfc3339;
use store::content::Shown;

pub struct FigureView {
    pub value: String,
    pub unit: String,
    pub label: String,
    /// « (mesuré le 20 novembre 2026) » for a figure taken from a measurement.
    pub measured: String,
}

pub struct AudioView {
    pub src: String,
    pub content_type: String,
    pub duration: String,
    pub external: bool,
}

#[derive(Template)]
#[template(path = "content/item.html")]
pub struct ItemView {
    pub layout: Layout,
    pub seo: Seo,
    pub kind: String,
    pub lang: String,
    /// The reader asked for a language this item is not written in; French is shown.
    pub fallback: bool,
    pub title: String,
    pub summary: String,
    pub date: String,
    pub author: String,
    pub tags: Vec<TagLink>,
    pub html: String,
    pub toc: Vec<TocLink>,
    pub figures: Vec<FigureView>,
    pub project: String,
    pub audio: Option<AudioView>,
    pub episode_meta: String,
    pub chapters: Vec<TocLink>,
    pub pdf_href: String,
    pub back: Option<(String, String)>,
    /// On the offers page, the offers as the landing shows them: one source for both.
    pub offers: Vec<crate::offers::Card>,
}

/// The item page of any kind but chapter.
pub async fn item_view(
    state: &AppState,
    ctx: &Ctx,
    shown: Shown,
    wanted: &str,
) -> WebResult<ItemView> {
    let i = ctx.i;
    let kind = shown.item.kind;
    let rendered = domain::markdown::render_in(
        &shown.body,
        domain::Locale::parse(&shown.lang).unwrap_or_default(),
    );
    let base = state.config.base_url.clone();
    let description = summary_or_excerpt(&shown.summary, &shown.body);
    let audio = (kind == Kind::Episode)
        .then(|| audio_view(&shown))
        .flatten();
    let json = match kind {
        Kind::Post | Kind::CaseStudy => Some(serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": shown.title,
            "description": description,
            "inLanguage": shown.lang,
            "datePublished": shown.item.publish_at.map(rfc3339),
            "dateModified": rfc3339(shown.version_updated_at.max(shown.item.updated_at)),
            "author": {"@type": "Organization", "name": "Studio d'Impact Local"},
            "publisher": {"@type": "Organization", "name": "Studio d'Impact Local"},
            "keywords": content::tags_of(&shown.item.tags).join(", "),
        })),
        Kind::Episode => Some(serde_json::json!({
            "@context": "https://schema.org",
            "@type": "PodcastEpisode",
            "name": shown.title,
            "description": description,
            "inLanguage": shown.lang,
            "datePublished": shown.item.publish_at.map(rfc3339),
            "episodeNumber": shown.item.episode_number,
            "timeRequired": shown.item.duration_seconds.map(|d| format!("PT{}M{}S", d / 60, d % 60)),
            "associatedMedia": audio.as_ref().map(|a| serde_json::json!({
                "@type": "MediaObject",
                "contentUrl": if a.external { a.src.clone() } else { format!("{base}{}", a.src) },
                "encodingFormat": a.content_type,
                "duration": shown.item.duration_seconds.map(|d| format!("PT{}M{}S", d / 60, d % 60)),
            })),
            "partOfSeries": {"@type": "PodcastSeries", "name": "Impact Local", "url": format!("{base}/podcast")},
        })),
        _ => None,
    };
    let seo = seo_for(state, ctx, &shown, None, json).await?;
    let chapters = if kind == Kind::Guide {
        store::content::chapters(&state.db, shown.item.id, &shown.lang, store::now(), false)
            .await?
            .iter()
            .map(|c| TocLink {
                href: with_lang(&Kind::Chapter.path(&c.slug, Some(&shown.slug)), &shown.lang),
                title: c.title.clone(),
                level: 2,
                current: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let figures = content::parse_figures(&shown.figures)
        .unwrap_or_default()
        .into_iter()
        .map(|f| FigureView {
            measured: f
                .measured_on
                .map(|day| {
                    i.ta(
                        "content-figure-measured",
                        &[("date", &crate::tracking::day(i, &day))],
                    )
                })
                .unwrap_or_default(),
            value: f.value,
            unit: f.unit,
            label: f.label,
        })
        .collect();
    let mut episode_meta = Vec::new();
    if let Some(s) = shown.item.season_number {
        episode_meta.push(i.ta("content-season", &[("n", &s.to_string())]));
    }
    if let Some(e) = shown.item.episode_number {
        episode_meta.push(i.ta("content-episode", &[("n", &e.to_string())]));
    }
    if shown.item.explicit != 0 {
        episode_meta.push(i.t("content-explicit"));
    }
    let list_base = kind.list_path();
    let layout = Layout::new(state, ctx, shown.title.clone()).with_description(description);
    Ok(ItemView {
        layout,
        seo,
        kind: kind.code().to_string(),
        lang: shown.lang.clone(),
        fallback: wanted != shown.lang,
        date: if kind == Kind::Page {
            i.ta(
                "content-updated-on",
                &[("date", &i.date(shown.version_updated_at))],
            )
        } else {
            published_on(i, shown.item.publish_at)
        },
        author: if kind == Kind::Page {
            String::new()
        } else {
            shown.item.author_name.clone().unwrap_or_default()
        },
        tags: list_base
            .map(|b| tag_links(b, &shown.item.tags, None))
            .unwrap_or_default(),
        html: rendered.html,
        toc: if kind == Kind::Page || kind == Kind::Guide {
            rendered
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| TocLink {
                    href: format!("#{}", h.id),
                    title: h.text.clone(),
                    level: h.level,
                    current: false,
                })
                .collect()
        } else {
            Vec::new()
        },
        figures,
        project: shown.item.project_name.clone().unwrap_or_default(),
        audio,
        episode_meta: episode_meta.join(" · "),
        chapters,
        pdf_href: format!("/guides/{}.pdf", shown.slug),
        back: list_base.map(|b| {
            let key = match kind {
                Kind::Post => "content-back-blog",
                Kind::Episode => "content-back-podcast",
                Kind::CaseStudy => "content-back-cases",
                _ => "content-back-guides",
            };
            (b.to_string(), i.t(key))
        }),
        title: shown.title,
        summary: shown.summary,
        offers: Vec::new(),
    })
}

fn audio_view(shown: &Shown) -> Option<AudioView> {
    let duration = shown
        .item
        .duration_seconds
        .map(content::short_clock)
        .unwrap_or_default();
    if shown.item.audio_key.is_some() {
        let ext = extension_of(shown.item.audio_type.as_deref().unwrap_or(""));
        Some(AudioView {
            src: format!("/podcast/audio/{}.{ext}", shown.item.id),
            content_type: shown
                .item
                .audio_type
                .clone()
                .unwrap_or_else(|| "audio/mpeg".into()),
            duration,
            external: false,
        })
    } else {
        shown.item.audio_url.as_ref().map(|url| AudioView {
            src: url.clone(),
            content_type: guess_audio_type(url).to_string(),
            duration,
            external: true,
        })
    }
}

async fn show(
    state: &AppState,
    ctx: &Ctx,
    kind: Kind,
    slug: &str,
    query: &LangQuery,
) -> WebResult<Response> {
    let lang = content_lang(ctx, &query.lang);
    let shown = store::content::public_by_slug(&state.db, kind.code(), 0, slug, lang, store::now())
        .await?
        .ok_or(WebError::NotFound)?;
    let view = item_view(state, ctx, shown, lang).await?;
    Ok(Html(view.render()?).into_response())
}

pub async fn post(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    show(&state, &ctx, Kind::Post, &slug, &q).await
}

pub async fn episode(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    show(&state, &ctx, Kind::Episode, &slug, &q).await
}

pub async fn case_study(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    show(&state, &ctx, Kind::CaseStudy, &slug, &q).await
}

/// A guide's page (its introduction and chapters), or its PDF at `/guides/{slug}.pdf`.
pub async fn guide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    if let Some(slug) = slug.strip_suffix(".pdf") {
        return crate::content::pdf::guide_pdf(&state, &ctx, slug, &q).await;
    }
    show(&state, &ctx, Kind::Guide, &slug, &q).await
}
