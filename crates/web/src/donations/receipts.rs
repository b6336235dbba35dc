//! Tax receipts (reçus fiscaux, with the mentions of Cerfa 11580) for a centre of general
//! interest: one per gift (`POST /centres/{slug}/dons/{id}/recu`) or a donor's yearly summary
//! (`POST /centres/{slug}/recus/annuel`). Each is numbered in the centre's series of the year in
//! the issuing transaction (`store::tax_receipts`), states the organisation (name, address,
//! object), the donor, the amount in figures and in words, the date and form of each gift, the
//! articles 200 and 238 bis of the CGI and the signatory, and never changes: issuing again
//! gives the same receipt. The donor gets a signed link to its PDF by e-mail. A centre not of
//! general interest is refused, clearly, before anything is written.
use super::manage::managed_centre;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::i18n::I18n;
use crate::mail::Compose;
use crate::respond::{self, redirect_with_flash};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use documents::{Block, Report, Section};
use domain::invoice::euros_in_words;
use domain::membership::{self, Gift, Method};
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;
use store::donations::Donation;
use store::tax_receipts::{Issuer, NewReceipt, Receipt};

/// What a receipt link is signed for, and how long it works.
const RECEIPT_LINK: &str = "tax-receipt";
const RECEIPT_LINK_SECS: i64 = 366 * 86_400;

/// Why a receipt cannot be issued: a message page with this status.
fn refusal(state: &AppState, ctx: &Ctx, key: &str) -> WebResult<Response> {
    let mut r = crate::message::message(state, ctx, "receipt-refused-title", &[key], None)?;
    *r.status_mut() = StatusCode::CONFLICT;
    Ok(r)
}

/// The centre's identity on its receipts, if it may issue them (general interest, an object
/// and a signatory given): else the key of the refusal.
async fn issuer(
    state: &AppState,
    centre: &CentreSummary,
) -> WebResult<Result<Issuer, &'static str>> {
    let s = store::payments::settings(&state.db, centre.id).await?;
    if s.general_interest != 1 {
        return Ok(Err("receipt-refused-not-general-interest"));
    }
    if s.object.trim().is_empty() || s.signatory.trim().is_empty() {
        return Ok(Err("receipt-refused-identity"));
    }
    let seller = store::invoices::seller(&state.db, centre.id).await?;
    let name = seller
        .as_ref()
        .map(|s| s.legal_name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| centre.name.clone());
    let address = if s.address.trim().is_empty() {
        seller.map(|s| s.full_address()).unwrap_or_default()
    } else {
        s.address.trim().to_string()
    };
    Ok(Ok(Issuer {
        centre_id: centre.id,
        name,
        address,
        object: s.object,
        signatory: s.signatory,
    }))
}

fn gift_of(d: &Donation) -> Gift {
    Gift {
        date: d.received_on.clone(),
        amount_cents: d.amount_cents,
        method: d.method.clone(),
    }
}

/// Loads (or creates) the links' signing secret before a unit of work opens: on SQLite the
/// open transaction holds the writers' turn, so the secret could not be written inside it.
async fn signing_ready(state: &AppState) -> WebResult<()> {
    crate::site::sign(state, RECEIPT_LINK, 0, 0)
        .await
        .map(|_| ())
}

