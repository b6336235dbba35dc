//! The prospecting board of a centre: a column per stage (the centre names them), a card per
//! deal (institutional partners and premium clients) with its amount and expected date, the
//! total of each column. A card moves with a plain form (a choice of stage and a button), so
//! it works without JavaScript and with the keyboard.
use super::{Opt, centre_opts, opts, write_centre};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::crm::{self, DealKind, NAME_MAX};
use serde::Deserialize;
use store::contacts::pipeline::{self, DealFields, Stage};

pub struct Card {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub who: String,
    pub who_href: String,
    pub amount: String,
    pub expected: String,
    pub stages: Vec<Opt>,
}

pub struct Column {
    pub id: i64,
    pub name: String,
    pub total: String,
    pub count: String,
    pub cards: Vec<Card>,
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct DealForm {
    pub centre: i64,
    pub title: String,
    pub kind: String,
    pub organisation: i64,
    pub amount: String,
    pub expected: String,
    pub stage: i64,
    /// The person the deal is with (a deal created from their page).
    pub contact: i64,
}

#[derive(Template)]
#[template(path = "contacts/board.html")]
struct BoardView {
    layout: Layout,
    tab: &'static str,
    centre: i64,
    centres: Vec<Opt>,
    columns: Vec<Column>,
    total: String,
    form: DealForm,
    errors: FieldErrors,
    kinds: Vec<Opt>,
    organisations: Vec<Opt>,
    stages: Vec<Opt>,
    /// The name of the person the new deal is with, if any.
    contact_name: String,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre_asked: i64,
    form: DealForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let reach = super::reach(state, ctx).await?;
    let centre = write_centre(&reach, centre_asked)?;
    let stages = pipeline::stages(&state.db, centre).await?;
    let deals = pipeline::deals(&state.db, centre).await?;
    let stage_opts = |current: i64| -> Vec<Opt> {
        opts(
            &current.to_string(),
            stages
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone()))
                .collect(),
        )
    };
    let mut grand = 0;
    let columns = stages
        .iter()
        .map(|s| {
            let mine: Vec<_> = deals.iter().filter(|d| d.stage_id == s.id).collect();
            let total: i64 = mine.iter().map(|d| d.amount_cents).sum();
            grand += total;
            Column {
                id: s.id,
                name: s.name.clone(),
                total: i.money(total),
                count: i.tn("crm-deals-count", mine.len() as i64),
                cards: mine
                    .into_iter()
                    .map(|d| Card {
                        id: d.id,
                        title: d.title.clone(),
                        kind: i.t(d.kind.label_key()),
                        who: d
                            .organisation
                            .clone()
                            .or_else(|| d.contact.clone())
                            .unwrap_or_default(),
                        who_href: match (d.organisation_id, d.contact_id) {
                            (Some(o), _) => format!("/organisations/{o}"),
                            (None, Some(c)) => format!("/contacts/{c}"),
                            _ => String::new(),
                        },
                        amount: i.money(d.amount_cents),
                        expected: d
                            .expected_on
                            .as_deref()
                            .map(|e| crate::tracking::day(i, e))
                            .unwrap_or_default(),
                        stages: stage_opts(d.stage_id),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut orgs = vec![("0".to_string(), i.t("crm-none"))];
    orgs.extend(
        store::contacts::org_choices(&state.db, centre)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let first = stages.first().map(|s| s.id).unwrap_or(0);
    let contact_name = match form.contact {
        0 => String::new(),
        id => store::contacts::find_person(&state.db, id)
            .await?
            .filter(|p| p.centre_id == centre)
            .map(|p| p.name)
            .unwrap_or_default(),
    };
    let view = BoardView {
        contact_name,
        layout: Layout::new(state, ctx, i.t("crm-board-title")),
        tab: "board",
        centres: centre_opts(i, &reach, centre, false),
        centre,
        columns,
        total: i.money(grand),
        kinds: kind_opts(i, &form.kind),
        organisations: opts(&form.organisation.to_string(), orgs),
        stages: stage_opts(if form.stage > 0 { form.stage } else { first }),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn kind_opts(i: I18n, current: &str) -> Vec<Opt> {
    opts(
        if current.is_empty() {
            "partner"
        } else {
            current
        },
        DealKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), i.t(k.label_key())))
            .collect(),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BoardQuery {
    pub centre: i64,
    /// A deal to create with this person (from their page): the form comes filled in.
    pub contact: i64,
}

pub async fn board(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<BoardQuery>,
) -> WebResult<Response> {
    if q.contact > 0 {
        let p = super::person(&state, &ctx, q.contact).await?;
        let form = DealForm {
            centre: p.centre_id,
            title: ctx.i.ta("crm-deal-with", &[("name", &p.name)]),
            organisation: p.organisation_id.unwrap_or(0),
            contact: p.id,
            ..DealForm::default()
        };
        return render(&state, &ctx, p.centre_id, form, FieldErrors::default()).await;
    }
    render(
        &state,
        &ctx,
        q.centre,
        DealForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// A stage of a centre within reach, else not found.
async fn stage_of(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Stage> {
    let s = pipeline::stage(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(ctx, Action::ManageContacts, Some(s.centre_id))?;
    Ok(s)
}

fn back(state: &AppState, centre: i64, flash: &str) -> Response {
    redirect_with_flash(&format!("/prospection?centre={centre}"), flash, state)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<DealForm>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let title = errors.check("title", i, text(&form.title, NAME_MAX));
    let kind = DealKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", i, "error-choice-unknown");
    }
    let amount = crm::amount_cents(&form.amount)
        .map_err(|e| errors.add("amount", i, e.message_key()))
        .ok();
    let expected = super::day_field(&form.expected)
        .map_err(|e| errors.add("expected", i, e.message_key()))
        .ok();
    let stage_ok = pipeline::stage(&state.db, form.stage)
        .await?
        .is_some_and(|s| s.centre_id == centre);
    if !stage_ok {
        errors.add("stage", i, "error-choice-unknown");
    }
    if form.contact > 0 {
        let same = store::contacts::find_person(&state.db, form.contact)
            .await?
            .is_some_and(|p| p.centre_id == centre);
        if !same {
            errors.add("title", i, "error-choice-unknown");
        }
    }
    if form.organisation > 0 {
        let same = store::contacts::find_org(&state.db, form.organisation)
            .await?
            .is_some_and(|o| o.centre_id == centre);
        if !same {
            errors.add("organisation", i, "error-choice-unknown");
        }
    }
    let (Some(title), Some(kind), Some(amount_cents), Some(expected_on), true) =
        (title, kind, amount, expected, errors.is_empty())
    else {
        return render(&state, &ctx, centre, form, errors).await;
    };
    pipeline::create_deal(
        &state.db,
        centre,
        &DealFields {
            kind,
            title,
            organisation_id: (form.organisation > 0).then_some(form.organisation),
            contact_id: (form.contact > 0).then_some(form.contact),
            amount_cents,
            expected_on,
            stage_id: form.stage,
        },
        store::now(),
    )
    .await?;
    if form.contact > 0 {
        return Ok(redirect_with_flash(
            &format!("/contacts/{}", form.contact),
            "crm-flash-deal-saved",
            &state,
        ));
    }
    Ok(back(&state, centre, "crm-flash-deal-saved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    pub stage: i64,
}

pub async fn move_deal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MoveForm>,
) -> WebResult<Response> {
    let deal = pipeline::deal(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(&ctx, Action::ManageContacts, Some(deal.centre_id))?;
    if !pipeline::move_deal(&state.db, id, form.stage, store::now()).await? {
        return Err(WebError::BadRequest("error-choice-unknown"));
    }
    Ok(back(&state, deal.centre_id, "crm-flash-deal-moved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StageForm {
    pub centre: i64,
    pub name: String,
}

pub async fn add_stage(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<StageForm>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let name =
        text(&form.name, NAME_MAX).map_err(|_| WebError::BadRequest("crm-error-stage-name"))?;
    pipeline::stages(&state.db, centre).await?;
    pipeline::add_stage(&state.db, centre, &name).await?;
    Ok(back(&state, centre, "crm-flash-stage-saved"))
}

pub async fn rename_stage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StageForm>,
) -> WebResult<Response> {
    let stage = stage_of(&state, &ctx, id).await?;
    let name =
        text(&form.name, NAME_MAX).map_err(|_| WebError::BadRequest("crm-error-stage-name"))?;
    pipeline::rename_stage(&state.db, id, &name).await?;
    Ok(back(&state, stage.centre_id, "crm-flash-stage-saved"))
}
