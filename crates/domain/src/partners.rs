//! Partners (issue 21): the network weighs organisations of its CRM against a selection grid
//! (criteria with weights from 1 to 10, a score from 0 to 5 per criterion), chooses some, keeps
//! the agreement signed with each and what each brings.
use crate::tracking::{iso, parse_optional_date};

/// Highest weight of a criterion.
pub const MAX_WEIGHT: i64 = 10;
/// Highest score on a criterion.
pub const MAX_SCORE: i64 = 5;
/// Longest name, title or label.
pub const MAX_TEXT: usize = 120;
/// Longest notes.
pub const MAX_NOTES: usize = 4_000;

/// Why a partner's form is refused; each has its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerError {
    Required,
    TooLong,
    Weight,
    Score,
    Status,
    Kind,
    Amount,
    Date,
    EndsBeforeSigned,
}

impl PartnerError {
    pub fn message_key(self) -> &'static str {
        match self {
            PartnerError::Required => "partner-error-required",
            PartnerError::TooLong => "partner-error-too-long",
            PartnerError::Weight => "partner-error-weight",
            PartnerError::Score => "partner-error-score",
            PartnerError::Status => "partner-error-status",
            PartnerError::Kind => "partner-error-kind",
            PartnerError::Amount => "partner-error-amount",
            PartnerError::Date => "partner-error-date",
            PartnerError::EndsBeforeSigned => "partner-error-ends",
        }
    }
}

/// Where a partner stands in the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Candidate,
    Chosen,
    Declined,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Candidate, Status::Chosen, Status::Declined];

    pub fn code(self) -> &'static str {
        match self {
            Status::Candidate => "candidate",
            Status::Chosen => "chosen",
            Status::Declined => "declined",
        }
    }

    pub fn parse(text: &str) -> Result<Status, PartnerError> {
        Status::ALL
            .into_iter()
            .find(|s| s.code() == text.trim())
            .ok_or(PartnerError::Status)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Candidate => "partner-status-candidate",
            Status::Chosen => "partner-status-chosen",
            Status::Declined => "partner-status-declined",
        }
    }
}

/// What a partner brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Funding,
    Venue,
    Referrals,
    Expertise,
    InKind,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Funding,
        Kind::Venue,
        Kind::Referrals,
        Kind::Expertise,
        Kind::InKind,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Funding => "funding",
            Kind::Venue => "venue",
            Kind::Referrals => "referrals",
            Kind::Expertise => "expertise",
            Kind::InKind => "in_kind",
        }
    }

    pub fn parse(text: &str) -> Result<Kind, PartnerError> {
        Kind::ALL
            .into_iter()
            .find(|k| k.code() == text.trim())
            .ok_or(PartnerError::Kind)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Funding => "partner-kind-funding",
            Kind::Venue => "partner-kind-venue",
            Kind::Referrals => "partner-kind-referrals",
            Kind::Expertise => "partner-kind-expertise",
            Kind::InKind => "partner-kind-in-kind",
        }
    }
}

/// A name, title or label: trimmed, at most `max` characters, required or not.
pub fn text(input: &str, max: usize, required: bool) -> Result<String, PartnerError> {
    let t = input.trim();
    if required && t.is_empty() {
        return Err(PartnerError::Required);
    }
    if t.chars().count() > max {
        return Err(PartnerError::TooLong);
    }
    Ok(t.to_string())
}

/// A criterion's weight typed in a form: a whole number from 1 to `MAX_WEIGHT`.
pub fn weight(input: &str) -> Result<i64, PartnerError> {
    match input.trim().parse::<i64>() {
        Ok(w) if (1..=MAX_WEIGHT).contains(&w) => Ok(w),
        _ if input.trim().is_empty() => Err(PartnerError::Required),
        _ => Err(PartnerError::Weight),
    }
}

/// A score typed in a form: empty when the criterion is not scored yet, else 0 to `MAX_SCORE`.
pub fn score(input: &str) -> Result<Option<i64>, PartnerError> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(s) if (0..=MAX_SCORE).contains(&s) => Ok(Some(s)),
        _ => Err(PartnerError::Score),
    }
}

/// A yearly amount in euros (« 15 000 », « 2 500,50 »); empty is 0 (what is not money).
pub fn amount(input: &str) -> Result<i64, PartnerError> {
    crate::offer::parse_price(input).ok_or(PartnerError::Amount)
}

