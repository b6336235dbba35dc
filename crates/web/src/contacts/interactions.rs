//! Logging a call, a meeting, an e-mail or a note on a person or an organisation, with an
//! optional day to follow up; marking a follow-up done.
use super::{Opt, opts};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::crm::{InteractionKind, NOTES_MAX};
use serde::Deserialize;
use store::contacts::NewInteraction;

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct InteractionForm {
    pub kind: String,
    pub body: String,
    pub follow_up: String,
}

pub fn kinds(i: I18n, current: &str) -> Vec<Opt> {
    opts(
        if current.is_empty() { "call" } else { current },
        InteractionKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), i.t(k.label_key())))
            .collect(),
    )
}

/// The interaction a form describes, or the errors beside its fields.
fn check(
    i: I18n,
    form: &InteractionForm,
    errors: &mut FieldErrors,
) -> Option<(InteractionKind, String, Option<String>)> {
    let kind = InteractionKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", i, "error-choice-unknown");
    }
    let body = errors.check("body", i, text(&form.body, NOTES_MAX));
    let follow_up = match super::day_field(&form.follow_up) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.add("follow_up", i, e.message_key());
            None
        }
    };
    Some((kind?, body?, follow_up?))
}

pub async fn on_person(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<InteractionForm>,
) -> WebResult<Response> {
    let person = super::person(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let mut errors = FieldErrors::default();
    let Some((kind, body, follow_up_on)) = check(ctx.i, &form, &mut errors) else {
        return super::people::render_show(&state, &ctx, person, form, errors).await;
    };
    store::contacts::add_interaction(
        &state.db,
        &NewInteraction {
            centre_id: person.centre_id,
            contact_id: Some(person.id),
            organisation_id: None,
            kind,
            body: &body,
            follow_up_on,
            author_id: user.id,
        },
        store::now(),
    )
    .await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/contacts/{id}"),
        "crm-flash-interaction",
        &state,
    ))
}

pub async fn on_organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<InteractionForm>,
) -> WebResult<Response> {
    let org = super::organisation(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let mut errors = FieldErrors::default();
    let Some((kind, body, follow_up_on)) = check(ctx.i, &form, &mut errors) else {
        return super::organisations::render_show(&state, &ctx, org, form, errors).await;
    };
    store::contacts::add_interaction(
        &state.db,
        &NewInteraction {
            centre_id: org.centre_id,
            contact_id: None,
            organisation_id: Some(org.id),
            kind,
            body: &body,
            follow_up_on,
            author_id: user.id,
        },
        store::now(),
    )
    .await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/organisations/{id}"),
        "crm-flash-interaction",
        &state,
    ))
}

/// Marks an interaction's follow-up done, back to where it was logged.
pub async fn done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (centre, contact, org) = store::contacts::interaction_place(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(&ctx, domain::Action::ManageContacts, Some(centre))?;
    store::contacts::follow_up_done(&state.db, id, store::now()).await?;
    state.changed();
    let back = match (contact, org) {
        (Some(c), _) => format!("/contacts/{c}"),
        (None, Some(o)) => format!("/organisations/{o}"),
        _ => "/contacts".to_string(),
    };
    Ok(redirect_with_flash(
        &back,
        "crm-flash-follow-up-done",
        &state,
    ))
}
