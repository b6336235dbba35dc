//! Cross-cutting layers: request id and structured access log, metrics, security headers.
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; \
                   base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The policy plus frames from one origin (`https://host`, checked by the caller): a lesson's
/// video player hosted elsewhere, and only on that lesson's page.
pub fn csp_with_frame(origin: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!("{CSP}; frame-src {origin}")).ok()
}

/// Runs the request on the app's clock (a test's; the router leaves this layer out on the system
/// clock).
pub async fn on_clock(State(state): State<AppState>, req: Request, next: Next) -> Response {
    state.clock.run(next.run(req)).await
}

/// Logs one line per request with a request id, the route pattern (never the raw path, which
/// can hold a token), the status and the time taken; counts it in the metrics; sets the
/// security headers.
/// How many SQL statements the request ran (`store::counted`).
pub const SQL_STATEMENTS: HeaderName = HeaderName::from_static("x-sql-statements");

pub async fn observe(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let given = req
        .headers()
        .get(&REQUEST_ID)
        .filter(|v| {
            v.len() <= 64
                && v.as_bytes()
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        })
        .cloned();
    // Made once and shared by the request, the response and the log line.
    let id = given.unwrap_or_else(|| {
        let made = format!(
            "{:x}-{}",
            std::process::id(),
            NEXT_ID.fetch_add(1, Ordering::Relaxed)
        );
        HeaderValue::from_maybe_shared(Bytes::from(made))
            .unwrap_or(HeaderValue::from_static("unknown"))
    });
    req.headers_mut().insert(REQUEST_ID, id.clone());
    let route = req.extensions().get::<MatchedPath>().cloned();
    let method = req.method().clone();
    let (mut response, statements) = store::counted::counting(next.run(req)).await;
    let elapsed = started.elapsed();
    state.metrics.record(response.status().as_u16(), elapsed);
    tracing::info!(
        request_id = id.to_str().unwrap_or(""),
        method = %method,
        route = route.as_ref().map_or("unmatched", MatchedPath::as_str),
        status = response.status().as_u16(),
        micros = elapsed.as_micros() as u64,
        sql = statements,
        "request"
    );
    let headers = response.headers_mut();
    headers.insert(REQUEST_ID, id);
    // The SQL statements the request ran and the time it took on the server, for the page
    // benchmark and the browser's developer tools.
    headers.insert(SQL_STATEMENTS, HeaderValue::from(statements));
    if let Ok(timing) =
        HeaderValue::from_str(&format!("app;dur={:.2}", elapsed.as_secs_f64() * 1000.0))
    {
        headers.insert(HeaderName::from_static("server-timing"), timing);
    }
    // A page may have set a stricter-plus-one policy (`csp_with_frame`); every other gets CSP.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if state.config.secure_cookies {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
