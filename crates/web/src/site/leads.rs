//! The network team's view of the leads: filters, tags, status, notes, CSV export, erasure and
//! conversion into an invitation to sign up (through the centres' invitation machinery).
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::site::{LeadStatus, NOTE_MAX};
use domain::{Action, Role, Scope};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::site::{Filter, LeadRow};

const LIST_LIMIT: i64 = 500;
const EXPORT_LIMIT: i64 = 100_000;

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct FilterQuery {
    pub status: String,
    pub source: String,
    pub campaign: String,
    pub tag: String,
    pub interest: String,
    pub confirmed: String,
    pub q: String,
    /// A centre's id (0 or absent: every centre within reach, or one's own).
    pub centre: i64,
}

impl FilterQuery {
    fn filter(&self, centre: Option<i64>) -> Filter {
        let clip = |s: &str| s.trim().chars().take(100).collect::<String>();
        Filter {
            status: clip(&self.status),
            source: clip(&self.source),
            campaign: clip(&self.campaign),
            tag: clip(&self.tag),
            interest: clip(&self.interest),
            confirmed: clip(&self.confirmed),
            search: clip(&self.q),
            centre,
        }
    }

    fn query_string(&self) -> String {
        serde_urlencoded::to_string([
            ("status", &self.status),
            ("source", &self.source),
            ("campaign", &self.campaign),
            ("tag", &self.tag),
            ("interest", &self.interest),
            ("confirmed", &self.confirmed),
            ("q", &self.q),
            ("centre", &self.centre.to_string()),
        ])
        .unwrap_or_default()
    }
}

pub struct Row {
    pub href: Option<String>,
    pub name: String,
    pub email: String,
    pub town: String,
    pub status: String,
    pub source: String,
    pub campaign: String,
    pub tags: Vec<String>,
    pub confirmed: bool,
    pub created: String,
    /// The person has an account (signed up with this address).
    pub has_account: bool,
}

fn source_label(i: I18n, r: &LeadRow) -> String {
    i.t(&format!("lead-source-{}", r.source))
}

fn row(i: I18n, r: LeadRow) -> Row {
    Row {
        href: (r.id > 0).then(|| format!("/admin/leads/{}", r.id)),
        status: i.t(r.status.label_key()),
        source: source_label(i, &r),
        campaign: [r.utm_source.as_str(), r.utm_campaign.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        tags: r
            .tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        confirmed: r.confirmed_at.is_some(),
        created: i.date(r.created_at),
        has_account: r.account_since.is_some(),
        name: r.name,
        email: r.email,
        town: r.town,
    }
}

pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn opts(current: &str, list: Vec<(String, String)>) -> Vec<Opt> {
    list.into_iter()
        .map(|(value, label)| Opt {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "site/leads.html")]
struct ListView {
    layout: Layout,
    rows: Vec<Row>,
    q: FilterQuery,
    count: String,
    csv_href: String,
    statuses: Vec<Opt>,
    sources: Vec<Opt>,
    campaigns: Vec<Opt>,
    interests: Vec<Opt>,
    confirmed: Vec<Opt>,
    /// The centres to choose from (shown when there is a choice).
    centres: Vec<Opt>,
    counter: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FilterQuery>,
) -> WebResult<Response> {
    let reach = crate::scope::reach(&state, &ctx, Action::ManageLeads).await?;
    let centre = reach.chosen(q.centre);
    let i = ctx.i;
    // The lists read across centres are kept a few seconds (`AppState::reads`), per filter;
    // who may read which centre was checked above.
    let filter = q.filter(centre);
    let leads = state
        .reads
        .get_or_read(
            format!("leads:{filter:?}:{LIST_LIMIT}"),
            store::site::list_leads(&state.db, &filter, LIST_LIMIT),
        )
        .await?;
    let rows: Vec<Row> = leads.iter().map(|r| row(i, r.clone())).collect();
    let any = || (String::new(), i.t("site-filter-any"));
    let mut statuses = vec![any()];
    statuses.extend(
        LeadStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), i.t(s.label_key()))),
    );
    let mut sources = vec![any()];
    sources.extend(
        ["pioneers", "event", "diagnostic"]
            .iter()
            .map(|s| (s.to_string(), i.t(&format!("lead-source-{s}")))),
    );
    let mut campaigns = vec![any()];
    campaigns.extend(
        state
            .reads
            .get_or_read(
                format!("lead-campaigns:{centre:?}"),
                store::site::campaigns(&state.db, centre),
            )
            .await?
            .iter()
            .map(|c| (c.clone(), c.clone())),
    );
    let mut interests = vec![any()];
    interests.extend(
        domain::site::INTERESTS
            .iter()
            .map(|c| (c.to_string(), i.t(&format!("site-interest-{c}")))),
    );
    let confirmed = vec![
        any(),
        ("yes".into(), i.t("site-filter-confirmed-yes")),
        ("no".into(), i.t("site-filter-confirmed-no")),
    ];
    let counter = state
        .reads
        .get_or_read(
            format!("pioneers-counter:{}", i.code()),
            super::landing::counter(&state, i),
        )
        .await?
        .label
        .clone();
    let mut centres = Vec::new();
    if reach.all {
        centres.push(("0".to_string(), i.t("site-filter-all-centres")));
    }
    centres.extend(
        reach
            .centres
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    let centres = if centres.len() > 1 {
        opts(&centre.unwrap_or(0).to_string(), centres)
    } else {
        Vec::new()
    };
    let view = ListView {
        centres,
        layout: Layout::new(&state, &ctx, i.t("site-leads-title")),
        count: i.tn("site-leads-count", rows.len() as i64),
        csv_href: format!("/admin/leads.csv?{}", q.query_string()),
        statuses: opts(&q.status, statuses),
        sources: opts(&q.source, sources),
        campaigns: opts(&q.campaign, campaigns),
        interests: opts(&q.interest, interests),
        confirmed: opts(&q.confirmed, confirmed),
        counter,
        rows,
        q,
    };
    Ok(Html(view.render()?).into_response())
}

