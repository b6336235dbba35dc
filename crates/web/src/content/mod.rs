//! Content: public pages (story, offers, micro-centres, legal notice, privacy), the blog, the
//! podcast (audio served with range requests, RSS with iTunes tags), case studies with their key
//! figures, guides in chapters (with a PDF of the whole guide), search, and the staff editor
//! (Markdown with a server-rendered preview, drafts, schedule, per-language versions, revisions).
mod admin;
mod audio;
pub mod demo;
mod feeds;
mod pdf;
mod public;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::content::{self, Kind};
use serde::Deserialize;

pub use crate::range::{ByteRange, Unsatisfiable, parse_range};
pub use pdf::report_sections;
pub use public::{CONTENT_TTL, ContentCache, any_page};

/// The fixed addresses of the public pages (page items with these French slugs). Any other
/// public page answers at its own address through the router's fallback (`any_page`).
pub const PAGES: [&str; 5] = [
    "notre-histoire",
    "offres",
    "micro-centres",
    "mentions-legales",
    "confidentialite",
];

/// The first segments of the site's own routes: a page with one of these slugs would never be
/// reached at its address, so the editor refuses them (a test reads the routes to keep this
/// list whole).
pub const ROUTE_SEGMENTS: &[&str] = &[
    "account",
    "admin",
    "ambassadeur",
    "api",
    "applications",
    "assets",
    "attachments",
    "avis",
    "billet",
    "blog",
    "canvas",
    "canvases",
    "centres",
    "certificates",
    "cohorts",
    "contacts",
    "contrats",
    "dashboard",
    "desinscription",
    "diagnostics",
    "espaces",
    "etudes-de-cas",
    "evenements",
    "guides",
    "healthz",
    "impact",
    "interactions",
    "invitations",
    "invoices",
    "lang",
    "learn",
    "licences",
    "login",
    "logout",
    "media",
    "mes-candidatures",
    "mes-donnees",
    "mes-reservations",
    "metrics",
    "newsletters",
    "offers",
    "offre",
    "onboarding",
    "operations",
    "orders",
    "organisations",
    "password",
    "pionniers",
    "podcast",
    "privacy",
    "project-indicators",
    "projects",
    "prospection",
    "quotes",
    "r",
    "readyz",
    "recherche",
    "redevances",
    "reseau",
    "reservations",
    "roadmaps",
    "segments",
    "sessions",
    "shared",
    "signup",
    "tasks",
    "verify",
    "webhooks",
];

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    let mut router = Router::new();
    for page in PAGES {
        router = router.route(&format!("/{page}"), get(public::page));
    }
    router
        .route("/privacy", get(public::privacy_moved))
        .route("/blog", get(public::blog))
        .route("/blog/feed.xml", get(feeds::atom))
        .route("/blog/{slug}", get(public::post))
        .route("/podcast", get(public::podcast))
        .route("/podcast/feed.xml", get(feeds::podcast))
        .route("/podcast/cover.png", get(feeds::cover))
        .route("/podcast/audio/{file}", get(audio::serve))
        .route("/podcast/{slug}", get(public::episode))
        .route("/etudes-de-cas", get(public::case_studies))
        .route("/etudes-de-cas/{slug}", get(public::case_study))
        .route("/guides", get(public::guides))
        .route("/guides/{slug}", get(public::guide))
        .route("/guides/{slug}/{chapter}", get(public::chapter))
        .route("/recherche", get(public::search))
        .route("/admin/content", get(admin::list))
        .route(
            "/admin/content/new",
            get(admin::new_form).post(admin::create).layer(upload_limit),
        )
        .route(
            "/admin/content/{id}",
            get(admin::edit_form).post(admin::save).layer(upload_limit),
        )
        .route("/admin/content/{id}/publish", post(admin::publish))
        .route("/admin/content/{id}/unpublish", post(admin::unpublish))
        .route("/admin/content/{id}/delete", post(admin::delete))
        .route("/admin/content/{id}/revisions", get(admin::revisions))
        .route("/admin/content/revisions/{id}", get(admin::revision))
        .route(
            "/admin/content/revisions/{id}/restore",
            post(admin::restore),
        )
        .route("/admin/content/preview", post(admin::preview_fragment))
}

/// `?lang=` on a public page picks the language of the content (its `hreflang` links use it);
/// otherwise the reader's language.
#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    pub lang: String,
}

/// The content language of a request.
pub fn content_lang(ctx: &Ctx, query: &str) -> &'static str {
    match query {
        "fr" => "fr",
        "en" => "en",
        _ => ctx.i.code(),
    }
}

/// The public address of a shown item: pages keep their French address; other kinds use the
/// slug of the version shown; a version other than French adds `?lang=`.
pub fn public_path(
    kind: Kind,
    lang: &str,
    slug: &str,
    fr_slug: &str,
    guide_slug: Option<&str>,
) -> String {
    let slug = if kind == Kind::Page { fr_slug } else { slug };
    let mut path = kind.path(slug, guide_slug);
    if lang != "fr" {
        path.push_str("?lang=");
        path.push_str(lang);
    }
    path
}

/// Every public address of the content with its last change, for `sitemap.xml`: the lists
/// (with their newest item's change), then each language version.
pub async fn sitemap_entries(db: &store::Db) -> WebResult<Vec<(String, i64)>> {
    let versions = store::content::public_versions(db).await?;
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let newest = versions
            .iter()
            .filter(|v| v.kind == kind)
            .map(|v| v.updated_at)
            .max();
        if let (Some(list), Some(newest)) = (kind.list_path(), newest) {
            out.push((list.to_string(), newest));
        }
    }
    out.extend(versions.iter().map(|v| {
        let path = public_path(
            v.kind,
            &v.lang,
            &v.slug,
            &v.fr_slug,
            v.guide_slug.as_deref(),
        );
        (path, v.updated_at)
    }));
    Ok(out)
}

/// The search text of a version: title, summary and body as lower-case plain text.
pub fn search_text(title: &str, summary: &str, body: &str) -> String {
    format!(
        "{}\n{}\n{}",
        title.to_lowercase(),
        summary.to_lowercase(),
        domain::markdown::plain_text(body).to_lowercase()
    )
}

/// A date shown under a title.
pub fn published_on(i: I18n, at: Option<i64>) -> String {
    at.map(|t| i.date(t)).unwrap_or_default()
}

/// A summary, or the start of the text when there is none.
pub fn summary_or_excerpt(summary: &str, body: &str) -> String {
    if summary.trim().is_empty() {
        domain::markdown::excerpt(body, 180)
    } else {
        summary.to_string()
    }
}

/// Kinds as the editor offers them.
pub fn kind_choices(i: I18n) -> Vec<(String, String)> {
    Kind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), i.t(k.label_key())))
        .collect()
}

pub fn status_label(i: I18n, code: &str) -> String {
    content::Status::parse(code)
        .map(|s| i.t(s.label_key()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_paths() {
        assert_eq!(
            public_path(Kind::Page, "en", "our-story", "notre-histoire", None),
            "/notre-histoire?lang=en"
        );
        assert_eq!(
            public_path(Kind::Post, "fr", "bonjour", "bonjour", None),
            "/blog/bonjour"
        );
    }
}
