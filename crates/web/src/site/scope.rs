//! Which centres' leads and events a person works: a centre's managers their centre's, the
//! network team everyone's (with a centre filter). A lead or event of another centre is not
//! found, as another centre's project is.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use domain::{Action, Scope};

/// The centres a person may pick in a list, and whether they may see all of them at once.
pub struct Reach {
    pub all: bool,
    pub centres: Vec<(i64, String)>,
}

pub async fn reach(state: &AppState, ctx: &Ctx, action: Action) -> WebResult<Reach> {
    ctx.require_user()?;
    let all = ctx.actor.can(action, Scope::Network);
    let centres: Vec<(i64, String)> = state
        .centres()
        .await?
        .iter()
        .filter(|c| ctx.actor.can(action, Scope::Centre(c.id)))
        .map(|c| (c.id, c.name.clone()))
        .collect();
    if centres.is_empty() && !all {
        return Err(WebError::Forbidden);
    }
    Ok(Reach { all, centres })
}

impl Reach {
    /// The centre a list shows: the one asked for when it is within reach; otherwise every
    /// centre for the network team, or the person's first centre.
    pub fn chosen(&self, asked: i64) -> Option<i64> {
        if self.centres.iter().any(|(id, _)| *id == asked) {
            Some(asked)
        } else if self.all {
            None
        } else {
            self.centres.first().map(|(id, _)| *id)
        }
    }
}

/// Whether one row (of `centre`, or of the network's own when `None`) is within reach: else
/// it is not found.
pub fn check(ctx: &Ctx, action: Action, centre: Option<i64>) -> WebResult<()> {
    ctx.require_user()?;
    let scope = match centre {
        Some(c) => Scope::Centre(c),
        None => Scope::Network,
    };
    if ctx.actor.can(action, scope) {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

/// A lead the person may work.
pub async fn lead(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<store::site::Lead> {
    let lead = store::site::find_lead(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    check(ctx, Action::ManageLeads, lead.centre_id)?;
    Ok(lead)
}
