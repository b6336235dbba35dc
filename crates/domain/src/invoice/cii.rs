//! The invoice as UN/CEFACT Cross Industry Invoice XML, profile EN 16931 (« comfort »): the
//! XML a Factur-X PDF carries as `factur-x.xml`. Elements follow the order of the schema.

/// An issued document, as the XML needs it.
#[derive(Debug, Clone, Default)]
pub struct CiiInvoice<'a> {
    pub number: &'a str,
    pub credit_note: bool,
    /// The invoice a credit note cancels.
    pub credits_number: Option<&'a str>,
    /// YYYY-MM-DD.
    pub issue_date: &'a str,
    pub service_date: &'a str,
    pub due_date: &'a str,
    pub currency: &'a str,
    pub seller: Party<'a>,
    pub buyer: Party<'a>,
    /// Printed when the seller is exempt (« TVA non applicable, art. 293 B du CGI »).
    pub exemption: &'a str,
    pub iban: &'a str,
    pub bic: &'a str,
    pub payment_terms: &'a str,
    pub lines: &'a [super::Line],
    pub paid_cents: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Party<'a> {
    pub name: &'a str,
    pub siren: &'a str,
    pub vat_number: &'a str,
    /// Street lines (the first used).
    pub address: &'a str,
    pub postcode: &'a str,
    pub town: &'a str,
    pub country: &'a str,
    pub email: &'a str,
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (cents / 100).abs(), (cents % 100).abs())
}

fn percent(bp: i64) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

fn day(iso: &str) -> String {
    let d: String = iso.chars().filter(char::is_ascii_digit).take(8).collect();
    format!("<udt:DateTimeString format=\"102\">{d}</udt:DateTimeString>")
}

/// S standard rate, E exempt (with its reason), Z zero rate.
fn category(rate_bp: i64, exempt: bool) -> &'static str {
    match (rate_bp, exempt) {
        (0, true) => "E",
        (0, false) => "Z",
        _ => "S",
    }
}

fn party(out: &mut String, tag: &str, p: &Party<'_>) {
    out.push_str(&format!("<ram:{tag}><ram:Name>{}</ram:Name>", esc(p.name)));
    if !p.siren.is_empty() {
        out.push_str(&format!(
            "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">{}</ram:ID></ram:SpecifiedLegalOrganization>",
            esc(p.siren)
        ));
    }
    let first_line = p.address.lines().next().unwrap_or("").trim();
    out.push_str("<ram:PostalTradeAddress>");
    if !p.postcode.is_empty() {
        out.push_str(&format!(
            "<ram:PostcodeCode>{}</ram:PostcodeCode>",
            esc(p.postcode)
        ));
    }
    if !first_line.is_empty() {
        out.push_str(&format!("<ram:LineOne>{}</ram:LineOne>", esc(first_line)));
    }
    if !p.town.is_empty() {
        out.push_str(&format!("<ram:CityName>{}</ram:CityName>", esc(p.town)));
    }
    let country = if p.country.is_empty() {
        "FR"
    } else {
        p.country
    };
    out.push_str(&format!(
        "<ram:CountryID>{}</ram:CountryID></ram:PostalTradeAddress>",
        esc(country)
    ));
    if !p.email.is_empty() {
        out.push_str(&format!(
            "<ram:URIUniversalCommunication><ram:URIID schemeID=\"EM\">{}</ram:URIID></ram:URIUniversalCommunication>",
            esc(p.email)
        ));
    }
    if !p.vat_number.is_empty() {
        out.push_str(&format!(
            "<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">{}</ram:ID></ram:SpecifiedTaxRegistration>",
            esc(p.vat_number)
        ));
    }
    out.push_str(&format!("</ram:{tag}>"));
}

