//! The centre's public donation form (`/centres/{slug}/don`): a suggested amount or a free one
//! (at least 1 €), the donor's name, e-mail address and postal address (a tax receipt states
//! them). The gift is recorded awaiting its payment, and the donor goes to the order's payment
//! page (a visitor with the order's signed key).
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::Email;
use domain::membership::{self, Method};
use serde::Deserialize;
use store::centres::CentreSummary;
use store::donations::NewDonation;

/// Donations per client address per hour before the form says to wait.
const GIFTS_PER_HOUR: i64 = 10;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GiveForm {
    /// A suggested amount, in cents.
    pub amount: String,
    /// A free amount, in euros (wins over the suggested one).
    pub other: String,
    pub display_name: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
}

/// The donor's identity and address, checked.
pub struct Donor {
    pub name: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
}

/// Checks the donor's fields (`email_required`: online gifts; a gift recorded by hand may
/// have none).
#[allow(clippy::too_many_arguments)]
pub fn check_donor(
    errors: &mut FieldErrors,
    i: I18n,
    name: &str,
    email: &str,
    address: &str,
    postcode: &str,
    town: &str,
    email_required: bool,
) -> Option<Donor> {
    let name = errors.check("display_name", i, text(name, 120));
    let email = if email.trim().is_empty() && !email_required {
        Some(String::new())
    } else {
        errors
            .check("email", i, Email::parse(email))
            .map(|e| e.as_str().to_string())
    };
    let address = errors.check("address", i, text(address, 200));
    let pc = postcode.trim();
    let postcode = if pc.len() == 5 && pc.bytes().all(|b| b.is_ascii_digit()) {
        Some(pc.to_string())
    } else {
        errors.add("postcode", i, "donation-error-postcode");
        None
    };
    let town = errors.check("town", i, text(town, 80));
    Some(Donor {
        name: name?,
        email: email?,
        address: address?,
        postcode: postcode?,
        town: town?,
    })
}

pub struct Suggestion {
    pub cents: i64,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "donations/give.html")]
struct GiveView {
    layout: Layout,
    slug: String,
    suggestions: Vec<Suggestion>,
    form: GiveForm,
    errors: FieldErrors,
    general_interest: bool,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    form: GiveForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let settings = store::payments::settings(&state.db, centre.id).await?;
    let view = GiveView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("donation-give-title", &[("centre", &centre.name)]),
        ),
        slug: centre.slug.clone(),
        suggestions: membership::SUGGESTED_CENTS
            .iter()
            .map(|c| Suggestion {
                cents: *c,
                label: i.money(*c),
                checked: form.amount == c.to_string(),
            })
            .collect(),
        form,
        errors,
        general_interest: settings.general_interest == 1,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    let mut form = GiveForm {
        amount: membership::SUGGESTED_CENTS[1].to_string(),
        ..GiveForm::default()
    };
    if let Some(u) = ctx.user.as_deref() {
        form.display_name = u.display_name.clone();
        form.email = u.email.clone();
    }
    render(&state, &ctx, &centre, form, FieldErrors::default()).await
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<GiveForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    let mut errors = FieldErrors::default();
    let amount = match membership::donation_amount(&form.amount, &form.other) {
        Ok(a) => Some(a),
        Err(e) => {
            errors.add("other", i, e.message_key());
            None
        }
    };
    let donor = check_donor(
        &mut errors,
        i,
        &form.display_name,
        &form.email,
        &form.address,
        &form.postcode,
        &form.town,
        true,
    );
    let hits =
        store::rate_limit::hit(&state.db, &format!("donation:{}", ctx.client_ip), 3_600).await?;
    if hits > GIFTS_PER_HOUR {
        errors.add("other", i, "error-too-many-attempts");
    }
    let (Some(amount), Some(donor), true) = (amount, donor, errors.is_empty()) else {
        return render(&state, &ctx, &centre, form, errors).await;
    };
    let user_id = match ctx.user.as_deref() {
        Some(u) => u.id,
        None => {
            let email = Email::parse(&donor.email)
                .map_err(|_| crate::error::WebError::BadRequest("error-required"))?;
            crate::adhesions::account_for(&state, &ctx, &donor.name, &email).await?
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::donations::create_in(
        &mut tx,
        &NewDonation {
            centre_id: centre.id,
            user_id: Some(user_id),
            name: donor.name,
            email: donor.email,
            address: donor.address,
            postcode: donor.postcode,
            town: donor.town,
            amount_cents: amount,
            method: Method::Card.code().into(),
            status: store::donations::PENDING.into(),
            ..Default::default()
        },
    )
    .await?;
    let label = i.ta("donation-order-label", &[("centre", &centre.name)]);
    let order =
        store::donations::create_order_in(&mut tx, id, centre.id, user_id, &label, amount).await?;
    tx.commit().await?;
    let href = if ctx.user.is_some() {
        format!("/orders/{order}")
    } else {
        let key = crate::payments::order_key(&state, order).await?;
        format!("/orders/{order}?cle={key}")
    };
    Ok(Redirect::to(&href).into_response())
}
