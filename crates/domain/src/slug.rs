use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A URL-safe identifier: lower-case ASCII letters, digits and single hyphens, 2 to 60 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let value = input.trim();
        let ok = (2..=60).contains(&value.len())
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !value.starts_with('-')
            && !value.ends_with('-')
            && !value.contains("--");
        if value.is_empty() {
            Err(DomainError::Required)
        } else if ok {
            Ok(Slug(value.to_string()))
        } else {
            Err(DomainError::InvalidSlug)
        }
    }

    /// Makes a slug out of a human name: « Micro-centre de Die » → `micro-centre-de-die`.
    pub fn from_name(name: &str) -> Result<Self, DomainError> {
        let mut out = String::new();
        for c in name.chars().flat_map(fold_accent) {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let trimmed: String = out.trim_end_matches('-').chars().take(60).collect();
        Slug::parse(trimmed.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' => 'y',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        other => other,
    };
    vec![folded]
}

impl TryFrom<String> for Slug {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Slug::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> Self {
        value.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_names() {
        assert_eq!(
            Slug::from_name("Micro-centre de Die").unwrap().as_str(),
            "micro-centre-de-die"
        );
        assert_eq!(
            Slug::from_name("  Cœur d'Épicerie !! ").unwrap().as_str(),
            "coeur-d-epicerie"
        );
        assert!(Slug::from_name("!!").is_err());
    }

    #[test]
    fn parse_rules() {
        assert!(Slug::parse("studio").is_ok());
        for bad in ["a", "-a", "a-", "a--b", "Abc", "a b", "é-t"] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}
