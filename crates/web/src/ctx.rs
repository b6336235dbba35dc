//! The request context: who is asking (session → user → memberships → `Actor`), in which
//! language, with which CSRF token. One middleware builds it for every request, checks CSRF on
//! every unsafe method, clears the flash once shown, remembers the campaign a visit comes from
//! (`site::campaign`) and renders error pages.
use crate::cookies;
use crate::error::{ErrorPage, WebError};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::security::{new_token, same_secret, token_hash};
use crate::state::AppState;
use askama::Template;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header, request::Parts};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use domain::{Actor, Locale};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

/// Marks a response to a change that cannot touch the person's session, roles or projects
/// (a canvas note saved by the editor), so their cached session stays: a busy editor then
/// costs no session lookups.
#[derive(Clone, Copy)]
pub struct SessionUnchanged;

/// Largest form body accepted (uploads will have their own limit).
pub const FORM_LIMIT: usize = 256 * 1024;

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub verified: bool,
}

/// Who a session belongs to, as cached between requests.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: Arc<CurrentUser>,
    pub actor: Actor,
    pub locale: Locale,
}

/// The live user behind a session cookie hash, with memberships (cached for two seconds).
async fn viewer(state: &AppState, hash: &str) -> Result<Option<Viewer>, store::StoreError> {
    if let Some(cached) = state.sessions.get(&hash.to_string()) {
        return Ok(cached);
    }
    let generation = state
        .session_generation
        .load(std::sync::atomic::Ordering::SeqCst);
    let found = match store::accounts::session_user(&state.db, hash, state.session_ttl()).await? {
        Some(u) => Some(Viewer {
            actor: Actor {
                user_id: Some(u.id),
                memberships: store::accounts::memberships(&state.db, u.id).await?,
            },
            locale: u.locale,
            user: Arc::new(CurrentUser {
                id: u.id,
                verified: u.is_verified(),
                email: u.email,
                display_name: u.display_name,
            }),
        }),
        None => None,
    };
    if state
        .session_generation
        .load(std::sync::atomic::Ordering::SeqCst)
        == generation
    {
        state.sessions.insert(hash.to_string(), found.clone());
    }
    Ok(found)
}

/// The visitor's CSRF token: the one of their cookie, or a new one made the first time a page
/// asks for it. A visitor without the cookie gets it only from a page that carries a token (a
/// form), so reading the landing page or a blog post sets no cookie and the page stays shared.
#[derive(Debug, Clone, Default)]
pub struct CsrfToken(Arc<std::sync::OnceLock<String>>);

impl CsrfToken {
    fn of(value: String) -> CsrfToken {
        CsrfToken(Arc::new(std::sync::OnceLock::from(value)))
    }

    /// The token, made now if the visitor had none.
    pub fn value(&self) -> &str {
        self.0.get_or_init(new_token)
    }

    /// The token if it exists already (the cookie's, or one a page has asked for).
    fn made(&self) -> Option<&str> {
        self.0.get().map(String::as_str)
    }
}

#[derive(Debug, Clone)]
pub struct Ctx {
    pub user: Option<Arc<CurrentUser>>,
    pub actor: Actor,
    pub i: I18n,
    pub csrf: CsrfToken,
    /// Hash of the session cookie, when signed in.
    pub session_hash: Option<String>,
    /// i18n key of a one-time message set before a redirect.
    pub flash: Option<String>,
    pub path: String,
    pub client_ip: IpAddr,
    /// A GET or HEAD: what decides access may come from the short-lived read caches
    /// (`AppState::reads`); a request that may write reads it afresh.
    pub reading: bool,
    /// The referral code of the ambassador whose campaign the visitor's cookie remembers
    /// (`site::campaign`), credited with the accounts created in this request.
    pub referral: Option<String>,
}

impl Ctx {
    /// The signed-in user, or `SignInRequired` (which redirects to the sign-in page).
    pub fn require_user(&self) -> Result<&CurrentUser, WebError> {
        self.user.as_deref().ok_or(WebError::SignInRequired)
    }

