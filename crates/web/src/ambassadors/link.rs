//! An ambassador's link, `/r/{code}`: counts the visit (once a day per client address) and
//! lands on the home page tagged with the ambassador's campaign, which the site's campaign
//! cookie then remembers. The ambassador following their own link counts nothing and is told.
use super::audit_self_use;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ambassadors::{MEDIUM, SOURCE, is_code};

/// Where an ambassador's link lands: the home page with their campaign.
pub fn landing(code: &str) -> String {
    format!("/?utm_source={SOURCE}&utm_medium={MEDIUM}&utm_campaign={code}")
}

/// The address an ambassador shares.
pub fn share_url(state: &AppState, code: &str) -> String {
    state.url(&format!("/r/{code}"))
}

pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> WebResult<Response> {
    let code = code.trim().to_ascii_lowercase();
    if !is_code(&code) {
        return Ok(Redirect::to("/").into_response());
    }
    let Some(a) = store::ambassadors::by_code(&state.db, &code).await? else {
        // A link whose ambassador left still lands on the site, untagged.
        return Ok(Redirect::to("/").into_response());
    };
    if ctx.user.as_ref().is_some_and(|u| u.id == a.user_id) {
        audit_self_use(&state, &a, "visit").await?;
        return Ok(redirect_with_flash(
            "/ambassadeur",
            "flash-ambassador-self-visit",
            &state,
        ));
    }
    let key = format!("referral-visit:{code}:{}", ctx.client_ip);
    if store::rate_limit::hit(&state.db, &key, 86_400).await? == 1 {
        store::ambassadors::record_visit(&state.db, a.user_id).await?;
    }
    Ok(Redirect::to(&landing(&code)).into_response())
}
