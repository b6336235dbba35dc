//! A person pays their order: the order's page (`/orders/{id}`: its amount and state, a
//! « Payer » button per provider the centre offers, the bank transfer's details with the EPC
//! QR code), and `POST /orders/{id}/pay`, which opens the provider's hosted checkout once per
//! order and provider (a double click finds the same session) and comes back to the order's
//! page with a link to it: the strict CSP (`form-action 'self'`) forbids a form to redirect to
//! another site, a link may. The provider sends the payer back to the order's page; the
//! webhook makes it paid.
use super::providers::{self, Checkout};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::payment::{Provider, transfer};
use serde::Deserialize;
use store::offers::AWAITING_PAYMENT;
use store::payments::PayOrder;

pub struct Transfer {
    pub holder: String,
    pub iban: String,
    pub bic: String,
    pub reference: String,
    pub amount: String,
    /// The EPC QR code as an SVG image (data URL).
    pub qr: String,
}

#[derive(Template)]
#[template(path = "payments/order.html")]
struct OrderView {
    layout: Layout,
    id: i64,
    title: String,
    amount: String,
    status_label: String,
    awaiting: bool,
    paid: bool,
    providers: Vec<(String, String)>,
    transfer: Option<Transfer>,
    failed: bool,
    /// The order's signed key, carried by its forms and links (empty for its signed-in payer).
    key: String,
    /// The order's page address (with its key).
    href: String,
    /// The hosted checkout just opened: (provider's name, its address).
    checkout: Option<(String, String)>,
}

/// The reference a transfer for this order quotes.
pub fn order_reference(order_id: i64) -> String {
    transfer::rf_reference(&format!("CMD{order_id}")).unwrap_or_default()
}

/// An SVG QR code of `payload`, as a data URL for an `<img>` (no inline markup, so the strict
/// CSP holds).
pub fn qr_data_url(payload: &str) -> String {
    use base64::Engine;
    let Ok(code) = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(180, 180)
        .quiet_zone(true)
        .build();
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    )
}

/// What a signed order link is signed for.
const ORDER_LINK: &str = "order";
/// How long a signed order link works.
const ORDER_LINK_SECS: i64 = 30 * 86_400;

/// The signed key (`?cle=`) that opens an order's page to someone not signed in as its payer: a
/// visitor who joined or gave without an account (memberships, donations).
pub async fn order_key(state: &AppState, order_id: i64) -> WebResult<String> {
    crate::site::sign(state, ORDER_LINK, order_id, store::now() + ORDER_LINK_SECS).await
}

/// The order's page address, with its signed key when there is one.
fn order_href(id: i64, key: &str, query: &str) -> String {
    let mut href = format!("/orders/{id}");
    let key_part = (!key.is_empty()).then(|| format!("cle={key}"));
    let parts: Vec<String> = [Some(query.to_string()).filter(|q| !q.is_empty()), key_part]
        .into_iter()
        .flatten()
        .collect();
    if !parts.is_empty() {
        href.push('?');
        href.push_str(&parts.join("&"));
    }
    href
}

