//! Filling a cohort: its people (a participant takes a seat, up to the capacity; a coach does
//! not), its sessions and who attended each, its shared resources.
use super::cohort_for;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use serde::Deserialize;
use store::cohorts::{Cohort, Person};

/// The cohort, for one of its centre's managers.
pub(super) async fn managed(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Cohort> {
    let (cohort, _) = cohort_for(state, ctx, id).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(cohort.centre_id))?;
    Ok(cohort)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub person: String,
    pub role: String,
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> WebResult<Response> {
    let cohort = managed(&state, &ctx, id).await?;
    let role = if form.role == "coach" {
        "coach"
    } else {
        "participant"
    };
    let candidates = store::cohorts::people(&state.db, &cohort, true).await?;
    let person = form
        .person
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|p| candidates.iter().any(|c| c.user_id == *p));
    let Some(person) = person else {
        let mut errors = FieldErrors::default();
        errors.add("person", ctx.i, "cohort-error-person");
        return super::page::render(&state, &ctx, id, None, errors).await;
    };
    let mut tx = state.db.begin().await?;
    match store::cohorts::add_member_in(&mut tx, cohort.id, person, role).await {
        Ok(()) => {}
        Err(store::StoreError::Full) => {
            drop(tx);
            let mut errors = FieldErrors::default();
            errors.add("person", ctx.i, "application-error-cohort-full");
            return super::page::render(&state, &ctx, id, None, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    if role == "participant" {
        store::cohorts::add_projects_of_in(&mut tx, &cohort, person).await?;
    }
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/cohorts/{id}"),
        "flash-cohort-person-added",
        &state,
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, user)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let cohort = managed(&state, &ctx, id).await?;
    store::cohorts::remove_member(&state.db, cohort.id, user).await?;
    Ok(axum::response::Redirect::to(&format!("/cohorts/{id}")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub title: String,
    pub starts: String,
    pub room: String,
    pub link: String,
}

/// `2026-12-05T14:00` (Paris time) → Unix seconds.
fn parse_local(value: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let local = time::PrimitiveDateTime::parse(value.trim().get(..16)?, &fmt).ok()?;
    domain::time_zone::from_paris(local)
}

pub async fn add_session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<SessionForm>,
) -> WebResult<Response> {
    let cohort = managed(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let title = errors.check("session_title", i, text(&form.title, 120));
    let starts = parse_local(&form.starts);
    if starts.is_none() {
        errors.add("starts", i, "cohort-error-starts");
    }
    let room = form.room.trim();
    if room.chars().count() > 120 {
        errors.add("room", i, "error-too-long");
    }
    let link = match domain::tracking::check_link(&form.link) {
        Ok(l) => Some(l),
        Err(e) => {
            errors.add("link", i, e.message_key());
            None
        }
    };
    let (Some(title), Some(starts), Some(link), true) = (title, starts, link, errors.is_empty())
    else {
        return super::page::render(&state, &ctx, id, None, errors).await;
    };
    let session =
        store::cohorts::add_session(&state.db, cohort.id, &title, starts, room, &link).await?;
    super::surveys::schedule(
        &state.db,
        cohort.id,
        session,
        starts + super::surveys::SESSION_SECS,
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/cohorts/{id}#h-cohort-sessions"),
        "flash-cohort-session-added",
        &state,
    ))
}

#[derive(Template)]
#[template(path = "cohorts/session.html")]
struct SessionView {
    layout: Layout,
    cohort: Cohort,
    session: store::cohorts::Session,
    when: String,
    /// The participants, each with whether they were there.
    roster: Vec<(Person, bool)>,
}

pub(super) async fn session_of(
    state: &AppState,
    cohort: &Cohort,
    session: i64,
) -> WebResult<store::cohorts::Session> {
    store::cohorts::sessions(&state.db, cohort.id)
        .await?
        .into_iter()
        .find(|s| s.id == session)
        .ok_or(WebError::NotFound)
}

pub async fn session_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let cohort = managed(&state, &ctx, id).await?;
    let session = session_of(&state, &cohort, session).await?;
    let present = store::cohorts::attendance(&state.db, session.id).await?;
    let roster = store::cohorts::people(&state.db, &cohort, false)
        .await?
        .into_iter()
        .filter(|p| p.role == "participant")
        .map(|p| {
            let here = present.iter().any(|(u, there)| *u == p.user_id && *there);
            (p, here)
        })
        .collect();
    let view = SessionView {
        layout: Layout::new(&state, &ctx, session.title.clone())
            .under(format!("/cohorts/{id}"), cohort.name.clone()),
        when: ctx.i.datetime(session.starts_at),
        cohort,
        session,
        roster,
    };
    Ok(Html(view.render()?).into_response())
}

/// Records attendance: the ticked participants were there, the others were not.
pub async fn attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let cohort = managed(&state, &ctx, id).await?;
    let session = session_of(&state, &cohort, session).await?;
    let ticked: Vec<i64> = pairs
        .iter()
        .filter(|(k, _)| k == "present")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let roster: Vec<i64> = store::cohorts::people(&state.db, &cohort, false)
        .await?
        .into_iter()
        .filter(|p| p.role == "participant")
        .map(|p| p.user_id)
        .collect();
    store::cohorts::set_attendance(&state.db, session.id, &roster, &ticked).await?;
    Ok(redirect_with_flash(
        &format!("/cohorts/{id}/sessions/{}", session.id),
        "flash-cohort-attendance",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResourceForm {
    pub title: String,
    pub url: String,
}

pub async fn add_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ResourceForm>,
) -> WebResult<Response> {
    let cohort = managed(&state, &ctx, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let title = errors.check("resource_title", i, text(&form.title, 120));
    let url = match domain::tracking::check_link(&form.url) {
        Ok(l) if !l.is_empty() => Some(l),
        Ok(_) => {
            errors.add("url", i, "error-required");
            None
        }
        Err(e) => {
            errors.add("url", i, e.message_key());
            None
        }
    };
    let (Some(title), Some(url)) = (title, url) else {
        return super::page::render(&state, &ctx, id, None, errors).await;
    };
    store::cohorts::add_resource(&state.db, cohort.id, &title, &url).await?;
    Ok(redirect_with_flash(
        &format!("/cohorts/{id}#h-cohort-resources"),
        "flash-cohort-resource-added",
        &state,
    ))
}
