//! The network team and centre managers edit events: the list, a new event, an event's form.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::event::EventKind;
use domain::site::optional_text;
use domain::{Action, Slug};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

struct EventLine {
    href: String,
    public_href: String,
    title: String,
    when: String,
    seats: String,
    published: bool,
}

#[derive(Template)]
#[template(path = "site/admin_events.html")]
struct EventsView {
    layout: Layout,
    events: Vec<EventLine>,
}

pub async fn events(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let reach = crate::scope::reach(&state, &ctx, Action::ManageEvents).await?;
    let i = ctx.i;
    let events = store::site::all_events(&state.db, reach.chosen(0))
        .await?
        .into_iter()
        .map(|e| EventLine {
            href: format!("/admin/evenements/{}", e.id),
            public_href: format!("/evenements/{}", e.slug),
            when: i.datetime(e.starts_at),
            seats: i.ta(
                "site-admin-event-seats",
                &[
                    ("taken", &i.number(e.taken)),
                    ("capacity", &i.number(e.capacity)),
                ],
            ),
            published: e.published == 1,
            title: e.title,
        })
        .collect();
    let view = EventsView {
        layout: Layout::new(&state, &ctx, i.t("site-admin-events-title")),
        events,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub description: String,
    /// `2026-12-05T14:00` in Paris time (an `<input type="datetime-local">`).
    pub starts: String,
    pub ends: String,
    pub place: String,
    pub online_url: String,
    pub capacity: String,
    pub published: String,
    /// The id of the centre that runs a new event.
    pub centre: String,
    /// `workshop`, `launch`, `opening` or `webinar`.
    pub kind: String,
}

#[derive(Template)]
#[template(path = "site/admin_event.html")]
struct EventFormView {
    layout: Layout,
    action: String,
    form: EventForm,
    errors: FieldErrors,
    /// The centres a new event can belong to (id, name), when there is a choice.
    centres: Vec<(String, String)>,
    /// The kinds of event (code, label).
    kinds: Vec<(&'static str, String)>,
    /// The registrations page of an existing event.
    registrations_href: Option<String>,
}

async fn render_event(
    state: &AppState,
    ctx: &Ctx,
    action: String,
    form: EventForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let reach = crate::scope::reach(state, ctx, Action::ManageEvents).await?;
    let centres = if action.ends_with("nouveau") && reach.centres.len() > 1 {
        reach
            .centres
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = if action.ends_with("nouveau") {
        ctx.i.t("site-admin-event-new")
    } else {
        form.title.clone()
    };
    let registrations_href = action
        .strip_prefix("/admin/evenements/")
        .filter(|id| id.parse::<i64>().is_ok())
        .map(|id| format!("/admin/evenements/{id}/accueil"));
    let kinds = EventKind::ALL
        .into_iter()
        .map(|k| (k.code(), ctx.i.t(k.label_key())))
        .collect();
    let view = EventFormView {
        layout: Layout::new(state, ctx, title),
        action,
        form,
        errors,
        centres,
        kinds,
        registrations_href,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `2026-12-05T14:00` (Paris time) → Unix seconds.
fn parse_local(value: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let local = time::PrimitiveDateTime::parse(value.trim().get(..16)?, &fmt).ok()?;
    domain::time_zone::from_paris(local)
}

fn format_local(unix: i64) -> String {
    let t = domain::time_zone::to_paris(unix);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute()
    )
}

pub async fn new_event(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let form = EventForm {
        capacity: "15".into(),
        published: "yes".into(),
        ..EventForm::default()
    };
    render_event(
        &state,
        &ctx,
        "/admin/evenements/nouveau".into(),
        form,
        FieldErrors::default(),
    )
    .await
}

pub async fn edit_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = store::site::event(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(&ctx, Action::ManageEvents, e.centre_id)?;
    let form = EventForm {
        title: e.title,
        slug: e.slug,
        summary: e.summary,
        description: e.description,
        starts: format_local(e.starts_at),
        ends: format_local(e.ends_at),
        place: e.place,
        online_url: e.online_url,
        capacity: e.capacity.to_string(),
        published: if e.published == 1 {
            "yes".into()
        } else {
            String::new()
        },
        centre: e.centre_id.map(|c| c.to_string()).unwrap_or_default(),
        kind: e.kind.code().to_string(),
    };
    render_event(
        &state,
        &ctx,
        format!("/admin/evenements/{id}"),
        form,
        FieldErrors::default(),
    )
    .await
}

struct Valid {
    title: String,
    slug: String,
    summary: String,
    description: String,
    starts: i64,
    ends: i64,
    place: String,
    online_url: String,
    capacity: i64,
}

fn validate(i: I18n, form: &EventForm, errors: &mut FieldErrors) -> Option<Valid> {
    let title = errors.check("title", i, text(&form.title, 120));
    let slug_input = if form.slug.trim().is_empty() {
        Slug::from_name(&form.title)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default()
    } else {
        form.slug.trim().to_string()
    };
    let slug = errors.check("slug", i, Slug::parse(&slug_input));
    let summary = errors.check("summary", i, text(&form.summary, 300));
    let description = errors.check("description", i, optional_text(&form.description, 8_000));
    let starts = parse_local(&form.starts);
    if starts.is_none() {
        errors.add("starts", i, "site-error-datetime");
    }
    let ends = parse_local(&form.ends);
    match (starts, ends) {
        (_, None) => errors.add("ends", i, "site-error-datetime"),
        (Some(s), Some(e)) if e <= s => errors.add("ends", i, "site-error-ends-before"),
        _ => {}
    }
    let place = errors.check("place", i, optional_text(&form.place, 200));
    let online_url = errors.check("online_url", i, optional_text(&form.online_url, 500));
    if let Some(u) = &online_url
        && !u.is_empty()
        && !u.starts_with("https://")
    {
        errors.add("online_url", i, "site-error-https");
    }
    if place.as_deref().is_some_and(str::is_empty)
        && online_url.as_deref().is_some_and(str::is_empty)
    {
        errors.add("place", i, "site-error-place-or-link");
    }
    let capacity = form
        .capacity
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|c| (1..=10_000).contains(c));
    if capacity.is_none() {
        errors.add("capacity", i, "site-error-capacity");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(Valid {
        title: title?,
        slug: slug?.as_str().to_string(),
        summary: summary?,
        description: description?,
        starts: starts?,
        ends: ends?,
        place: place?,
        online_url: online_url?,
        capacity: capacity?,
    })
}

async fn save_event(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    form: EventForm,
) -> WebResult<Response> {
    let action = match id {
        Some(id) => format!("/admin/evenements/{id}"),
        None => "/admin/evenements/nouveau".into(),
    };
    let mut errors = FieldErrors::default();
    // A new event belongs to one of the person's centres (the first when they have one).
    let reach = crate::scope::reach(state, ctx, Action::ManageEvents).await?;
    let centre = match form.centre.trim().parse::<i64>() {
        Ok(c) if reach.centres.iter().any(|(id, _)| *id == c) => Some(c),
        Err(_) if form.centre.trim().is_empty() => reach.centres.first().map(|(id, _)| *id),
        _ => {
            errors.add("centre", ctx.i, "project-error-centre");
            None
        }
    };
    let validated = validate(ctx.i, &form, &mut errors);
    let Some(v) = validated.filter(|_| errors.is_empty()) else {
        return render_event(state, ctx, action, form, errors).await;
    };
    let new = store::site::NewEvent {
        slug: &v.slug,
        title: &v.title,
        summary: &v.summary,
        description: &v.description,
        starts_at: v.starts,
        ends_at: v.ends,
        place: &v.place,
        online_url: &v.online_url,
        capacity: v.capacity,
        published: form.published == "yes",
        centre_id: centre,
        kind: EventKind::parse(&form.kind).unwrap_or(EventKind::Workshop),
    };
    let now = store::now();
    let result = match id {
        Some(id) => store::site::update_event(&state.db, id, &new, now).await,
        None => store::site::create_event(&state.db, &new, now)
            .await
            .map(|_| ()),
    };
    match result {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", ctx.i, "site-error-slug-taken");
            return render_event(state, ctx, action, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    let user = ctx.require_user()?;
    audit::record(
        &state.db,
        AuditAction::SiteEdited,
        Entry {
            actor_id: Some(user.id),
            detail: &format!("event:{}", v.slug),
            ..Entry::default()
        },
    )
    .await?;
    state.site.changed();
    Ok(crate::respond::redirect_with_flash(
        "/admin/evenements",
        "flash-site-saved",
        state,
    ))
}

pub async fn create_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<EventForm>,
) -> WebResult<Response> {
    save_event(&state, &ctx, None, form).await
}

pub async fn update_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EventForm>,
) -> WebResult<Response> {
    let e = store::site::event(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(&ctx, Action::ManageEvents, e.centre_id)?;
    save_event(&state, &ctx, Some(id), form).await
}
