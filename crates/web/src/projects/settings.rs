//! A project's settings: its card, stage and cover colour; its people (a centre's managers put
//! coaches and participants on it or invite them by e-mail, its members invite co-editors);
//! archive and restore.
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
use domain::project::{Colour, Stage, check_card};
use domain::{Action, Email, Role, Scope};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::projects::ProjectForUser;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub name: String,
    pub summary: String,
    pub town: String,
    pub stage: String,
    pub colour: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub user_id: String,
    pub relation: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub relation: String,
}

pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub relation: String,
}

/// Forms of the page shown again with their errors.
#[derive(Default)]
struct Refused {
    settings: Option<(SettingsForm, FieldErrors)>,
    person: Option<(PersonForm, FieldErrors)>,
    invite: Option<(InviteForm, FieldErrors)>,
}

#[derive(Template)]
#[template(path = "projects/settings.html")]
struct SettingsView {
    layout: Layout,
    id: i64,
    archived: String,
    form: SettingsForm,
    errors: FieldErrors,
    stages: Vec<(&'static str, String)>,
    colours: Vec<(&'static str, String)>,
    people: Vec<PersonRow>,
    /// Centre members who can be put on the project: (id, name, may follow as a coach).
    candidates: Vec<(i64, String)>,
    person: PersonForm,
    person_errors: FieldErrors,
    invite: InviteForm,
    invite_errors: FieldErrors,
    can_assign: bool,
}

/// The project, if the person may change it.
async fn editable(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(ProjectForUser, Scope)> {
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    ctx.authorize(Action::EditProject, scope)?;
    Ok((project, scope))
}

async fn render(state: &AppState, ctx: &Ctx, id: i64, refused: Refused) -> WebResult<Response> {
    let i = ctx.i;
    let (project, _) = editable(state, ctx, id).await?;
    let can_assign = ctx
        .actor
        .can(Action::AssignPeople, Scope::Centre(project.centre_id));
    // On a page, the project's people are kept a few seconds.
    let people = crate::cache::kept(
        state,
        ctx,
        format!("project-people:{id}"),
        store::projects::people(&state.db, id),
    )
    .await?;
    let candidates = if can_assign {
        let mut seen = std::collections::HashSet::new();
        store::centres::members(&state.db, project.centre_id)
            .await?
            .into_iter()
            .filter(|m| !people.iter().any(|p| p.0 == m.user_id))
            .filter(|m| seen.insert(m.user_id))
            .map(|m| (m.user_id, m.display_name))
            .collect()
    } else {
        Vec::new()
    };
    let status =
        if refused.settings.is_some() || refused.person.is_some() || refused.invite.is_some() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
    let (form, errors) = refused.settings.unwrap_or_else(|| {
        (
            SettingsForm {
                name: project.name.clone(),
                summary: project.summary.clone(),
                town: project.town.clone(),
                stage: project.stage.code().into(),
                colour: project.colour.code().into(),
            },
            FieldErrors::default(),
        )
    });
    let (person, person_errors) = refused.person.unwrap_or_default();
    let (invite, invite_errors) = refused.invite.unwrap_or_default();
    let view = SettingsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("project-settings-title", &[("project", &project.name)]),
        )
        .under(format!("/projects/{id}"), project.name.clone()),
        id,
        archived: project.archived_at.map(|at| i.date(at)).unwrap_or_default(),
        form,
        errors,
        stages: Stage::ALL
            .iter()
            .map(|s| (s.code(), i.t(s.label_key())))
            .collect(),
        colours: Colour::ALL
            .iter()
            .map(|c| (c.code(), i.t(c.label_key())))
            .collect(),
        people: people
            .iter()
            .map(|(id, name, relation)| PersonRow {
                id: *id,
                name: name.clone(),
                relation: i.t(if relation == "follower" {
                    "project-relation-follower"
                } else {
                    "project-relation-member"
                }),
            })
            .collect(),
        candidates,
        person,
        person_errors,
        invite,
        invite_errors,
        can_assign,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /projects/{id}/settings`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render(&state, &ctx, id, Refused::default()).await
}

fn back(id: i64, flash: &str, state: &AppState) -> Response {
    redirect_with_flash(&format!("/projects/{id}/settings"), flash, state)
}

/// `POST /projects/{id}/settings`.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<SettingsForm>,
) -> WebResult<Response> {
    let (project, _) = editable(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let card = check_card(&form.name, &form.summary, &form.town)
        .map_err(|problems| {
            for (field, e) in problems {
                errors.add(field, i, e.message_key());
            }
        })
        .ok();
    let stage = errors.check("stage", i, Stage::parse(&form.stage));
    let colour = errors.check("colour", i, Colour::parse(&form.colour));
    let (Some(card), Some(stage), Some(colour)) = (card, stage, colour) else {
        let refused = Refused {
            settings: Some((form, errors)),
            ..Refused::default()
        };
        return render(&state, &ctx, id, refused).await;
    };
    let mut tx = state.db.begin().await?;
    store::projects::update(
        &mut tx,
        id,
        &store::projects::Settings {
            name: &card.name,
            summary: &card.summary,
            town: &card.town,
            stage: stage.code(),
            colour: colour.code(),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        AuditAction::ProjectEdited,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(project.centre_id),
            subject_id: Some(id),
            detail: stage.code(),
        },
    )
    .await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(back(id, "flash-project-saved", &state))
}

/// `POST /projects/{id}/archive` and `/restore`: nothing is deleted, everything stays readable.
pub async fn set_archived(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    archive: bool,
) -> WebResult<Response> {
    let (project, _) = editable(state, ctx, id).await?;
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    store::projects::set_archived(&mut tx, id, archive.then(store::now)).await?;
    audit::record(
        &mut tx,
        if archive {
            AuditAction::ProjectArchived
        } else {
            AuditAction::ProjectRestored
        },
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(project.centre_id),
            subject_id: Some(id),
            detail: "",
        },
    )
    .await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(redirect_with_flash(
        &format!("/projects/{id}"),
        if archive {
            "flash-project-archived"
        } else {
            "flash-project-restored"
        },
        state,
    ))
}

pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    set_archived(&state, &ctx, id, true).await
}

pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    set_archived(&state, &ctx, id, false).await
}

/// The relation a form asks for: `member` (participant) or `follower` (coach).
fn relation(text: &str) -> Option<&'static str> {
    match text.trim() {
        "member" => Some("member"),
        "follower" => Some("follower"),
        _ => None,
    }
}

/// `POST /projects/{id}/people`: a centre manager puts one of the centre's people on the
/// project, as a participant or (for a coach) as the coach who follows it.
pub async fn add_person(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> WebResult<Response> {
    let (project, _) = editable(&state, &ctx, id).await?;
    ctx.authorize(Action::AssignPeople, Scope::Centre(project.centre_id))?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let person = form.user_id.trim().parse::<i64>().ok();
    let roles: Vec<Role> = match person {
        Some(person) => store::centres::members(&state.db, project.centre_id)
            .await?
            .into_iter()
            .filter(|m| m.user_id == person)
            .map(|m| m.role)
            .collect(),
        None => Vec::new(),
    };
    if roles.is_empty() {
        errors.add("user_id", i, "project-error-person");
    }
    let rel = relation(&form.relation);
    match rel {
        None => errors.add("relation", i, "error-choice-unknown"),
        Some("follower") if !roles.is_empty() && !roles.contains(&Role::Coach) => {
            errors.add("relation", i, "project-error-not-coach")
        }
        _ => {}
    }
    let (Some(person), Some(rel), true) = (person, rel, errors.is_empty()) else {
        let refused = Refused {
            person: Some((form, errors)),
            ..Refused::default()
        };
        return render(&state, &ctx, id, refused).await;
    };
    let mut tx = state.db.begin().await?;
    store::projects::link(&mut tx, id, person, rel).await?;
    audit::record(
        &mut tx,
        AuditAction::ProjectPersonAdded,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(project.centre_id),
            subject_id: Some(person),
            detail: &format!("project:{id}:{rel}"),
        },
    )
    .await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(back(id, "flash-project-person-added", &state))
}

/// `POST /projects/{id}/people/{user}/remove`.
pub async fn remove_person(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, person)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (project, _) = editable(&state, &ctx, id).await?;
    ctx.authorize(Action::AssignPeople, Scope::Centre(project.centre_id))?;
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    if !store::projects::unlink(&mut tx, id, person).await? {
        return Err(WebError::NotFound);
    }
    audit::record(
        &mut tx,
        AuditAction::ProjectPersonRemoved,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(project.centre_id),
            subject_id: Some(person),
            detail: &format!("project:{id}"),
        },
    )
    .await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(back(id, "flash-project-person-removed", &state))
}

/// `POST /projects/{id}/invitations`: a centre manager invites a participant or a coach (who
/// join the centre with that role); a member invites a co-editor, a guest of this project only.
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<InviteForm>,
) -> WebResult<Response> {
    let (project, _) = editable(&state, &ctx, id).await?;
    let inviter = ctx.require_user()?;
    let i = ctx.i;
    let can_assign = ctx
        .actor
        .can(Action::AssignPeople, Scope::Centre(project.centre_id));
    let mut errors = FieldErrors::default();
    let email = errors.check("email", i, Email::parse(&form.email));
    let role = match (relation(&form.relation), can_assign) {
        (Some("follower"), true) => Some(Role::Coach),
        (Some("member"), _) | (None, false) => Some(Role::Participant),
        _ => {
            errors.add("relation", i, "error-choice-unknown");
            None
        }
    };
    let (Some(email), Some(role)) = (email, role) else {
        let refused = Refused {
            invite: Some((form, errors)),
            ..Refused::default()
        };
        return render(&state, &ctx, id, refused).await;
    };
    crate::invitations::send(
        &state,
        i,
        inviter,
        &crate::invitations::Invite {
            centre_id: project.centre_id,
            email: email.as_str(),
            role,
            project: Some((id, &project.name)),
            grants_membership: ctx.actor.can_grant(role, project.centre_id),
            lead: None,
        },
    )
    .await?;
    Ok(back(id, "flash-invitation-sent", &state))
}
