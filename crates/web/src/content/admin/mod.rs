//! The staff editor (network team, `Action::ManageContent`): a filtered list (`list`), a
//! create/edit form per language version (`editor` shows it, `form` reads and checks it,
//! `save` stores it) with a server-rendered preview (« Prévisualiser » re-renders the form with
//! the preview beside it, no JavaScript needed; `preview` serves the live one), errors beside
//! the fields keeping what was typed, a case study's figures filled from measurements
//! (`figures`), revisions to view and restore (`revisions`), publish/unpublish/delete in the
//! audit log (`publishing`).
mod editor;
mod figures;
mod form;
mod list;
mod preview;
mod publishing;
mod revisions;
mod save;

pub use editor::{edit_form, new_form};
pub use list::list;
pub use preview::preview_fragment;
pub use publishing::{delete, publish, unpublish};
pub use revisions::{restore, revision, revisions};
pub use save::{create, save};

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};

/// The editor's id, when they may manage content.
fn authorize(ctx: &Ctx) -> WebResult<i64> {
    ctx.authorize(Action::ManageContent, Scope::Network)?;
    Ok(ctx.require_user()?.id)
}

/// One option of a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A publication, unpublication or deletion in the audit log.
async fn audit(state: &AppState, user: i64, action: AuditAction, detail: &str) -> WebResult<()> {
    store::audit::record(
        &state.db,
        action,
        Entry {
            actor_id: Some(user),
            detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}

fn audit_detail(kind: &str, id: i64, slug: &str) -> String {
    format!("{kind} #{id} {slug}")
}

/// `?lang=` of the editor's pages: the language version worked on.
#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    lang: String,
}

fn edit_lang(q: &EditQuery) -> &'static str {
    if q.lang == "en" { "en" } else { "fr" }
}

#[derive(Debug, Default, Deserialize)]
pub struct EmptyForm {}
