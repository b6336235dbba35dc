//! Training-quality evidence (Qualiopi): the results an offer publishes and the indicators of
//! the national quality framework each piece of the evidence export serves.

/// Below this many respondents a satisfaction rate says nothing (and could identify people):
/// nothing is published.
pub const MIN_RESPONDENTS: i64 = 5;
/// A participant completed the programme when present at this share of its sessions (%).
pub const COMPLETION_ATTENDANCE_PERCENT: i64 = 75;
/// Satisfied: recommends the programme 7 or more out of 10.
pub const SATISFIED_FROM: i64 = 7;

/// Whether a participant completed the programme: present at [`COMPLETION_ATTENDANCE_PERCENT`]
/// or more of its `sessions` (none held: not completed). The store counts it the same way in SQL.
pub fn completed(present: i64, sessions: i64) -> bool {
    sessions > 0 && present * 100 >= sessions * COMPLETION_ATTENDANCE_PERCENT
}

/// Whether an answer (recommendation out of 10) counts as satisfied: [`SATISFIED_FROM`] or more.
pub fn satisfied(score: i64) -> bool {
    score >= SATISFIED_FROM
}

/// What an offer's cohorts that ended in a period give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Results {
    /// Participants of those cohorts.
    pub participants: i64,
    /// …present at enough of their sessions.
    pub completed: i64,
    /// Participants who answered the end-of-cohort survey.
    pub respondents: i64,
    /// …and recommend it 7 or more out of 10.
    pub satisfied: i64,
}

/// The rates to publish, in whole percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub completion: i64,
    pub satisfaction: i64,
    pub respondents: i64,
}

impl Results {
    /// The rates, only once there are enough respondents.
    pub fn published(&self) -> Option<Published> {
        if self.respondents < MIN_RESPONDENTS || self.participants == 0 {
            return None;
        }
        Some(Published {
            completion: percent(self.completed, self.participants),
            satisfaction: percent(self.satisfied, self.respondents),
            respondents: self.respondents,
        })
    }
}

/// `part` of `whole` in whole percent, rounded half up (0 of nothing is 0).
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (part.clamp(0, whole) * 200 + whole) / (whole * 2)
}

/// The Qualiopi indicators the evidence export maps its pieces to: (number, short label key).
/// Labels are Fluent keys, so the export reads in the staff's language.
pub const INDICATORS: &[(u8, &str)] = &[
    (2, "evidence-indicator-2"),
    (11, "evidence-indicator-11"),
    (30, "evidence-indicator-30"),
    (31, "evidence-indicator-31"),
    (32, "evidence-indicator-32"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_published_under_five_respondents() {
        let r = Results {
            participants: 12,
            completed: 10,
            respondents: 4,
            satisfied: 4,
        };
        assert_eq!(r.published(), None);
        let r = Results {
            respondents: 5,
            satisfied: 4,
            ..r
        };
        assert_eq!(
            r.published(),
            Some(Published {
                completion: 83,
                satisfaction: 80,
                respondents: 5
            })
        );
    }

    #[test]
    fn completion_is_three_quarters_of_the_sessions_and_satisfaction_seven_of_ten() {
        // 74 % is not enough, 75 % is.
        assert!(!completed(74, 100));
        assert!(completed(75, 100));
        assert!(completed(3, 4));
        assert!(!completed(5, 8), "62.5 %");
        assert!(completed(6, 8), "75 % exactly");
        assert!(!completed(2, 3), "66.7 %");
        assert!(completed(12, 12));
        assert!(!completed(0, 0), "no session held");
        // 6 out of 10 is not satisfied, 7 is.
        assert!(!satisfied(6));
        assert!(satisfied(7));
        assert!(satisfied(10));
        assert!(!satisfied(0));
    }

    #[test]
    fn percentages_round_half_up_and_never_divide_by_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 4), 100);
    }
}
