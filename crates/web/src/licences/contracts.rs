//! Contracts and amendments (`/contrats/{id}`). The network team generates a licence's contract
//! from the template (`domain::contract::LICENCE_TEMPLATE`, filled from the centre's and the
//! licence's data, in *vous*), edits it while nobody has signed, and sends it for signature.
//! Each party then signs on the contract's page: the network for the network team, the centre's
//! own managers for the licensee. A signature records the signer (copied), the ticked consent,
//! the time and the SHA-256 fingerprint of the exact text the page showed, which the form
//! carries back: a text changed since (a different fingerprint) or a second signature of the
//! same party is refused with its reason and audited. The signed PDF prints the fingerprint
//! and the signatures. Both signatures on a licence's contract put a draft licence in force.
use super::{audit, require_network, require_reader, runs_network};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::contract::{self, Party, Refusal};
use domain::licence::Status;
use domain::{Action, Scope};
use serde::Deserialize;
use store::StoreError;
use store::audit::AuditAction;
use store::contracts::{AMENDMENT, CONTRACT, Contract, NewContract, NewSignature, Signature};
use store::licences::Licence;

/// The network's name as contracts print it: the studio's legal name, else its name.
pub(super) async fn network_name(state: &AppState) -> WebResult<String> {
    let centres = state.centres().await?;
    let Some(studio) = centres
        .iter()
        .find(|c| c.kind == domain::centre::CentreKind::Studio)
    else {
        return Ok(String::new());
    };
    let seller = store::invoices::seller(&state.db, studio.id).await?;
    Ok(seller
        .map(|s| s.legal_name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| studio.name.clone()))
}

/// A date (YYYY-MM-DD) as a French contract writes it.
fn long_day(iso: &str) -> String {
    crate::tracking::day(crate::i18n::I18n::new(domain::Locale::Fr), iso)
}

/// The licence contract's text, filled from the network's name and the centre's and the
/// licence's data.
fn licence_text(network: String, l: &Licence) -> WebResult<String> {
    let fr = crate::i18n::I18n::new(domain::Locale::Fr);
    let benefits = l
        .benefit_list()
        .iter()
        .map(|b| format!("- {b}"))
        .collect::<Vec<_>>()
        .join("\n");
    let values = [
        ("network_name", network),
        ("centre_name", l.centre_name.clone()),
        ("centre_town", l.centre_town.clone()),
        ("licence_name", l.name.clone()),
        ("licence_version", l.version.to_string()),
        ("territory", l.territory.clone()),
        ("starts_on", long_day(&l.starts_on)),
        ("ends_on", long_day(&l.ends_on)),
        ("term_years", l.term_years.to_string()),
        ("benefits", benefits),
        ("entry_fee", fr.money(l.entry_fee_cents)),
        ("yearly_fee", fr.money(l.yearly_fee_cents)),
        (
            "royalty",
            format!("{} %", domain::licence::percent_input(l.royalty_bp)),
        ),
    ];
    contract::fill(contract::LICENCE_TEMPLATE, &values)
        .map_err(|name| WebError::Internal(format!("contract template: unknown {name}")))
}

/// Writes the contract of a licence from the template, as a draft, with its audit line, in the
/// caller's unit of work; `network` is the network's name (`network_name`). Returns its id.
async fn write_in(tx: &mut store::Tx, ctx: &Ctx, network: String, l: &Licence) -> WebResult<i64> {
    let body = licence_text(network, l)?;
    let title = ctx
        .i
        .ta("contract-title-licence", &[("centre", &l.centre_name)]);
    let user = ctx.require_user()?;
    let id = store::contracts::create(
        &mut *tx,
        &NewContract {
            centre_id: l.centre_id,
            licence_id: l.id,
            kind: CONTRACT,
            amends_id: None,
            title: &title,
            body: &body,
            by: Some(user.id),
        },
    )
    .await?;
    audit(
        &mut *tx,
        ctx,
        AuditAction::ContractWritten,
        l.centre_id,
        Some(id),
        &contract::fingerprint(&body),
    )
    .await?;
    Ok(id)
}

