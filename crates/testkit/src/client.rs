//! An in-process HTTP client over the router that keeps cookies like a browser.
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use std::collections::BTreeMap;
use tower::ServiceExt;

#[derive(Clone)]
pub struct Client {
    router: Router,
    cookies: BTreeMap<String, String>,
    pub accept_language: Option<String>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent (for files: PDF, XLSX…).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl Client {
    pub fn new(router: Router) -> Client {
        Client {
            router,
            cookies: BTreeMap::new(),
            accept_language: None,
        }
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    /// The `Cookie` header this client sends (its session), for a raw HTTP client.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn forget_cookie(&mut self, name: &str) {
        self.cookies.remove(name);
    }

    pub async fn request(&mut self, req: Request<Body>) -> TestResponse {
        let mut req = req;
        if !self.cookies.is_empty() {
            let jar = self.cookie_header();
            req.headers_mut()
                .insert(header::COOKIE, jar.parse().expect("cookie header"));
        }
        if let Some(lang) = &self.accept_language {
            req.headers_mut()
                .insert(header::ACCEPT_LANGUAGE, lang.parse().expect("lang"));
        }
        let response = self
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("router is infallible");
        for value in response.headers().get_all(header::SET_COOKIE) {
            let Ok(text) = value.to_str() else { continue };
            let Some((pair, attrs)) = text.split_once(';').or(Some((text, ""))) else {
                continue;
            };
            let Some((name, val)) = pair.split_once('=') else {
                continue;
            };
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), val.to_string());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
            .await
            .expect("body");
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).to_string(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// Posts a form, adding the CSRF token of the cookie unless `_csrf` is given.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let mut fields: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if !fields.iter().any(|(k, _)| k == "_csrf") {
            if self.cookie("csrf").is_none() {
                self.get("/login").await;
            }
            fields.push((
                "_csrf".into(),
                self.cookie("csrf").unwrap_or_default().to_string(),
            ));
        }
        let body = serde_urlencoded::to_string(&fields).expect("form");
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        self.request(req).await
    }

    /// Posts a `multipart/form-data` form with the CSRF token of the cookie and, optionally,
    /// one file `(field, file name, bytes)`, declared with the type a browser would give it.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, &[u8])>,
    ) -> TestResponse {
        let files: Vec<_> = file.into_iter().collect();
        self.post_multipart_files(path, fields, &files).await
    }

    /// Posts a `multipart/form-data` form with several files `(field, file name, bytes)`.
    pub async fn post_multipart_files(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        if self.cookie("csrf").is_none() {
            self.get("/login").await;
        }
        let csrf = self.cookie("csrf").unwrap_or_default().to_string();
        let boundary = "----impactTestBoundary7MA4YWxk";
        let mut body: Vec<u8> = Vec::new();
        let mut all: Vec<(&str, &str)> = vec![("_csrf", &csrf)];
        all.extend_from_slice(fields);
        for (name, value) in all {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for &(name, file_name, data) in files {
            let content_type = match file_name.rsplit_once('.').map(|(_, e)| e) {
                Some("mp3") => "audio/mpeg",
                Some("webm") => "video/webm",
                Some("mp4") => "video/mp4",
                Some("vtt") => "text/vtt",
                _ => "application/octet-stream",
            };
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let req = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .expect("request");
        self.request(req).await
    }

    /// Signs in and returns the response of the sign-in post.
    pub async fn login(&mut self, email: &str, password: &str) -> TestResponse {
        self.post("/login", &[("email", email), ("password", password)])
            .await
    }
}
