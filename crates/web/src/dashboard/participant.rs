//! A project holder's « À faire »: the next coaching session, their open tasks (late ones
//! first), the canvas blocks still empty and what their latest diagnostic says to work on, or an
//! invitation to take one if they never did.
use super::todo::{TodoGroup, TodoItem, push};
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use domain::tracking;
use store::dashboard::TodoRow;
use time::Date;

/// How many tasks the list shows (the project page has them all).
const TASKS: usize = 6;
/// How many empty blocks are named per canvas.
const BLOCKS_NAMED: usize = 3;
/// How many of the weakest dimensions of a diagnostic are shown as priorities.
const PRIORITIES: usize = 2;

/// The to-do groups and the onboarding checklist (from the same statement).
pub async fn todo(
    state: &AppState,
    i: I18n,
    user_id: i64,
    today: Date,
) -> WebResult<(Vec<TodoGroup>, Option<crate::onboarding::Checklist>)> {
    let rows =
        store::dashboard::participant_todo(&state.db, user_id, &tracking::iso(today)).await?;
    let mut groups = Vec::new();
    push(
        &mut groups,
        "todo-session",
        i.t("todo-next-session"),
        next_session(i, of(&rows, "session")),
    );
    push(
        &mut groups,
        "todo-tasks",
        i.t("dashboard-my-tasks"),
        tasks(i, of(&rows, "task"), today),
    );
    push(
        &mut groups,
        "todo-canvas",
        i.t("todo-canvas"),
        empty_blocks(i, of(&rows, "block")),
    );
    let diagnostic = diagnostic(state, i, &rows).await?;
    push(
        &mut groups,
        "todo-diagnostic",
        i.t("todo-diagnostic"),
        diagnostic,
    );
    Ok((groups, crate::onboarding::checklist(i, &rows)))
}

/// The rows of one kind.
fn of<'a>(rows: &'a [TodoRow], kind: &'a str) -> impl Iterator<Item = &'a TodoRow> {
    rows.iter().filter(move |r| r.kind == kind)
}

fn next_session<'a>(i: I18n, rows: impl Iterator<Item = &'a TodoRow>) -> Vec<TodoItem> {
    let next = rows.min_by(|a, b| a.extra.cmp(&b.extra).then(a.ref_id.cmp(&b.ref_id)));
    next.map(|s| {
        TodoItem::new(
            format!("/projects/{}#session-{}", s.project_id, s.ref_id),
            i.ta(
                "todo-session-on",
                &[("date", &crate::tracking::day(i, &s.extra))],
            ),
            s.project.clone(),
        )
    })
    .into_iter()
    .collect()
}

fn tasks<'a>(i: I18n, rows: impl Iterator<Item = &'a TodoRow>, today: Date) -> Vec<TodoItem> {
    let mut tasks: Vec<(bool, &TodoRow)> = rows
        .map(|t| {
            let due = tracking::parse_date(&t.extra).ok();
            let late = tracking::is_overdue(due, tracking::TaskStatus::Todo, today);
            (late, t)
        })
        .collect();
    // Late first, then by due day (undated last), then as created.
    tasks.sort_by(|(la, a), (lb, b)| {
        lb.cmp(la)
            .then((a.extra.is_empty()).cmp(&b.extra.is_empty()))
            .then(a.extra.cmp(&b.extra))
            .then(a.ref_id.cmp(&b.ref_id))
    });
    tasks
        .into_iter()
        .take(TASKS)
        .map(|(late, t)| {
            let mut meta = t.project.clone();
            if !t.extra.is_empty() {
                meta.push_str(" · ");
                meta.push_str(&i.ta(
                    "tracking-due-on",
                    &[("date", &crate::tracking::day(i, &t.extra))],
                ));
            }
            let item = TodoItem::new(
                format!("/projects/{}#task-{}", t.project_id, t.ref_id),
                t.label.clone(),
                meta,
            );
            if late {
                item.badge("badge-danger", i.t("tracking-overdue"))
            } else if t.n == 1 {
                item.badge("badge-neutral", i.t("task-kind-milestone"))
            } else {
                item
            }
        })
        .collect()
}

