//! The i18n catalogues (Fluent, `locales/{fr,en}/*.ftl`, one file per area, French by default) and the
//! locale-aware formatting of dates, numbers and money.
use domain::{Locale, format};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");

/// The messages without arguments already formatted, per language (French, English): a page's
/// static strings cost a hash lookup instead of a Fluent negotiation and formatting each. Only
/// keys the catalogues hold are kept, so the memo is bounded by the catalogues' size.
type Memo = RwLock<HashMap<Box<str>, Box<str>>>;
static MEMO: LazyLock<[Memo; 2]> = LazyLock::new(Default::default);

/// Translation and formatting for one locale; cheap to copy into every view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn new(locale: Locale) -> Self {
        I18n { locale }
    }

    fn lang(&self) -> &'static LanguageIdentifier {
        match self.locale {
            Locale::Fr => &FR,
            Locale::En => &EN,
        }
    }

    pub fn code(&self) -> &'static str {
        self.locale.code()
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    fn memo(&self) -> &'static Memo {
        match self.locale {
            Locale::Fr => &MEMO[0],
            Locale::En => &MEMO[1],
        }
    }

    /// The message for `key` (formatted once per language, then read from the memo).
    pub fn t(&self, key: &str) -> String {
        let memo = self.memo();
        if let Some(text) = memo
            .read()
            .ok()
            .and_then(|m| m.get(key).map(|t| t.to_string()))
        {
            return text;
        }
        match LOCALES.try_lookup(self.lang(), key) {
            Some(text) => {
                if let Ok(mut m) = memo.write() {
                    m.insert(key.into(), text.as_str().into());
                }
                text
            }
            None => LOCALES.lookup(self.lang(), key),
        }
    }

    /// The message for `key` with named arguments.
    pub fn ta(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.to_string())))
            .collect();
        LOCALES.lookup_with_args(self.lang(), key, &map)
    }

    /// The message for `key` with a count (for plurals) and optional other arguments.
    pub fn tn(&self, key: &str, count: i64) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count));
        map.insert(
            Cow::Borrowed("n"),
            FluentValue::from(format::integer(self.locale, count)),
        );
        LOCALES.lookup_with_args(self.lang(), key, &map)
    }

    /// `24 novembre 2026` in Paris time.
    pub fn date(&self, unix: i64) -> String {
        let local = domain::time_zone::to_paris(unix);
        let month = self.t(&format!("month-{}", local.month() as u8));
        format::long_date(self.locale, local.day(), &month, local.year())
    }

    /// `24 novembre 2026, 14 h 05` in Paris time.
    pub fn datetime(&self, unix: i64) -> String {
        let local = domain::time_zone::to_paris(unix);
        self.ta(
            "datetime",
            &[
                ("date", &self.date(unix)),
                (
                    "time",
                    &format::time_of_day(self.locale, local.hour(), local.minute()),
                ),
            ],
        )
    }

    pub fn money(&self, cents: i64) -> String {
        format::euros(self.locale, cents)
    }

    pub fn number(&self, value: i64) -> String {
        format::integer(self.locale, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_both_languages() {
        let fr = I18n::new(Locale::Fr);
        let en = I18n::new(Locale::En);
        assert_eq!(fr.t("nav-sign-in"), "Se connecter");
        assert_eq!(en.t("nav-sign-in"), "Sign in");
        // 2026-11-24 13:05 UTC is 14 h 05 in Paris (winter time).
        assert_eq!(fr.datetime(1_795_525_500), "24 novembre 2026 à 14 h 05");
        assert_eq!(en.datetime(1_795_525_500), "24 November 2026 at 2:05 pm");
        assert_eq!(fr.money(123_456), "1\u{202F}234,56\u{A0}€");
    }

    #[test]
    fn memoised_messages_stay_per_language() {
        let fr = I18n::new(Locale::Fr);
        let en = I18n::new(Locale::En);
        for _ in 0..2 {
            assert_eq!(fr.t("nav-sign-in"), "Se connecter");
            assert_eq!(en.t("nav-sign-in"), "Sign in");
        }
        // An unknown key is not kept (the memo holds only the catalogues' keys). It is built
        // here so the catalogue test, which reads `t("…")` calls, does not take it for a key.
        let unknown = ["no-such", "key"].join("-");
        assert!(fr.t(&unknown).contains(&unknown));
        let memo = MEMO[0].read().expect("memo");
        assert!(memo.contains_key("nav-sign-in"));
        assert!(!memo.contains_key(unknown.as_str()));
    }

    /// The text of a pattern with each placeable as `X`, and the patterns of its select
    /// expressions' variants (checked on their own).
    fn flatten<'a>(
        pattern: &'a fluent_syntax::ast::Pattern<&'a str>,
        nested: &mut Vec<&'a fluent_syntax::ast::Pattern<&'a str>>,
    ) -> String {
        use fluent_syntax::ast::{Expression, PatternElement};
        let mut text = String::new();
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => text.push_str(value),
                PatternElement::Placeable { expression } => {
                    if let Expression::Select { variants, .. } = expression {
                        nested.extend(variants.iter().map(|v| &v.value));
                    }
                    text.push('X');
                }
            }
        }
        // Markup is not text.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        plain
    }

    /// Every French catalogue string has its no-break spaces before « : ; ? ! » and inside « ».
    #[test]
    fn french_catalogue_strings_have_their_no_break_spaces() {
        use fluent_syntax::ast::Entry;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/fr");
        let mut faults = Vec::new();
        let mut checked = 0;
        for file in std::fs::read_dir(&dir).expect("locales/fr") {
            let path = file.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("read ftl");
            let resource = match fluent_syntax::parser::parse(source.as_str()) {
                Ok(r) => r,
                Err((_, errors)) => panic!("{}: {errors:?}", path.display()),
            };
            for entry in &resource.body {
                let (id, value, attributes) = match entry {
                    Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes),
                    Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes),
                    _ => continue,
                };
                let mut todo: Vec<_> = value.into_iter().collect();
                todo.extend(attributes.iter().map(|a| &a.value));
                while let Some(pattern) = todo.pop() {
                    checked += 1;
                    let text = flatten(pattern, &mut todo);
                    for fault in domain::typography::french_spacing_faults(&text) {
                        faults.push(format!("{}: {id}: {fault}", path.display()));
                    }
                }
            }
        }
        assert!(checked > 1000, "only {checked} strings read");
        assert!(
            faults.is_empty(),
            "{} faults:\n{}",
            faults.len(),
            faults.join("\n")
        );
    }
}
