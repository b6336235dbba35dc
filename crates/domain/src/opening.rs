//! Opening a micro-centre: the network's template of milestones (each with a target offset in
//! weeks from the opening day and its checklist), a centre's plan dated from its target opening
//! day, and how far along it is.
use time::{Date, Duration};

/// Offsets span two years before the opening to a year after.
pub const OFFSET_WEEKS: std::ops::RangeInclusive<i64> = -104..=52;
/// The most milestones a template holds.
pub const MAX_MILESTONES: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpeningError {
    Required,
    TooLong,
    Offset,
    Checklist,
    TooMany,
}

impl OpeningError {
    pub fn message_key(self) -> &'static str {
        match self {
            OpeningError::Required => "error-required",
            OpeningError::TooLong => "error-too-long",
            OpeningError::Offset => "opening-error-offset",
            OpeningError::Checklist => "opening-error-checklist",
            OpeningError::TooMany => "opening-error-too-many",
        }
    }
}

/// A milestone of the template as typed: its name, offset and checklist (one item a line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub name: String,
    pub offset_weeks: i64,
    pub checklist: Vec<String>,
}

/// Checks a template milestone typed in a form.
pub fn milestone(name: &str, offset: &str, checklist: &str) -> Result<Milestone, OpeningError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(OpeningError::Required);
    }
    if name.chars().count() > 120 {
        return Err(OpeningError::TooLong);
    }
    let offset_weeks: i64 = offset
        .trim()
        .replace('\u{2212}', "-")
        .parse()
        .ok()
        .filter(|w| OFFSET_WEEKS.contains(w))
        .ok_or(OpeningError::Offset)?;
    let checklist = if checklist.trim().is_empty() {
        Vec::new()
    } else {
        crate::procedures::items(checklist).map_err(|_| OpeningError::Checklist)?
    };
    Ok(Milestone {
        name: name.to_string(),
        offset_weeks,
        checklist,
    })
}

/// The day a milestone is due, `offset_weeks` from the opening day.
pub fn due_on(opens_on: Date, offset_weeks: i64) -> Date {
    opens_on + Duration::weeks(offset_weeks)
}

/// How far along a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub milestones_done: i64,
    pub milestones: i64,
    pub checks_done: i64,
    pub checks: i64,
    /// Milestones not done whose day has passed.
    pub late: i64,
}

impl Progress {
    /// The share of checklist items done, in whole percent (a milestone without items counts
    /// as one item, done when the milestone is).
    pub fn percent(&self) -> i64 {
        if self.checks == 0 {
            if self.milestones == 0 {
                return 0;
            }
            return self.milestones_done * 100 / self.milestones;
        }
        self.checks_done * 100 / self.checks
    }
}

/// A milestone of a centre's plan as the progress needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneState {
    pub due_on: Date,
    pub done: bool,
    pub checks: i64,
    pub checks_done: i64,
}

pub fn progress(milestones: &[MilestoneState], today: Date) -> Progress {
    let mut p = Progress::default();
    for m in milestones {
        p.milestones += 1;
        if m.done {
            p.milestones_done += 1;
        } else if m.due_on < today {
            p.late += 1;
        }
        p.checks += m.checks;
        p.checks_done += m.checks_done;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn milestones_are_dated_back_from_the_opening() {
        let opens = date!(2027 - 03 - 01);
        assert_eq!(due_on(opens, -24), date!(2026 - 09 - 14));
        assert_eq!(due_on(opens, 0), opens);
        assert_eq!(due_on(opens, 2), date!(2027 - 03 - 15));
    }

    #[test]
    fn a_template_milestone_is_checked() {
        let m = milestone(" Lieu trouvé ", "-24", "Visiter\n\nSigner").expect("valid");
        assert_eq!(m.name, "Lieu trouvé");
        assert_eq!(m.offset_weeks, -24);
        assert_eq!(m.checklist, vec!["Visiter", "Signer"]);
        assert_eq!(milestone("", "0", ""), Err(OpeningError::Required));
        assert_eq!(milestone("X", "-200", ""), Err(OpeningError::Offset));
        assert_eq!(milestone("X", "deux", ""), Err(OpeningError::Offset));
        assert_eq!(
            milestone("X", "\u{2212}3", "").map(|m| m.offset_weeks),
            Ok(-3)
        );
        assert_eq!(milestone("X", "0", "").map(|m| m.checklist.len()), Ok(0));
    }

    #[test]
    fn progress_counts_milestones_checks_and_late_ones() {
        let today = date!(2026 - 12 - 10);
        let ms = [
            MilestoneState {
                due_on: date!(2026 - 10 - 01),
                done: true,
                checks: 3,
                checks_done: 3,
            },
            MilestoneState {
                due_on: date!(2026 - 11 - 01),
                done: false,
                checks: 3,
                checks_done: 1,
            },
            MilestoneState {
                due_on: date!(2027 - 01 - 01),
                done: false,
                checks: 2,
                checks_done: 0,
            },
        ];
        let p = progress(&ms, today);
        assert_eq!(
            (
                p.milestones_done,
                p.milestones,
                p.checks_done,
                p.checks,
                p.late
            ),
            (1, 3, 4, 8, 1)
        );
        assert_eq!(p.percent(), 50);
        assert_eq!(progress(&[], today).percent(), 0);
    }
}
