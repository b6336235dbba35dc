//! Quotes (devis) for a centre's managers: the list by status, a draft created and edited (the
//! buyer picked from the CRM's organisations or typed, lines checked beside their row), sent by
//! e-mail with its PDF, accepted or declined by the staff or by the buyer from their account.
//! Accepting issues the invoice in one action (`store::quotes::accept`); an accepted or declined
//! quote no longer changes.
pub(super) mod edit;
pub(super) mod list;
mod pdf;
pub(super) mod show;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use crate::state::AppState;
use domain::{Action, Scope};
use store::quotes::Quote;

/// The quote and whether the asker is its centre's staff; a 404 for anyone else, and for the
/// buyer while it is still a draft.
async fn readable(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(Quote, bool)> {
    let user = ctx.require_user()?;
    let q = store::quotes::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let staff = ctx
        .actor
        .can(Action::ManageInvoices, Scope::Centre(q.centre_id));
    if !staff && (q.user_id != Some(user.id) || q.status == "draft") {
        return Err(WebError::NotFound);
    }
    Ok((q, staff))
}

/// The quote, for its centre's managers only.
async fn for_staff(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Quote> {
    match readable(state, ctx, id).await? {
        (q, true) => Ok(q),
        _ => Err(WebError::NotFound),
    }
}

fn status_label(i: I18n, status: &str) -> String {
    i.t(&format!("quote-status-{status}"))
}

/// A price in cents as typed back into the form: « 250 », « 12,40 ».
fn price_input(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{},{:02}", cents / 100, (cents % 100).abs())
    }
}