/// Writes the contract of a licence from the template (the network team), as a draft.
pub async fn generate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(licence_id): Path<i64>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let l = store::licences::find(&state.db, licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let network = network_name(&state).await?;
    let mut tx = state.db.begin().await?;
    let id = write_in(&mut tx, &ctx, network, &l).await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/contrats/{id}"),
        "flash-contract-written",
        &state,
    ))
}

/// Grants the centre a licence on `version` from `start` (a draft until both parties sign),
/// writes its contract and sends it for signature to `recipients`, with their audit lines, in
/// the caller's unit of work: the new-centre flow. Returns the contract's id.
pub(crate) async fn grant_and_send(
    tx: &mut store::Tx,
    state: &AppState,
    ctx: &Ctx,
    centre_id: i64,
    version: &store::licences::Version,
    start: time::Date,
    recipients: &[Recipient],
) -> WebResult<i64> {
    let user = ctx.require_user()?;
    let network = network_name(state).await?;
    let end = domain::licence::ends_on(start, version.term_years);
    let licence_id = store::licences::grant(
        &mut *tx,
        centre_id,
        version.id,
        &domain::tracking::iso(start),
        &domain::tracking::iso(end),
        Some(user.id),
    )
    .await?;
    audit(
        &mut *tx,
        ctx,
        AuditAction::LicenceGranted,
        centre_id,
        Some(licence_id),
        "",
    )
    .await?;
    let l = store::licences::find(&mut *tx, licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let id = write_in(tx, ctx, network, &l).await?;
    let c = store::contracts::find(&mut *tx, id)
        .await?
        .ok_or(WebError::NotFound)?;
    send_in(tx, state, ctx, &c, recipients).await?;
    Ok(id)
}

/// Writes an amendment to a contract both parties signed (the network team), as a draft.
pub async fn amend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let c = find(&state, id).await?;
    let sigs = store::contracts::signatures(&state.db, c.id).await?;
    if c.is_amendment() || !fully_signed(&sigs) {
        return refusal(&state, &ctx, "contract-refused-amend-unsigned");
    }
    let l = store::licences::find(&state.db, c.licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let signed_at = sigs.iter().map(|s| s.signed_at).max().unwrap_or(0);
    let fr = crate::i18n::I18n::new(domain::Locale::Fr);
    let values = [
        ("contract_title", c.title.clone()),
        ("network_name", network_name(&state).await?),
        ("centre_name", l.centre_name.clone()),
        ("centre_town", l.centre_town.clone()),
        ("contract_signed_on", fr.date(signed_at)),
        ("contract_hash", c.body_hash.clone()),
    ];
    let body = contract::fill(contract::AMENDMENT_TEMPLATE, &values)
        .map_err(|name| WebError::Internal(format!("amendment template: unknown {name}")))?;
    let count = store::contracts::of_centre(&state.db, c.centre_id)
        .await?
        .iter()
        .filter(|x| x.amends_id == Some(c.id))
        .count()
        + 1;
    let title = ctx.i.ta(
        "contract-title-amendment",
        &[("n", &count.to_string()), ("title", &c.title)],
    );
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let aid = store::contracts::create(
        &mut tx,
        &NewContract {
            centre_id: c.centre_id,
            licence_id: c.licence_id,
            kind: AMENDMENT,
            amends_id: Some(c.id),
            title: &title,
            body: &body,
            by: Some(user.id),
        },
    )
    .await?;
    audit(
        &mut tx,
        &ctx,
        AuditAction::ContractWritten,
        c.centre_id,
        Some(aid),
        &contract::fingerprint(&body),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/contrats/{aid}/modifier"),
        "flash-amendment-written",
        &state,
    ))
}

fn fully_signed(sigs: &[Signature]) -> bool {
    Party::ALL
        .iter()
        .all(|p| sigs.iter().any(|s| s.party() == Some(*p)))
}

async fn find(state: &AppState, id: i64) -> WebResult<Contract> {
    store::contracts::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)
}

/// A refusal as a message page (409) with its reason.
fn refusal(state: &AppState, ctx: &Ctx, key: &str) -> WebResult<Response> {
    let mut r = crate::message::message(state, ctx, "contract-refused-title", &[key], None)?;
    *r.status_mut() = StatusCode::CONFLICT;
    Ok(r)
}

