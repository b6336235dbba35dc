//! A centre's equipment inventory: a line's status, the checks on what is typed (no negative
//! price or quantity), its total, the totals per status, and the investment of the forecast a
//! line becomes (shared/formats/forecast.md: `investments[]`).
use crate::forecast::model::Investment;

/// The longest name or supplier kept.
pub const MAX_TEXT: usize = 120;
/// The largest quantity on one line.
pub const MAX_QUANTITY: i64 = 100_000;
/// The depreciation a line gets in the forecast when none is set (years).
pub const DEFAULT_YEARS: u32 = 5;

/// Where a line of equipment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    ToBuy,
    Ordered,
    Installed,
    Repair,
    Retired,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::ToBuy,
        Status::Ordered,
        Status::Installed,
        Status::Repair,
        Status::Retired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::ToBuy => "to_buy",
            Status::Ordered => "ordered",
            Status::Installed => "installed",
            Status::Repair => "repair",
            Status::Retired => "retired",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::ToBuy => "equipment-status-to-buy",
            Status::Ordered => "equipment-status-ordered",
            Status::Installed => "equipment-status-installed",
            Status::Repair => "equipment-status-repair",
            Status::Retired => "equipment-status-retired",
        }
    }

    /// Whether the line is an investment still to fund or already made (a retired one is not).
    pub fn invests(self) -> bool {
        self != Status::Retired
    }
}

/// Why a field of a line was refused: each maps to one catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineError {
    NameRequired,
    TooLong,
    Price,
    Quantity,
    Years,
    Status,
}

impl LineError {
    pub fn message_key(self) -> &'static str {
        match self {
            LineError::NameRequired => "equipment-error-name",
            LineError::TooLong => "equipment-error-too-long",
            LineError::Price => "equipment-error-price",
            LineError::Quantity => "equipment-error-quantity",
            LineError::Years => "equipment-error-years",
            LineError::Status => "equipment-error-status",
        }
    }
}

/// A name or supplier: trimmed, at most `MAX_TEXT` characters; the name is required.
pub fn text(input: &str, required: bool) -> Result<String, LineError> {
    let t = input.trim();
    if required && t.is_empty() {
        return Err(LineError::NameRequired);
    }
    if t.chars().count() > MAX_TEXT {
        return Err(LineError::TooLong);
    }
    Ok(t.to_string())
}

/// A unit price typed in euros (« 89,50 »), never negative, at most 10 million euros.
pub fn price(input: &str) -> Result<i64, LineError> {
    if input.trim().is_empty() {
        return Err(LineError::Price);
    }
    crate::offer::parse_price(input).ok_or(LineError::Price)
}

/// A quantity: a whole number from 1 to `MAX_QUANTITY`.
pub fn quantity(input: &str) -> Result<i64, LineError> {
    match input.trim().parse::<i64>() {
        Ok(q) if (1..=MAX_QUANTITY).contains(&q) => Ok(q),
        _ => Err(LineError::Quantity),
    }
}

/// Depreciation years: empty for none, else 1 to 50 (the forecast format's range).
pub fn years(input: &str) -> Result<Option<i64>, LineError> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(y) if (1..=50).contains(&y) => Ok(Some(y)),
        _ => Err(LineError::Years),
    }
}

pub fn status(input: &str) -> Result<Status, LineError> {
    Status::parse(input.trim()).ok_or(LineError::Status)
}

/// A line's total: unit price × quantity, in cents (saturating: the checks above keep it far
/// below the limit).
pub fn line_total(unit_price_cents: i64, quantity: i64) -> i64 {
    unit_price_cents.saturating_mul(quantity)
}

/// The totals of one status: lines, items and cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    pub lines: i64,
    pub items: i64,
    pub cents: i64,
}

impl Total {
    fn add(&mut self, quantity: i64, cents: i64) {
        self.lines += 1;
        self.items += quantity;
        self.cents = self.cents.saturating_add(cents);
    }
}

