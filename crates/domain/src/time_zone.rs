//! Europe/Paris local time without a time-zone database: CET (UTC+1) in winter, CEST (UTC+2)
//! from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule).
use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let last_day = time::util::days_in_month(month, year);
    let mut day = Date::from_calendar_date(year, month, last_day).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day)
}

/// The Paris offset in force at a UTC instant.
pub fn paris_offset(utc: OffsetDateTime) -> UtcOffset {
    let year = utc.year();
    let summer = match (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) {
        (Some(start), Some(end)) => {
            let start = start.with_hms(1, 0, 0).map(|d| d.assume_utc());
            let end = end.with_hms(1, 0, 0).map(|d| d.assume_utc());
            matches!((start, end), (Ok(s), Ok(e)) if utc >= s && utc < e)
        }
        _ => false,
    };
    UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// A Unix timestamp as Paris local time.
pub fn to_paris(unix: i64) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    utc.to_offset(paris_offset(utc))
}

/// A Paris wall-clock time as a Unix timestamp (the earlier instant when the clock goes back;
/// a time skipped when it goes forward is read in winter time).
pub fn from_paris(local: time::PrimitiveDateTime) -> Option<i64> {
    [1, 2]
        .into_iter()
        .filter_map(|h| UtcOffset::from_hms(h, 0, 0).ok())
        .map(|o| local.assume_offset(o))
        .find(|t| paris_offset(*t).whole_hours() == t.offset().whole_hours())
        .or_else(|| {
            UtcOffset::from_hms(1, 0, 0)
                .ok()
                .map(|o| local.assume_offset(o))
        })
        .map(|t| t.unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn switches_on_the_eu_dates() {
        assert_eq!(
            paris_offset(datetime!(2026-01-15 12:00 UTC)).whole_hours(),
            1
        );
        assert_eq!(
            paris_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(),
            1
        );
        assert_eq!(
            paris_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            paris_offset(datetime!(2026-10-25 00:59 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            paris_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(),
            1
        );
        assert_eq!(
            to_paris(datetime!(2026-07-01 22:30 UTC).unix_timestamp()).day(),
            2
        );
    }
}
