//! Layout plans (issue 20): a centre's plan drawn to scale (`editor`: the building, then rooms,
//! walls, doors, zones and items from the inventory, moved and resized by forms, by the pointer
//! and by the keyboard through `plan-editor.js`), its named versions (`versions`), its exports as
//! SVG and as a PDF at 1:50 or 1:100 (`export`), and the read-only view the network team shows
//! a future licensee (`view`). The plan is `domain::plan` data; the SVG is drawn server-side.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::plan::Plan;
use domain::{Action, Scope};
use store::centres::CentreSummary;

mod editor;
mod export;
mod versions;
mod view;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{slug}/plan",
            get(editor::page).post(editor::building),
        )
        .route("/centres/{slug}/plan/shapes", post(editor::add))
        .route("/centres/{slug}/plan/shapes/{id}", post(editor::update))
        .route(
            "/centres/{slug}/plan/shapes/{id}/delete",
            post(editor::delete),
        )
        .route("/centres/{slug}/plan/versions", post(versions::save))
        .route("/centres/{slug}/plan/versions/{id}", get(versions::show))
        .route("/centres/{slug}/plan.svg", get(export::svg))
        .route("/centres/{slug}/plan.pdf", get(export::pdf))
        .route("/centres/{slug}/plan/view", get(view::show))
        .route("/admin/plans", get(view::network))
}

/// The centre, for someone who draws its plan (its managers, the network team).
async fn keeper(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManagePlan, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// The centre, for someone who may see its plan (read-only: also the centre's coaches).
async fn viewer(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ViewPlan, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// A stored plan, read back (it was checked when saved; a plan that no longer reads is ours).
fn read(document: &str) -> WebResult<Plan> {
    Plan::from_json(document).map_err(|e| WebError::Internal(format!("stored plan: {e}")))
}

/// The plan's shapes as text, for those who do not see the drawing (and under the PDF).
pub fn describe(i: crate::i18n::I18n, plan: &Plan) -> Vec<String> {
    plan.shapes
        .iter()
        .map(|s| {
            let kind = i.t(s.kind.label_key());
            let size = i.ta(
                "plan-shape-size",
                &[
                    ("w", &metres(i, s.w)),
                    ("h", &metres(i, s.h)),
                    ("x", &metres(i, s.x)),
                    ("y", &metres(i, s.y)),
                ],
            );
            if s.label.is_empty() {
                format!("{kind} — {size}")
            } else {
                format!("{kind} « {} » — {size}", s.label)
            }
        })
        .collect()
}

/// Centimetres shown as metres (« 4,25 m »).
pub fn metres(i: crate::i18n::I18n, cm: i64) -> String {
    let sign = if cm < 0 { "-" } else { "" };
    let cm = cm.abs();
    let sep = if i.code() == "fr" { "," } else { "." };
    format!("{sign}{}{sep}{:02} m", cm / 100, cm % 100)
}
