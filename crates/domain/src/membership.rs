//! Memberships (adhésions) and donations: a member's yearly period and its status, when the
//! renewal reminders go, a donation's amount and the form of a gift, and the yearly summary of
//! a donor's gifts that a tax receipt states.
use time::{Date, Duration, Month};

/// Days before the end of a membership when its renewal reminders go.
pub const REMINDER_DAYS: [i64; 2] = [30, 7];
/// A member whose period ends within this many days is « expiring ».
pub const EXPIRING_DAYS: i64 = 30;
/// The smallest donation, in cents (1 €).
pub const MIN_DONATION_CENTS: i64 = 100;
/// The largest donation taken online or typed, in cents (1 000 000 €).
pub const MAX_DONATION_CENTS: i64 = 100_000_000;
/// The amounts a donation form suggests, in cents.
pub const SUGGESTED_CENTS: [i64; 4] = [2_000, 5_000, 10_000, 20_000];

/// The same day a year later (29 February → 28 February).
pub fn add_year(d: Date) -> Date {
    let year = d.year() + 1;
    Date::from_calendar_date(year, d.month(), d.day())
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .unwrap_or(d)
}

/// The period a payment (or a free plan) gives: (first day, last day). A membership still
/// running is extended from its end, never from today; a lapsed one (or none) starts today.
pub fn renew(current_end: Option<Date>, today: Date) -> (Date, Date) {
    let start = match current_end {
        Some(end) if end >= today => end.next_day().unwrap_or(end),
        _ => today,
    };
    (start, add_year(start).previous_day().unwrap_or(start))
}

/// Where a membership stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Joined, its first payment awaited.
    Pending,
    Active,
    /// Active, ending within [`EXPIRING_DAYS`].
    Expiring,
    Lapsed,
}

impl Status {
    pub fn of(end: Option<Date>, today: Date) -> Self {
        match end {
            None => Status::Pending,
            Some(end) if end < today => Status::Lapsed,
            Some(end) if end - today <= Duration::days(EXPIRING_DAYS) => Status::Expiring,
            Some(_) => Status::Active,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Pending => "adhesion-status-pending",
            Status::Active => "adhesion-status-active",
            Status::Expiring => "adhesion-status-expiring",
            Status::Lapsed => "adhesion-status-lapsed",
        }
    }
}

/// The days the renewal reminders of a period ending on `end` go, those not past on `today`:
/// (days before the end, the day).
pub fn reminders(end: Date, today: Date) -> Vec<(i64, Date)> {
    REMINDER_DAYS
        .iter()
        .map(|d| (*d, end - Duration::days(*d)))
        .filter(|(_, day)| *day >= today)
        .collect()
}

/// How a gift was made, as a receipt states it (« forme du don » and « mode de versement »).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Card,
    HelloAsso,
    Cheque,
    Transfer,
    Cash,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Card,
        Method::HelloAsso,
        Method::Cheque,
        Method::Transfer,
        Method::Cash,
    ];
    /// What a manager may record by hand.
    pub const MANUAL: [Method; 3] = [Method::Cheque, Method::Transfer, Method::Cash];

    pub fn code(self) -> &'static str {
        match self {
            Method::Card => "card",
            Method::HelloAsso => "helloasso",
            Method::Cheque => "cheque",
            Method::Transfer => "transfer",
            Method::Cash => "cash",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Method::Card => "donation-method-card",
            Method::HelloAsso => "donation-method-helloasso",
            Method::Cheque => "donation-method-cheque",
            Method::Transfer => "donation-method-transfer",
            Method::Cash => "donation-method-cash",
        }
    }
}

/// Why a donation amount is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    Unreadable,
    TooSmall,
    TooLarge,
}

impl AmountError {
    pub fn message_key(self) -> &'static str {
        match self {
            AmountError::Unreadable => "donation-error-amount",
            AmountError::TooSmall => "donation-error-amount-min",
            AmountError::TooLarge => "donation-error-amount-max",
        }
    }
}

/// A donation's amount: a suggested amount chosen (cents) or a free amount typed in euros,
/// which wins when given; at least 1 €.
pub fn donation_amount(chosen: &str, typed: &str) -> Result<i64, AmountError> {
    let cents = if typed.trim().is_empty() {
        chosen
            .trim()
            .parse::<i64>()
            .map_err(|_| AmountError::Unreadable)?
    } else {
        crate::offer::parse_price(typed).ok_or(AmountError::Unreadable)?
    };
    if cents < MIN_DONATION_CENTS {
        Err(AmountError::TooSmall)
    } else if cents > MAX_DONATION_CENTS {
        Err(AmountError::TooLarge)
    } else {
        Ok(cents)
    }
}