/// The agreement's dates (YYYY-MM-DD, each may be empty); the end never before the signature.
pub fn agreement_dates(signed: &str, ends: &str) -> Result<(String, String), (bool, PartnerError)> {
    let signed = parse_optional_date(signed).map_err(|_| (true, PartnerError::Date))?;
    let ends = parse_optional_date(ends).map_err(|_| (false, PartnerError::Date))?;
    if let (Some(s), Some(e)) = (signed, ends)
        && e < s
    {
        return Err((false, PartnerError::EndsBeforeSigned));
    }
    Ok((
        signed.map(iso).unwrap_or_default(),
        ends.map(iso).unwrap_or_default(),
    ))
}

/// How an organisation scores on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grade {
    /// The weighted score over the scored criteria, in percent of the highest possible (0 to
    /// 100, rounded to the nearest, a half up); `None` while nothing is scored.
    pub percent: Option<i64>,
    /// How many criteria are scored, of how many.
    pub scored: usize,
    pub criteria: usize,
}

/// The grade of scores given as `(weight, score)` per criterion (`None`: not scored yet):
/// Σ weight × score over Σ weight × `MAX_SCORE`, both over the scored criteria only, so an
/// organisation half scored is compared on what is known, and the count says how much that is.
pub fn grade(scores: &[(i64, Option<i64>)]) -> Grade {
    let (mut got, mut best, mut scored) = (0i64, 0i64, 0usize);
    for (w, s) in scores {
        if let Some(s) = s {
            got += w * s;
            best += w * MAX_SCORE;
            scored += 1;
        }
    }
    Grade {
        percent: (best > 0).then(|| (got * 200 + best) / (best * 2)),
        scored,
        criteria: scores.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_and_scores_are_bounded() {
        assert_eq!(weight(" 3 "), Ok(3));
        assert_eq!(weight("10"), Ok(10));
        assert_eq!(weight(""), Err(PartnerError::Required));
        for bad in ["0", "11", "-2", "beaucoup", "2,5"] {
            assert_eq!(weight(bad), Err(PartnerError::Weight), "{bad}");
        }
        assert_eq!(score(""), Ok(None));
        assert_eq!(score("0"), Ok(Some(0)));
        assert_eq!(score("5"), Ok(Some(5)));
        for bad in ["6", "-1", "x"] {
            assert_eq!(score(bad), Err(PartnerError::Score), "{bad}");
        }
    }

    #[test]
    fn the_grade_weighs_the_scored_criteria_only() {
        assert_eq!(
            grade(&[(3, None), (1, None)]),
            Grade {
                percent: None,
                scored: 0,
                criteria: 2
            }
        );
        // 3×5 + 1×0 over 4×5: 75 %.
        assert_eq!(grade(&[(3, Some(5)), (1, Some(0))]).percent, Some(75));
        // Half scored: judged on what is known.
        let g = grade(&[(2, Some(4)), (5, None)]);
        assert_eq!((g.percent, g.scored, g.criteria), (Some(80), 1, 2));
        // 1×1 + 2×2 over 3×5 = 33.3… %: 33.
        assert_eq!(grade(&[(1, Some(1)), (2, Some(2))]).percent, Some(33));
        // 1×1 over 8×5 = 2.5 %: a half rounds up.
        assert_eq!(grade(&[(1, Some(1)), (7, Some(0))]).percent, Some(3));
        assert_eq!(grade(&[(4, Some(5)), (4, Some(5))]).percent, Some(100));
        assert_eq!(grade(&[(4, Some(0))]).percent, Some(0));
    }

    #[test]
    fn agreement_dates_are_checked_and_in_order() {
        assert_eq!(
            agreement_dates("2027-01-15", "2029-01-14"),
            Ok(("2027-01-15".into(), "2029-01-14".into()))
        );
        assert_eq!(agreement_dates("", ""), Ok((String::new(), String::new())));
        assert_eq!(
            agreement_dates("15/01/2027", ""),
            Err((true, PartnerError::Date))
        );
        assert_eq!(
            agreement_dates("2027-01-15", "2026-12-31"),
            Err((false, PartnerError::EndsBeforeSigned))
        );
    }

    #[test]
    fn amounts_are_euros_never_negative() {
        assert_eq!(amount("15 000"), Ok(1_500_000));
        assert_eq!(amount("2 500,50 €"), Ok(250_050));
        assert_eq!(amount(""), Ok(0));
        assert_eq!(amount("-100"), Err(PartnerError::Amount));
        assert_eq!(Kind::parse("venue"), Ok(Kind::Venue));
        assert_eq!(Kind::parse("cash"), Err(PartnerError::Kind));
        assert_eq!(Status::parse("chosen"), Ok(Status::Chosen));
    }
}
