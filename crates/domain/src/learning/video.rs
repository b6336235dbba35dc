//! A lesson's video hosted elsewhere: a YouTube, Vimeo or PeerTube address, checked and turned
//! into the address of its player (YouTube's without cookies, Vimeo's with "do not track"),
//! the origin a page must allow in its `frame-src`, and the host's name to tell the learner
//! before anything loads.

/// Why an address is not a video we can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoUrlError {
    /// Not `https://`.
    NotHttps,
    /// Not a YouTube or Vimeo video, nor a PeerTube `/videos/watch/…` or `/w/…` address.
    Unknown,
}

impl VideoUrlError {
    pub fn message_key(self) -> &'static str {
        match self {
            VideoUrlError::NotHttps => "learn-error-video-url",
            VideoUrlError::Unknown => "learn-error-video-host",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalVideo {
    /// Shown as « hébergée par … »: YouTube, Vimeo, or the PeerTube instance's host.
    pub host: String,
    /// The player's address, for the iframe loaded on request.
    pub embed: String,
    /// The player's origin (`https://host`), the one `frame-src` needs.
    pub origin: String,
}

fn id_ok(id: &str, max: usize, extra: &[char]) -> bool {
    !id.is_empty()
        && id.len() <= max
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || extra.contains(&c))
}

fn host_ok(host: &str) -> bool {
    host.len() <= 253
        && host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// Reads a video address.
pub fn parse_external(url: &str) -> Result<ExternalVideo, VideoUrlError> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .ok_or(VideoUrlError::NotHttps)?;
    let (host_part, tail) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    let host = host_part.to_ascii_lowercase();
    let (path, query) = match tail.split('#').next().unwrap_or("").split_once('?') {
        Some((p, q)) => (p, q),
        None => (tail.split('#').next().unwrap_or(""), ""),
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let youtube = |id: &str| {
        id_ok(id, 11, &['-', '_']).then(|| ExternalVideo {
            host: "YouTube".into(),
            embed: format!("https://www.youtube-nocookie.com/embed/{id}"),
            origin: "https://www.youtube-nocookie.com".into(),
        })
    };
    let found = match (host.as_str(), segments.as_slice()) {
        ("youtu.be", [id]) => youtube(id),
        ("youtube.com" | "www.youtube.com" | "m.youtube.com", ["watch"]) => query
            .split('&')
            .find_map(|kv| kv.strip_prefix("v="))
            .and_then(youtube),
        (
            "youtube.com"
            | "www.youtube.com"
            | "m.youtube.com"
            | "www.youtube-nocookie.com"
            | "youtube-nocookie.com",
            ["embed" | "shorts" | "live", id],
        ) => youtube(id),
        ("vimeo.com" | "www.vimeo.com", [id]) | ("player.vimeo.com", ["video", id])
            if id_ok(id, 12, &[]) && id.chars().all(|c| c.is_ascii_digit()) =>
        {
            Some(ExternalVideo {
                host: "Vimeo".into(),
                embed: format!("https://player.vimeo.com/video/{id}?dnt=1"),
                origin: "https://player.vimeo.com".into(),
            })
        }
        (h, ["videos", "watch" | "embed", id] | ["w", id])
            if host_ok(h) && id_ok(id, 64, &['-']) =>
        {
            Some(ExternalVideo {
                host: h.to_string(),
                embed: format!("https://{h}/videos/embed/{id}"),
                origin: format!("https://{h}"),
            })
        }
        _ => None,
    };
    found.ok_or(VideoUrlError::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn youtube_plays_from_the_no_cookie_domain() {
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ#t=3",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
        ] {
            let v = parse_external(url).unwrap();
            assert_eq!(
                v.embed,
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
            );
            assert_eq!(v.origin, "https://www.youtube-nocookie.com");
            assert_eq!(v.host, "YouTube");
        }
    }

    #[test]
    fn vimeo_and_peertube_instances() {
        let v = parse_external("https://vimeo.com/76979871").unwrap();
        assert_eq!(v.embed, "https://player.vimeo.com/video/76979871?dnt=1");
        assert_eq!(v.origin, "https://player.vimeo.com");
        let p =
            parse_external("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d").unwrap();
        assert_eq!(
            p.embed,
            "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"
        );
        assert_eq!(p.host, "framatube.org");
        let w = parse_external("https://video.example.fr/videos/watch/abc-123").unwrap();
        assert_eq!(w.origin, "https://video.example.fr");
    }

    #[test]
    fn anything_else_is_refused() {
        assert_eq!(
            parse_external("http://youtu.be/dQw4w9WgXcQ"),
            Err(VideoUrlError::NotHttps)
        );
        for url in [
            "https://example.com/video.mp4",
            "https://www.youtube.com/watch?v=bad\"id<script>",
            "https://vimeo.com/abc",
            "https://evil.example/w/../../etc",
            "https://user@evil.example:8080/w/abc",
            "https:///w/abc",
            "https://localhost/w/abc",
        ] {
            assert_eq!(parse_external(url), Err(VideoUrlError::Unknown), "{url}");
        }
    }
}