/// A gift as a receipt lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Gift {
    /// YYYY-MM-DD
    pub date: String,
    pub amount_cents: i64,
    pub method: String,
}

/// A donor's gifts of `year` (dates YYYY-MM-DD) for the yearly receipt: those of the year, in
/// date order, and their total.
pub fn yearly_summary(gifts: &[Gift], year: i32) -> (Vec<Gift>, i64) {
    let prefix = format!("{year:04}-");
    let mut of_year: Vec<Gift> = gifts
        .iter()
        .filter(|g| g.date.starts_with(&prefix))
        .cloned()
        .collect();
    of_year.sort_by(|a, b| a.date.cmp(&b.date));
    let total = of_year.iter().map(|g| g.amount_cents).sum();
    (of_year, total)
}

/// A receipt's number: « RF-2026-00012 ».
pub fn receipt_number(year: i64, sequence: i64) -> String {
    format!("RF-{year:04}-{sequence:05}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_renewal_extends_from_the_end_not_from_today() {
        let today = date!(2026 - 11 - 20);
        assert_eq!(
            renew(None, today),
            (date!(2026 - 11 - 20), date!(2027 - 11 - 19))
        );
        // Renewed three weeks early: the new year starts the day after the end.
        assert_eq!(
            renew(Some(date!(2026 - 12 - 10)), today),
            (date!(2026 - 12 - 11), date!(2027 - 12 - 10))
        );
        // Lapsed: from today.
        assert_eq!(
            renew(Some(date!(2026 - 01 - 10)), today),
            (today, date!(2027 - 11 - 19))
        );
        assert_eq!(add_year(date!(2028 - 02 - 29)), date!(2029 - 02 - 28));
    }

    #[test]
    fn status_and_reminders_follow_the_end() {
        let today = date!(2026 - 11 - 20);
        assert_eq!(Status::of(None, today), Status::Pending);
        assert_eq!(
            Status::of(Some(date!(2026 - 11 - 19)), today),
            Status::Lapsed
        );
        assert_eq!(Status::of(Some(today), today), Status::Expiring);
        assert_eq!(
            Status::of(Some(date!(2026 - 12 - 20)), today),
            Status::Expiring
        );
        assert_eq!(
            Status::of(Some(date!(2026 - 12 - 21)), today),
            Status::Active
        );
        assert_eq!(
            reminders(date!(2027 - 11 - 19), today),
            vec![(30, date!(2027 - 10 - 20)), (7, date!(2027 - 11 - 12))]
        );
        assert_eq!(
            reminders(date!(2026 - 12 - 01), today),
            vec![(7, date!(2026 - 11 - 24))]
        );
    }

    #[test]
    fn a_donation_is_at_least_one_euro() {
        assert_eq!(donation_amount("5000", ""), Ok(5000));
        assert_eq!(donation_amount("5000", "12,50"), Ok(1250));
        assert_eq!(donation_amount("", "0,99"), Err(AmountError::TooSmall));
        assert_eq!(donation_amount("", "abc"), Err(AmountError::Unreadable));
        assert_eq!(donation_amount("", ""), Err(AmountError::Unreadable));
        assert_eq!(donation_amount("-500", ""), Err(AmountError::TooSmall));
        assert_eq!(donation_amount("", "1"), Ok(100));
        assert_eq!(donation_amount("", "2000000"), Err(AmountError::TooLarge));
    }

    #[test]
    fn the_yearly_summary_keeps_the_year_in_date_order() {
        let g = |date: &str, amount_cents, method: &str| Gift {
            date: date.into(),
            amount_cents,
            method: method.into(),
        };
        let gifts = [
            g("2026-06-01", 5_000, "cheque"),
            g("2025-12-31", 9_900, "card"),
            g("2026-01-15", 2_000, "card"),
            g("2027-01-01", 100, "cash"),
        ];
        let (kept, total) = yearly_summary(&gifts, 2026);
        assert_eq!(
            kept,
            vec![
                g("2026-01-15", 2_000, "card"),
                g("2026-06-01", 5_000, "cheque")
            ]
        );
        assert_eq!(total, 7_000);
        assert_eq!(crate::invoice::euros_in_words(total), "soixante-dix euros");
        assert_eq!(
            crate::invoice::euros_in_words(12_345),
            "cent vingt-trois euros et quarante-cinq centimes"
        );
        assert_eq!(receipt_number(2026, 12), "RF-2026-00012");
    }
}
