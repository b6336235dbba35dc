//! An issued invoice or credit note as its PDF: the `Bill` template (the quotes' layout) as
//! Factur-X, a PDF/A-3b carrying the invoice's CII XML (`documents::factur_x`). Everything
//! printed comes from the copy the invoice keeps (seller and buyer identities, lines, dates);
//! the legal mentions are in *vous* and the document is in French whatever the reader's
//! interface language. An invoice still due prints the bank transfer's details with its RF
//! creditor reference and the EPC QR code a banking app scans.
use super::long_date;
use super::show::cii_xml;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use crate::invoices::issue::quantity_input;
use domain::Locale;
use domain::invoice::{self, Line, Terms};
use domain::payment::transfer;
use store::invoices::Invoice;

/// The RF creditor reference a transfer paying this invoice quotes (ISO 11649, built from its
/// number: « F-2027-00012 » → « RF… F202700012 »).
pub fn invoice_reference(number: &str) -> String {
    transfer::rf_reference(number).unwrap_or_default()
}

/// How to pay an invoice still due by transfer: the seller's account, the reference and the
/// EPC QR payload for what remains due. `None` for a credit note, a settled invoice or a
/// seller without an IBAN.
pub struct TransferDetails {
    pub holder: String,
    pub iban: String,
    pub bic: String,
    pub reference: String,
    pub due_cents: i64,
    pub payload: String,
}

pub fn transfer_details(inv: &Invoice) -> Option<TransferDetails> {
    if inv.kind != "invoice" || inv.due_cents() <= 0 || inv.seller_iban.trim().is_empty() {
        return None;
    }
    let reference = invoice_reference(&inv.number);
    if reference.is_empty() {
        return None;
    }
    let payload = transfer::epc_payload(
        &inv.seller_name,
        &inv.seller_iban,
        &inv.seller_bic,
        inv.due_cents(),
        &reference,
    );
    Some(TransferDetails {
        holder: inv.seller_name.clone(),
        iban: inv.seller_iban.clone(),
        bic: inv.seller_bic.clone(),
        reference,
        due_cents: inv.due_cents(),
        payload,
    })
}

