//! Sharing a canvas: invite co-editors to its project, and read-only links that anyone holding
//! them can open (unguessable, revocable, logged in the audit).
use super::canvas_for;
use super::page::{PosterView, poster_blocks};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::mail::Compose;
use crate::respond::redirect_with_flash;
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::{Action, Email, Role};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

#[derive(Template)]
#[template(path = "canvas/sharing.html")]
struct SharingView {
    layout: Layout,
    id: i64,
    title: String,
    people: Vec<(String, String)>,
    typed_email: String,
    errors: FieldErrors,
    links: Vec<(i64, String)>,
    created: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SharingQuery {
    /// The token of a link just created, shown once.
    pub created: Option<String>,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    email: String,
    errors: FieldErrors,
    created: Option<String>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(state, ctx, id, Action::EditProject).await?;
    let i = ctx.i;
    let people = store::projects::people(&state.db, project.id)
        .await?
        .into_iter()
        .map(|(_, name, relation)| {
            let key = if relation == "follower" {
                "canvas-sharing-coach"
            } else {
                "canvas-sharing-coeditor"
            };
            (name, i.t(key))
        })
        .collect();
    let someone = i.t("canvas-versions-someone");
    let links = store::canvas::active_shares(&state.db, canvas.id)
        .await?
        .into_iter()
        .map(|s| {
            let meta = i.ta(
                "canvas-version-meta",
                &[
                    ("date", &i.datetime(s.created_at)),
                    ("name", s.author.as_deref().unwrap_or(&someone)),
                ],
            );
            (s.id, meta)
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = SharingView {
        layout: Layout::new(state, ctx, i.t("canvas-sharing")),
        id: canvas.id,
        title: canvas.title,
        people,
        typed_email: email,
        errors,
        links,
        created: created
            .filter(|t| {
                t.len() <= 64
                    && t.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .map(|t| state.url(&format!("/shared/canvas/{t}"))),
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /canvases/{id}/sharing`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<SharingQuery>,
) -> WebResult<Response> {
    render(
        &state,
        &ctx,
        id,
        String::new(),
        FieldErrors::default(),
        q.created,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
}

/// `POST /canvases/{id}/coeditors`: someone of the centre joins the project at once (and is told
/// by e-mail); anyone else gets an invitation to the centre and the project.
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<InviteForm>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let inviter = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(email) = errors.check("email", i, Email::parse(&form.email)) else {
        return render(&state, &ctx, id, form.email, errors, None).await;
    };
    let existing = store::accounts::find_user_by_email(&state.db, email.as_str()).await?;
    let in_centre = match &existing {
        Some(user) => store::accounts::memberships(&state.db, user.id)
            .await?
            .iter()
            .any(|(centre, _)| *centre == project.centre_id),
        None => false,
    };
    let canvas_url = state.url(&format!("/canvases/{}", canvas.id));
    if let (Some(user), true) = (&existing, in_centre) {
        store::projects::link(&state.db, project.id, user.id, "member").await?;
        state.accounts_changed();
        Compose {
            i,
            to: email.as_str(),
            subject: i.ta("email-coeditor-subject", &[("canvas", &canvas.title)]),
            greeting: i.ta("email-greeting", &[("name", &user.display_name)]),
            paragraphs: vec![i.ta(
                "email-coeditor-body",
                &[
                    ("inviter", &inviter.display_name),
                    ("project", &project.name),
                ],
            )],
            action: Some((i.t("email-coeditor-action"), canvas_url)),
            after: vec![],
        }
        .queue(&state)
        .await?;
    } else {
        crate::invitations::send(
            &state,
            i,
            inviter,
            &crate::invitations::Invite {
                centre_id: project.centre_id,
                email: email.as_str(),
                role: Role::Participant,
                project: Some((project.id, &project.name)),
                grants_membership: ctx.actor.can_grant(Role::Participant, project.centre_id),
                lead: None,
            },
        )
        .await?;
    }
    Ok(redirect_with_flash(
        &format!("/canvases/{}/sharing", canvas.id),
        "flash-canvas-coeditor-invited",
        &state,
    ))
}

/// `POST /canvases/{id}/shares`: a new read-only link, shown once.
pub async fn create_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let user = ctx.require_user()?;
    let token = new_token();
    let share =
        store::canvas::create_share(&state.db, canvas.id, &token_hash(&token), user.id).await?;
    audit::record(
        &state.db,
        AuditAction::ShareLinkCreated,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(project.centre_id),
            detail: "canvas",
            subject_id: Some(share),
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/canvases/{}/sharing?created={token}", canvas.id)).into_response())
}

/// `POST /canvases/{id}/shares/{share}/revoke`.
pub async fn revoke_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, share)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let user = ctx.require_user()?;
    if !store::canvas::revoke_share(&state.db, canvas.id, share).await? {
        return Err(WebError::NotFound);
    }
    audit::record(
        &state.db,
        AuditAction::ShareLinkRevoked,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(project.centre_id),
            detail: "canvas",
            subject_id: Some(share),
        },
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/canvases/{}/sharing", canvas.id),
        "flash-canvas-link-revoked",
        &state,
    ))
}

/// `GET /shared/canvas/{token}`: the poster view, read-only, for whoever holds a working link.
pub async fn shared(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    let canvas_id = store::canvas::shared_canvas(&state.db, &token_hash(&token))
        .await?
        .ok_or(WebError::NotFound)?;
    let canvas = store::canvas::find(&state.db, canvas_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let project_name = store::projects::name_of(&state.db, canvas.project_id)
        .await?
        .unwrap_or_default();
    let view = PosterView {
        layout: Layout::new(&state, &ctx, canvas.title.clone()),
        id: canvas.id,
        date: ctx.i.date(canvas.updated_at),
        title: canvas.title,
        project_name,
        blocks: poster_blocks(&items, ctx.i.locale),
        shared: true,
    };
    Ok(Html(view.render()?).into_response())
}
