//! Newsletters: who a centre writes to, and the pace of sending.

/// Who a newsletter goes to: the centre's leads who consented (and confirmed their address),
/// its members, or both (an address once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    Leads,
    Members,
    Both,
}

impl Segment {
    pub const ALL: [Segment; 3] = [Segment::Leads, Segment::Members, Segment::Both];

    pub fn code(self) -> &'static str {
        match self {
            Segment::Leads => "leads",
            Segment::Members => "members",
            Segment::Both => "both",
        }
    }

    pub fn parse(code: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn leads(self) -> bool {
        matches!(self, Segment::Leads | Segment::Both)
    }

    pub fn members(self) -> bool {
        matches!(self, Segment::Members | Segment::Both)
    }
}

/// Messages a minute by default.
pub const DEFAULT_RATE: i64 = 60;

/// The bounds of a centre's rate (messages a minute): at least one, at most what a small
/// sending server takes without being taken for a spammer.
pub const RATE_MIN: i64 = 1;
pub const RATE_MAX: i64 = 600;

/// A rate typed in the settings, when a whole number within [`RATE_MIN`]..=[`RATE_MAX`].
pub fn parse_rate(text: &str) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (RATE_MIN..=RATE_MAX).contains(n))
}

/// How many may go out now: the rate a minute less those sent in the last minute.
pub fn batch(rate_per_minute: i64, sent_last_minute: i64) -> i64 {
    (rate_per_minute.max(1) - sent_last_minute).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_batches() {
        for s in Segment::ALL {
            assert_eq!(Segment::parse(s.code()), Some(s));
        }
        assert!(Segment::Both.leads() && Segment::Both.members());
        assert!(!Segment::Leads.members());
        assert_eq!(batch(10, 3), 7);
        assert_eq!(batch(10, 12), 0);
        assert_eq!(batch(0, 0), 1);
    }

    #[test]
    fn rates_within_bounds() {
        assert_eq!(parse_rate(" 1 "), Some(1));
        assert_eq!(parse_rate("600"), Some(600));
        for bad in ["0", "601", "-5", "", "dix", "2.5"] {
            assert_eq!(parse_rate(bad), None, "{bad}");
        }
    }
}
