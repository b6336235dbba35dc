//! `Path` and `Query` extractors whose rejections are our errors (a translated page, or a JSON
//! problem under `/api`), never axum's plain text. Control characters in the address are refused
//! before any handler runs (`ctx::middleware`), so these only see what the route cannot parse.
use crate::error::WebError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// Path parameters; one that does not parse (`/projects/abc`) names nothing: 404.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(_) => Err(WebError::NotFound),
        }
    }
}

/// A query string; one that does not parse is a 400 with a translated message.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Query(value)),
            Err(_) => Err(WebError::BadRequest("error-query-invalid")),
        }
    }
}
