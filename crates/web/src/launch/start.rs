//! The flow's first step, `/admin/centres/nouveau`: the new centre's name, town and address
//! (its public profile). The centre, its profile, the flow and the audit line commit together.
use super::flow_href;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::places::profile::{ProfileForm, checked_profile};
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope, Slug};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    pub name: String,
    pub town: String,
    pub slug: String,
    pub address: String,
    pub postcode: String,
    pub email: String,
    pub phone: String,
    pub presentation: String,
}

impl StartForm {
    fn profile(&self) -> ProfileForm {
        ProfileForm {
            presentation: self.presentation.clone(),
            address: self.address.clone(),
            postcode: self.postcode.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            ..ProfileForm::default()
        }
    }
}

#[derive(Template)]
#[template(path = "launch/start.html")]
struct StartView {
    layout: Layout,
    form: StartForm,
    errors: FieldErrors,
    steps: Vec<String>,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    form: StartForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = StartView {
        layout: Layout::new(state, ctx, i.t("launch-start-title")),
        form,
        errors,
        steps: domain::launch::Step::ALL
            .into_iter()
            .map(|s| i.t(super::flow::step_title_key(s)))
            .collect(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(Action::CreateCentre, Scope::Network)?;
    render(&state, &ctx, StartForm::default(), FieldErrors::default())
}

/// Creates the centre with its profile and begins its flow.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<StartForm>,
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
    let profile = checked_profile(&mut errors, i, &form.profile());
    let (Some(name), Some(town), Some(slug), true) = (name, town, slug, errors.is_empty()) else {
        return render(&state, &ctx, form, errors);
    };
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let new = store::centres::NewCentre {
        slug: slug.as_str(),
        name: &name,
        kind: "micro_centre",
        town: &town,
    };
    let id = match store::centres::create(&mut tx, &new).await {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            errors.add("slug", i, "error-slug-taken");
            return render(&state, &ctx, form, errors);
        }
        Err(e) => return Err(e.into()),
    };
    store::places::save_profile_in(&mut tx, id, &profile, &[]).await?;
    store::launches::start(&mut tx, id, Some(user.id)).await?;
    audit::record(
        &mut tx,
        AuditAction::CentreCreated,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(id),
            detail: slug.as_str(),
            ..Entry::default()
        },
    )
    .await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(redirect_with_flash(
        &flow_href(slug.as_str()),
        "flash-launch-started",
        &state,
    ))
}
