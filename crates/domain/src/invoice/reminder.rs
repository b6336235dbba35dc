//! Reminders of unpaid invoices: the first goes `first` days after the due date, the second
//! `second` days after it (0 turns one off), each once, and none once the invoice is paid or
//! cancelled by credit notes.

/// Days past the due date of the first and second reminders, by default.
pub const DEFAULT_FIRST: i64 = 7;
pub const DEFAULT_SECOND: i64 = 21;

/// Days from `from` to `to`, both YYYY-MM-DD; `None` when either is not a date.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to)? - day_number(from)?)
}

/// Days since 1970-01-01 of a YYYY-MM-DD date (the civil calendar).
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Which reminder (1 or 2) is due today for an invoice still to pay, given how many were sent.
/// When both are late (the second's day already passed and the first was never sent), only the
/// first goes: the second follows at the next round.
pub fn reminder_due(
    due_date: &str,
    today: &str,
    sent: i64,
    first: i64,
    second: i64,
) -> Option<i64> {
    let late = days_between(due_date, today)?;
    let (n, after) = [(1, first), (2, second)]
        .into_iter()
        .find(|(n, days)| *n > sent && *days > 0)?;
    (late >= after).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_reminders() {
        assert_eq!(days_between("2026-12-31", "2027-01-07"), Some(7));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2027-01-07", "2026-12-31"), Some(-7));
        assert_eq!(days_between("hier", "2027-01-07"), None);
        assert_eq!(reminder_due("2027-01-01", "2027-01-07", 0, 7, 21), None);
        assert_eq!(reminder_due("2027-01-01", "2027-01-08", 0, 7, 21), Some(1));
        assert_eq!(reminder_due("2027-01-01", "2027-01-08", 1, 7, 21), None);
        assert_eq!(reminder_due("2027-01-01", "2027-01-22", 1, 7, 21), Some(2));
        assert_eq!(reminder_due("2027-01-01", "2027-03-01", 2, 7, 21), None);
        assert_eq!(reminder_due("2027-01-01", "2027-01-10", 0, 0, 21), None);
        assert_eq!(reminder_due("2027-01-01", "2027-03-01", 0, 0, 21), Some(2));
        assert_eq!(reminder_due("2027-01-01", "2027-03-01", 0, 0, 0), None);
    }
}
