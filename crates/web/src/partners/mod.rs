//! Partners (issue 21): the network team weighs organisations of the CRM as partners for the
//! network's launch. `grid` is `/admin/partenaires`: the selection grid (criteria and their
//! weights), the organisations weighed on it, ranked by their grade, and the one to add next;
//! `partner` is `/admin/partenaires/{id}`: its scores, notes and status, the agreement signed
//! with it and what it brings (funding, venue, referrals…). Every change is audited.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::partners::{Grade, Status, grade};
use store::audit::{AuditAction, Entry};

pub mod demo;
mod grid;
mod partner;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/partenaires", get(grid::page).post(grid::add))
        .route("/admin/partenaires/criteres", post(grid::add_criterion))
        .route(
            "/admin/partenaires/criteres/{id}/supprimer",
            post(grid::remove_criterion),
        )
        .route("/admin/partenaires/{id}", get(partner::page))
        .route("/admin/partenaires/{id}/evaluation", post(partner::assess))
        .route("/admin/partenaires/{id}/accord", post(partner::agreement))
        .route("/admin/partenaires/{id}/apports", post(partner::contribute))
        .route(
            "/admin/partenaires/{id}/apports/{contribution}/supprimer",
            post(partner::remove_contribution),
        )
}

/// The grade of a partner from its scores, over the whole grid.
fn grade_of(
    criteria: &[store::partners::Criterion],
    scores: &[store::partners::Score],
    partner: i64,
) -> Grade {
    let given: Vec<(i64, Option<i64>)> = criteria
        .iter()
        .map(|c| {
            let score = scores
                .iter()
                .find(|s| s.partner_id == partner && s.criterion_id == c.id)
                .map(|s| s.score);
            (c.weight, score)
        })
        .collect();
    grade(&given)
}

/// « 72 % » with « 3 critères notés sur 4 », or « non noté ».
fn grade_text(i: I18n, g: &Grade) -> (String, String) {
    let scored = i.ta(
        "partner-scored",
        &[
            ("scored", &g.scored.to_string()),
            ("criteria", &g.criteria.to_string()),
        ],
    );
    match g.percent {
        Some(p) => (format!("{}\u{a0}%", i.number(p)), scored),
        None => (i.t("partner-not-scored"), scored),
    }
}

/// The status's label and badge class.
fn status_badge(i: I18n, code: &str) -> (String, &'static str) {
    match Status::parse(code) {
        Ok(s @ Status::Chosen) => (i.t(s.label_key()), "badge-success"),
        Ok(s @ Status::Declined) => (i.t(s.label_key()), "badge-neutral"),
        Ok(s) => (i.t(s.label_key()), "badge-warning"),
        Err(_) => (code.to_string(), "badge-neutral"),
    }
}

async fn audit(state: &AppState, ctx: &Ctx, subject: Option<i64>, detail: &str) -> WebResult<()> {
    store::audit::record(
        &state.db,
        AuditAction::PartnerChanged,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            subject_id: subject,
            detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}
