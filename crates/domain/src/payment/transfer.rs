//! Bank transfers: the structured creditor reference (RF, ISO 11649) an invoice asks the payer
//! to quote and the EPC QR code's payload (EPC069-12, SEPA credit transfer) a
//! banking app scans to fill the transfer.

/// The alphanumeric characters of `text`, upper-cased: how references and IBANs are compared.
pub fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// ISO 7064 MOD 97-10 of a string of digits and letters (A = 10 … Z = 35).
fn mod97(text: &str) -> Option<u32> {
    let mut rest = 0u32;
    for c in text.chars() {
        let value = c.to_digit(36)?;
        for d in value.to_string().chars() {
            rest = (rest * 10 + d.to_digit(10)?) % 97;
        }
    }
    Some(rest)
}

/// The RF creditor reference of `base` (an invoice number such as `F2026-0001`): `RF`, two
/// check digits, then the base's letters and digits (at most 21).
pub fn rf_reference(base: &str) -> Option<String> {
    let base = compact(base);
    if base.is_empty() || base.len() > 21 {
        return None;
    }
    let rest = mod97(&format!("{base}RF00"))?;
    Some(format!("RF{:02}{base}", 98 - rest))
}

/// Whether `text` is a well-formed RF reference (spaces allowed, any case).
pub fn rf_valid(text: &str) -> bool {
    let r = compact(text);
    r.len() >= 5
        && r.len() <= 25
        && r.starts_with("RF")
        && mod97(&format!("{}{}", &r[4..], &r[..4])) == Some(1)
}

/// The EPC QR payload of a SEPA credit transfer of `cents` to `name`'s `iban` quoting the
/// structured `reference`: lines BCD, 002, 1 (UTF-8), SCT, BIC, name, IBAN, EUR amount, purpose
/// (empty), reference.
pub fn epc_payload(name: &str, iban: &str, bic: &str, cents: i64, reference: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).take(70).collect();
    [
        "BCD".to_string(),
        "002".into(),
        "1".into(),
        "SCT".into(),
        compact(bic),
        name,
        compact(iban),
        format!("EUR{}.{:02}", cents / 100, cents % 100),
        String::new(),
        compact(reference),
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creditor_references_carry_their_check_digits() {
        // ISO 11649's own example.
        assert_eq!(
            rf_reference("5390 0754 7034").as_deref(),
            Some("RF18539007547034")
        );
        assert_eq!(rf_reference("F2026-0001").as_deref(), Some("RF12F20260001"));
        assert!(rf_valid("RF18 5390 0754 7034"));
        assert!(rf_valid("rf12f20260001"));
        assert!(!rf_valid("RF19539007547034"));
        assert!(!rf_valid("F2026-0001"));
        assert_eq!(rf_reference(""), None);
        assert_eq!(rf_reference(&"9".repeat(22)), None);
    }

    #[test]
    fn the_epc_payload_has_its_lines_in_order() {
        let p = epc_payload(
            "Studio d'Impact Local",
            "FR76 3000 6000 0112 3456 7890 189",
            "AGRIFRPP",
            12_050,
            "RF12F20260001",
        );
        assert_eq!(
            p,
            "BCD\n002\n1\nSCT\nAGRIFRPP\nStudio d'Impact Local\nFR7630006000011234567890189\nEUR120.50\n\nRF12F20260001"
        );
    }
}
