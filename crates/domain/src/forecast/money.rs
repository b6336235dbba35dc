//! Integer money arithmetic: cents, basis points, rounding half away from zero.

/// `n ÷ d` rounded to the nearest integer, halves away from zero (`d` must not be 0).
pub fn round_div(n: i128, d: i128) -> i128 {
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

/// `amount × bp ÷ 10 000`, rounded: a share of an amount given in basis points.
pub fn share(amount: i64, bp: i64) -> i64 {
    round_div(amount as i128 * bp as i128, 10_000) as i64
}

/// `amount × (1 + bp ÷ 10 000)^years`, rounded once, computed exactly.
pub fn compound(amount: i128, bp: i64, years: u32) -> i64 {
    let factor = (10_000 + bp as i128).pow(years);
    let scale = 10_000i128.pow(years);
    round_div(amount * factor, scale) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_go_away_from_zero() {
        assert_eq!(round_div(5, 2), 3);
        assert_eq!(round_div(-5, 2), -3);
        assert_eq!(round_div(7, 3), 2);
        assert_eq!(round_div(-7, 3), -2);
        assert_eq!(round_div(3, -2), -2);
        assert_eq!(share(195_000, 1_000), 19_500);
        assert_eq!(share(5, 5_000), 3);
        assert_eq!(compound(10, 1_500, 1), 12); // 11.5 exactly, up
        assert_eq!(compound(195_000, 1_500, 2), 257_888); // 257 887.5, up
    }
}
