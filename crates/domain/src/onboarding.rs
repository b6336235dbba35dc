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

#[cfg(test)]
mod tests {
    use super::Step;

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