/// The CII XML of an issued invoice or credit note.
pub fn cii_xml(inv: &CiiInvoice<'_>) -> String {
    let totals = super::totals(inv.lines).unwrap_or_default();
    let exempt = !inv.exemption.trim().is_empty();
    let mut x = String::with_capacity(4096);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(
        "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\" \
         xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\" \
         xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\" \
         xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">",
    );
    x.push_str(
        "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>\
         <ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>\
         </rsm:ExchangedDocumentContext>",
    );
    x.push_str(&format!(
        "<rsm:ExchangedDocument><ram:ID>{}</ram:ID><ram:TypeCode>{}</ram:TypeCode><ram:IssueDateTime>{}</ram:IssueDateTime>",
        esc(inv.number),
        if inv.credit_note { "381" } else { "380" },
        day(inv.issue_date)
    ));
    if exempt {
        x.push_str(&format!(
            "<ram:IncludedNote><ram:Content>{}</ram:Content></ram:IncludedNote>",
            esc(inv.exemption)
        ));
    }
    x.push_str("</rsm:ExchangedDocument><rsm:SupplyChainTradeTransaction>");
    for (n, l) in inv.lines.iter().enumerate() {
        x.push_str(&format!(
            "<ram:IncludedSupplyChainTradeLineItem>\
             <ram:AssociatedDocumentLineDocument><ram:LineID>{}</ram:LineID></ram:AssociatedDocumentLineDocument>\
             <ram:SpecifiedTradeProduct><ram:Name>{}</ram:Name></ram:SpecifiedTradeProduct>\
             <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>{}</ram:ChargeAmount>\
             </ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>\
             <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">{}.{:03}</ram:BilledQuantity>\
             </ram:SpecifiedLineTradeDelivery>\
             <ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>\
             <ram:CategoryCode>{}</ram:CategoryCode><ram:RateApplicablePercent>{}</ram:RateApplicablePercent>\
             </ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation>\
             <ram:LineTotalAmount>{}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>\
             </ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>",
            n + 1,
            esc(l.label.trim()),
            money(l.unit_price_cents),
            l.quantity_milli / 1000,
            l.quantity_milli % 1000,
            category(l.vat_rate_bp, exempt),
            percent(l.vat_rate_bp),
            money(super::line_total_ht(l)),
        ));
    }
    x.push_str("<ram:ApplicableHeaderTradeAgreement>");
    party(&mut x, "SellerTradeParty", &inv.seller);
    party(&mut x, "BuyerTradeParty", &inv.buyer);
    x.push_str("</ram:ApplicableHeaderTradeAgreement>");
    x.push_str(&format!(
        "<ram:ApplicableHeaderTradeDelivery><ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime>{}\
         </ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent></ram:ApplicableHeaderTradeDelivery>",
        day(if inv.service_date.is_empty() { inv.issue_date } else { inv.service_date })
    ));
    let currency = if inv.currency.is_empty() {
        "EUR"
    } else {
        inv.currency
    };
    x.push_str(&format!(
        "<ram:ApplicableHeaderTradeSettlement><ram:PaymentReference>{}</ram:PaymentReference>\
         <ram:InvoiceCurrencyCode>{}</ram:InvoiceCurrencyCode>",
        esc(inv.number),
        esc(currency)
    ));
    if !inv.iban.is_empty() && !inv.credit_note {
        x.push_str(&format!(
            "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>\
             <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>",
            esc(inv.iban)
        ));
        if !inv.bic.is_empty() {
            x.push_str(&format!(
                "<ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>{}</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>",
                esc(inv.bic)
            ));
        }
        x.push_str("</ram:SpecifiedTradeSettlementPaymentMeans>");
    }
    for r in &totals.per_rate {
        let cat = category(r.rate_bp, exempt);
        let reason = if cat == "E" {
            format!(
                "<ram:ExemptionReason>{}</ram:ExemptionReason>",
                esc(inv.exemption.trim())
            )
        } else {
            String::new()
        };
        x.push_str(&format!(
            "<ram:ApplicableTradeTax><ram:CalculatedAmount>{}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>\
             {reason}<ram:BasisAmount>{}</ram:BasisAmount><ram:CategoryCode>{cat}</ram:CategoryCode>\
             <ram:RateApplicablePercent>{}</ram:RateApplicablePercent></ram:ApplicableTradeTax>",
            money(r.vat_cents),
            money(r.ht_cents),
            percent(r.rate_bp)
        ));
    }
    if !inv.credit_note {
        x.push_str(&format!(
            "<ram:SpecifiedTradePaymentTerms><ram:Description>{}</ram:Description><ram:DueDateDateTime>{}\
             </ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>",
            esc(inv.payment_terms),
            day(inv.due_date)
        ));
    }
    let due = (totals.ttc_cents - inv.paid_cents).max(0);
    x.push_str(&format!(
        "<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>{}</ram:LineTotalAmount>\
         <ram:TaxBasisTotalAmount>{}</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID=\"{}\">{}</ram:TaxTotalAmount>\
         <ram:GrandTotalAmount>{}</ram:GrandTotalAmount><ram:TotalPrepaidAmount>{}</ram:TotalPrepaidAmount>\
         <ram:DuePayableAmount>{}</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
        money(totals.ht_cents),
        money(totals.ht_cents),
        esc(currency),
        money(totals.vat_cents),
        money(totals.ttc_cents),
        money(inv.paid_cents),
        money(due)
    ));
    if let Some(number) = inv.credits_number {
        x.push_str(&format!(
            "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>{}</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>",
            esc(number)
        ));
    }
    x.push_str("</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invoice::Line;

    #[test]
    fn an_invoice_as_cii() {
        let lines = [
            Line {
                label: "Atelier <budget> & co".into(),
                quantity_milli: 1500,
                unit_price_cents: 10_000,
                vat_rate_bp: 2000,
            },
            Line {
                label: "Livre".into(),
                quantity_milli: 1000,
                unit_price_cents: 2_000,
                vat_rate_bp: 550,
            },
        ];
        let xml = cii_xml(&CiiInvoice {
            number: "F-2027-00001",
            issue_date: "2027-01-06",
            due_date: "2027-02-05",
            seller: Party {
                name: "Studio",
                siren: "732829320",
                vat_number: "FR44732829320",
                ..Party::default()
            },
            buyer: Party {
                name: "Client",
                ..Party::default()
            },
            lines: &lines,
            ..CiiInvoice::default()
        });
        assert!(xml.contains("<ram:ID>F-2027-00001</ram:ID><ram:TypeCode>380</ram:TypeCode>"));
        assert!(xml.contains("Atelier &lt;budget&gt; &amp; co"));
        assert!(xml.contains("<ram:BilledQuantity unitCode=\"C62\">1.500</ram:BilledQuantity>"));
        assert!(xml.contains("<ram:GrandTotalAmount>201.10</ram:GrandTotalAmount>"));
        assert!(xml.contains("<udt:DateTimeString format=\"102\">20270106</udt:DateTimeString>"));
    }

    #[test]
    fn an_exempt_credit_note_as_cii() {
        let lines = [Line {
            label: "Avoir".into(),
            quantity_milli: 1000,
            unit_price_cents: 6_000,
            vat_rate_bp: 0,
        }];
        let xml = cii_xml(&CiiInvoice {
            number: "AV-2027-00002",
            credit_note: true,
            credits_number: Some("F-2027-00001"),
            issue_date: "2027-01-07",
            exemption: "TVA non applicable, art. 293 B du CGI",
            iban: "FR7630006000011234567890189",
            seller: Party {
                name: "Studio",
                siren: "732829320",
                address: "12 rue\nLyon",
                postcode: "69002",
                town: "Lyon",
                ..Party::default()
            },
            buyer: Party {
                name: "Client",
                email: "a@b.fr",
                ..Party::default()
            },
            lines: &lines,
            ..CiiInvoice::default()
        });
        assert!(xml.contains("<ram:TypeCode>381</ram:TypeCode>"));
        assert!(xml.contains("<ram:CategoryCode>E</ram:CategoryCode>"));
        assert!(xml.contains("<ram:IssuerAssignedID>F-2027-00001</ram:IssuerAssignedID>"));
    }
}
