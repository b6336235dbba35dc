//! The public content pages: fixed pages, the blog, the podcast, case studies, guides and their
//! chapters, search. Each page shows the reader's language (or `?lang=`), falls back to French
//! with a note, and links the other language with `hreflang`.
use super::{LangQuery, content_lang, public_path, published_on, summary_or_excerpt};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::{self, Kind};
use domain::format::rfc3339;
use serde::Deserialize;
use store::content::Shown;

const PER_PAGE: i64 = 10;

/// A link to the same content in another language.
pub struct Alternate {
    pub lang: String,
    /// The address of that version (for `hreflang`).
    pub href: String,
    /// The same, forcing its language whatever the reader's (the visible link).
    pub switch_href: String,
    pub label: String,
}

/// What every public content page exposes for the head of the page (and for Open Graph).
pub struct Seo {
    pub base_url: String,
    /// Path of this page's canonical address (with `?lang=` for a version other than French).
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub json_ld: Option<String>,
}

pub struct Card {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub date: String,
    pub meta: String,
    pub kind_label: String,
    pub lang: String,
}

pub struct TagLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

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

pub struct TocLink {
    pub href: String,
    pub title: String,
    pub level: u8,
    pub current: bool,
}

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
    pub offers: Vec<crate::site::Offer>,
}

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

fn with_lang(path: &str, lang: &str) -> String {
    if lang == "fr" || path.contains('?') {
        path.to_string()
    } else {
        format!("{path}?lang={lang}")
    }
}

fn lang_label(i: I18n, lang: &str) -> String {
    i.t(if lang == "en" {
        "content-read-en"
    } else {
        "content-read-fr"
    })
}

/// The SEO part of an item page: canonical address and the other languages.
async fn seo_for(
    state: &AppState,
    ctx: &Ctx,
    shown: &Shown,
    guide: Option<&(i64, String)>,
    json: Option<serde_json::Value>,
) -> WebResult<Seo> {
    let kind = Kind::parse(&shown.item.kind).map_err(|_| WebError::NotFound)?;
    let slugs = store::content::slugs(&state.db, shown.item.id).await?;
    let fr_slug = slugs
        .iter()
        .find(|(l, _)| l == "fr")
        .map(|(_, s)| s.clone())
        .unwrap_or_else(|| shown.slug.clone());
    let mut guide_slugs = Vec::new();
    if let Some((guide_id, _)) = guide {
        for lang in ["fr", "en"] {
            guide_slugs.push(
                store::content::slug_in(&state.db, *guide_id, lang)
                    .await?
                    .unwrap_or_default(),
            );
        }
    }
    let guide_slug = |lang: &str| -> Option<String> {
        guide.map(|_| guide_slugs[usize::from(lang == "en")].clone())
    };
    let alternates = slugs
        .iter()
        .filter(|(lang, _)| *lang != shown.lang)
        .map(|(lang, slug)| {
            let href = public_path(kind, lang, slug, &fr_slug, guide_slug(lang).as_deref());
            Alternate {
                switch_href: if href.contains('?') {
                    href.clone()
                } else {
                    format!("{href}?lang={lang}")
                },
                href,
                label: lang_label(ctx.i, lang),
                lang: lang.clone(),
            }
        })
        .collect();
    Ok(Seo {
        base_url: state.config.base_url.clone(),
        canonical: public_path(
            kind,
            &shown.lang,
            &shown.slug,
            &fr_slug,
            guide_slug(&shown.lang).as_deref(),
        ),
        alternates,
        json_ld: json.as_ref().map(domain::site::json_ld),
    })
}

fn list_seo(state: &AppState, path: &str) -> Seo {
    Seo {
        base_url: state.config.base_url.clone(),
        canonical: path.to_string(),
        alternates: Vec::new(),
        json_ld: None,
    }
}

