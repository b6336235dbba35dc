//! Whose forecast a page works on: a project's (`/projects/{id}/forecast/…`) or a centre's own
//! budget (`/centres/{slug}/forecast/…`). Every page of the editor, actuals, comparison,
//! versions, scenarios, narrative and exports serves both from the same handler: the route's
//! parameters name the owner, and `reach` checks who may read it and who may change it.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use domain::{Action, Scope};
use serde::Deserialize;
use store::forecasts::Of;

/// The route's parameters: `id` for a project, `slug` for a centre, and the page's own.
#[derive(Debug, Deserialize)]
pub struct Key {
    id: Option<i64>,
    slug: Option<String>,
    /// The editor's step.
    pub step: Option<String>,
    /// A version to restore.
    pub version: Option<i64>,
}

impl Key {
    /// Where the forecast's pages are, from the address alone.
    pub fn base(&self) -> Option<String> {
        match (self.id, self.slug.as_deref()) {
            (Some(id), _) => Some(format!("/projects/{id}/forecast")),
            (None, Some(slug)) => Some(format!("/centres/{slug}/forecast")),
            (None, None) => None,
        }
    }
}

/// The owner as the pages need it.
pub struct Owner {
    pub of: Of,
    /// The project's or the centre's name, for the breadcrumb.
    pub name: String,
    /// Where the forecast's pages are (`{home}/forecast`).
    pub base: String,
    pub can_edit: bool,
    /// The project, for what only a project has (its canvas).
    pub project_id: Option<i64>,
    /// The exported files' name before its extension (`previsionnel-12`, `budget-lyon`).
    pub file_stem: String,
}

/// As `reach`, with the forecast itself (404 when it has none yet).
pub async fn reach_row(
    state: &AppState,
    ctx: &Ctx,
    key: &Key,
) -> WebResult<(Owner, store::forecasts::ForecastRow)> {
    let owner = reach(state, ctx, key).await?;
    let row = store::forecasts::of(&state.db, owner.of)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((owner, row))
}

/// The owner of the forecast named by the route, for someone who may read it: a project seen by
/// the user (404 otherwise), a centre whose budget they keep (403; 404 for no such centre).
pub async fn reach(state: &AppState, ctx: &Ctx, key: &Key) -> WebResult<Owner> {
    match (key.id, key.slug.as_deref()) {
        (Some(id), _) => {
            let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
            Ok(Owner {
                of: Of::Project(id),
                name: project.name,
                base: format!("/projects/{id}/forecast"),
                can_edit: ctx.actor.can(Action::EditProject, scope),
                project_id: Some(id),
                file_stem: format!("previsionnel-{id}"),
            })
        }
        (None, Some(slug)) => {
            let centre = keeper(state, ctx, slug).await?;
            let file_stem = format!("budget-{}", centre.slug);
            Ok(Owner {
                of: Of::Centre(centre.id),
                name: centre.name,
                base: format!("/centres/{}/forecast", centre.slug),
                can_edit: true,
                project_id: None,
                file_stem,
            })
        }
        (None, None) => Err(WebError::NotFound),
    }
}

/// As `reach`, for someone who may change the forecast (403 for a reader).
pub async fn editable(state: &AppState, ctx: &Ctx, key: &Key) -> WebResult<Owner> {
    let owner = reach(state, ctx, key).await?;
    if owner.can_edit {
        Ok(owner)
    } else {
        Err(WebError::Forbidden)
    }
}

/// As `editable`, with the forecast itself (404 when it has none yet).
pub async fn editable_row(
    state: &AppState,
    ctx: &Ctx,
    key: &Key,
) -> WebResult<(Owner, store::forecasts::ForecastRow)> {
    let (owner, row) = reach_row(state, ctx, key).await?;
    if owner.can_edit {
        Ok((owner, row))
    } else {
        Err(WebError::Forbidden)
    }
}

/// The centre, for someone who keeps its budget: its managers and the network team (403
/// otherwise, 404 for no such centre).
pub async fn keeper(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> WebResult<store::centres::CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageCentreForecast, Scope::Centre(centre.id))?;
    Ok(centre)
}
