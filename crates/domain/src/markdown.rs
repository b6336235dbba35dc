//! Markdown written by staff, turned into safe HTML.
//!
//! Raw HTML in the source is shown as text, never passed through; link and image addresses keep
//! only `http`, `https`, `mailto` (links) and site-relative forms; headings get stable ids so a
//! page can build its table of contents. The document's top heading level becomes `<h2>` (the
//! page owns its `<h1>`), whether the author started with `#` or `##`, so levels never skip.
//! French content ([`render_in`]) gets French typography in its text: the space the author wrote
//! before « : ; ? ! » and inside « » becomes non-breaking (code and addresses stay as written).
use crate::Locale;
use crate::typography::{typeset_french, typeset_french_after};
use pulldown_cmark::{
    CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream, html,
};

/// A heading of the rendered document, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 2 to 6 once shifted (a `#` heading becomes `<h2>`).
    pub level: u8,
    pub text: String,
    pub id: String,
}

/// Safe HTML and the headings found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_TASKLISTS
}

/// Renders Markdown to HTML that cannot run script, whatever the source holds.
pub fn render(source: &str) -> Rendered {
    render_with(source, false)
}

/// Renders Markdown written in `lang`: as [`render`], with French typography for French text.
pub fn render_in(source: &str, lang: Locale) -> Rendered {
    render_with(source, lang == Locale::Fr)
}

fn render_with(source: &str, french: bool) -> Rendered {
    let top = top_level(source);
    let shift = |level: HeadingLevel| shift(level, top);
    let mut headings = headings(source);
    if french {
        for h in &mut headings {
            h.text = typeset_french(&h.text);
        }
    }
    let mut next_heading = headings.iter();
    // Text inside a code block or a link whose text is its address stays as written.
    let mut in_code = false;
    let mut in_link = false;
    // The last character of the text before, across inline elements (`[lien](…) !`).
    let mut last: Option<char> = None;
    let events =
        TextMergeStream::new(Parser::new_ext(source, options())).map(|event| match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code = true;
                Event::Start(Tag::CodeBlock(kind))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                Event::End(TagEnd::CodeBlock)
            }
            Event::End(TagEnd::Link) => {
                in_link = false;
                Event::End(TagEnd::Link)
            }
            Event::Text(text) if french && !in_code && !(in_link && text.contains("://")) => {
                let typeset = typeset_french_after(&text, last);
                last = typeset.chars().last();
                Event::Text(CowStr::from(typeset))
            }
            Event::Text(text) => {
                last = text.chars().last();
                Event::Text(text)
            }
            Event::Code(text) => {
                last = text.chars().last();
                Event::Code(text)
            }
            Event::SoftBreak => {
                last = None;
                Event::SoftBreak
            }
            Event::HardBreak => {
                last = None;
                Event::HardBreak
            }
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            // A checklist item shows its box as a character, not as a form control nobody can tick.
            Event::TaskListMarker(done) => {
                Event::Text(CowStr::from(if done { "☑ " } else { "☐ " }))
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let id = next_heading.next().map(|h| CowStr::from(h.id.clone()));
                Event::Start(Tag::Heading {
                    level: shift(level),
                    id,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link = true;
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: safe_url(dest_url, true),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: safe_url(dest_url, false),
                title,
                id,
            }),
            other => other,
        });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    Rendered {
        html: out,
        headings,
    }
}

/// The text of the document without markup, for excerpts, search and feeds.
pub fn plain_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) if !out.ends_with(' ') && !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// The first `max` characters of the plain text, cut at a word, with an ellipsis when cut.
pub fn excerpt(source: &str, max: usize) -> String {
    let text = plain_text(source);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The highest heading level the document uses (1 for `#`), or 1 when it has none.
fn top_level(source: &str) -> usize {
    Parser::new_ext(source, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1)
}

fn headings(source: &str) -> Vec<Heading> {
    let top = top_level(source);
    let mut found = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((shift(level, top) as u8, String::new()))
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    found.push((level, text));
                }
            }
            _ => {}
        }
    }
    let mut used: Vec<String> = Vec::new();
    found
        .into_iter()
        .map(|(level, text)| {
            let base = anchor(&text);
            let mut id = base.clone();
            let mut n = 2;
            while used.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            used.push(id.clone());
            Heading { level, text, id }
        })
        .collect()
}

/// A lower-case ASCII anchor from a heading: accents dropped, other runs turned into `-`.
pub fn anchor(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'õ' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        'ñ' | 'Ñ' => 'n',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        other => other,
    };
    vec![folded]
}

