//! The landing page. Its sections are separate fields of [`Sections`], rendered once per
//! language into a cached fragment (the page around it — header with the visitor's CSRF token,
//! flash — is rendered per request). To add a section (latest case studies, posts…): add a field
//! to `Sections`, fill it in `sections()`, add its `<section>` to `site/landing_sections.html`.
use super::goal;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::security::token_hash;
use crate::state::AppState;
use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The texts the network team edits, per language.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct LandingTexts {
    pub promise_title: String,
    pub promise_lead: String,
    pub story: String,
    pub testimonials: Vec<Testimonial>,
    /// A video file served here (`/…`, shown in a `<video>` element) or a page elsewhere
    /// (`https://…`, shown as a plain link). Empty: no video section.
    pub video_url: String,
    /// Optional captions (WebVTT) served here.
    pub video_captions_url: String,
    pub video_title: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Testimonial {
    pub quote: String,
    pub name: String,
    pub role: String,
}

impl LandingTexts {
    /// The texts shipped with the platform, in one language.
    pub fn defaults(i: I18n) -> LandingTexts {
        LandingTexts {
            promise_title: i.t("site-default-promise-title"),
            promise_lead: i.t("site-default-promise-lead"),
            story: i.t("site-default-story"),
            testimonials: (1..=3)
                .map(|n| Testimonial {
                    quote: i.t(&format!("site-default-testimonial-{n}-quote")),
                    name: i.t(&format!("site-default-testimonial-{n}-name")),
                    role: i.t(&format!("site-default-testimonial-{n}-role")),
                })
                .collect(),
            video_url: String::new(),
            video_captions_url: String::new(),
            video_title: i.t("site-default-video-title"),
        }
    }

    /// The texts in force for a language: the team's, or the shipped ones.
    pub async fn load(state: &AppState, i: I18n) -> WebResult<LandingTexts> {
        Ok(store::site::landing_texts(&state.db, i.code())
            .await?
            .and_then(|body| serde_json::from_str(&body).ok())
            .unwrap_or_else(|| LandingTexts::defaults(i)))
    }
}

pub struct EventCard {
    pub href: String,
    pub title: String,
    pub when: String,
    pub place: String,
    pub seats: String,
    pub full: bool,
}

pub struct Counter {
    pub label: String,
    /// Width of the progress bar, in percent (0–100), as a CSS class suffix in steps of 5.
    pub step: i64,
}

pub struct Video {
    pub url: String,
    pub captions: Option<String>,
    pub title: String,
    /// Served here (a `<video>` element) rather than a link to another site.
    pub local: bool,
}

/// The landing page's sections, in page order.
#[derive(Template)]
#[template(path = "site/landing_sections.html")]
pub struct Sections {
    pub i: I18n,
    pub texts: LandingTexts,
    /// The catalogue: every centre's open offers.
    pub offers: Vec<crate::offers::Card>,
    pub story_paragraphs: Vec<String>,
    pub counter: Counter,
    pub events: Vec<EventCard>,
    pub video: Option<Video>,
    /// The latest published case studies and blog posts in the visitor's language.
    pub stories: Vec<ContentCard>,
    pub posts: Vec<ContentCard>,
    /// A signed-in reader: the hero and the last band offer no sign-up (their next step is
    /// above, in [`NextStep`]).
    pub signed_in: bool,
}

/// A published case study or post, as a card.
pub struct ContentCard {
    pub href: String,
    pub title: String,
    pub summary: String,
}

async fn content_cards(
    state: &AppState,
    i: I18n,
    kind: domain::content::Kind,
) -> WebResult<Vec<ContentCard>> {
    let shown = store::content::latest(&state.db, kind.code(), i.code(), store::now(), 3).await?;
    Ok(shown
        .into_iter()
        .map(|s| ContentCard {
            href: crate::content::public_path(kind, &s.lang, &s.slug, &s.slug, None),
            title: s.title,
            summary: s.summary,
        })
        .collect())
}

pub async fn counter(state: &AppState, i: I18n) -> WebResult<Counter> {
    let confirmed = store::site::pioneers_confirmed(&state.db).await?;
    let goal = goal(state).await?;
    let pct = (confirmed * 100 / goal.max(1)).clamp(0, 100);
    Ok(Counter {
        label: i.ta(
            "site-counter",
            &[
                ("confirmed", &i.number(confirmed)),
                ("goal", &i.number(goal)),
            ],
        ),
        step: pct / 5 * 5,
    })
}

pub async fn event_cards(state: &AppState, i: I18n, limit: i64) -> WebResult<Vec<EventCard>> {
    Ok(store::site::upcoming_events(&state.db, store::now(), limit)
        .await?
        .into_iter()
        .map(|e| super::events::card(i, &e))
        .collect())
}

async fn sections(state: &AppState, i: I18n, signed_in: bool) -> WebResult<Arc<String>> {
    if let Some(html) = state.site.landing.get(&(i.code(), signed_in)) {
        return Ok(html);
    }
    let texts = LandingTexts::load(state, i).await?;
    let video = (!texts.video_url.is_empty()).then(|| Video {
        local: texts.video_url.starts_with('/') && !texts.video_url.starts_with("//"),
        url: texts.video_url.clone(),
        captions: Some(texts.video_captions_url.clone()).filter(|c| c.starts_with('/')),
        title: texts.video_title.clone(),
    });
    let view = Sections {
        i,
        story_paragraphs: texts
            .story
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        counter: counter(state, i).await?,
        offers: crate::offers::catalogue(state, i).await?,
        events: event_cards(state, i, 3).await?,
        stories: content_cards(state, i, domain::content::Kind::CaseStudy).await?,
        posts: content_cards(state, i, domain::content::Kind::Post).await?,
        video,
        texts,
        signed_in,
    };
    let html = Arc::new(view.render()?);
    state
        .site
        .landing
        .insert((i.code(), signed_in), html.clone());
    Ok(html)
}

#[derive(Template)]
#[template(path = "site/landing.html")]
struct LandingView {
    layout: Layout,
    sections: Arc<String>,
    next: Option<NextStep>,
}

/// What a signed-in reader does next, offered above the landing page: back to their project,
/// starting one, or their dashboard.
pub struct NextStep {
    pub title: String,
    pub href: String,
    pub action: String,
    /// The dashboard, as a second way (empty when it is the action).
    pub dashboard: bool,
}

async fn next_step(state: &AppState, ctx: &Ctx) -> WebResult<Option<NextStep>> {
    let Some(user) = ctx.user.as_deref() else {
        return Ok(None);
    };
    let i = ctx.i;
    let title = i.ta("home-welcome-back", &[("name", &user.display_name)]);
    let projects = state.projects_of(user.id).await?;
    let own = projects
        .iter()
        .find(|p| p.archived_at.is_none() && p.relation == domain::project::Relation::Member);
    let step = match own {
        Some(p) => NextStep {
            title,
            href: format!("/projects/{}", p.id),
            action: i.ta("home-next-project", &[("project", &p.name)]),
            dashboard: true,
        },
        None if !ctx.actor.main_role().is_staff() => NextStep {
            title,
            href: "/projects/new".to_string(),
            action: i.t("home-next-start"),
            dashboard: true,
        },
        None => NextStep {
            title,
            href: "/dashboard".to_string(),
            action: i.t("home-next-dashboard"),
            dashboard: false,
        },
    };
    Ok(Some(step))
}

/// Structured data about the organisation, for search engines.
fn organization(state: &AppState, i: I18n) -> String {
    domain::site::json_ld(&serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Impact Studio",
        "url": state.url("/"),
        "logo": state.url(crate::assets::url("og-image.png")),
        "description": i.t("site-description"),
    }))
}

