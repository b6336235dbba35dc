//! The SIRET (an establishment's number in France's Sirene register): 14 digits whose Luhn
//! sum is a multiple of 10, except La Poste's establishments (SIREN 356 000 000), whose digits
//! add up to a multiple of 5.
use super::CrmError;

/// A SIRET as typed (spaces allowed) → its 14 digits; empty is `None`.
pub fn parse(text: &str) -> Result<Option<String>, CrmError> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | '-'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if digits.len() != 14 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(CrmError::Siret);
    }
    if valid(&digits) {
        Ok(Some(digits))
    } else {
        Err(CrmError::Siret)
    }
}

/// Whether 14 digits make a valid SIRET (Luhn, or La Poste's rule).
pub fn valid(digits: &str) -> bool {
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.starts_with("356000000") {
        return values.iter().sum::<u32>().is_multiple_of(5);
    }
    luhn(&values)
}

/// The Luhn check: from the right, every second digit doubled (9 taken off past 9).
pub fn luhn(values: &[u32]) -> bool {
    let sum: u32 = values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The SIRET formatted as shown: `123 456 789 00012`.
pub fn display(siret: &str) -> String {
    if siret.len() != 14 {
        return siret.to_string();
    }
    format!(
        "{}\u{a0}{}\u{a0}{}\u{a0}{}",
        &siret[0..3],
        &siret[3..6],
        &siret[6..9],
        &siret[9..14]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_checked() {
        // A real establishment: the INSEE's head office.
        assert_eq!(
            parse("120 027 016 00019").unwrap().as_deref(),
            Some("12002701600019")
        );
        assert_eq!(
            parse("73282932000074").unwrap().as_deref(),
            Some("73282932000074")
        );
        assert_eq!(parse("12002701600018"), Err(CrmError::Siret));
        assert_eq!(parse("1200270160001"), Err(CrmError::Siret));
        assert_eq!(parse("1200270160001A"), Err(CrmError::Siret));
        assert_eq!(parse("  "), Ok(None));
        // La Poste: digits adding up to a multiple of 5.
        assert!(parse("35600000000056").is_ok());
        assert_eq!(parse("35600000000048"), Err(CrmError::Siret));
        assert_eq!(
            display("12002701600019"),
            "120\u{a0}027\u{a0}016\u{a0}00019"
        );
    }
}
