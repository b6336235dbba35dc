//! A centre's procedures, recurring checklists and incidents: a checklist's recurrence and the
//! period it is due in, whether it is done, due or overdue, its items, an incident's severity.
use time::{Date, Duration, Month};

/// The most items a checklist holds.
pub const MAX_ITEMS: usize = 40;
/// The longest item, in characters.
pub const MAX_ITEM_CHARS: usize = 200;

/// Why a procedure, a checklist or an incident was refused; each maps to one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpsError {
    Required,
    TooLong,
    NoItem,
    TooManyItems,
    ItemTooLong,
    UnknownChoice,
    BadDate,
}

impl OpsError {
    pub fn message_key(self) -> &'static str {
        match self {
            OpsError::Required => "error-required",
            OpsError::TooLong => "error-too-long",
            OpsError::NoItem => "ops-error-no-item",
            OpsError::TooManyItems => "ops-error-too-many-items",
            OpsError::ItemTooLong => "ops-error-item-too-long",
            OpsError::UnknownChoice => "error-choice-unknown",
            OpsError::BadDate => "ops-error-date",
        }
    }
}

/// How often a checklist is run: each period (a day, a week from Monday, a month) it is due once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    Daily,
    Weekly,
    Monthly,
}

impl Recurrence {
    pub const ALL: [Recurrence; 3] = [Recurrence::Daily, Recurrence::Weekly, Recurrence::Monthly];

    pub fn code(self) -> &'static str {
        match self {
            Recurrence::Daily => "daily",
            Recurrence::Weekly => "weekly",
            Recurrence::Monthly => "monthly",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Recurrence::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Recurrence::Daily => "ops-recurrence-daily",
            Recurrence::Weekly => "ops-recurrence-weekly",
            Recurrence::Monthly => "ops-recurrence-monthly",
        }
    }

    /// The first day of the period holding `day`.
    pub fn period_start(self, day: Date) -> Date {
        match self {
            Recurrence::Daily => day,
            Recurrence::Weekly => {
                day - Duration::days(i64::from(day.weekday().number_days_from_monday()))
            }
            Recurrence::Monthly => day.replace_day(1).unwrap_or(day),
        }
    }

    /// The last day of the period holding `day`.
    pub fn period_end(self, day: Date) -> Date {
        let start = self.period_start(day);
        match self {
            Recurrence::Daily => start,
            Recurrence::Weekly => start + Duration::days(6),
            Recurrence::Monthly => {
                start + Duration::days(i64::from(start.month().length(start.year())) - 1)
            }
        }
    }

    /// The first day of the period before the one holding `day`.
    pub fn previous_start(self, day: Date) -> Date {
        let start = self.period_start(day);
        match self {
            Recurrence::Daily => start - Duration::days(1),
            Recurrence::Weekly => start - Duration::days(7),
            Recurrence::Monthly => {
                let (year, month) = if start.month() == Month::January {
                    (start.year() - 1, Month::December)
                } else {
                    (start.year(), start.month().previous())
                };
                Date::from_calendar_date(year, month, 1).unwrap_or(start)
            }
        }
    }
}

/// Where a checklist stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Completed for the current period.
    Done,
    /// Not yet completed for the current period, and no period was missed.
    Due,
    /// A whole period went by without it being completed (and the current one is not done).
    Overdue,
}

impl Status {
    pub fn label_key(self) -> &'static str {
        match self {
            Status::Done => "ops-status-done",
            Status::Due => "ops-status-due",
            Status::Overdue => "ops-status-overdue",
        }
    }

    pub fn badge(self) -> &'static str {
        match self {
            Status::Done => "badge-success",
            Status::Due => "badge-warning",
            Status::Overdue => "badge-danger",
        }
    }
}

/// Where a checklist created on `created_on` stands on `today`, given the start of the latest
/// period it was completed in. It is overdue once the period before today's, which it was
/// already due in, ended without a completed run.
pub fn status(
    recurrence: Recurrence,
    created_on: Date,
    last_done: Option<Date>,
    today: Date,
) -> Status {
    let current = recurrence.period_start(today);
    if last_done.is_some_and(|d| d >= current) {
        return Status::Done;
    }
    let previous = recurrence.previous_start(today);
    let first_due = recurrence.period_start(created_on);
    let previous_done = last_done.is_some_and(|d| d >= previous);
    if previous >= first_due && !previous_done {
        Status::Overdue
    } else {
        Status::Due
    }
}

/// A checklist's items from its text, one a line (blank lines skipped): at least one.
pub fn items(text: &str) -> Result<Vec<String>, OpsError> {
    let items: Vec<String> = text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '*']).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if items.is_empty() {
        return Err(OpsError::NoItem);
    }
    if items.len() > MAX_ITEMS {
        return Err(OpsError::TooManyItems);
    }
    if items.iter().any(|i| i.chars().count() > MAX_ITEM_CHARS) {
        return Err(OpsError::ItemTooLong);
    }
    Ok(items)
}

/// A bounded text; `required` refuses an empty one.
pub fn check_text(text: &str, max: usize, required: bool) -> Result<String, OpsError> {
    let t = text.trim();
    if required && t.is_empty() {
        Err(OpsError::Required)
    } else if t.chars().count() > max {
        Err(OpsError::TooLong)
    } else {
        Ok(t.to_string())
    }
}

/// A day typed as `YYYY-MM-DD`, not after `today` (something that happened).
pub fn past_day(text: &str, today: Date) -> Result<Date, OpsError> {
    match crate::tracking::parse_date(text) {
        Ok(d) if d <= today => Ok(d),
        Ok(_) => Err(OpsError::BadDate),
        Err(crate::tracking::TrackingError::Required) => Err(OpsError::Required),
        Err(_) => Err(OpsError::BadDate),
    }
}

