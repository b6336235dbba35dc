//! Accepting an invitation to a centre: signed in, in one click; otherwise by creating an
//! account on the spot (the e-mail is proven by the link) or by signing in first.
use crate::accounts::start_session;
use crate::ctx::{Ctx, urlencode};
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::security::token_hash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use domain::{Role, password};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

#[derive(Template)]
#[template(path = "centres/invitation.html")]
struct InvitationView {
    layout: Layout,
    token: String,
    centre: String,
    role: String,
    email: String,
    signed_in: bool,
    /// Signed in, but as someone else than the person invited.
    wrong_account: bool,
    has_account: bool,
    login_href: String,
    display_name: String,
    errors: FieldErrors,
    min_len: usize,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    token: String,
    display_name: String,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let Some(inv) = store::centres::open_invitation(&state.db, &token_hash(&token)).await? else {
        return crate::message::message(
            state,
            ctx,
            "link-invalid-title",
            &["link-invalid-invitation"],
            Some(("/", "error-back-home")),
        );
    };
    let centre = store::centres::find(&state.db, inv.centre_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let has_account = store::accounts::find_user_by_email(&state.db, &inv.email)
        .await?
        .is_some();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = InvitationView {
        layout: Layout::new(state, ctx, i.t("invitation-title")),
        login_href: format!(
            "/login?next={}",
            urlencode(&format!("/invitations/{token}"))
        ),
        token,
        centre: centre.name,
        role: i.t(inv.role.label_key()),
        wrong_account: ctx.user.as_ref().is_some_and(|u| u.email != inv.email),
        signed_in: ctx.user.as_ref().is_some_and(|u| u.email == inv.email),
        email: inv.email,
        has_account,
        display_name,
        errors,
        min_len: password::MIN_LEN,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Response> {
    render(&state, &ctx, token, String::new(), FieldErrors::default()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    pub display_name: String,
    pub password: String,
}

pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<AcceptForm>,
) -> WebResult<Response> {
    let hash = token_hash(&token);
    let Some(inv) = store::centres::open_invitation(&state.db, &hash).await? else {
        return render(&state, &ctx, token, String::new(), FieldErrors::default()).await;
    };
    let (user_id, new_session) = match &ctx.user {
        // An invitation is for one address: forwarded or leaked, it gives nothing to others.
        Some(user) if user.email == inv.email => (user.id, None),
        Some(_) => return Err(WebError::Forbidden),
        None => {
            if store::accounts::find_user_by_email(&state.db, &inv.email)
                .await?
                .is_some()
            {
                return Err(WebError::SignInRequired);
            }
            let i = ctx.i;
            let mut errors = FieldErrors::default();
            let name = errors.check("display_name", i, text(&form.display_name, 80));
            errors.check("password", i, password::check_new(&form.password));
            let (Some(name), true) = (name, errors.is_empty()) else {
                return render(&state, &ctx, token, form.display_name, errors).await;
            };
            let password_hash = state.hasher.hash(form.password).await?;
            let new = store::accounts::NewUser {
                email: &inv.email,
                password_hash: &password_hash,
                display_name: &name,
                locale: i.code(),
                verified: true,
            };
            let id = match store::accounts::create_user(&state.db, &new).await {
                Ok(id) => id,
                Err(store::StoreError::Duplicate) => return Err(WebError::SignInRequired),
                Err(err) => return Err(err.into()),
            };
            audit::record(&state.db, AuditAction::SignUp, Entry::about_self(id)).await?;
            let mut cookies = start_session(&state, id).await?;
            cookies.extend(crate::diagnostics::adopt_on_sign_in(&state, &headers, id).await?);
            (id, Some(cookies))
        }
    };
    let inv = match store::centres::accept_invitation(&state.db, &hash, user_id).await {
        Ok(inv) => inv,
        Err(store::StoreError::NotFound) => {
            return render(&state, &ctx, token, String::new(), FieldErrors::default()).await;
        }
        Err(err) => return Err(err.into()),
    };
    for (action, detail) in [
        (AuditAction::InvitationAccepted, inv.role.code()),
        (AuditAction::RoleGranted, inv.role.code()),
    ] {
        audit::record(
            &state.db,
            action,
            Entry {
                actor_id: Some(user_id),
                centre_id: Some(inv.centre_id),
                subject_id: Some(user_id),
                detail,
            },
        )
        .await?;
    }
    state.accounts_changed();
    let mut response = redirect_with_flash("/dashboard", "flash-invitation-accepted", &state);
    if let Some(cookies) = new_session {
        crate::accounts::append_cookies(&mut response, cookies);
    }
    Ok(response)
}

/// What an invitation opens.
pub struct Invite<'a> {
    pub centre_id: i64,
    pub email: &'a str,
    pub role: Role,
    /// The project it opens (id, name), as a follower for a coach, a member otherwise.
    pub project: Option<(i64, &'a str)>,
    /// Whether accepting also gives `role` in the centre; only those who may grant it say so
    /// (`Actor::can_grant`), anyone else's invitation makes a guest of the project only.
    pub grants_membership: bool,
    /// The lead invited (from the staff's list of leads), if it is one: the mail greets them by
    /// name with their « my data » and unsubscribe links, and the lead is marked invited.
    pub lead: Option<InvitedLead<'a>>,
}

/// A lead invited to sign up.
pub struct InvitedLead<'a> {
    pub id: i64,
    pub name: &'a str,
}

/// The one way to invite someone, from a centre's page, a project's people, a canvas's sharing
/// or a lead's page: the invitation, its audit lines and its e-mail (in `i`, the language of
/// the inviter or of the lead) commit together. Returns the invitation's id.
pub async fn send(
    state: &AppState,
    i: crate::i18n::I18n,
    inviter: &crate::ctx::CurrentUser,
    invite: &Invite<'_>,
) -> WebResult<i64> {
    let mut tx = state.db.begin().await?;
    let id = send_in(&mut tx, state, i, inviter, invite).await?;
    tx.commit().await?;
    state.jobs_queued();
    Ok(id)
}

/// `send` in the caller's unit of work (the new-centre flow); the caller commits and then
/// wakes the job worker (`AppState::jobs_queued`).
pub async fn send_in(
    tx: &mut store::Tx,
    state: &AppState,
    i: crate::i18n::I18n,
    inviter: &crate::ctx::CurrentUser,
    invite: &Invite<'_>,
) -> WebResult<i64> {
    let token = crate::security::new_token();
    let centre = state.centre_name(invite.centre_id).await?;
    let role_label = i.t(invite.role.label_key());
    let (subject, body) = match invite.project {
        Some((_, project)) => (
            i.ta(
                "email-project-invite-subject",
                &[("inviter", &inviter.display_name), ("project", project)],
            ),
            i.ta(
                "email-project-invite-body",
                &[
                    ("inviter", &inviter.display_name),
                    ("project", project),
                    ("centre", &centre),
                ],
            ),
        ),
        None => (
            i.ta("email-invite-subject", &[("centre", &centre)]),
            i.ta(
                "email-invite-body",
                &[
                    ("inviter", &inviter.display_name),
                    ("centre", &centre),
                    ("role", &role_label),
                ],
            ),
        ),
    };
    let now = store::now();
    let id = store::centres::invite(
        &mut *tx,
        &store::centres::NewInvitation {
            token_hash: &token_hash(&token),
            centre_id: invite.centre_id,
            email: invite.email,
            role: invite.role,
            invited_by: inviter.id,
            ttl_secs: crate::centres::INVITATION_TTL,
            project_id: invite.project.map(|(id, _)| id),
            grants_membership: invite.grants_membership,
        },
    )
    .await?;
    audit::record(
        &mut *tx,
        AuditAction::InvitationSent,
        Entry {
            actor_id: Some(inviter.id),
            centre_id: Some(invite.centre_id),
            subject_id: Some(id),
            detail: if invite.grants_membership {
                invite.role.code()
            } else {
                "project_guest"
            },
        },
    )
    .await?;
    let compose = crate::mail::Compose {
        i,
        to: invite.email,
        subject,
        greeting: match &invite.lead {
            Some(lead) => i.ta("email-greeting", &[("name", lead.name)]),
            None => i.t("email-greeting-plain"),
        },
        paragraphs: vec![body],
        action: Some((
            i.t("email-invite-action"),
            state.url(&format!("/invitations/{token}")),
        )),
        after: vec![i.t("email-invite-expiry"), i.t("email-ignore-if-not-you")],
    };
    match &invite.lead {
        None => compose.queue_in(&mut *tx).await?,
        Some(lead) => {
            store::site::mark_invited(&mut *tx, lead.id, now).await?;
            audit::record(
                &mut *tx,
                AuditAction::LeadConverted,
                Entry {
                    actor_id: Some(inviter.id),
                    centre_id: Some(invite.centre_id),
                    subject_id: Some(id),
                    detail: &format!("lead:{}", lead.id),
                },
            )
            .await?;
            let mail =
                crate::site::lead_mail(state, &mut *tx, compose, lead.id, now, false).await?;
            crate::mail::queue_mail_in(&mut *tx, &mail).await?;
        }
    }
    Ok(id)
}
