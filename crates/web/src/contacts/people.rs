//! People: the paginated list, a new person, the edit page, and a person's page with their
//! whole history (lead, registrations, applications, orders, account, interactions).
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
use domain::crm::{self, InteractionKind, NAME_MAX};
use serde::Deserialize;
use store::contacts::{Happening, Person, PersonFields};

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub centre: i64,
    pub q: String,
    pub tag: String,
    pub page: i64,
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organisation: String,
    pub organisation_href: String,
    pub role: String,
    pub tags: Vec<String>,
    pub lead: bool,
    pub account: bool,
}

fn row(p: Person) -> Row {
    Row {
        id: p.id,
        email: p.email.unwrap_or_default(),
        phone: p.phone,
        organisation: p.organisation.unwrap_or_default(),
        organisation_href: p
            .organisation_id
            .map(|o| format!("/organisations/{o}"))
            .unwrap_or_default(),
        role: p.role,
        tags: domain::crm::tag_list(&p.tags),
        lead: p.lead_id.is_some(),
        account: p.user_id.is_some(),
        name: p.name,
    }
}

/// The links of a paginated list: previous and next pages, keeping the filter.
pub struct Pager {
    pub summary: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

pub fn pager(i: I18n, base: &str, query: &[(&str, String)], page: i64, total: i64) -> Pager {
    let pages = ((total + PAGE - 1) / PAGE).max(1);
    let href = |p: i64| {
        let mut q: Vec<(&str, String)> = query.to_vec();
        q.push(("page", p.to_string()));
        format!(
            "{base}?{}",
            serde_urlencoded::to_string(&q).unwrap_or_default()
        )
    };
    Pager {
        summary: i.ta(
            "crm-page-of",
            &[
                ("page", &i.number(page)),
                ("pages", &i.number(pages)),
                ("total", &i.number(total)),
            ],
        ),
        prev: (page > 1).then(|| href(page - 1)),
        next: (page < pages).then(|| href(page + 1)),
    }
}

#[derive(Template)]
#[template(path = "contacts/people.html")]
struct ListView {
    layout: Layout,
    tab: &'static str,
    rows: Vec<Row>,
    q: ListQuery,
    centres: Vec<Opt>,
    centre: i64,
    pager: Pager,
    csv_href: String,
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
    let filter = store::contacts::PeopleFilter {
        centre,
        search: q.q.trim().chars().take(100).collect(),
        tag: q.tag.trim().chars().take(40).collect(),
        organisation: 0,
    };
    let (people, total) =
        store::contacts::people(&state.db, &filter, (page - 1) * PAGE, PAGE).await?;
    let query = vec![
        ("centre", centre.to_string()),
        ("q", filter.search.clone()),
        ("tag", filter.tag.clone()),
    ];
    let view = ListView {
        layout: Layout::new(&state, &ctx, i.t("crm-people-title")),
        tab: "people",
        rows: people.into_iter().map(row).collect(),
        centres: centre_opts(i, &reach, centre, true),
        pager: pager(i, "/contacts", &query, page, total),
        csv_href: format!("/contacts.csv?centre={centre}"),
        centre,
        q,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct PersonForm {
    pub centre: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organisation: i64,
    pub role: String,
    pub tags: String,
    pub newsletter: String,
}

impl PersonForm {
    fn of(p: &Person) -> Self {
        PersonForm {
            centre: p.centre_id,
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone(),
            organisation: p.organisation_id.unwrap_or(0),
            role: p.role.clone(),
            tags: crm::tags_text(&p.tags),
            newsletter: if p.newsletter_consent_at.is_some() {
                "yes".into()
            } else {
                String::new()
            },
        }
    }

    fn check(&self, i: I18n, errors: &mut FieldErrors) -> Option<PersonFields> {
        let name = errors.check("name", i, text(&self.name, NAME_MAX));
        let email = if self.email.trim().is_empty() {
            Some(None)
        } else {
            errors
                .check("email", i, domain::Email::parse(&self.email))
                .map(|e| Some(e.as_str().to_lowercase()))
        };
        let phone = match crm::phone(&self.phone) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.add("phone", i, e.message_key());
                None
            }
        };
        if self.role.chars().count() > NAME_MAX {
            errors.add("role", i, "error-too-long");
        }
        Some(PersonFields {
            name: name?,
            email: email?,
            phone: phone?,
            organisation_id: (self.organisation > 0).then_some(self.organisation),
            role: self.role.trim().chars().take(NAME_MAX).collect(),
            tags: crm::tags(&self.tags),
            newsletter: self.newsletter == "yes",
        })
        .filter(|_| errors.is_empty())
    }
}

#[derive(Template)]
#[template(path = "contacts/person_form.html")]
struct FormView {
    layout: Layout,
    action: String,
    form: PersonForm,
    errors: FieldErrors,
    centres: Vec<Opt>,
    organisations: Vec<Opt>,
}

async fn render_form(
    state: &AppState,
    ctx: &Ctx,
    person: Option<&Person>,
    form: PersonForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let reach = super::reach(state, ctx).await?;
    let centre = match person {
        Some(p) => p.centre_id,
        None => write_centre(&reach, form.centre)?,
    };
    let mut orgs = vec![("0".to_string(), i.t("crm-none"))];
    orgs.extend(
        store::contacts::org_choices(&state.db, centre)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    let (title, action) = match person {
        Some(p) => (p.name.clone(), format!("/contacts/{}/edit", p.id)),
        None => (i.t("crm-person-new"), "/contacts/new".to_string()),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = FormView {
        layout: Layout::new(state, ctx, title).under("/contacts".into(), i.t("crm-people-title")),
        action,
        organisations: opts(&form.organisation.to_string(), orgs),
        centres: if person.is_none() {
            centre_opts(i, &reach, centre, false)
        } else {
            Vec::new()
        },
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CentreQuery {
    pub centre: i64,
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<CentreQuery>,
) -> WebResult<Response> {
    let form = PersonForm {
        centre: q.centre,
        ..Default::default()
    };
    render_form(&state, &ctx, None, form, FieldErrors::default()).await
}

/// An organisation chosen in a form must be the centre's own.
async fn check_org(
    state: &AppState,
    centre: i64,
    fields: &PersonFields,
    i: I18n,
    errors: &mut FieldErrors,
) -> WebResult<()> {
    if let Some(o) = fields.organisation_id {
        let same = store::contacts::find_org(&state.db, o)
            .await?
            .is_some_and(|o| o.centre_id == centre);
        if !same {
            errors.add("organisation", i, "error-choice-unknown");
        }
    }
    Ok(())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<PersonForm>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(fields) = form.check(i, &mut errors) else {
        return render_form(&state, &ctx, None, form, errors).await;
    };
    check_org(&state, centre, &fields, i, &mut errors).await?;
    if !errors.is_empty() {
        return render_form(&state, &ctx, None, form, errors).await;
    }
    match store::contacts::create_person(&state.db, centre, &fields, store::now()).await {
        Ok(id) => Ok(redirect_with_flash(
            &format!("/contacts/{id}"),
            "crm-flash-saved",
            &state,
        )),
        Err(store::StoreError::Duplicate) => {
            errors.add("email", i, "crm-error-email-taken");
            render_form(&state, &ctx, None, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let p = super::person(&state, &ctx, id).await?;
    let form = PersonForm::of(&p);
    render_form(&state, &ctx, Some(&p), form, FieldErrors::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> WebResult<Response> {
    let p = super::person(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(fields) = form.check(i, &mut errors) else {
        return render_form(&state, &ctx, Some(&p), form, errors).await;
    };
    check_org(&state, p.centre_id, &fields, i, &mut errors).await?;
    if !errors.is_empty() {
        return render_form(&state, &ctx, Some(&p), form, errors).await;
    }
    match store::contacts::update_person(&state.db, id, &fields, store::now()).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/contacts/{id}"),
            "crm-flash-saved",
            &state,
        )),
        Err(store::StoreError::Duplicate) => {
            errors.add("email", i, "crm-error-email-taken");
            render_form(&state, &ctx, Some(&p), form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// One line of a history as shown.
pub struct Event {
    pub kind: String,
    pub badge: &'static str,
    pub at: String,
    pub title: String,
    pub detail: String,
    pub href: Option<String>,
    /// An interaction whose follow-up is still to do: its id.
    pub follow_up: Option<i64>,
}

pub fn event(i: I18n, h: Happening) -> Event {
    let at = i.datetime(h.at);
    let (kind, badge, title, detail, href) = match h.kind.as_str() {
        "lead" => (
            i.t("crm-timeline-lead"),
            "badge-neutral",
            i.t(&format!("lead-source-{}", h.title)),
            String::new(),
            Some(format!("/admin/leads/{}", h.ref_id)),
        ),
        "registration" => (
            i.t("crm-timeline-registration"),
            "badge-neutral",
            h.title,
            i.t(if h.detail == "confirmed" {
                "site-confirmed"
            } else {
                "site-unconfirmed"
            }),
            Some(format!("/admin/evenements/{}", h.ref_id)),
        ),
        "application" => (
            i.t("crm-timeline-application"),
            "badge-accent",
            h.title,
            domain::offer::Status::parse(&h.detail)
                .map(|s| i.t(&format!("application-status-{}", s.code())))
                .unwrap_or(h.detail),
            Some(format!("/applications/{}", h.ref_id)),
        ),
        "order" => (
            i.t("crm-timeline-order"),
            "badge-accent",
            h.title,
            i.money(h.detail.parse().unwrap_or(0)),
            None,
        ),
        "account" => (
            i.t("crm-timeline-account"),
            "badge-success",
            h.title,
            String::new(),
            None,
        ),
        other => {
            let kind = InteractionKind::parse(other.trim_start_matches("i:"))
                .map(|k| i.t(k.label_key()))
                .unwrap_or_default();
            let detail = if h.detail.is_empty() {
                h.author.clone()
            } else {
                let day = crate::tracking::day(i, &h.detail);
                let follow = i.ta("crm-follow-up-on", &[("day", &day)]);
                if h.done != 0 {
                    format!("{} · {follow} ✓", h.author)
                } else {
                    format!("{} · {follow}", h.author)
                }
            };
            return Event {
                kind,
                badge: "badge-warning",
                at,
                follow_up: (!h.detail.is_empty() && h.done == 0).then_some(h.ref_id),
                title: h.title,
                detail,
                href: None,
            };
        }
    };
    Event {
        kind,
        badge,
        at,
        title,
        detail,
        href,
        follow_up: None,
    }
}

pub struct DealView {
    pub title: String,
    pub stage: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "contacts/person.html")]
struct ShowView {
    layout: Layout,
    person: Person,
    facts: Vec<(String, String)>,
    tags: Vec<String>,
    events: Vec<Event>,
    deals: Vec<DealView>,
    interaction: super::interactions::InteractionForm,
    kinds: Vec<Opt>,
    errors: FieldErrors,
    action: String,
}

/// The person's page; `interaction` and `errors` are a refused interaction form's.
pub async fn render_show(
    state: &AppState,
    ctx: &Ctx,
    person: Person,
    interaction: super::interactions::InteractionForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let history = store::contacts::timeline(&state.db, &person).await?;
    let deals =
        store::contacts::pipeline::deals_of_person(&state.db, person.id, person.organisation_id)
            .await?;
    let mut facts = vec![];
    if let Some(e) = &person.email {
        facts.push((i.t("field-email"), e.clone()));
    }
    if !person.phone.is_empty() {
        facts.push((i.t("crm-field-phone"), person.phone.clone()));
    }
    if !person.role.is_empty() {
        facts.push((i.t("crm-field-role"), person.role.clone()));
    }
    facts.push((
        i.t("crm-field-newsletter"),
        match person.newsletter_consent_at {
            Some(at) => i.ta("crm-consent-since", &[("date", &i.date(at))]),
            None => i.t("site-no"),
        },
    ));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, person.name.clone())
            .under("/contacts".into(), i.t("crm-people-title")),
        facts,
        tags: domain::crm::tag_list(&person.tags),
        events: history.into_iter().map(|h| event(i, h)).collect(),
        deals: deals
            .into_iter()
            .map(|d| DealView {
                stage: d.stage,
                amount: i.money(d.amount_cents),
                title: d.title,
            })
            .collect(),
        kinds: super::interactions::kinds(i, &interaction.kind),
        action: format!("/contacts/{}/interactions", person.id),
        interaction,
        errors,
        person,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let person = super::person(&state, &ctx, id).await?;
    render_show(
        &state,
        &ctx,
        person,
        Default::default(),
        FieldErrors::default(),
    )
    .await
}
