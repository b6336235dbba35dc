//! Licences and contracts of the network (issue 21). The network team writes licence models
//! (each change a new version, `network`), grants a centre a licence on a version, suspends
//! and resumes it (`centre`), writes its contract from the template and sends it for signature,
//! and both parties sign online (`contracts`: a simple electronic signature holding the signer,
//! their consent, the time and the SHA-256 fingerprint of the exact text signed); amendments
//! are signed the same way. Royalty statements per period are turned once into the network's
//! invoice (`royalties`). A suspended or expired licence stops the centre's new sales in one
//! check, `store::licences::may_sell`, which every way of recording a sale calls.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::{Action, Scope};
use store::audit::AuditAction;

mod centre;
pub(crate) mod contracts;
pub mod demo;
pub(crate) mod network;
mod pdf;
mod royalties;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/licences",
            get(network::page).post(network::create_model),
        )
        .route(
            "/admin/licences/modeles/{id}",
            get(network::version_page).post(network::new_version),
        )
        .route(
            "/centres/{slug}/licence",
            get(centre::page).post(centre::grant),
        )
        .route("/licences/{id}/statut", post(centre::set_status))
        .route("/licences/{id}/contrat", post(contracts::generate))
        .route("/licences/{id}/redevances", post(royalties::make))
        .route("/redevances/{id}/facturer", post(royalties::invoice))
        .route("/contrats/{id}", get(contracts::page))
        .route(
            "/contrats/{id}/modifier",
            get(contracts::edit_page).post(contracts::edit),
        )
        .route("/contrats/{id}/envoyer", post(contracts::send))
        .route("/contrats/{id}/signer", post(contracts::sign))
        .route("/contrats/{id}/avenant", post(contracts::amend))
        .route("/contrats/{id}/contrat.pdf", get(contracts::pdf))
}

/// Whether the asker runs the network's licences.
fn runs_network(ctx: &Ctx) -> bool {
    ctx.actor.can(Action::ManageLicences, Scope::Network)
}

/// The network team, or `Forbidden`.
fn require_network(ctx: &Ctx) -> WebResult<()> {
    ctx.authorize(Action::ManageLicences, Scope::Network)
}

/// Someone who may read a centre's licence (its managers, the network team); anyone else is
/// told it does not exist.
fn require_reader(ctx: &Ctx, centre_id: i64) -> WebResult<()> {
    ctx.require_user()?;
    if runs_network(ctx) || ctx.actor.can(Action::ViewLicence, Scope::Centre(centre_id)) {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

/// Writes the audit line of an action on a centre's licence; `detail` holds no personal data
/// (a status, a period, a fingerprint).
async fn audit<'e>(
    ex: impl Into<store::Exec<'e>>,
    ctx: &Ctx,
    action: AuditAction,
    centre_id: i64,
    subject_id: Option<i64>,
    detail: &str,
) -> WebResult<()> {
    store::audit::record(
        ex,
        action,
        store::audit::Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id: Some(centre_id),
            subject_id,
            detail,
        },
    )
    .await?;
    Ok(())
}

/// An option of a `<select>`.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The badge class of a licence status.
fn status_class(status: domain::licence::Status) -> &'static str {
    use domain::licence::Status;
    match status {
        Status::Active => "badge-success",
        Status::Draft => "badge-neutral",
        Status::Expired => "badge-warning",
        Status::Suspended => "badge-danger",
    }
}
