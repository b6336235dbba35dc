//! `/admin/partenaires`: the selection grid and the organisations weighed on it, the best graded
//! first (the chosen ones before the others at equal grade), with what each brings and its
//! agreement; the criterion and the organisation to add, each refused beside its field.
use super::{audit, grade_of, grade_text, status_badge};
use crate::contacts::{Opt, opts};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::partners::{self as rules, MAX_TEXT, Status};
use domain::{Action, Scope};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CriterionForm {
    pub name: String,
    pub weight: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CandidateForm {
    pub organisation: String,
}

pub struct CriterionLine {
    pub id: i64,
    pub name: String,
    pub weight: String,
}

pub struct PartnerLine {
    pub id: i64,
    pub organisation: String,
    pub centre: String,
    pub grade: String,
    pub scored: String,
    pub percent: i64,
    pub status: String,
    pub status_class: &'static str,
    pub brings: String,
    pub agreement: String,
}

#[derive(Template)]
#[template(path = "partners/grid.html")]
struct GridView {
    layout: Layout,
    criteria: Vec<CriterionLine>,
    partners: Vec<PartnerLine>,
    chosen: String,
    candidates: Vec<Opt>,
    criterion: CriterionForm,
    errors: FieldErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    criterion: CriterionForm,
    candidate: CandidateForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let criteria = store::partners::criteria(&state.db).await?;
    let scores = store::partners::scores(&state.db, None).await?;
    let mut ranked: Vec<_> = store::partners::list(&state.db)
        .await?
        .into_iter()
        .map(|p| (grade_of(&criteria, &scores, p.id), p))
        .collect();
    // Best grade first; at equal grade the chosen before the candidates before the declined.
    let order = |s: &str| match Status::parse(s) {
        Ok(Status::Chosen) => 0,
        Ok(Status::Candidate) => 1,
        _ => 2,
    };
    ranked.sort_by(|(ga, a), (gb, b)| {
        gb.percent
            .cmp(&ga.percent)
            .then(order(&a.status).cmp(&order(&b.status)))
            .then(a.organisation.cmp(&b.organisation))
    });
    let chosen = ranked
        .iter()
        .filter(|(_, p)| p.status == Status::Chosen.code())
        .count();
    let chosen = i.tn(
        "partner-chosen-count",
        i64::try_from(chosen).unwrap_or(i64::MAX),
    );
    let partners = ranked
        .into_iter()
        .map(|(g, p)| {
            let (grade, scored) = grade_text(i, &g);
            let (status, status_class) = status_badge(i, &p.status);
            let brings = match (p.contributions, p.amount_cents) {
                (0, _) => String::new(),
                (n, 0) => i.tn("partner-brings-count", n),
                (n, cents) => format!(
                    "{} · {}",
                    i.tn("partner-brings-count", n),
                    i.ta("partner-per-year", &[("amount", &i.money(cents))])
                ),
            };
            PartnerLine {
                id: p.id,
                organisation: p.organisation,
                centre: p.centre,
                grade,
                scored,
                percent: g.percent.unwrap_or(0),
                status,
                status_class,
                brings,
                agreement: p.agreement_title,
            }
        })
        .collect();
    let candidates = opts(
        &candidate.organisation,
        store::partners::candidates(&state.db)
            .await?
            .into_iter()
            .map(|(id, name, centre)| (id.to_string(), format!("{name} · {centre}")))
            .collect(),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = GridView {
        layout: Layout::new(state, ctx, i.t("partner-grid-title")),
        criteria: criteria
            .into_iter()
            .map(|c| CriterionLine {
                id: c.id,
                name: c.name,
                weight: i.number(c.weight),
            })
            .collect(),
        partners,
        chosen,
        candidates,
        criterion,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(Action::ManagePartners, Scope::Network)?;
    let criterion = CriterionForm {
        weight: "3".into(),
        ..CriterionForm::default()
    };
    render(
        &state,
        &ctx,
        criterion,
        CandidateForm::default(),
        FieldErrors::default(),
    )
    .await
}

pub async fn add_criterion(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<CriterionForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManagePartners, Scope::Network)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = rules::text(&form.name, MAX_TEXT, true)
        .map_err(|e| errors.add("name", i, e.message_key()))
        .ok();
    let weight = rules::weight(&form.weight)
        .map_err(|e| errors.add("weight", i, e.message_key()))
        .ok();
    let (Some(name), Some(weight)) = (name, weight) else {
        return render(&state, &ctx, form, CandidateForm::default(), errors).await;
    };
    match store::partners::add_criterion(&state.db, &name, weight).await {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("name", i, "partner-criterion-duplicate");
            return render(&state, &ctx, form, CandidateForm::default(), errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    audit(&state, &ctx, None, "criterion_added").await?;
    Ok(redirect_with_flash(
        "/admin/partenaires",
        "flash-partner-criterion-added",
        &state,
    ))
}

pub async fn remove_criterion(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManagePartners, Scope::Network)?;
    if !store::partners::remove_criterion(&state.db, id).await? {
        return Err(WebError::NotFound);
    }
    audit(&state, &ctx, None, "criterion_removed").await?;
    Ok(redirect_with_flash(
        "/admin/partenaires",
        "flash-partner-criterion-removed",
        &state,
    ))
}

/// Puts an organisation of the CRM on the grid, and opens its page to score it.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<CandidateForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManagePartners, Scope::Network)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Ok(organisation) = form.organisation.trim().parse::<i64>() else {
        errors.add("organisation", i, "partner-error-organisation");
        return render(&state, &ctx, CriterionForm::default(), form, errors).await;
    };
    let id = match store::partners::add(&state.db, organisation).await {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            errors.add("organisation", i, "partner-error-already");
            return render(&state, &ctx, CriterionForm::default(), form, errors).await;
        }
        Err(store::StoreError::NotFound) => {
            errors.add("organisation", i, "partner-error-organisation");
            return render(&state, &ctx, CriterionForm::default(), form, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    audit(&state, &ctx, Some(id), "candidate_added").await?;
    Ok(redirect_with_flash(
        &format!("/admin/partenaires/{id}"),
        "flash-partner-added",
        &state,
    ))
}
