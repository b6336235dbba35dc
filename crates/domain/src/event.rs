//! Rules of events (issue 17): their kinds, the life of a registration (a person or a group that
//! registers and waits together), how long an unconfirmed seat is held, and the iCalendar file
//! sent with a confirmation (times in Europe/Paris with its VTIMEZONE).
use crate::DomainError;

/// An unconfirmed registration holds its seat this long, then frees it.
pub const HOLD_SECS: i64 = 24 * 3_600;
/// Largest group one registration may bring.
pub const GROUP_MAX: i64 = 10;
/// The reminder goes out this long before the start.
pub const REMINDER_BEFORE_SECS: i64 = 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Workshop,
    Launch,
    Opening,
    Webinar,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::Workshop,
        EventKind::Launch,
        EventKind::Opening,
        EventKind::Webinar,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Workshop => "workshop",
            EventKind::Launch => "launch",
            EventKind::Opening => "opening",
            EventKind::Webinar => "webinar",
        }
    }

    pub fn parse(code: &str) -> Result<Self, DomainError> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or(DomainError::UnknownChoice)
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            EventKind::Workshop => "event-kind-workshop",
            EventKind::Launch => "event-kind-launch",
            EventKind::Opening => "event-kind-opening",
            EventKind::Webinar => "event-kind-webinar",
        }
    }
}

impl TryFrom<String> for EventKind {
    type Error = DomainError;
    fn try_from(code: String) -> Result<Self, DomainError> {
        EventKind::parse(&code)
    }
}

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Holds its seats (for [`HOLD_SECS`] while unconfirmed).
    Registered,
    /// Waits for seats to free up, in the order it came.
    Waitlisted,
    Cancelled,
    /// Left unconfirmed past its hold: the seats went to others.
    Expired,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Registered,
        Status::Waitlisted,
        Status::Cancelled,
        Status::Expired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Registered => "registered",
            Status::Waitlisted => "waitlisted",
            Status::Cancelled => "cancelled",
            Status::Expired => "expired",
        }
    }

    pub fn parse(code: &str) -> Result<Self, DomainError> {
        Status::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or(DomainError::UnknownChoice)
    }

    /// Still counts: holds seats or waits for them.
    pub fn active(self) -> bool {
        matches!(self, Status::Registered | Status::Waitlisted)
    }
}

impl TryFrom<String> for Status {
    type Error = DomainError;
    fn try_from(code: String) -> Result<Self, DomainError> {
        Status::parse(&code)
    }
}

/// A group size typed in a form: 1 when empty, at most [`GROUP_MAX`] and the capacity.
pub fn group_size(value: &str, capacity: i64) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return Some(1);
    }
    value
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=GROUP_MAX.min(capacity.max(1))).contains(n))
}

/// Which waiting registrations (id, seats), in their order, move up into `free` seats: each
/// one that fits, a group as a whole or not at all.
pub fn promotions(free: i64, waiting: &[(i64, i64)]) -> Vec<i64> {
    let mut free = free;
    let mut out = Vec::new();
    for &(id, seats) in waiting {
        if seats <= free {
            free -= seats;
            out.push(id);
        }
    }
    out
}

/// What the calendar file says about an event.
pub struct Calendar<'a> {
    /// Unique and stable for one registration, so a second file updates the first.
    pub uid: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub place: &'a str,
    pub url: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    /// When the file was made (DTSTAMP, UTC).
    pub now: i64,
}

/// The Europe/Paris time zone as iCalendar describes it (EU rules since 1996).
pub(crate) const PARIS_VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

pub(crate) fn paris_stamp(unix: i64) -> String {
    let t = crate::time_zone::to_paris(unix);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

pub(crate) fn utc_stamp(unix: i64) -> String {
    let t =
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// TEXT escaping of RFC 5545 (3.3.11).
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded at 75 octets (never inside a UTF-8 character), ended by CRLF.
pub(crate) fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The iCalendar pieces other feeds reuse (a space's bookings).
pub(crate) mod ics_parts {
    pub(crate) use super::{PARIS_VTIMEZONE, escape, line, paris_stamp, utc_stamp};
}

/// The `.ics` file of one event.
pub fn ics(c: &Calendar) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Impact Studio//Evenements//FR\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
    );
    out.push_str(PARIS_VTIMEZONE);
    out.push_str("BEGIN:VEVENT\r\n");
    line(&mut out, &format!("UID:{}", c.uid));
    line(&mut out, &format!("DTSTAMP:{}", utc_stamp(c.now)));
    line(
        &mut out,
        &format!("DTSTART;TZID=Europe/Paris:{}", paris_stamp(c.starts_at)),
    );
    line(
        &mut out,
        &format!("DTEND;TZID=Europe/Paris:{}", paris_stamp(c.ends_at)),
    );
    line(&mut out, &format!("SUMMARY:{}", escape(c.title)));
    if !c.description.is_empty() {
        line(&mut out, &format!("DESCRIPTION:{}", escape(c.description)));
    }
    if !c.place.is_empty() {
        line(&mut out, &format!("LOCATION:{}", escape(c.place)));
    }
    line(&mut out, &format!("URL:{}", c.url));
    out.push_str("END:VEVENT\r\nEND:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_moves_up_whole_or_waits() {
        // Two seats free: the group of three waits, the single behind it moves up, then no room.
        assert_eq!(promotions(2, &[(1, 3), (2, 1), (3, 2)]), vec![2]);
        assert_eq!(promotions(3, &[(1, 3), (2, 1)]), vec![1]);
        assert_eq!(promotions(0, &[(1, 1)]), Vec::<i64>::new());
    }

    #[test]
    fn group_sizes() {
        assert_eq!(group_size("", 15), Some(1));
        assert_eq!(group_size(" 4 ", 15), Some(4));
        assert_eq!(group_size("0", 15), None);
        assert_eq!(group_size("11", 15), None);
        assert_eq!(group_size("3", 2), None);
        assert_eq!(group_size("deux", 15), None);
    }

    #[test]
    fn calendar_lines_are_escaped_folded_and_in_paris_time() {
        // 5 December 2026 14:00 in Paris is 13:00 UTC.
        let start = 1_796_475_600;
        let ics = ics(&Calendar {
            uid: "r1@impact.test",
            title: "Atelier : idées, projets; suite",
            description: &"Une longue description. ".repeat(10),
            place: "Tiers-lieu, Die",
            url: "https://impact.test/evenements/a",
            starts_at: start,
            ends_at: start + 7_200,
            now: start,
        });
        assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261205T140000\r\n"));
        assert!(ics.contains("DTEND;TZID=Europe/Paris:20261205T160000\r\n"));
        assert!(ics.contains("DTSTAMP:20261205T130000Z\r\n"));
        assert!(ics.contains("SUMMARY:Atelier : idées\\, projets\\; suite\r\n"));
        assert!(ics.contains("TZID:Europe/Paris\r\n"));
        assert!(ics.lines().all(|l| l.len() <= 75));
    }
}
