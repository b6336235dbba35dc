//! Static files embedded in the binary, served under content-hashed names with a year-long,
//! immutable cache lifetime.
use crate::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Files;

/// logical name (`app.css`) → hashed URL (`/assets/app.3f2a9c1b.css`), and back.
struct Table {
    urls: HashMap<String, &'static str>,
    files: HashMap<String, String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut urls = HashMap::new();
        let mut files = HashMap::new();
        for name in Files::iter() {
            let Some(file) = Files::get(&name) else {
                continue;
            };
            let hash = hex_prefix(&Sha256::digest(&file.data));
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            let url: &'static str = Box::leak(format!("/assets/{hashed}").into_boxed_str());
            urls.insert(name.to_string(), url);
            files.insert(hashed, name.to_string());
        }
        Table { urls, files }
    })
}

fn hex_prefix(digest: &[u8]) -> String {
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// The URL of an embedded asset; an unknown name is a programming error caught by tests.
pub fn url(name: &str) -> &'static str {
    table().urls.get(name).copied().unwrap_or("/assets/missing")
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

pub async fn serve(Path(file): Path<String>) -> Response {
    let Some(name) = table().files.get(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(data) = Files::get(name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = data.data.into_owned().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    response
}

/// `/favicon.ico` for browsers that ask for it: the logo.
pub async fn favicon() -> Response {
    match Files::get("logo.svg") {
        Some(file) => {
            let mut response = file.data.into_owned().into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("image/svg+xml"),
            );
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            );
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_hashed_url(name: &str) -> bool {
        let u = url(name);
        u.starts_with("/assets/") && u != "/assets/missing"
    }

    #[test]
    fn every_asset_has_a_hashed_url() {
        for name in ["app.css", "app.js", "logo.svg", "og-image.png"] {
            assert!(has_hashed_url(name), "{name}");
        }
    }

    /// Each page names the feature scripts it loads (`crate::assets::url("canvas-editor.js")`):
    /// every name is a file, and every script is loaded by some page.
    #[test]
    fn the_templates_load_scripts_that_exist_and_every_script_is_loaded() {
        fn templates(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).expect("templates").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    templates(&path, out);
                } else {
                    out.push_str(&std::fs::read_to_string(&path).expect("template"));
                }
            }
        }
        let mut all = String::new();
        templates(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
            &mut all,
        );
        let named: Vec<&str> = all
            .split("assets::url(\"")
            .skip(1)
            .filter_map(|rest| rest.split_once('"').map(|(name, _)| name))
            .collect();
        assert!(!named.is_empty());
        for name in &named {
            assert!(has_hashed_url(name), "{name} is not in assets/");
        }
        for file in Files::iter().filter(|f| f.ends_with(".js") && f != "app.js") {
            assert!(named.contains(&file.as_ref()), "no page loads {file}");
        }
    }
}
