//! The one error → HTTP mapping. Pages get a translated error page (rendered by the context
//! middleware, which knows the visitor's language); `/api` gets a JSON problem body.
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
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error("internal: {0}")]
    Internal(String),
}

/// Marker left on an error response; the context middleware turns it into a full page.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    pub status: StatusCode,
    /// i18n key of the explanation.
    pub message_key: &'static str,
}

impl WebError {
    pub fn status(&self) -> StatusCode {
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
            WebError::Store(_) | WebError::Template(_) | WebError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    pub fn message_key(&self) -> &'static str {
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

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage {
            status,
            message_key: self.message_key(),
        });
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