/// How serious an incident is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Minor,
    Moderate,
    Serious,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Moderate, Severity::Serious];

    pub fn code(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Moderate => "moderate",
            Severity::Serious => "serious",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Severity::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Severity::Minor => "ops-severity-minor",
            Severity::Moderate => "ops-severity-moderate",
            Severity::Serious => "ops-severity-serious",
        }
    }

    pub fn badge(self) -> &'static str {
        match self {
            Severity::Minor => "badge-neutral",
            Severity::Moderate => "badge-warning",
            Severity::Serious => "badge-danger",
        }
    }
}

/// The chapter slugs a procedure links, one a line, kept only when the manual has them.
pub fn chapters(chosen: &[String], known: &[String]) -> Vec<String> {
    known
        .iter()
        .filter(|k| chosen.iter().any(|c| c == *k))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn periods_start_on_the_day_the_monday_and_the_first() {
        let d = date!(2026 - 12 - 10); // a Thursday
        assert_eq!(Recurrence::Daily.period_start(d), d);
        assert_eq!(Recurrence::Weekly.period_start(d), date!(2026 - 12 - 07));
        assert_eq!(Recurrence::Weekly.period_end(d), date!(2026 - 12 - 13));
        assert_eq!(Recurrence::Monthly.period_start(d), date!(2026 - 12 - 01));
        assert_eq!(Recurrence::Monthly.period_end(d), date!(2026 - 12 - 31));
        assert_eq!(Recurrence::Daily.previous_start(d), date!(2026 - 12 - 09));
        assert_eq!(Recurrence::Weekly.previous_start(d), date!(2026 - 11 - 30));
        assert_eq!(
            Recurrence::Monthly.previous_start(date!(2026 - 01 - 15)),
            date!(2025 - 12 - 01)
        );
        assert_eq!(
            Recurrence::Monthly.period_end(date!(2028 - 02 - 10)),
            date!(2028 - 02 - 29)
        );
    }

    #[test]
    fn a_daily_checklist_is_due_today_and_overdue_after_a_missed_day() {
        let today = date!(2026 - 12 - 10);
        let daily = Recurrence::Daily;
        // Created today: due, never overdue on its first day.
        assert_eq!(status(daily, today, None, today), Status::Due);
        // Done today.
        assert_eq!(status(daily, today, Some(today), today), Status::Done);
        // Created yesterday and never done: yesterday was missed.
        assert_eq!(
            status(daily, date!(2026 - 12 - 09), None, today),
            Status::Overdue
        );
        // Done yesterday, not yet today: due.
        assert_eq!(
            status(
                daily,
                date!(2026 - 12 - 01),
                Some(date!(2026 - 12 - 09)),
                today
            ),
            Status::Due
        );
        // Last done two days ago: overdue.
        assert_eq!(
            status(
                daily,
                date!(2026 - 12 - 01),
                Some(date!(2026 - 12 - 08)),
                today
            ),
            Status::Overdue
        );
    }

    #[test]
    fn weekly_and_monthly_checklists_are_due_for_the_whole_period() {
        let weekly = Recurrence::Weekly;
        let monday = date!(2026 - 12 - 07);
        // Done on Monday: done all week, due again the next Monday, overdue the Monday after.
        assert_eq!(
            status(weekly, monday, Some(monday), date!(2026 - 12 - 13)),
            Status::Done
        );
        assert_eq!(
            status(weekly, monday, Some(monday), date!(2026 - 12 - 14)),
            Status::Due
        );
        assert_eq!(
            status(weekly, monday, Some(monday), date!(2026 - 12 - 21)),
            Status::Overdue
        );
        let monthly = Recurrence::Monthly;
        assert_eq!(
            status(monthly, date!(2026 - 11 - 20), None, date!(2026 - 11 - 30)),
            Status::Due
        );
        assert_eq!(
            status(monthly, date!(2026 - 11 - 20), None, date!(2026 - 12 - 01)),
            Status::Overdue
        );
    }

    #[test]
    fn a_checklist_needs_at_least_one_item() {
        assert_eq!(items(""), Err(OpsError::NoItem));
        assert_eq!(items("  \n \n"), Err(OpsError::NoItem));
        assert_eq!(
            items("- Ouvrir les volets\n\nAllumer le chauffage\r\n"),
            Ok(vec![
                "Ouvrir les volets".to_string(),
                "Allumer le chauffage".to_string()
            ])
        );
        assert_eq!(
            items(&"x\n".repeat(MAX_ITEMS + 1)),
            Err(OpsError::TooManyItems)
        );
        assert_eq!(items(&"x".repeat(201)), Err(OpsError::ItemTooLong));
    }

    #[test]
    fn incidents_happened_in_the_past() {
        let today = date!(2026 - 12 - 10);
        assert_eq!(past_day("2026-12-10", today), Ok(today));
        assert_eq!(past_day("2026-12-11", today), Err(OpsError::BadDate));
        assert_eq!(past_day("", today), Err(OpsError::Required));
        assert_eq!(past_day("10/12/2026", today), Err(OpsError::BadDate));
        assert_eq!(Severity::parse("serious"), Some(Severity::Serious));
        assert_eq!(Severity::parse("grave"), None);
    }

    #[test]
    fn only_known_chapters_are_linked() {
        let known = vec!["a".to_string(), "b".to_string()];
        assert_eq!(
            chapters(&["b".to_string(), "z".to_string()], &known),
            vec!["b".to_string()]
        );
    }
}