fn tag_links(i: I18n, base: &str, tags: &str, current: Option<&str>) -> Vec<TagLink> {
    let _ = i;
    content::tags_of(tags)
        .into_iter()
        .map(|t| TagLink {
            href: format!("{base}?tag={}", crate::ctx::urlencode(&t)),
            current: current == Some(t.as_str()),
            label: t,
        })
        .collect()
}

fn card(i: I18n, s: &Shown, guide_slug: Option<&str>) -> Card {
    let kind = Kind::parse(&s.item.kind).unwrap_or(Kind::Page);
    let meta = match kind {
        Kind::Episode => s
            .item
            .duration_seconds
            .map(|d| i.ta("content-duration", &[("time", &content::short_clock(d))]))
            .unwrap_or_default(),
        Kind::CaseStudy => s.item.project_name.clone().unwrap_or_default(),
        _ => String::new(),
    };
    Card {
        href: with_lang(&kind.path(&s.slug, guide_slug), &s.lang),
        title: s.title.clone(),
        summary: summary_or_excerpt(&s.summary, &s.body),
        date: published_on(i, s.item.publish_at),
        meta,
        kind_label: i.t(kind.label_key()),
        lang: s.lang.clone(),
    }
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

async fn list(
    state: &AppState,
    ctx: &Ctx,
    kind: Kind,
    query: ListQuery,
    heading_key: &str,
    intro_key: &str,
    empty_key: &str,
) -> WebResult<Response> {
    let i = ctx.i;
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
    list(
        &state,
        &ctx,
        Kind::Post,
        q,
        "content-blog-title",
        "content-blog-intro",
        "content-blog-empty",
    )
    .await
}

pub async fn podcast(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(
        &state,
        &ctx,
        Kind::Episode,
        q,
        "content-podcast-title",
        "content-podcast-intro",
        "content-podcast-empty",
    )
    .await
}

pub async fn case_studies(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(
        &state,
        &ctx,
        Kind::CaseStudy,
        q,
        "content-cases-title",
        "content-cases-intro",
        "content-cases-empty",
    )
    .await
}

pub async fn guides(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    list(
        &state,
        &ctx,
        Kind::Guide,
        q,
        "content-guides-title",
        "content-guides-intro",
        "content-guides-empty",
    )
    .await
}

/// The old address of the privacy notice.
pub async fn privacy_moved() -> Response {
    (
        axum::http::StatusCode::MOVED_PERMANENTLY,
        [(axum::http::header::LOCATION, "/confidentialite")],
    )
        .into_response()
}

/// The item page of any kind but chapter.
pub async fn item_view(
    state: &AppState,
    ctx: &Ctx,
    shown: Shown,
    wanted: &str,
) -> WebResult<ItemView> {
    let i = ctx.i;
    let kind = Kind::parse(&shown.item.kind).map_err(|_| WebError::NotFound)?;
    let rendered = domain::markdown::render(&shown.body);
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
            .map(|b| tag_links(i, b, &shown.item.tags, None))
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

/// The extension an audio type is served under.
pub fn extension_of(content_type: &str) -> &'static str {
    match content_type {
        "audio/ogg" => "ogg",
        "audio/mp4" | "audio/x-m4a" => "m4a",
        "audio/wav" | "audio/x-wav" => "wav",
        "audio/opus" => "opus",
        _ => "mp3",
    }
}

/// The audio type of a file name or address (by its extension), MP3 by default.
pub fn guess_audio_type(name: &str) -> &'static str {
    let path = name.split(['?', '#']).next().unwrap_or("");
    match path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("ogg" | "oga") => "audio/ogg",
        Some("opus") => "audio/opus",
        Some("m4a" | "mp4" | "aac") => "audio/mp4",
        Some("wav") => "audio/wav",
        _ => "audio/mpeg",
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
                view.offers = crate::site::LandingTexts::load(state, ctx.i).await?.offers;
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
        return super::pdf::guide_pdf(&state, &ctx, slug, &q).await;
    }
    show(&state, &ctx, Kind::Guide, &slug, &q).await
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
    let rendered = domain::markdown::render(&shown.body);
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
