use crate::DomainError;
use serde::{Deserialize, Serialize};

/// The interface languages. French is the default; English is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    pub fn parse(input: &str) -> Result<Self, DomainError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "fr" => Ok(Locale::Fr),
            "en" => Ok(Locale::En),
            _ => Err(DomainError::UnknownLocale),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Picks the best supported language from an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Ok(locale) = Locale::parse(primary)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language() {
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE, fr;q=0.5, en;q=0.4"),
            Some(Locale::Fr)
        );
        assert_eq!(Locale::from_accept_language("de, it"), None);
        assert_eq!(
            Locale::from_accept_language("en;q=0, fr;q=0.1"),
            Some(Locale::Fr)
        );
        assert_eq!(Locale::from_accept_language(";;;,,q="), None);
    }
}