/// The filtered list as CSV (RFC 4180, UTF-8 with BOM, formulas neutralised).
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FilterQuery>,
) -> WebResult<Response> {
    let reach = crate::scope::reach(&state, &ctx, Action::ManageLeads).await?;
    let centre = reach.chosen(q.centre);
    let i = ctx.i;
    let found = store::site::list_leads(&state.db, &q.filter(centre), EXPORT_LIMIT).await?;
    let mut rows = vec![
        [
            "site-field-name",
            "field-email",
            "site-field-town",
            "site-field-interests-staff",
            "site-field-tags",
            "site-field-status",
            "site-field-source",
            "site-field-utm-source",
            "site-field-utm-campaign",
            "site-field-confirmed",
            "site-field-newsletter",
            "site-field-created",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect::<Vec<_>>(),
    ];
    let n = found.len();
    for r in found {
        let newsletter = match (
            r.confirmed_at,
            r.newsletter_consent_at,
            r.newsletter_unsubscribed_at,
        ) {
            (Some(_), Some(c), Some(u)) => c > u,
            (Some(_), Some(_), None) => true,
            _ => false,
        };
        let yes_no = |b: bool| i.t(if b { "site-yes" } else { "site-no" });
        rows.push(vec![
            r.name.clone(),
            r.email.clone(),
            r.town.clone(),
            r.interests.clone(),
            r.tags.clone(),
            r.status.code().to_string(),
            source_label(i, &r),
            r.utm_source.clone(),
            r.utm_campaign.clone(),
            yes_no(r.confirmed_at.is_some()),
            yes_no(newsletter),
            i.date(r.created_at),
        ]);
    }
    let user = ctx.require_user()?;
    audit::record(
        &state.db,
        AuditAction::LeadsExported,
        Entry {
            actor_id: Some(user.id),
            detail: &n.to_string(),
            ..Entry::default()
        },
    )
    .await?;
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        "leads.csv",
    ))
}

struct NoteView {
    body: String,
    author: String,
    at: String,
}

#[derive(Template)]
#[template(path = "site/lead.html")]
struct ShowView {
    layout: Layout,
    id: i64,
    name: String,
    email: String,
    facts: Vec<(String, String)>,
    statuses: Vec<Opt>,
    tags: String,
    notes: Vec<NoteView>,
    note: String,
    errors: FieldErrors,
    invited: Option<String>,
    centres: Vec<Opt>,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    note: String,
    tags_input: Option<String>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let lead = crate::scope::lead(state, ctx, id).await?;
    let date = |t: Option<i64>| t.map(|t| i.datetime(t)).unwrap_or_else(|| i.t("site-none"));
    let interests: Vec<String> = lead
        .interests
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|c| i.t(&format!("site-interest-{c}")))
        .collect();
    let mut facts = vec![
        (i.t("site-field-town"), lead.town.clone()),
        (i.t("site-field-idea-staff"), lead.idea.clone()),
        (i.t("site-field-interests-staff"), interests.join(", ")),
        (
            i.t("site-field-source"),
            i.t(&format!("lead-source-{}", lead.source)),
        ),
        (
            i.t("site-field-campaign"),
            [
                &lead.utm_source,
                &lead.utm_medium,
                &lead.utm_campaign,
                &lead.referrer_host,
            ]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" · "),
        ),
        (i.t("site-field-confirmed"), date(lead.confirmed_at)),
        (
            i.t("site-field-newsletter"),
            i.t(if lead.newsletter() {
                "site-yes"
            } else {
                "site-no"
            }),
        ),
        (
            i.t("site-my-data-last-contact"),
            date(Some(lead.last_contact_at)),
        ),
        (i.t("site-field-created"), date(Some(lead.created_at))),
        (
            i.t("site-field-account"),
            match store::site::account_since(&state.db, &lead.email).await? {
                Some(at) => i.ta("site-account-since", &[("date", &i.date(at))]),
                None => i.t("site-account-none"),
            },
        ),
    ];
    for (title, at, confirmed) in store::site::registrations_of(&state.db, id).await? {
        facts.push((
            i.t("site-my-data-event"),
            format!(
                "{title} — {} ({})",
                i.datetime(at),
                i.t(if confirmed.is_some() {
                    "site-confirmed"
                } else {
                    "site-unconfirmed"
                })
            ),
        ));
    }
    let centres = state
        .centres()
        .await?
        .iter()
        .map(|c| Opt {
            value: c.slug.clone(),
            label: c.name.clone(),
            selected: false,
        })
        .collect();
    let notes = store::site::notes(&state.db, id)
        .await?
        .into_iter()
        .map(|n| NoteView {
            body: n.body,
            author: n.author.unwrap_or_default(),
            at: i.datetime(n.created_at),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, lead.name.clone()),
        id,
        statuses: opts(
            lead.status.code(),
            LeadStatus::ALL
                .iter()
                .map(|s| (s.code().to_string(), i.t(s.label_key())))
                .collect(),
        ),
        tags: tags_input.unwrap_or_else(|| lead.tags.replace(',', ", ")),
        invited: lead.invited_at.map(|t| i.datetime(t)),
        name: lead.name,
        email: lead.email,
        facts,
        notes,
        note,
        errors,
        centres,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render(
        &state,
        &ctx,
        id,
        String::new(),
        None,
        FieldErrors::default(),
    )
    .await
}