/// Moves a heading so that the document's `top` level becomes 2.
fn shift(level: HeadingLevel, top: usize) -> HeadingLevel {
    match (level as usize + 2).saturating_sub(top) {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Keeps an address only when it cannot run script or load from an odd scheme.
fn safe_url(url: CowStr<'_>, link: bool) -> CowStr<'_> {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = trimmed.to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    let allowed = match scheme {
        None => !lower.starts_with("//"),
        Some("http" | "https") => true,
        Some("mailto") => link,
        Some(_) => false,
    };
    if allowed { url } else { CowStr::from("#") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_common_markdown_with_shifted_headings_and_ids() {
        let r = render(
            "# Pourquoi un micro-centre ?\n\nDu *texte* et un [lien](https://example.org).\n\n## Étapes\n\n## Étapes\n",
        );
        assert!(
            r.html
                .contains("<h2 id=\"pourquoi-un-micro-centre\">Pourquoi un micro-centre ?</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<em>texte</em>"));
        assert!(r.html.contains("<a href=\"https://example.org\">lien</a>"));
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["pourquoi-un-micro-centre", "etapes", "etapes-2"]);
        assert_eq!(r.headings[1].level, 3);
    }

    #[test]
    fn checklists_show_their_boxes_as_characters() {
        let r = render("- [x] Trouver un local\n- [ ] Signer le bail\n");
        assert!(
            r.html.contains("<li>☑ Trouver un local</li>")
                && r.html.contains("<li>☐ Signer le bail</li>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<input"));
    }

    #[test]
    fn a_document_that_starts_at_level_two_still_starts_at_h2() {
        let r = render("## Premier\n\n### Détail\n");
        assert!(
            r.html.contains("<h2 id=\"premier\">") && r.html.contains("<h3 id=\"detail\">"),
            "{}",
            r.html
        );
        assert_eq!(r.headings[0].level, 2);
    }

    #[test]
    fn hostile_markdown_never_yields_script() {
        let hostile = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[clic](javascript:alert(1))",
            "[clic](JaVaScRiPt:alert(1))",
            "[clic](java\tscript:alert(1))",
            "[clic]( javascript:alert(1) )",
            "![x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "[x]: javascript:alert(1)\n\n[y][x]",
            "<div\nonclick=alert(1)>texte</div>",
            "`<script>`",
            "<<script>script>alert(1)<</script>/script>",
            "[x](//evil.example/a)",
        ];
        let allowed = [
            "p",
            "a",
            "em",
            "strong",
            "code",
            "pre",
            "img",
            "ul",
            "ol",
            "li",
            "h2",
            "h3",
            "blockquote",
            "del",
        ];
        for source in hostile {
            let html = render(source).html;
            // Text is escaped, so every `<` left opens a tag the renderer wrote itself.
            for tag in html
                .split('<')
                .skip(1)
                .map(|rest| rest.split('>').next().unwrap_or_default())
            {
                let lower = tag.to_ascii_lowercase();
                let name = lower
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap_or_default();
                assert!(allowed.contains(&name), "{source:?} gave tag <{tag}>");
                for bad in ["javascript:", "vbscript:", "data:", "href=\"//", " on"] {
                    assert!(!lower.contains(bad), "{source:?} gave tag <{tag}>");
                }
            }
        }
    }

    #[test]
    fn french_text_gets_no_break_spaces_where_the_author_put_a_space() {
        let source = "# Phase 1: COMPRENDRE\n\nPourquoi ? Parce que « ça marche » ; voilà !\n\n\
                      `a ? b` et <https://exemple.fr/?q=1> !\n\n```\nx : y\n```\n";
        let fr = render_in(source, Locale::Fr);
        assert!(fr.html.contains(">Phase 1: COMPRENDRE</h2>"), "{}", fr.html);
        assert!(
            fr.html.contains(
                "Pourquoi\u{202F}? Parce que «\u{A0}ça marche\u{A0}»\u{202F}; voilà\u{202F}!"
            ),
            "{}",
            fr.html
        );
        assert!(fr.html.contains("<code>a ? b</code>"), "{}", fr.html);
        assert!(
            fr.html.contains(">https://exemple.fr/?q=1</a>\u{202F}!"),
            "{}",
            fr.html
        );
        assert!(fr.html.contains("x : y"), "{}", fr.html);
        assert_eq!(fr.headings[0].text, "Phase 1: COMPRENDRE");
        let en = render_in("Why ? Because !", Locale::En);
        assert!(en.html.contains("Why ? Because !"), "{}", en.html);
        assert_eq!(render("Pourquoi ?").html, "<p>Pourquoi ?</p>\n");
        let heading = render_in("## Et maintenant ?", Locale::Fr);
        assert_eq!(heading.headings[0].text, "Et maintenant\u{202F}?");
    }

    #[test]
    fn plain_text_and_excerpt() {
        assert_eq!(
            plain_text("# Titre\n\nUn **mot** et `code`."),
            "Titre Un mot et code."
        );
        assert_eq!(
            excerpt("Une phrase assez longue pour être coupée proprement.", 20),
            "Une phrase assez…"
        );
        assert_eq!(excerpt("Court.", 20), "Court.");
    }

    #[test]
    fn anchors_fold_french_accents() {
        assert_eq!(
            anchor("Œuvrer à l'échelle d'un quartier !"),
            "oeuvrer-a-l-echelle-d-un-quartier"
        );
        assert_eq!(anchor("???"), "section");
    }
}
