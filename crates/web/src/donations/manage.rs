//! A centre's donations for its managers (`/centres/{slug}/dons`): the gifts, online and
//! recorded by hand, newest first, with a form to record a gift received by cheque, transfer or
//! cash, and their CSV.
use super::give::check_donor;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::membership::Method;
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;
use store::donations::{Donation, NewDonation};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecordForm {
    pub amount: String,
    pub received_on: String,
    pub method: String,
    pub display_name: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
}

pub struct Row {
    pub id: i64,
    /// Received and not covered by a receipt yet: a receipt may be issued.
    pub can_receipt: bool,
    /// Its receipt: (id, number).
    pub receipt: Option<(i64, String)>,
    pub date: String,
    pub donor: String,
    pub email: String,
    pub amount: String,
    pub method: String,
    pub received: bool,
    pub status: String,
}

#[derive(Template)]
#[template(path = "donations/manage.html")]
struct ManageView {
    layout: Layout,
    slug: String,
    rows: Vec<Row>,
    total: String,
    /// Whether the centre issues tax receipts (general interest).
    receipts_on: bool,
    /// The receipts issued: (id, number, donor, amount, kind label).
    receipts: Vec<(i64, String, String, String, String)>,
    year: String,
    methods: Vec<crate::contacts::Opt>,
    form: RecordForm,
    errors: FieldErrors,
}

pub(super) async fn managed_centre(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> WebResult<CentreSummary> {
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageDonations, Scope::Centre(centre.id))?;
    Ok(centre)
}

fn status_label(i: crate::i18n::I18n, d: &Donation) -> String {
    i.t(match d.status.as_str() {
        store::donations::RECEIVED => "donation-status-received",
        store::donations::REFUNDED => "donation-status-refunded",
        _ => "donation-status-pending",
    })
}

fn method_label(i: crate::i18n::I18n, code: &str) -> String {
    Method::parse(code)
        .map(|m| i.t(m.label_key()))
        .unwrap_or_default()
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: RecordForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let list = store::donations::list(&state.db, centre.id, false).await?;
    let total = list
        .iter()
        .filter(|d| d.status == store::donations::RECEIVED)
        .map(|d| d.amount_cents)
        .sum();
    let issued = store::tax_receipts::list(&state.db, centre.id).await?;
    let settings = store::payments::settings(&state.db, centre.id).await?;
    let rows = list
        .iter()
        .map(|d| Row {
            id: d.id,
            can_receipt: d.status == store::donations::RECEIVED && d.receipt_id.is_none(),
            receipt: d.receipt_id.and_then(|rid| {
                issued
                    .iter()
                    .find(|r| r.id == rid)
                    .map(|r| (r.id, r.number.clone()))
            }),
            date: crate::tracking::day(i, &d.received_on),
            donor: d.name.clone(),
            email: d.email.clone(),
            amount: i.money(d.amount_cents),
            method: method_label(i, &d.method),
            received: d.status == store::donations::RECEIVED,
            status: status_label(i, d),
        })
        .collect();
    let methods = crate::contacts::opts(
        &form.method,
        Method::MANUAL
            .iter()
            .map(|m| (m.code().to_string(), i.t(m.label_key())))
            .collect(),
    );
    let view = ManageView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("donation-manage-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        rows,
        total: i.money(total),
        receipts_on: settings.general_interest == 1,
        receipts: issued
            .iter()
            .map(|r| {
                let kind = if r.kind == "yearly" {
                    i.ta(
                        "receipt-kind-yearly",
                        &[("year", &r.gifts_year.to_string())],
                    )
                } else {
                    i.t("receipt-kind-gift")
                };
                (
                    r.id,
                    r.number.clone(),
                    r.donor_name.clone(),
                    i.money(r.amount_cents),
                    kind,
                )
            })
            .collect(),
        year: crate::contacts::today()
            .get(..4)
            .unwrap_or_default()
            .to_string(),
        methods,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let form = RecordForm {
        received_on: crate::contacts::today(),
        method: Method::Cheque.code().into(),
        ..RecordForm::default()
    };
    render(&state, &ctx, centre, form, FieldErrors::default()).await
}

pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<RecordForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let amount = match domain::membership::donation_amount("", &form.amount) {
        Ok(a) => Some(a),
        Err(e) => {
            errors.add("amount", i, e.message_key());
            None
        }
    };
    let day = match domain::tracking::parse_date(&form.received_on) {
        Ok(d) if d <= crate::tracking::today() => Some(domain::tracking::iso(d)),
        _ => {
            errors.add("received_on", i, "donation-error-date");
            None
        }
    };
    let method = Method::parse(&form.method).filter(|m| Method::MANUAL.contains(m));
    if method.is_none() {
        errors.add("method", i, "donation-error-method");
    }
    let donor = check_donor(
        &mut errors,
        i,
        &form.display_name,
        &form.email,
        &form.address,
        &form.postcode,
        &form.town,
        false,
    );
    let (Some(amount), Some(day), Some(method), Some(donor), true) =
        (amount, day, method, donor, errors.is_empty())
    else {
        return render(&state, &ctx, centre, form, errors).await;
    };
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    let id = store::donations::create_in(
        &mut tx,
        &NewDonation {
            centre_id: centre.id,
            user_id: None,
            name: donor.name,
            email: donor.email,
            address: donor.address,
            postcode: donor.postcode,
            town: donor.town,
            amount_cents: amount,
            method: method.code().into(),
            status: store::donations::RECEIVED.into(),
            received_on: day,
            recorded_by: Some(user.id),
        },
    )
    .await?;
    super::audit(
        &mut tx,
        &ctx,
        AuditAction::DonationRecorded,
        centre.id,
        Some(id),
    )
    .await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/dons", centre.slug),
        "flash-donation-recorded",
        &state,
    ))
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut rows = vec![
        [
            "donation-col-date",
            "donation-col-donor",
            "donation-col-email",
            "donation-col-address",
            "donation-col-amount",
            "donation-col-method",
            "donation-col-status",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect::<Vec<_>>(),
    ];
    super::audit(
        &state.db,
        &ctx,
        AuditAction::DonationsExported,
        centre.id,
        None,
    )
    .await?;
    for d in store::donations::list(&state.db, centre.id, false).await? {
        rows.push(vec![
            d.received_on.clone(),
            d.name.clone(),
            d.email.clone(),
            d.full_address().replace('\n', ", "),
            domain::invoice::fec::amount(d.amount_cents).replace(',', "."),
            method_label(i, &d.method),
            status_label(i, &d),
        ]);
    }
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("dons-{}.csv", centre.slug),
    ))
}
