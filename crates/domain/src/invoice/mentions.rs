//! The mentions French law requires on an invoice besides identities, dates, lines and totals:
//! payment terms, late-payment penalties, the 40 € recovery indemnity for a professional buyer,
//! or the VAT-exemption mention. Invoices speak to the buyer in *vous*, in French (the legal
//! document), whatever the reader's interface language.
use super::InvoiceError;

const NBSP: char = '\u{a0}';

/// A rate in basis points as French prints it: « 20 % », « 5,5 % », « 10,25 % ».
pub fn percent(bp: i64) -> String {
    let (units, rest) = (bp / 100, (bp % 100).abs());
    if rest == 0 {
        format!("{units}{NBSP}%")
    } else if rest % 10 == 0 {
        format!("{units},{}{NBSP}%", rest / 10)
    } else {
        format!("{units},{rest:02}{NBSP}%")
    }
}

/// What the payment mentions depend on.
#[derive(Debug, Clone, Copy)]
pub struct Terms<'a> {
    /// The due date, already written for the reader (« 6 janvier 2027 »).
    pub due_date: &'a str,
    pub payment_terms_days: i64,
    pub penalty_rate_bp: i64,
    /// A company or an organisation (a SIREN or VAT number given): the 40 € indemnity applies.
    pub professional_buyer: bool,
    /// « TVA non applicable, art. 293 B du CGI » or another exemption; empty when VAT applies.
    pub exemption: &'a str,
}

/// The mentions, one a paragraph, in the order they are printed.
pub fn payment_mentions(t: Terms<'_>) -> Vec<String> {
    let mut out = vec![
        format!(
            "Date d'échéance{NBSP}: {} (paiement à {} jours à compter de la date d'émission). \
             Pas d'escompte pour paiement anticipé.",
            t.due_date, t.payment_terms_days
        ),
        format!(
            "En cas de retard de paiement, des pénalités sont exigibles au taux annuel de {}, \
             dès le lendemain de la date d'échéance.",
            percent(t.penalty_rate_bp)
        ),
    ];
    if t.professional_buyer {
        out.push(
            "Tout retard de paiement entraîne de plein droit une indemnité forfaitaire pour frais \
             de recouvrement de 40\u{a0}€ (articles L441-10 et D441-5 du Code de commerce)."
                .to_string(),
        );
    }
    if !t.exemption.trim().is_empty() {
        out.push(t.exemption.trim().to_string());
    }
    out
}

/// Only digits, spaces dropped.
fn digits(text: &str) -> Option<String> {
    let d: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (!d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

/// The Luhn check SIREN and SIRET numbers carry.
/// The Luhn check of a string of ASCII digits (the CRM's, one implementation).
fn luhn(d: &str) -> bool {
    let values: Vec<u32> = d.chars().filter_map(|c| c.to_digit(10)).collect();
    crate::crm::siret::luhn(&values)
}

/// A SIREN: 9 digits passing the Luhn check.
pub fn check_siren(text: &str) -> Result<String, InvoiceError> {
    match digits(text) {
        Some(d) if d.len() == 9 && luhn(&d) => Ok(d),
        _ => Err(InvoiceError::BadSiren),
    }
}

/// A SIRET: 14 digits, the SIREN followed by the establishment's number.
pub fn check_siret(text: &str) -> Result<String, InvoiceError> {
    match digits(text) {
        Some(d) if d.len() == 14 && crate::crm::siret::valid(&d) => Ok(d),
        _ => Err(InvoiceError::BadSiret),
    }
}

/// A French intra-community VAT number: « FR », a two-digit key, the SIREN.
pub fn check_vat_number(text: &str) -> Result<String, InvoiceError> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let bad = Err(InvoiceError::BadVatNumber);
    let Some(rest) = t.strip_prefix("FR") else {
        // Another member state's number: two letters then 2 to 13 characters.
        let ok = t.len() >= 4
            && t.len() <= 15
            && t.bytes().take(2).all(|b| b.is_ascii_uppercase())
            && t.bytes().skip(2).all(|b| b.is_ascii_alphanumeric());
        return if ok { Ok(t) } else { bad };
    };
    if rest.len() != 11 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return bad;
    }
    let (key, siren) = rest.split_at(2);
    let (Ok(key), Ok(n)) = (key.parse::<u64>(), siren.parse::<u64>()) else {
        return bad;
    };
    if (12 + 3 * (n % 97)) % 97 != key {
        return bad;
    }
    Ok(t)
}

/// An IBAN: country, check digits and account, passing the mod-97 check.
pub fn check_iban(text: &str) -> Result<String, InvoiceError> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if t.len() < 15 || t.len() > 34 || !t.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(InvoiceError::BadIban);
    }
    let (head, tail) = t.split_at(4);
    let mut rem: u32 = 0;
    for b in tail.bytes().chain(head.bytes()) {
        let v = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    if rem == 1 {
        Ok(t)
    } else {
        Err(InvoiceError::BadIban)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents() {
        assert_eq!(percent(2000), "20\u{a0}%");
        assert_eq!(percent(550), "5,5\u{a0}%");
        assert_eq!(percent(1025), "10,25\u{a0}%");
    }

    #[test]
    fn mentions_for_a_company_and_an_exempt_seller() {
        let m = payment_mentions(Terms {
            due_date: "6 janvier 2027",
            payment_terms_days: 30,
            penalty_rate_bp: 1000,
            professional_buyer: true,
            exemption: "TVA non applicable, art. 293 B du CGI",
        });
        assert_eq!(m.len(), 4);
        assert!(m[0].contains("6 janvier 2027") && m[0].contains("30 jours"));
        assert!(m[1].contains("10\u{a0}%"));
        assert!(m[2].contains("40\u{a0}€"));
        assert_eq!(m[3], "TVA non applicable, art. 293 B du CGI");
        let private = payment_mentions(Terms {
            professional_buyer: false,
            exemption: "",
            due_date: "x",
            payment_terms_days: 0,
            penalty_rate_bp: 0,
        });
        assert_eq!(private.len(), 2);
    }

    #[test]
    fn identifiers() {
        assert_eq!(check_siren("732 829 320").as_deref(), Ok("732829320"));
        assert!(check_siren("732829321").is_err());
        assert!(check_siret("73282932000074").is_ok());
        assert!(check_siret("73282932000075").is_err());
        assert!(check_vat_number("FR44732829320").is_ok());
        assert!(check_vat_number("FR45732829320").is_err());
        assert!(check_vat_number("DE123456789").is_ok());
        assert!(check_iban("FR76 3000 6000 0112 3456 7890 189").is_ok());
        assert!(check_iban("FR76 3000 6000 0112 3456 7890 188").is_err());
    }
}
