//! The one error → HTTP mapping. Pages get a translated error page (rendered by the context
//! middleware, which knows the visitor's language); `/api` gets a JSON problem body.
//!
//! The store's precise outcomes each have their status, message and problem `code`: a stale
//! change (`StoreError::Stale`, 409, with what stands now under `current`), a duplicate (409),
//! a full canvas (422: the request is sound but this canvas cannot take it; sending it again
//! will not help until a note goes, unlike a 409 that a reload resolves) and something already
//! done (409). A handler that knows better words says them with `WebError::outcome`; a form
//! that can show the message beside its field matches the outcome itself.
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("sign-in required")]
    SignInRequired,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("CSRF check failed")]
    Csrf,
    #[error("too many requests")]
    TooManyRequests,
    /// Every password-hashing permit stayed taken: try again in a moment (503, `Retry-After`).
    #[error("busy")]
    Busy,
    #[error("request body too large")]
    TooLarge,
    #[error("storage: {0}")]
    Store(#[from] store::StoreError),
    /// A precise store outcome told with the handler's own message (`WebError::outcome`).
    #[error("{0} ({1})")]
    Outcome(store::StoreError, &'static str),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error("internal: {0}")]
    Internal(String),
}

/// Marker left on an error response; the context middleware turns it into a full page.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    /// i18n key of the explanation.
    pub message_key: &'static str,
    /// A precise outcome's code in the JSON problem (`stale`, `duplicate`, `full`,
    /// `already_done`).
    pub code: Option<&'static str>,
    /// What stands now, for a stale change.
    pub current: Option<store::Current>,
}

/// A precise store outcome as HTTP tells it.
struct Precise {
    /// `code` in the JSON problem.
    code: &'static str,
    status: StatusCode,
    /// The general message (a handler may say it better, `WebError::outcome`).
    message_key: &'static str,
}

fn precise(err: &store::StoreError) -> Option<Precise> {
    use store::StoreError as E;
    let (code, status, message_key) = match err {
        E::Stale(_) => ("stale", StatusCode::CONFLICT, "error-stale-text"),
        E::Duplicate => ("duplicate", StatusCode::CONFLICT, "error-duplicate-text"),
        E::Full => ("full", StatusCode::UNPROCESSABLE_ENTITY, "error-full-text"),
        E::Refused(key) => ("refused", StatusCode::CONFLICT, *key),
        E::AlreadyDone => (
            "already_done",
            StatusCode::CONFLICT,
            "error-already-done-text",
        ),
        _ => return None,
    };
    Some(Precise {
        code,
        status,
        message_key,
    })
}

impl WebError {
    /// A precise outcome told with `message_key` (a full canvas says « 300 notes »); any other
    /// error stays what it is.
    pub fn outcome(err: store::StoreError, message_key: &'static str) -> WebError {
        if precise(&err).is_some() {
            WebError::Outcome(err, message_key)
        } else {
            err.into()
        }
    }

    fn precise(&self) -> Option<Precise> {
        match self {
            WebError::Store(err) | WebError::Outcome(err, _) => precise(err),
            _ => None,
        }
    }

    /// What stands now, when the error is a stale change.
    pub fn current(&self) -> Option<&store::Current> {
        match self {
            WebError::Store(store::StoreError::Stale(current))
            | WebError::Outcome(store::StoreError::Stale(current), _) => Some(&**current),
            _ => None,
        }
    }

    pub fn status(&self) -> StatusCode {
        if let Some(precise) = self.precise() {
            return precise.status;
        }
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::SignInRequired => StatusCode::UNAUTHORIZED,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Busy | WebError::Store(store::StoreError::Unreachable(_)) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            // The database refused what was sent (bytes it cannot store, text too long).
            WebError::Store(store::StoreError::InvalidInput(_)) => StatusCode::BAD_REQUEST,
            WebError::Store(store::StoreError::NotFound) => StatusCode::NOT_FOUND,
            WebError::Store(_)
            | WebError::Outcome(..)
            | WebError::Template(_)
            | WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message_key(&self) -> &'static str {
        if let WebError::Outcome(_, key) = self {
            return key;
        }
        if let Some(precise) = self.precise() {
            return precise.message_key;
        }
        match self {
            WebError::NotFound | WebError::Store(store::StoreError::NotFound) => "error-404-text",
            WebError::Forbidden => "error-403-text",
            WebError::SignInRequired => "error-401-text",
            WebError::BadRequest(key) => key,
            WebError::Csrf => "error-csrf-text",
            WebError::TooManyRequests => "error-429-text",
            WebError::Busy => "error-busy-text",
            WebError::TooLarge => "error-body-too-large",
            WebError::Store(store::StoreError::InvalidInput(_)) => "error-input-invalid",
            WebError::Store(store::StoreError::Unreachable(_)) => "error-503-text",
            _ => "error-500-text",
        }
    }
}

impl WebError {
    /// The marker the context middleware turns into a page or a JSON problem.
    pub fn page(&self) -> ErrorPage {
        ErrorPage {
            status: self.status(),
            message_key: self.message_key(),
            code: self.precise().map(|p| p.code),
            current: self.current().cloned(),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(self.page());
        response
    }
}

impl From<crate::security::HashError> for WebError {
    fn from(err: crate::security::HashError) -> Self {
        match err {
            crate::security::HashError::Busy => WebError::Busy,
            crate::security::HashError::Failed(e) => WebError::Internal(e),
        }
    }
}

pub type WebResult<T> = Result<T, WebError>;

#[cfg(test)]
mod tests {
    use super::*;
    use store::StoreError;

    #[test]
    fn each_outcome_has_its_status_code_and_message() {
        for (err, status, code, key) in [
            (
                StoreError::stale(4, Some("Texte".into())),
                StatusCode::CONFLICT,
                "stale",
                "error-stale-text",
            ),
            (
                StoreError::Duplicate,
                StatusCode::CONFLICT,
                "duplicate",
                "error-duplicate-text",
            ),
            (
                StoreError::Full,
                StatusCode::UNPROCESSABLE_ENTITY,
                "full",
                "error-full-text",
            ),
            (
                StoreError::AlreadyDone,
                StatusCode::CONFLICT,
                "already_done",
                "error-already-done-text",
            ),
        ] {
            let page = WebError::Store(err).page();
            assert_eq!(
                (page.status, page.code, page.message_key),
                (status, Some(code), key)
            );
        }
        let stale = WebError::outcome(StoreError::stale(4, Some("Texte".into())), "mine").page();
        assert_eq!(
            (stale.status, stale.message_key),
            (StatusCode::CONFLICT, "mine")
        );
        assert_eq!(
            stale.current,
            Some(store::Current {
                version: 4,
                text: Some("Texte".into())
            })
        );
        // Anything else keeps its own mapping, whatever words the handler had.
        let missing = WebError::outcome(StoreError::NotFound, "mine").page();
        assert_eq!(
            (missing.status, missing.code, missing.message_key),
            (StatusCode::NOT_FOUND, None, "error-404-text")
        );
    }
}
