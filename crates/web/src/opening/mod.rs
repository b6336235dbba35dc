//! Opening a micro-centre (issue 20): the network team keeps a template of milestones (venue,
//! agreements, works, equipment, team, opening event: each a target offset in weeks from the
//! opening day and a checklist; `template`); a centre starts its own plan from it, dated from
//! its target opening day, ticks milestones and their checklists, and follows its progress here
//! and on its managers' dashboards (`plan`).
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub(crate) mod plan;
mod template;

pub use plan::progress_text;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{slug}/ouverture",
            get(plan::page).post(plan::start),
        )
        .route(
            "/centres/{slug}/ouverture/jalons/{id}",
            post(plan::tick_milestone),
        )
        .route(
            "/centres/{slug}/ouverture/points/{id}",
            post(plan::tick_check),
        )
        .route("/admin/ouverture", get(template::page).post(template::add))
        .route("/admin/ouverture/{id}", post(template::update))
        .route("/admin/ouverture/{id}/retirer", post(template::remove))
}

/// The pilot's opening plan, half done: opening in ten weeks, the first three milestones done,
/// the fourth begun.
pub async fn demo(db: &store::Db, centre_id: i64) -> crate::error::WebResult<()> {
    if store::opening::opens_on(db, centre_id).await?.is_some() {
        return Ok(());
    }
    let opens = crate::tracking::today() + time::Duration::weeks(10);
    let mut tx = db.begin().await?;
    let template = store::opening::template(&mut tx).await?;
    let milestones: Vec<store::opening::NewMilestone> = template
        .iter()
        .map(|m| store::opening::NewMilestone {
            name: &m.name,
            due_on: domain::tracking::iso(domain::opening::due_on(opens, m.offset_weeks)),
            checklist: domain::procedures::items(&m.checklist).unwrap_or_default(),
        })
        .collect();
    store::opening::start_in(
        &mut tx,
        centre_id,
        &domain::tracking::iso(opens),
        &milestones,
    )
    .await?;
    tx.commit().await?;
    let rows = store::opening::plan(db, centre_id).await?;
    let mut seen: Vec<i64> = Vec::new();
    for r in &rows {
        if !seen.contains(&r.id) {
            seen.push(r.id);
        }
        let place = seen.len();
        if place <= 3 {
            if let Some(c) = r.check_id {
                store::opening::set_check(db, centre_id, c, true).await?;
            }
        } else if place == 4
            && let Some(c) = r.check_id
            && rows
                .iter()
                .filter(|x| x.id == r.id)
                .position(|x| x.check_id == Some(c))
                == Some(0)
        {
            store::opening::set_check(db, centre_id, c, true).await?;
        }
    }
    for id in seen.iter().take(3) {
        store::opening::set_milestone(db, centre_id, *id, true).await?;
    }
    Ok(())
}
