//! Where uploaded files live: a local folder by default, an S3-compatible object store when
//! configured (`s3_bucket`, see `config.rs`). Files are kept under random hex keys
//! (`upload::store_file`); reads stream a byte range without loading the whole file, so a video
//! or an episode is served with `206 Partial Content` straight from the disk or the bucket.
use crate::config::{Config, S3Config};
use crate::error::{WebError, WebResult};
use crate::range::ByteRange;
use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as ObjectPath;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, PutPayload};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncSeekExt};

/// Bytes read at a time from a local file while streaming it.
const CHUNK: usize = 256 * 1024;

/// A stream of a file's bytes.
pub type ByteStream = BoxStream<'static, std::io::Result<Bytes>>;

#[derive(Clone, Debug)]
pub enum Storage {
    /// A folder (shared between nodes by a network file system, or one node's own).
    Local(PathBuf),
    /// A bucket of an S3-compatible object store, under a key prefix.
    S3 {
        store: Arc<dyn ObjectStore>,
        prefix: String,
    },
}

/// Keys are ours (32 hex digits); anything else never reaches the disk or the bucket.
pub fn valid_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

fn object_error(e: object_store::Error) -> WebError {
    match e {
        object_store::Error::NotFound { .. } => WebError::NotFound,
        other => WebError::Internal(format!("object store: {other}")),
    }
}

impl Storage {
    /// The storage a configuration names: its S3 bucket when set, else its files folder.
    pub fn from_config(config: &Config) -> Result<Storage, String> {
        match &config.s3 {
            None => Ok(Storage::Local(config.files_dir.clone())),
            Some(s3) => Storage::s3(s3),
        }
    }

