//! Contracts of the network (issue 21): Markdown templates whose `{{placeholders}}` are filled
//! from the centre's and the licence's data (in *vous*), the SHA-256 fingerprint of the exact
//! text signed, the parties, and the outline a PDF is laid out from.
use sha2::{Digest, Sha256};

/// The licence contract's template (French: contracts say *vous*).
pub const LICENCE_TEMPLATE: &str = include_str!("../data/contracts/licence.fr.md");
/// An amendment's template.
pub const AMENDMENT_TEMPLATE: &str = include_str!("../data/contracts/amendment.fr.md");
/// The longest contract text accepted, in characters.
pub const MAX_CHARS: usize = 100_000;

/// Fills `{{name}}` placeholders with `values`; an unknown placeholder is an error that names
/// it, so no contract goes out with a hole.
pub fn fill(template: &str, values: &[(&str, String)]) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(after.chars().take(30).collect());
        };
        let name = after[..end].trim();
        match values.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => return Err(name.to_string()),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The SHA-256 fingerprint of the exact text signed (its UTF-8 bytes), in lower-case hex.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprint cut in groups of eight, as people compare it by eye.
pub fn grouped(fingerprint: &str) -> String {
    fingerprint
        .as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks a contract text written or edited by the network: not empty, not too long, every
/// placeholder filled.
pub fn check_text(text: &str) -> Result<String, &'static str> {
    let text = text.replace("\r\n", "\n");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("contract-error-text");
    }
    if trimmed.chars().count() > MAX_CHARS {
        return Err("contract-error-too-long");
    }
    if trimmed.contains("{{") {
        return Err("contract-error-placeholder");
    }
    Ok(format!("{trimmed}\n"))
}

/// Who signs: the network (its team) and the licensee (the centre's manager).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Network,
    Licensee,
}

impl Party {
    pub const ALL: [Party; 2] = [Party::Network, Party::Licensee];

    pub fn code(self) -> &'static str {
        match self {
            Party::Network => "network",
            Party::Licensee => "licensee",
        }
    }

    pub fn parse(code: &str) -> Option<Party> {
        Party::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Party::Network => "contract-party-network",
            Party::Licensee => "contract-party-licensee",
        }
    }
}

/// Why a signature is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The explicit consent box was not ticked.
    NoConsent,
    /// The contract was not sent for signature yet.
    NotSent,
    /// This party signed already.
    AlreadySigned,
    /// The text changed since the signer's page showed it.
    Changed,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::NoConsent => "no_consent",
            Refusal::NotSent => "not_sent",
            Refusal::AlreadySigned => "already_signed",
            Refusal::Changed => "changed",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::NoConsent => "contract-error-consent",
            Refusal::NotSent => "contract-refused-not-sent",
            Refusal::AlreadySigned => "contract-refused-twice",
            Refusal::Changed => "contract-refused-changed",
        }
    }
}

/// Whether `party` may sign now: the contract sent, not signed by that party yet, the consent
/// given, and the text the signer saw (`seen`) the one stored (`stored` fingerprint).
pub fn may_sign(
    sent: bool,
    already: bool,
    consent: bool,
    seen: &str,
    stored: &str,
) -> Result<(), Refusal> {
    if !sent {
        Err(Refusal::NotSent)
    } else if already {
        Err(Refusal::AlreadySigned)
    } else if seen.trim() != stored {
        Err(Refusal::Changed)
    } else if !consent {
        Err(Refusal::NoConsent)
    } else {
        Ok(())
    }
}

/// A part of a contract as its PDF lays it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// `#` the title; `##` an article.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    Bullets(Vec<String>),
}

