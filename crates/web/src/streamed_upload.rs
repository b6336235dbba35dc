//! Multipart forms read as they arrive, for large files (a lesson's video): text fields are
//! kept in memory (within `upload::FORM_MARGIN`), a file stays in memory up to
//! [`MEMORY`] bytes and past it goes on to a temporary file beside the stored ones, so a video
//! is never held whole in memory. The size limit is counted while reading: past it the request
//! ends with 413 and the temporary file is removed (it is also removed whenever its
//! [`Upload`] is dropped unless it was moved into the storage).
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::upload::{FORM_MARGIN, boundary, find, header_param};
use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use futures_util::StreamExt;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// The bytes of a file kept in memory; a larger file goes to a temporary file.
pub const MEMORY: usize = 1024 * 1024;

/// A temporary file, removed when dropped unless `kept`.
struct Spool {
    path: PathBuf,
    kept: bool,
}

impl Drop for Spool {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// An uploaded file: its first bytes (the whole of a small file) and, past [`MEMORY`], the
/// whole file on disk.
pub struct Upload {
    pub name: String,
    pub file_name: Option<String>,
    pub size: u64,
    /// What its type is read from (`filetype::detect`).
    pub head: Vec<u8>,
    spool: Option<Spool>,
}

impl Upload {
    fn chosen(&self) -> bool {
        self.file_name.as_deref().is_some_and(|n| !n.is_empty())
    }

    /// Whether it went to a temporary file.
    pub fn spooled(&self) -> bool {
        self.spool.is_some()
    }
}

/// A multipart form read as a stream.
pub struct StreamedMultipart {
    fields: Vec<(String, String)>,
    files: Vec<Upload>,
}

impl StreamedMultipart {
    /// A form of text fields only (a plain urlencoded post read like a multipart one).
    pub fn from_fields(fields: Vec<(String, String)>) -> Self {
        StreamedMultipart {
            fields,
            files: Vec::new(),
        }
    }

    /// A text field (empty when absent), with CRLF line ends made LF.
    pub fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.replace("\r\n", "\n"))
            .unwrap_or_default()
    }

    /// The file of a field, if one was chosen.
    pub fn file(&self, name: &str) -> Option<&Upload> {
        self.files.iter().find(|f| f.name == name && f.chosen())
    }

    /// Takes the file of a field out of the form, if one was chosen.
    pub fn take_file(&mut self, name: &str) -> Option<Upload> {
        let at = self
            .files
            .iter()
            .position(|f| f.name == name && f.chosen())?;
        Some(self.files.remove(at))
    }
}

/// Where temporary files go: beside the stored files, so a local store only renames them.
fn spool_dir(state: &AppState) -> PathBuf {
    state.config.files_dir.join(".incoming")
}

/// How old a temporary file is when no upload can still be writing it (one left by a crash).
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3_600);

/// Removes the temporary files older than [`STALE_AFTER`] at `now` (left by a crash or a
/// killed node: a dropped upload removes its own): the number removed. Run at startup and
/// with the worker's hourly maintenance.
pub async fn remove_stale(state: &AppState, now: std::time::SystemTime) -> usize {
    let dir = spool_dir(state);
    tokio::task::spawn_blocking(move || remove_stale_in(&dir, now))
        .await
        .unwrap_or(0)
}

fn remove_stale_in(dir: &Path, now: std::time::SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|at| now.duration_since(at).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    if removed > 0 {
        tracing::info!(removed, "stale temporary upload files removed");
    }
    removed
}

/// Where a part's bytes go while it is read.
enum Sink {
    Text(Vec<u8>),
    File {
        head: Vec<u8>,
        size: u64,
        spool: Option<(Spool, tokio::fs::File)>,
    },
}

struct Limits {
    file: u64,
    text: usize,
}

impl Sink {
    async fn write(&mut self, data: &[u8], limits: &Limits, dir: &Path) -> WebResult<()> {
        if data.is_empty() {
            return Ok(());
        }
        match self {
            Sink::Text(buf) => {
                if buf.len() + data.len() > limits.text {
                    return Err(WebError::TooLarge);
                }
                buf.extend_from_slice(data);
            }
            Sink::File { head, size, spool } => {
                *size += data.len() as u64;
                if *size > limits.file {
                    return Err(WebError::TooLarge);
                }
                match spool {
                    // The head always holds the first bytes; past them, the whole file is on disk.
                    None => {
                        let room = MEMORY.saturating_sub(head.len());
                        if data.len() <= room {
                            head.extend_from_slice(data);
                            return Ok(());
                        }
                        head.extend_from_slice(&data[..room]);
                        let (file_spool, mut file) = open_spool(dir, head).await?;
                        file.write_all(&data[room..]).await.map_err(io_error)?;
                        *spool = Some((file_spool, file));
                    }
                    Some((_, file)) => file.write_all(data).await.map_err(io_error)?,
                }
            }
        }
        Ok(())
    }
}

