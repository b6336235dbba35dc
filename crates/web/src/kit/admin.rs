//! `/admin/kit`: the versions published, which version each centre holds and how many changes it
//! has not taken, and the draft of the next version: its items by section (each editable), what
//! it changes from the current version, the item to add, the network's sources to take in, and
//! the publication with its notes. Every refusal comes back beside its field with what was
//! typed; every change is audited.
use super::{ChangeView, audit, by_section, change_views};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::kit::{self as rules, Item, MAX_BODY, MAX_NOTES, MAX_TITLE, Section};
use domain::{Action, Scope};
use serde::Deserialize;
use std::collections::HashMap;
use store::audit::AuditAction;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ItemForm {
    pub key: String,
    pub section: String,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    pub notes: String,
}

pub struct VersionLine {
    pub number: i64,
    pub published: String,
    pub notes: String,
    pub items: String,
}

pub struct CentreLine {
    pub name: String,
    pub slug: String,
    pub held: String,
    pub state: String,
    pub state_class: &'static str,
}

pub struct ItemLine {
    pub key: String,
    /// The key made an element id.
    pub id: String,
    pub title: String,
    pub body: String,
    /// The item whose edit was refused: its form shows the errors and what was typed.
    pub refused: bool,
}

pub struct DraftView {
    pub number: i64,
    pub groups: Vec<(String, Vec<ItemLine>)>,
}

