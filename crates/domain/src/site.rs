//! Rules of the public site and its leads: field limits, statuses, interests, campaign tags,
//! retention (CNIL: three years from the last contact, then ask, then erase), event seats and
//! JSON-LD safe inside a `<script>` data block.
use crate::DomainError;

/// Longest name, town, tag… a visitor may type.
pub const NAME_MAX: usize = 80;
pub const TOWN_MAX: usize = 80;
pub const IDEA_MAX: usize = 2_000;
pub const NOTE_MAX: usize = 4_000;
pub const TAG_MAX: usize = 30;
pub const TAGS_MAX: usize = 10;
/// A campaign value (utm_source, utm_medium, utm_campaign) kept on a lead.
pub const UTM_MAX: usize = 60;

/// Three years without contact: the lead is asked whether to keep their details.
pub const RETENTION_SECS: i64 = 3 * 365 * 86_400;
/// Thirty days after asking without an answer: the lead is erased.
pub const RETENTION_GRACE_SECS: i64 = 30 * 86_400;
/// How long a confirmation link works.
pub const CONFIRM_TTL_SECS: i64 = 7 * 86_400;
/// How long a link to « my data » or to unsubscribe works (as long as the details are kept).
pub const MANAGE_TTL_SECS: i64 = RETENTION_SECS + RETENTION_GRACE_SECS;
/// A pioneers form sent faster than this after it was shown is a robot's.
pub const MIN_FILL_SECS: i64 = 3;
/// A form shown longer ago than this must be shown again.
pub const MAX_FILL_SECS: i64 = 86_400;

/// Where a lead stands with the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeadStatus {
    New,
    Contacted,
    Pioneer,
    Participant,
}

impl LeadStatus {
    pub const ALL: [LeadStatus; 4] = [
        LeadStatus::New,
        LeadStatus::Contacted,
        LeadStatus::Pioneer,
        LeadStatus::Participant,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LeadStatus::New => "new",
            LeadStatus::Contacted => "contacted",
            LeadStatus::Pioneer => "pioneer",
            LeadStatus::Participant => "participant",
        }
    }

    pub fn parse(code: &str) -> Result<Self, DomainError> {
        LeadStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or(DomainError::Required)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            LeadStatus::New => "lead-status-new",
            LeadStatus::Contacted => "lead-status-contacted",
            LeadStatus::Pioneer => "lead-status-pioneer",
            LeadStatus::Participant => "lead-status-participant",
        }
    }
}

/// What a lead said they are interested in (checkboxes of the pioneers form).
pub const INTERESTS: [&str; 5] = [
    "diagnostic",
    "canvas",
    "coaching",
    "workshops",
    "micro-centre",
];

/// The interests kept from a form: known codes only, each once, in the catalogue's order.
pub fn interests(chosen: &[String]) -> Vec<&'static str> {
    INTERESTS
        .into_iter()
        .filter(|code| chosen.iter().any(|c| c == code))
        .collect()
}

/// An optional, trimmed, bounded text field.
pub fn optional_text(value: &str, max_chars: usize) -> Result<String, DomainError> {
    let v = value.trim();
    if v.chars().count() > max_chars {
        Err(DomainError::TooLong)
    } else {
        Ok(v.to_string())
    }
}

/// Tags typed as « atelier, Lyon, vélo »: trimmed, lower-cased, deduplicated, bounded.
pub fn tags(input: &str) -> Result<Vec<String>, DomainError> {
    let mut out: Vec<String> = Vec::new();
    for raw in input.split(',') {
        let tag = raw.trim().to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > TAG_MAX || tag.chars().any(char::is_control) {
            return Err(DomainError::TooLong);
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > TAGS_MAX {
        return Err(DomainError::TooLong);
    }
    Ok(out)
}

/// A campaign value from a URL: letters, digits, `-`, `_`, `.`, `+` and spaces (as `-`), at most
/// [`UTM_MAX`] characters, lower-cased. Anything else is dropped rather than stored.
pub fn utm_value(raw: &str) -> String {
    raw.trim()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') => Some(c),
            ' ' | '+' => Some('-'),
            _ => None,
        })
        .take(UTM_MAX)
        .collect::<String>()
        .to_lowercase()
}

