//! What an uploaded file is, read from its first bytes (its "magic"), never from its name alone:
//! each use (a document as evidence, an episode's audio, a video, captions) accepts a few types
//! within its own size limit, and the name's extension must agree with the content, so an `.mp4`
//! holding a web page or a `.pdf` holding a script is refused before it is stored.
use crate::config::Config;

/// What an upload is for: each use has its accepted types and size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Evidence of an indicator, a session's attachment: documents and pictures.
    Document,
    /// A podcast episode's audio.
    Audio,
    /// The pitch video, a course's video.
    Video,
    /// WebVTT captions of a video.
    Captions,
}

/// Why an upload is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Larger than the limit of its use, in megabytes.
    TooLarge { max_mb: usize },
    /// Its content is not one of the types of its use (or does not match its name).
    Type,
}

impl Use {
    /// The largest file accepted for this use, in bytes.
    pub fn max_bytes(self, config: &Config) -> usize {
        match self {
            Use::Document => config.max_upload_bytes,
            Use::Captions => config.max_upload_bytes.min(1024 * 1024),
            Use::Audio | Use::Video => config.max_media_bytes,
        }
    }

    /// The Fluent key of the message shown beside the field when the type is refused.
    pub fn type_error_key(self) -> &'static str {
        match self {
            Use::Document => "upload-error-type-document",
            Use::Audio => "upload-error-type-audio",
            Use::Video => "upload-error-type-video",
            Use::Captions => "upload-error-type-captions",
        }
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Text a browser could take for markup (HTML, SVG, XML): refused even inside a `.txt`.
fn looks_like_markup(data: &[u8]) -> bool {
    let start = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    start
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<')
}

fn is_plain_text(data: &[u8]) -> bool {
    !data.contains(&0) && std::str::from_utf8(data).is_ok() && !looks_like_markup(data)
}

fn is_mp4(d: &[u8]) -> bool {
    d.get(4..8) == Some(b"ftyp")
}

fn is_mp3(d: &[u8]) -> bool {
    d.starts_with(b"ID3") || (d.len() > 1 && d[0] == 0xFF && d[1] & 0xE0 == 0xE0)
}

fn is_wav(d: &[u8]) -> bool {
    d.starts_with(b"RIFF") && d.get(8..12) == Some(b"WAVE")
}

/// The type a file is stored and served under, when its content suits `usage` and agrees with
/// the extension of `name`.
pub fn detect(usage: Use, name: &str, d: &[u8]) -> Option<&'static str> {
    let ext = extension(name);
    let zip = d.starts_with(b"PK\x03\x04");
    let found = match (usage, ext.as_str()) {
        (Use::Document, "pdf") => d.starts_with(b"%PDF-").then_some("application/pdf"),
        (Use::Document, "png") => d.starts_with(b"\x89PNG\r\n\x1a\n").then_some("image/png"),
        (Use::Document, "jpg" | "jpeg") => d.starts_with(b"\xFF\xD8\xFF").then_some("image/jpeg"),
        (Use::Document, "odt") => zip.then_some("application/vnd.oasis.opendocument.text"),
        (Use::Document, "ods") => zip.then_some("application/vnd.oasis.opendocument.spreadsheet"),
        (Use::Document, "docx") => {
            zip.then_some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        (Use::Document, "xlsx") => {
            zip.then_some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        (Use::Document, "txt") => is_plain_text(d).then_some("text/plain; charset=utf-8"),
        (Use::Document, "csv") => is_plain_text(d).then_some("text/csv; charset=utf-8"),
        (Use::Document, "md") => is_plain_text(d).then_some("text/markdown; charset=utf-8"),
        (Use::Audio, "mp3") => is_mp3(d).then_some("audio/mpeg"),
        (Use::Audio, "ogg" | "oga" | "opus") => d.starts_with(b"OggS").then_some("audio/ogg"),
        (Use::Audio, "m4a" | "mp4" | "aac") => is_mp4(d).then_some("audio/mp4"),
        (Use::Audio, "wav") => is_wav(d).then_some("audio/wav"),
        (Use::Video, "mp4" | "m4v") => is_mp4(d).then_some("video/mp4"),
        (Use::Video, "webm") => d.starts_with(b"\x1A\x45\xDF\xA3").then_some("video/webm"),
        (Use::Captions, "vtt") => (is_plain_text(d)
            && d.strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(d)
                .starts_with(b"WEBVTT"))
        .then_some("text/vtt; charset=utf-8"),
        _ => None,
    };
    found.filter(|_| !d.is_empty())
}

/// Checks an upload for `usage`: its size first, then its content; `Ok` is its type.
pub fn check(
    usage: Use,
    config: &Config,
    name: &str,
    data: &[u8],
) -> Result<&'static str, Refused> {
    let max = usage.max_bytes(config);
    if data.len() > max {
        return Err(Refused::TooLarge {
            max_mb: max.div_ceil(1024 * 1024),
        });
    }
    detect(usage, name, data).ok_or(Refused::Type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_not_the_name() {
        let html = b"<!DOCTYPE html><script>alert(1)</script>";
        assert_eq!(detect(Use::Video, "pitch.mp4", html), None);
        assert_eq!(detect(Use::Document, "notes.txt", html), None);
        assert_eq!(
            detect(Use::Document, "preuve.pdf", b"\xEF\xBB\xBF <svg>"),
            None
        );
        assert_eq!(detect(Use::Document, "preuve.pdf", b"MZ\x90\0"), None);
        assert_eq!(
            detect(Use::Document, "preuve.PDF", b"%PDF-1.7\n"),
            Some("application/pdf")
        );
        // A real PNG under a PDF name does not pass as a PDF.
        assert_eq!(detect(Use::Document, "x.pdf", b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(
            detect(Use::Document, "bilan.csv", "mois;bénévoles\n".as_bytes()),
            Some("text/csv; charset=utf-8")
        );
        assert_eq!(detect(Use::Document, "x.txt", b"a\0b"), None);
        assert_eq!(
            detect(Use::Video, "v.mp4", b"\0\0\0\x20ftypisom"),
            Some("video/mp4")
        );
        assert_eq!(
            detect(Use::Video, "v.webm", b"\x1A\x45\xDF\xA3\x01"),
            Some("video/webm")
        );
        assert_eq!(detect(Use::Audio, "e.mp3", b"ID3\x04"), Some("audio/mpeg"));
        assert_eq!(detect(Use::Audio, "e.mp3", b"OggS"), None);
        assert_eq!(detect(Use::Audio, "e.wav", b"RIFF\0\0\0\0AVI "), None);
        assert_eq!(
            detect(
                Use::Captions,
                "fr.vtt",
                b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour"
            ),
            Some("text/vtt; charset=utf-8")
        );
        assert_eq!(detect(Use::Captions, "fr.vtt", b"1\n00:00:00,000"), None);
        assert_eq!(detect(Use::Document, "empty.txt", b""), None);
        assert_eq!(detect(Use::Document, "page.html", b"bonjour"), None);
    }

    #[test]
    fn each_use_has_its_size_limit() {
        let config = crate::config::Layer {
            max_upload_mb: Some(1),
            max_media_mb: Some(3),
            ..Default::default()
        }
        .build()
        .unwrap();
        let big = vec![b'a'; 2 * 1024 * 1024];
        assert_eq!(
            check(Use::Document, &config, "a.txt", &big),
            Err(Refused::TooLarge { max_mb: 1 })
        );
        let mut video = b"\0\0\0\x20ftypisom".to_vec();
        video.extend_from_slice(&big);
        assert_eq!(check(Use::Video, &config, "a.mp4", &video), Ok("video/mp4"));
        video.extend_from_slice(&big);
        assert_eq!(
            check(Use::Video, &config, "a.mp4", &video),
            Err(Refused::TooLarge { max_mb: 3 })
        );
    }
}
