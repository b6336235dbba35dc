//! Amounts in words, in French (for receipts: « trois cent vingt et un euros et cinq
//! centimes »), traditional spelling: hyphens under one hundred, « et » in 21…71, « cents » and
//! « quatre-vingts » plural only at the end of a number.

const UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// 0 ≤ n < 100; `last`: nothing follows (quatre-vingts takes its s).
fn below_hundred(n: u64, last: bool) -> String {
    match n {
        0..=16 => UNITS[n as usize].to_string(),
        17..=19 => format!("dix-{}", UNITS[(n - 10) as usize]),
        20..=69 => {
            let (t, u) = (n / 10, n % 10);
            match u {
                0 => TENS[t as usize].to_string(),
                1 => format!("{} et un", TENS[t as usize]),
                _ => format!("{}-{}", TENS[t as usize], UNITS[u as usize]),
            }
        }
        70..=79 => match n {
            71 => "soixante et onze".to_string(),
            _ => format!("soixante-{}", below_hundred(n - 60, true)),
        },
        80 if last => "quatre-vingts".to_string(),
        80 => "quatre-vingt".to_string(),
        _ => format!("quatre-vingt-{}", below_hundred(n - 80, true)),
    }
}

/// 0 < n < 1000.
fn below_thousand(n: u64, last: bool) -> String {
    let (h, rest) = (n / 100, n % 100);
    let hundreds = match h {
        0 => String::new(),
        1 => "cent".to_string(),
        _ if rest == 0 && last => format!("{} cents", UNITS[h as usize]),
        _ => format!("{} cent", UNITS[h as usize]),
    };
    match (hundreds.is_empty(), rest) {
        (true, _) => below_hundred(rest, last),
        (false, 0) => hundreds,
        (false, _) => format!("{hundreds} {}", below_hundred(rest, last)),
    }
}

/// A whole number in words.
pub fn number_in_words(n: u64) -> String {
    if n == 0 {
        return "zéro".to_string();
    }
    let mut parts = Vec::new();
    let billions = n / 1_000_000_000;
    let millions = (n / 1_000_000) % 1000;
    let thousands = (n / 1000) % 1000;
    let rest = n % 1000;
    if billions > 0 {
        let s = if billions > 1 { "s" } else { "" };
        parts.push(format!("{} milliard{s}", number_in_words(billions)));
    }
    if millions > 0 {
        let s = if millions > 1 { "s" } else { "" };
        parts.push(format!("{} million{s}", below_thousand(millions, true)));
    }
    if thousands > 0 {
        if thousands == 1 {
            parts.push("mille".to_string());
        } else {
            parts.push(format!("{} mille", below_thousand(thousands, false)));
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest, true));
    }
    parts.join(" ")
}

/// An amount of cents in words: « mille deux cent trente-quatre euros et cinquante-six centimes »,
/// « un million d'euros », « zéro euro ».
pub fn euros_in_words(cents: i64) -> String {
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let sign = if cents < 0 { "moins " } else { "" };
    let euro_word = if euros >= 2 { "euros" } else { "euro" };
    let whole = if euros > 0 && euros.is_multiple_of(1_000_000) {
        format!("{} d'euros", number_in_words(euros))
    } else {
        format!("{} {euro_word}", number_in_words(euros))
    };
    match (euros, rest) {
        (_, 0) => format!("{sign}{whole}"),
        (0, _) => {
            let c = if rest >= 2 { "centimes" } else { "centime" };
            format!("{sign}{} {c}", number_in_words(rest))
        }
        _ => {
            let c = if rest >= 2 { "centimes" } else { "centime" };
            format!("{sign}{whole} et {} {c}", number_in_words(rest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_french_words() {
        let cases = [
            (1, "un"),
            (16, "seize"),
            (17, "dix-sept"),
            (21, "vingt et un"),
            (22, "vingt-deux"),
            (71, "soixante et onze"),
            (75, "soixante-quinze"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (91, "quatre-vingt-onze"),
            (100, "cent"),
            (101, "cent un"),
            (200, "deux cents"),
            (280, "deux cent quatre-vingts"),
            (1000, "mille"),
            (1080, "mille quatre-vingts"),
            (2000, "deux mille"),
            (80_000, "quatre-vingt mille"),
            (200_000, "deux cent mille"),
            (1_000_000, "un million"),
            (3_200_000, "trois millions deux cent mille"),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn amounts_in_words() {
        assert_eq!(
            euros_in_words(123_456),
            "mille deux cent trente-quatre euros et cinquante-six centimes"
        );
        assert_eq!(euros_in_words(100), "un euro");
        assert_eq!(euros_in_words(0), "zéro euro");
        assert_eq!(euros_in_words(1), "un centime");
        assert_eq!(euros_in_words(100_000_000), "un million d'euros");
        assert_eq!(euros_in_words(8_000), "quatre-vingts euros");
    }
}
