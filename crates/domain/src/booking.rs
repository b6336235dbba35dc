//! Spaces and their bookings: the kinds of space, who may book, opening hours (several ranges a
//! day) and closures, the rules a booking must meet (inside one opening range, not in a closure,
//! no longer than the space allows, with enough notice), overlaps, the price of a booking, the
//! hours open over a period (the occupancy report's denominator) and the iCalendar feed of a
//! space. Times are Unix seconds; days and hours are Paris wall-clock.
use crate::time_zone::{from_paris, to_paris};
use time::{Date, PrimitiveDateTime, Time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpaceKind {
    Workshop,
    Meeting,
    Coworking,
    Storage,
    Other,
}

impl SpaceKind {
    pub const ALL: [SpaceKind; 5] = [
        SpaceKind::Workshop,
        SpaceKind::Meeting,
        SpaceKind::Coworking,
        SpaceKind::Storage,
        SpaceKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SpaceKind::Workshop => "workshop",
            SpaceKind::Meeting => "meeting",
            SpaceKind::Coworking => "coworking",
            SpaceKind::Storage => "storage",
            SpaceKind::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            SpaceKind::Workshop => "space-kind-workshop",
            SpaceKind::Meeting => "space-kind-meeting",
            SpaceKind::Coworking => "space-kind-coworking",
            SpaceKind::Storage => "space-kind-storage",
            SpaceKind::Other => "space-kind-other",
        }
    }
}

/// Who may book a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The centre's members: anyone with a role in it (participants, coaches, staff).
    Members,
    /// Any signed-in project holder of the network (a participant anywhere).
    Participants,
    /// Anyone with an account.
    Public,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Members, Audience::Participants, Audience::Public];

    pub fn code(self) -> &'static str {
        match self {
            Audience::Members => "members",
            Audience::Participants => "participants",
            Audience::Public => "public",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Audience::Members => "space-audience-members",
            Audience::Participants => "space-audience-participants",
            Audience::Public => "space-audience-public",
        }
    }

    /// Whether a person may book: `member` holds a role in the space's centre, `participant`
    /// holds the participant role somewhere in the network.
    pub fn admits(self, member: bool, participant: bool) -> bool {
        match self {
            Audience::Members => member,
            Audience::Participants => member || participant,
            Audience::Public => true,
        }
    }
}

/// One opening range of a day, in minutes after midnight (`opens < closes <= 1440`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Range {
    pub opens: i64,
    pub closes: i64,
}

/// The weekly opening hours: ranges per weekday, Monday first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hours {
    pub days: [Vec<Range>; 7],
}

/// A closure: the days from `starts_on` to `ends_on`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closure {
    pub starts_on: Date,
    pub ends_on: Date,
}

impl Closure {
    pub fn covers(&self, day: Date) -> bool {
        day >= self.starts_on && day <= self.ends_on
    }
}

/// Why a text of hours, a rule or a booking was refused; each says its message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A text of opening hours that does not read (`9:00-12:00, 14:00-18:00`).
    BadHours,
    /// Two ranges of the same day overlap.
    HoursOverlap,
    /// A date or time that does not read.
    BadTime,
    /// The end is not after the start.
    EndBeforeStart,
    /// The start is in the past.
    InPast,
    /// Longer than the space allows.
    TooLong,
    /// Less notice than the space asks for.
    TooShortNotice,
    /// Outside the opening hours.
    OutOfHours,
    /// On a day the centre is closed.
    InClosure,
    /// Another booking holds part of that time.
    Overlap,
    /// The space is not open to bookings.
    NotBookable,
    /// This person may not book this space.
    NotAllowed,
}

impl Refusal {
    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::BadHours => "booking-error-hours",
            Refusal::HoursOverlap => "booking-error-hours-overlap",
            Refusal::BadTime => "booking-error-time",
            Refusal::EndBeforeStart => "booking-error-end",
            Refusal::InPast => "booking-error-past",
            Refusal::TooLong => "booking-error-too-long",
            Refusal::TooShortNotice => "booking-error-notice",
            Refusal::OutOfHours => "booking-error-out-of-hours",
            Refusal::InClosure => "booking-error-closure",
            Refusal::Overlap => "booking-error-overlap",
            Refusal::NotBookable => "booking-error-not-bookable",
            Refusal::NotAllowed => "booking-error-not-allowed",
        }
    }

    /// The booking form's field the message goes beside.
    pub fn field(self) -> &'static str {
        match self {
            Refusal::BadTime | Refusal::InPast | Refusal::InClosure | Refusal::TooShortNotice => {
                "date"
            }
            Refusal::EndBeforeStart | Refusal::TooLong => "ends",
            Refusal::OutOfHours | Refusal::Overlap => "starts",
            Refusal::BadHours | Refusal::HoursOverlap => "hours",
            Refusal::NotBookable | Refusal::NotAllowed => "space",
        }
    }
}

