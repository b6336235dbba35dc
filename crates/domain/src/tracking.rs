//! Project tracking: tasks and milestones, coaching sessions, per-item roadmap details, and the
//! alerts shown on dashboards (no activity for 14 days, something overdue).
use crate::roadmap::{Roadmap, period_end};
use time::Date;
use time::macros::format_description;

/// A project with nothing new for this many days raises an alert.
pub const INACTIVE_DAYS: i64 = 14;
/// Longest note, decision or next-step text accepted.
pub const MAX_NOTES: usize = 10_000;
pub const MAX_TITLE: usize = 200;
pub const MAX_NEXT_STEPS: usize = 20;

/// The roadmap participants start their own from ("Lancer mon projet local").
pub const LAUNCH_TEMPLATE: &str = include_str!("../data/lancer-mon-projet-local.md");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    Task,
    Milestone,
}

impl TaskKind {
    pub fn code(self) -> &'static str {
        match self {
            TaskKind::Task => "task",
            TaskKind::Milestone => "milestone",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "task" => Some(TaskKind::Task),
            "milestone" => Some(TaskKind::Milestone),
            _ => None,
        }
    }
    pub fn label_key(self) -> &'static str {
        match self {
            TaskKind::Task => "task-kind-task",
            TaskKind::Milestone => "task-kind-milestone",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    Todo,
    Doing,
    Done,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 3] = [TaskStatus::Todo, TaskStatus::Doing, TaskStatus::Done];
    pub fn code(self) -> &'static str {
        match self {
            TaskStatus::Todo => "todo",
            TaskStatus::Doing => "doing",
            TaskStatus::Done => "done",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
    pub fn label_key(self) -> &'static str {
        match self {
            TaskStatus::Todo => "task-status-todo",
            TaskStatus::Doing => "task-status-doing",
            TaskStatus::Done => "task-status-done",
        }
    }
}

/// Why a tracking form was refused; each maps to one catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackingError {
    Required,
    TooLong,
    BadDate,
    TooManySteps,
    BadLink,
}

impl TrackingError {
    pub fn message_key(self) -> &'static str {
        match self {
            TrackingError::Required => "tracking-error-required",
            TrackingError::TooLong => "tracking-error-too-long",
            TrackingError::BadDate => "tracking-error-date",
            TrackingError::TooManySteps => "tracking-error-steps",
            TrackingError::BadLink => "tracking-error-link",
        }
    }
}

/// `2026-11-24` → a date (years 2000 to 2100, the span a project plan can sensibly use).
pub fn parse_date(text: &str) -> Result<Date, TrackingError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TrackingError::Required);
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or(TrackingError::BadDate)
}

/// An optional date: empty is `None`.
pub fn parse_optional_date(text: &str) -> Result<Option<Date>, TrackingError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(text).map(Some)
    }
}

pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A bounded text; `required` refuses an empty one.
pub fn check_text(text: &str, max: usize, required: bool) -> Result<String, TrackingError> {
    let t = text.trim();
    if required && t.is_empty() {
        Err(TrackingError::Required)
    } else if t.chars().count() > max {
        Err(TrackingError::TooLong)
    } else {
        Ok(t.to_string())
    }
}

/// The next steps of a session, one per non-empty line.
pub fn next_steps(text: &str) -> Result<Vec<String>, TrackingError> {
    let steps: Vec<String> = text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if steps.len() > MAX_NEXT_STEPS {
        return Err(TrackingError::TooManySteps);
    }
    if steps.iter().any(|s| s.chars().count() > MAX_TITLE) {
        return Err(TrackingError::TooLong);
    }
    Ok(steps)
}

/// A link to what carries an item out or to its evidence: a path of this site (`/canvases/3`)
/// or an `https://` address. Empty is fine (no link).
pub fn check_link(text: &str) -> Result<String, TrackingError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let ok_chars = t.chars().all(|c| !c.is_whitespace() && !c.is_control())
        && !t.contains(['"', '<', '>', '\\']);
    let internal = t.starts_with('/') && !t.starts_with("//");
    let external = t
        .strip_prefix("https://")
        .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')));
    if ok_chars && (internal || external) && t.len() <= 500 {
        Ok(t.to_string())
    } else {
        Err(TrackingError::BadLink)
    }
}

