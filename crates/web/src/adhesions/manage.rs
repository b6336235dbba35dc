//! A centre's memberships for its managers (`/centres/{slug}/adhesions`): its plans (add one,
//! open or close one to new members) and its members with where each stands (active, expiring
//! within 30 days, lapsed, awaiting the first payment), and their CSV.
use super::join::price;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::membership::Status;
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlanForm {
    pub name: String,
    pub price: String,
}

pub struct PlanRow {
    pub id: i64,
    pub name: String,
    pub price: String,
    pub active: bool,
}

pub struct MemberRow {
    pub name: String,
    pub email: String,
    pub plan: String,
    pub since: String,
    pub ends: String,
    pub status: String,
    pub badge: &'static str,
}

#[derive(Template)]
#[template(path = "adhesions/manage.html")]
struct ManageView {
    layout: Layout,
    slug: String,
    join_href: String,
    plans: Vec<PlanRow>,
    members: Vec<MemberRow>,
    /// (label, count) per status.
    counts: Vec<(String, String)>,
    form: PlanForm,
    errors: FieldErrors,
}

async fn managed_centre(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageMemberships, Scope::Centre(centre.id))?;
    Ok(centre)
}

fn badge(s: Status) -> &'static str {
    match s {
        Status::Active => "badge-success",
        Status::Expiring => "badge-warning",
        Status::Lapsed => "badge-danger",
        Status::Pending => "badge-neutral",
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: PlanForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let plans = store::adhesions::plans(&state.db, centre.id).await?;
    let members = store::adhesions::members(&state.db, centre.id).await?;
    let mut counts = [0i64; 4];
    let members: Vec<MemberRow> = members
        .iter()
        .map(|a| {
            let s = super::status(a);
            counts[s as usize] += 1;
            MemberRow {
                name: a.name.clone(),
                email: a.email.clone(),
                plan: a.plan_name.clone(),
                since: crate::tracking::day(i, &a.starts_on),
                ends: crate::tracking::day(i, &a.ends_on),
                status: i.t(s.label_key()),
                badge: badge(s),
            }
        })
        .collect();
    let counts = [
        Status::Active,
        Status::Expiring,
        Status::Lapsed,
        Status::Pending,
    ]
    .into_iter()
    .map(|s| (i.t(s.label_key()), i.number(counts[s as usize])))
    .collect();
    let view = ManageView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("adhesion-manage-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        join_href: format!("/centres/{}/adherer", centre.slug),
        slug: centre.slug.clone(),
        plans: plans
            .into_iter()
            .map(|p| PlanRow {
                id: p.id,
                price: price(i, p.price_cents),
                name: p.name,
                active: p.active == 1,
            })
            .collect(),
        members,
        counts,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    render(
        &state,
        &ctx,
        centre,
        PlanForm::default(),
        FieldErrors::default(),
    )
    .await
}

pub async fn add_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<PlanForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = errors.check("name", i, text(&form.name, 80));
    let price = domain::offer::parse_price(&form.price);
    if price.is_none() {
        errors.add("price", i, "adhesion-error-price");
    }
    let (Some(name), Some(price)) = (name, price) else {
        return render(&state, &ctx, centre, form, errors).await;
    };
    match store::adhesions::add_plan(&state.db, centre.id, &name, price).await {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("name", i, "adhesion-error-plan-taken");
            return render(&state, &ctx, centre, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/adhesions", centre.slug),
        "flash-adhesion-plan-added",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ToggleForm {
    pub active: String,
}

pub async fn toggle_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<ToggleForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    if !store::adhesions::set_plan_active(&state.db, centre.id, id, form.active == "1").await? {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/adhesions", centre.slug),
        "flash-adhesion-plan-saved",
        &state,
    ))
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut rows = vec![
        [
            "adhesion-col-name",
            "adhesion-col-email",
            "adhesion-col-plan",
            "adhesion-col-since",
            "adhesion-col-ends",
            "adhesion-col-status",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect::<Vec<_>>(),
    ];
    crate::donations::audit(
        &state.db,
        &ctx,
        AuditAction::MembersExported,
        centre.id,
        None,
    )
    .await?;
    for a in store::adhesions::members(&state.db, centre.id).await? {
        let s = super::status(&a);
        rows.push(vec![
            a.name,
            a.email,
            a.plan_name,
            a.starts_on,
            a.ends_on,
            i.t(s.label_key()),
        ]);
    }
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("adhesions-{}.csv", centre.slug),
    ))
}
