use thiserror::Error;

/// Why a value given by a user was refused. Each variant maps to one i18n key so the web layer
/// can show the message beside the field that caused it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("invalid e-mail address")]
    InvalidEmail,
    #[error("password too short")]
    PasswordTooShort,
    #[error("password too long")]
    PasswordTooLong,
    #[error("password too common")]
    PasswordTooCommon,
    #[error("invalid slug")]
    InvalidSlug,
    #[error("unknown role")]
    UnknownRole,
    #[error("unknown locale")]
    UnknownLocale,
    #[error("value required")]
    Required,
    #[error("value too long")]
    TooLong,
    #[error("not one of the choices offered")]
    UnknownChoice,
}

impl DomainError {
    /// The i18n catalogue key of the message shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            DomainError::InvalidEmail => "error-email-invalid",
            DomainError::PasswordTooShort => "error-password-too-short",
            DomainError::PasswordTooLong => "error-password-too-long",
            DomainError::PasswordTooCommon => "error-password-too-common",
            DomainError::InvalidSlug => "error-slug-invalid",
            DomainError::UnknownRole => "error-role-unknown",
            DomainError::UnknownLocale => "error-locale-unknown",
            DomainError::Required => "error-required",
            DomainError::TooLong => "error-too-long",
            DomainError::UnknownChoice => "error-choice-unknown",
        }
    }
}
