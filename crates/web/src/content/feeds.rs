//! Feeds: the blog in Atom (one per language, `?lang=en`), the podcast in RSS 2.0 with the
//! iTunes tags podcast directories require. Every address is absolute (the public base URL);
//! every text is escaped, the HTML of a post travels escaped in `<content type="html">`.
use super::audio::{extension_of, guess_audio_type};
use crate::error::WebResult;
use crate::extract::Query;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::xml::escape;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::Locale;
use domain::content::{self, Kind};
use domain::format::rfc3339;
use std::fmt::Write;

fn rfc2822(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc2822)
                .ok()
        })
        .unwrap_or_default()
}

fn xml_response(body: String, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

/// `GET /blog/feed.xml[?lang=en]`: the latest 20 posts in Atom.
pub async fn atom(
    State(state): State<AppState>,
    Query(q): Query<super::LangQuery>,
) -> WebResult<Response> {
    let lang = if q.lang == "en" { "en" } else { "fr" };
    let i = I18n::new(Locale::parse(lang).unwrap_or_default());
    let base = &state.config.base_url;
    let now = store::now();
    let posts = store::content::public_list(&state.db, "post", lang, None, now, 20, 0).await?;
    let self_url = format!("{base}/blog/feed.xml?lang={lang}");
    let updated = posts
        .iter()
        .map(|p| p.version_updated_at.max(p.item.updated_at))
        .max()
        .unwrap_or(now);
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <title>{}</title>\n<subtitle>{}</subtitle>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <id>{}</id>\n<updated>{}</updated>\n<author><name>{}</name></author>\n",
        escape(&i.t("content-feed-blog-title")),
        escape(&i.t("content-blog-intro")),
        escape(&self_url),
        escape(&format!("{base}/blog")),
        escape(&self_url),
        rfc3339(updated),
        escape(&i.t("content-publisher")),
    );
    for p in &posts {
        let mut url = format!("{base}/blog/{}", p.slug);
        if p.lang != "fr" {
            url.push_str("?lang=");
            url.push_str(&p.lang);
        }
        let html = domain::markdown::render_in(&p.body, i.locale).html;
        let _ = write!(
            x,
            "<entry>\n<title>{}</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
             <id>{}</id>\n<published>{}</published>\n<updated>{}</updated>\n\
             <author><name>{}</name></author>\n<summary>{}</summary>\n<content type=\"html\">{}</content>\n",
            escape(&p.title),
            escape(&url),
            escape(&format!("{base}/blog/entry/{}/{}", p.item.id, p.lang)),
            rfc3339(p.item.publish_at.unwrap_or(p.item.created_at)),
            rfc3339(p.version_updated_at.max(p.item.updated_at)),
            escape(
                p.item
                    .author_name
                    .as_deref()
                    .unwrap_or(&i.t("content-publisher"))
            ),
            escape(&super::summary_or_excerpt(&p.summary, &p.body)),
            escape(&html),
        );
        for tag in content::tags_of(&p.item.tags) {
            let _ = writeln!(x, "<category term=\"{}\"/>", escape(&tag));
        }
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    Ok(xml_response(x, "application/atom+xml; charset=utf-8"))
}

/// `GET /podcast/feed.xml`: every public episode in RSS 2.0 with iTunes tags and enclosures.
pub async fn podcast(State(state): State<AppState>) -> WebResult<Response> {
    let lang = "fr";
    let i = I18n::new(Locale::Fr);
    let base = &state.config.base_url;
    let now = store::now();
    let episodes =
        store::content::public_list(&state.db, "episode", lang, None, now, 300, 0).await?;
    let publisher = i.t("content-publisher");
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" \
         xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n\
         <channel>\n<title>{}</title>\n<link>{}</link>\n<language>{lang}</language>\n<description>{}</description>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n\
         <copyright>{}</copyright>\n<lastBuildDate>{}</lastBuildDate>\n\
         <image><url>{}</url><title>{}</title><link>{}</link></image>\n\
         <itunes:author>{}</itunes:author>\n<itunes:summary>{}</itunes:summary>\n\
         <itunes:owner><itunes:name>{}</itunes:name><itunes:email>{}</itunes:email></itunes:owner>\n\
         <itunes:image href=\"{}\"/>\n\
         <itunes:category text=\"Business\"><itunes:category text=\"Non-Profit\"/></itunes:category>\n\
         <itunes:category text=\"Society &amp; Culture\"/>\n\
         <itunes:explicit>false</itunes:explicit>\n<itunes:type>episodic</itunes:type>\n",
        escape(&i.t("content-feed-podcast-title")),
        escape(&format!("{base}/podcast")),
        escape(&i.t("content-podcast-intro")),
        escape(&format!("{base}/podcast/feed.xml")),
        escape(&publisher),
        rfc2822(now),
        escape(&format!("{base}/podcast/cover.png")),
        escape(&i.t("content-feed-podcast-title")),
        escape(&format!("{base}/podcast")),
        escape(&publisher),
        escape(&i.t("content-podcast-intro")),
        escape(&publisher),
        escape(&owner_email(&state)),
        escape(&format!("{base}/podcast/cover.png")),
    );
    for e in &episodes {
        let (url, length, kind) = match (&e.item.audio_key, &e.item.audio_url) {
            (Some(_), _) => {
                let kind = e.item.audio_type.clone().unwrap_or("audio/mpeg".into());
                (
                    format!("{base}/podcast/audio/{}.{}", e.item.id, extension_of(&kind)),
                    e.item.audio_size.unwrap_or(0),
                    kind,
                )
            }
            (None, Some(url)) => (
                url.clone(),
                e.item.audio_size.unwrap_or(0),
                guess_audio_type(url).to_string(),
            ),
            // An episode without audio is not a podcast episode yet.
            (None, None) => continue,
        };
        let html = domain::markdown::render(&e.body).html;
        let link = format!("{base}{}", Kind::Episode.path(&e.slug, None));
        let _ = write!(
            x,
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"false\">impact-studio-episode-{}</guid>\n\
             <pubDate>{}</pubDate>\n<description>{}</description>\n<content:encoded>{}</content:encoded>\n\
             <enclosure url=\"{}\" length=\"{length}\" type=\"{}\"/>\n\
             <itunes:title>{}</itunes:title>\n<itunes:author>{}</itunes:author>\n<itunes:summary>{}</itunes:summary>\n\
             <itunes:explicit>{}</itunes:explicit>\n<itunes:episodeType>full</itunes:episodeType>\n",
            escape(&e.title),
            escape(&link),
            e.item.id,
            rfc2822(e.item.publish_at.unwrap_or(e.item.created_at)),
            escape(&super::summary_or_excerpt(&e.summary, &e.body)),
            escape(&html),
            escape(&url),
            escape(&kind),
            escape(&e.title),
            escape(&publisher),
            escape(&super::summary_or_excerpt(&e.summary, &e.body)),
            if e.item.explicit != 0 {
                "true"
            } else {
                "false"
            },
        );
        if let Some(d) = e.item.duration_seconds {
            let _ = writeln!(
                x,
                "<itunes:duration>{}</itunes:duration>",
                content::clock(d)
            );
        }
        if let Some(n) = e.item.episode_number {
            let _ = writeln!(x, "<itunes:episode>{n}</itunes:episode>");
        }
        if let Some(n) = e.item.season_number {
            let _ = writeln!(x, "<itunes:season>{n}</itunes:season>");
        }
        x.push_str("</item>\n");
    }
    x.push_str("</channel>\n</rss>\n");
    Ok(xml_response(x, "application/rss+xml; charset=utf-8"))
}

/// The address podcast directories show as the owner's: the sender address of the platform.
fn owner_email(state: &AppState) -> String {
    let from = &state.config.mail_from;
    match (from.find('<'), from.find('>')) {
        (Some(a), Some(b)) if b > a => from[a + 1..b].to_string(),
        _ => from.clone(),
    }
}

/// `GET /podcast/cover.png`: the show's cover (1400 × 1400).
pub async fn cover() -> Response {
    let mut response = super::demo::COVER.to_vec().into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc_2822() {
        assert_eq!(rfc2822(0), "Thu, 01 Jan 1970 00:00:00 +0000");
    }
}
