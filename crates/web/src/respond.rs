//! What handlers answer besides pages: a redirect that shows a one-time message, a file (a
//! download or a document shown in the browser), a PDF laid out off the async threads, and CSV
//! that a spreadsheet opens safely.
use crate::cookies;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

/// A redirect that shows a one-time message (a Fluent key) on the next page.
pub fn redirect_with_flash(to: &str, flash_key: &str, state: &AppState) -> Response {
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(cookies::FLASH, flash_key, 120, true, state.cookies.secure),
    );
    response
}

/// How the browser treats a file: saved (`attachment`) or shown (`inline`, PDFs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Attachment,
    Inline,
}

/// A file answer: its bytes, its type and the name it is saved under. Characters of the name
/// other than ASCII letters, digits, `.`, `-` and `_` become `_`, so any name (an uploaded
/// file's) makes a valid header.
pub fn file(
    body: impl Into<Body>,
    content_type: &'static str,
    disposition: Disposition,
    name: &str,
) -> Response {
    let mut response = Response::new(body.into());
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    let kind = match disposition {
        Disposition::Attachment => "attachment",
        Disposition::Inline => "inline",
    };
    if let Ok(v) = HeaderValue::from_str(&format!("{kind}; filename=\"{}\"", file_name(name))) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// A name safe inside a quoted `filename` parameter.
fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub const PDF: &str = "application/pdf";

/// Lays out `data` with a document template on a blocking thread (Typst takes milliseconds a
/// page) and returns the PDF bytes.
pub async fn pdf<T>(template: documents::Template, data: T) -> WebResult<Vec<u8>>
where
    T: serde::Serialize + Send + 'static,
{
    tokio::task::spawn_blocking(move || documents::pdf(template, &data))
        .await
        .map_err(|e| WebError::Internal(format!("pdf task: {e}")))?
        .map_err(|e| WebError::Internal(format!("pdf: {e}")))
}

/// A PDF shown in the browser (`inline`) under `name`: [`pdf`] then [`file`].
pub async fn inline_pdf<T>(
    template: documents::Template,
    data: T,
    name: &str,
) -> WebResult<Response>
where
    T: serde::Serialize + Send + 'static,
{
    let bytes = pdf(template, data).await?;
    Ok(file(bytes, PDF, Disposition::Inline, name))
}

/// One CSV cell (RFC 4180), quoted when needed. A cell a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, unless it is a
/// plain number (`-12.5`), which a spreadsheet reads as the number it is.
pub fn csv_cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(value) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// `-12`, `-0.5`: an optional minus sign then digits with at most one decimal point.
fn plain_number(value: &str) -> bool {
    let digits = value.strip_prefix('-').unwrap_or(value);
    !digits.is_empty()
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

/// A CSV document: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends.
pub fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{FEFF}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_safe_for_spreadsheets() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33 6"), "'+33 6");
        assert_eq!(csv_cell("-1"), "-1");
        assert_eq!(csv_cell("-2.5"), "-2.5");
        assert_eq!(csv_cell("-1+cmd"), "'-1+cmd");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("@SUM"), "'@SUM");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("ligne\nsuite"), "\"ligne\nsuite\"");
        assert_eq!(csv(&[vec!["a".into(), "b".into()]]), "\u{FEFF}a,b\r\n");
    }

    #[test]
    fn file_names_make_valid_headers() {
        assert_eq!(file_name("feuille-de-route-3.md"), "feuille-de-route-3.md");
        assert_eq!(file_name("relevé \"final\".pdf"), "relev___final_.pdf");
        let r = file("x", "text/plain", Disposition::Inline, "a\r\nSet-Cookie: b");
        assert_eq!(
            r.headers()[header::CONTENT_DISPOSITION],
            "inline; filename=\"a__Set-Cookie__b\""
        );
    }
}
