//! The network dashboard's rules: a centre budget's forecast revenue for a calendar year or a
//! month, the invoiced share of the forecast, satisfaction as a net promoter score, and monthly
//! series with their empty months.
use crate::forecast::model::YearMonth;
use crate::impact::month_index;

/// The month index (`year * 12 + month - 1`) of each month of a forecast starting at `start`,
/// with its amount.
pub fn forecast_months(start: YearMonth, monthly: &[i64]) -> impl Iterator<Item = (i64, i64)> + '_ {
    let first = month_index(start.year, start.month);
    monthly
        .iter()
        .enumerate()
        .map(move |(i, v)| (first + i as i64, *v))
}

/// What a forecast plans for the calendar year `year`; `None` when none of its months falls in
/// that year (the budget does not cover it).
pub fn year_forecast(start: YearMonth, monthly: &[i64], year: i32) -> Option<i64> {
    let (from, to) = (month_index(year, 1), month_index(year, 12));
    let mut any = false;
    let mut total = 0;
    for (m, v) in forecast_months(start, monthly) {
        if (from..=to).contains(&m) {
            any = true;
            total += v;
        }
    }
    any.then_some(total)
}

/// `actual` as a whole percentage of `planned` (rounded half up); `None` without a plan.
pub fn percent(actual: i64, planned: i64) -> Option<i64> {
    if planned <= 0 {
        return None;
    }
    let scaled = i128::from(actual) * 100;
    let p = i128::from(planned);
    let rounded = if scaled >= 0 {
        (scaled * 2 + p) / (2 * p)
    } else {
        -((-scaled * 2 + p) / (2 * p))
    };
    i64::try_from(rounded).ok()
}

/// `count` months from `first`, each with the sum of the values dated in it (0 when none).
pub fn monthly(points: &[(i64, i64)], first: i64, count: usize) -> Vec<i64> {
    let mut out = vec![0; count];
    for &(m, v) in points {
        if let Some(slot) = usize::try_from(m - first).ok().and_then(|i| out.get_mut(i)) {
            *slot += v;
        }
    }
    out
}

/// A `YYYY-MM` (or a `YYYY-MM-DD`) as a month index.
pub fn month_of(text: &str) -> Option<i64> {
    let year: i32 = text.get(..4)?.parse().ok()?;
    let month: u8 = text.get(5..7)?.parse().ok()?;
    (text.get(4..5) == Some("-") && (1..=12).contains(&month)).then(|| month_index(year, month))
}

/// A month index back to (year, month).
pub fn year_month(index: i64) -> (i32, u8) {
    (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_counts_the_months_of_a_calendar_year() {
        let start = YearMonth {
            year: 2026,
            month: 9,
        };
        let monthly: Vec<i64> = (1..=36).collect();
        // 2026: September to December, months 1 to 4.
        assert_eq!(year_forecast(start, &monthly, 2026), Some(1 + 2 + 3 + 4));
        // 2027: months 5 to 16.
        assert_eq!(year_forecast(start, &monthly, 2027), Some((5..=16).sum()));
        // 2029: months 29 to 36 (January to August).
        assert_eq!(year_forecast(start, &monthly, 2029), Some((29..=36).sum()));
        assert_eq!(year_forecast(start, &monthly, 2030), None);
        assert_eq!(year_forecast(start, &monthly, 2025), None);
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(50, 200), Some(25));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 200), Some(1));
        assert_eq!(percent(-1, 3), Some(-33));
        assert_eq!(percent(300, 200), Some(150));
        assert_eq!(percent(10, 0), None);
    }

    #[test]
    fn monthly_series_keep_empty_months() {
        let first = month_index(2027, 1);
        let points = [
            (month_of("2027-01-15").unwrap(), 100),
            (month_of("2027-03").unwrap(), 5),
            (month_of("2027-03-31").unwrap(), 7),
            (month_of("2026-12-31").unwrap(), 1_000),
            (month_of("2027-05-01").unwrap(), 1_000),
        ];
        assert_eq!(monthly(&points, first, 4), vec![100, 0, 12, 0]);
        assert_eq!(month_of("2027-13-01"), None);
        assert_eq!(month_of("20x7-01"), None);
        assert_eq!(year_month(first + 13), (2028, 2));
    }
}