/// The landing page as every anonymous visitor gets it: the same bytes for all (it holds no
/// per-visitor token; the language switch is a link), kept with their gzip form and a digest
/// for `ETag`s, so a visit costs no rendering and no compressing.
pub struct SharedPage {
    html: Bytes,
    gzip: Option<Bytes>,
    etag: HeaderValue,
}

impl SharedPage {
    fn new(html: String) -> SharedPage {
        let etag = format!("\"{}\"", &token_hash(&html)[..20]);
        SharedPage {
            gzip: gzip(html.as_bytes()).map(Bytes::from),
            html: Bytes::from(html),
            etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"landing\"")),
        }
    }

    /// The page, or « not modified » when the browser holds this very version.
    fn respond(&self, headers: &HeaderMap) -> Response {
        let fresh = headers.get(header::IF_NONE_MATCH).is_some_and(|v| {
            v.as_bytes()
                .split(|b| *b == b',')
                .any(|t| t.trim_ascii() == self.etag.as_bytes())
        });
        let mut response = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            match &self.gzip {
                Some(gzip) if accepts_gzip(headers) => {
                    let mut r = Response::new(Body::from(gzip.clone()));
                    r.headers_mut()
                        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                    r
                }
                _ => Response::new(Body::from(self.html.clone())),
            }
        };
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        h.insert(header::ETAG, self.etag.clone());
        // The page differs by language (cookie or browser) and encoding; browsers check it with
        // the server on each visit, which answers « not modified » while it is unchanged.
        h.insert(
            header::VARY,
            HeaderValue::from_static("accept-encoding, accept-language, cookie"),
        );
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    }
}

/// Whether the browser takes gzip (`Accept-Encoding`, without `gzip;q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
) -> WebResult<Response> {
    // Anonymous visitors without a one-time message all get the same page: it is rendered once
    // per language and served as it is.
    let shared = ctx.user.is_none() && ctx.flash.is_none();
    if shared && let Some(page) = state.site.pages.get(&ctx.i.code()) {
        return Ok(page.respond(&headers));
    }
    // Boxed: rendering reads the database, and its future is much bigger than a cached visit.
    let html = Box::pin(render(&state, &ctx)).await?;
    if shared {
        let page = Arc::new(SharedPage::new(html));
        state.site.pages.insert(ctx.i.code(), page.clone());
        return Ok(page.respond(&headers));
    }
    Ok(Html(html).into_response())
}

async fn render(state: &AppState, ctx: &Ctx) -> WebResult<String> {
    let i = ctx.i;
    let sections = sections(state, i, ctx.user.is_some()).await?;
    let next = next_step(state, ctx).await?;
    let mut layout = Layout::new(state, ctx, i.t("site-landing-title"));
    layout.json_ld = Some(organization(state, i));
    Ok(LandingView {
        layout,
        sections,
        next,
    }
    .render()?)
}
