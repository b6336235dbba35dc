//! Named versions of a centre's plan (« avant travaux », « ouverture »): the plan as it is now
//! kept under a name (audited, in one unit of work), and any of them shown read-only with its
//! exports.
use super::editor::{Refused, render};
use super::{keeper, read};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use store::audit::AuditAction;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VersionForm {
    pub name: String,
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<VersionForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let row = store::plans::for_centre(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    let mut errors = FieldErrors::default();
    let refuse = |name: String, errors: FieldErrors| Refused {
        version: Some((name, errors)),
        ..Refused::default()
    };
    let Some(name) = errors.check("version_name", i, text(&form.name, 80)) else {
        return render(&state, &ctx, &centre, refuse(form.name, errors)).await;
    };
    let mut tx = state.db.begin().await?;
    let id = match store::plans::save_version_in(&mut tx, row.id, &name, Some(user.id)).await {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            errors.add("version_name", i, "plan-error-version-taken");
            return render(&state, &ctx, &centre, refuse(form.name, errors)).await;
        }
        Err(e) => return Err(e.into()),
    };
    crate::donations::audit(
        &mut tx,
        &ctx,
        AuditAction::PlanVersionSaved,
        centre.id,
        Some(id),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{slug}/plan"),
        "flash-plan-version-saved",
        &state,
    ))
}

/// A named version, read-only, with its SVG and PDF.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let (name, document) = store::plans::version(&state.db, centre.id, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let plan = read(&document)?;
    super::view::page(
        &state,
        &ctx,
        &centre,
        &plan,
        Some((id, name)),
        format!("/centres/{slug}/plan"),
    )
}
