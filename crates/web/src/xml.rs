//! Escaping text for XML and HTML written by hand (feeds, the sitemap, XLSX parts, pre-rendered
//! fragments): one function for all of them.

/// XML text and attribute escaping (also valid in HTML); characters XML 1.0 forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<a href=\"x\">l'été & co</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;l&apos;été &amp; co&lt;/a&gt;"
        );
    }
}