fn io_error(e: std::io::Error) -> WebError {
    WebError::Internal(format!("upload spool: {e}"))
}

/// A new temporary file holding the bytes read so far.
async fn open_spool(dir: &Path, head: &[u8]) -> WebResult<(Spool, tokio::fs::File)> {
    tokio::fs::create_dir_all(dir).await.map_err(io_error)?;
    let spool = Spool {
        path: dir.join(hex::encode(rand::random::<[u8; 16]>())),
        kept: false,
    };
    let mut file = tokio::fs::File::create(&spool.path)
        .await
        .map_err(io_error)?;
    file.write_all(head).await.map_err(io_error)?;
    Ok((spool, file))
}

/// The body as it arrives, counted against the whole form's limit.
struct Reader {
    stream: axum::body::BodyDataStream,
    buf: Vec<u8>,
    read: usize,
    limit: usize,
}

impl Reader {
    /// Reads one more chunk; `false` at the end of the body.
    async fn more(&mut self) -> WebResult<bool> {
        match self.stream.next().await {
            None => Ok(false),
            Some(Err(_)) => Err(WebError::BadRequest("error-form-invalid")),
            Some(Ok(chunk)) => {
                self.read += chunk.len();
                if self.read > self.limit {
                    return Err(WebError::TooLarge);
                }
                self.buf.extend_from_slice(&chunk);
                Ok(true)
            }
        }
    }

    /// Reads until `needle` is in the buffer (within `max` bytes): its position.
    async fn until(&mut self, needle: &[u8], max: usize) -> WebResult<usize> {
        loop {
            if let Some(p) = find(&self.buf, needle, 0) {
                return Ok(p);
            }
            if self.buf.len() > max || !self.more().await? {
                return Err(WebError::BadRequest("error-form-invalid"));
            }
        }
    }
}

/// Reads a multipart body part by part.
async fn read(
    body: Body,
    boundary: &str,
    limits: &Limits,
    body_limit: usize,
    dir: &Path,
) -> WebResult<StreamedMultipart> {
    let invalid = || WebError::BadRequest("error-form-invalid");
    let mut r = Reader {
        stream: body.into_data_stream(),
        buf: Vec::new(),
        read: 0,
        limit: body_limit,
    };
    let first = format!("--{boundary}").into_bytes();
    let delimiter = format!("\r\n--{boundary}").into_bytes();
    let at = r.until(&first, 16 * 1024).await?;
    r.buf.drain(..at + first.len());
    let mut form = StreamedMultipart {
        fields: Vec::new(),
        files: Vec::new(),
    };
    let mut text_total = 0;
    loop {
        while r.buf.len() < 2 {
            if !r.more().await? {
                return Err(invalid());
            }
        }
        if r.buf.starts_with(b"--") {
            return Ok(form);
        }
        if !r.buf.starts_with(b"\r\n") || form.fields.len() + form.files.len() > 100 {
            return Err(invalid());
        }
        r.buf.drain(..2);
        let end = r.until(b"\r\n\r\n", 16 * 1024).await?;
        let headers = std::str::from_utf8(&r.buf[..end]).map_err(|_| invalid())?;
        let (mut name, mut file_name) = (None, None);
        for line in headers.split("\r\n") {
            if let Some((key, value)) = line.split_once(':')
                && key.trim().eq_ignore_ascii_case("content-disposition")
            {
                name = header_param(value, "name");
                file_name = header_param(value, "filename");
            }
        }
        let name = name.ok_or_else(invalid)?;
        r.buf.drain(..end + 4);
        let mut sink = if file_name.is_some() {
            Sink::File {
                head: Vec::new(),
                size: 0,
                spool: None,
            }
        } else {
            Sink::Text(Vec::new())
        };
        let text_limits = Limits {
            file: limits.file,
            text: limits.text.saturating_sub(text_total),
        };
        loop {
            if let Some(p) = find(&r.buf, &delimiter, 0) {
                sink.write(&r.buf[..p], &text_limits, dir).await?;
                r.buf.drain(..p + delimiter.len());
                break;
            }
            // Everything but what could be the start of the delimiter goes on.
            let safe = r.buf.len().saturating_sub(delimiter.len() - 1);
            sink.write(&r.buf[..safe], &text_limits, dir).await?;
            r.buf.drain(..safe);
            if !r.more().await? {
                return Err(invalid());
            }
        }
        match sink {
            Sink::Text(data) => {
                text_total += data.len();
                let value = String::from_utf8_lossy(&data).to_string();
                if crate::form::has_control(&name) || crate::form::has_control(&value) {
                    return Err(WebError::BadRequest("error-control-chars"));
                }
                form.fields.push((name, value));
            }
            Sink::File { head, size, spool } => {
                let spool = match spool {
                    Some((spool, mut file)) => {
                        file.flush().await.map_err(io_error)?;
                        Some(spool)
                    }
                    None => None,
                };
                form.files.push(Upload {
                    name,
                    file_name,
                    size,
                    head,
                    spool,
                });
            }
        }
    }
}

