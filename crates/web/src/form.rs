//! Form handling: a `Form` extractor whose rejection is a clear 400 (never axum's plain text),
//! which refuses control characters in any field, and per-field errors shown beside the field
//! while keeping what was typed.
use crate::error::WebError;
use crate::i18n::I18n;
use axum::body::{Body, Bytes};
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // The body was read (within `ctx::FORM_LIMIT`) by the context middleware for its CSRF
        // check; read it here again to look at every field before any handler sees one.
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, crate::ctx::FORM_LIMIT)
            .await
            .map_err(|_| WebError::TooLarge)?;
        check_fields(&bytes)?;
        let req = Request::from_parts(parts, Body::from(bytes));
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(FormRejection::BytesRejection(_)) => Err(WebError::TooLarge),
            Err(_) => Err(WebError::BadRequest("error-form-invalid")),
        }
    }
}

/// Refuses an urlencoded body with a control character in any name or value.
fn check_fields(bytes: &Bytes) -> Result<(), WebError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).unwrap_or_default();
    if pairs.iter().any(|(k, v)| has_control(k) || has_control(v)) {
        return Err(WebError::BadRequest("error-control-chars"));
    }
    Ok(())
}

/// Whether a text holds a control character no field may carry: NUL and the rest of C0, except
/// tab and line ends. PostgreSQL refuses NUL in text, and none of them means anything typed.
pub fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
}

/// Whether a raw (percent-encoded) path or query decodes to such a control character.
pub fn escapes_control(raw: &str) -> bool {
    raw.as_bytes().windows(3).any(|w| {
        w[0] == b'%'
            && std::str::from_utf8(&w[1..])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .is_some_and(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    })
}

/// Field name → translated message.
#[derive(Debug, Default)]
pub struct FieldErrors(HashMap<&'static str, String>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, i: I18n, key: &str) {
        self.0.entry(field).or_insert_with(|| i.t(key));
    }

    /// Records an already translated message (one with arguments).
    pub fn add_text(&mut self, field: &'static str, message: String) {
        self.0.entry(field).or_insert(message);
    }

    /// Records a domain validation error under `field`, returning the value when valid.
    pub fn check<T>(
        &mut self,
        field: &'static str,
        i: I18n,
        result: Result<T, domain::DomainError>,
    ) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, i, e.message_key());
                None
            }
        }
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A required, trimmed, bounded text field.
pub fn text(value: &str, max_chars: usize) -> Result<String, domain::DomainError> {
    let v = value.trim();
    if v.is_empty() {
        Err(domain::DomainError::Required)
    } else if v.chars().count() > max_chars {
        Err(domain::DomainError::TooLong)
    } else {
        Ok(v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters() {
        assert!(has_control("a\0b") && has_control("\u{1b}[31m") && has_control("\u{7}"));
        assert!(!has_control("deux lignes\r\n\tet une tabulation, é, 🌱"));
        assert!(escapes_control("/centres/%00") && escapes_control("q=a%1Fb"));
        assert!(escapes_control("q=%1b"));
        assert!(!escapes_control("q=a%0Ab%09%0d%20%C3%A9") && !escapes_control("q=100%"));
        assert!(check_fields(&Bytes::from_static(b"a=1&b=x%00y")).is_err());
        assert!(check_fields(&Bytes::from_static(b"a%00=1")).is_err());
        assert!(check_fields(&Bytes::from_static(b"a=1&b=x+y%0A")).is_ok());
    }
}
