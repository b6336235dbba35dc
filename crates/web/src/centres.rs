//! Centres: the network admin creates them; a centre manager invites people with a role and
//! manages its members.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;

use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::{Action, Email, Role, Scope, Slug};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::centres::{Centre, CentreSummary};

pub const INVITATION_TTL: i64 = 14 * 86_400;

pub struct CentreRow {
    pub slug: String,
    pub name: String,
    pub town: String,
    pub kind: String,
    pub members: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CentreForm {
    pub name: String,
    pub slug: String,
    pub town: String,
}

#[derive(Template)]
#[template(path = "centres/list.html")]
struct ListView {
    layout: Layout,
    centres: Vec<CentreRow>,
    /// Centres being brought up through the guided flow: slug, name, progress.
    launches: Vec<(String, String, String)>,
    form: CentreForm,
    errors: FieldErrors,
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    form: CentreForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let all = state.centres().await?;
    let launches = all
        .iter()
        .filter_map(|c| {
            let done = c.launch_steps?.to_string();
            let progress = i.ta("centres-launch-progress", &[("done", &done)]);
            Some((c.slug.clone(), c.name.clone(), progress))
        })
        .collect();
    let centres = all
        .iter()
        .map(|c| CentreRow {
            kind: i.t(c.kind.label_key()),
            members: i.tn("centre-members-count", c.members),
            slug: c.slug.clone(),
            name: c.name.clone(),
            town: c.town.clone(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ListView {
        layout: Layout::new(state, ctx, i.t("centres-title")),
        centres,
        launches,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// Network admins see every centre; staff of one centre go straight to theirs.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.require_user()?;
    if ctx.actor.can(Action::ListAllCentres, Scope::Network) {
        return render_list(&state, &ctx, CentreForm::default(), FieldErrors::default()).await;
    }
    let staff_centre = ctx
        .actor
        .memberships
        .iter()
        .find(|(_, r)| r.is_staff())
        .map(|(c, _)| *c);
    match staff_centre {
        Some(id) => {
            let centre = store::centres::find(&state.db, id)
                .await?
                .ok_or(WebError::NotFound)?;
            Ok(Redirect::to(&format!("/centres/{}", centre.slug)).into_response())
        }
        None => Err(WebError::Forbidden),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<CentreForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::CreateCentre, Scope::Network)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let name = errors.check("name", i, text(&form.name, 120));
    let town = errors.check("town", i, text(&form.town, 80));
    let slug = match (form.slug.trim().is_empty(), &name) {
        (true, Some(n)) => errors.check("slug", i, Slug::from_name(n)),
        (true, None) => None,
        (false, _) => errors.check("slug", i, Slug::parse(&form.slug)),
    };
    let (Some(name), Some(town), Some(slug)) = (name, town, slug) else {
        return render_list(&state, &ctx, form, errors).await;
    };
    let new = store::centres::NewCentre {
        slug: slug.as_str(),
        name: &name,
        kind: "micro_centre",
        town: &town,
    };
    match store::centres::create(&state.db, &new).await {
        Ok(id) => {
            audit::record(
                &state.db,
                AuditAction::CentreCreated,
                Entry {
                    actor_id: ctx.actor.user_id,
                    centre_id: Some(id),
                    detail: slug.as_str(),
                    ..Entry::default()
                },
            )
            .await?;
            state.accounts_changed();
            Ok(redirect_with_flash(
                &format!("/centres/{slug}"),
                "flash-centre-created",
                &state,
            ))
        }
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", i, "error-slug-taken");
            render_list(&state, &ctx, form, errors).await
        }
        Err(err) => Err(err.into()),
    }
}

pub struct MemberRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role_code: &'static str,
    pub role: String,
    pub since: String,
}

pub struct InvitationRow {
    pub email: String,
    pub role: String,
    pub expires: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "centres/show.html")]
struct ShowView {
    layout: Layout,
    centre: CentreSummary,
    kind: String,
    can_manage: bool,
    /// The centre's managers keep its place (profile, spaces, occupancy).
    keeps_place: bool,
    /// The public part: profile, hours, spaces, events, offers (`places::public`).
    place: crate::places::public::PublicPlace,
    /// Coaches and managers see the members and the cohorts.
    staff: bool,
    members: Vec<MemberRow>,
    invitations: Vec<InvitationRow>,
    projects: i64,
    roles: Vec<(String, String)>,
    form: InviteForm,
    errors: FieldErrors,
}

/// A centre the signed-in person may see. Another centre is not found, as its projects are:
/// the answer does not tell which centres exist (its public page aside).
async fn centre_by_slug(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<Centre> {
    ctx.require_user()?;
    store::centres::find_by_slug(&state.db, slug)
        .await?
        .filter(|c| ctx.actor.can(Action::ViewCentre, Scope::Centre(c.id)))
        .ok_or(WebError::NotFound)
}

async fn render_show(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: InviteForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let can_manage = ctx
        .actor
        .can(Action::ManageMembers, Scope::Centre(centre.id));
    let staff = can_manage
        || ctx
            .actor
            .can(Action::ListProjects, Scope::Centre(centre.id));
    let keeps_place = ctx.actor.can(Action::ManagePlace, Scope::Centre(centre.id));
    let place =
        crate::places::public::read(state, ctx, centre.id, &centre.slug, &centre.town).await?;
    let members = if staff {
        store::centres::members(&state.db, centre.id)
            .await?
            .into_iter()
            .map(|m| MemberRow {
                role: i.t(m.role.label_key()),
                role_code: m.role.code(),
                since: i.date(m.created_at),
                user_id: m.user_id,
                name: m.display_name,
                email: if can_manage { m.email } else { String::new() },
            })
            .collect()
    } else {
        Vec::new()
    };
    let invitations = if can_manage {
        store::centres::pending_invitations(&state.db, centre.id)
            .await?
            .into_iter()
            .map(|inv| InvitationRow {
                role: i.t(inv.role.label_key()),
                expires: i.date(inv.expires_at),
                email: inv.email,
            })
            .collect()
    } else {
        Vec::new()
    };
    let roles = Role::MEMBER_ROLES
        .into_iter()
        .filter(|r| ctx.actor.can_grant(*r, centre.id))
        .map(|r| (r.code().to_string(), i.t(r.label_key())))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let layout = Layout::new(state, ctx, centre.name.clone());
    let layout = if place.presentation.is_empty() {
        layout
    } else {
        let summary: String = place.presentation.chars().take(160).collect();
        layout.with_description(summary)
    };
    let view = ShowView {
        layout,
        kind: i.t(centre.kind.label_key()),
        projects: centre.projects,
        centre,
        can_manage,
        keeps_place,
        place,
        staff,
        members,
        invitations,
        roles,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The centre's page: its public face for anyone (profile, hours, spaces, events, offers),
/// with the members, invitations and management links for its staff.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    render_show(
        &state,
        &ctx,
        centre,
        InviteForm {
            role: "participant".into(),
            ..InviteForm::default()
        },
        FieldErrors::default(),
    )
    .await
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &ctx, &slug).await?;
    ctx.authorize(Action::ManageMembers, Scope::Centre(centre.id))?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", i, Email::parse(&form.email));
    let role = errors.check("role", i, Role::parse_member(&form.role));
    if role.is_some_and(|r| !ctx.actor.can_grant(r, centre.id)) {
        errors.add("role", i, "error-role-not-allowed");
    }
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        let summary = crate::cohorts::centre_by_slug(&state, &centre.slug).await?;
        return render_show(&state, &ctx, summary, form, errors).await;
    };
    let inviter = ctx.require_user()?;
    crate::invitations::send(
        &state,
        i,
        inviter,
        &crate::invitations::Invite {
            centre_id: centre.id,
            email: email.as_str(),
            role,
            project: None,
            grants_membership: true,
            lead: None,
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}", centre.slug),
        "flash-invitation-sent",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    pub role: String,
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, user_id)): Path<(String, i64)>,
    Form(form): Form<RevokeForm>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &ctx, &slug).await?;
    ctx.authorize(Action::ManageMembers, Scope::Centre(centre.id))?;
    let role =
        Role::parse_member(&form.role).map_err(|_| WebError::BadRequest("error-role-unknown"))?;
    if !ctx.actor.can_grant(role, centre.id) {
        return Err(WebError::Forbidden);
    }
    if ctx.actor.user_id == Some(user_id) && role == Role::CentreManager {
        return Err(WebError::BadRequest("error-revoke-self"));
    }
    if store::centres::revoke(&state.db, user_id, centre.id, role).await? {
        audit::record(
            &state.db,
            AuditAction::RoleRevoked,
            Entry {
                actor_id: ctx.actor.user_id,
                centre_id: Some(centre.id),
                subject_id: Some(user_id),
                detail: role.code(),
            },
        )
        .await?;
        state.accounts_changed();
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}", centre.slug),
        "flash-role-revoked",
        &state,
    ))
}