    /// An S3-compatible bucket; credentials not given in the settings come from the usual
    /// `AWS_*` variables (or the instance's role).
    pub fn s3(s3: &S3Config) -> Result<Storage, String> {
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&s3.bucket)
            .with_region(&s3.region);
        if let Some(endpoint) = &s3.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let Some(id) = &s3.access_key_id {
            builder = builder.with_access_key_id(id);
        }
        if let Some(secret) = &s3.secret_access_key {
            builder = builder.with_secret_access_key(secret);
        }
        let store = builder.build().map_err(|e| format!("s3: {e}"))?;
        Ok(Storage::S3 {
            store: Arc::new(store),
            prefix: s3.prefix.trim_matches('/').to_string(),
        })
    }

    fn local_path(dir: &std::path::Path, key: &str) -> WebResult<PathBuf> {
        if !valid_key(key) {
            return Err(WebError::NotFound);
        }
        Ok(dir.join(&key[..2]).join(key))
    }

    fn object_path(prefix: &str, key: &str) -> WebResult<ObjectPath> {
        if !valid_key(key) {
            return Err(WebError::NotFound);
        }
        Ok(if prefix.is_empty() {
            ObjectPath::from(key)
        } else {
            ObjectPath::from(format!("{prefix}/{key}"))
        })
    }

    /// Writes a file under `key` (a new random key: nothing is ever overwritten).
    pub async fn put(&self, key: &str, data: Bytes) -> WebResult<()> {
        match self {
            Storage::Local(dir) => {
                let path = Self::local_path(dir, key)?;
                if let Some(parent) = path.parent() {
                    tokio::fs::create_dir_all(parent)
                        .await
                        .map_err(|e| WebError::Internal(format!("files directory: {e}")))?;
                }
                // Written aside then renamed, so another node never serves half a file.
                let partial = path.with_extension("part");
                tokio::fs::write(&partial, &data)
                    .await
                    .map_err(|e| WebError::Internal(format!("file write: {e}")))?;
                tokio::fs::rename(&partial, &path)
                    .await
                    .map_err(|e| WebError::Internal(format!("file write: {e}")))
            }
            Storage::S3 { store, prefix } => {
                let path = Self::object_path(prefix, key)?;
                store
                    .put(&path, PutPayload::from_bytes(data))
                    .await
                    .map(|_| ())
                    .map_err(object_error)
            }
        }
    }

    /// Stores the file at `from` (a temporary file of `streamed_upload`) under `key` without
    /// reading it whole: a local folder takes it by a rename (`true`: it is gone from `from`),
    /// a bucket by a multipart upload read in chunks (`false`: `from` is left to its owner).
    pub async fn put_file(&self, key: &str, from: &std::path::Path) -> WebResult<bool> {
        let io = |e: std::io::Error| WebError::Internal(format!("file write: {e}"));
        match self {
            Storage::Local(dir) => {
                let path = Self::local_path(dir, key)?;
                if let Some(parent) = path.parent() {
                    tokio::fs::create_dir_all(parent).await.map_err(io)?;
                }
                if tokio::fs::rename(from, &path).await.is_ok() {
                    return Ok(true);
                }
                // Another file system: copied aside, then renamed into place.
                let partial = path.with_extension("part");
                tokio::fs::copy(from, &partial).await.map_err(io)?;
                tokio::fs::rename(&partial, &path).await.map_err(io)?;
                Ok(false)
            }
            Storage::S3 { store, prefix } => {
                let path = Self::object_path(prefix, key)?;
                let upload = store.put_multipart(&path).await.map_err(object_error)?;
                let mut writer = object_store::WriteMultipart::new(upload);
                let mut file = tokio::fs::File::open(from).await.map_err(io)?;
                let mut chunk = vec![0u8; CHUNK * 4];
                loop {
                    let n = file.read(&mut chunk).await.map_err(io)?;
                    if n == 0 {
                        break;
                    }
                    // At most a few parts in flight: memory stays bounded.
                    writer.wait_for_capacity(4).await.map_err(object_error)?;
                    writer.write(&chunk[..n]);
                }
                writer
                    .finish()
                    .await
                    .map(|_| ())
                    .map_err(object_error)
                    .map(|()| false)
            }
        }
    }

    /// The size of a stored file in bytes.
    pub async fn size(&self, key: &str) -> WebResult<u64> {
        match self {
            Storage::Local(dir) => {
                let path = Self::local_path(dir, key)?;
                let meta = tokio::fs::metadata(&path)
                    .await
                    .map_err(|_| WebError::NotFound)?;
                Ok(meta.len())
            }
            Storage::S3 { store, prefix } => {
                let path = Self::object_path(prefix, key)?;
                Ok(store.head(&path).await.map_err(object_error)?.size)
            }
        }
    }

    /// Streams the bytes of `range` (inclusive, within the file) or of the whole file.
    pub async fn stream(&self, key: &str, range: Option<ByteRange>) -> WebResult<ByteStream> {
        match self {
            Storage::Local(dir) => {
                let path = Self::local_path(dir, key)?;
                let mut file = tokio::fs::File::open(&path)
                    .await
                    .map_err(|_| WebError::NotFound)?;
                let reader: Box<dyn tokio::io::AsyncRead + Send + Unpin> = match range {
                    None => Box::new(file),
                    Some(r) => {
                        file.seek(std::io::SeekFrom::Start(r.start))
                            .await
                            .map_err(|e| WebError::Internal(format!("file seek: {e}")))?;
                        Box::new(file.take(r.size()))
                    }
                };
                Ok(tokio_util::io::ReaderStream::with_capacity(reader, CHUNK).boxed())
            }
            Storage::S3 { store, prefix } => {
                let path = Self::object_path(prefix, key)?;
                let options = GetOptions {
                    range: range.map(|r| GetRange::Bounded(r.start..r.end + 1)),
                    ..GetOptions::default()
                };
                let result = store.get_opts(&path, options).await.map_err(object_error)?;
                Ok(result
                    .into_stream()
                    .map(|chunk| chunk.map_err(std::io::Error::other))
                    .boxed())
            }
        }
    }

    /// A whole file in memory (small files: attachments, evidence, captions).
    pub async fn read(&self, key: &str) -> WebResult<Vec<u8>> {
        match self {
            Storage::Local(dir) => {
                let path = Self::local_path(dir, key)?;
                tokio::fs::read(&path).await.map_err(|_| WebError::NotFound)
            }
            Storage::S3 { store, prefix } => {
                let path = Self::object_path(prefix, key)?;
                let result = store.get(&path).await.map_err(object_error)?;
                Ok(result.bytes().await.map_err(object_error)?.to_vec())
            }
        }
    }
}
