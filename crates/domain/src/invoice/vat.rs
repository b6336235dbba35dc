//! The VAT rates in force in metropolitan France, in basis points (2 000 = 20 %).

/// Standard 20 %, intermediate 10 %, reduced 5,5 %, special 2,1 %, and 0 for a sale without VAT
/// (an exempt seller or an exempt operation, which then prints its exemption mention).
pub const RATES_IN_FORCE: [i64; 5] = [2000, 1000, 550, 210, 0];

/// The mention of the small-business exemption (franchise en base).
pub const EXEMPTION_293B: &str = "TVA non applicable, art. 293 B du CGI";

pub fn is_rate_in_force(rate_bp: i64) -> bool {
    RATES_IN_FORCE.contains(&rate_bp)
}

/// The VAT on an amount before tax, rounded half away from zero to the cent.
pub fn vat_of(ht_cents: i64, rate_bp: i64) -> i64 {
    round_div(i128::from(ht_cents) * i128::from(rate_bp), 10_000)
}

/// `n / d` rounded half away from zero (`d` > 0).
pub(crate) fn round_div(n: i128, d: i128) -> i64 {
    let q = (n.abs() * 2 + d) / (2 * d);
    let q = if n < 0 { -q } else { q };
    i64::try_from(q).unwrap_or(if n < 0 { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_rounding() {
        assert!(is_rate_in_force(550) && is_rate_in_force(0));
        assert!(!is_rate_in_force(1960) && !is_rate_in_force(700));
        assert_eq!(vat_of(1000, 2000), 200);
        // 0,05 € × 5,5 % = 0,275 cent → 0; 0,10 € → 0,55 → 1 cent.
        assert_eq!(vat_of(5, 550), 0);
        assert_eq!(vat_of(10, 550), 1);
        assert_eq!(vat_of(-10, 550), -1);
        assert_eq!(vat_of(12_345, 210), 259);
    }
}

/// The amount before VAT whose total with VAT (computed as [`vat_of`] does) is `ttc_cents`, or the
/// nearest one when none is exact: how an order priced VAT included becomes an invoice line.
pub fn ht_from_ttc(ttc_cents: i64, rate_bp: i64) -> i64 {
    let guess = round_div(
        i128::from(ttc_cents) * 10_000,
        10_000 + i128::from(rate_bp.max(0)),
    );
    (guess - 2..=guess + 2)
        .min_by_key(|ht| ((ht + vat_of(*ht, rate_bp)) - ttc_cents).abs())
        .unwrap_or(guess)
}

#[cfg(test)]
mod ttc_tests {
    use super::*;

    #[test]
    fn ht_from_ttc_gives_back_the_price() {
        for ttc in [0, 1, 99, 12_000, 36_000, 8_950, 123_457] {
            for rate in RATES_IN_FORCE {
                let ht = ht_from_ttc(ttc, rate);
                assert!((ht + vat_of(ht, rate) - ttc).abs() <= 1, "{ttc} {rate}");
            }
        }
        assert_eq!(ht_from_ttc(12_000, 2000), 10_000);
    }
}