/// The order, for its payer (signed in) or whoever holds its signed key.
async fn own_order(state: &AppState, ctx: &Ctx, id: i64, key: &str) -> WebResult<PayOrder> {
    if !key.is_empty()
        && crate::site::verify(state, ORDER_LINK, key, store::now()).await?
            == crate::site::Signed::Valid(id)
    {
        return store::payments::order(&state.db, id)
            .await?
            .ok_or(WebError::NotFound);
    }
    let user = ctx.require_user()?;
    store::payments::order(&state.db, id)
        .await?
        .filter(|o| o.user_id == user.id)
        .ok_or(WebError::NotFound)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub echec: Option<String>,
    pub payer: Option<String>,
    /// The order's signed key (a visitor's link).
    pub cle: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<PageQuery>,
) -> WebResult<Response> {
    let order = own_order(&state, &ctx, id, &q.cle).await?;
    let mut checkout = None;
    if let Some(p) = q.payer.as_deref().and_then(Provider::parse)
        && order.status == AWAITING_PAYMENT
        && let Some(s) = store::payments::session(&state.db, id, p.code()).await?
    {
        checkout = Some((ctx.i.t(&format!("payment-pay-{}", p.code())), s.url));
    }
    render(
        &state,
        &ctx,
        &order,
        &q.cle,
        q.echec.is_some(),
        checkout,
        StatusCode::OK,
    )
    .await
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    order: &PayOrder,
    key: &str,
    failed: bool,
    checkout: Option<(String, String)>,
    status: StatusCode,
) -> WebResult<Response> {
    let i = ctx.i;
    let awaiting = order.status == AWAITING_PAYMENT;
    let mut providers = Vec::new();
    let mut transfer = None;
    if awaiting {
        for p in store::payments::providers_of(&state.db, order.centre_id).await? {
            if p.enabled == 1 && Provider::parse(&p.provider).is_some() {
                providers.push((
                    p.provider.clone(),
                    i.t(&format!("payment-pay-{}", p.provider)),
                ));
            }
        }
        let seller = store::invoices::seller(&state.db, order.centre_id).await?;
        if let Some(s) = seller.filter(|s| !s.iban.trim().is_empty()) {
            let reference = order_reference(order.id);
            let payload = transfer::epc_payload(
                &s.legal_name,
                &s.iban,
                &s.bic,
                order.amount_cents,
                &reference,
            );
            transfer = Some(Transfer {
                holder: s.legal_name,
                iban: s.iban,
                bic: s.bic,
                amount: i.money(order.amount_cents),
                qr: qr_data_url(&payload),
                reference,
            });
        }
    }
    let view = OrderView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("payment-order-title", &[("id", &order.id.to_string())]),
        )
        .under("/mes-candidatures".into(), i.t("application-mine-title")),
        id: order.id,
        title: order.title.clone(),
        amount: i.money(order.amount_cents),
        status_label: i.t(&format!("order-status-{}", order.status.replace('_', "-"))),
        awaiting,
        paid: order.status == store::payments::PAID,
        providers,
        transfer,
        failed,
        key: key.to_string(),
        href: order_href(order.id, key, ""),
        checkout,
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PayForm {
    pub provider: String,
    pub cle: String,
}

pub async fn pay(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PayForm>,
) -> WebResult<Response> {
    let key = form.cle.as_str();
    let order = own_order(&state, &ctx, id, key).await?;
    if order.status != AWAITING_PAYMENT {
        return Ok(Redirect::to(&order_href(id, key, "")).into_response());
    }
    let provider =
        Provider::parse(&form.provider).ok_or(WebError::BadRequest("payment-error-provider"))?;
    let cfg = store::payments::provider(&state.db, order.centre_id, provider.code())
        .await?
        .filter(|c| c.enabled == 1)
        .ok_or(WebError::BadRequest("payment-error-provider"))?;
    let opened_page = order_href(id, key, &format!("payer={}", provider.code()));
    if store::payments::session(&state.db, id, provider.code())
        .await?
        .is_some()
    {
        return Ok(Redirect::to(&opened_page).into_response());
    }
    let back = state.url(&order_href(id, key, ""));
    let cancel = state.url(&order_href(id, key, "echec=1"));
    let title = if order.title.is_empty() {
        ctx.i.ta("payment-order-title", &[("id", &id.to_string())])
    } else {
        order.title.clone()
    };
    let checkout = Checkout {
        order_id: id,
        amount_cents: order.amount_cents,
        title: &title,
        success_url: &back,
        cancel_url: &cancel,
    };
    let opened = match provider {
        Provider::Card => providers::card_session(&cfg, &checkout).await,
        Provider::HelloAsso => providers::helloasso_intent(&cfg, &checkout).await,
    };
    let opened = match opened {
        Ok(o) => o,
        Err(e) => {
            tracing::warn!(error = %e, order = id, "checkout not opened");
            return render(
                &state,
                &ctx,
                &order,
                key,
                true,
                None,
                StatusCode::BAD_GATEWAY,
            )
            .await;
        }
    };
    store::payments::keep_session(
        &state.db,
        id,
        provider.code(),
        &opened.id,
        &opened.url,
        order.amount_cents,
    )
    .await?;
    Ok(Redirect::to(&opened_page).into_response())
}
