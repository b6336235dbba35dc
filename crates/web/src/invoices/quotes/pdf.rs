//! A quote as a PDF (`documents::Template::Bill`): the seller, the buyer, the dates, the lines
//! and totals per VAT rate, and the mentions in *vous* (validity, how to accept, the VAT
//! exemption). The legal document is in French whatever the reader's interface language.
use crate::i18n::I18n;
use crate::invoices::issue::quantity_input;
use crate::invoices::long_date;
use domain::Locale;
use domain::invoice::{self, Line};
use store::invoices::Seller;
use store::quotes::Quote;

/// The seller's block as printed (name, legal form, address, identifiers).
pub fn seller_block(i: I18n, s: &Seller) -> Vec<String> {
    let mut out = vec![s.legal_name.trim().to_string()];
    if !s.legal_form.trim().is_empty() {
        out.push(s.legal_form.trim().to_string());
    }
    out.extend(s.full_address().lines().map(str::to_string));
    out.push(format!("{} {}", i.t("invoice-siren"), s.siren.trim()));
    if !s.siret.trim().is_empty() {
        out.push(format!("{} {}", i.t("invoice-siret"), s.siret.trim()));
    }
    if !s.registration.trim().is_empty() {
        out.push(s.registration.trim().to_string());
    }
    if !s.vat_number.trim().is_empty() {
        out.push(format!(
            "{} {}",
            i.t("invoice-vat-number"),
            s.vat_number.trim()
        ));
    }
    if !s.email.trim().is_empty() {
        out.push(s.email.trim().to_string());
    }
    out
}

/// The quote's document data.
pub fn bill(q: &Quote, lines: &[Line], seller: &Seller) -> documents::Bill {
    let i = I18n::new(Locale::Fr);
    let totals = invoice::totals(lines).unwrap_or_default();
    let mut buyer = vec![q.buyer_name.clone()];
    buyer.extend(q.buyer_address.lines().map(str::to_string));
    if !q.buyer_siren.is_empty() {
        buyer.push(format!("{} {}", i.t("invoice-siren"), q.buyer_siren));
    }
    if !q.buyer_vat_number.is_empty() {
        buyer.push(format!(
            "{} {}",
            i.t("invoice-vat-number"),
            q.buyer_vat_number
        ));
    }
    let created = time::OffsetDateTime::from_unix_timestamp(q.created_at)
        .map(|t| {
            let d = t.date();
            format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
        })
        .unwrap_or_default();
    let mut dates = vec![(i.t("quote-date"), long_date(i, &created))];
    let valid_until = long_date(i, &q.valid_until);
    dates.push((i.t("quote-valid-until"), valid_until.clone()));
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
    amounts.push((i.t("invoice-total-ht"), i.money(totals.ht_cents)));
    amounts.push((i.t("invoice-total-vat"), i.money(totals.vat_cents)));
    amounts.push((i.t("invoice-total-ttc"), i.money(totals.ttc_cents)));
    let exemption = if seller.vat_exempt {
        seller.exemption_mention.as_str()
    } else {
        ""
    };
    let mut title = i.ta("quote-title", &[("reference", &q.reference())]);
    if !q.title.is_empty() {
        title = format!("{title} · {}", q.title);
    }
    documents::Bill {
        lang: "fr".into(),
        title,
        seller_heading: i.t("invoice-seller"),
        seller: seller_block(i, seller),
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
        mentions: invoice::quote::quote_mentions(&valid_until, exemption),
        footer: format!("{} · {}", seller.legal_name.trim(), q.reference()),
        ..documents::Bill::default()
    }
}
