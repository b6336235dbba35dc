//! When a lesson may be opened: a course of a path the learner follows may wait for the
//! course before it (its prerequisite) or for its release date (a cohort's calendar).
/// What stands between a learner and a course, as read for one path entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    /// Unix seconds before which the course is closed.
    pub release_at: Option<i64>,
    /// The title of the course to finish first, and whether it is finished.
    pub prerequisite: Option<(String, bool)>,
}

/// Why a course cannot be opened yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locked {
    /// Opens at this time (Unix seconds).
    NotYet(i64),
    /// Finish this course first.
    Prerequisite(String),
}

/// Checks every path entry of the course the learner follows; the first lock found wins
/// (release dates first: a date says when, a prerequisite says what to do).
pub fn gate(gates: &[Gate], now: i64) -> Result<(), Locked> {
    if let Some(at) = gates
        .iter()
        .filter_map(|g| g.release_at)
        .filter(|at| *at > now)
        .max()
    {
        return Err(Locked::NotYet(at));
    }
    for g in gates {
        if let Some((title, false)) = &g.prerequisite {
            return Err(Locked::Prerequisite(title.clone()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_dates_then_prerequisites() {
        assert_eq!(gate(&[], 10), Ok(()));
        let open = Gate {
            release_at: Some(5),
            prerequisite: Some(("Bases".into(), true)),
        };
        assert_eq!(gate(std::slice::from_ref(&open), 10), Ok(()));
        let later = Gate {
            release_at: Some(20),
            prerequisite: Some(("Bases".into(), false)),
        };
        assert_eq!(
            gate(&[open.clone(), later.clone()], 10),
            Err(Locked::NotYet(20))
        );
        assert_eq!(
            gate(&[open, later], 30),
            Err(Locked::Prerequisite("Bases".into()))
        );
    }
}