#[derive(Template)]
#[template(path = "kit/admin.html")]
struct AdminView {
    layout: Layout,
    current: Option<VersionLine>,
    versions: Vec<VersionLine>,
    centres: Vec<CentreLine>,
    draft: Option<DraftView>,
    /// What the draft changes from the current version.
    changes: Vec<ChangeView>,
    next_number: i64,
    /// (code, label, selected) for the add form.
    sections: Vec<(&'static str, String, bool)>,
    add: ItemForm,
    notes: String,
    errors: FieldErrors,
}

/// What the page holds besides the stored kit: the forms as typed and their errors.
#[derive(Default)]
struct Typed {
    add: ItemForm,
    edit: Option<ItemForm>,
    notes: String,
    errors: FieldErrors,
}

async fn render(state: &AppState, ctx: &Ctx, typed: Typed) -> WebResult<Response> {
    let i = ctx.i;
    let db = &state.db;
    let versions = store::kit::versions(db).await?;
    let published: Vec<&store::kit::Version> = versions
        .iter()
        .filter(|v| v.published_at.is_some())
        .collect();
    let line = |v: &store::kit::Version| VersionLine {
        number: v.number,
        published: match (&v.published_at, &v.published_by) {
            (Some(at), Some(by)) => {
                i.ta("kit-published-by", &[("date", &i.date(*at)), ("name", by)])
            }
            (Some(at), None) => i.date(*at),
            _ => String::new(),
        },
        notes: v.notes.clone(),
        items: i.tn("kit-items-count", v.items),
    };
    let current = published.first().copied();
    let current_items: Vec<Item> = match current {
        Some(c) => store::kit::items(db, c.id)
            .await?
            .iter()
            .map(store::kit::StoredItem::item)
            .collect(),
        None => Vec::new(),
    };

    // Each centre's version and the changes it has not taken (read once per version held).
    let holdings = store::kit::holdings(db).await?;
    let mut pending: HashMap<i64, usize> = HashMap::new();
    for h in &holdings {
        if let Some(v) = h.version_id
            && !pending.contains_key(&v)
        {
            let held: Vec<Item> = store::kit::items(db, v)
                .await?
                .iter()
                .map(store::kit::StoredItem::item)
                .collect();
            pending.insert(v, rules::changes(&held, &current_items).len());
        }
    }
    let centres = holdings
        .into_iter()
        .map(|h| {
            let (state, state_class) = match (h.version_id, current) {
                (None, Some(_)) => (i.t("kit-centre-not-started"), "badge-neutral"),
                (None, None) => (i.t("kit-centre-nothing"), "badge-neutral"),
                (Some(v), _) => match pending.get(&v).copied().unwrap_or(0) {
                    0 => (i.t("kit-centre-up-to-date"), "badge-success"),
                    n => (
                        i.tn("kit-centre-pending", i64::try_from(n).unwrap_or(i64::MAX)),
                        "badge-warning",
                    ),
                },
            };
            CentreLine {
                held: match (h.number, h.taken_at) {
                    (Some(n), Some(at)) => i.ta(
                        "kit-held",
                        &[("number", &n.to_string()), ("date", &i.date(at))],
                    ),
                    _ => "—".into(),
                },
                name: h.name,
                slug: h.slug,
                state,
                state_class,
            }
        })
        .collect();

    let mut changes = Vec::new();
    let draft = match versions.iter().find(|v| v.published_at.is_none()) {
        None => None,
        Some(d) => {
            let items = store::kit::items(db, d.id).await?;
            let domain_items: Vec<Item> = items.iter().map(store::kit::StoredItem::item).collect();
            changes = change_views(i, rules::changes(&current_items, &domain_items));
            let lines: Vec<(Section, ItemLine)> = items
                .into_iter()
                .map(|s| {
                    let section = s.item().section;
                    let refused = typed.edit.as_ref().is_some_and(|e| e.key == s.key);
                    let (title, body) = match &typed.edit {
                        Some(e) if refused => (e.title.clone(), e.body.clone()),
                        _ => (s.title, s.body),
                    };
                    (
                        section,
                        ItemLine {
                            id: s.key.replace('/', "-"),
                            key: s.key,
                            title,
                            body,
                            refused,
                        },
                    )
                })
                .collect();
            let groups = by_section(i, lines, |(s, _)| *s)
                .into_iter()
                .map(|(name, list)| (name, list.into_iter().map(|(_, l)| l).collect()))
                .collect();
            Some(DraftView {
                number: d.number,
                groups,
            })
        }
    };
    let next_number = versions.first().map(|v| v.number + 1).unwrap_or(1);
    let status = if typed.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = AdminView {
        layout: Layout::new(state, ctx, i.t("kit-admin-title")),
        current: current.map(line),
        versions: published.into_iter().map(line).collect(),
        centres,
        draft,
        changes,
        next_number,
        sections: Section::ALL
            .into_iter()
            .map(|s| (s.code(), i.t(&s.label_key()), s.code() == typed.add.section))
            .collect(),
        add: typed.add,
        notes: typed.notes,
        errors: typed.errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn require(ctx: &Ctx) -> WebResult<()> {
    ctx.authorize(Action::ManageKit, Scope::Network)
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    require(&ctx)?;
    render(&state, &ctx, Typed::default()).await
}

fn back(state: &AppState, flash: &str) -> Response {
    redirect_with_flash("/admin/kit#brouillon", flash, state)
}

pub async fn open_draft(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    require(&ctx)?;
    store::kit::open_draft(&state.db).await?;
    audit(
        &state.db,
        &ctx,
        AuditAction::KitChanged,
        None,
        "draft_opened",
    )
    .await?;
    Ok(back(&state, "flash-kit-draft-opened"))
}

/// The title and text of an item form, each refused beside its field.
fn checked(
    ctx: &Ctx,
    form: &ItemForm,
    errors: &mut FieldErrors,
    (title_field, body_field): (&'static str, &'static str),
) -> Option<(String, String)> {
    let i = ctx.i;
    let title = rules::text(&form.title, MAX_TITLE, true)
        .map_err(|e| errors.add(title_field, i, e.message_key()))
        .ok();
    let body = rules::text(&form.body, MAX_BODY, true)
        .map_err(|e| errors.add(body_field, i, e.message_key()))
        .ok();
    title.zip(body)
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    require(&ctx)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let section = Section::parse(&form.section)
        .map_err(|e| errors.add("section", i, e.message_key()))
        .ok();
    let texts = checked(&ctx, &form, &mut errors, ("title", "body"));
    let (Some(section), Some((title, body))) = (section, texts) else {
        let typed = Typed {
            add: form,
            errors,
            ..Typed::default()
        };
        return render(&state, &ctx, typed).await;
    };
    let item = Item {
        key: rules::key_of(section, &title),
        section,
        title,
        body,
    };
    match store::kit::add_item(&state.db, &item).await {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("title", i, "kit-error-duplicate");
            let typed = Typed {
                add: form,
                errors,
                ..Typed::default()
            };
            return render(&state, &ctx, typed).await;
        }
        Err(store::StoreError::NotFound) => return Err(WebError::NotFound),
        Err(e) => return Err(e.into()),
    }
    audit(&state.db, &ctx, AuditAction::KitChanged, None, "item_added").await?;
    Ok(back(&state, "flash-kit-item-added"))
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    require(&ctx)?;
    let mut errors = FieldErrors::default();
    let Some((title, body)) = checked(&ctx, &form, &mut errors, ("edit_title", "edit_body")) else {
        let typed = Typed {
            edit: Some(form),
            errors,
            ..Typed::default()
        };
        return render(&state, &ctx, typed).await;
    };
    if !store::kit::save_item(&state.db, form.key.trim(), &title, &body).await? {
        return Err(WebError::NotFound);
    }
    audit(&state.db, &ctx, AuditAction::KitChanged, None, "item_saved").await?;
    Ok(back(&state, "flash-kit-item-saved"))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ItemForm>,
) -> WebResult<Response> {
    require(&ctx)?;
    if !store::kit::remove_item(&state.db, form.key.trim()).await? {
        return Err(WebError::NotFound);
    }
    audit(
        &state.db,
        &ctx,
        AuditAction::KitChanged,
        None,
        "item_removed",
    )
    .await?;
    Ok(back(&state, "flash-kit-item-removed"))
}

/// Writes the network's standard lists and the studio's offers and checklists into the draft.
pub async fn take_sources(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    require(&ctx)?;
    let items = super::sources::items(&state.db, ctx.i).await?;
    match store::kit::put_items(&state.db, &items).await {
        Ok(()) => {}
        Err(store::StoreError::NotFound) => return Err(WebError::NotFound),
        Err(e) => return Err(e.into()),
    }
    audit(
        &state.db,
        &ctx,
        AuditAction::KitChanged,
        None,
        "sources_taken",
    )
    .await?;
    Ok(back(&state, "flash-kit-sources-taken"))
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<PublishForm>,
) -> WebResult<Response> {
    require(&ctx)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let refused = |errors: FieldErrors, form: PublishForm| Typed {
        notes: form.notes,
        errors,
        ..Typed::default()
    };
    let notes = match rules::text(&form.notes, MAX_NOTES, true) {
        Ok(n) => n,
        Err(e) => {
            errors.add("notes", i, e.message_key());
            return render(&state, &ctx, refused(errors, form)).await;
        }
    };
    let by = ctx.user.as_ref().map(|u| u.id);
    let number = match store::kit::publish(&state.db, &notes, by).await {
        Ok(n) => n,
        Err(store::StoreError::Refused(key)) => {
            errors.add("notes", i, key);
            return render(&state, &ctx, refused(errors, form)).await;
        }
        Err(store::StoreError::NotFound) => return Err(WebError::NotFound),
        Err(e) => return Err(e.into()),
    };
    audit(
        &state.db,
        &ctx,
        AuditAction::KitChanged,
        None,
        &format!("published {number}"),
    )
    .await?;
    Ok(redirect_with_flash(
        "/admin/kit",
        "flash-kit-published",
        &state,
    ))
}