/// A signature as the page shows it.
pub struct SignatureView {
    pub party: String,
    pub signer: String,
    pub at: String,
    pub fingerprint: String,
}

/// A party's signing form, when the reader may sign for it.
pub struct SignForm {
    pub party: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "licences/contract.html")]
struct ContractView {
    layout: Layout,
    id: i64,
    centre_slug: String,
    title: String,
    amends: Option<(i64, String)>,
    state: String,
    html: String,
    fingerprint: String,
    grouped: String,
    sent: bool,
    signed: bool,
    editable: bool,
    network: bool,
    amendment: bool,
    signatures: Vec<SignatureView>,
    forms: Vec<SignForm>,
    /// Who signs from this page.
    signer: String,
    errors: FieldErrors,
}

/// Whether the reader may sign for `party` on this contract.
fn may_sign_for(ctx: &Ctx, c: &Contract, party: Party) -> bool {
    match party {
        Party::Network => ctx.actor.can(Action::ManageLicences, Scope::Network),
        Party::Licensee => ctx
            .actor
            .can(Action::SignForCentre, Scope::Centre(c.centre_id)),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    c: Contract,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let sigs = store::contracts::signatures(&state.db, c.id).await?;
    let l = store::licences::find(&state.db, c.licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let refs: Vec<&Signature> = sigs.iter().collect();
    let (state_label, signed) = super::centre::contract_state(i, &c, &refs);
    let amends = match c.amends_id {
        Some(pid) => store::contracts::find(&state.db, pid)
            .await?
            .map(|p| (p.id, p.title)),
        None => None,
    };
    let forms = if c.sent_at.is_some() {
        Party::ALL
            .into_iter()
            .filter(|p| !sigs.iter().any(|s| s.party() == Some(*p)))
            .filter(|p| may_sign_for(ctx, &c, *p))
            .map(|p| SignForm {
                party: p.code(),
                label: i.t(p.label_key()),
            })
            .collect()
    } else {
        Vec::new()
    };
    let signatures = sigs
        .iter()
        .map(|s| SignatureView {
            party: s.party().map(|p| i.t(p.label_key())).unwrap_or_default(),
            signer: s.signer_name.clone(),
            at: i.datetime(s.signed_at),
            fingerprint: contract::grouped(&s.body_hash),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ContractView {
        layout: Layout::new(state, ctx, c.title.clone()).under(
            format!("/centres/{}/licence", l.centre_slug),
            i.ta("licence-centre-title", &[("centre", &l.centre_name)]),
        ),
        id: c.id,
        centre_slug: l.centre_slug.clone(),
        title: c.title.clone(),
        amends,
        state: state_label,
        html: domain::markdown::render_in(&c.body, domain::Locale::Fr).html,
        grouped: contract::grouped(&c.body_hash),
        fingerprint: c.body_hash.clone(),
        sent: c.sent_at.is_some(),
        signed,
        editable: sigs.is_empty(),
        network: runs_network(ctx),
        amendment: c.is_amendment(),
        signatures,
        forms,
        signer: ctx
            .user
            .as_ref()
            .map(|u| format!("{} ({})", u.display_name, u.email))
            .unwrap_or_default(),
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let c = find(&state, id).await?;
    require_reader(&ctx, c.centre_id)?;
    render(&state, &ctx, c, FieldErrors::default()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    pub title: String,
    pub body: String,
    /// The fingerprint of the text the editor loaded.
    pub seen: String,
}

#[derive(Template)]
#[template(path = "licences/contract_edit.html")]
struct EditView {
    layout: Layout,
    id: i64,
    form: EditForm,
    errors: FieldErrors,
}

fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    c: &Contract,
    form: EditForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = EditView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("contract-edit-title", &[("title", &c.title)]),
        )
        .under(format!("/contrats/{}", c.id), c.title.clone()),
        id: c.id,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let c = find(&state, id).await?;
    if !store::contracts::signatures(&state.db, c.id)
        .await?
        .is_empty()
    {
        return refusal(&state, &ctx, "contract-refused-edit-signed");
    }
    let form = EditForm {
        title: c.title.clone(),
        body: c.body.clone(),
        seen: c.body_hash.clone(),
    };
    render_edit(&state, &ctx, &c, form, FieldErrors::default())
}

/// Saves the text while nobody has signed; a text sent already keeps its place in the signing
/// flow, and a signer whose page showed the text before is refused (its fingerprint changed).
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EditForm>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let c = find(&state, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let title = form.title.trim().to_string();
    if title.is_empty() || title.chars().count() > 200 {
        errors.add("title", i, "contract-error-title");
    }
    let body = match contract::check_text(&form.body) {
        Ok(b) => Some(b),
        Err(key) => {
            errors.add("body", i, key);
            None
        }
    };
    let (Some(body), true) = (body, errors.is_empty()) else {
        return render_edit(&state, &ctx, &c, form, errors);
    };
    let mut tx = state.db.begin().await?;
    match store::contracts::edit(&mut tx, c.id, form.seen.trim(), &title, &body).await {
        Ok(()) => {}
        Err(StoreError::AlreadyDone) => {
            drop(tx);
            return refusal(&state, &ctx, "contract-refused-edit-signed");
        }
        Err(StoreError::Stale(_)) => {
            drop(tx);
            errors.add("body", i, "contract-error-edited-meanwhile");
            return render_edit(&state, &ctx, &c, form, errors);
        }
        Err(e) => return Err(e.into()),
    }
    audit(
        &mut tx,
        &ctx,
        AuditAction::ContractWritten,
        c.centre_id,
        Some(c.id),
        &contract::fingerprint(&body),
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/contrats/{}", c.id),
        "flash-contract-saved",
        &state,
    ))
}

/// Someone told by e-mail that a contract waits for their signature: address, name (empty
/// for a manager invited who has no account yet) and language.
pub(crate) type Recipient = (String, String, String);

/// Marks the contract sent and queues its e-mail to each recipient, with its audit line, in the
/// caller's unit of work; false when it was sent already.
async fn send_in(
    tx: &mut store::Tx,
    state: &AppState,
    ctx: &Ctx,
    c: &Contract,
    recipients: &[Recipient],
) -> WebResult<bool> {
    if !store::contracts::send(&mut *tx, c.id).await? {
        return Ok(false);
    }
    audit(
        &mut *tx,
        ctx,
        AuditAction::ContractSent,
        c.centre_id,
        Some(c.id),
        &c.body_hash,
    )
    .await?;
    for (email, name, locale) in recipients {
        let mi =
            crate::i18n::I18n::new(domain::Locale::parse(locale).unwrap_or(domain::Locale::Fr));
        crate::mail::Compose {
            i: mi,
            to: email,
            subject: mi.ta("contract-mail-subject", &[("title", &c.title)]),
            greeting: if name.is_empty() {
                mi.t("email-greeting-plain")
            } else {
                mi.ta("email-greeting", &[("name", name)])
            },
            paragraphs: vec![mi.t("contract-mail-body")],
            action: Some((
                mi.t("contract-mail-action"),
                state.url(&format!("/contrats/{}", c.id)),
            )),
            after: Vec::new(),
        }
        .queue_in(&mut *tx)
        .await?;
    }
    Ok(true)
}

/// Sends the contract for signature (once), telling the centre's managers by e-mail.
pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    require_network(&ctx)?;
    let c = find(&state, id).await?;
    let managers = store::contacts::managers(&state.db, c.centre_id).await?;
    let mut tx = state.db.begin().await?;
    if !send_in(&mut tx, &state, &ctx, &c, &managers).await? {
        drop(tx);
        return Ok(redirect_with_flash(
            &format!("/contrats/{}", c.id),
            "flash-contract-sent-already",
            &state,
        ));
    }
    tx.commit().await?;
    state.jobs_queued();
    Ok(redirect_with_flash(
        &format!("/contrats/{}", c.id),
        "flash-contract-sent",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignFormData {
    pub party: String,
    /// The fingerprint of the text the signer's page showed.
    pub fingerprint: String,
    pub consent: String,
}

/// Signs the contract for one party: the consent ticked, the text unchanged since the page
/// showed it, once per party. Refusals are audited with their reason and the fingerprints.
pub async fn sign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<SignFormData>,
) -> WebResult<Response> {
    let c = find(&state, id).await?;
    require_reader(&ctx, c.centre_id)?;
    let user = ctx.require_user()?;
    let party = Party::parse(&form.party).ok_or(WebError::BadRequest("contract-error-party"))?;
    if !may_sign_for(&ctx, &c, party) {
        return Err(WebError::Forbidden);
    }
    let sigs = store::contracts::signatures(&state.db, c.id).await?;
    let already = sigs.iter().any(|s| s.party() == Some(party));
    let checked = contract::may_sign(
        c.sent_at.is_some(),
        already,
        !form.consent.is_empty(),
        &form.fingerprint,
        &c.body_hash,
    );
    if let Err(refused) = checked {
        return refused_signature(&state, &ctx, c, party, &form.fingerprint, refused).await;
    }
    let mut tx = state.db.begin().await?;
    let signed = store::contracts::sign(
        &mut tx,
        &NewSignature {
            contract_id: c.id,
            party,
            user_id: user.id,
            signer_name: &user.display_name,
            signer_email: &user.email,
            body_hash: form.fingerprint.trim(),
        },
    )
    .await;
    let sid = match signed {
        Ok(sid) => sid,
        Err(StoreError::Duplicate) => {
            drop(tx);
            return refused_signature(
                &state,
                &ctx,
                c,
                party,
                &form.fingerprint,
                Refusal::AlreadySigned,
            )
            .await;
        }
        Err(StoreError::Stale(_)) => {
            drop(tx);
            return refused_signature(&state, &ctx, c, party, &form.fingerprint, Refusal::Changed)
                .await;
        }
        Err(e) => return Err(e.into()),
    };
    audit(
        &mut tx,
        &ctx,
        AuditAction::ContractSigned,
        c.centre_id,
        Some(sid),
        &format!("contract {} {} sha256 {}", c.id, party.code(), c.body_hash),
    )
    .await?;
    // Both parties signed a licence's contract: a draft licence comes into force.
    let now_signed = store::contracts::signatures(&mut tx, c.id).await?;
    if !c.is_amendment() && fully_signed(&now_signed) {
        store::licences::set_status(&mut tx, c.licence_id, Status::Draft, Status::Active).await?;
    }
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/contrats/{}", c.id),
        "flash-contract-signed",
        &state,
    ))
}

/// A refused signature: audited (reason, the fingerprint seen and the one stored), then the
/// consent box beside its field, or the reason on a 409 page.
async fn refused_signature(
    state: &AppState,
    ctx: &Ctx,
    c: Contract,
    party: Party,
    seen: &str,
    refused: Refusal,
) -> WebResult<Response> {
    let seen: String = seen
        .trim()
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(64)
        .collect();
    audit(
        &state.db,
        ctx,
        AuditAction::ContractSignatureRefused,
        c.centre_id,
        Some(c.id),
        &format!(
            "{} {} seen {} stored {}",
            refused.code(),
            party.code(),
            seen,
            c.body_hash
        ),
    )
    .await?;
    if refused == Refusal::NoConsent {
        let mut errors = FieldErrors::default();
        errors.add("consent", ctx.i, refused.message_key());
        return render(state, ctx, c, errors).await;
    }
    refusal(state, ctx, refused.message_key())
}

/// The contract's PDF: its text, its fingerprint and the signatures so far.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let c = find(&state, id).await?;
    require_reader(&ctx, c.centre_id)?;
    let sigs = store::contracts::signatures(&state.db, c.id).await?;
    let l = store::licences::find(&state.db, c.licence_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let report = super::pdf::report(&c, &l.centre_name, &sigs);
    let bytes = respond::pdf(documents::Template::Report, report).await?;
    Ok(respond::file(
        bytes,
        respond::PDF,
        Disposition::Inline,
        &format!("contrat-{}.pdf", c.id),
    ))
}
