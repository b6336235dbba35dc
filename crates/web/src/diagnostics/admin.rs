//! For the network team: the definition editor of each diagnostic (validate, publish a new
//! version).
use super::{current, known};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::diagnostic::Definition;
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};

#[derive(Template)]
#[template(path = "diagnostics/edit.html")]
struct EditView {
    layout: Layout,
    id: String,
    title: String,
    document: String,
    errors: Vec<String>,
    versions: Vec<(String, String)>,
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    document: Option<String>,
    errors: Vec<String>,
) -> WebResult<Response> {
    let i = ctx.i;
    let def = current(state, id).await?;
    let document = match document {
        Some(d) => d,
        None => serde_json::to_string_pretty(def.as_ref())
            .map_err(|e| WebError::Internal(e.to_string()))?,
    };
    let versions = store::diagnostics::versions(&state.db, id)
        .await?
        .into_iter()
        .map(|(v, at, _)| {
            (
                i.ta("diagnostics-scoring-version", &[("version", &i.number(v))]),
                i.datetime(at),
            )
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = EditView {
        layout: Layout::new(
            state,
            ctx,
            i.ta(
                "diagnostics-edit-title",
                &[("title", def.title.get(i.locale))],
            ),
        ),
        id: id.to_string(),
        title: def.title.get(i.locale).to_string(),
        document,
        errors,
        versions,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageDiagnostics, Scope::Network)?;
    if !known(&id) {
        return Err(WebError::NotFound);
    }
    render_edit(&state, &ctx, &id, None, Vec::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    pub document: String,
}

/// Validates the pasted definition and publishes it as the next version; on errors, shows each
/// one and keeps the text.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<PublishForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageDiagnostics, Scope::Network)?;
    let user = ctx.require_user()?;
    if !known(&id) {
        return Err(WebError::NotFound);
    }
    let i = ctx.i;
    let message = |e: &domain::diagnostic::DefinitionError| {
        let (key, other) = e.args();
        i.ta(e.message_key(), &[("key", &key), ("other", &other)])
    };
    let mut def = match Definition::parse(&form.document) {
        Ok(d) => d,
        Err(errors) => {
            let errors = errors.iter().map(message).collect();
            return render_edit(&state, &ctx, &id, Some(form.document), errors).await;
        }
    };
    if def.id != id {
        let error = i.ta(
            "diagnostics-error-other-id",
            &[("key", &def.id), ("other", &id)],
        );
        return render_edit(&state, &ctx, &id, Some(form.document), vec![error]).await;
    }
    let latest = store::diagnostics::latest(&state.db, &id)
        .await?
        .map_or(0, |r| r.version);
    let version = latest + 1;
    def.version = u32::try_from(version).map_err(|e| WebError::Internal(e.to_string()))?;
    let document =
        serde_json::to_string_pretty(&def).map_err(|e| WebError::Internal(e.to_string()))?;
    match store::diagnostics::publish(&state.db, &id, version, &document, user.id).await {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            let error = i.t("diagnostics-error-published-meanwhile");
            return render_edit(&state, &ctx, &id, Some(form.document), vec![error]).await;
        }
        Err(e) => return Err(e.into()),
    }
    state.diagnostics.published();
    let detail = format!("{id} v{version}");
    store::audit::record(
        &state.db,
        AuditAction::DiagnosticPublished,
        Entry {
            actor_id: Some(user.id),
            detail: &detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/admin/diagnostics/{id}/edit"),
        "flash-diagnostics-published",
        &state,
    ))
}
