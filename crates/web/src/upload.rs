//! File uploads: a small `multipart/form-data` reader (forms with a file work without
//! JavaScript; their `_csrf` field is checked by the context middleware like any form), and the
//! storage where attachments, evidence, episode audio and videos are kept under random names
//! (`store_file`/`read_file`, a local folder or an S3 bucket: `storage.rs`), each file checked
//! first for its use (`check_file`: size, and type read from its content: `filetype.rs`).
use crate::error::WebError;
use crate::state::AppState;
use axum::extract::{FromRequest, Request};
use axum::http::header;

/// Room for the other fields of a form that carries a file.
pub const FORM_MARGIN: usize = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// The boundary of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|b| !b.is_empty() && b.len() <= 200)
    })
}

pub(crate) fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

pub(crate) fn header_param(line: &str, name: &str) -> Option<String> {
    line.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Reads the parts of a multipart body; `None` when it is malformed.
pub fn parse(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delimiter = format!("--{boundary}").into_bytes();
    let next_delimiter = format!("\r\n--{boundary}").into_bytes();
    let mut pos = find(body, &delimiter, 0)? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Some(parts);
        }
        if body.get(pos..pos + 2) != Some(b"\r\n") {
            return None;
        }
        pos += 2;
        let headers_end = find(body, b"\r\n\r\n", pos)?;
        let headers = std::str::from_utf8(&body[pos..headers_end]).ok()?;
        let data_start = headers_end + 4;
        let data_end = find(body, &next_delimiter, data_start)?;
        let mut part = Part {
            name: String::new(),
            file_name: None,
            content_type: "text/plain".into(),
            data: body[data_start..data_end].to_vec(),
        };
        for line in headers.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                part.name = header_param(value, "name")?;
                part.file_name = header_param(value, "filename");
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                part.content_type = value.trim().to_string();
            }
        }
        parts.push(part);
        pos = data_end + next_delimiter.len();
        if parts.len() > 100 {
            return None;
        }
    }
}

/// The `_csrf` field of a multipart body, for the context middleware.
pub fn csrf_field(content_type: &str, body: &[u8]) -> Option<String> {
    let b = boundary(content_type)?;
    parse(body, &b)?
        .into_iter()
        .find(|p| p.name == "_csrf" && p.file_name.is_none())
        .and_then(|p| String::from_utf8(p.data).ok())
}

/// The `_csrf` field of a multipart body read from its start (forms put it first), and the
/// body whole again for the handler: only the bytes up to the field are held, the rest (a
/// file) streams on. A body without the field early is read whole (within `limit`), as before.
pub async fn peek_csrf(
    body: axum::body::Body,
    content_type: &str,
    limit: usize,
) -> Result<(Option<String>, axum::body::Body), WebError> {
    use futures_util::StreamExt;
    let Some(b) = boundary(content_type) else {
        return Ok((None, body));
    };
    let mut stream = body.into_data_stream();
    let mut head: Vec<u8> = Vec::new();
    let next = format!("\r\n--{b}").into_bytes();
    let token = loop {
        if let Some(at) = find(&head, b"name=\"_csrf\"", 0)
            && let Some(start) = find(&head, b"\r\n\r\n", at).map(|p| p + 4)
            && let Some(end) = find(&head, &next, start)
        {
            break String::from_utf8(head[start..end].to_vec()).ok();
        }
        if head.len() > FORM_MARGIN {
            break None;
        }
        match stream.next().await {
            Some(Ok(chunk)) => head.extend_from_slice(&chunk),
            Some(Err(_)) => return Err(WebError::BadRequest("error-form-invalid")),
            None => break None,
        }
        if head.len() > limit {
            return Err(WebError::TooLarge);
        }
    };
    let rest =
        futures_util::stream::iter([Ok::<_, axum::Error>(bytes::Bytes::from(head))]).chain(stream);
    let body = axum::body::Body::from_stream(rest);
    if token.is_some() {
        return Ok((token, body));
    }
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| WebError::TooLarge)?;
    let token = csrf_field(content_type, &bytes);
    Ok((token, axum::body::Body::from(bytes)))
}

/// A parsed multipart form.
pub struct Multipart(pub Vec<Part>);