/// The contract's Markdown as parts (headings, paragraphs, bullet lists), emphasis marks taken
/// off: the PDF shows the same words as the page.
pub fn outline(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut bullets: Vec<String> = Vec::new();
    fn flush(parts: &mut Vec<Part>, para: &mut Vec<&str>, bullets: &mut Vec<String>) {
        if !para.is_empty() {
            parts.push(Part::Paragraph(plain(&para.join(" "))));
            para.clear();
        }
        if !bullets.is_empty() {
            parts.push(Part::Bullets(std::mem::take(bullets)));
        }
    }
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            flush(&mut parts, &mut para, &mut bullets);
        } else if let Some(h) = l.strip_prefix("## ") {
            flush(&mut parts, &mut para, &mut bullets);
            parts.push(Part::Heading {
                level: 2,
                text: plain(h),
            });
        } else if let Some(h) = l.strip_prefix("# ") {
            flush(&mut parts, &mut para, &mut bullets);
            parts.push(Part::Heading {
                level: 1,
                text: plain(h),
            });
        } else if let Some(b) = l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
            if !para.is_empty() {
                flush(&mut parts, &mut para, &mut bullets);
            }
            bullets.push(plain(b));
        } else {
            if !bullets.is_empty() {
                flush(&mut parts, &mut para, &mut bullets);
            }
            para.push(l);
        }
    }
    flush(&mut parts, &mut para, &mut bullets);
    parts
}

/// Markdown emphasis marks (`**`, `__`, `` ` ``) taken off.
fn plain(text: &str) -> String {
    text.replace("**", "").replace("__", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_or_named() {
        let values = [("centre_name", "Micro-centre de Die".to_string())];
        assert_eq!(
            fill("Entre le Studio et {{ centre_name }}.", &values).unwrap(),
            "Entre le Studio et Micro-centre de Die."
        );
        assert_eq!(fill("{{unknown}}", &values).unwrap_err(), "unknown");
        assert!(fill("{{centre_name", &values).is_err());
    }

    #[test]
    fn the_licence_template_has_only_known_placeholders() {
        let keys = [
            "network_name",
            "centre_name",
            "centre_town",
            "licence_name",
            "licence_version",
            "territory",
            "starts_on",
            "ends_on",
            "term_years",
            "benefits",
            "entry_fee",
            "yearly_fee",
            "royalty",
        ];
        let values: Vec<(&str, String)> = keys.iter().map(|k| (*k, "x".to_string())).collect();
        let text = fill(LICENCE_TEMPLATE, &values).unwrap();
        assert!(text.contains("vous"));
        assert!(check_text(&text).is_ok());
        let keys = [
            "contract_title",
            "network_name",
            "centre_name",
            "centre_town",
            "contract_signed_on",
            "contract_hash",
        ];
        let values: Vec<(&str, String)> = keys.iter().map(|k| (*k, "x".to_string())).collect();
        assert!(fill(AMENDMENT_TEMPLATE, &values).is_ok());
    }

    #[test]
    fn the_fingerprint_is_sha256_of_the_exact_text() {
        assert_eq!(
            fingerprint("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(fingerprint("abc"), fingerprint("abc "));
        assert_eq!(grouped("0123456789abcdef01"), "01234567 89abcdef 01");
    }

    #[test]
    fn texts_are_checked() {
        assert_eq!(check_text(" \n"), Err("contract-error-text"));
        assert_eq!(check_text("a {{b}}"), Err("contract-error-placeholder"));
        assert_eq!(check_text("a\r\nb  \n\n").unwrap(), "a\nb\n");
    }

    #[test]
    fn signing_is_refused_twice_after_a_change_or_without_consent() {
        let h = fingerprint("texte");
        assert_eq!(may_sign(true, false, true, &h, &h), Ok(()));
        assert_eq!(may_sign(false, false, true, &h, &h), Err(Refusal::NotSent));
        assert_eq!(
            may_sign(true, true, true, &h, &h),
            Err(Refusal::AlreadySigned)
        );
        assert_eq!(
            may_sign(true, false, true, &fingerprint("autre"), &h),
            Err(Refusal::Changed)
        );
        assert_eq!(
            may_sign(true, false, false, &h, &h),
            Err(Refusal::NoConsent)
        );
    }

    #[test]
    fn the_outline_follows_the_markdown() {
        let parts =
            outline("# Titre\n\nEntre **A**\net B.\n\n## Article 1\n\n- un\n- deux\nSuite.");
        assert_eq!(
            parts,
            vec![
                Part::Heading {
                    level: 1,
                    text: "Titre".into()
                },
                Part::Paragraph("Entre A et B.".into()),
                Part::Heading {
                    level: 2,
                    text: "Article 1".into()
                },
                Part::Bullets(vec!["un".into(), "deux".into()]),
                Part::Paragraph("Suite.".into()),
            ]
        );
    }
}