/// `9:00`, `09:30`, `18h`, `18h30` as minutes after midnight; `24:00` is the end of the day.
pub fn parse_clock(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    let (h, m) = match t.split_once([':', 'h']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (t.as_str(), "0"),
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 {
        return None;
    }
    let h: i64 = h.parse().ok()?;
    let m: i64 = m.parse().ok()?;
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return None;
    }
    Some(h * 60 + m)
}

/// Minutes after midnight as `09:30`.
pub fn clock(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A day's hours typed as `9:00-12:30, 14:00-18:00` (empty: closed that day), in order.
pub fn parse_day(text: &str) -> Result<Vec<Range>, Refusal> {
    let mut ranges = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (a, b) = part.split_once(['-', '–']).ok_or(Refusal::BadHours)?;
        let opens = parse_clock(a).ok_or(Refusal::BadHours)?;
        let closes = parse_clock(b).ok_or(Refusal::BadHours)?;
        if closes <= opens {
            return Err(Refusal::BadHours);
        }
        ranges.push(Range { opens, closes });
    }
    if ranges.len() > 6 {
        return Err(Refusal::BadHours);
    }
    ranges.sort();
    if ranges.windows(2).any(|w| w[1].opens < w[0].closes) {
        return Err(Refusal::HoursOverlap);
    }
    Ok(ranges)
}

/// A day's ranges as the form shows them (`09:00-12:30, 14:00-18:00`).
pub fn format_day(ranges: &[Range]) -> String {
    ranges
        .iter()
        .map(|r| format!("{}-{}", clock(r.opens), clock(r.closes)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(day: Date) -> usize {
    usize::from(day.weekday().number_days_from_monday())
}

/// A Paris wall-clock day and minute as a Unix instant.
pub fn instant(day: Date, minutes: i64) -> Option<i64> {
    if minutes == 1440 {
        return instant(day.next_day()?, 0);
    }
    let t = Time::from_hms(u8::try_from(minutes / 60).ok()?, (minutes % 60) as u8, 0).ok()?;
    from_paris(PrimitiveDateTime::new(day, t))
}

/// What a person asks for: a space on a day, from a start to an end (Paris minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub day: Date,
    pub starts: i64,
    pub ends: i64,
}

/// A space's booking rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub bookable: bool,
    /// The longest booking, in minutes.
    pub max_minutes: i64,
    /// The least notice, in minutes before the start.
    pub notice_minutes: i64,
    pub audience: Audience,
    /// 0 when free.
    pub price_per_hour_cents: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            bookable: true,
            max_minutes: 240,
            notice_minutes: 60,
            audience: Audience::Members,
            price_per_hour_cents: 0,
        }
    }
}

/// A booking request checked against the space's rules, hours and closures (not yet against
/// the other bookings: that is the store's, inside its transaction). Gives the instants.
pub fn check(
    req: &Request,
    rules: &Rules,
    hours: &Hours,
    closures: &[Closure],
    now: i64,
) -> Result<(i64, i64), Refusal> {
    if !rules.bookable {
        return Err(Refusal::NotBookable);
    }
    if !(0..=1440).contains(&req.starts) || !(0..=1440).contains(&req.ends) {
        return Err(Refusal::BadTime);
    }
    if req.ends <= req.starts {
        return Err(Refusal::EndBeforeStart);
    }
    let start = instant(req.day, req.starts).ok_or(Refusal::BadTime)?;
    let end = instant(req.day, req.ends).ok_or(Refusal::BadTime)?;
    if start < now {
        return Err(Refusal::InPast);
    }
    if closures.iter().any(|c| c.covers(req.day)) {
        return Err(Refusal::InClosure);
    }
    let inside = hours.days[weekday_index(req.day)]
        .iter()
        .any(|r| r.opens <= req.starts && req.ends <= r.closes);
    if !inside {
        return Err(Refusal::OutOfHours);
    }
    if req.ends - req.starts > rules.max_minutes {
        return Err(Refusal::TooLong);
    }
    if start - now < rules.notice_minutes * 60 {
        return Err(Refusal::TooShortNotice);
    }
    Ok((start, end))
}

