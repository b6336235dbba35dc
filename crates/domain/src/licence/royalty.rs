//! Royalty statements: a period (a quarter or a year), the revenue it counts and what the
//! licensee owes for it.
//!
//! Rules, in integer cents:
//! - the revenue is the centre's invoices issued in the period minus its credit notes issued
//!   in the period, **excluding VAT** (or the figure the centre declared);
//! - the royalty is that revenue × the share in basis points / 10 000, **rounded to the nearest
//!   cent, a half cent up**; a revenue of zero or below owes no royalty (a period of refunds is
//!   not a debt of the network);
//! - the yearly fee is due in the period that holds an anniversary of the licence's first day
//!   (the first day itself included) while the licence runs: once a licence year.
use time::{Date, Month};

/// A statement's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A calendar quarter, 1 to 4.
    Quarter {
        year: i32,
        quarter: u8,
    },
    Year(i32),
}

impl Period {
    /// Reads « 2027 » or « 2027-T1 » … « 2027-T4 » (also `Q`).
    pub fn parse(text: &str) -> Option<Period> {
        let t = text.trim();
        let (year, quarter) = match t.split_once('-') {
            Some((y, q)) => {
                let q = q.strip_prefix(['T', 't', 'Q', 'q'])?;
                (
                    y,
                    Some(q.parse::<u8>().ok().filter(|q| (1..=4).contains(q))?),
                )
            }
            None => (t, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        Some(match quarter {
            Some(quarter) => Period::Quarter { year, quarter },
            None => Period::Year(year),
        })
    }

    /// The code stored and typed back (« 2027-T1 », « 2027 »).
    pub fn code(self) -> String {
        match self {
            Period::Quarter { year, quarter } => format!("{year}-T{quarter}"),
            Period::Year(year) => year.to_string(),
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Date {
        let (year, month) = match self {
            Period::Quarter { year, quarter } => (year, 3 * (quarter - 1) + 1),
            Period::Year(year) => (year, 1),
        };
        let month = Month::try_from(month).unwrap_or(Month::January);
        Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN)
    }

    /// The last day of the period (included).
    pub fn last_day(self) -> Date {
        let (year, month) = match self {
            Period::Quarter { year, quarter } => (year, 3 * quarter),
            Period::Year(year) => (year, 12),
        };
        let month = Month::try_from(month).unwrap_or(Month::December);
        let days = month.length(year);
        Date::from_calendar_date(year, month, days).unwrap_or(Date::MAX)
    }

    /// The period before this one (the statement usually made now).
    pub fn previous(self) -> Period {
        match self {
            Period::Quarter { year, quarter: 1 } => Period::Quarter {
                year: year - 1,
                quarter: 4,
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year,
                quarter: quarter - 1,
            },
            Period::Year(year) => Period::Year(year - 1),
        }
    }

    /// The quarter holding `day`.
    pub fn quarter_of(day: Date) -> Period {
        Period::Quarter {
            year: day.year(),
            quarter: (u8::from(day.month()) - 1) / 3 + 1,
        }
    }
}

/// The royalty on a revenue: revenue × bp / 10 000, to the nearest cent (a half cent up);
/// nothing on a revenue of zero or below.
pub fn royalty_cents(revenue_cents: i64, royalty_bp: i64) -> i64 {
    if revenue_cents <= 0 || royalty_bp <= 0 {
        return 0;
    }
    let product = i128::from(revenue_cents) * i128::from(royalty_bp);
    let rounded = (product + 5_000) / 10_000;
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// How many yearly fees fall in `period` for a licence running `starts_on ..= ends_on`: the
/// anniversaries of its first day (that day included) inside both.
pub fn fees_due(starts_on: Date, ends_on: Date, period: Period) -> i64 {
    let (from, to) = (period.first_day(), period.last_day());
    let mut count = 0;
    for n in 0..=100 {
        let year = starts_on.year() + n;
        let day = Date::from_calendar_date(year, starts_on.month(), starts_on.day())
            .or_else(|_| Date::from_calendar_date(year, Month::February, 28));
        let Ok(day) = day else { break };
        if day > ends_on || day > to {
            break;
        }
        if day >= from {
            count += 1;
        }
    }
    count
}

/// A statement's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Statement {
    pub revenue_cents: i64,
    pub royalty_bp: i64,
    pub royalty_cents: i64,
    pub yearly_fee_cents: i64,
    pub total_cents: i64,
}

/// What the licensee owes for a period: the royalty on its revenue plus the yearly fees due in
/// it (see the module's rules).
pub fn statement(
    revenue_cents: i64,
    royalty_bp: i64,
    yearly_fee_cents: i64,
    fees_due: i64,
) -> Statement {
    let royalty = royalty_cents(revenue_cents, royalty_bp);
    let fees = yearly_fee_cents.saturating_mul(fees_due.max(0));
    Statement {
        revenue_cents,
        royalty_bp,
        royalty_cents: royalty,
        yearly_fee_cents: fees,
        total_cents: royalty.saturating_add(fees),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn periods_read_and_bound() {
        let q = Period::parse("2027-T2").unwrap();
        assert_eq!(q.first_day(), date!(2027 - 04 - 01));
        assert_eq!(q.last_day(), date!(2027 - 06 - 30));
        assert_eq!(q.code(), "2027-T2");
        let y = Period::parse(" 2028 ").unwrap();
        assert_eq!(
            (y.first_day(), y.last_day()),
            (date!(2028 - 01 - 01), date!(2028 - 12 - 31))
        );
        assert_eq!(Period::parse("2027-T5"), None);
        assert_eq!(Period::parse("27"), None);
        assert_eq!(
            Period::parse("2027-Q4").unwrap().last_day(),
            date!(2027 - 12 - 31)
        );
        assert_eq!(
            Period::parse("2027-T1").unwrap().previous(),
            Period::Quarter {
                year: 2026,
                quarter: 4
            }
        );
        assert_eq!(Period::quarter_of(date!(2027 - 08 - 15)).code(), "2027-T3");
    }

    #[test]
    fn royalty_rounds_to_the_nearest_cent_half_up() {
        // 12 345,67 € at 4,5 % = 555,555 15 € → 555,56 €.
        assert_eq!(royalty_cents(1_234_567, 450), 55_556);
        // 0,10 € at 5 % = 0,005 € → half up: 0,01 €.
        assert_eq!(royalty_cents(10, 500), 1);
        // 0,09 € at 5 % = 0,0045 € → 0.
        assert_eq!(royalty_cents(9, 500), 0);
        assert_eq!(royalty_cents(-50_000, 500), 0);
        assert_eq!(royalty_cents(i64::MAX, 10_000), i64::MAX);
    }

    #[test]
    fn the_yearly_fee_falls_once_a_licence_year() {
        let (start, end) = (date!(2027 - 03 - 15), date!(2030 - 03 - 14));
        let q = |s: &str| fees_due(start, end, Period::parse(s).unwrap());
        assert_eq!(q("2027-T1"), 1, "the first day itself");
        assert_eq!(q("2027-T2"), 0);
        assert_eq!(q("2028-T1"), 1);
        assert_eq!(q("2027"), 1);
        assert_eq!(q("2030-T1"), 0, "past the end: the licence has ended");
        assert_eq!(q("2026"), 0, "before the start");
    }

    #[test]
    fn a_statement_adds_the_royalty_and_the_fees_due() {
        let s = statement(2_000_000, 500, 120_000, 1);
        assert_eq!(s.royalty_cents, 100_000);
        assert_eq!(s.yearly_fee_cents, 120_000);
        assert_eq!(s.total_cents, 220_000);
        let s = statement(-1_000, 500, 120_000, 0);
        assert_eq!(s.total_cents, 0);
    }
}
