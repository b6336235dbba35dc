//! Offers and applications: the pipeline an application moves through, the scoring grid staff
//! fill, prices in cents and the questions a centre adds to its application form.

/// Where an application stands. Received → interview → accepted / waitlisted / declined; a
/// waitlisted application may still be accepted or declined; accepted and declined are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Received,
    Interview,
    Accepted,
    Waitlisted,
    Declined,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Received,
        Status::Interview,
        Status::Accepted,
        Status::Waitlisted,
        Status::Declined,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Interview => "interview",
            Status::Accepted => "accepted",
            Status::Waitlisted => "waitlisted",
            Status::Declined => "declined",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether an application may move from here to `to`.
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Received, Interview | Accepted | Waitlisted | Declined)
                | (Interview, Accepted | Waitlisted | Declined)
                | (Waitlisted, Interview | Accepted | Declined)
        )
    }

    /// The steps it may move to next.
    pub fn next(self) -> Vec<Status> {
        Status::ALL
            .into_iter()
            .filter(|s| self.can_move_to(*s))
            .collect()
    }

    /// Still waiting for a decision (shown in the manager's « À faire »).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Received | Status::Interview)
    }
}

/// The criteria of the scoring grid, each scored 0 to [`MAX_SCORE`].
pub const CRITERIA: [&str; 4] = ["motivation", "impact", "feasibility", "availability"];
pub const MAX_SCORE: i64 = 5;

/// Reads a price typed in euros (« 360 », « 89,50 », « 0 », empty = free) as cents.
pub fn parse_price(input: &str) -> Option<i64> {
    let t = input
        .trim()
        .trim_end_matches('€')
        .trim()
        .replace([' ', '\u{a0}', '\u{202f}'], "");
    if t.is_empty() {
        return Some(0);
    }
    let t = t.replace(',', ".");
    let (units, rest) = t.split_once('.').unwrap_or((&t, ""));
    if units.is_empty() || !units.bytes().all(|b| b.is_ascii_digit()) || units.len() > 7 {
        return None;
    }
    if rest.len() > 2 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents = format!("{rest:0<2}").parse::<i64>().ok()?;
    Some(units.parse::<i64>().ok()? * 100 + cents)
}

/// Cents back as the form shows them (« 360 », « 89,50 »).
pub fn price_input(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{},{:02}", cents / 100, cents % 100)
    }
}

/// The extra questions of an application form: one a line, blank lines dropped, at most 10.
pub fn questions(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(10)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pipeline_moves_forward_only() {
        use Status::*;
        assert!(Received.can_move_to(Interview));
        assert!(Interview.can_move_to(Accepted));
        assert!(Waitlisted.can_move_to(Accepted));
        assert!(!Accepted.can_move_to(Declined));
        assert!(!Declined.can_move_to(Accepted));
        assert!(!Interview.can_move_to(Received));
        assert!(!Received.can_move_to(Received));
        assert_eq!(Accepted.next(), []);
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn prices_read_in_euros() {
        assert_eq!(parse_price("360"), Some(36_000));
        assert_eq!(parse_price("89,5"), Some(8_950));
        assert_eq!(parse_price("1 200 €"), Some(120_000));
        assert_eq!(parse_price(""), Some(0));
        for bad in ["-3", "abc", "1,234", "12.3.4", "99999999"] {
            assert_eq!(parse_price(bad), None, "{bad}");
        }
        assert_eq!(price_input(8_950), "89,50");
        assert_eq!(price_input(36_000), "360");
    }

    #[test]
    fn questions_are_lines() {
        assert_eq!(
            questions("Ton quartier ?\n\n  Tes disponibilités ?  \n"),
            ["Ton quartier ?", "Tes disponibilités ?"]
        );
    }
}
