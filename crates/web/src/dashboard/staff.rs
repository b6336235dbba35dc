//! What coaches and centre managers see: the projects they watch with their health, the
//! cohorts, the centres' roadmaps, and their « À faire » (a coach's coming sessions, comments
//! to answer and projects in difficulty; a manager's new leads, coming events and how full they
//! are, and how each running cohort is doing). Every read covers all their centres at once.
use super::todo::{TodoGroup, TodoItem, push};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::roadmaps::RoadmapCard;
use crate::state::AppState;
use crate::tracking::{WatchedProject, alert_text};
use domain::tracking;
use domain::{Action, Role, Scope};
use std::collections::HashMap;
use store::centres::CentreSummary;
use store::dashboard::{CohortRow, TodoRow, WatchedRow};
use store::roadmaps::RoadmapRow;
use time::Date;

/// How many new leads and events the list names.
const NEWEST: usize = 5;

/// The centres a person works in, as the policy sees them.
pub struct Reach {
    /// Centres they run (a network admin runs none from here: they have the network view).
    pub managed: Vec<i64>,
    /// Centres where they coach the projects they follow.
    pub coached: Vec<i64>,
    /// Centres whose roadmaps they may read.
    pub viewed: Vec<i64>,
}

impl Reach {
    pub fn of(ctx: &Ctx, centres: &[CentreSummary]) -> Reach {
        let ids = |keep: &dyn Fn(i64) -> bool| -> Vec<i64> {
            centres
                .iter()
                .map(|c| c.id)
                .filter(|id| keep(*id))
                .collect()
        };
        Reach {
            managed: ids(&|id| {
                ctx.actor.can(Action::ManageCentre, Scope::Centre(id))
                    && !ctx.actor.is_network_admin()
            }),
            coached: ids(&|id| ctx.actor.roles_in(id).any(|r| r == Role::Coach)),
            viewed: ids(&|id| ctx.actor.can(Action::ViewCentre, Scope::Centre(id))),
        }
    }

    fn watches(&self) -> Vec<i64> {
        let mut ids = self.managed.clone();
        ids.extend(self.coached.iter().filter(|c| !self.managed.contains(c)));
        ids
    }
}

/// The watched projects with their health, the cohorts to filter them by, and the roadmaps.
pub struct Watch {
    pub projects: Vec<WatchedProject>,
    pub cohorts: Vec<CohortRow>,
    pub roadmaps: Vec<RoadmapCard>,
}

