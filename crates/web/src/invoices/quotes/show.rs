//! A quote's page (its document, its status, the invoice it became), its PDF, and the actions:
//! send it by e-mail with the PDF (staff), accept or decline it (staff, or the buyer once sent).
use super::pdf::{bill, seller_block};
use super::{for_staff, readable, status_label};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::invoices::issue::quantity_input;
use crate::invoices::long_date;
use crate::invoices::show::{LineView, RateView};
use crate::layout::Layout;
use crate::mail::{Compose, MailAttachment};
use crate::respond::{self, redirect_with_flash};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::invoice::{self, Line, quote};
use store::quotes::Quote;

#[derive(Template)]
#[template(path = "invoices/quote.html")]
struct QuoteView {
    layout: Layout,
    q: Quote,
    title: String,
    staff: bool,
    status: String,
    seller: Vec<String>,
    created: String,
    valid_until: String,
    lines: Vec<LineView>,
    rates: Vec<RateView>,
    total_ht: String,
    total_vat: String,
    total_ttc: String,
    mentions: Vec<String>,
    editable: bool,
    open: bool,
    send_hint: String,
    error: Option<String>,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    q: Quote,
    staff: bool,
    error: Option<String>,
) -> WebResult<Response> {
    let i = ctx.i;
    let lines = store::quotes::lines(&state.db, q.id).await?;
    let seller = store::invoices::seller(&state.db, q.centre_id)
        .await?
        .unwrap_or_default();
    let totals = invoice::totals(&lines).unwrap_or_default();
    let valid_until = long_date(i, &q.valid_until);
    let exemption = if seller.vat_exempt {
        seller.exemption_mention.as_str()
    } else {
        ""
    };
    let back = if staff {
        let centres = state.centres().await?;
        let slug = centres
            .iter()
            .find(|c| c.id == q.centre_id)
            .map(|c| c.slug.clone())
            .ok_or(WebError::NotFound)?;
        (format!("/centres/{slug}/quotes"), i.t("quote-list-heading"))
    } else {
        ("/account/invoices".to_string(), i.t("invoice-mine-title"))
    };
    let title = i.ta("quote-title", &[("reference", &q.reference())]);
    let view = QuoteView {
        layout: Layout::new(state, ctx, title.clone()).under(back.0, back.1),
        title,
        staff,
        status: status_label(i, &q.status),
        seller: seller_block(i, &seller),
        created: created_day(i, q.created_at),
        valid_until: valid_until.clone(),
        lines: lines
            .iter()
            .map(|l| LineView {
                label: l.label.clone(),
                quantity: quantity_input(l.quantity_milli),
                unit: i.money(l.unit_price_cents),
                rate: invoice::percent(l.vat_rate_bp),
                total: i.money(invoice::line_total_ht(l)),
            })
            .collect(),
        rates: totals
            .per_rate
            .iter()
            .map(|r| RateView {
                rate: invoice::percent(r.rate_bp),
                base: i.money(r.ht_cents),
                vat: i.money(r.vat_cents),
            })
            .collect(),
        total_ht: i.money(totals.ht_cents),
        total_vat: i.money(totals.vat_cents),
        total_ttc: i.money(totals.ttc_cents),
        mentions: quote::quote_mentions(&valid_until, exemption),
        editable: quote::is_editable(&q.status),
        open: quote::is_open(&q.status),
        send_hint: i.ta("quote-send-hint", &[("email", q.buyer_email.as_str())]),
        error,
        q,
    };
    let status = if view.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn created_day(i: I18n, unix: i64) -> String {
    let date = time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    domain::format::long_date(
        i.locale(),
        date.day(),
        &i.t(&format!("month-{}", u8::from(date.month()))),
        date.year(),
    )
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (q, staff) = readable(&state, &ctx, id).await?;
    render(&state, &ctx, q, staff, None).await
}

/// The quote's PDF and its lines.
async fn pdf_of(state: &AppState, q: &Quote) -> WebResult<(Vec<u8>, Vec<Line>)> {
    let lines = store::quotes::lines(&state.db, q.id).await?;
    let seller = store::invoices::seller(&state.db, q.centre_id)
        .await?
        .unwrap_or_default();
    let data = bill(q, &lines, &seller);
    Ok((respond::pdf(documents::Template::Bill, data).await?, lines))
}

pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (q, _) = readable(&state, &ctx, id).await?;
    let (bytes, _) = pdf_of(&state, &q).await?;
    Ok(respond::file(
        bytes,
        respond::PDF,
        respond::Disposition::Inline,
        &format!("devis-{}.pdf", q.reference()),
    ))
}

