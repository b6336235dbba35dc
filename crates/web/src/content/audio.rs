//! Podcast audio served with HTTP range requests (players seek and resume with them): `206
//! Partial Content` with `Content-Range` for a satisfiable range, `416` with `bytes */len`
//! otherwise, the whole file with `Accept-Ranges: bytes` when no range is asked; and the audio
//! types an episode's file is served under.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::Action;

/// An inclusive byte range within a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange {
    pub start: u64,
    pub end: u64,
}

/// A `Range` header that cannot be served (answered with 416).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsatisfiable;

/// Reads a `Range` header for a file of `len` bytes: `Ok(None)` when absent or not in bytes
/// (the whole file is sent), `Err(Unsatisfiable)` when unsatisfiable or malformed (416). Only one range is
/// served; a list of several is answered with its first.
pub fn parse_range(header: Option<&str>, len: u64) -> Result<Option<ByteRange>, Unsatisfiable> {
    let Some(value) = header else {
        return Ok(None);
    };
    let Some(spec) = value.trim().strip_prefix("bytes=") else {
        return Ok(None);
    };
    let first = spec.split(',').next().unwrap_or("").trim();
    let (a, b) = first.split_once('-').ok_or(Unsatisfiable)?;
    let (a, b) = (a.trim(), b.trim());
    let num = |s: &str| -> Result<u64, Unsatisfiable> {
        if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
            return Err(Unsatisfiable);
        }
        s.parse().map_err(|_| Unsatisfiable)
    };
    if len == 0 {
        return Err(Unsatisfiable);
    }
    let range = if a.is_empty() {
        // Suffix: the last N bytes.
        let n = num(b)?;
        if n == 0 {
            return Err(Unsatisfiable);
        }
        ByteRange {
            start: len.saturating_sub(n),
            end: len - 1,
        }
    } else {
        let start = num(a)?;
        let end = if b.is_empty() {
            len - 1
        } else {
            num(b)?.min(len - 1)
        };
        if start >= len || end < start {
            return Err(Unsatisfiable);
        }
        ByteRange { start, end }
    };
    Ok(Some(range))
}

/// The bytes of an episode's audio (the demo episodes ship inside the binary).
async fn audio_bytes(state: &AppState, key: &str) -> WebResult<Vec<u8>> {
    if let Some(name) = key.strip_prefix("demo:") {
        return super::demo::audio(name).ok_or(WebError::NotFound);
    }
    crate::upload::read_file(state, key).await
}

/// `GET /podcast/audio/{id}.{ext}`: a public episode's uploaded audio (staff may hear drafts).
pub async fn serve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> WebResult<Response> {
    let id: i64 = file
        .split('.')
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or(WebError::NotFound)?;
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let public = domain::content::is_public(item.status, item.publish_at, store::now());
    if item.kind != domain::content::Kind::Episode
        || !(public || ctx.actor.can(Action::ManageContent, domain::Scope::Network))
    {
        return Err(WebError::NotFound);
    }
    let key = item.audio_key.as_deref().ok_or(WebError::NotFound)?;
    let data = audio_bytes(&state, key).await?;
    let content_type = item.audio_type.as_deref().unwrap_or("audio/mpeg");
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let mut response = ranged(data, range);
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public {
            "public, max-age=86400"
        } else {
            "private, no-store"
        }),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}-{}\"", item.id, item.updated_at)) {
        h.insert(header::ETAG, v);
    }
    Ok(response)
}

/// A file's bytes answered for a `Range` header (or none): the whole file (200), the range
/// asked (206 with `Content-Range`) or 416 with `bytes */len`; always `Accept-Ranges: bytes`.
/// Podcast audio and lesson videos are served through it.
pub fn ranged(data: Vec<u8>, range: Option<&str>) -> Response {
    let len = data.len() as u64;
    let mut response = match parse_range(range, len) {
        Ok(None) => (StatusCode::OK, Body::from(data)).into_response(),
        Ok(Some(r)) => {
            let part = data[r.start as usize..=r.end as usize].to_vec();
            let mut response = (StatusCode::PARTIAL_CONTENT, Body::from(part)).into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes {}-{}/{len}", r.start, r.end)) {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            response
        }
        Err(Unsatisfiable) => {
            let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            response
        }
    };
    response
        .headers_mut()
        .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    response
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let r = |s: &str| parse_range(Some(s), 1000);
        assert_eq!(parse_range(None, 1000), Ok(None));
        assert_eq!(r("bytes=0-99"), Ok(Some(ByteRange { start: 0, end: 99 })));
        assert_eq!(
            r("bytes=-100"),
            Ok(Some(ByteRange {
                start: 900,
                end: 999
            }))
        );
        assert_eq!(
            r("bytes=100-"),
            Ok(Some(ByteRange {
                start: 100,
                end: 999
            }))
        );
        assert_eq!(
            r("bytes=900-5000"),
            Ok(Some(ByteRange {
                start: 900,
                end: 999
            }))
        );
        assert_eq!(r("bytes=-5000"), Ok(Some(ByteRange { start: 0, end: 999 })));
        assert_eq!(r("bytes=1000-"), Err(Unsatisfiable));
        assert_eq!(r("bytes=50-10"), Err(Unsatisfiable));
        assert_eq!(r("bytes=abc"), Err(Unsatisfiable));
        assert_eq!(r("bytes=-0"), Err(Unsatisfiable));
        assert_eq!(r("items=0-1"), Ok(None));
        assert_eq!(
            r("bytes=0-1, 5-6"),
            Ok(Some(ByteRange { start: 0, end: 1 }))
        );
    }
}