/// Whether a task is late on `today`.
pub fn is_overdue(due: Option<Date>, status: TaskStatus, today: Date) -> bool {
    status != TaskStatus::Done && due.is_some_and(|d| d < today)
}

/// Something on a dashboard that needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// No activity for this many days (at least [`INACTIVE_DAYS`]).
    Inactive {
        days: i64,
    },
    OverdueTasks {
        count: i64,
    },
    OverdueMilestones {
        count: i64,
    },
    /// Roadmap items past their due date or left unchecked in a period already over.
    OverdueRoadmapItems {
        count: usize,
    },
}

impl Alert {
    pub fn message_key(&self) -> &'static str {
        match self {
            Alert::Inactive { .. } => "alert-inactive",
            Alert::OverdueTasks { .. } => "alert-overdue-tasks",
            Alert::OverdueMilestones { .. } => "alert-overdue-milestones",
            Alert::OverdueRoadmapItems { .. } => "alert-overdue-roadmap",
        }
    }
    pub fn count(&self) -> i64 {
        match self {
            Alert::Inactive { days } => *days,
            Alert::OverdueTasks { count } | Alert::OverdueMilestones { count } => *count,
            Alert::OverdueRoadmapItems { count } => *count as i64,
        }
    }
}

/// The alerts of one project: `last_activity` and `now` are Unix seconds.
pub fn alerts(
    last_activity: i64,
    now: i64,
    overdue_tasks: i64,
    overdue_milestones: i64,
    overdue_roadmap_items: usize,
) -> Vec<Alert> {
    let mut out = Vec::new();
    let days = (now - last_activity).div_euclid(86_400);
    if days >= INACTIVE_DAYS {
        out.push(Alert::Inactive { days });
    }
    if overdue_milestones > 0 {
        out.push(Alert::OverdueMilestones {
            count: overdue_milestones,
        });
    }
    if overdue_tasks > 0 {
        out.push(Alert::OverdueTasks {
            count: overdue_tasks,
        });
    }
    if overdue_roadmap_items > 0 {
        out.push(Alert::OverdueRoadmapItems {
            count: overdue_roadmap_items,
        });
    }
    out
}

/// Where an item sits in its roadmap: (phase, period, item), from 0.
pub type ItemKey = (usize, usize, usize);

