//! Progress through a course: which lessons are done, the share done, the lesson to continue
//! with, and whether the course is complete (every lesson done; a quiz counts once passed).
/// One lesson of a course in order, with what the learner did of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub lesson_id: i64,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub percent: u8,
    /// The first lesson not done, in course order (none when complete).
    pub next: Option<i64>,
}

impl Progress {
    pub fn of(steps: &[Step]) -> Progress {
        let total = steps.len();
        let done = steps.iter().filter(|s| s.done).count();
        Progress {
            done,
            total,
            percent: (done * 100).checked_div(total).unwrap_or(0) as u8,
            next: steps.iter().find(|s| !s.done).map(|s| s.lesson_id),
        }
    }

    pub fn complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

/// Seconds a page may count towards the time spent on a lesson in one visit (a tab left open
/// all night is not study time).
pub const MAX_VISIT_SECONDS: i64 = 2 * 3600;

/// The seconds of a visit, reported by the page, kept within reason.
pub fn visit_seconds(reported: i64) -> i64 {
    reported.clamp(0, MAX_VISIT_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_next_and_completion() {
        let steps = [
            Step {
                lesson_id: 1,
                done: true,
            },
            Step {
                lesson_id: 2,
                done: false,
            },
            Step {
                lesson_id: 3,
                done: true,
            },
        ];
        let p = Progress::of(&steps);
        assert_eq!((p.done, p.total, p.percent, p.next), (2, 3, 66, Some(2)));
        assert!(!p.complete());
        let all: Vec<Step> = steps
            .iter()
            .map(|s| Step {
                done: true,
                ..s.clone()
            })
            .collect();
        assert!(Progress::of(&all).complete());
        assert!(!Progress::of(&[]).complete());
        assert_eq!(visit_seconds(-5), 0);
        assert_eq!(visit_seconds(99_999), MAX_VISIT_SECONDS);
    }
}
