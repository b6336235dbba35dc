//! Reaching a project: the signed-in person's relation to it (member, follower, staff of its
//! centre) read with the project, turned into the policy's scope. A project the person may not
//! see is not found.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use domain::{Action, Scope};

/// The policy scope of a project for the signed-in user.
pub async fn project_scope(
    state: &AppState,
    ctx: &Ctx,
    project_id: i64,
) -> WebResult<(store::projects::ProjectForUser, Scope)> {
    let user = ctx.require_user()?;
    // On a page, the project and the reader's relation are kept a few seconds.
    let user_id = user.id;
    let project = crate::cache::kept(
        state,
        ctx,
        format!("project-for:{project_id}:{user_id}"),
        store::projects::find_for_user(&state.db, project_id, user_id),
    )
    .await?
    .as_ref()
    .clone()
    .ok_or(WebError::NotFound)?;
    let scope = visible_scope(ctx, &project)?;
    Ok((project, scope))
}

/// The scope of a project the user reached; another centre's project is not found rather than
/// forbidden: its existence is not ours to tell.
pub fn visible_scope(ctx: &Ctx, project: &store::projects::ProjectForUser) -> WebResult<Scope> {
    let scope = project.scope();
    if !ctx.actor.can(Action::ViewProject, scope) {
        return Err(WebError::NotFound);
    }
    Ok(scope)
}