/// Whether two half-open intervals `[a0, a1)` and `[b0, b1)` share a moment.
pub fn overlaps(a0: i64, a1: i64, b0: i64, b1: i64) -> bool {
    a0 < b1 && b0 < a1
}

/// The price of a booking: the hourly price for the time booked, to the cent (rounded half up).
pub fn price(per_hour_cents: i64, seconds: i64) -> i64 {
    (per_hour_cents * seconds + 1_800) / 3_600
}

/// Seconds open from `from` to `to` (both included), closures left out.
pub fn open_seconds(hours: &Hours, closures: &[Closure], from: Date, to: Date) -> i64 {
    let mut total = 0;
    let mut day = from;
    while day <= to {
        if !closures.iter().any(|c| c.covers(day)) {
            total += hours.days[weekday_index(day)]
                .iter()
                .filter_map(|r| Some(instant(day, r.closes)? - instant(day, r.opens)?))
                .sum::<i64>();
        }
        match day.next_day() {
            Some(d) => day = d,
            None => break,
        }
    }
    total
}

/// A share in basis points (0 when nothing was open).
pub fn share_bp(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 10_000 + whole / 2) / whole
    }
}

/// The Paris day of an instant.
pub fn day_of(unix: i64) -> Date {
    to_paris(unix).date()
}

/// The Paris minutes after midnight of an instant.
pub fn minutes_of(unix: i64) -> i64 {
    let t = to_paris(unix);
    i64::from(t.hour()) * 60 + i64::from(t.minute())
}

/// The Monday of the week of a day.
pub fn monday_of(day: Date) -> Date {
    let mut d = day;
    while weekday_index(d) != 0 {
        match d.previous_day() {
            Some(p) => d = p,
            None => break,
        }
    }
    d
}

/// One booking in a space's feed.
#[derive(Debug, Clone)]
pub struct FeedEntry<'a> {
    pub uid: String,
    pub summary: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// The iCalendar feed of a space: its bookings as events in Paris time.
