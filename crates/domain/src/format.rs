//! Numbers, money and dates written the way each locale writes them (`1 234,56 €`, `€1,234.56`).
use crate::Locale;

const NARROW_NBSP: char = '\u{202F}';
const NBSP: char = '\u{00A0}';

/// A Unix time as RFC 3339 (`2026-11-26T04:44:29Z`), for machines: feeds, structured data and
/// data exports. Empty for a time out of range.
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// Groups the digits of an integer by thousands with the locale's separator.
pub fn integer(locale: Locale, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let sep = match locale {
        Locale::Fr => NARROW_NBSP,
        Locale::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Money held as cents of euros: `1 234,56 €` in French, `€1,234.56` in English.
pub fn euros(locale: Locale, cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let units = integer(locale, (cents / 100).abs());
    let rest = (cents % 100).abs();
    match locale {
        Locale::Fr => format!("{sign}{units},{rest:02}{NBSP}€"),
        Locale::En => format!("{sign}€{units}.{rest:02}"),
    }
}

/// A calendar date: `24 novembre 2026` / `24 November 2026`, with the month name from the catalogue.
pub fn long_date(locale: Locale, day: u8, month_name: &str, year: i32) -> String {
    match locale {
        Locale::Fr if day == 1 => format!("1er {month_name} {year}"),
        _ => format!("{day} {month_name} {year}"),
    }
}

/// Hours and minutes: `14 h 05` / `2:05 pm`.
pub fn time_of_day(locale: Locale, hour: u8, minute: u8) -> String {
    match locale {
        Locale::Fr => format!("{hour} h {minute:02}"),
        Locale::En => {
            let (h, suffix) = match hour {
                0 => (12, "am"),
                1..=11 => (hour, "am"),
                12 => (12, "pm"),
                _ => (hour - 12, "pm"),
            };
            format!("{h}:{minute:02} {suffix}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_for_machines() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_667_069), "2026-11-26T04:24:29Z");
        assert_eq!(rfc3339(i64::MAX), "");
    }

    #[test]
    fn money_in_both_locales() {
        assert_eq!(euros(Locale::Fr, 123_456), "1\u{202F}234,56\u{A0}€");
        assert_eq!(euros(Locale::En, 123_456), "€1,234.56");
        assert_eq!(euros(Locale::Fr, -5), "-0,05\u{A0}€");
        assert_eq!(euros(Locale::En, 100_000_000), "€1,000,000.00");
        assert_eq!(euros(Locale::Fr, 0), "0,00\u{A0}€");
    }

    #[test]
    fn integers_and_dates() {
        assert_eq!(integer(Locale::Fr, 1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(integer(Locale::En, -999), "-999");
        assert_eq!(integer(Locale::En, i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(long_date(Locale::Fr, 1, "mars", 2027), "1er mars 2027");
        assert_eq!(
            long_date(Locale::En, 24, "November", 2026),
            "24 November 2026"
        );
        assert_eq!(time_of_day(Locale::Fr, 14, 5), "14 h 05");
        assert_eq!(time_of_day(Locale::En, 0, 30), "12:30 am");
        assert_eq!(time_of_day(Locale::En, 14, 5), "2:05 pm");
    }
}