/// The QR code of `payload` as a standalone SVG document (for the PDF).
pub fn qr_svg(payload: &str) -> String {
    qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
        .map(|code| {
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(180, 180)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// The mentions the law requires on this invoice (payment terms, penalties, the 40 €
/// indemnity for a professional buyer, the VAT exemption) or credit note (the exemption).
pub fn mentions(i: I18n, inv: &Invoice) -> Vec<String> {
    if inv.kind == "invoice" {
        let due_long = long_date(i, &inv.due_date);
        invoice::payment_mentions(Terms {
            due_date: &due_long,
            payment_terms_days: inv.payment_terms.parse().unwrap_or(30),
            penalty_rate_bp: inv.penalty_rate_bp,
            professional_buyer: !inv.buyer_siren.is_empty() || !inv.buyer_vat_number.is_empty(),
            exemption: &inv.seller_exemption_mention,
        })
    } else if !inv.seller_exemption_mention.is_empty() {
        vec![inv.seller_exemption_mention.clone()]
    } else {
        Vec::new()
    }
}

/// The invoice's document data (`credits` is the number of the invoice a credit note cancels).
pub fn bill(inv: &Invoice, lines: &[Line], credits: Option<&str>) -> documents::Bill {
    let i = I18n::new(Locale::Fr);
    let totals = invoice::totals(lines).unwrap_or_default();
    let mut seller = vec![inv.seller_name.trim().to_string()];
    if !inv.seller_legal_form.trim().is_empty() {
        seller.push(inv.seller_legal_form.trim().to_string());
    }
    seller.extend(inv.seller_address.lines().map(str::to_string));
    seller.push(format!("{} {}", i.t("invoice-siren"), inv.seller_siren));
    if !inv.seller_siret.is_empty() {
        seller.push(format!("{} {}", i.t("invoice-siret"), inv.seller_siret));
    }
    if !inv.seller_registration.is_empty() {
        seller.push(inv.seller_registration.clone());
    }
    if !inv.seller_vat_number.is_empty() {
        seller.push(format!(
            "{} {}",
            i.t("invoice-vat-number"),
            inv.seller_vat_number
        ));
    }
    if !inv.seller_email.is_empty() {
        seller.push(inv.seller_email.clone());
    }
    let mut buyer = vec![inv.buyer_name.clone()];
    buyer.extend(inv.buyer_address.lines().map(str::to_string));
    if !inv.buyer_siren.is_empty() {
        buyer.push(format!("{} {}", i.t("invoice-siren"), inv.buyer_siren));
    }
    if !inv.buyer_vat_number.is_empty() {
        buyer.push(format!(
            "{} {}",
            i.t("invoice-vat-number"),
            inv.buyer_vat_number
        ));
    }
    let mut dates = vec![
        (i.t("invoice-issue-date"), long_date(i, &inv.issue_date)),
        (i.t("invoice-service-date"), long_date(i, &inv.service_date)),
    ];
    if inv.kind == "invoice" {
        dates.push((i.t("invoice-pdf-due-date"), long_date(i, &inv.due_date)));
    }
    let mut amounts: Vec<(String, String)> = totals
        .per_rate
        .iter()
        .map(|r| {
            (
                format!(
                    "{} {} ({})",
                    i.t("invoice-vat-at"),
                    invoice::percent(r.rate_bp),
                    i.money(r.ht_cents)
                ),
                i.money(r.vat_cents),
            )
        })
        .collect();
    amounts.push((i.t("invoice-total-ht"), i.money(inv.total_ht_cents)));
    amounts.push((i.t("invoice-total-vat"), i.money(inv.total_vat_cents)));
    amounts.push((i.t("invoice-total-ttc"), i.money(inv.total_ttc_cents)));
    if inv.kind == "invoice" && (inv.paid_cents > 0 || inv.credited_cents > 0) {
        amounts.push((i.t("invoice-due"), i.money(inv.due_cents())));
    }
    let mut mentions = mentions(i, inv);
    if let Some(number) = credits {
        mentions.insert(0, i.ta("invoice-pdf-credits", &[("number", number)]));
    }
    let (title, file_kind) = if inv.kind == "invoice" {
        (i.ta("invoice-title", &[("number", &inv.number)]), "invoice")
    } else {
        (
            i.ta("invoice-credit-note-title", &[("number", &inv.number)]),
            "credit",
        )
    };
    let mut payment = Vec::new();
    let (mut qr, mut qr_caption) = (String::new(), String::new());
    if let Some(t) = transfer_details(inv) {
        payment.push(i.t("invoice-pay-by-transfer"));
        payment.push(format!("{} {}", i.t("invoice-iban"), t.iban));
        if !t.bic.is_empty() {
            payment.push(format!("{} {}", i.t("invoice-bic"), t.bic));
        }
        payment.push(format!("{} {}", i.t("invoice-reference"), t.reference));
        payment.push(format!("{} {}", i.t("invoice-due"), i.money(t.due_cents)));
        qr = qr_svg(&t.payload);
        qr_caption = i.t("invoice-qr-caption");
    } else if file_kind == "invoice" && inv.status == "paid" {
        payment.push(i.t("invoice-pdf-paid"));
    }
    documents::Bill {
        lang: "fr".into(),
        title,
        seller_heading: i.t("invoice-seller"),
        seller,
        buyer_heading: i.t("invoice-buyer"),
        buyer,
        dates,
        columns: [
            "invoice-line-label",
            "invoice-line-quantity",
            "invoice-line-price",
            "invoice-line-rate",
            "invoice-line-total",
        ]
        .into_iter()
        .map(|k| i.t(k))
        .collect(),
        lines: lines
            .iter()
            .map(|l| {
                vec![
                    l.label.clone(),
                    quantity_input(l.quantity_milli),
                    i.money(l.unit_price_cents),
                    invoice::percent(l.vat_rate_bp),
                    i.money(invoice::line_total_ht(l)),
                ]
            })
            .collect(),
        totals: amounts,
        mentions,
        payment,
        qr_svg: qr,
        qr_caption,
        footer: format!("{} · {}", inv.seller_name.trim(), inv.number),
        facturx_xml: String::new(),
    }
}

/// The file name of an invoice's PDF: `facture-F-2027-00012.pdf`, `avoir-AV-2027-00013.pdf`.
pub fn file_name(inv: &Invoice) -> String {
    if inv.kind == "invoice" {
        format!("facture-{}.pdf", inv.number)
    } else {
        format!("avoir-{}.pdf", inv.number)
    }
}

/// The invoice `id` as its Factur-X PDF, read through `ex` (the pool, or the transaction that
/// just issued it), laid out on a blocking thread; with the invoice as read.
pub async fn factur_x_pdf<'e>(
    ex: impl Into<store::Exec<'e>>,
    id: i64,
) -> WebResult<(Invoice, Vec<u8>)> {
    let mut ex: store::Exec<'e> = ex.into();
    let inv = store::invoices::find(ex.reborrow(), id)
        .await?
        .ok_or(WebError::NotFound)?;
    let lines: Vec<Line> = store::invoices::lines(ex.reborrow(), inv.id)
        .await?
        .into_iter()
        .map(|l| l.line)
        .collect();
    let credits = match inv.credits_invoice_id {
        Some(original) => store::invoices::find(ex.reborrow(), original)
            .await?
            .map(|o| o.number),
        None => None,
    };
    let xml = cii_xml(&inv, &lines, credits.as_deref());
    let data = bill(&inv, &lines, credits.as_deref());
    let (issue_date, number) = (inv.issue_date.clone(), inv.number.clone());
    let bytes =
        tokio::task::spawn_blocking(move || documents::factur_x(&data, &xml, &issue_date, &number))
            .await
            .map_err(|e| WebError::Internal(format!("pdf task: {e}")))?
            .map_err(|e| WebError::Internal(format!("pdf: {e}")))?;
    Ok((inv, bytes))
}
