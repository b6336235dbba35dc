//! The network's licences (`/admin/licences`): the licence models with their versions, a form
//! for a new model, and every centre's licence with its status; a model's new version
//! (`/admin/licences/modeles/{id}`), which never changes a licence already granted.
use super::{Opt, require_network, status_class};
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
use domain::licence::{self, TermsInput};
use serde::Deserialize;
use store::audit::AuditAction;
use store::licences::Version;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ModelForm {
    pub name: String,
    pub entry_fee: String,
    pub yearly_fee: String,
    pub royalty: String,
    pub territory: String,
    pub term_years: String,
    pub benefits: String,
}

impl ModelForm {
    fn of(v: &Version) -> Self {
        ModelForm {
            name: v.name.clone(),
            entry_fee: domain::offer::price_input(v.entry_fee_cents),
            yearly_fee: domain::offer::price_input(v.yearly_fee_cents),
            royalty: licence::percent_input(v.royalty_bp),
            territory: v.territory.clone(),
            term_years: v.term_years.to_string(),
            benefits: v.benefits.clone(),
        }
    }

    fn check(&self, i: crate::i18n::I18n, errors: &mut FieldErrors) -> Option<licence::Terms> {
        let input = TermsInput {
            name: &self.name,
            entry_fee: &self.entry_fee,
            yearly_fee: &self.yearly_fee,
            royalty: &self.royalty,
            territory: &self.territory,
            term_years: &self.term_years,
            benefits: &self.benefits,
        };
        match licence::terms(&input) {
            Ok(t) => Some(t),
            Err(list) => {
                for (field, key) in list {
                    errors.add(field, i, key);
                }
                None
            }
        }
    }
}

/// A model version as the page shows it.
pub struct VersionView {
    pub model_id: i64,
    pub version: i64,
    pub name: String,
    pub entry_fee: String,
    pub yearly_fee: String,
    pub royalty: String,
    pub territory: String,
    pub term: String,
    pub benefits: Vec<String>,
    pub written: String,
}

pub fn version_view(i: crate::i18n::I18n, v: &Version) -> VersionView {
    VersionView {
        model_id: v.model_id,
        version: v.version,
        name: v.name.clone(),
        entry_fee: i.money(v.entry_fee_cents),
        yearly_fee: i.money(v.yearly_fee_cents),
        royalty: format!("{} %", licence::percent_input(v.royalty_bp)),
        territory: v.territory.clone(),
        term: i.ta("licence-term-years", &[("n", &v.term_years.to_string())]),
        benefits: v.benefit_list().iter().map(|b| b.to_string()).collect(),
        written: i.date(v.created_at),
    }
}

/// A model: its newest version, and the numbers of the older ones.
pub struct ModelView {
    pub latest: VersionView,
    pub older: Vec<i64>,
}

/// A centre's licence on the network's list.
pub struct LicenceRow {
    pub centre: String,
    pub slug: String,
    pub model: String,
    pub dates: String,
    pub status: String,
    pub status_class: &'static str,
}

#[derive(Template)]
#[template(path = "licences/network.html")]
struct NetworkView {
    layout: Layout,
    models: Vec<ModelView>,
    licences: Vec<LicenceRow>,
    form: ModelForm,
    errors: FieldErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    form: ModelForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let versions = store::licences::versions(&state.db).await?;
    let mut models: Vec<ModelView> = Vec::new();
    for v in &versions {
        match models.last_mut() {
            Some(m) if m.latest.model_id == v.model_id => m.older.push(v.version),
            _ => models.push(ModelView {
                latest: version_view(i, v),
                older: Vec::new(),
            }),
        }
    }
    let today = store::licences::today();
    let mut seen = std::collections::HashSet::new();
    let licences = store::licences::all(&state.db)
        .await?
        .into_iter()
        // The newest licence of each centre: the one in force.
        .filter(|l| seen.insert(l.centre_id))
        .map(|l| {
            let status = l.status_on(today);
            LicenceRow {
                centre: l.centre_name.clone(),
                slug: l.centre_slug.clone(),
                model: i.ta(
                    "licence-model-version",
                    &[("name", &l.name), ("version", &l.version.to_string())],
                ),
                dates: i.ta(
                    "licence-dates",
                    &[
                        ("start", &crate::tracking::day(i, &l.starts_on)),
                        ("end", &crate::tracking::day(i, &l.ends_on)),
                    ],
                ),
                status: i.t(status.label_key()),
                status_class: status_class(status),
            }
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = NetworkView {
        layout: Layout::new(state, ctx, i.t("licence-network-title")),
        models,
        licences,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    require_network(&ctx)?;
    let form = ModelForm {
        term_years: "5".into(),
        ..ModelForm::default()
    };
    render(&state, &ctx, form, FieldErrors::default()).await
}

pub async fn create_model(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ModelForm>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let mut errors = FieldErrors::default();
    let Some(terms) = form.check(ctx.i, &mut errors) else {
        return render(&state, &ctx, form, errors).await;
    };
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let id = store::licences::write_version(&mut tx, None, &terms, Some(user.id)).await?;
    audit_version(&mut tx, &ctx, id).await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        "/admin/licences",
        "flash-licence-model-saved",
        &state,
    ))
}

async fn audit_version(tx: &mut store::Tx, ctx: &Ctx, id: i64) -> WebResult<()> {
    store::audit::record(
        tx,
        AuditAction::LicenceVersionWritten,
        store::audit::Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id: None,
            subject_id: Some(id),
            detail: "",
        },
    )
    .await?;
    Ok(())
}

#[derive(Template)]
#[template(path = "licences/version.html")]
struct VersionPage {
    layout: Layout,
    model_id: i64,
    current: VersionView,
    form: ModelForm,
    errors: FieldErrors,
}

/// The newest version of a model.
async fn latest(state: &AppState, model_id: i64) -> WebResult<Version> {
    store::licences::versions(&state.db)
        .await?
        .into_iter()
        .find(|v| v.model_id == model_id)
        .ok_or(WebError::NotFound)
}

fn render_version(
    state: &AppState,
    ctx: &Ctx,
    current: &Version,
    form: ModelForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = VersionPage {
        layout: Layout::new(
            state,
            ctx,
            i.ta("licence-version-title", &[("name", &current.name)]),
        )
        .under("/admin/licences".into(), i.t("licence-network-title")),
        model_id: current.model_id,
        current: version_view(i, current),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn version_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let current = latest(&state, id).await?;
    let form = ModelForm::of(&current);
    render_version(&state, &ctx, &current, form, FieldErrors::default())
}

pub async fn new_version(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ModelForm>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let current = latest(&state, id).await?;
    let mut errors = FieldErrors::default();
    let Some(terms) = form.check(ctx.i, &mut errors) else {
        return render_version(&state, &ctx, &current, form, errors);
    };
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let vid = store::licences::write_version(&mut tx, Some(id), &terms, Some(user.id)).await?;
    audit_version(&mut tx, &ctx, vid).await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        "/admin/licences",
        "flash-licence-version-saved",
        &state,
    ))
}

/// The versions as options of the grant form, the newest of each model first.
pub fn version_options(i: crate::i18n::I18n, versions: &[Version]) -> Vec<Opt> {
    versions
        .iter()
        .enumerate()
        .map(|(n, v)| Opt {
            value: v.id.to_string(),
            label: i.ta(
                "licence-model-version",
                &[("name", &v.name), ("version", &v.version.to_string())],
            ),
            selected: n == 0,
        })
        .collect()
}
