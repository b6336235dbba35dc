//! `/healthz` (process alive), `/readyz` (database reachable, migrations current), `/metrics`.
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub async fn healthz() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let backend = match state.db.backend() {
        store::Backend::Sqlite => "sqlite",
        store::Backend::Postgres => "postgres",
    };
    match state.db.ready().await {
        Ok(true) => Json(json!({ "status": "ready", "database": backend, "migrations": "current" })).into_response(),
        Ok(false) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "not_ready", "database": backend, "migrations": "pending" })),
        )
            .into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "not_ready", "database": backend, "migrations": "unknown", "error": "database unreachable" })),
        )
            .into_response(),
    }
}

pub async fn metrics(State(state): State<AppState>) -> Response {
    let jobs = store::jobs::counts(&state.db).await.unwrap_or_default();
    let mut text = state.metrics.render(&jobs);
    let h = &state.hasher;
    for (name, kind, help, value) in [
        (
            "impact_password_hashes_total",
            "counter",
            "Argon2 runs (hash or verify).",
            h.runs(),
        ),
        (
            "impact_password_hash_busy_total",
            "counter",
            "Requests refused 503: no hashing permit came free in time.",
            h.busy(),
        ),
        (
            "impact_password_hash_peak",
            "gauge",
            "The most argon2 runs at once since start.",
            h.peak() as u64,
        ),
    ] {
        text.push_str(&format!(
            "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
        ));
    }
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}
