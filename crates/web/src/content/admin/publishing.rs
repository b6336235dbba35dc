//! Publishing, unpublishing and deleting an item, each in the audit log.
use super::{EmptyForm, audit, audit_detail, authorize};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use store::audit::AuditAction;

async fn change_status(state: &AppState, ctx: &Ctx, id: i64, publish: bool) -> WebResult<Response> {
    let user = authorize(ctx)?;
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let slug = store::content::slug_in(&state.db, id, "fr")
        .await?
        .unwrap_or_default();
    let detail = audit_detail(item.kind.code(), id, &slug);
    let now = store::now();
    if publish {
        let at = item
            .publish_at
            .filter(|t| *t <= now && item.status != domain::content::Status::Draft)
            .unwrap_or(now);
        store::content::set_status(&state.db, id, "published", Some(at)).await?;
        audit(state, user, AuditAction::ContentPublished, &detail).await?;
    } else {
        store::content::set_status(&state.db, id, "draft", item.publish_at).await?;
        audit(state, user, AuditAction::ContentUnpublished, &detail).await?;
    }
    Ok(redirect_with_flash(
        &format!("/admin/content/{id}"),
        if publish {
            "flash-content-published"
        } else {
            "flash-content-unpublished"
        },
        state,
    ))
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    change_status(&state, &ctx, id, true).await
}

pub async fn unpublish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    change_status(&state, &ctx, id, false).await
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let slug = store::content::slug_in(&state.db, id, "fr")
        .await?
        .unwrap_or_default();
    store::content::delete(&state.db, id).await?;
    audit(
        &state,
        user,
        AuditAction::ContentDeleted,
        &audit_detail(item.kind.code(), id, &slug),
    )
    .await?;
    Ok(redirect_with_flash(
        "/admin/content",
        "flash-content-deleted",
        &state,
    ))
}
