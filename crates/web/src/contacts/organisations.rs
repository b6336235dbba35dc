//! Organisations: partners, funders, institutions, suppliers and clients of a centre, with
//! their SIRET (Luhn-checked), their people and the interactions with them.
use super::people::{Event, Pager, event, pager};
use super::{Opt, PAGE, centre_opts, list_centre, opts, write_centre};
use crate::ctx::Ctx;
use crate::error::WebResult;
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
use domain::crm::{self, NAME_MAX, NOTES_MAX, OrgKind, siret};
use serde::Deserialize;
use store::contacts::{OrgFields, Organisation, Person};

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub centre: i64,
    pub q: String,
    pub kind: String,
    pub page: i64,
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub siret: String,
    pub people: String,
}

fn kind_opts(i: I18n, current: &str, any: bool) -> Vec<Opt> {
    let mut list = Vec::new();
    if any {
        list.push((String::new(), i.t("site-filter-any")));
    }
    list.extend(
        OrgKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), i.t(k.label_key()))),
    );
    opts(current, list)
}

#[derive(Template)]
#[template(path = "contacts/organisations.html")]
struct ListView {
    layout: Layout,
    tab: &'static str,
    rows: Vec<Row>,
    q: ListQuery,
    kinds: Vec<Opt>,
    centres: Vec<Opt>,
    centre: i64,
    pager: Pager,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = list_centre(&reach, q.centre);
    let i = ctx.i;
    let page = q.page.max(1);
    let search: String = q.q.trim().chars().take(100).collect();
    let kind = OrgKind::parse(&q.kind).map(|k| k.code()).unwrap_or("");
    let (orgs, total) =
        store::contacts::orgs(&state.db, centre, &search, kind, (page - 1) * PAGE, PAGE).await?;
    let query = vec![
        ("centre", centre.to_string()),
        ("q", search.clone()),
        ("kind", kind.to_string()),
    ];
    let view = ListView {
        layout: Layout::new(&state, &ctx, i.t("crm-orgs-title")),
        tab: "organisations",
        rows: orgs
            .into_iter()
            .map(|o| Row {
                id: o.id,
                kind: i.t(o.kind.label_key()),
                siret: o.siret.as_deref().map(siret::display).unwrap_or_default(),
                people: i.number(o.people),
                name: o.name,
            })
            .collect(),
        kinds: kind_opts(i, kind, true),
        centres: centre_opts(i, &reach, centre, true),
        pager: pager(i, "/organisations", &query, page, total),
        centre,
        q,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct OrgForm {
    pub centre: i64,
    pub name: String,
    pub kind: String,
    pub siret: String,
    pub address: String,
    pub website: String,
    pub notes: String,
    pub tags: String,
}

impl OrgForm {
    fn check(&self, i: I18n, errors: &mut FieldErrors) -> Option<OrgFields> {
        let name = errors.check("name", i, text(&self.name, NAME_MAX));
        let kind = OrgKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", i, "error-choice-unknown");
        }
        let siret = siret::parse(&self.siret)
            .map_err(|e| errors.add("siret", i, e.message_key()))
            .ok();
        let website = crm::website(&self.website)
            .map_err(|e| errors.add("website", i, e.message_key()))
            .ok();
        if self.address.chars().count() > 300 {
            errors.add("address", i, "error-too-long");
        }
        if self.notes.chars().count() > NOTES_MAX {
            errors.add("notes", i, "error-too-long");
        }
        if !errors.is_empty() {
            return None;
        }
        Some(OrgFields {
            name: name?,
            kind: kind?.code().to_string(),
            siret: siret?,
            address: self.address.trim().to_string(),
            website: website?,
            notes: self.notes.trim().to_string(),
            tags: crm::tags(&self.tags),
        })
    }
}

#[derive(Template)]
#[template(path = "contacts/organisation_form.html")]
struct FormView {
    layout: Layout,
    /// Where the form posts: `/organisations/new` or the organisation's edit page.
    action: String,
    form: OrgForm,
    errors: FieldErrors,
    centres: Vec<Opt>,
    kinds: Vec<Opt>,
}

async fn render_form(
    state: &AppState,
    ctx: &Ctx,
    org: Option<&Organisation>,
    form: OrgForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let reach = super::reach(state, ctx).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (title, action, centres) = match org {
        Some(o) => (
            o.name.clone(),
            format!("/organisations/{}/edit", o.id),
            Vec::new(),
        ),
        None => {
            let centre = write_centre(&reach, form.centre)?;
            (
                i.t("crm-org-new"),
                "/organisations/new".to_string(),
                centre_opts(i, &reach, centre, false),
            )
        }
    };
    let view = FormView {
        layout: Layout::new(state, ctx, title)
            .under("/organisations".into(), i.t("crm-orgs-title")),
        action,
        centres,
        kinds: kind_opts(i, &form.kind, false),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<super::people::CentreQuery>,
) -> WebResult<Response> {
    let form = OrgForm {
        centre: q.centre,
        kind: "partner".into(),
        ..Default::default()
    };
    render_form(&state, &ctx, None, form, FieldErrors::default()).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<OrgForm>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(fields) = form.check(i, &mut errors) else {
        return render_form(&state, &ctx, None, form, errors).await;
    };
    match store::contacts::create_org(&state.db, centre, &fields, store::now()).await {
        Ok(id) => Ok(redirect_with_flash(
            &format!("/organisations/{id}"),
            "crm-flash-saved",
            &state,
        )),
        Err(store::StoreError::Duplicate) => {
            errors.add("siret", i, "crm-error-siret-taken");
            render_form(&state, &ctx, None, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "contacts/organisation.html")]
struct ShowView {
    layout: Layout,
    org: Organisation,
    kind: String,
    siret: String,
    tags: Vec<String>,
    people: Vec<Person>,
    events: Vec<Event>,
    interaction: super::interactions::InteractionForm,
    kinds: Vec<Opt>,
    errors: FieldErrors,
    action: String,
}

pub async fn render_show(
    state: &AppState,
    ctx: &Ctx,
    org: Organisation,
    interaction: super::interactions::InteractionForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let (people, history) = store::contacts::org_page(&state.db, org.id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, org.name.clone())
            .under("/organisations".into(), i.t("crm-orgs-title")),
        kind: i.t(org.kind.label_key()),
        siret: org.siret.as_deref().map(siret::display).unwrap_or_default(),
        tags: domain::crm::tag_list(&org.tags),
        people,
        events: history.into_iter().map(|h| event(i, h)).collect(),
        kinds: super::interactions::kinds(i, &interaction.kind),
        action: format!("/organisations/{}/interactions", org.id),
        interaction,
        errors,
        org,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let org = super::organisation(&state, &ctx, id).await?;
    render_show(
        &state,
        &ctx,
        org,
        Default::default(),
        FieldErrors::default(),
    )
    .await
}

/// The organisation's edit page: the same fields as its creation, errors beside each field
/// (a SIRET checked by its Luhn key, one organisation per SIRET in a centre).
pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let org = super::organisation(&state, &ctx, id).await?;
    let form = OrgForm {
        centre: org.centre_id,
        name: org.name.clone(),
        kind: org.kind.code().to_string(),
        siret: org.siret.clone().unwrap_or_default(),
        address: org.address.clone(),
        website: org.website.clone(),
        notes: org.notes.clone(),
        tags: domain::crm::tag_list(&org.tags).join(", "),
    };
    render_form(&state, &ctx, Some(&org), form, FieldErrors::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<OrgForm>,
) -> WebResult<Response> {
    let org = super::organisation(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(fields) = form.check(i, &mut errors) else {
        return render_form(&state, &ctx, Some(&org), form, errors).await;
    };
    match store::contacts::update_org(&state.db, id, &fields, store::now()).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/organisations/{id}"),
            "crm-flash-saved",
            &state,
        )),
        Err(store::StoreError::Duplicate) => {
            errors.add("siret", i, "crm-error-siret-taken");
            render_form(&state, &ctx, Some(&org), form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