/// Mails the donor the link to their receipt (inside the issuing unit of work, after
/// [`signing_ready`]).
async fn mail_in(
    state: &AppState,
    tx: &mut store::Tx,
    centre: &CentreSummary,
    r: &Receipt,
) -> WebResult<()> {
    if r.donor_email.is_empty() {
        return Ok(());
    }
    let token =
        crate::site::sign(state, RECEIPT_LINK, r.id, store::now() + RECEIPT_LINK_SECS).await?;
    let i = I18n::new(domain::Locale::Fr);
    let args: [(&'static str, &str); 2] = [("centre", &centre.name), ("number", &r.number)];
    Compose {
        i,
        to: &r.donor_email,
        subject: i.ta("receipt-mail-subject", &args),
        greeting: i.ta("email-greeting", &[("name", &r.donor_name)]),
        paragraphs: vec![i.ta("receipt-mail-body", &args)],
        action: Some((
            i.t("receipt-mail-action"),
            state.url(&format!("/centres/{}/recu/{token}", centre.slug)),
        )),
        after: Vec::new(),
    }
    .queue_in(tx)
    .await
}

/// Issues (or finds) the receipt of one received gift.
pub async fn issue_gift(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let issuer = match issuer(&state, &centre).await? {
        Ok(i) => i,
        Err(key) => return refusal(&state, &ctx, key),
    };
    let d = store::donations::find(&state.db, id)
        .await?
        .filter(|d| d.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    if store::tax_receipts::of_gift(&state.db, d.id)
        .await?
        .is_some()
    {
        return Ok(shown(&state, &centre));
    }
    if d.status != store::donations::RECEIVED {
        return refusal(&state, &ctx, "receipt-refused-pending");
    }
    if d.receipt_id.is_some() {
        return refusal(&state, &ctx, "receipt-refused-covered");
    }
    let gifts = [gift_of(&d)];
    let json = serde_json::to_string(&gifts).map_err(|e| WebError::Internal(e.to_string()))?;
    let gifts_year = d
        .received_on
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(0);
    let today = crate::contacts::today();
    signing_ready(&state).await?;
    let mut tx = state.db.begin().await?;
    let new = NewReceipt {
        issuer: &issuer,
        kind: "gift",
        donation_id: Some(d.id),
        donor: &d,
        gifts_year,
        amount_cents: d.amount_cents,
        gifts_json: &json,
        covers: &[d.id],
        issued_on: &today,
        number: membership::receipt_number,
    };
    let rid = match store::tax_receipts::write_in(&mut tx, &new).await {
        Ok(rid) => rid,
        // Issued meanwhile by another request: that one.
        Err(store::StoreError::Duplicate) => {
            return Ok(shown(&state, &centre));
        }
        Err(e) => return Err(e.into()),
    };
    let r = store::tax_receipts::find(&mut tx, rid)
        .await?
        .ok_or(WebError::NotFound)?;
    mail_in(&state, &mut tx, &centre, &r).await?;
    super::audit(
        &mut tx,
        &ctx,
        AuditAction::TaxReceiptIssued,
        centre.id,
        Some(rid),
    )
    .await?;
    tx.commit().await?;
    state.jobs_queued();
    Ok(shown(&state, &centre))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearlyForm {
    pub email: String,
    pub year: String,
}

/// Issues (or finds) a donor's yearly summary: their received gifts of the year not already
/// covered by a receipt of their own.
pub async fn issue_yearly(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<YearlyForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let issuer = match issuer(&state, &centre).await? {
        Ok(i) => i,
        Err(key) => return refusal(&state, &ctx, key),
    };
    let email = domain::Email::parse(&form.email)
        .map_err(|_| WebError::BadRequest("receipt-error-email"))?;
    let year: i32 = form
        .year
        .trim()
        .parse()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or(WebError::BadRequest("receipt-error-year"))?;
    let found =
        store::tax_receipts::yearly(&state.db, centre.id, i64::from(year), email.as_str()).await?;
    if found.is_some() {
        return Ok(shown(&state, &centre));
    }
    signing_ready(&state).await?;
    let mut tx = state.db.begin().await?;
    let all = store::donations::of_donor(&mut tx, centre.id, email.as_str()).await?;
    let open: Vec<&Donation> = all.iter().filter(|d| d.receipt_id.is_none()).collect();
    let gifts: Vec<Gift> = open.iter().map(|d| gift_of(d)).collect();
    let (kept, total) = membership::yearly_summary(&gifts, year);
    let Some(donor) = open
        .iter()
        .rev()
        .find(|d| d.received_on.starts_with(&format!("{year:04}-")))
    else {
        drop(tx);
        return refusal(&state, &ctx, "receipt-refused-nothing");
    };
    let covers: Vec<i64> = open
        .iter()
        .filter(|d| d.received_on.starts_with(&format!("{year:04}-")))
        .map(|d| d.id)
        .collect();
    let json = serde_json::to_string(&kept).map_err(|e| WebError::Internal(e.to_string()))?;
    let today = crate::contacts::today();
    let new = NewReceipt {
        issuer: &issuer,
        kind: "yearly",
        donation_id: None,
        donor,
        gifts_year: i64::from(year),
        amount_cents: total,
        gifts_json: &json,
        covers: &covers,
        issued_on: &today,
        number: membership::receipt_number,
    };
    let rid = store::tax_receipts::write_in(&mut tx, &new).await?;
    let r = store::tax_receipts::find(&mut tx, rid)
        .await?
        .ok_or(WebError::NotFound)?;
    mail_in(&state, &mut tx, &centre, &r).await?;
    super::audit(
        &mut tx,
        &ctx,
        AuditAction::TaxReceiptIssued,
        centre.id,
        Some(rid),
    )
    .await?;
    tx.commit().await?;
    state.jobs_queued();
    Ok(shown(&state, &centre))
}

/// After issuing (or finding) a receipt: the donations page, which lists it, says so.
fn shown(state: &AppState, centre: &CentreSummary) -> Response {
    redirect_with_flash(
        &format!("/centres/{}/dons", centre.slug),
        "flash-receipt-issued",
        state,
    )
}

/// The receipt's PDF, for the centre's managers.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let r = store::tax_receipts::find(&state.db, id)
        .await?
        .filter(|r| r.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    layout(r).await
}

/// The receipt's PDF, for the donor holding its signed link.
pub async fn donor_pdf(
    State(state): State<AppState>,
    Path((slug, token)): Path<(String, String)>,
) -> WebResult<Response> {
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    let crate::site::Signed::Valid(id) =
        crate::site::verify(&state, RECEIPT_LINK, &token, store::now()).await?
    else {
        return Err(WebError::NotFound);
    };
    let r = store::tax_receipts::find(&state.db, id)
        .await?
        .filter(|r| r.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    layout(r).await
}

/// The receipt as a report (in French: its legal mentions are French).
pub fn report(r: &Receipt) -> Report {
    let i = I18n::new(domain::Locale::Fr);
    let gifts: Vec<Gift> = serde_json::from_str(&r.gifts).unwrap_or_default();
    let amount = i.money(r.amount_cents);
    let words = euros_in_words(r.amount_cents);
    let rows = gifts
        .iter()
        .map(|g| {
            let method = Method::parse(&g.method).unwrap_or(Method::Card);
            vec![
                crate::tracking::day(i, &g.date),
                i.money(g.amount_cents),
                i.t("receipt-form-declared"),
                i.t("receipt-nature-cash"),
                i.t(method.label_key()),
            ]
        })
        .collect();
    let line = |s: &str| s.replace('\n', ", ");
    Report {
        lang: "fr".into(),
        title: i.t("receipt-pdf-title"),
        subtitle: i.t("receipt-pdf-subtitle"),
        meta: vec![
            i.ta("receipt-pdf-number", &[("number", &r.number)]),
            i.ta(
                "receipt-pdf-issued",
                &[("date", &crate::tracking::day(i, &r.issued_on))],
            ),
        ],
        footer: r.number.clone(),
        sections: vec![
            Section {
                heading: i.t("receipt-pdf-beneficiary"),
                level: 2,
                page_break: false,
                blocks: vec![
                    Block::Labelled {
                        label: i.t("receipt-pdf-name"),
                        text: r.org_name.clone(),
                    },
                    Block::Labelled {
                        label: i.t("receipt-pdf-address"),
                        text: line(&r.org_address),
                    },
                    Block::Labelled {
                        label: i.t("receipt-pdf-object"),
                        text: r.org_object.clone(),
                    },
                    Block::Paragraph {
                        text: i.t("receipt-pdf-general-interest"),
                    },
                ],
            },
            Section {
                heading: i.t("receipt-pdf-donor"),
                level: 2,
                page_break: false,
                blocks: vec![
                    Block::Labelled {
                        label: i.t("receipt-pdf-name"),
                        text: r.donor_name.clone(),
                    },
                    Block::Labelled {
                        label: i.t("receipt-pdf-address"),
                        text: line(&r.donor_address),
                    },
                ],
            },
            Section {
                heading: i.t("receipt-pdf-gifts"),
                level: 2,
                page_break: false,
                blocks: vec![
                    Block::Paragraph {
                        text: i.ta(
                            "receipt-pdf-amount",
                            &[("amount", &amount), ("words", &words)],
                        ),
                    },
                    Block::Table {
                        columns: vec![
                            i.t("receipt-col-date"),
                            i.t("receipt-col-amount"),
                            i.t("receipt-col-form"),
                            i.t("receipt-col-nature"),
                            i.t("receipt-col-method"),
                        ],
                        numeric: vec![false, true, false, false, false],
                        rows,
                    },
                ],
            },
            Section {
                heading: i.t("receipt-pdf-certify"),
                level: 2,
                page_break: false,
                blocks: vec![
                    Block::Paragraph {
                        text: i.t("receipt-pdf-articles"),
                    },
                    Block::Labelled {
                        label: i.t("receipt-pdf-signatory"),
                        text: r.signatory.clone(),
                    },
                    Block::Paragraph {
                        text: i.ta(
                            "receipt-pdf-signed",
                            &[("date", &crate::tracking::day(i, &r.issued_on))],
                        ),
                    },
                ],
            },
        ],
    }
}

async fn layout(r: Receipt) -> WebResult<Response> {
    let name = format!("recu-fiscal-{}.pdf", r.number);
    respond::inline_pdf(documents::Template::Report, report(&r), &name).await
}
