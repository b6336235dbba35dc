//! Lines (quantity in thousandths, unit price before VAT in cents, VAT rate) and their totals per
//! rate, in integer cents: each line's amount before VAT is rounded to the cent, the VAT is
//! computed once per rate on the sum of its lines (as the CII / EN 16931 breakdown does).
use super::InvoiceError;
use super::vat::{is_rate_in_force, round_div, vat_of};

/// At most this many lines on a quote or an invoice.
pub const MAX_LINES: usize = 100;
const MAX_LABEL: usize = 300;
/// A bound that keeps every product far from overflow: 10 million euros.
const MAX_AMOUNT: i64 = 1_000_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    /// Thousandths: 1,5 h is 1 500.
    pub quantity_milli: i64,
    pub unit_price_cents: i64,
    pub vat_rate_bp: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateTotal {
    pub rate_bp: i64,
    pub ht_cents: i64,
    pub vat_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    /// By rate, the highest first.
    pub per_rate: Vec<RateTotal>,
    pub ht_cents: i64,
    pub vat_cents: i64,
    pub ttc_cents: i64,
}

/// Refuses an empty or too long label, a quantity not above zero, a negative price, a rate not in
/// force, an amount out of bounds.
pub fn check_line(line: &Line) -> Result<(), InvoiceError> {
    let label = line.label.trim();
    if label.is_empty() {
        return Err(InvoiceError::EmptyLabel);
    }
    if label.chars().count() > MAX_LABEL {
        return Err(InvoiceError::LabelTooLong);
    }
    if line.quantity_milli <= 0 {
        return Err(InvoiceError::QuantityNotPositive);
    }
    if line.unit_price_cents < 0 {
        return Err(InvoiceError::NegativePrice);
    }
    if !is_rate_in_force(line.vat_rate_bp) {
        return Err(InvoiceError::RateNotInForce);
    }
    if line.unit_price_cents > MAX_AMOUNT
        || line.quantity_milli > MAX_AMOUNT
        || line_total_ht(line) > MAX_AMOUNT
    {
        return Err(InvoiceError::TooLarge);
    }
    Ok(())
}

/// Quantity × unit price, rounded half away from zero to the cent.
pub fn line_total_ht(line: &Line) -> i64 {
    round_div(
        i128::from(line.quantity_milli) * i128::from(line.unit_price_cents),
        1000,
    )
}

/// Checks every line and adds them up per rate.
pub fn totals(lines: &[Line]) -> Result<Totals, InvoiceError> {
    if lines.is_empty() {
        return Err(InvoiceError::NoLines);
    }
    if lines.len() > MAX_LINES {
        return Err(InvoiceError::TooManyLines);
    }
    let mut per_rate: Vec<RateTotal> = Vec::new();
    for line in lines {
        check_line(line)?;
        let ht = line_total_ht(line);
        match per_rate.iter_mut().find(|r| r.rate_bp == line.vat_rate_bp) {
            Some(r) => r.ht_cents += ht,
            None => per_rate.push(RateTotal {
                rate_bp: line.vat_rate_bp,
                ht_cents: ht,
                vat_cents: 0,
            }),
        }
    }
    per_rate.sort_by_key(|b| std::cmp::Reverse(b.rate_bp));
    for r in &mut per_rate {
        r.vat_cents = vat_of(r.ht_cents, r.rate_bp);
    }
    let ht_cents = per_rate.iter().map(|r| r.ht_cents).sum();
    let vat_cents = per_rate.iter().map(|r| r.vat_cents).sum();
    Ok(Totals {
        per_rate,
        ht_cents,
        vat_cents,
        ttc_cents: ht_cents + vat_cents,
    })
}

/// Reads a quantity typed as « 3 », « 1,5 » or « 0.25 » (at most three decimals) in thousandths.
pub fn parse_quantity(input: &str) -> Option<i64> {
    let t = input.trim().replace([' ', '\u{a0}', '\u{202f}'], "");
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, t),
    };
    let t = t.replace(',', ".");
    let (units, rest) = t.split_once('.').unwrap_or((&t, ""));
    if units.is_empty() || units.len() > 9 || !units.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if rest.len() > 3 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let milli = units.parse::<i64>().ok()? * 1000 + format!("{rest:0<3}").parse::<i64>().ok()?;
    Some(if negative { -milli } else { milli })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(q: i64, p: i64, r: i64) -> Line {
        Line {
            label: "Atelier".into(),
            quantity_milli: q,
            unit_price_cents: p,
            vat_rate_bp: r,
        }
    }

    #[test]
    fn totals_per_rate_in_cents() {
        let t = totals(&[
            line(1500, 6000, 2000),
            line(1000, 333, 2000),
            line(3000, 1999, 550),
            line(1000, 5000, 0),
        ])
        .unwrap();
        assert_eq!(t.per_rate.len(), 3);
        assert_eq!(
            t.per_rate[0],
            RateTotal {
                rate_bp: 2000,
                ht_cents: 9333,
                vat_cents: 1867
            }
        );
        assert_eq!(
            t.per_rate[1],
            RateTotal {
                rate_bp: 550,
                ht_cents: 5997,
                vat_cents: 330
            }
        );
        assert_eq!(
            t.per_rate[2],
            RateTotal {
                rate_bp: 0,
                ht_cents: 5000,
                vat_cents: 0
            }
        );
        assert_eq!(t.ht_cents, 20330);
        assert_eq!(t.vat_cents, 2197);
        assert_eq!(t.ttc_cents, 22527);
        // 0,333 × 0,10 € = 0,0333 € → 3 cents.
        assert_eq!(line_total_ht(&line(333, 10, 0)), 3);
    }

    #[test]
    fn bad_lines_are_refused() {
        assert_eq!(totals(&[]), Err(InvoiceError::NoLines));
        assert_eq!(
            totals(&[line(-1000, 100, 2000)]),
            Err(InvoiceError::QuantityNotPositive)
        );
        assert_eq!(
            totals(&[line(0, 100, 2000)]),
            Err(InvoiceError::QuantityNotPositive)
        );
        assert_eq!(
            totals(&[line(1000, -1, 2000)]),
            Err(InvoiceError::NegativePrice)
        );
        assert_eq!(
            totals(&[line(1000, 100, 1960)]),
            Err(InvoiceError::RateNotInForce)
        );
        assert_eq!(
            totals(&[line(1000, i64::MAX, 0)]),
            Err(InvoiceError::TooLarge)
        );
        let mut blank = line(1000, 100, 0);
        blank.label = "  ".into();
        assert_eq!(check_line(&blank), Err(InvoiceError::EmptyLabel));
    }

    #[test]
    fn quantities_as_typed() {
        assert_eq!(parse_quantity("3"), Some(3000));
        assert_eq!(parse_quantity("1,5"), Some(1500));
        assert_eq!(parse_quantity("0.25"), Some(250));
        assert_eq!(parse_quantity("-2"), Some(-2000));
        assert_eq!(parse_quantity("1,2345"), None);
        assert_eq!(parse_quantity("abc"), None);
        assert_eq!(parse_quantity(""), None);
    }
}
