//! Licences of the network (issue 21): a licence model's terms (entry fee, yearly fee, royalty
//! share in basis points, territory, term in years, what the licensee gets), a centre's licence
//! and its status (expired is computed from the dates, never stored), whether a centre may make
//! new sales, and the royalty statements' maths (`royalty`).
use time::{Date, Month};

pub mod royalty;

/// The longest term a licence model may have, in years.
pub const MAX_TERM_YEARS: i64 = 30;
/// The largest fee a model may ask (10 million euros), in cents.
pub const MAX_FEE_CENTS: i64 = 1_000_000_000;

/// What a licence model grants and asks, as one version holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    pub name: String,
    pub entry_fee_cents: i64,
    pub yearly_fee_cents: i64,
    /// The royalty share of the centre's revenue, in basis points (5 % is 500).
    pub royalty_bp: i64,
    pub territory: String,
    pub term_years: i64,
    /// What the licensee gets, one item each.
    pub benefits: Vec<String>,
}

/// The form of a model version as typed.
#[derive(Debug, Clone, Default)]
pub struct TermsInput<'a> {
    pub name: &'a str,
    pub entry_fee: &'a str,
    pub yearly_fee: &'a str,
    /// A percentage as typed (« 5 », « 4,5 »).
    pub royalty: &'a str,
    pub territory: &'a str,
    pub term_years: &'a str,
    /// One benefit a line.
    pub benefits: &'a str,
}

/// Checks a model version's form: the terms, or each field in error with its message key.
pub fn terms(input: &TermsInput<'_>) -> Result<Terms, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(("name", "licence-error-name"));
    }
    let mut fee = |field: &'static str, raw: &str| match crate::offer::parse_price(raw) {
        Some(c) if c <= MAX_FEE_CENTS && !raw.trim().is_empty() => c,
        _ => {
            errors.push((field, "licence-error-fee"));
            0
        }
    };
    let entry_fee_cents = fee("entry_fee", input.entry_fee);
    let yearly_fee_cents = fee("yearly_fee", input.yearly_fee);
    let royalty_bp = match percent_bp(input.royalty) {
        Some(bp) if bp <= 10_000 => bp,
        _ => {
            errors.push(("royalty", "licence-error-royalty"));
            0
        }
    };
    let territory = input.territory.trim();
    if territory.is_empty() || territory.chars().count() > 300 {
        errors.push(("territory", "licence-error-territory"));
    }
    let term_years = match input.term_years.trim().parse::<i64>() {
        Ok(y) if (1..=MAX_TERM_YEARS).contains(&y) => y,
        _ => {
            errors.push(("term_years", "licence-error-term"));
            0
        }
    };
    let benefits: Vec<String> = input
        .benefits
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '•'])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect();
    if benefits.is_empty()
        || benefits.len() > 40
        || benefits.iter().any(|b| b.chars().count() > 300)
    {
        errors.push(("benefits", "licence-error-benefits"));
    }
    if errors.is_empty() {
        Ok(Terms {
            name: name.to_string(),
            entry_fee_cents,
            yearly_fee_cents,
            royalty_bp,
            territory: territory.to_string(),
            term_years,
            benefits,
        })
    } else {
        Err(errors)
    }
}

/// A percentage as typed (« 5 », « 4,5 », « 4.25 % ») in basis points; at most two decimals.
pub fn percent_bp(raw: &str) -> Option<i64> {
    let t = raw.trim().trim_end_matches('%').trim().replace(',', ".");
    if t.is_empty() {
        return None;
    }
    let (units, rest) = t.split_once('.').unwrap_or((&t, ""));
    if units.is_empty()
        || units.len() > 3
        || !units.bytes().all(|b| b.is_ascii_digit())
        || rest.len() > 2
        || !rest.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let hundredths = format!("{rest:0<2}").parse::<i64>().ok()?;
    Some(units.parse::<i64>().ok()? * 100 + hundredths)
}

/// Basis points as a form shows them back (« 5 », « 4,5 »).
pub fn percent_input(bp: i64) -> String {
    let units = bp / 100;
    match bp % 100 {
        0 => units.to_string(),
        r if r % 10 == 0 => format!("{units},{}", r / 10),
        r => format!("{units},{r:02}"),
    }
}

/// The status a licence is stored with; `Expired` is never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Prepared, its contract not signed yet.
    Draft,
    /// In force (its contract signed).
    Active,
    /// Stopped by the network (unpaid royalties, a breach): read-only for sales.
    Suspended,
    /// Past its end date.
    Expired,
}