pub fn ics_feed(name: &str, entries: &[FeedEntry<'_>], now: i64) -> String {
    use crate::event::ics_parts::*;
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Impact Studio//Reservations//FR\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
    );
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    out.push_str(PARIS_VTIMEZONE);
    for e in entries {
        out.push_str("BEGIN:VEVENT\r\n");
        line(&mut out, &format!("UID:{}", e.uid));
        line(&mut out, &format!("DTSTAMP:{}", utc_stamp(now)));
        line(
            &mut out,
            &format!("DTSTART;TZID=Europe/Paris:{}", paris_stamp(e.starts_at)),
        );
        line(
            &mut out,
            &format!("DTEND;TZID=Europe/Paris:{}", paris_stamp(e.ends_at)),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(e.summary)));
        line(&mut out, &format!("LOCATION:{}", escape(name)));
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn week(ranges: &str) -> Hours {
        let day = parse_day(ranges).expect("hours");
        Hours {
            days: [
                day.clone(),
                day.clone(),
                day.clone(),
                day.clone(),
                day,
                Vec::new(),
                Vec::new(),
            ],
        }
    }

    #[test]
    fn hours_read_and_write_back() {
        assert_eq!(
            parse_day("14h-18h, 9:00-12:30").map(|r| format_day(&r)),
            Ok("09:00-12:30, 14:00-18:00".into())
        );
        assert_eq!(parse_day(""), Ok(vec![]));
        assert_eq!(parse_day("9:00-24:00").map(|r| r[0].closes), Ok(1440));
        assert_eq!(parse_day("9-12, 11-13"), Err(Refusal::HoursOverlap));
        for bad in ["9:00", "12-9", "25-26", "9:60-10", "matin"] {
            assert_eq!(parse_day(bad), Err(Refusal::BadHours), "{bad}");
        }
    }

    #[test]
    fn a_booking_meets_every_rule() {
        // Monday 7 December 2026, 08:00 in Paris (UTC+1).
        let monday = date!(2026 - 12 - 07);
        let now = instant(monday, 8 * 60).expect("now");
        let hours = week("9:00-12:30, 14:00-18:00");
        let rules = Rules::default();
        let ok = Request {
            day: monday,
            starts: 10 * 60,
            ends: 12 * 60,
        };
        let (start, end) = check(&ok, &rules, &hours, &[], now).expect("valid");
        assert_eq!(end - start, 7_200);
        assert_eq!(start - now, 7_200);
        let at = |starts, ends| Request {
            day: monday,
            starts,
            ends,
        };
        assert_eq!(
            check(&at(12 * 60, 15 * 60), &rules, &hours, &[], now),
            Err(Refusal::OutOfHours)
        );
        assert_eq!(
            check(&at(14 * 60, 18 * 60 + 30), &rules, &hours, &[], now),
            Err(Refusal::OutOfHours)
        );
        assert_eq!(
            check(&at(11 * 60, 10 * 60), &rules, &hours, &[], now),
            Err(Refusal::EndBeforeStart)
        );
        assert_eq!(
            check(&at(14 * 60, 18 * 60 + 1), &rules, &hours, &[], now),
            Err(Refusal::OutOfHours)
        );
        let short = Rules {
            max_minutes: 60,
            ..rules
        };
        assert_eq!(check(&ok, &short, &hours, &[], now), Err(Refusal::TooLong));
        let notice = Rules {
            notice_minutes: 180,
            ..rules
        };
        assert_eq!(
            check(&ok, &notice, &hours, &[], now),
            Err(Refusal::TooShortNotice)
        );
        let closed = [Closure {
            starts_on: date!(2026 - 12 - 06),
            ends_on: monday,
        }];
        assert_eq!(
            check(&ok, &rules, &hours, &closed, now),
            Err(Refusal::InClosure)
        );
        let sunday = Request {
            day: date!(2026 - 12 - 13),
            ..ok
        };
        assert_eq!(
            check(&sunday, &rules, &hours, &[], now),
            Err(Refusal::OutOfHours)
        );
        let later = instant(monday, 11 * 60).expect("later");
        assert_eq!(check(&ok, &rules, &hours, &[], later), Err(Refusal::InPast));
        let shut = Rules {
            bookable: false,
            ..rules
        };
        assert_eq!(
            check(&ok, &shut, &hours, &[], now),
            Err(Refusal::NotBookable)
        );
    }

    #[test]
    fn overlaps_are_half_open() {
        assert!(overlaps(10, 20, 15, 25));
        assert!(overlaps(10, 20, 0, 30));
        assert!(!overlaps(10, 20, 20, 30));
        assert!(!overlaps(10, 20, 0, 10));
    }

    #[test]
    fn prices_and_shares() {
        assert_eq!(price(1_500, 5_400), 2_250);
        assert_eq!(price(1_000, 1_200), 333);
        assert_eq!(price(0, 7_200), 0);
        assert_eq!(share_bp(1, 3), 3_333);
        assert_eq!(share_bp(5, 0), 0);
    }

    #[test]
    fn open_time_of_a_week_leaves_closures_out() {
        let hours = week("9:00-12:00, 14:00-18:00");
        let monday = date!(2026 - 12 - 07);
        let sunday = date!(2026 - 12 - 13);
        assert_eq!(open_seconds(&hours, &[], monday, sunday), 5 * 7 * 3_600);
        let closed = [Closure {
            starts_on: monday,
            ends_on: date!(2026 - 12 - 08),
        }];
        assert_eq!(open_seconds(&hours, &closed, monday, sunday), 3 * 7 * 3_600);
        assert_eq!(monday_of(date!(2026 - 12 - 10)), monday);
        assert_eq!(monday_of(monday), monday);
    }

    #[test]
    fn audiences() {
        assert!(Audience::Members.admits(true, false));
        assert!(!Audience::Members.admits(false, true));
        assert!(Audience::Participants.admits(false, true));
        assert!(!Audience::Participants.admits(false, false));
        assert!(Audience::Public.admits(false, false));
        assert_eq!(Audience::parse("public"), Some(Audience::Public));
        assert_eq!(SpaceKind::parse("meeting"), Some(SpaceKind::Meeting));
        assert_eq!(SpaceKind::parse("garage"), None);
    }

    #[test]
    fn the_feed_is_one_calendar_of_events_in_paris_time() {
        let start = instant(date!(2026 - 12 - 07), 10 * 60).expect("start");
        let ics = ics_feed(
            "Salle de réunion, étage",
            &[
                FeedEntry {
                    uid: "booking-1@impact".into(),
                    summary: "Réservé",
                    starts_at: start,
                    ends_at: start + 3_600,
                },
                FeedEntry {
                    uid: "booking-2@impact".into(),
                    summary: "Réservé",
                    starts_at: start + 7_200,
                    ends_at: start + 9_000,
                },
            ],
            start,
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261207T100000\r\n"));
        assert!(ics.contains("X-WR-CALNAME:Salle de réunion\\, étage\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
