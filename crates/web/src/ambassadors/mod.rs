//! Ambassadors (issue 21). An ambassador of a centre gets a personal code and link (`link`):
//! `/r/{code}` counts the visit and lands on the site tagged with the campaign
//! `utm_source=ambassadeur&utm_campaign={code}`, which the site's campaign cookie
//! (`site::campaign`) carries to the leads a form records and, through `credit_signup`, to the
//! accounts created while it is set; those accounts' paid orders are the ambassador's payments.
//! Their dashboard (`dashboard`, `/ambassadeur`) shows their results per month, their tier and
//! the next one, what to share (link, QR code, texts) and the leaderboard; the network team sets
//! the tiers and the leaderboard switch and sees every ambassador (`manage`,
//! `/admin/ambassadeurs`). A referral used on oneself is never attributed, said so and audited.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::site::campaign::Campaign;
use crate::state::AppState;
use axum::Router;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use store::audit::{AuditAction, Entry};

mod dashboard;
pub mod demo;
mod link;
mod manage;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/r/{code}", get(link::follow))
        .route("/ambassadeur", get(dashboard::page))
        .route("/admin/ambassadeurs", get(manage::page))
        .route("/admin/ambassadeurs/paliers", post(manage::add_tier))
        .route(
            "/admin/ambassadeurs/paliers/{id}/supprimer",
            post(manage::remove_tier),
        )
        .route("/admin/ambassadeurs/classement", post(manage::leaderboard))
}

/// The ambassador whose campaign the visitor's cookie carries, if any.
pub async fn referrer(
    state: &AppState,
    ctx: &Ctx,
) -> WebResult<Option<store::ambassadors::Ambassador>> {
    let Some(code) = &ctx.referral else {
        return Ok(None);
    };
    Ok(store::ambassadors::by_code(&state.db, code).await?)
}

/// Writes the audit line of a referral used on oneself (`detail`: where).
pub async fn audit_self_use(
    state: &AppState,
    a: &store::ambassadors::Ambassador,
    detail: &str,
) -> WebResult<()> {
    store::audit::record(
        &state.db,
        AuditAction::ReferralSelfUse,
        Entry {
            actor_id: Some(a.user_id),
            centre_id: Some(a.centre_id),
            subject_id: Some(a.user_id),
            detail,
        },
    )
    .await?;
    Ok(())
}

/// Attributes an account just created to the ambassador whose campaign brought it (every
/// place that creates an account for the person in front of the page calls it).
pub async fn credit_signup(state: &AppState, ctx: &Ctx, user_id: i64) -> WebResult<()> {
    if let Some(a) = referrer(state, ctx).await? {
        store::ambassadors::record_signup(&state.db, user_id, a.user_id).await?;
    }
    Ok(())
}

/// The campaign to record on a lead who gave `email`: the remembered one, except an
/// ambassador's own code used by the ambassador (same address), which is left out and
/// audited. The second value says it was one's own, for the page to tell.
pub async fn lead_campaign(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    email: &str,
) -> WebResult<(Campaign, bool)> {
    let campaign = Campaign::from_headers(headers);
    if let Some(a) = referrer(state, ctx).await?
        && a.email.eq_ignore_ascii_case(email.trim())
    {
        audit_self_use(state, &a, "lead").await?;
        return Ok((
            Campaign {
                referrer: campaign.referrer,
                ..Campaign::default()
            },
            true,
        ));
    }
    Ok((campaign, false))
}
