//! `/admin/partenaires/{id}`: one organisation on the grid. Its scores (0 to 5 per criterion,
//! or not scored yet), notes and status in one form; the agreement signed with it; what it
//! brings, added and removed. A refused form comes back with its errors beside the fields and
//! what was typed; the other forms keep what is stored.
use super::{audit, grade_of, grade_text, status_badge};
use crate::contacts::{Opt, opts};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::invoices::long_date;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::partners::{self as rules, Kind, MAX_NOTES, MAX_SCORE, MAX_TEXT, Status};
use domain::{Action, Scope};
use serde::Deserialize;
use store::partners::Partner;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AgreementForm {
    pub title: String,
    pub signed_on: String,
    pub ends_on: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ContributionForm {
    pub kind: String,
    pub label: String,
    pub amount: String,
}

/// One criterion of the assessment form: its field, weight and the score typed or stored.
pub struct ScoreField {
    pub field: String,
    pub name: String,
    pub weight: String,
    pub options: Vec<Opt>,
    pub error: Option<String>,
}

pub struct ContributionLine {
    pub id: i64,
    pub kind: String,
    pub label: String,
    pub amount: String,
}

/// What the forms show: the stored values, or what was typed in the refused one.
pub struct Typed {
    /// The scores typed; `None` shows the stored ones.
    pub scores: Option<Vec<(i64, String)>>,
    /// A refused score's message, per criterion.
    pub score_errors: Vec<(i64, String)>,
    pub status: String,
    pub notes: String,
    pub agreement: AgreementForm,
    pub contribution: ContributionForm,
}

#[derive(Template)]
#[template(path = "partners/partner.html")]
struct PartnerView {
    layout: Layout,
    p: Partner,
    grade: String,
    scored: String,
    status: String,
    status_class: &'static str,
    fields: Vec<ScoreField>,
    statuses: Vec<Opt>,
    notes: String,
    agreement: AgreementForm,
    agreement_dates: String,
    kinds: Vec<Opt>,
    contribution: ContributionForm,
    contributions: Vec<ContributionLine>,
    total: String,
    errors: FieldErrors,
}

async fn partner(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Partner> {
    ctx.authorize(Action::ManagePartners, Scope::Network)?;
    store::partners::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)
}

fn score_field(criterion: i64) -> String {
    format!("score-{criterion}")
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    p: Partner,
    typed: Option<Typed>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let criteria = store::partners::criteria(&state.db).await?;
    let scores = store::partners::scores(&state.db, Some(p.id)).await?;
    let contributions = store::partners::contributions(&state.db, p.id).await?;
    let grade = grade_of(&criteria, &scores, p.id);
    let (grade, scored) = grade_text(i, &grade);
    let (status, status_class) = status_badge(i, &p.status);
    let typed = typed.unwrap_or_else(|| stored(&p));
    let typed_scores = typed.scores.clone().unwrap_or_else(|| {
        scores
            .iter()
            .map(|s| (s.criterion_id, s.score.to_string()))
            .collect()
    });
    let mut choices = vec![(String::new(), i.t("partner-score-none"))];
    choices.extend((0..=MAX_SCORE).map(|s| {
        (
            s.to_string(),
            i.ta("partner-score-option", &[("score", &s.to_string())]),
        )
    }));
    let fields = criteria
        .iter()
        .map(|c| {
            let field = score_field(c.id);
            let current = typed_scores
                .iter()
                .find(|(id, _)| *id == c.id)
                .map(|(_, v)| v.as_str())
                .unwrap_or("");
            ScoreField {
                error: typed
                    .score_errors
                    .iter()
                    .find(|(id, _)| *id == c.id)
                    .map(|(_, m)| m.clone()),
                options: opts(current, choices.clone()),
                name: c.name.clone(),
                weight: i.ta("partner-weight-of", &[("weight", &i.number(c.weight))]),
                field,
            }
        })
        .collect();
    let agreement_dates = match (p.agreement_signed_on.as_str(), p.agreement_ends_on.as_str()) {
        ("", "") => String::new(),
        (s, "") => i.ta("partner-signed-on", &[("date", &long_date(i, s))]),
        ("", e) => i.ta("partner-ends-on", &[("date", &long_date(i, e))]),
        (s, e) => i.ta(
            "partner-signed-until",
            &[("signed", &long_date(i, s)), ("ends", &long_date(i, e))],
        ),
    };
    let total = i.money(p.amount_cents);
    let status_code = if errors.is_empty() && typed.score_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = PartnerView {
        layout: Layout::new(state, ctx, p.organisation.clone()),
        grade,
        scored,
        status,
        status_class,
        fields,
        statuses: opts(
            &typed.status,
            Status::ALL
                .iter()
                .map(|s| (s.code().to_string(), i.t(s.label_key())))
                .collect(),
        ),
        notes: typed.notes,
        agreement: typed.agreement,
        agreement_dates,
        kinds: opts(
            &typed.contribution.kind,
            Kind::ALL
                .iter()
                .map(|k| (k.code().to_string(), i.t(k.label_key())))
                .collect(),
        ),
        contribution: typed.contribution,
        contributions: contributions
            .into_iter()
            .map(|c| ContributionLine {
                id: c.id,
                kind: Kind::parse(&c.kind)
                    .map(|k| i.t(k.label_key()))
                    .unwrap_or(c.kind),
                label: c.label,
                amount: if c.amount_cents == 0 {
                    String::new()
                } else {
                    i.ta("partner-per-year", &[("amount", &i.money(c.amount_cents))])
                },
            })
            .collect(),
        total,
        p,
        errors,
    };
    Ok((status_code, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let p = partner(&state, &ctx, id).await?;
    render(&state, &ctx, p, None, FieldErrors::default()).await
}

/// The stored values of the forms other than the one refused.
fn stored(p: &Partner) -> Typed {
    Typed {
        scores: None,
        score_errors: Vec::new(),
        status: p.status.clone(),
        notes: p.notes.clone(),
        agreement: AgreementForm {
            title: p.agreement_title.clone(),
            signed_on: p.agreement_signed_on.clone(),
            ends_on: p.agreement_ends_on.clone(),
        },
        contribution: ContributionForm::default(),
    }
}

/// The assessment: a score per criterion (`score-{id}`), the notes and the status.
pub async fn assess(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let p = partner(&state, &ctx, id).await?;
    let i = ctx.i;
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let criteria = store::partners::criteria(&state.db).await?;
    let mut errors = FieldErrors::default();
    let mut typed = stored(&p);
    typed.status = field("status");
    typed.notes = field("notes");
    let mut scores = Vec::with_capacity(criteria.len());
    let mut typed_scores = Vec::with_capacity(criteria.len());
    for c in &criteria {
        let name = score_field(c.id);
        let value = field(&name);
        match rules::score(&value) {
            Ok(s) => scores.push((c.id, s)),
            Err(e) => typed.score_errors.push((c.id, i.t(e.message_key()))),
        }
        typed_scores.push((c.id, value));
    }
    typed.scores = Some(typed_scores);
    let status = rules::Status::parse(&typed.status)
        .map_err(|e| errors.add("status", i, e.message_key()))
        .ok();
    let notes = rules::text(&typed.notes, MAX_NOTES, false)
        .map_err(|e| errors.add("notes", i, e.message_key()))
        .ok();
    let (Some(status), Some(notes), true) = (status, notes, typed.score_errors.is_empty()) else {
        return render(&state, &ctx, p, Some(typed), errors).await;
    };
    store::partners::save_assessment(&state.db, p.id, status.code(), &notes, &scores).await?;
    audit(&state, &ctx, Some(p.id), status.code()).await?;
    Ok(redirect_with_flash(
        &format!("/admin/partenaires/{}", p.id),
        "flash-partner-assessed",
        &state,
    ))
}

pub async fn agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AgreementForm>,
) -> WebResult<Response> {
    let p = partner(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let title = rules::text(&form.title, MAX_TEXT, true)
        .map_err(|e| errors.add("title", i, e.message_key()))
        .ok();
    let dates = rules::agreement_dates(&form.signed_on, &form.ends_on)
        .map_err(|(signed, e)| {
            let field = if signed { "signed_on" } else { "ends_on" };
            errors.add(field, i, e.message_key())
        })
        .ok();
    let (Some(title), Some((signed, ends))) = (title, dates) else {
        let mut typed = stored(&p);
        typed.agreement = form;
        return render(&state, &ctx, p, Some(typed), errors).await;
    };
    store::partners::save_agreement(&state.db, p.id, &title, &signed, &ends).await?;
    audit(&state, &ctx, Some(p.id), "agreement_saved").await?;
    Ok(redirect_with_flash(
        &format!("/admin/partenaires/{}", p.id),
        "flash-partner-agreement-saved",
        &state,
    ))
}

pub async fn contribute(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ContributionForm>,
) -> WebResult<Response> {
    let p = partner(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let kind = Kind::parse(&form.kind)
        .map_err(|e| errors.add("kind", i, e.message_key()))
        .ok();
    let label = rules::text(&form.label, MAX_TEXT, true)
        .map_err(|e| errors.add("label", i, e.message_key()))
        .ok();
    let amount = rules::amount(&form.amount)
        .map_err(|e| errors.add("amount", i, e.message_key()))
        .ok();
    let (Some(kind), Some(label), Some(amount)) = (kind, label, amount) else {
        let mut typed = stored(&p);
        typed.contribution = form;
        return render(&state, &ctx, p, Some(typed), errors).await;
    };
    store::partners::add_contribution(&state.db, p.id, kind.code(), &label, amount).await?;
    audit(&state, &ctx, Some(p.id), "contribution_added").await?;
    Ok(redirect_with_flash(
        &format!("/admin/partenaires/{}#apports", p.id),
        "flash-partner-contribution-added",
        &state,
    ))
}

pub async fn remove_contribution(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, contribution)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let p = partner(&state, &ctx, id).await?;
    if !store::partners::remove_contribution(&state.db, p.id, contribution).await? {
        return Err(WebError::NotFound);
    }
    audit(&state, &ctx, Some(p.id), "contribution_removed").await?;
    Ok(redirect_with_flash(
        &format!("/admin/partenaires/{}#apports", p.id),
        "flash-partner-contribution-removed",
        &state,
    ))
}
