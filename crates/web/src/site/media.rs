//! The pitch video (and its captions) uploaded by the network team, served from this site with
//! range requests so browsers can seek; only files the landing page points at are served here.
use super::admin_texts::{render_texts_with, save_texts};
use super::landing::LandingTexts;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::upload::Multipart;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::{Action, Locale, Scope};

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Multipart,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageSite, Scope::Network)?;
    let i = ctx.i;
    let lang = Locale::parse(&form.text("lang")).unwrap_or_default();
    let mut errors = FieldErrors::default();
    let video = form.file("video").filter(|f| {
        let ext = extension(f.file_name.as_deref().unwrap_or(""));
        matches!(ext.as_str(), "mp4" | "webm") && !f.data.is_empty()
    });
    if video.is_none() {
        errors.add("video", i, "site-error-video-file");
    }
    let captions = form.file("captions");
    if let Some(c) = captions
        && (extension(c.file_name.as_deref().unwrap_or("")) != "vtt"
            || !c.data.starts_with(b"WEBVTT"))
    {
        errors.add("captions", i, "site-error-captions-file");
    }
    let Some(video) = video.filter(|_| errors.is_empty()) else {
        return render_texts_with(&state, &ctx, lang, errors).await;
    };
    let ext = extension(video.file_name.as_deref().unwrap_or(""));
    let key = crate::upload::store_file(&state, &video.data).await?;
    let mut texts = LandingTexts::load(&state, I18n::new(lang)).await?;
    texts.video_url = format!("/media/{key}.{ext}");
    texts.video_captions_url = match captions {
        Some(c) => format!(
            "/media/{}.vtt",
            crate::upload::store_file(&state, &c.data).await?
        ),
        None => String::new(),
    };
    save_texts(&state, &ctx, lang, &texts, "video").await
}

/// `bytes=a-b`, `bytes=a-` or `bytes=-n` within `len` bytes → the inclusive range.
fn range(header: &str, len: usize) -> Option<(usize, usize)> {
    let spec = header.strip_prefix("bytes=")?;
    if spec.contains(',') || len == 0 {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (start, end) = match (a.trim(), b.trim()) {
        ("", n) => {
            let n: usize = n.parse().ok()?;
            (len.checked_sub(n.min(len))?, len - 1)
        }
        (a, "") => (a.parse().ok()?, len - 1),
        (a, b) => (a.parse().ok()?, b.parse::<usize>().ok()?.min(len - 1)),
    };
    (start <= end && start < len).then_some((start, end))
}

pub async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> WebResult<Response> {
    let path = format!("/media/{name}");
    let mut listed = false;
    for locale in [Locale::Fr, Locale::En] {
        let t = LandingTexts::load(&state, I18n::new(locale)).await?;
        listed |= t.video_url == path || t.video_captions_url == path;
    }
    let (key, ext) = name.split_once('.').ok_or(WebError::NotFound)?;
    let content_type = match ext {
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        _ => return Err(WebError::NotFound),
    };
    if !listed {
        return Err(WebError::NotFound);
    }
    let bytes = crate::upload::read_file(&state, key).await?;
    let len = bytes.len();
    let wanted = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let mut response = match wanted {
        None => bytes.into_response(),
        Some(h) => match range(h, len) {
            Some((start, end)) => {
                let mut r =
                    (StatusCode::PARTIAL_CONTENT, bytes[start..=end].to_vec()).into_response();
                if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{end}/{len}")) {
                    r.headers_mut().insert(header::CONTENT_RANGE, v);
                }
                r
            }
            None => {
                let mut r = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
                if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                    r.headers_mut().insert(header::CONTENT_RANGE, v);
                }
                return Ok(r);
            }
        },
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::range;

    #[test]
    fn ranges() {
        assert_eq!(range("bytes=0-99", 1000), Some((0, 99)));
        assert_eq!(range("bytes=900-", 1000), Some((900, 999)));
        assert_eq!(range("bytes=-100", 1000), Some((900, 999)));
        assert_eq!(range("bytes=990-2000", 1000), Some((990, 999)));
        assert_eq!(range("bytes=1000-", 1000), None);
        assert_eq!(range("bytes=5-1", 1000), None);
        assert_eq!(range("bytes=0-1,5-6", 1000), None);
        assert_eq!(range("items=0-1", 1000), None);
    }
}