    /// Asks the policy; `Forbidden` when it says no.
    pub fn authorize(&self, action: domain::Action, scope: domain::Scope) -> Result<(), WebError> {
        self.require_user()?;
        if self.actor.can(action, scope) {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or(WebError::Internal("context missing".into()))
    }
}

fn client_ip(state: &AppState, req: &Request) -> IpAddr {
    if state.config.trust_proxy {
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            // The rightmost address is the one our load balancer saw; the others are the client's word.
            .and_then(|v| v.split(',').next_back())
            .and_then(|v| v.trim().parse().ok());
        if let Some(ip) = forwarded {
            return ip;
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// The language: the switcher's cookie, then the account's preference, then the browser's.
fn locale_of(headers: &HeaderMap, user_locale: Option<Locale>) -> Locale {
    cookies::get(headers, cookies::LANG)
        .and_then(|l| Locale::parse(l).ok())
        .or(user_locale)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// Whether the `Origin` (when the browser sends one) is this site.
fn same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin == base_url {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest == host)
}

/// Finds `_csrf` in an urlencoded body without consuming it.
fn csrf_in_form(body: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find_map(|(k, v)| (k == "_csrf").then_some(v))
}

pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ip = client_ip(&state, &req);
    let (mut parts, body) = req.into_parts();
    let names = state.cookies;

    // Who is asking.
    let session_hash = cookies::get(&parts.headers, names.session).map(token_hash);
    let viewer = match &session_hash {
        // Boxed, like the body reads below: the database lookups make big futures, and a
        // request that needs none of them (most page views) should not carry their size.
        Some(hash) => match Box::pin(viewer(&state, hash)).await {
            Ok(v) => v,
            Err(err) => {
                return WebError::from(err).into_response_with(&state, &parts, I18n::default());
            }
        },
        None => None,
    };
    let (user, actor, user_locale) = match viewer {
        Some(v) => (Some(v.user), v.actor, Some(v.locale)),
        None => (None, Actor::visitor(), None),
    };
    let i = I18n::new(locale_of(&parts.headers, user_locale));

    // No control character reaches a handler through the address (path parameters, queries).
    if crate::form::escapes_control(parts.uri.path())
        || parts.uri.query().is_some_and(crate::form::escapes_control)
    {
        return WebError::BadRequest("error-control-chars").into_response_with(&state, &parts, i);
    }

    let existing_csrf = cookies::get(&parts.headers, names.csrf)
        .filter(|t| t.len() == 43)
        .map(str::to_string);
    let new_csrf = existing_csrf.is_none();
    let csrf = existing_csrf.map(CsrfToken::of).unwrap_or_default();

    // CSRF: every unsafe method carries the token of the cookie, in the form or a header.
    let mut body = body;
    // One-click unsubscribe (RFC 8058) is posted by the mail provider, without cookies: the
    // token in the address is the proof, and the action only takes something away.
    let one_click =
        parts.method == Method::POST && parts.uri.path().starts_with(crate::site::ONE_CLICK_PREFIX);
    if !one_click && !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        let is_form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let mut sent = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let multipart = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .filter(|v| crate::upload::boundary(v).is_some())
            .map(str::to_string);
        if let Some(content_type) = multipart {
            // A form with a file: its `_csrf` field is read like any form's, from the start
            // of the body (the rest streams on to the handler).
            let limit = crate::upload::body_limit(&state);
            match Box::pin(crate::upload::peek_csrf(body, &content_type, limit)).await {
                Ok((token, rest)) => {
                    sent = sent.or(token);
                    body = rest;
                }
                Err(err) => return err.into_response_with(&state, &parts, i),
            }
        } else if is_form {
            let bytes = match Box::pin(axum::body::to_bytes(body, FORM_LIMIT)).await {
                Ok(b) => b,
                Err(_) => {
                    let err = WebError::TooLarge;
                    return err.into_response_with(&state, &parts, i);
                }
            };
            sent = sent.or_else(|| csrf_in_form(&bytes));
            body = Body::from(bytes);
        }
        let ok = !new_csrf
            && same_origin(&parts.headers, &state.config.base_url)
            && sent.is_some_and(|s| csrf.made().is_some_and(|c| same_secret(&s, c)));
        if !ok {
            tracing::warn!(method = %parts.method, "CSRF check failed");
            return WebError::Csrf.into_response_with(&state, &parts, i);
        }
    }

    let flash = cookies::get(&parts.headers, cookies::FLASH)
        .filter(|k| k.starts_with("flash-") && k.len() < 64)
        .map(str::to_string);
    let ctx = Ctx {
        user,
        actor,
        i,
        csrf: csrf.clone(),
        session_hash,
        flash: flash.clone(),
        path: parts.uri.path().to_string(),
        client_ip: ip,
        reading: matches!(parts.method, Method::GET | Method::HEAD),
        referral: {
            let c = crate::site::campaign::Campaign::from_headers(&parts.headers);
            domain::ambassadors::code_of_campaign(&c.source, &c.campaign)
        },
    };
    parts.extensions.insert(ctx.clone());
    let campaign = crate::site::campaign::arriving(&state, &parts);
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let req = Request::from_parts(parts, body);
    let mut response = next.run(req).await;
    crate::site::campaign::remember(&state, campaign, &mut response);
    let kept = response.extensions().get::<SessionUnchanged>().is_some();
    if unsafe_method {
        // Any change may show on a project page or a dashboard (a note, a task, a lead…).
        state.changed();
    }
    if unsafe_method
        && !kept
        && let Some(hash) = &ctx.session_hash
    {
        // Whatever the request changed about this person shows on the next page.
        state.forget_session(hash);
        if let Some(user_id) = ctx.actor.user_id {
            state.user_projects.remove(&user_id);
        }
    }

    if let Some(page) = response.extensions_mut().remove::<ErrorPage>() {
        response = error_page(&state, &ctx, page);
    }
    let headers = response.headers_mut();
    if new_csrf && let Some(token) = ctx.csrf.made() {
        headers.append(
            header::SET_COOKIE,
            cookies::set(names.csrf, token, 86_400 * 365, true, names.secure),
        );
    }
    let redirect = headers.contains_key(header::LOCATION);
    if flash.is_some() && !redirect {
        headers.append(
            header::SET_COOKIE,
            cookies::set(cookies::FLASH, "", 0, true, names.secure),
        );
    }
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView {
    layout: Layout,
    code: u16,
    heading: String,
    message: String,
}

fn error_page(state: &AppState, ctx: &Ctx, page: ErrorPage) -> Response {
    let status = page.status;
    let mut response = error_body(state, ctx, page);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        // Busy or unreachable for a moment: a client may come back in a few seconds.
        response.headers_mut().insert(
            header::RETRY_AFTER,
            axum::http::HeaderValue::from_static("2"),
        );
    }
    response
}

fn error_body(state: &AppState, ctx: &Ctx, page: ErrorPage) -> Response {
    let i = ctx.i;
    if page.status == StatusCode::UNAUTHORIZED {
        let next = urlencode(&ctx.path);
        return axum::response::Redirect::to(&format!("/login?next={next}")).into_response();
    }
    if ctx.path.starts_with("/api/") || ctx.path == "/readyz" {
        let mut body = serde_json::json!({
            "type": "about:blank",
            "title": i.t(&format!("error-{}-title", title_code(page.status))),
            "status": page.status.as_u16(),
            "detail": i.t(page.message_key),
        });
        // A precise outcome says which (`stale`, `duplicate`, `full`, `already_done`), and a
        // stale change what stands now, so the editor can show it.
        if let Some(code) = page.code {
            body["code"] = code.into();
        }
        if let Some(current) = &page.current {
            body["current"] = serde_json::json!(current);
        }
        let mut response = (page.status, axum::Json(body)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/problem+json"),
        );
        return response;
    }
    let view = ErrorView {
        layout: Layout::new(
            state,
            ctx,
            i.t(&format!("error-{}-title", title_code(page.status))),
        ),
        code: page.status.as_u16(),
        heading: i.t(&format!("error-{}-title", title_code(page.status))),
        message: i.t(page.message_key),
    };
    match view.render() {
        Ok(html) => (page.status, Html(html)).into_response(),
        Err(err) => {
            tracing::error!(error = %err, "error page failed to render");
            page.status.into_response()
        }
    }
}

/// Error pages exist for these codes; others share the nearest one.
fn title_code(status: StatusCode) -> u16 {
    match status.as_u16() {
        c @ (400 | 403 | 404 | 409 | 413 | 422 | 429 | 503) => c,
        c if c < 500 => 400,
        _ => 500,
    }
}

impl WebError {
    /// An error response before the context exists (in the middleware itself).
    fn into_response_with(self, state: &AppState, parts: &Parts, i: I18n) -> Response {
        let ctx = Ctx {
            user: None,
            actor: Actor::visitor(),
            i,
            csrf: CsrfToken::of(String::new()),
            session_hash: None,
            flash: None,
            path: parts.uri.path().to_string(),
            client_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            reading: false,
            referral: None,
        };
        let page = self.page();
        if self.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        error_page(state, &ctx, page)
    }
}

/// Percent-encodes a path for a query parameter.
pub fn urlencode(value: &str) -> String {
    serde_urlencoded::to_string([("v", value)])
        .map(|s| s[2..].to_string())
        .unwrap_or_default()
}

/// A redirect target from user input: only local paths, never another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n[1..].starts_with(['/', '\\'])
                && !n.contains('\\')
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => "/dashboard".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_local_only() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("//evil.example")), "/dashboard");
        assert_eq!(safe_next(Some("https://evil.example")), "/dashboard");
        assert_eq!(safe_next(Some("/\\evil")), "/dashboard");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/dashboard");
        assert_eq!(safe_next(Some("/a\r\nSet-Cookie: x")), "/dashboard");
        assert_eq!(safe_next(None), "/dashboard");
    }

    #[test]
    fn finds_csrf_in_forms() {
        assert_eq!(csrf_in_form(b"a=1&_csrf=xyz&b=2").as_deref(), Some("xyz"));
        assert_eq!(csrf_in_form(b"a=1"), None);
        assert_eq!(urlencode("/a b?c=d"), "%2Fa+b%3Fc%3Dd");
    }
}
