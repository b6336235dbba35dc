//! The public content pages: fixed pages (`pages`), the lists of the blog, the podcast, case
//! studies and guides (`lists`), an item's page (`item`), a guide's chapters (`chapter`) and
//! search (`search`). Each page shows the reader's language (or `?lang=`), falls back to French
//! with a note, and links the other language with `hreflang` (`seo`).
mod chapter;
mod item;
mod lists;
mod pages;
mod search;
mod seo;

pub use chapter::chapter;
pub use item::{CONTENT_TTL, ContentCache, case_study, episode, guide, post};
pub use lists::{blog, case_studies, guides, podcast};
pub use pages::{any_page, page, privacy_moved};
pub use search::search;

use super::{published_on, summary_or_excerpt};

/// A permanent redirect to a content item's own address.
fn moved(to: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        axum::http::StatusCode::MOVED_PERMANENTLY,
        [(axum::http::header::LOCATION, to.to_string())],
    )
        .into_response()
}
use crate::i18n::I18n;
use domain::content::{self, Kind};
use store::content::Shown;

pub struct Card {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub date: String,
    pub meta: String,
    pub kind_label: String,
    pub lang: String,
}

#[derive(Clone)]
pub struct TagLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Clone)]
pub struct TocLink {
    pub href: String,
    pub title: String,
    pub level: u8,
    pub current: bool,
}

/// A public address in `lang` (French needs no `?lang=`).
fn with_lang(path: &str, lang: &str) -> String {
    if lang == "fr" || path.contains('?') {
        path.to_string()
    } else {
        format!("{path}?lang={lang}")
    }
}

/// The tags of an item, each a link to the list of its kind filtered by it.
fn tag_links(base: &str, tags: &str, current: Option<&str>) -> Vec<TagLink> {
    content::tags_of(tags)
        .into_iter()
        .map(|t| TagLink {
            href: format!("{base}?tag={}", crate::ctx::urlencode(&t)),
            current: current == Some(t.as_str()),
            label: t,
        })
        .collect()
}

/// An item in a list or in search results.
fn card(i: I18n, s: &Shown, guide_slug: Option<&str>) -> Card {
    let kind = s.item.kind;
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
