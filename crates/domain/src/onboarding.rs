//! The onboarding sequence: its steps in order, and the delay of each by default (hours after the
//! previous one). A centre may change a delay or turn a step off.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Diagnostic,
    Canvas,
    Course,
    Coaching,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Welcome,
        Step::Diagnostic,
        Step::Canvas,
        Step::Course,
        Step::Coaching,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Diagnostic => "diagnostic",
            Step::Canvas => "canvas",
            Step::Course => "course",
            Step::Coaching => "coaching",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Hours after the previous step (after the start, for the first one).
    pub fn default_delay_hours(self) -> i64 {
        match self {
            Step::Welcome => 0,
            Step::Diagnostic => 24,
            Step::Canvas => 48,
            Step::Course => 72,
            Step::Coaching => 96,
        }
    }

    /// Where the step's e-mail and checklist line lead.
    pub fn path(self) -> &'static str {
        match self {
            Step::Welcome => "/dashboard",
            Step::Diagnostic => "/diagnostics",
            Step::Canvas => "/projects",
            Step::Course => "/learn",
            Step::Coaching => "/projects",
        }
    }

    /// The step after this one.
    pub fn next(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(i + 1).copied()
    }
}

/// How a centre runs one step: its delay (hours after the previous step sent), whether it is
/// on, and its place in the sequence (1 first; 0 keeps the default place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepSetting {
    pub step: Step,
    pub delay_hours: i64,
    pub enabled: bool,
    pub position: i64,
}

impl StepSetting {
    pub fn default_for(step: Step) -> StepSetting {
        StepSetting {
            step,
            delay_hours: step.default_delay_hours(),
            enabled: true,
            position: 0,
        }
    }

    fn rank(&self) -> (i64, usize) {
        let default = Step::ALL.iter().position(|s| *s == self.step).unwrap_or(0);
        let place = if self.position > 0 {
            self.position
        } else {
            default as i64 + 1
        };
        (place, default)
    }
}

/// Longest delay a centre may set, in days.
pub const MAX_DELAY_DAYS: i64 = 365;

/// The whole sequence of a centre in its order: its settings over the defaults, by place, ties
/// in the default order. Every step appears once, on or off.
pub fn sequence(settings: &[StepSetting]) -> Vec<StepSetting> {
    let mut out: Vec<StepSetting> = Step::ALL
        .into_iter()
        .map(|step| {
            settings
                .iter()
                .find(|s| s.step == step)
                .copied()
                .unwrap_or_else(|| StepSetting::default_for(step))
        })
        .collect();
    out.sort_by_key(StepSetting::rank);
    out
}

/// The first step turned on, at or after `from` in the sequence's order (the first of all with
/// `None`).
pub fn enabled_from(sequence: &[StepSetting], from: Option<Step>) -> Option<StepSetting> {
    let start = match from {
        Some(step) => sequence.iter().position(|s| s.step == step)?,
        None => 0,
    };
    sequence[start..].iter().find(|s| s.enabled).copied()
}

/// The step turned on that comes after `step` in the sequence's order.
pub fn next_enabled(sequence: &[StepSetting], step: Step) -> Option<StepSetting> {
    let at = sequence.iter().position(|s| s.step == step)?;
    sequence[at + 1..].iter().find(|s| s.enabled).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_centre_reorders_and_turns_steps_off() {
        let default = sequence(&[]);
        let order: Vec<Step> = default.iter().map(|s| s.step).collect();
        assert_eq!(order, Step::ALL.to_vec());
        let custom = sequence(&[
            StepSetting {
                step: Step::Course,
                delay_hours: 2,
                enabled: true,
                position: 2,
            },
            StepSetting {
                step: Step::Diagnostic,
                delay_hours: 24,
                enabled: false,
                position: 3,
            },
        ]);
        let order: Vec<Step> = custom.iter().map(|s| s.step).collect();
        // Places 1 (welcome, default), 2 (course), then 3 twice: the diagnostic before the
        // canvas, as by default.
        assert_eq!(
            order,
            vec![
                Step::Welcome,
                Step::Course,
                Step::Diagnostic,
                Step::Canvas,
                Step::Coaching
            ]
        );
        assert_eq!(
            enabled_from(&custom, None).map(|s| s.step),
            Some(Step::Welcome)
        );
        assert_eq!(
            next_enabled(&custom, Step::Course).map(|s| s.step),
            Some(Step::Canvas),
            "the diagnostic is off"
        );
        assert_eq!(
            enabled_from(&custom, Some(Step::Diagnostic)).map(|s| s.step),
            Some(Step::Canvas)
        );
        assert_eq!(next_enabled(&custom, Step::Coaching), None);
    }

    #[test]
    fn steps_round_trip_and_chain() {
        for s in Step::ALL {
            assert_eq!(Step::parse(s.code()), Some(s));
        }
        assert_eq!(Step::Welcome.next(), Some(Step::Diagnostic));
        assert_eq!(Step::Coaching.next(), None);
        assert_eq!(Step::parse("nope"), None);
    }
}
