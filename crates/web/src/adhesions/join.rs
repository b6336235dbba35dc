//! The centre's public join page (`/centres/{slug}/adherer`): choose a plan, and, for a visitor,
//! give a name and an e-mail address. A free plan makes the person a member at once; a paid one
//! records (or finds) the membership's order and goes to its payment page, which a visitor
//! opens with the order's signed key. Joining again renews: the period extends from its end.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Email;
use serde::Deserialize;
use store::adhesions::Plan;
use store::centres::CentreSummary;

/// Joins per client address per hour before the form says to wait.
const JOINS_PER_HOUR: i64 = 10;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    pub plan: String,
    pub display_name: String,
    pub email: String,
}

pub struct PlanChoice {
    pub id: i64,
    pub name: String,
    pub price: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "adhesions/join.html")]
struct JoinView {
    layout: Layout,
    slug: String,
    plans: Vec<PlanChoice>,
    form: JoinForm,
    errors: FieldErrors,
    signed_in: bool,
}

/// A plan's yearly price as shown (« Gratuite » for a free plan).
pub fn price(i: crate::i18n::I18n, cents: i64) -> String {
    if cents == 0 {
        i.t("adhesion-free")
    } else {
        i.ta("adhesion-price-year", &[("price", &i.money(cents))])
    }
}

async fn open_plans(state: &AppState, centre_id: i64) -> WebResult<Vec<Plan>> {
    Ok(store::adhesions::plans(&state.db, centre_id)
        .await?
        .into_iter()
        .filter(|p| p.active == 1)
        .collect())
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    plans: Vec<Plan>,
    form: JoinForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let only = plans.len() == 1;
    let view = JoinView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("adhesion-join-title", &[("centre", &centre.name)]),
        ),
        slug: centre.slug.clone(),
        plans: plans
            .into_iter()
            .map(|p| PlanChoice {
                checked: only || form.plan == p.id.to_string(),
                price: price(i, p.price_cents),
                id: p.id,
                name: p.name,
            })
            .collect(),
        form,
        errors,
        signed_in: ctx.user.is_some(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    let plans = open_plans(&state, centre.id).await?;
    render(
        &state,
        &ctx,
        &centre,
        plans,
        JoinForm::default(),
        FieldErrors::default(),
    )
}

/// The payer of a visitor's order: the account of that address, or a new one (no password yet,
/// to verify; a password reset sets one).
pub async fn account_for(state: &AppState, ctx: &Ctx, name: &str, email: &Email) -> WebResult<i64> {
    if let Some(u) = store::accounts::find_user_by_email(&state.db, email.as_str()).await? {
        return Ok(u.id);
    }
    let new = store::accounts::NewUser {
        email: email.as_str(),
        password_hash: "",
        display_name: name,
        locale: ctx.i.code(),
        verified: false,
    };
    match store::accounts::create_user(&state.db, &new).await {
        Ok(id) => {
            crate::ambassadors::credit_signup(state, ctx, id).await?;
            Ok(id)
        }
        // Created by a concurrent request meanwhile.
        Err(store::StoreError::Duplicate) => {
            store::accounts::find_user_by_email(&state.db, email.as_str())
                .await?
                .map(|u| u.id)
                .ok_or(WebError::NotFound)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<JoinForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    let plans = open_plans(&state, centre.id).await?;
    let mut errors = FieldErrors::default();
    let plan = plans
        .iter()
        .find(|p| p.id.to_string() == form.plan.trim())
        .cloned();
    if plan.is_none() {
        errors.add("plan", i, "adhesion-error-plan");
    }
    let (name, email) = match ctx.user.as_deref() {
        Some(u) => (Some(u.display_name.clone()), Email::parse(&u.email).ok()),
        None => (
            errors.check("display_name", i, text(&form.display_name, 80)),
            errors.check("email", i, Email::parse(&form.email)),
        ),
    };
    let hits =
        store::rate_limit::hit(&state.db, &format!("adhesion:{}", ctx.client_ip), 3_600).await?;
    if hits > JOINS_PER_HOUR {
        errors.add("email", i, "error-too-many-attempts");
    }
    let (Some(plan), Some(name), Some(email), true) = (plan, name, email, errors.is_empty()) else {
        return render(&state, &ctx, &centre, plans, form, errors);
    };
    let user_id = match ctx.user.as_deref() {
        Some(u) => u.id,
        None => account_for(&state, &ctx, &name, &email).await?,
    };
    let mut tx = state.db.begin().await?;
    let id = store::adhesions::upsert_in(
        &mut tx,
        centre.id,
        plan.id,
        Some(user_id),
        &name,
        email.as_str(),
    )
    .await?;
    let adhesion = store::adhesions::find(&mut tx, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if plan.price_cents == 0 {
        let end = super::extend_in(&mut tx, &adhesion).await?;
        tx.commit().await?;
        state.jobs_queued();
        state.changed();
        let end = crate::tracking::day(i, &end);
        let view = crate::message::MessageView {
            layout: Layout::new(&state, &ctx, i.t("adhesion-joined-title")),
            heading: i.t("adhesion-joined-title"),
            paragraphs: vec![i.ta(
                "adhesion-joined-text",
                &[("centre", &centre.name), ("end", &end)],
            )],
            action: None,
            draft_saved: false,
        };
        return Ok(Html(view.render()?).into_response());
    }
    let open = match store::adhesions::open_order(&mut tx, id).await? {
        Some(order) => store::payments::order(&mut tx, order)
            .await?
            .filter(|o| o.amount_cents == plan.price_cents && o.user_id == user_id)
            .map(|o| o.id),
        None => None,
    };
    let order = match open {
        Some(order) => order,
        None => {
            let label = i.ta(
                "adhesion-order-label",
                &[("centre", &centre.name), ("plan", &plan.name)],
            );
            store::adhesions::create_order_in(&mut tx, &adhesion, user_id, &label, plan.price_cents)
                .await?
        }
    };
    tx.commit().await?;
    let href = if ctx.user.is_some() {
        format!("/orders/{order}")
    } else {
        let key = crate::payments::order_key(&state, order).await?;
        format!("/orders/{order}?cle={key}")
    };
    Ok(Redirect::to(&href).into_response())
}
