//! Creating a quote and editing it while it is a draft: the buyer (an organisation of the CRM,
//! whose name, address and SIREN fill the fields left blank, or typed), a title, a validity date
//! and the lines, each checked beside its row as an invoice's are.
use super::{for_staff, price_input};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::invoices::issue::{IssueForm, LineRow, quantity_input, rates};
use crate::invoices::{iso_or_empty, staff_centre};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use store::centres::CentreSummary;
use store::invoices::Seller;
use store::quotes::NewQuote;

#[derive(Template)]
#[template(path = "invoices/quote_form.html")]
struct FormView {
    layout: Layout,
    centre: CentreSummary,
    action: String,
    form: IssueForm,
    errors: FieldErrors,
    rates: Vec<(String, String)>,
    organisations: Vec<(String, String)>,
    seller_missing: bool,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    quote: Option<i64>,
    form: IssueForm,
    errors: FieldErrors,
    seller_missing: bool,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() && form.rows.iter().all(|r| r.error.is_none()) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let organisations = store::contacts::org_choices(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let (title, action) = match quote {
        Some(id) => (
            i.ta(
                "quote-edit",
                &[("reference", &store::quotes::reference(id))],
            ),
            format!("/quotes/{id}/edit"),
        ),
        None => (
            i.t("quote-new"),
            format!("/centres/{}/quotes/new", centre.slug),
        ),
    };
    let view = FormView {
        layout: Layout::new(state, ctx, title).under(
            format!("/centres/{}/quotes", centre.slug),
            i.t("quote-list-heading"),
        ),
        centre,
        action,
        form,
        errors,
        rates: rates(),
        organisations,
        seller_missing,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The centre's seller identity when complete (a quote prints it).
async fn seller(state: &AppState, centre: i64) -> WebResult<Option<Seller>> {
    Ok(store::invoices::seller(&state.db, centre)
        .await?
        .filter(|s| s.is_complete()))
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let seller = seller(&state, centre.id).await?;
    let mut form = IssueForm::fresh();
    if seller.as_ref().is_some_and(|s| s.vat_exempt) {
        form.rows.iter_mut().for_each(|r| r.rate = "0".into());
    }
    let missing = seller.is_none();
    render(
        &state,
        &ctx,
        centre,
        None,
        form,
        FieldErrors::default(),
        missing,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let (form, errors, checked) = check(&state, &ctx, &centre, &pairs).await?;
    let Some(new) = checked else {
        let missing = errors.get("seller").is_some();
        return render(&state, &ctx, centre, None, form, errors, missing).await;
    };
    let id = store::quotes::create(&state.db, &new).await?;
    Ok(redirect_with_flash(
        &format!("/quotes/{id}"),
        "flash-quote-saved",
        &state,
    ))
}

/// A draft's form, filled with what it holds; an answered or sent quote is not edited.
pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let q = for_staff(&state, &ctx, id).await?;
    if !domain::invoice::quote::is_editable(&q.status) {
        return Err(not_editable());
    }
    let centre = centre_of(&state, q.centre_id).await?;
    let lines = store::quotes::lines(&state.db, id).await?;
    let mut form = IssueForm {
        buyer_name: q.buyer_name,
        buyer_address: q.buyer_address,
        buyer_email: q.buyer_email,
        buyer_siren: q.buyer_siren,
        buyer_vat_number: q.buyer_vat_number,
        title: q.title,
        valid_until: q.valid_until,
        rows: lines
            .into_iter()
            .map(|l| LineRow {
                label: l.label,
                quantity: quantity_input(l.quantity_milli),
                price: price_input(l.unit_price_cents),
                rate: l.vat_rate_bp.to_string(),
                error: None,
            })
            .collect(),
        ..IssueForm::default()
    };
    let exempt = seller(&state, q.centre_id)
        .await?
        .is_some_and(|s| s.vat_exempt);
    form.pad(exempt);
    render(
        &state,
        &ctx,
        centre,
        Some(id),
        form,
        FieldErrors::default(),
        false,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let q = for_staff(&state, &ctx, id).await?;
    if !domain::invoice::quote::is_editable(&q.status) {
        return Err(not_editable());
    }
    let centre = centre_of(&state, q.centre_id).await?;
    let (form, errors, checked) = check(&state, &ctx, &centre, &pairs).await?;
    let Some(new) = checked else {
        return render(&state, &ctx, centre, Some(id), form, errors, false).await;
    };
    match store::quotes::update(&state.db, id, &new).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/quotes/{id}"),
            "flash-quote-saved",
            &state,
        )),
        Err(store::StoreError::AlreadyDone) => Err(not_editable()),
        Err(e) => Err(e.into()),
    }
}

fn not_editable() -> WebError {
    WebError::outcome(store::StoreError::AlreadyDone, "quote-error-not-editable")
}

async fn centre_of(state: &AppState, id: i64) -> WebResult<CentreSummary> {
    state
        .centres()
        .await?
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or(WebError::NotFound)
}

/// The posted form, its errors, and the quote to store when there is none.
async fn check(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    pairs: &[(String, String)],
) -> WebResult<(IssueForm, FieldErrors, Option<NewQuote>)> {
    let i = ctx.i;
    let mut form = IssueForm::from_pairs(pairs);
    let mut errors = FieldErrors::default();
    let Some(seller) = seller(state, centre.id).await? else {
        errors.add("seller", i, "invoice-error-no-seller");
        form.pad(false);
        return Ok((form, errors, None));
    };
    // An organisation of the CRM fills the buyer's fields left blank.
    if !form.organisation.trim().is_empty() {
        let org = match form.organisation.trim().parse::<i64>() {
            Ok(id) => store::contacts::find_org(&state.db, id)
                .await?
                .filter(|o| o.centre_id == centre.id),
            Err(_) => None,
        };
        match org {
            Some(org) => {
                if form.buyer_name.trim().is_empty() {
                    form.buyer_name = org.name;
                }
                if form.buyer_address.trim().is_empty() {
                    form.buyer_address = org.address;
                }
                if form.buyer_siren.trim().is_empty() {
                    form.buyer_siren = org
                        .siret
                        .map(|s| s.chars().filter(char::is_ascii_digit).take(9).collect())
                        .unwrap_or_default();
                }
            }
            None => errors.add("organisation", i, "quote-error-organisation"),
        }
    }
    if form.title.chars().count() > 200 {
        errors.add("title", i, "error-too-long");
    }
    let valid_until = match iso_or_empty(&form.valid_until) {
        Some(d) if d.is_empty() || d >= store::invoices::today() => d,
        _ => {
            errors.add("valid_until", i, "quote-error-valid-until");
            String::new()
        }
    };
    let checked = form.check(i, seller.vat_exempt, &mut errors);
    let (Some((buyer, lines)), true) = (checked, errors.is_empty()) else {
        form.pad(seller.vat_exempt);
        return Ok((form, errors, None));
    };
    // The buyer's account, when their e-mail has one: they may then answer from it.
    let user_id = if buyer.email.is_empty() {
        None
    } else {
        store::accounts::find_user_by_email(&state.db, &buyer.email.to_lowercase())
            .await?
            .map(|u| u.id)
    };
    let new = NewQuote {
        centre_id: centre.id,
        user_id,
        title: form.title.trim().to_string(),
        buyer,
        valid_until,
        lines,
        created_by: ctx.user.as_ref().map(|u| u.id),
    };
    Ok((form, errors, Some(new)))
}