impl FromRequest<AppState> for StreamedMultipart {
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
        let limits = Limits {
            file: state
                .config
                .max_upload_bytes
                .max(state.config.max_media_bytes) as u64,
            text: FORM_MARGIN,
        };
        read(
            req.into_body(),
            &b,
            &limits,
            crate::upload::body_limit(state),
            &spool_dir(state),
        )
        .await
    }
}

/// Checks an upload for its use like `upload::check_file`: its size, then its type read from
/// its first bytes.
pub fn check(
    state: &AppState,
    i: crate::i18n::I18n,
    usage: crate::filetype::Use,
    file: &Upload,
) -> Result<&'static str, String> {
    let max = usage.max_bytes(&state.config);
    if file.size > max as u64 {
        return Err(i.ta(
            "upload-error-size",
            &[("max", &max.div_ceil(1024 * 1024).to_string())],
        ));
    }
    let name = file.file_name.as_deref().unwrap_or("");
    crate::filetype::detect(usage, name, &file.head).ok_or_else(|| i.t(usage.type_error_key()))
}

/// Stores an upload under a new random key: a small one from memory, a spooled one moved (a
/// local folder) or streamed (an S3 bucket) from its temporary file.
pub async fn store(state: &AppState, file: &mut Upload) -> WebResult<String> {
    match file.spool.as_mut() {
        None => crate::upload::store_file(state, &file.head).await,
        Some(spool) => {
            let key = hex::encode(rand::random::<[u8; 16]>());
            if state.files.put_file(&key, &spool.path).await? {
                spool.kept = true;
            }
            Ok(key)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(parts: &[(&str, Option<&str>, Vec<u8>)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, file, data) in parts {
            out.extend_from_slice(b"--B0undary\r\nContent-Disposition: form-data; name=\"");
            out.extend_from_slice(name.as_bytes());
            out.push(b'"');
            if let Some(f) = file {
                out.extend_from_slice(format!("; filename=\"{f}\"").as_bytes());
            }
            out.extend_from_slice(b"\r\n\r\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--B0undary--\r\n");
        out
    }

    fn chunked(data: Vec<u8>, size: usize) -> Body {
        let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = data
            .chunks(size)
            .map(|c| Ok(bytes::Bytes::copy_from_slice(c)))
            .collect();
        Body::from_stream(futures_util::stream::iter(chunks))
    }

    #[tokio::test]
    async fn small_files_stay_in_memory_large_ones_go_to_disk_and_limits_hold() {
        let dir = std::env::temp_dir().join(format!("spool-{}", rand::random::<u32>()));
        let big: Vec<u8> = (0..3 * MEMORY + 17).map(|n| (n % 251) as u8).collect();
        let data = body(&[
            ("_csrf", None, b"tok".to_vec()),
            ("title", None, b"Titre\r\nsuite".to_vec()),
            ("poster", Some("a.png"), b"\x89PNG small".to_vec()),
            ("video", Some("v.mp4"), big.clone()),
        ]);
        let limits = Limits {
            file: 10 * MEMORY as u64,
            text: 1024,
        };
        for chunk in [7, 4096, 1 << 20] {
            let form = read(
                chunked(data.clone(), chunk),
                "B0undary",
                &limits,
                usize::MAX,
                &dir,
            )
            .await
            .unwrap();
            assert_eq!(form.text("title"), "Titre\nsuite");
            let poster = form.file("poster").unwrap();
            assert!(!poster.spooled());
            assert_eq!(poster.head, b"\x89PNG small");
            let video = form.file("video").unwrap();
            assert!(video.spooled());
            assert_eq!(video.size, big.len() as u64);
            let path = &video.spool.as_ref().unwrap().path;
            assert_eq!(std::fs::read(path).unwrap(), big);
            let path = path.clone();
            drop(form);
            assert!(!path.exists(), "removed when dropped");
        }
        // Past the file limit: 413 and nothing left behind.
        let small = Limits {
            file: 2 * MEMORY as u64,
            text: 1024,
        };
        let refused = read(
            chunked(data.clone(), 65536),
            "B0undary",
            &small,
            usize::MAX,
            &dir,
        )
        .await;
        assert!(matches!(refused, Err(WebError::TooLarge)));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let unterminated = read(
            chunked(data[..data.len() / 2].to_vec(), 65536),
            "B0undary",
            &limits,
            usize::MAX,
            &dir,
        )
        .await;
        assert!(matches!(unterminated, Err(WebError::BadRequest(_))));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
