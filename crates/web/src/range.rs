//! HTTP range requests (players seek and resume with them), for every file served in parts:
//! podcast audio, the pitch video, course videos. `206 Partial Content` with `Content-Range` for
//! one satisfiable range, `416` with `Content-Range: bytes */len` otherwise, the whole file with
//! `Accept-Ranges: bytes` when no range (or a list of several, which RFC 9110 lets a server
//! ignore) is asked. The body streams from the storage: a 50 MB video is never held in memory.
use crate::error::WebResult;
use crate::storage::Storage;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

/// An inclusive byte range within a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange {
    pub start: u64,
    pub end: u64,
}

impl ByteRange {
    /// How many bytes it covers.
    pub fn len(&self) -> u64 {
        self.end - self.start + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

/// A `Range` header that cannot be served (answered with 416).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsatisfiable;

/// Reads a `Range` header for a file of `len` bytes: `Ok(None)` when absent, not in bytes or a
/// list of several ranges (the whole file is sent), `Err(Unsatisfiable)` when unsatisfiable or
/// malformed (416).
pub fn parse_range(header: Option<&str>, len: u64) -> Result<Option<ByteRange>, Unsatisfiable> {
    let Some(value) = header else {
        return Ok(None);
    };
    let Some(spec) = value.trim().strip_prefix("bytes=") else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let (a, b) = spec.split_once('-').ok_or(Unsatisfiable)?;
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

/// Where the bytes come from: the file storage, or memory (the demo episodes ship inside the
/// binary).
pub enum Source<'a> {
    Stored(&'a Storage, &'a str),
    Memory(Bytes),
}

fn header_value(text: String) -> Option<HeaderValue> {
    HeaderValue::from_str(&text).ok()
}

/// The answer to a `GET` of a file that may ask for a range: status, `Content-Range`,
/// `Content-Length`, `Accept-Ranges` and the (streamed) body; the caller adds the type and the
/// caching headers.
pub async fn respond(source: Source<'_>, headers: &HeaderMap) -> WebResult<Response> {
    let len = match &source {
        Source::Stored(storage, key) => storage.size(key).await?,
        Source::Memory(bytes) => bytes.len() as u64,
    };
    let wanted = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let range = match parse_range(wanted, len) {
        Ok(range) => range,
        Err(Unsatisfiable) => {
            let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            let h = response.headers_mut();
            if let Some(v) = header_value(format!("bytes */{len}")) {
                h.insert(header::CONTENT_RANGE, v);
            }
            h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
            return Ok(response);
        }
    };
    let body = match source {
        Source::Stored(storage, key) => Body::from_stream(storage.stream(key, range).await?),
        Source::Memory(bytes) => match range {
            None => Body::from(bytes),
            Some(r) => Body::from(bytes.slice(r.start as usize..=r.end as usize)),
        },
    };
    let mut response = Response::new(body);
    let h = response.headers_mut();
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    let sent = match range {
        None => len,
        Some(r) => {
            *response.status_mut() = StatusCode::PARTIAL_CONTENT;
            if let Some(v) = header_value(format!("bytes {}-{}/{len}", r.start, r.end)) {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            r.len()
        }
    };
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(sent));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Result<Option<ByteRange>, Unsatisfiable> {
        parse_range(Some(s), 1000)
    }

    fn some(start: u64, end: u64) -> Result<Option<ByteRange>, Unsatisfiable> {
        Ok(Some(ByteRange { start, end }))
    }

    #[test]
    fn single_range() {
        assert_eq!(r("bytes=0-99"), some(0, 99));
        assert_eq!(r("bytes=0-0"), some(0, 0));
        assert_eq!(r("bytes= 10 - 19 "), some(10, 19));
        // An end past the file is cut to the last byte.
        assert_eq!(r("bytes=900-5000"), some(900, 999));
        assert_eq!(ByteRange { start: 10, end: 19 }.len(), 10);
    }

    #[test]
    fn suffix_range() {
        assert_eq!(r("bytes=-100"), some(900, 999));
        assert_eq!(r("bytes=-5000"), some(0, 999));
        assert_eq!(r("bytes=-0"), Err(Unsatisfiable));
    }

    #[test]
    fn open_range() {
        assert_eq!(r("bytes=100-"), some(100, 999));
        assert_eq!(r("bytes=999-"), some(999, 999));
    }

    #[test]
    fn unsatisfiable_or_malformed() {
        assert_eq!(r("bytes=1000-"), Err(Unsatisfiable));
        assert_eq!(r("bytes=50-10"), Err(Unsatisfiable));
        assert_eq!(r("bytes=abc"), Err(Unsatisfiable));
        assert_eq!(r("bytes=1-2-3"), Err(Unsatisfiable));
        assert_eq!(r("bytes=-"), Err(Unsatisfiable));
        assert_eq!(parse_range(Some("bytes=0-1"), 0), Err(Unsatisfiable));
    }

    #[test]
    fn absent_other_unit_or_several_ranges_send_everything() {
        assert_eq!(parse_range(None, 1000), Ok(None));
        assert_eq!(r("items=0-1"), Ok(None));
        assert_eq!(r("bytes=0-1, 5-6"), Ok(None));
        assert_eq!(r("bytes=0-1,-5"), Ok(None));
    }

    async fn answer(range: Option<&str>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut headers = HeaderMap::new();
        if let Some(r) = range {
            headers.insert(header::RANGE, HeaderValue::from_str(r).unwrap());
        }
        let data = Bytes::from_static(b"0123456789");
        let response = respond(Source::Memory(data), &headers).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), 100)
            .await
            .unwrap()
            .to_vec();
        (status, headers, body)
    }

    #[tokio::test]
    async fn answers() {
        let (status, h, body) = answer(None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, b"0123456789");
        assert_eq!(h[header::ACCEPT_RANGES], "bytes");
        assert_eq!(h[header::CONTENT_LENGTH], "10");
        let (status, h, body) = answer(Some("bytes=2-4")).await;
        assert_eq!(status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(body, b"234");
        assert_eq!(h[header::CONTENT_RANGE], "bytes 2-4/10");
        assert_eq!(h[header::CONTENT_LENGTH], "3");
        let (status, _, body) = answer(Some("bytes=-3")).await;
        assert_eq!(
            (status, body.as_slice()),
            (StatusCode::PARTIAL_CONTENT, &b"789"[..])
        );
        let (status, h, _) = answer(Some("bytes=10-")).await;
        assert_eq!(status, StatusCode::RANGE_NOT_SATISFIABLE);
        assert_eq!(h[header::CONTENT_RANGE], "bytes */10");
        let (status, _, body) = answer(Some("bytes=0-1,4-5")).await;
        assert_eq!((status, body.len()), (StatusCode::OK, 10));
    }
}