/// The roadmap items late on `today`: unchecked with a due date before today (`due` gives the
/// per-item due dates), or unchecked in a period whose last day (from the start date) is past.
pub fn overdue_items(
    roadmap: &Roadmap,
    start: Option<Date>,
    due: &[(ItemKey, Date)],
    today: Date,
) -> Vec<ItemKey> {
    let mut out = Vec::new();
    for (pi, phase) in roadmap.phases.iter().enumerate() {
        for (qi, period) in phase.periods.iter().enumerate() {
            let period_over = match (start, period.months()) {
                (Some(s), Some(m)) => period_end(s, m.last).is_some_and(|end| end < today),
                _ => false,
            };
            for (ii, item) in period.items.iter().enumerate() {
                if item.done {
                    continue;
                }
                let key = (pi, qi, ii);
                let item_due = due.iter().find(|(k, _)| *k == key).map(|(_, d)| *d);
                let late = match item_due {
                    Some(d) => d < today,
                    None => period_over,
                };
                if late {
                    out.push(key);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_texts_links_and_steps() {
        assert_eq!(parse_date("2026-11-24"), Ok(date!(2026 - 11 - 24)));
        assert_eq!(parse_date(""), Err(TrackingError::Required));
        assert_eq!(parse_date("24/11/2026"), Err(TrackingError::BadDate));
        assert_eq!(parse_date("1890-01-01"), Err(TrackingError::BadDate));
        assert_eq!(parse_optional_date(" "), Ok(None));
        assert_eq!(iso(date!(2027 - 03 - 01)), "2027-03-01");
        assert_eq!(check_text("  ", 10, true), Err(TrackingError::Required));
        assert_eq!(check_text("abcdef", 3, false), Err(TrackingError::TooLong));
        assert_eq!(check_link("/canvases/3"), Ok("/canvases/3".into()));
        assert_eq!(
            check_link("https://exemple.fr/preuve.pdf"),
            Ok("https://exemple.fr/preuve.pdf".into())
        );
        for bad in [
            "//evil.example",
            "javascript:alert(1)",
            "http://x.fr",
            "https://nohost",
            "/a b",
            "/a\"b",
        ] {
            assert_eq!(check_link(bad), Err(TrackingError::BadLink), "{bad}");
        }
        assert_eq!(
            next_steps("- Appeler la mairie\n\n* Chiffrer le local \n"),
            Ok(vec![
                "Appeler la mairie".to_string(),
                "Chiffrer le local".to_string()
            ])
        );
        assert_eq!(
            next_steps(&"x\n".repeat(21)),
            Err(TrackingError::TooManySteps)
        );
    }

    #[test]
    fn alerts_after_two_weeks_and_when_late() {
        let day = 86_400;
        assert!(alerts(0, 13 * day, 0, 0, 0).is_empty());
        assert_eq!(
            alerts(0, 14 * day, 0, 0, 0),
            vec![Alert::Inactive { days: 14 }]
        );
        assert_eq!(
            alerts(10 * day, 11 * day, 2, 1, 3),
            vec![
                Alert::OverdueMilestones { count: 1 },
                Alert::OverdueTasks { count: 2 },
                Alert::OverdueRoadmapItems { count: 3 }
            ]
        );
        let today = date!(2026 - 11 - 24);
        assert!(is_overdue(
            Some(date!(2026 - 11 - 23)),
            TaskStatus::Todo,
            today
        ));
        assert!(!is_overdue(
            Some(date!(2026 - 11 - 23)),
            TaskStatus::Done,
            today
        ));
        assert!(!is_overdue(Some(today), TaskStatus::Doing, today));
        assert!(!is_overdue(None, TaskStatus::Todo, today));
    }

    #[test]
    fn overdue_roadmap_items_by_period_and_due_date() {
        let roadmap = Roadmap::parse(
            "# R\n## Phase 1 (Mois 1-2)\n### Mois 1: A\n- [x] fait\n- [ ] pas fait\n### Mois 2: B\n- [ ] plus tard\n- [ ] avec échéance\n",
        )
        .unwrap();
        let start = date!(2026 - 10 - 01);
        // On 15 November month 1 (October) is over, month 2 is not.
        let today = date!(2026 - 11 - 15);
        assert_eq!(
            overdue_items(&roadmap, Some(start), &[], today),
            vec![(0, 0, 1)]
        );
        // A due date overrides the period's end, both ways.
        let due = [
            ((0, 1, 1), date!(2026 - 11 - 10)),
            ((0, 0, 1), date!(2026 - 12 - 01)),
        ];
        assert_eq!(
            overdue_items(&roadmap, Some(start), &due, today),
            vec![(0, 1, 1)]
        );
        assert!(overdue_items(&roadmap, None, &[], today).is_empty());
        // A period spanning months is late once its last month is over, not before.
        let spanning = Roadmap::parse(
            "# R\n## Phase 1\n### Mois 1-2: Tester\n- [ ] enquête\n### Mois 3 – 4 : Lancer\n- [ ] ouvrir\n",
        )
        .unwrap();
        let months = spanning.phases[0].periods[1].months().unwrap();
        assert_eq!((months.first, months.last), (3, 4));
        assert!(overdue_items(&spanning, Some(start), &[], date!(2026 - 11 - 30)).is_empty());
        assert_eq!(
            overdue_items(&spanning, Some(start), &[], date!(2026 - 12 - 01)),
            vec![(0, 0, 0)]
        );
        assert_eq!(
            spanning.current_period(start, date!(2027 - 01 - 15)),
            Some((0, 1))
        );
        assert_eq!(
            spanning.render(),
            "# R\n## Phase 1\n### Mois 1-2: Tester\n- [ ] enquête\n### Mois 3 – 4 : Lancer\n- [ ] ouvrir\n"
        );
        let template = Roadmap::parse(LAUNCH_TEMPLATE).unwrap();
        assert_eq!(
            template.render(),
            LAUNCH_TEMPLATE,
            "the template round-trips"
        );
        assert!(template.item_count() >= 20);
    }
}
