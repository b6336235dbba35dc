//! Search engines: `sitemap.xml` built from a list of [`Entry`] gathered in one place
//! ([`entries`]), and `robots.txt` (public pages open, the application closed).
use crate::error::WebResult;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// One address of the sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// A path of this site (`/evenements/atelier-decouverte`).
    pub path: String,
    /// When it last changed (Unix seconds), if known.
    pub lastmod: Option<i64>,
}

impl Entry {
    pub fn new(path: impl Into<String>, lastmod: Option<i64>) -> Entry {
        Entry {
            path: path.into(),
            lastmod,
        }
    }
}

/// The public pages that are not content items.
const STATIC_PATHS: [&str; 10] = [
    "/",
    "/pionniers",
    "/evenements",
    "/diagnostics/projet-pret",
    "/canvas/try",
    "/canvas/guide",
    "/blog",
    "/podcast",
    "/etudes-de-cas",
    "/guides",
];

/// Every address of the sitemap: the fixed pages, each upcoming event, then every published
/// content item (pages, posts, episodes, case studies, guides and chapters) with its last change.
pub async fn entries(state: &AppState) -> WebResult<Vec<Entry>> {
    let mut out: Vec<Entry> = STATIC_PATHS.iter().map(|p| Entry::new(*p, None)).collect();
    for e in store::site::upcoming_events(&state.db, store::now(), 500).await? {
        out.push(Entry::new(format!("/evenements/{}", e.slug), None));
    }
    // The offers' catalogue and each open offer's page (where it is applied to).
    out.push(Entry::new(format!("/{}", super::OFFERS_PAGE), None));
    for o in store::offers::catalogue(&state.db).await? {
        out.push(Entry::new(
            format!("/offre/{}/{}", o.centre_slug, o.slug),
            None,
        ));
    }
    for (path, updated) in crate::content::sitemap_entries(&state.db).await? {
        out.push(Entry::new(path, Some(updated)));
    }
    Ok(out)
}

/// The sitemap document (sitemaps.org 0.9).
pub fn sitemap_xml(base_url: &str, entries: &[Entry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for e in entries {
        out.push_str("  <url><loc>");
        out.push_str(&crate::xml::escape(&format!("{base_url}{}", e.path)));
        out.push_str("</loc>");
        if let Some(t) = e.lastmod
            && let Ok(d) = time::OffsetDateTime::from_unix_timestamp(t)
        {
            out.push_str(&format!(
                "<lastmod>{:04}-{:02}-{:02}</lastmod>",
                d.year(),
                d.month() as u8,
                d.day()
            ));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub async fn sitemap(State(state): State<AppState>) -> WebResult<Response> {
    let list = entries(&state).await?;
    let mut response = sitemap_xml(&state.config.base_url, &list).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}

/// Paths of the application that search engines have no business in.
const CLOSED: [&str; 21] = [
    "/admin/",
    "/account",
    "/dashboard",
    "/projects",
    "/centres",
    "/canvases/",
    "/roadmaps",
    "/impact/",
    "/api/",
    "/login",
    "/signup",
    "/password/",
    "/verify/",
    "/invitations/",
    "/lang",
    "/mes-donnees/",
    "/desinscription/",
    "/pionniers/confirmer/",
    "/diagnostics/results/",
    "/shared/",
    "/tasks/",
];

pub async fn robots(State(state): State<AppState>) -> Response {
    let mut body = String::from("User-agent: *\nAllow: /\n");
    for p in CLOSED {
        body.push_str(&format!("Disallow: {p}\n"));
    }
    body.push_str(&format!("\nSitemap: {}\n", state.url("/sitemap.xml")));
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_escapes_and_dates() {
        let xml = sitemap_xml(
            "https://studio.example",
            &[
                Entry::new("/", None),
                Entry::new("/blog/a&b", Some(1_795_525_500)),
            ],
        );
        assert!(xml.contains("<loc>https://studio.example/</loc>"));
        assert!(xml.contains(
            "<loc>https://studio.example/blog/a&amp;b</loc><lastmod>2026-11-24</lastmod>"
        ));
    }
}
