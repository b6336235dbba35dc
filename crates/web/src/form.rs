//! Form handling: a `Form` extractor whose rejection is a clear 400 (never axum's plain text),
//! and per-field errors shown beside the field while keeping what was typed.
use crate::error::WebError;
use crate::i18n::I18n;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(_) => Err(WebError::BadRequest("error-form-invalid")),
        }
    }
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
