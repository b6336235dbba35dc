//! Credit notes (avoirs) for an amount: the amount, VAT included, spread over the invoice's
//! rates in proportion to what each rate weighs in its total.
use super::lines::{Line, totals};
use super::vat::{ht_from_ttc, round_div};

/// Lines of a credit note of `amount_ttc` cents against an invoice of `original` lines: one line
/// per VAT rate, labelled `label`.
pub fn credit_lines(original: &[Line], amount_ttc: i64, label: &str) -> Vec<Line> {
    let Ok(t) = totals(original) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut left = amount_ttc;
    let count = t.per_rate.len();
    for (i, r) in t.per_rate.iter().enumerate() {
        let ttc = r.ht_cents + r.vat_cents;
        let part = if i + 1 == count || t.ttc_cents == 0 {
            left
        } else {
            round_div(
                i128::from(amount_ttc) * i128::from(ttc),
                i128::from(t.ttc_cents),
            )
            .min(left)
        };
        left -= part;
        if part > 0 {
            out.push(Line {
                label: label.to_string(),
                quantity_milli: 1000,
                unit_price_cents: ht_from_ttc(part, r.rate_bp),
                vat_rate_bp: r.rate_bp,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_spread_over_rates() {
        let original = [
            Line {
                label: "Atelier".into(),
                quantity_milli: 1000,
                unit_price_cents: 10_000,
                vat_rate_bp: 2000,
            },
            Line {
                label: "Repas".into(),
                quantity_milli: 1000,
                unit_price_cents: 10_000,
                vat_rate_bp: 1000,
            },
        ];
        // 120 € + 110 € = 230 €; an avoir of 23 € takes 12 € at 20 % and 11 € at 10 %.
        let lines = credit_lines(&original, 2300, "Avoir");
        assert_eq!(lines.len(), 2);
        let t = totals(&lines).unwrap();
        assert_eq!(t.ttc_cents, 2300);
        assert_eq!(lines[0].unit_price_cents, 1000);
        assert_eq!(lines[1].unit_price_cents, 1000);
    }
}
