//! The type of an uploaded lesson file, read from its first bytes (never from its name): a
//! renamed executable is not a video.
/// A video the browsers play: MP4 (an `ftyp` box) or WebM (EBML).
pub fn video_type(data: &[u8]) -> Option<&'static str> {
    if data.get(4..8) == Some(b"ftyp") {
        Some("video/mp4")
    } else if data.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        Some("video/webm")
    } else {
        None
    }
}

pub fn image_type(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// WebVTT captions: UTF-8 text starting with `WEBVTT` (after an optional byte-order mark).
pub fn is_captions(data: &[u8]) -> bool {
    let text = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
    text.starts_with(b"WEBVTT") && std::str::from_utf8(text).is_ok()
}

/// A workbook: PDF, or an ODT/DOCX (a zip whose name says which), by content.
pub fn is_workbook(data: &[u8], name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if data.starts_with(b"%PDF-") {
        return lower.ends_with(".pdf");
    }
    data.starts_with(b"PK\x03\x04") && (lower.ends_with(".odt") || lower.ends_with(".docx"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_content() {
        assert_eq!(video_type(b"\0\0\0\x20ftypisom"), Some("video/mp4"));
        assert_eq!(video_type(b"MZ\x90\0 not a video"), None);
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert!(is_captions(b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour"));
        assert!(!is_captions(b"<script>"));
        assert!(is_workbook(b"%PDF-1.7", "cahier.pdf"));
        assert!(is_workbook(b"PK\x03\x04....", "cahier.odt"));
        assert!(!is_workbook(b"MZ", "cahier.pdf"));
        assert!(!is_workbook(b"%PDF-1.7", "cahier.exe"));
    }
}