pub async fn watch(
    state: &AppState,
    ctx: &Ctx,
    reach: &Reach,
    centres: &[CentreSummary],
    today: Date,
) -> WebResult<Watch> {
    let i = ctx.i;
    let user_id = ctx.actor.user_id.unwrap_or(0);
    let db = &state.db;
    let watches = reach.watches();
    let rows = store::dashboard::watched(
        db,
        user_id,
        &reach.managed,
        &reach.coached,
        &tracking::iso(today),
    )
    .await?;
    let roadmaps = store::dashboard::roadmaps(db, &reach.viewed, !rows.is_empty()).await?;
    let has_project_roadmaps = roadmaps
        .iter()
        .any(|r| r.project_id.is_some_and(|p| rows.iter().any(|w| w.id == p)));
    let details = if has_project_roadmaps {
        store::dashboard::roadmap_details(db, &watches).await?
    } else {
        Vec::new()
    };
    let cohorts = store::dashboard::cohorts(db, &watches).await?;
    let mut late: HashMap<i64, usize> = HashMap::new();
    for r in roadmaps.iter() {
        let Some(project) = r.project_id.filter(|p| rows.iter().any(|w| w.id == *p)) else {
            continue;
        };
        let Ok(doc) = r.roadmap() else { continue };
        let mine: Vec<store::tracking::ItemDetails> = details
            .iter()
            .filter(|d| d.roadmap_id == r.id)
            .cloned()
            .collect();
        *late.entry(project).or_default() +=
            crate::tracking::overdue_for(r, &doc, &mine, today).len();
    }
    let now = store::now();
    let name_of = |id: i64| {
        centres
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let mut cards: Vec<(usize, WatchedProject)> = rows
        .iter()
        .map(|p| {
            let alerts = tracking::alerts(
                p.last_activity(),
                now,
                p.overdue_tasks,
                p.overdue_milestones,
                late.get(&p.id).copied().unwrap_or(0),
            );
            (
                alerts.len(),
                card(i, p, &name_of(p.centre_id), &alerts, &cohorts),
            )
        })
        .collect();
    cards.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    Ok(Watch {
        projects: cards.into_iter().map(|(_, p)| p).collect(),
        roadmaps: roadmap_cards(i, &roadmaps, centres),
        cohorts,
    })
}

fn card(
    i: I18n,
    p: &WatchedRow,
    centre: &str,
    alerts: &[tracking::Alert],
    cohorts: &[CohortRow],
) -> WatchedProject {
    let stage = domain::project::Stage::try_from(p.stage.clone())
        .map(|s| i.t(s.label_key()))
        .unwrap_or_else(|_| p.stage.clone());
    WatchedProject {
        id: p.id,
        name: p.name.clone(),
        centre: centre.to_string(),
        stage,
        last_activity: i.ta(
            "tracking-last-activity",
            &[("date", &i.date(p.last_activity()))],
        ),
        alerts: alerts.iter().map(|a| alert_text(i, a)).collect(),
        cohorts: cohorts
            .iter()
            .filter(|c| c.project_id == Some(p.id))
            .map(|c| c.name.clone())
            .collect(),
    }
}

/// The centres' own roadmaps (not the projects'), with their progress.
fn roadmap_cards(i: I18n, rows: &[RoadmapRow], centres: &[CentreSummary]) -> Vec<RoadmapCard> {
    rows.iter()
        .filter(|r| r.project_id.is_none())
        .filter_map(|r| {
            let progress = r.roadmap().ok()?.progress().overall;
            Some(RoadmapCard {
                id: r.id,
                title: r.title.clone(),
                centre: centres
                    .iter()
                    .find(|c| c.id == r.centre_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                percent: progress.percent(),
                progress_label: i.ta(
                    "roadmap-progress",
                    &[
                        ("done", &progress.done.to_string()),
                        ("total", &progress.total.to_string()),
                    ],
                ),
            })
        })
        .collect()
}

/// The roadmap cards alone (the network team's dashboard).
pub async fn centre_roadmaps(
    state: &AppState,
    i: I18n,
    viewed: &[i64],
    centres: &[CentreSummary],
) -> WebResult<Vec<RoadmapCard>> {
    let rows = store::dashboard::roadmaps(&state.db, viewed, false).await?;
    Ok(roadmap_cards(i, &rows, centres))
}

/// A coach's « À faire »: coming sessions, comments to answer, projects in difficulty.
pub async fn coach_todo(
    state: &AppState,
    i: I18n,
    user_id: i64,
    reach: &Reach,
    watch: &Watch,
    today: Date,
    groups: &mut Vec<TodoGroup>,
) -> WebResult<()> {
    let rows =
        store::dashboard::coach_todo(&state.db, user_id, &reach.coached, &tracking::iso(today))
            .await?;
    let mut sessions: Vec<&TodoRow> = rows.iter().filter(|r| r.kind == "session").collect();
    sessions.sort_by(|a, b| a.extra.cmp(&b.extra).then(a.ref_id.cmp(&b.ref_id)));
    let sessions = sessions
        .into_iter()
        .take(NEWEST)
        .map(|s| {
            TodoItem::new(
                format!("/projects/{}#session-{}", s.project_id, s.ref_id),
                i.ta(
                    "todo-session-on",
                    &[("date", &crate::tracking::day(i, &s.extra))],
                ),
                s.project.clone(),
            )
        })
        .collect();
    push(groups, "todo-sessions", i.t("todo-sessions"), sessions);
    let comments = rows
        .iter()
        .filter(|r| r.kind == "comments")
        .map(|c| {
            TodoItem::new(
                format!("/canvases/{}", c.ref_id),
                i.tn("todo-comments-open", c.n),
                format!("{} · {}", c.project, c.label),
            )
        })
        .collect();
    push(groups, "todo-comments", i.t("todo-comments"), comments);
    let centres = state.centres().await?;
    push(
        groups,
        "todo-checklists-coach",
        i.t("todo-checklists"),
        checklists(i, &rows, &centres, today),
    );
    alerts_group(i, watch, groups);
    Ok(())
}

/// The watched projects that have alerts, each with what is wrong.
fn alerts_group(i: I18n, watch: &Watch, groups: &mut Vec<TodoGroup>) {
    let items = watch
        .projects
        .iter()
        .filter(|p| !p.alerts.is_empty())
        .take(NEWEST)
        .map(|p| {
            TodoItem::new(
                format!("/projects/{}", p.id),
                p.name.clone(),
                p.alerts.join(" · "),
            )
        })
        .collect();
    push(groups, "todo-alerts", i.t("todo-alerts"), items);
}

/// A manager's « À faire »: new leads, coming events and their fill, the running cohorts.
pub async fn manager_todo(
    state: &AppState,
    i: I18n,
    reach: &Reach,
    watch: &Watch,
    today: Date,
    groups: &mut Vec<TodoGroup>,
) -> WebResult<()> {
    let rows = store::dashboard::staff_todo(&state.db, &reach.managed, store::now()).await?;
    push(groups, "todo-leads", i.t("todo-leads"), leads(i, &rows));
    push(groups, "todo-events", i.t("todo-events"), events(i, &rows));
    push(
        groups,
        "todo-applications",
        i.t("todo-applications"),
        applications(i, &rows),
    );
    push(
        groups,
        "todo-follow-ups",
        i.t("todo-follow-ups"),
        crate::contacts::follow_ups(i, &rows),
    );
    push(
        groups,
        "todo-cohorts",
        i.t("todo-cohorts"),
        cohort_health(i, watch, today),
    );
    let centres = state.centres().await?;
    push(
        groups,
        "todo-checklists",
        i.t("todo-checklists"),
        checklists(i, &rows, &centres, today),
    );
    push(
        groups,
        "todo-opening",
        i.t("todo-opening"),
        opening(i, &rows, &centres, today),
    );
    Ok(())
}

/// The checklists of their role not done for the current period, the overdue ones first.
fn checklists(i: I18n, rows: &[TodoRow], centres: &[CentreSummary], today: Date) -> Vec<TodoItem> {
    use domain::procedures::{Recurrence, Status, status};
    let mut items: Vec<(bool, TodoItem)> = rows
        .iter()
        .filter(|r| r.kind == "checklist")
        .filter_map(|r| {
            let centre = centres.iter().find(|c| c.id == r.project_id)?;
            let recurrence = Recurrence::parse(&r.project)?;
            let created = tracking::parse_date(&format!(
                "{:04}-{:02}-{:02}",
                r.n / 10_000,
                r.n / 100 % 100,
                r.n % 100
            ))
            .unwrap_or(today);
            let last = tracking::parse_date(&r.extra).ok();
            let s = status(recurrence, created, last, today);
            if s == Status::Done {
                return None;
            }
            let item = TodoItem::new(
                format!("/centres/{}/checklists/{}", centre.slug, r.ref_id),
                r.label.clone(),
                format!("{} · {}", centre.name, i.t(recurrence.label_key())),
            )
            .badge(s.badge(), i.t(s.label_key()));
            Some((s == Status::Overdue, item))
        })
        .collect();
    items.sort_by_key(|(overdue, _)| !overdue);
    items.into_iter().map(|(_, item)| item).collect()
}

/// Each centre's opening plan: milestones and checklist items done, the next milestone's day.
fn opening(i: I18n, rows: &[TodoRow], centres: &[CentreSummary], today: Date) -> Vec<TodoItem> {
    rows.iter()
        .filter(|r| r.kind == "opening")
        .filter_map(|r| {
            let centre = centres.iter().find(|c| c.id == r.project_id)?;
            let (checks, checks_done) = rows
                .iter()
                .find(|c| c.kind == "opening-checks" && c.project_id == r.project_id)
                .map_or((0, 0), |c| (c.n, c.m));
            let p = domain::opening::Progress {
                milestones_done: r.m,
                milestones: r.n,
                checks_done,
                checks,
                late: 0,
            };
            let late = tracking::parse_date(&r.label).is_ok_and(|d| d < today);
            let item = TodoItem::new(
                format!("/centres/{}/ouverture", centre.slug),
                i.ta("todo-opening-item", &[("centre", &centre.name)]),
                crate::opening::progress_text(i, &p),
            );
            Some(if r.label.is_empty() {
                item.badge("badge-success", i.t("opening-done"))
            } else if late {
                item.badge("badge-danger", i.t("opening-late"))
            } else {
                item.badge(
                    "badge-neutral",
                    i.ta(
                        "todo-opening-next",
                        &[("date", &crate::tracking::day(i, &r.label))],
                    ),
                )
            })
        })
        .collect()
}

/// The new leads: how many, then the newest by name.
pub fn leads(i: I18n, rows: &[TodoRow]) -> Vec<TodoItem> {
    let total: i64 = rows.iter().filter(|r| r.kind == "leads").map(|r| r.n).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut out = vec![TodoItem::new(
        "/admin/leads?status=new".to_string(),
        i.tn("todo-leads-new", total),
        i.t("todo-leads-new-text"),
    )];
    out.extend(
        rows.iter()
            .filter(|r| r.kind == "lead")
            .take(NEWEST)
            .map(|l| {
                TodoItem::new(
                    format!("/admin/leads/{}", l.ref_id),
                    l.label.clone(),
                    format!(
                        "{} · {}",
                        i.t(&format!("lead-source-{}", l.extra)),
                        i.date(l.n)
                    ),
                )
            }),
    );
    out
}

/// The applications waiting for a first answer, the newest first.
pub fn applications(i: I18n, rows: &[TodoRow]) -> Vec<TodoItem> {
    rows.iter()
        .filter(|r| r.kind == "application")
        .map(|a| {
            TodoItem::new(
                format!("/applications/{}", a.ref_id),
                a.label.clone(),
                format!("{} · {}", a.extra, i.date(a.n)),
            )
            .badge("badge-accent", i.t("application-status-received"))
        })
        .collect()
}

/// The coming events with how many places are taken.
pub fn events(i: I18n, rows: &[TodoRow]) -> Vec<TodoItem> {
    rows.iter()
        .filter(|r| r.kind == "event")
        .map(|e| {
            let full = e.project_id > 0 && e.m >= e.project_id;
            TodoItem::new(
                format!("/admin/evenements/{}", e.ref_id),
                e.label.clone(),
                i.datetime(e.n),
            )
            .badge(
                if full {
                    "badge-success"
                } else {
                    "badge-neutral"
                },
                i.ta(
                    "todo-event-fill",
                    &[
                        ("taken", &i.number(e.m)),
                        ("capacity", &i.number(e.project_id)),
                    ],
                ),
            )
        })
        .collect()
}

/// Each cohort running today: its projects and how many of them have alerts.
fn cohort_health(i: I18n, watch: &Watch, today: Date) -> Vec<TodoItem> {
    let today = tracking::iso(today);
    let mut seen: Vec<i64> = Vec::new();
    let mut out = Vec::new();
    for c in watch.cohorts.iter() {
        if seen.contains(&c.id) || c.ends_on < today || c.starts_on > today {
            continue;
        }
        seen.push(c.id);
        let members: Vec<i64> = watch
            .cohorts
            .iter()
            .filter(|m| m.id == c.id)
            .filter_map(|m| m.project_id)
            .collect();
        let alerting = watch
            .projects
            .iter()
            .filter(|p| members.contains(&p.id) && !p.alerts.is_empty())
            .count();
        let item = TodoItem::new(
            format!("/cohorts/{}", c.id),
            c.name.clone(),
            i.tn("centre-projects-count", members.len() as i64),
        );
        out.push(if alerting > 0 {
            item.badge("badge-danger", i.tn("todo-cohort-alerts", alerting as i64))
        } else {
            item.badge("badge-success", i.t("todo-cohort-ok"))
        });
    }
    out
}