impl Status {
    pub const STORED: [Status; 3] = [Status::Draft, Status::Active, Status::Suspended];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Suspended => "suspended",
            Status::Expired => "expired",
        }
    }

    /// A stored code (`expired` is not one).
    pub fn parse(code: &str) -> Option<Status> {
        Status::STORED.into_iter().find(|s| s.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Draft => "licence-status-draft",
            Status::Active => "licence-status-active",
            Status::Suspended => "licence-status-suspended",
            Status::Expired => "licence-status-expired",
        }
    }

    /// Whether the centre may sell (new paid orders, offers opened): not under a suspended or
    /// expired licence.
    pub fn may_sell(self) -> bool {
        !matches!(self, Status::Suspended | Status::Expired)
    }
}

/// A licence's status on `today`: a licence in force or suspended is expired once its last day
/// (`ends_on`, included) has passed; a draft stays a draft.
pub fn status(stored: Status, ends_on: Date, today: Date) -> Status {
    match stored {
        Status::Active | Status::Suspended if today > ends_on => Status::Expired,
        s => s,
    }
}

/// The last day of a licence starting on `starts_on` for `years`: the day before the same date
/// `years` later (29 February falls back to the 28th in a year that has none).
pub fn ends_on(starts_on: Date, years: i64) -> Date {
    let year = starts_on.year() + i32::try_from(years.clamp(0, 100)).unwrap_or(0);
    let same = Date::from_calendar_date(year, starts_on.month(), starts_on.day())
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .unwrap_or(starts_on);
    same.previous_day().unwrap_or(same)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn input() -> TermsInput<'static> {
        TermsInput {
            name: "Licence micro-centre",
            entry_fee: "5 000",
            yearly_fee: "1 200,50",
            royalty: "4,5",
            territory: "Drôme (26)",
            term_years: "5",
            benefits: "- Le kit de déploiement\n\n* La marque\nLa formation initiale",
        }
    }

    #[test]
    fn terms_are_read_in_cents_and_basis_points() {
        let t = terms(&input()).unwrap();
        assert_eq!(t.entry_fee_cents, 500_000);
        assert_eq!(t.yearly_fee_cents, 120_050);
        assert_eq!(t.royalty_bp, 450);
        assert_eq!(t.term_years, 5);
        assert_eq!(
            t.benefits,
            [
                "Le kit de déploiement",
                "La marque",
                "La formation initiale"
            ]
        );
    }

    #[test]
    fn bad_terms_are_refused_field_by_field() {
        let bad = TermsInput {
            name: " ",
            entry_fee: "-5",
            yearly_fee: "",
            royalty: "101",
            territory: "",
            term_years: "0",
            benefits: "\n",
        };
        let fields: Vec<&str> = terms(&bad).unwrap_err().iter().map(|e| e.0).collect();
        assert_eq!(
            fields,
            [
                "name",
                "entry_fee",
                "yearly_fee",
                "royalty",
                "territory",
                "term_years",
                "benefits"
            ]
        );
    }

    #[test]
    fn percentages_round_trip() {
        assert_eq!(percent_bp("5"), Some(500));
        assert_eq!(percent_bp("4,25 %"), Some(425));
        assert_eq!(percent_bp("0.5"), Some(50));
        assert_eq!(percent_bp("4,255"), None);
        assert_eq!(percent_bp("abc"), None);
        assert_eq!(percent_input(450), "4,5");
        assert_eq!(percent_input(425), "4,25");
        assert_eq!(percent_input(500), "5");
        assert_eq!(percent_input(5), "0,05");
    }

    #[test]
    fn expired_is_computed_from_the_last_day() {
        let end = date!(2031 - 12 - 31);
        assert_eq!(
            status(Status::Active, end, date!(2031 - 12 - 31)),
            Status::Active
        );
        assert_eq!(
            status(Status::Active, end, date!(2032 - 01 - 01)),
            Status::Expired
        );
        assert_eq!(
            status(Status::Suspended, end, date!(2032 - 01 - 01)),
            Status::Expired
        );
        assert_eq!(
            status(Status::Draft, end, date!(2040 - 01 - 01)),
            Status::Draft
        );
        assert!(Status::Active.may_sell() && Status::Draft.may_sell());
        assert!(!Status::Suspended.may_sell() && !Status::Expired.may_sell());
        assert_eq!(Status::parse("expired"), None);
    }

    #[test]
    fn a_term_ends_the_day_before_its_anniversary() {
        assert_eq!(ends_on(date!(2027 - 01 - 01), 5), date!(2031 - 12 - 31));
        assert_eq!(ends_on(date!(2028 - 02 - 29), 1), date!(2029 - 02 - 27));
        assert_eq!(ends_on(date!(2027 - 03 - 15), 1), date!(2028 - 03 - 14));
    }
}