/// Totals per status (in `Status::ALL` order) and the total of every line that invests (all
/// but the retired ones), from (status, unit price, quantity) of each line.
pub fn totals(
    lines: impl IntoIterator<Item = (Status, i64, i64)>,
) -> (Vec<(Status, Total)>, Total) {
    let mut per = [Total::default(); 5];
    let mut all = Total::default();
    for (status, price, quantity) in lines {
        let cents = line_total(price, quantity);
        let at = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        per[at].add(quantity, cents);
        if status.invests() {
            all.add(quantity, cents);
        }
    }
    (Status::ALL.into_iter().zip(per).collect(), all)
}

/// The investment a line becomes in the forecast, paid in `month` (1–36), depreciated over its
/// years (or `DEFAULT_YEARS`). The name says the quantity when there are several.
pub fn investment(
    name: &str,
    unit_price_cents: i64,
    quantity: i64,
    years: Option<i64>,
    month: u32,
) -> Investment {
    let name = if quantity > 1 {
        format!("{name} (×{quantity})")
    } else {
        name.to_string()
    };
    Investment {
        name: name.chars().take(200).collect(),
        amount_cents: line_total(unit_price_cents, quantity),
        month: month.clamp(1, 36),
        years: years
            .and_then(|y| u32::try_from(y).ok())
            .filter(|y| (1..=50).contains(y))
            .unwrap_or(DEFAULT_YEARS),
    }
}

/// The month an investment is paid in, typed as 1–36.
pub fn month(input: &str) -> Option<u32> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=36).contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_or_bad_prices_and_quantities_are_refused() {
        assert_eq!(price("-5"), Err(LineError::Price));
        assert_eq!(price(""), Err(LineError::Price));
        assert_eq!(price("abc"), Err(LineError::Price));
        assert_eq!(price("89,50"), Ok(8950));
        assert_eq!(price("0"), Ok(0));
        assert_eq!(quantity("-1"), Err(LineError::Quantity));
        assert_eq!(quantity("0"), Err(LineError::Quantity));
        assert_eq!(quantity("2.5"), Err(LineError::Quantity));
        assert_eq!(quantity(" 12 "), Ok(12));
        assert_eq!(years(""), Ok(None));
        assert_eq!(years("0"), Err(LineError::Years));
        assert_eq!(years("3"), Ok(Some(3)));
        assert_eq!(text("  ", true), Err(LineError::NameRequired));
        assert_eq!(text(&"x".repeat(121), false), Err(LineError::TooLong));
    }

    #[test]
    fn statuses_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        assert_eq!(status("lost"), Err(LineError::Status));
    }

    #[test]
    fn totals_per_status_and_the_invested_total() {
        let (per, all) = totals([
            (Status::ToBuy, 15_000, 6),
            (Status::ToBuy, 2_000, 1),
            (Status::Installed, 50_000, 1),
            (Status::Retired, 9_900, 2),
        ]);
        assert_eq!(
            per[0],
            (
                Status::ToBuy,
                Total {
                    lines: 2,
                    items: 7,
                    cents: 92_000
                }
            )
        );
        assert_eq!(per[2].1.cents, 50_000);
        assert_eq!(per[4].1.cents, 19_800);
        assert_eq!(
            all,
            Total {
                lines: 3,
                items: 8,
                cents: 142_000
            }
        );
    }

    #[test]
    fn a_line_becomes_an_investment() {
        let inv = investment("Chaises", 4_500, 12, None, 1);
        assert_eq!(inv.name, "Chaises (×12)");
        assert_eq!(inv.amount_cents, 54_000);
        assert_eq!(inv.years, DEFAULT_YEARS);
        assert_eq!(inv.month, 1);
        let inv = investment("Vidéoprojecteur", 60_000, 1, Some(3), 4);
        assert_eq!(
            (inv.name.as_str(), inv.years, inv.month),
            ("Vidéoprojecteur", 3, 4)
        );
        assert_eq!(month("37"), None);
        assert_eq!(month("12"), Some(12));
    }
}
