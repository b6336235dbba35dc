//! The network team's dashboard: the centres side by side (people, projects, new contacts,
//! pioneers and registrations of the last 30 days) and their « À faire » (the newest contacts,
//! the coming events). Background jobs are counted on the operations page, `/admin/jobs`.
use super::staff;
use super::todo::{TodoGroup, push};
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use store::centres::CentreSummary;

/// One centre's figures, side by side with the others.
pub struct CentreFigures {
    pub slug: String,
    pub name: String,
    /// (figure, label) pairs, already formatted.
    pub figures: Vec<(String, String)>,
}

pub struct Network {
    pub centres: Vec<CentreFigures>,
    pub stats: Vec<(String, String)>,
}

pub async fn overview(
    state: &AppState,
    i: I18n,
    centres: &[CentreSummary],
    groups: &mut Vec<TodoGroup>,
) -> WebResult<Network> {
    let ids: Vec<i64> = centres.iter().map(|c| c.id).collect();
    let rows = store::dashboard::staff_todo(&state.db, &ids, store::now()).await?;
    let count = |kind: &str, centre: i64| -> i64 {
        rows.iter()
            .filter(|r| r.kind == kind && r.project_id == centre)
            .map(|r| r.n)
            .sum()
    };
    let figures = centres
        .iter()
        .map(|c| CentreFigures {
            slug: c.slug.clone(),
            name: c.name.clone(),
            figures: vec![
                (i.number(c.members), i.t("stat-members")),
                (i.number(c.projects), i.t("stat-projects")),
                (i.number(count("leads", c.id)), i.t("stat-new-contacts")),
                (i.number(count("pioneers", c.id)), i.t("stat-pioneers-30")),
                (
                    i.number(count("registrations", c.id)),
                    i.t("stat-registrations-30"),
                ),
            ],
        })
        .collect();
    let total = |kind: &str| -> i64 { rows.iter().filter(|r| r.kind == kind).map(|r| r.n).sum() };
    let stats = vec![
        (i.number(centres.len() as i64), i.t("stat-centres")),
        (
            i.number(centres.iter().map(|c| c.members).sum()),
            i.t("stat-members"),
        ),
        (
            i.number(centres.iter().map(|c| c.projects).sum()),
            i.t("stat-projects"),
        ),
        (i.number(total("pioneers")), i.t("stat-pioneers-30")),
        (
            i.number(total("registrations")),
            i.t("stat-registrations-30"),
        ),
    ];
    push(
        groups,
        "todo-leads",
        i.t("todo-contacts"),
        staff::leads(i, &rows),
    );
    push(
        groups,
        "todo-events",
        i.t("todo-events"),
        staff::events(i, &rows),
    );
    Ok(Network {
        centres: figures,
        stats,
    })
}
