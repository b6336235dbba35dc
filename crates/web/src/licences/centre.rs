//! A centre's licence (`/centres/{slug}/licence`): the licence in force with its terms, dates
//! and status, its contracts and amendments with who signed, its royalty statements; for the
//! network team, the forms that grant a licence, suspend or resume it, write the contract and
//! make a statement. The centre's managers read it all (and sign from the contract's page).
use super::network::{VersionView, version_options, version_view};
use super::{Opt, audit, require_network, require_reader, runs_network, status_class};
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
use domain::contract::Party;
use domain::licence::Status;
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;
use store::contracts::{Contract, Signature};
use store::licences::Licence;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GrantForm {
    pub version_id: String,
    pub starts_on: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatementForm {
    pub period: String,
    pub declared: String,
}

/// The licence in force as the page shows it.
pub struct LicenceView {
    pub id: i64,
    pub terms: VersionView,
    pub dates: String,
    pub status: String,
    pub status_class: &'static str,
    pub may_sell: bool,
    pub suspended: bool,
    pub active: bool,
}

/// A contract on the list, with where its signatures stand.
pub struct ContractRow {
    pub id: i64,
    pub title: String,
    pub amendment: bool,
    pub state: String,
    pub signed: bool,
}

/// A royalty statement on the list.
pub struct StatementRow {
    pub id: i64,
    pub period: String,
    pub source: String,
    pub revenue: String,
    pub royalty: String,
    pub fee: String,
    pub total: String,
    pub invoice: Option<String>,
    pub can_invoice: bool,
}

#[derive(Template)]
#[template(path = "licences/centre.html")]
struct CentreView {
    layout: Layout,
    centre: CentreSummary,
    network: bool,
    licence: Option<LicenceView>,
    /// Earlier licences: (model, dates).
    earlier: Vec<(String, String)>,
    contracts: Vec<ContractRow>,
    /// A contract (not an amendment) exists for the licence in force.
    has_contract: bool,
    statements: Vec<StatementRow>,
    versions: Vec<Opt>,
    grant: GrantForm,
    statement: StatementForm,
    errors: FieldErrors,
}

/// Where a contract's signatures stand, in words.
pub fn contract_state(i: crate::i18n::I18n, c: &Contract, sigs: &[&Signature]) -> (String, bool) {
    let signed = |p: Party| sigs.iter().any(|s| s.party() == Some(p));
    if Party::ALL.iter().all(|p| signed(*p)) {
        (i.t("contract-state-signed"), true)
    } else if c.sent_at.is_none() {
        (i.t("contract-state-draft"), false)
    } else if signed(Party::Network) {
        (i.t("contract-state-awaiting-licensee"), false)
    } else if signed(Party::Licensee) {
        (i.t("contract-state-awaiting-network"), false)
    } else {
        (i.t("contract-state-sent"), false)
    }
}

pub(super) struct Forms {
    pub grant: GrantForm,
    pub statement: StatementForm,
    pub errors: FieldErrors,
}

pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    forms: Forms,
) -> WebResult<Response> {
    let i = ctx.i;
    let network = runs_network(ctx);
    let today = store::licences::today();
    let licences = store::licences::of_centre(&state.db, centre.id).await?;
    let contracts = store::contracts::of_centre(&state.db, centre.id).await?;
    let signatures = store::contracts::signatures_of_centre(&state.db, centre.id).await?;
    let statements = store::licences::royalties::of_centre(&state.db, centre.id).await?;
    let versions = if network {
        store::licences::versions(&state.db).await?
    } else {
        Vec::new()
    };
    let current = licences.first();
    let licence = current.map(|l| licence_view(i, l, today));
    let earlier = licences
        .iter()
        .skip(1)
        .map(|l| {
            (
                i.ta(
                    "licence-model-version",
                    &[("name", &l.name), ("version", &l.version.to_string())],
                ),
                dates(i, l),
            )
        })
        .collect();
    let has_contract = current.is_some_and(|l| {
        contracts
            .iter()
            .any(|c| c.licence_id == l.id && !c.is_amendment())
    });
    let contracts = contracts
        .iter()
        .map(|c| {
            let sigs: Vec<&Signature> = signatures
                .iter()
                .filter(|s| s.contract_id == c.id)
                .collect();
            let (state, signed) = contract_state(i, c, &sigs);
            ContractRow {
                id: c.id,
                title: c.title.clone(),
                amendment: c.is_amendment(),
                state,
                signed,
            }
        })
        .collect();
    let statements = statements
        .iter()
        .map(|s| StatementRow {
            id: s.id,
            period: s.period.clone(),
            source: i.t(if s.source == store::licences::royalties::DECLARED {
                "royalty-source-declared"
            } else {
                "royalty-source-invoiced"
            }),
            revenue: i.money(s.revenue_cents),
            royalty: format!(
                "{} ({} %)",
                i.money(s.royalty_cents),
                domain::licence::percent_input(s.royalty_bp)
            ),
            fee: i.money(s.yearly_fee_cents),
            total: i.money(s.total_cents),
            invoice: s.invoice_number.clone(),
            can_invoice: network && s.invoice_id.is_none() && s.total_cents > 0,
        })
        .collect();
    let status = if forms.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut versions = version_options(i, &versions);
    if !forms.grant.version_id.is_empty() {
        for o in &mut versions {
            o.selected = o.value == forms.grant.version_id;
        }
    }
    let view = CentreView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("licence-centre-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        centre,
        network,
        licence,
        earlier,
        contracts,
        has_contract,
        statements,
        versions,
        grant: forms.grant,
        statement: forms.statement,
        errors: forms.errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn dates(i: crate::i18n::I18n, l: &Licence) -> String {
    i.ta(
        "licence-dates",
        &[
            ("start", &crate::tracking::day(i, &l.starts_on)),
            ("end", &crate::tracking::day(i, &l.ends_on)),
        ],
    )
}

fn licence_view(i: crate::i18n::I18n, l: &Licence, today: time::Date) -> LicenceView {
    let status = l.status_on(today);
    let terms = store::licences::Version {
        id: l.version_id,
        model_id: l.model_id,
        version: l.version,
        name: l.name.clone(),
        entry_fee_cents: l.entry_fee_cents,
        yearly_fee_cents: l.yearly_fee_cents,
        royalty_bp: l.royalty_bp,
        territory: l.territory.clone(),
        term_years: l.term_years,
        benefits: l.benefits.clone(),
        created_at: 0,
    };
    LicenceView {
        id: l.id,
        terms: version_view(i, &terms),
        dates: dates(i, l),
        status: i.t(status.label_key()),
        status_class: status_class(status),
        may_sell: status.may_sell(),
        suspended: status == Status::Suspended,
        active: status == Status::Active,
    }
}

pub(super) async fn centre_of(state: &AppState, slug: &str) -> WebResult<CentreSummary> {
    crate::cohorts::centre_by_slug(state, slug).await
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_of(&state, &slug).await?;
    require_reader(&ctx, centre.id)?;
    let forms = Forms {
        grant: GrantForm {
            starts_on: crate::contacts::today(),
            ..GrantForm::default()
        },
        statement: StatementForm {
            period: domain::licence::royalty::Period::quarter_of(crate::tracking::today())
                .previous()
                .code(),
            ..StatementForm::default()
        },
        errors: FieldErrors::default(),
    };
    render(&state, &ctx, centre, forms).await
}

/// Grants the centre a licence on a model version, from a day: a draft until its contract is
/// signed by both parties. Its last day follows from the version's term.
pub async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<GrantForm>,
) -> WebResult<Response> {
    let centre = centre_of(&state, &slug).await?;
    require_network(&ctx)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let version = match form.version_id.trim().parse::<i64>() {
        Ok(id) => store::licences::version(&state.db, id).await?,
        Err(_) => None,
    };
    if version.is_none() {
        errors.add("version_id", i, "licence-error-version");
    }
    let start = domain::tracking::parse_date(&form.starts_on).ok();
    if start.is_none() {
        errors.add("starts_on", i, "licence-error-start");
    }
    let (Some(version), Some(start), true) = (version, start, errors.is_empty()) else {
        let forms = Forms {
            grant: form,
            statement: StatementForm::default(),
            errors,
        };
        return render(&state, &ctx, centre, forms).await;
    };
    let end = domain::licence::ends_on(start, version.term_years);
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let id = store::licences::grant(
        &mut tx,
        centre.id,
        version.id,
        &domain::tracking::iso(start),
        &domain::tracking::iso(end),
        Some(user.id),
    )
    .await?;
    audit(
        &mut tx,
        &ctx,
        AuditAction::LicenceGranted,
        centre.id,
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/licence", centre.slug),
        "flash-licence-granted",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    /// `suspend` or `resume`.
    pub action: String,
}

/// Suspends an active licence or resumes a suspended one (the network team), audited.
pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let licence = store::licences::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let (from, to, flash) = match form.action.as_str() {
        "suspend" => (Status::Active, Status::Suspended, "flash-licence-suspended"),
        "resume" => (Status::Suspended, Status::Active, "flash-licence-resumed"),
        _ => return Err(WebError::BadRequest("licence-error-action")),
    };
    let mut tx = state.db.begin().await?;
    if !store::licences::set_status(&mut tx, id, from, to).await? {
        drop(tx);
        return Err(WebError::outcome(
            store::StoreError::stale(0, None),
            "licence-error-status-moved",
        ));
    }
    audit(
        &mut tx,
        &ctx,
        AuditAction::LicenceStatusChanged,
        licence.centre_id,
        Some(id),
        to.code(),
    )
    .await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/licence", licence.centre_slug),
        flash,
        &state,
    ))
}