/// One line per canvas that still has empty blocks, naming the first ones in the template's
/// order and linking to the first.
fn empty_blocks<'a>(i: I18n, rows: impl Iterator<Item = &'a TodoRow>) -> Vec<TodoItem> {
    let template = domain::canvas::template();
    let mut canvases: Vec<(&TodoRow, Vec<&str>)> = Vec::new();
    for row in rows {
        let at = match canvases.iter().position(|(c, _)| c.ref_id == row.ref_id) {
            Some(at) => at,
            None => {
                canvases.push((row, Vec::new()));
                canvases.len() - 1
            }
        };
        if row.n > 0 && !row.label.is_empty() {
            canvases[at].1.push(&row.label);
        }
    }
    let mut out = Vec::new();
    for (canvas, filled) in canvases {
        let empty: Vec<&domain::canvas::BlockDef> = template
            .blocks
            .iter()
            .filter(|b| !filled.contains(&b.key.as_str()))
            .collect();
        let Some(first) = empty.first() else {
            continue;
        };
        let names: Vec<&str> = empty
            .iter()
            .take(BLOCKS_NAMED)
            .map(|b| b.text(i.locale).title.as_str())
            .collect();
        let mut meta = names.join(" · ");
        if empty.len() > BLOCKS_NAMED {
            meta.push_str(" …");
        }
        out.push(
            TodoItem::new(
                format!("/canvases/{}#block-{}", canvas.ref_id, first.key),
                i.ta(
                    "todo-canvas-empty",
                    &[("project", &canvas.project), ("canvas", &canvas.extra)],
                ),
                meta,
            )
            .badge(
                "badge-neutral",
                i.tn("todo-canvas-empty-count", empty.len() as i64),
            ),
        );
    }
    out
}

/// The priorities of the latest submitted diagnostic, a diagnostic left half way, or an
/// invitation to take one for someone who never did.
async fn diagnostic(state: &AppState, i: I18n, rows: &[TodoRow]) -> WebResult<Vec<TodoItem>> {
    let attempts: Vec<&TodoRow> = rows.iter().filter(|r| r.kind == "attempt").collect();
    let latest = attempts
        .iter()
        .filter(|a| a.m > 0)
        .max_by_key(|a| (a.m, a.ref_id));
    let mut out = Vec::new();
    // Begun after the latest submission (or with none) and not sent: finish it.
    if let Some(open) = attempts
        .iter()
        .filter(|a| a.m == 0 && latest.is_none_or(|l| a.ref_id > l.ref_id))
        .max_by_key(|a| a.ref_id)
        && let Ok(def) = crate::diagnostics::definition(state, &open.label, open.n).await
    {
        out.push(TodoItem::new(
            format!("/diagnostics/{}", open.label),
            i.t("todo-diagnostic-finish"),
            def.title.get(i.locale).to_string(),
        ));
    }
    let Some(latest) = latest else {
        if out.is_empty() {
            out.push(TodoItem::new(
                "/diagnostics".to_string(),
                i.t("todo-diagnostic-take"),
                i.t("dashboard-diagnostics-text"),
            ));
        }
        return Ok(out);
    };
    let Ok(def) = crate::diagnostics::definition(state, &latest.label, latest.n).await else {
        return Ok(out);
    };
    let mut scores: Vec<&TodoRow> = rows
        .iter()
        .filter(|r| r.kind == "score" && r.ref_id == latest.ref_id)
        .collect();
    scores.sort_by(|a, b| a.n.cmp(&b.n).then(a.label.cmp(&b.label)));
    let results = format!("/diagnostics/attempts/{}/results", latest.ref_id);
    let weakest = scores
        .into_iter()
        .filter_map(|s| Some((s, def.dimensions.iter().find(|d| d.key == s.label)?)))
        .take(PRIORITIES);
    for (score, dimension) in weakest {
        out.push(
            TodoItem::new(
                results.clone(),
                i.ta(
                    "todo-diagnostic-priority",
                    &[("dimension", dimension.name.get(i.locale))],
                ),
                i.ta(
                    "todo-diagnostic-taken",
                    &[
                        ("title", def.title.get(i.locale)),
                        ("date", &i.date(latest.m)),
                    ],
                ),
            )
            .badge(
                "badge-neutral",
                i.ta("todo-diagnostic-score", &[("score", &score.n.to_string())]),
            ),
        );
    }
    Ok(out)
}
