use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid e-mail address, trimmed and lower-cased so that one person has one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err(DomainError::Required);
        }
        if value.len() > 254 {
            return Err(DomainError::InvalidEmail);
        }
        let (local, domain) = value.rsplit_once('@').ok_or(DomainError::InvalidEmail)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let domain_ok = domain.contains('.')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local_ok && domain_ok {
            Ok(Email(value))
        } else {
            Err(DomainError::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(
            Email::parse("  Léa.Martin@Exemple.FR ").unwrap().as_str(),
            "léa.martin@exemple.fr"
        );
        assert_eq!(Email::parse("a+tag@b.co").unwrap().as_str(), "a+tag@b.co");
    }

    #[test]
    fn refuses_bad_addresses() {
        for bad in [
            "",
            "   ",
            "plain",
            "@x.fr",
            "a@",
            "a@b",
            "a@.fr",
            "a..b@x.fr",
            "a@x..fr",
            "a b@x.fr",
            "<script>@x.fr",
            "a@x.fr>",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(Email::parse(" ").unwrap_err(), DomainError::Required);
        let long = format!("{}@x.fr", "a".repeat(300));
        assert_eq!(Email::parse(&long).unwrap_err(), DomainError::InvalidEmail);
    }
}
