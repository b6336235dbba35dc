//! The network's page of its ambassadors, `/admin/ambassadeurs`: every ambassador with what
//! they brought, the tiers and their rewards (added and removed here), and the switch that
//! shows or hides the leaderboard on the ambassadors' pages.
use super::dashboard::rule;
use crate::contacts::{Opt, opts};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::ambassadors::{Metric, threshold};
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};

/// Ambassadors listed at most.
const LISTED: i64 = 500;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TierForm {
    pub name: String,
    pub metric: String,
    pub threshold: String,
    pub reward: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BoardForm {
    pub shown: String,
}

pub struct Line {
    pub name: String,
    pub centre: String,
    pub link: String,
    pub visits: String,
    pub leads: String,
    pub signups: String,
    pub payments: String,
    pub paid: String,
}

pub struct TierLine {
    pub id: i64,
    pub name: String,
    pub rule: String,
    pub reward: String,
}

#[derive(Template)]
#[template(path = "ambassadors/manage.html")]
struct ManageView {
    layout: Layout,
    lines: Vec<Line>,
    tiers: Vec<TierLine>,
    board_on: bool,
    metrics: Vec<Opt>,
    form: TierForm,
    errors: FieldErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    form: TierForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let lines = store::ambassadors::standings(&state.db, LISTED)
        .await?
        .into_iter()
        .map(|s| Line {
            link: super::link::share_url(state, &s.code),
            name: s.display_name,
            centre: s.centre_name,
            visits: i.number(s.visits),
            leads: i.number(s.leads),
            signups: i.number(s.signups),
            payments: i.number(s.payments),
            paid: i.money(s.paid_cents),
        })
        .collect();
    let tiers = store::ambassadors::tiers(&state.db)
        .await?
        .into_iter()
        .map(|t| TierLine {
            id: t.id,
            rule: Metric::parse(&t.metric)
                .map(|m| rule(i, m, t.threshold))
                .unwrap_or_default(),
            name: t.name,
            reward: t.reward,
        })
        .collect();
    let metrics = opts(
        &form.metric,
        Metric::ALL
            .iter()
            .map(|m| (m.code().to_string(), i.t(m.label_key())))
            .collect(),
    );
    let view = ManageView {
        layout: Layout::new(state, ctx, i.t("ambassador-manage-title")),
        lines,
        tiers,
        board_on: store::ambassadors::leaderboard_on(&state.db).await?,
        metrics,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(Action::ManageAmbassadors, Scope::Network)?;
    let form = TierForm {
        metric: Metric::Signups.code().into(),
        ..TierForm::default()
    };
    render(&state, &ctx, form, FieldErrors::default()).await
}

async fn audit(state: &AppState, ctx: &Ctx, detail: &str) -> WebResult<()> {
    store::audit::record(
        &state.db,
        AuditAction::AmbassadorSettingsChanged,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}

pub async fn add_tier(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<TierForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageAmbassadors, Scope::Network)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = errors.check("name", i, text(&form.name, 60));
    let metric = errors.check("metric", i, Metric::parse(&form.metric));
    let count = errors.check("threshold", i, threshold(&form.threshold));
    let reward = if form.reward.chars().count() > 200 {
        errors.add("reward", i, "error-too-long");
        None
    } else {
        Some(form.reward.trim().to_string())
    };
    let (Some(name), Some(metric), Some(count), Some(reward)) = (name, metric, count, reward)
    else {
        return render(&state, &ctx, form, errors).await;
    };
    match store::ambassadors::add_tier(&state.db, &name, metric, count, &reward).await {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("name", i, "ambassador-tier-duplicate");
            return render(&state, &ctx, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    audit(&state, &ctx, "tier_added").await?;
    Ok(redirect_with_flash(
        "/admin/ambassadeurs",
        "flash-ambassador-tier-added",
        &state,
    ))
}

pub async fn remove_tier(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageAmbassadors, Scope::Network)?;
    if !store::ambassadors::remove_tier(&state.db, id).await? {
        return Err(crate::error::WebError::NotFound);
    }
    audit(&state, &ctx, "tier_removed").await?;
    Ok(redirect_with_flash(
        "/admin/ambassadeurs",
        "flash-ambassador-tier-removed",
        &state,
    ))
}

pub async fn leaderboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<BoardForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageAmbassadors, Scope::Network)?;
    let on = form.shown == "1";
    store::ambassadors::set_leaderboard(&state.db, on).await?;
    audit(
        &state,
        &ctx,
        if on {
            "leaderboard_on"
        } else {
            "leaderboard_off"
        },
    )
    .await?;
    Ok(redirect_with_flash(
        "/admin/ambassadeurs",
        "flash-ambassador-board-saved",
        &state,
    ))
}