/// The host of a `Referer` header, when it is another site than ours.
pub fn referrer_host(referer: &str, own_base_url: &str) -> Option<String> {
    let host = |url: &str| -> Option<String> {
        let rest = url.split_once("://")?.1;
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit('@').next()?.to_lowercase();
        (!host.is_empty() && host.len() <= 100).then_some(host)
    };
    let theirs = host(referer)?;
    (host(own_base_url).as_deref() != Some(theirs.as_str())).then_some(theirs)
}

/// What the retention job does with one lead at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    Keep,
    /// Send the « shall we keep your details? » e-mail.
    Ask,
    /// Asked more than 30 days ago, no answer: erase.
    Erase,
}

pub fn retention(last_contact_at: i64, asked_at: Option<i64>, now: i64) -> Retention {
    match asked_at {
        Some(asked) if asked >= last_contact_at => {
            if now - asked >= RETENTION_GRACE_SECS {
                Retention::Erase
            } else {
                Retention::Keep
            }
        }
        _ if now - last_contact_at >= RETENTION_SECS => Retention::Ask,
        _ => Retention::Keep,
    }
}

/// Seats left at an event (never below zero).
pub fn seats_left(capacity: i64, taken: i64) -> i64 {
    (capacity - taken).max(0)
}

/// JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` escaped so no text
/// can close the element.
pub fn json_ld(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for s in LeadStatus::ALL {
            assert_eq!(LeadStatus::parse(s.code()), Ok(s));
        }
        assert!(LeadStatus::parse("boss").is_err());
    }

    #[test]
    fn interests_keep_known_codes_once() {
        let chosen = vec![
            "coaching".into(),
            "<script>".into(),
            "canvas".into(),
            "canvas".into(),
        ];
        assert_eq!(interests(&chosen), vec!["canvas", "coaching"]);
    }

    #[test]
    fn tags_are_clean() {
        assert_eq!(
            tags(" Atelier, lyon ,atelier,,").unwrap(),
            vec!["atelier", "lyon"]
        );
        assert!(tags(&"x".repeat(31)).is_err());
        assert!(tags(&(0..11).map(|i| i.to_string()).collect::<Vec<_>>().join(",")).is_err());
    }

    #[test]
    fn utm_values_are_tame() {
        assert_eq!(utm_value("Newsletter Mars"), "newsletter-mars");
        assert_eq!(utm_value("<script>alert(1)</script>"), "scriptalert1script");
        assert_eq!(utm_value(&"a".repeat(200)).len(), UTM_MAX);
        assert_eq!(
            referrer_host("https://www.Example.org/page?x", "http://impact.test"),
            Some("www.example.org".into())
        );
        assert_eq!(
            referrer_host("http://impact.test/a", "http://impact.test"),
            None
        );
        assert_eq!(referrer_host("nonsense", "http://impact.test"), None);
    }

    #[test]
    fn retention_asks_then_erases() {
        let t0 = 1_000_000_000;
        assert_eq!(
            retention(t0, None, t0 + RETENTION_SECS - 1),
            Retention::Keep
        );
        assert_eq!(retention(t0, None, t0 + RETENTION_SECS), Retention::Ask);
        let asked = t0 + RETENTION_SECS;
        assert_eq!(retention(t0, Some(asked), asked + 86_400), Retention::Keep);
        assert_eq!(
            retention(t0, Some(asked), asked + RETENTION_GRACE_SECS),
            Retention::Erase
        );
        // An answer (a new contact after the question) starts the three years again.
        assert_eq!(
            retention(asked + 10, Some(asked), asked + RETENTION_GRACE_SECS),
            Retention::Keep
        );
    }

    #[test]
    fn json_ld_cannot_close_the_script() {
        let v = serde_json::json!({ "name": "</script><script>alert(1)</script> & co" });
        let out = json_ld(&v);
        assert!(!out.contains("</") && !out.contains('<') && !out.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn seats() {
        assert_eq!(seats_left(15, 3), 12);
        assert_eq!(seats_left(2, 5), 0);
    }
}
