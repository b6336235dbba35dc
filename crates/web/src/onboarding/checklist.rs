//! The onboarding checklist of a project holder's dashboard: the steps of their sequence
//! (those their centre keeps on, in its order), each ticked from what they really did (a
//! project, a diagnostic sent, a canvas written in, a course begun, a coaching session), never
//! from the e-mail sent, each linking to where it is done. It reads the dashboard's own
//! statement (`store::dashboard::participant_todo`'s `checklist` rows), and can be dismissed.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::onboarding::{Step, StepSetting};
use store::dashboard::TodoRow;

pub struct ChecklistItem {
    pub code: &'static str,
    pub title: String,
    pub href: &'static str,
    pub done: bool,
}

pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    /// « 2 étapes sur 5 ».
    pub progress: String,
}

/// Where a step of the checklist is done.
fn href(step: Step) -> &'static str {
    match step {
        Step::Welcome => "/projects/new",
        other => other.path(),
    }
}

/// The checklist from the dashboard's rows; none once dismissed, all done, or without rows.
pub fn checklist(i: I18n, rows: &[TodoRow]) -> Option<Checklist> {
    let ticks: Vec<&TodoRow> = rows.iter().filter(|r| r.kind == "checklist").collect();
    if ticks.is_empty() || ticks.iter().any(|r| r.m > 0) {
        return None;
    }
    let settings: Vec<StepSetting> = rows
        .iter()
        .filter(|r| r.kind == "checklist-setting")
        .filter_map(|r| {
            let step = Step::parse(&r.label)?;
            Some(StepSetting {
                step,
                delay_hours: step.default_delay_hours(),
                enabled: r.n != 0,
                position: r.m,
            })
        })
        .collect();
    let items: Vec<ChecklistItem> = domain::onboarding::sequence(&settings)
        .into_iter()
        .filter(|s| s.enabled)
        .map(|s| ChecklistItem {
            code: s.step.code(),
            title: i.t(&format!("onboarding-check-{}", s.step.code())),
            href: href(s.step),
            done: ticks.iter().any(|r| r.label == s.step.code() && r.n != 0),
        })
        .collect();
    let done = items.iter().filter(|c| c.done).count();
    if items.is_empty() || done == items.len() {
        return None;
    }
    Some(Checklist {
        progress: i.ta(
            "onboarding-check-progress",
            &[
                ("done", &i.number(done as i64)),
                ("total", &i.number(items.len() as i64)),
            ],
        ),
        items,
    })
}

/// « Masquer »: the list stays hidden for good.
pub async fn dismiss(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    store::onboarding::dismiss_checklist(&state.db, user.id, store::now()).await?;
    Ok(redirect_with_flash(
        "/dashboard",
        "flash-onboarding-checklist-hidden",
        &state,
    ))
}