impl Multipart {
    /// A text field (empty when absent), with CRLF line ends made LF.
    pub fn text(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|p| p.name == name && p.file_name.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).replace("\r\n", "\n"))
            .unwrap_or_default()
    }

    /// Every value of a repeated text field (checkboxes).
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|p| p.name == name && p.file_name.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).to_string())
            .collect()
    }

    /// The file of a field, if one was chosen (browsers send an empty part otherwise).
    pub fn file(&self, name: &str) -> Option<&Part> {
        self.0
            .iter()
            .find(|p| p.name == name && p.file_name.as_deref().is_some_and(|f| !f.is_empty()))
    }
}

/// Largest multipart body read: the largest upload limit (documents or media) and room for the
/// other fields; each field's own limit is checked after (`check_file`), beside the field.
pub fn body_limit(state: &AppState) -> usize {
    state
        .config
        .max_upload_bytes
        .max(state.config.max_media_bytes)
        + FORM_MARGIN
}

impl FromRequest<AppState> for Multipart {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let Some(b) = boundary(&content_type) else {
            return Err(WebError::BadRequest("error-form-invalid"));
        };
        let bytes = axum::body::to_bytes(req.into_body(), body_limit(state))
            .await
            .map_err(|_| WebError::TooLarge)?;
        let parts = parse(&bytes, &b).ok_or(WebError::BadRequest("error-form-invalid"))?;
        // Text fields are checked like any form's; files are bytes and may hold anything.
        let control = parts.iter().any(|p| {
            crate::form::has_control(&p.name)
                || (p.file_name.is_none()
                    && crate::form::has_control(&String::from_utf8_lossy(&p.data)))
        });
        if control {
            return Err(WebError::BadRequest("error-control-chars"));
        }
        Ok(Multipart(parts))
    }
}

/// A file name safe to show and to send back: no path, no control or quote characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ';'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        "fichier".into()
    } else {
        cleaned
    }
}

/// The content type a file is served with: a few known document and image types, else bytes.
pub fn served_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// Writes a file under a new random key, in the configured storage (`AppState::files`: a local
/// folder or an S3 bucket), and returns the key.
pub async fn store_file(state: &AppState, data: &[u8]) -> Result<String, WebError> {
    let key = hex::encode(rand::random::<[u8; 16]>());
    state
        .files
        .put(&key, bytes::Bytes::copy_from_slice(data))
        .await?;
    Ok(key)
}

/// A whole stored file in memory (attachments, evidence); large media are streamed instead
/// (`range::respond` with `range::Source::Stored`).
pub async fn read_file(state: &AppState, key: &str) -> Result<Vec<u8>, WebError> {
    state.files.read(key).await
}

/// Checks an uploaded file for its use (size limit, then type read from its content and agreeing
/// with its name): `Ok` is the type it is served under, `Err` the message shown beside its field.
pub fn check_file(
    state: &AppState,
    i: crate::i18n::I18n,
    usage: crate::filetype::Use,
    file: &Part,
) -> Result<&'static str, String> {
    let name = file.file_name.as_deref().unwrap_or("");
    crate::filetype::check(usage, &state.config, name, &file.data).map_err(
        |refused| match refused {
            crate::filetype::Refused::TooLarge { max_mb } => {
                i.ta("upload-error-size", &[("max", &max_mb.to_string())])
            }
            crate::filetype::Refused::Type => i.t(usage.type_error_key()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_files() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../notes\\\\s\xc3\xa9ance.txt\"\r\nContent-Type: text/plain\r\n\r\nligne 1\r\nligne 2\r\n--XyZ\r\nContent-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n\r\n\r\n--XyZ--\r\n";
        let ct = "multipart/form-data; boundary=XyZ";
        assert_eq!(boundary(ct).as_deref(), Some("XyZ"));
        let form = Multipart(parse(body, "XyZ").unwrap());
        assert_eq!(form.text("_csrf"), "tok");
        let file = form.file("file").unwrap();
        assert_eq!(file.data, b"ligne 1\r\nligne 2");
        assert!(form.file("empty").is_none());
        assert_eq!(csrf_field(ct, body).as_deref(), Some("tok"));
        assert_eq!(
            clean_file_name(file.file_name.as_deref().unwrap()),
            "séance.txt"
        );
        assert_eq!(clean_file_name("a/.."), "fichier");
        assert!(parse(b"--XyZ\r\nbroken", "XyZ").is_none());
        assert!(parse(b"nothing", "XyZ").is_none());
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        assert_eq!(served_type("preuve.PDF"), "application/pdf");
        assert_eq!(served_type("page.html"), "application/octet-stream");
    }
}
