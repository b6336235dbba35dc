//! French typography: a non-breaking space before « : ; ? ! » and inside « ».
//!
//! Two uses: the rendered Markdown of French content turns the author's ordinary space before
//! such a mark into a non-breaking one (it never adds a space the author did not write), and a
//! test of the web crate checks that every French catalogue string already has them.

/// The no-break space (before `:` and inside `« »`).
pub const NBSP: char = '\u{A0}';
/// The narrow no-break space (before `; ? !`).
pub const NNBSP: char = '\u{202F}';

fn is_no_break(c: char) -> bool {
    c == NBSP || c == NNBSP
}

/// The no-break space that belongs before a mark, if the mark takes one.
fn space_before(mark: char) -> Option<char> {
    match mark {
        ':' | '»' => Some(NBSP),
        ';' | '?' | '!' => Some(NNBSP),
        _ => None,
    }
}

/// The byte ranges of web addresses in `text` (`scheme://…`, `mailto:…`, `www.…`), which are
/// left as written.
fn address_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let end = start + word.len();
        let bare = word.trim_end();
        if bare.contains("://") || bare.starts_with("mailto:") || bare.starts_with("www.") {
            out.push((start, start + bare.len()));
        }
        start = end;
    }
    out
}

/// Turns the ordinary space the author wrote before `: ; ? ! »` and after `«` into the
/// no-break space French asks for; never inserts one where there was no space, and leaves web
/// addresses alone.
pub fn typeset_french(text: &str) -> String {
    typeset_french_after(text, None)
}

/// As [`typeset_french`], for a piece of text that follows `before` (the last character of the
/// text just before it, in another element: `[lien](…) !`).
pub fn typeset_french_after(text: &str, before: Option<char>) -> String {
    let addresses = address_ranges(text);
    let in_address = |at: usize| addresses.iter().any(|(s, e)| at >= *s && at < *e);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (n, &(at, c)) in chars.iter().enumerate() {
        if c == ' ' && !in_address(at) {
            let prev = match n.checked_sub(1) {
                Some(p) => Some(chars[p].1),
                None => before,
            };
            let next = chars.get(n + 1).map(|x| x.1);
            let before_mark = match (prev, next) {
                (Some(p), Some(m)) if !p.is_whitespace() => space_before(m),
                _ => None,
            };
            if let Some(space) = before_mark {
                out.push(space);
                continue;
            }
            if prev == Some('«') && next.is_some_and(|x| !x.is_whitespace()) {
                out.push(NBSP);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Where a French string breaks the rule: each fault names the mark and the text before it.
/// Times (`10:30`), web addresses and a mark right after another mark (`?!`) are not faults.
pub fn french_spacing_faults(text: &str) -> Vec<String> {
    let addresses = address_ranges(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut faults = Vec::new();
    let context = |n: usize| -> String {
        chars[n.saturating_sub(12)..(n + 1).min(chars.len())]
            .iter()
            .map(|x| x.1)
            .collect()
    };
    for (n, &(at, c)) in chars.iter().enumerate() {
        if addresses.iter().any(|(s, e)| at >= *s && at < *e) {
            continue;
        }
        let prev = n.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(n + 1).map(|x| x.1);
        let ok = match c {
            ':' if prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|x| x.is_ascii_digit()) =>
            {
                true
            }
            ':' | ';' | '?' | '!' | '»' => match prev {
                None => true,
                Some(p) => is_no_break(p) || matches!(p, ':' | ';' | '?' | '!' | '…' | '('),
            },
            '«' => next.is_none_or(is_no_break),
            _ => true,
        };
        if !ok {
            faults.push(format!("{c:?} in …{}", context(n)));
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_space_before_a_mark_becomes_a_no_break_one() {
        assert_eq!(
            typeset_french("Pourquoi ? Parce que : « oui » ; enfin !"),
            "Pourquoi\u{202F}? Parce que\u{A0}: «\u{A0}oui\u{A0}»\u{202F}; enfin\u{202F}!"
        );
    }

    #[test]
    fn no_space_is_added_where_the_author_wrote_none() {
        assert_eq!(typeset_french("Phase 1: COMPRENDRE"), "Phase 1: COMPRENDRE");
        assert_eq!(typeset_french("Quoi?!"), "Quoi?!");
        assert_eq!(typeset_french("«oui»"), "«oui»");
    }

    #[test]
    fn addresses_and_times_are_left_alone() {
        let text = "Voir https://exemple.fr/a?b=1 ! À 10:30 :";
        assert_eq!(
            typeset_french(text),
            "Voir https://exemple.fr/a?b=1\u{202F}! À 10:30\u{A0}:"
        );
        assert!(french_spacing_faults("À 10:30, https://exemple.fr/?q=a:b").is_empty());
    }

    #[test]
    fn faults_name_each_mark_without_its_space() {
        assert_eq!(french_spacing_faults("Bonjour !").len(), 1);
        assert_eq!(french_spacing_faults("« oui »").len(), 2);
        assert_eq!(french_spacing_faults("Phase 1: x; y?").len(), 3);
        assert!(
            french_spacing_faults("Bonjour\u{202F}! «\u{A0}oui\u{A0}» Quoi\u{202F}?!").is_empty()
        );
    }
}