/// Sends the quote to the buyer's e-mail with its PDF; a draft becomes sent.
pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let q = for_staff(&state, &ctx, id).await?;
    if !quote::is_open(&q.status) {
        return Err(closed());
    }
    if q.buyer_email.trim().is_empty() {
        let error = Some(ctx.i.t("quote-error-no-email"));
        return render(&state, &ctx, q, true, error).await;
    }
    let (bytes, lines) = pdf_of(&state, &q).await?;
    let locale = match q.user_id {
        Some(user) => store::accounts::find_user(&state.db, user)
            .await?
            .map(|u| u.locale)
            .unwrap_or_default(),
        None => domain::Locale::Fr,
    };
    let i = I18n::new(locale);
    let total = invoice::totals(&lines)
        .map(|t| i.money(t.ttc_cents))
        .unwrap_or_default();
    let reference = q.reference();
    let mut mail = Compose {
        i,
        to: q.buyer_email.trim(),
        subject: i.ta("quote-mail-subject", &[("reference", &reference)]),
        greeting: i.t("quote-mail-greeting"),
        paragraphs: vec![
            i.ta(
                "quote-mail-body",
                &[
                    ("reference", &reference),
                    ("total", &total),
                    ("date", &long_date(i, &q.valid_until)),
                ],
            ),
            i.t("quote-mail-accept"),
        ],
        action: q.user_id.map(|_| {
            (
                i.t("quote-mail-action"),
                state.url(&format!("/quotes/{id}")),
            )
        }),
        after: Vec::new(),
    }
    .render()?;
    mail.attachments.push(MailAttachment::bytes(
        &format!("devis-{reference}.pdf"),
        respond::PDF,
        &bytes,
    ));
    store::quotes::mark_sent(&state.db, id)
        .await
        .map_err(|e| WebError::outcome(e, "quote-error-closed"))?;
    crate::mail::queue_mail(&state, &mail).await?;
    Ok(redirect_with_flash(
        &format!("/quotes/{id}"),
        "flash-quote-sent",
        &state,
    ))
}

/// Accepts the quote: its invoice is issued at once (or given back when it already was).
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    readable(&state, &ctx, id).await?;
    let actor = ctx.user.as_ref().map(|u| u.id);
    match store::quotes::accept(&state.db, id, actor).await {
        Ok(issued) => Ok(redirect_with_flash(
            &format!("/invoices/{}", issued.id),
            "flash-quote-accepted",
            &state,
        )),
        Err(store::StoreError::InvalidInput(key)) => {
            let (q, staff) = readable(&state, &ctx, id).await?;
            render(&state, &ctx, q, staff, Some(ctx.i.t(&key))).await
        }
        Err(e) => Err(WebError::outcome(e, "quote-error-closed")),
    }
}

pub async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    readable(&state, &ctx, id).await?;
    store::quotes::decline(&state.db, id)
        .await
        .map_err(|e| WebError::outcome(e, "quote-error-closed"))?;
    Ok(redirect_with_flash(
        &format!("/quotes/{id}"),
        "flash-quote-declined",
        &state,
    ))
}

fn closed() -> WebError {
    WebError::outcome(store::StoreError::AlreadyDone, "quote-error-closed")
}