fn back(id: i64, state: &AppState, flash: &str) -> Response {
    crate::respond::redirect_with_flash(&format!("/admin/leads/{id}"), flash, state)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
}

pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> WebResult<Response> {
    crate::scope::lead(&state, &ctx, id).await?;
    let status =
        LeadStatus::parse(&form.status).map_err(|_| WebError::BadRequest("error-form-invalid"))?;
    store::site::set_status(&state.db, id, status, store::now()).await?;
    Ok(back(id, &state, "flash-lead-saved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TagsForm {
    pub tags: String,
}

pub async fn tags(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<TagsForm>,
) -> WebResult<Response> {
    crate::scope::lead(&state, &ctx, id).await?;
    let mut errors = FieldErrors::default();
    let Some(tags) = errors.check("tags", ctx.i, domain::site::tags(&form.tags)) else {
        return render(&state, &ctx, id, String::new(), Some(form.tags), errors).await;
    };
    store::site::set_tags(&state.db, id, &tags.join(","), store::now()).await?;
    Ok(back(id, &state, "flash-lead-saved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub note: String,
}

pub async fn note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NoteForm>,
) -> WebResult<Response> {
    crate::scope::lead(&state, &ctx, id).await?;
    let mut errors = FieldErrors::default();
    let Some(body) = errors.check("note", ctx.i, text(&form.note, NOTE_MAX)) else {
        return render(&state, &ctx, id, form.note, None, errors).await;
    };
    let user = ctx.require_user()?;
    store::site::add_note(&state.db, id, user.id, &body, store::now()).await?;
    Ok(back(id, &state, "flash-lead-saved"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub centre: String,
}

/// Sends an invitation to sign up as a participant of a centre, and marks the lead converted.
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<InviteForm>,
) -> WebResult<Response> {
    let lead = crate::scope::lead(&state, &ctx, id).await?;
    let centre = store::centres::find_by_slug(&state.db, &form.centre)
        .await?
        .ok_or(WebError::BadRequest("error-form-invalid"))?;
    ctx.authorize(Action::ManageMembers, Scope::Centre(centre.id))?;
    let inviter = ctx.require_user()?;
    // In the lead's language, like every mail to them.
    let i = I18n::new(lead.locale);
    crate::invitations::send(
        &state,
        i,
        inviter,
        &crate::invitations::Invite {
            centre_id: centre.id,
            email: &lead.email,
            role: Role::Participant,
            project: None,
            grants_membership: true,
            lead: Some(crate::invitations::InvitedLead {
                id,
                name: &lead.name,
            }),
        },
    )
    .await?;
    Ok(back(id, &state, "flash-lead-invited"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    pub confirm: String,
}

pub async fn erase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EraseForm>,
) -> WebResult<Response> {
    crate::scope::lead(&state, &ctx, id).await?;
    if form.confirm != "yes" {
        let mut errors = FieldErrors::default();
        errors.add("confirm", ctx.i, "site-erase-confirm-required");
        return render(&state, &ctx, id, String::new(), None, errors).await;
    }
    store::site::erase(&state.db, id).await?;
    let user = ctx.require_user()?;
    audit::record(
        &state.db,
        AuditAction::LeadErased,
        Entry {
            actor_id: Some(user.id),
            detail: &format!("lead:{id}"),
            ..Entry::default()
        },
    )
    .await?;
    state.site.changed();
    Ok(crate::respond::redirect_with_flash(
        "/admin/leads",
        "flash-lead-erased",
        &state,
    ))
}
