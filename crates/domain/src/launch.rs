//! Bringing up a new micro-centre in one guided flow (issue 21): its steps in order, the first
//! events proposed around the opening day, and how long the flow took.
use crate::event::EventKind;
use time::{Date, Duration, PrimitiveDateTime, Time};

/// The steps of the flow, in the order the page proposes them. The profile is done when the
/// centre exists; the others are done once each, in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Profile,
    Manager,
    Licence,
    Kit,
    Offers,
    Events,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Profile,
        Step::Manager,
        Step::Licence,
        Step::Kit,
        Step::Offers,
        Step::Events,
    ];

    /// The step's address in the flow (`/admin/centres/{slug}/lancement/{code}`).
    pub fn code(self) -> &'static str {
        match self {
            Step::Profile => "profil",
            Step::Manager => "responsable",
            Step::Licence => "licence",
            Step::Kit => "kit",
            Step::Offers => "offres",
            Step::Events => "evenements",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Its number on the page, from 1.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }
}

/// The first step not done yet, in order; `None` when every step is done.
pub fn next_step(done: impl Fn(Step) -> bool) -> Option<Step> {
    Step::ALL.into_iter().find(|s| !done(*s))
}

/// An event the flow proposes to draft, dated from the opening day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstEvent {
    pub kind: EventKind,
    /// Days after the opening day.
    pub after_days: i64,
    /// Paris wall-clock start, minutes after midnight.
    pub starts_min: i64,
    pub minutes: i64,
    pub capacity: i64,
}

/// The inauguration on the opening day, a discovery workshop the week after, and the launch of
/// the first cohort three weeks after.
pub const FIRST_EVENTS: [FirstEvent; 3] = [
    FirstEvent {
        kind: EventKind::Opening,
        after_days: 0,
        starts_min: 18 * 60,
        minutes: 120,
        capacity: 80,
    },
    FirstEvent {
        kind: EventKind::Workshop,
        after_days: 7,
        starts_min: 18 * 60 + 30,
        minutes: 120,
        capacity: 15,
    },
    FirstEvent {
        kind: EventKind::Launch,
        after_days: 21,
        starts_min: 18 * 60,
        minutes: 120,
        capacity: 30,
    },
];

impl FirstEvent {
    /// Its proposed day, from the opening day.
    pub fn day(&self, opens_on: Date) -> Date {
        opens_on.saturating_add(Duration::days(self.after_days))
    }

    /// Its start and end (Unix seconds) on `day`, Paris time.
    pub fn times(&self, day: Date) -> Option<(i64, i64)> {
        let start = Time::from_hms(
            u8::try_from(self.starts_min / 60).ok()?,
            u8::try_from(self.starts_min % 60).ok()?,
            0,
        )
        .ok()?;
        let starts = crate::time_zone::from_paris(PrimitiveDateTime::new(day, start))?;
        Some((starts, starts + self.minutes * 60))
    }
}

/// Whole minutes from the start of the flow to its end, at least one.
pub fn minutes_taken(started_at: i64, finished_at: i64) -> i64 {
    ((finished_at - started_at).max(0) + 59)
        .div_euclid(60)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn steps_have_their_addresses_and_order() {
        for s in Step::ALL {
            assert_eq!(Step::parse(s.code()), Some(s));
        }
        assert_eq!(Step::parse("nope"), None);
        assert_eq!(Step::Profile.number(), 1);
        assert_eq!(Step::Events.number(), 6);
    }

    #[test]
    fn the_next_step_is_the_first_not_done() {
        assert_eq!(next_step(|s| s == Step::Profile), Some(Step::Manager));
        assert_eq!(
            next_step(|s| matches!(s, Step::Profile | Step::Manager | Step::Kit)),
            Some(Step::Licence)
        );
        assert_eq!(next_step(|_| true), None);
    }

    #[test]
    fn first_events_fall_around_the_opening_day_in_paris_time() {
        let opens = date!(2027 - 03 - 15);
        let days: Vec<Date> = FIRST_EVENTS.iter().map(|e| e.day(opens)).collect();
        assert_eq!(
            days,
            vec![
                date!(2027 - 03 - 15),
                date!(2027 - 03 - 22),
                date!(2027 - 04 - 05)
            ]
        );
        // 18:00 in Paris is 17:00 UTC in winter and 16:00 UTC in summer (after 28 March 2027).
        let (s, e) = FIRST_EVENTS[0].times(days[0]).expect("times");
        assert_eq!(s, 1_805_130_000);
        assert_eq!(e - s, 7_200);
        let (s, _) = FIRST_EVENTS[2].times(days[2]).expect("times");
        assert_eq!(s % 86_400, 16 * 3_600);
    }

    #[test]
    fn minutes_taken_round_up() {
        assert_eq!(minutes_taken(100, 100), 1);
        assert_eq!(minutes_taken(0, 61), 2);
        assert_eq!(minutes_taken(0, 1_200), 20);
        assert_eq!(minutes_taken(50, 0), 1);
    }
}
