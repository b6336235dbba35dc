//! Amounts written out in French words, as a tax receipt states them (« cent vingt euros et
//! cinquante centimes »): traditional spelling, « et » in 21, 31 … 71, plural « quatre-vingts »
//! and « cents » only at the end of a number, « mille » invariable.

const UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const TENS: [&str; 7] = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"];

/// 0 to 99.
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
            71 => "soixante et onze".into(),
            _ => format!("soixante-{}", below_hundred(n - 60, last)),
        },
        80 if last => "quatre-vingts".into(),
        80 => "quatre-vingt".into(),
        _ => format!("quatre-vingt-{}", below_hundred(n - 80, last)),
    }
}

/// 0 to 999; `last` when nothing (no « mille ») follows.
fn below_thousand(n: u64, last: bool) -> String {
    let (h, rest) = (n / 100, n % 100);
    let hundreds = match h {
        0 => String::new(),
        1 => "cent".into(),
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
pub fn number(n: u64) -> String {
    if n == 0 {
        return "zéro".into();
    }
    let mut parts = Vec::new();
    let billions = n / 1_000_000_000;
    let millions = (n / 1_000_000) % 1_000;
    let thousands = (n / 1_000) % 1_000;
    let rest = n % 1_000;
    if billions > 0 {
        let word = if billions > 1 { "milliards" } else { "milliard" };
        parts.push(format!("{} {word}", number(billions)));
    }
    if millions > 0 {
        let word = if millions > 1 { "millions" } else { "million" };
        parts.push(format!("{} {word}", below_thousand(millions, true)));
    }
    if thousands == 1 {
        parts.push("mille".into());
    } else if thousands > 1 {
        parts.push(format!("{} mille", below_thousand(thousands, false)));
    }
    if rest > 0 {
        parts.push(below_thousand(rest, true));
    }
    parts.join(" ")
}

/// An amount of euros in cents, in words: « cent vingt euros et cinquante centimes ».
pub fn euros(cents: i64) -> String {
    let cents = cents.unsigned_abs();
    let (e, c) = (cents / 100, cents % 100);
    let unit = |n: u64, one: &str, many: &str| {
        if n > 1 {
            many.to_string()
        } else {
            one.to_string()
        }
    };
    // « un million d'euros »: a round million takes « d' ».
    let euros_word = if e >= 1_000_000 && e % 1_000_000 == 0 {
        "d'euros".to_string()
    } else {
        unit(e, "euro", "euros")
    };
    match (e, c) {
        (0, c) => format!("{} {}", number(c), unit(c, "centime", "centimes")),
        (e, 0) => format!("{} {euros_word}", number(e)),
        (e, c) => format!(
            "{} {euros_word} et {} {}",
            number(e),
            number(c),
            unit(c, "centime", "centimes")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_french_words() {
        let cases = [
            (1, "un"),
            (17, "dix-sept"),
            (21, "vingt et un"),
            (71, "soixante et onze"),
            (77, "soixante-dix-sept"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (91, "quatre-vingt-onze"),
            (99, "quatre-vingt-dix-neuf"),
            (100, "cent"),
            (200, "deux cents"),
            (250, "deux cent cinquante"),
            (1_000, "mille"),
            (1_080, "mille quatre-vingts"),
            (2_000, "deux mille"),
            (80_000, "quatre-vingt mille"),
            (200_000, "deux cent mille"),
            (1_000_000, "un million"),
            (3_200_001, "trois millions deux cent mille un"),
        ];
        for (n, words) in cases {
            assert_eq!(number(n), words, "{n}");
        }
    }

    #[test]
    fn amounts_in_euros_and_centimes() {
        assert_eq!(euros(12_050), "cent vingt euros et cinquante centimes");
        assert_eq!(euros(100), "un euro");
        assert_eq!(euros(5), "cinq centimes");
        assert_eq!(euros(30_000), "trois cents euros");
        assert_eq!(euros(100_000_000), "un million d'euros");
    }
}
