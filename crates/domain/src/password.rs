//! Password rules (NIST SP 800-63B style: length over composition, no common passwords).
use crate::DomainError;

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 128;

const COMMON: &[&str] = &[
    "motdepasse",
    "motdepasse1",
    "motdepasse123",
    "azertyuiop",
    "azerty1234",
    "1234567890",
    "0123456789",
    "password123",
    "password1234",
    "qwertyuiop",
    "iloveyou12",
    "soleil1234",
    "bonjour1234",
    "jetaime1234",
    "impactstudio",
    "impact-studio",
    "1111111111",
    "abcdefghij",
];

/// Checks a new password; the same rules apply at sign-up, reset and change.
pub fn check_new(password: &str) -> Result<(), DomainError> {
    let len = password.chars().count();
    if len == 0 {
        return Err(DomainError::Required);
    }
    if len < MIN_LEN {
        return Err(DomainError::PasswordTooShort);
    }
    if len > MAX_LEN {
        return Err(DomainError::PasswordTooLong);
    }
    let lower = password.to_lowercase();
    let one_char = lower.chars().all(|c| lower.starts_with(c));
    if one_char || COMMON.contains(&lower.as_str()) {
        return Err(DomainError::PasswordTooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(check_new(""), Err(DomainError::Required));
        assert_eq!(check_new("court"), Err(DomainError::PasswordTooShort));
        assert_eq!(check_new("AzertyUiop"), Err(DomainError::PasswordTooCommon));
        assert_eq!(
            check_new("zzzzzzzzzzzz"),
            Err(DomainError::PasswordTooCommon)
        );
        assert_eq!(
            check_new(&"x1".repeat(65)),
            Err(DomainError::PasswordTooLong)
        );
        assert!(check_new("une phrase de passe solide").is_ok());
        assert!(check_new("éàçùœ-ô-12").is_ok());
    }
}
