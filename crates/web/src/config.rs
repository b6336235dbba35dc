//! Typed configuration, layered: defaults → optional TOML file → `IMPACT_*` environment →
//! command-line flags (applied by the binary). Validated once at start.
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    /// Public URL of the site, used in e-mailed links.
    pub base_url: String,
    /// `smtp://host:port`, `smtps://user:pass@host` … When absent, mails go to `outbox_dir`.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub outbox_dir: PathBuf,
    /// Secure cookies; on by default when `base_url` is https.
    pub secure_cookies: bool,
    /// Trust `X-Forwarded-For` from a load balancer for the client address (rate limits).
    pub trust_proxy: bool,
    pub session_days: i64,
    /// Whether `serve` also runs background jobs.
    pub run_jobs: bool,
    pub log_json: bool,
    /// Where uploaded files (session attachments, evidence) are kept.
    pub files_dir: PathBuf,
    /// Largest uploaded document (evidence, attachment) accepted, in bytes.
    pub max_upload_bytes: usize,
    /// Largest uploaded audio or video accepted, in bytes.
    pub max_media_bytes: usize,
    /// The S3-compatible bucket uploaded files are kept in instead of `files_dir`, when set.
    pub s3: Option<S3Config>,
}

/// Where uploaded files go when they live in an S3-compatible object store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Config {
    pub bucket: String,
    /// The store's address (`http://127.0.0.1:5000` for a local server); AWS when absent.
    pub endpoint: Option<String>,
    pub region: String,
    /// Keys are kept under this prefix within the bucket (may be empty).
    pub prefix: String,
    /// Credentials; the usual `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` when absent.
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
}

/// The file and environment layer: every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub database_url: Option<String>,
    pub addr: Option<String>,
    pub base_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub outbox_dir: Option<String>,
    pub secure_cookies: Option<bool>,
    pub trust_proxy: Option<bool>,
    pub session_days: Option<i64>,
    pub run_jobs: Option<bool>,
    pub log_format: Option<String>,
    pub files_dir: Option<String>,
    pub max_upload_mb: Option<u32>,
    pub max_media_mb: Option<u32>,
    pub s3_bucket: Option<String>,
    pub s3_endpoint: Option<String>,
    pub s3_region: Option<String>,
    pub s3_prefix: Option<String>,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<String>,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/impact-studio.db";

impl Layer {
    /// Reads a TOML file layer.
    pub fn from_file(path: &std::path::Path) -> Result<Layer, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))
    }

    /// Reads the `IMPACT_*` variables from an environment (given as pairs, for testability).
    pub fn from_env<I: IntoIterator<Item = (String, String)>>(vars: I) -> Result<Layer, String> {
        let mut layer = Layer::default();
        for (key, value) in vars {
            let Some(name) = key.strip_prefix("IMPACT_") else {
                continue;
            };
            let flag = |v: &str| match v.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                _ => Err(format!("{key}: expected true or false, got {v:?}")),
            };
            match name {
                "DATABASE_URL" => layer.database_url = Some(value),
                "ADDR" => layer.addr = Some(value),
                "BASE_URL" => layer.base_url = Some(value),
                "SMTP_URL" => layer.smtp_url = Some(value).filter(|v| !v.is_empty()),
                "MAIL_FROM" => layer.mail_from = Some(value),
                "OUTBOX_DIR" => layer.outbox_dir = Some(value),
                "SECURE_COOKIES" => layer.secure_cookies = Some(flag(&value)?),
                "TRUST_PROXY" => layer.trust_proxy = Some(flag(&value)?),
                "RUN_JOBS" => layer.run_jobs = Some(flag(&value)?),
                "SESSION_DAYS" => {
                    layer.session_days = Some(
                        value
                            .parse()
                            .map_err(|_| format!("{key}: expected a number of days"))?,
                    )
                }
                "LOG_FORMAT" => layer.log_format = Some(value),
                "FILES_DIR" => layer.files_dir = Some(value),
                "MAX_UPLOAD_MB" => {
                    layer.max_upload_mb = Some(
                        value
                            .parse()
                            .map_err(|_| format!("{key}: expected a number of megabytes"))?,
                    )
                }
                "MAX_MEDIA_MB" => {
                    layer.max_media_mb = Some(
                        value
                            .parse()
                            .map_err(|_| format!("{key}: expected a number of megabytes"))?,
                    )
                }
                "S3_BUCKET" => layer.s3_bucket = Some(value).filter(|v| !v.is_empty()),
                "S3_ENDPOINT" => layer.s3_endpoint = Some(value).filter(|v| !v.is_empty()),
                "S3_REGION" => layer.s3_region = Some(value),
                "S3_PREFIX" => layer.s3_prefix = Some(value),
                "S3_ACCESS_KEY_ID" => layer.s3_access_key_id = Some(value),
                "S3_SECRET_ACCESS_KEY" => layer.s3_secret_access_key = Some(value),
                // Read elsewhere (log filter, config file path; test database, S3 server and
                // screenshots in tests).
                "LOG" | "CONFIG" | "TEST_DATABASE_URL" | "TEST_S3_URL" | "SCREENSHOTS" => {}
                _ => return Err(format!("unknown setting {key}")),
            }
        }
        Ok(layer)
    }

    /// Overlays `other` on `self`: values set in `other` win.
    pub fn merge(self, other: Layer) -> Layer {
        Layer {
            database_url: other.database_url.or(self.database_url),
            addr: other.addr.or(self.addr),
            base_url: other.base_url.or(self.base_url),
            smtp_url: other.smtp_url.or(self.smtp_url),
            mail_from: other.mail_from.or(self.mail_from),
            outbox_dir: other.outbox_dir.or(self.outbox_dir),
            secure_cookies: other.secure_cookies.or(self.secure_cookies),
            trust_proxy: other.trust_proxy.or(self.trust_proxy),
            session_days: other.session_days.or(self.session_days),
            run_jobs: other.run_jobs.or(self.run_jobs),
            log_format: other.log_format.or(self.log_format),
            files_dir: other.files_dir.or(self.files_dir),
            max_upload_mb: other.max_upload_mb.or(self.max_upload_mb),
            max_media_mb: other.max_media_mb.or(self.max_media_mb),
            s3_bucket: other.s3_bucket.or(self.s3_bucket),
            s3_endpoint: other.s3_endpoint.or(self.s3_endpoint),
            s3_region: other.s3_region.or(self.s3_region),
            s3_prefix: other.s3_prefix.or(self.s3_prefix),
            s3_access_key_id: other.s3_access_key_id.or(self.s3_access_key_id),
            s3_secret_access_key: other.s3_secret_access_key.or(self.s3_secret_access_key),
        }
    }

    /// Applies defaults and validates; the error is one line saying which setting is wrong.
    pub fn build(self) -> Result<Config, String> {
        let addr_text = self.addr.unwrap_or_else(|| "127.0.0.1:8080".into());
        let addr: SocketAddr = addr_text
            .parse()
            .map_err(|_| format!("addr: {addr_text:?} is not an address like 127.0.0.1:8080"))?;
        let base_url = self
            .base_url
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(format!(
                "base_url: {base_url:?} must start with http:// or https://"
            ));
        }
        if let Some(smtp) = &self.smtp_url
            && !(smtp.starts_with("smtp://") || smtp.starts_with("smtps://"))
        {
            return Err("smtp_url: must start with smtp:// or smtps://".into());
        }
        let mail_from = self
            .mail_from
            .unwrap_or_else(|| "Impact Studio <bonjour@impact-studio.local>".into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(format!(
                "mail_from: {mail_from:?} is not an address like Name <name@example.org>"
            ));
        }
        let session_days = self.session_days.unwrap_or(30);
        if !(1..=365).contains(&session_days) {
            return Err("session_days: must be between 1 and 365".into());
        }
        let log_json = match self.log_format.as_deref().unwrap_or("text") {
            "text" => false,
            "json" => true,
            other => return Err(format!("log_format: {other:?} must be text or json")),
        };
        let database_url = self
            .database_url
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err("database_url: must start with sqlite:// or postgres://".into());
        }
        let max_upload_mb = self.max_upload_mb.unwrap_or(10);
        if !(1..=100).contains(&max_upload_mb) {
            return Err("max_upload_mb: must be between 1 and 100".into());
        }
        let max_media_mb = self.max_media_mb.unwrap_or(200);
        if !(1..=4000).contains(&max_media_mb) {
            return Err("max_media_mb: must be between 1 and 4000".into());
        }
        if let Some(endpoint) = &self.s3_endpoint
            && !(endpoint.starts_with("http://") || endpoint.starts_with("https://"))
        {
            return Err("s3_endpoint: must start with http:// or https://".into());
        }
        let s3 = match self.s3_bucket {
            Some(bucket) => Some(S3Config {
                bucket,
                endpoint: self.s3_endpoint,
                region: self.s3_region.unwrap_or_else(|| "us-east-1".into()),
                prefix: self.s3_prefix.unwrap_or_default(),
                access_key_id: self.s3_access_key_id,
                secret_access_key: self.s3_secret_access_key,
            }),
            None if self.s3_endpoint.is_some() => {
                return Err("s3_endpoint: set s3_bucket too".into());
            }
            None => None,
        };
        Ok(Config {
            max_media_bytes: max_media_mb as usize * 1024 * 1024,
            s3,
            files_dir: PathBuf::from(self.files_dir.unwrap_or_else(|| "data/files".into())),
            max_upload_bytes: max_upload_mb as usize * 1024 * 1024,
            database_url,
            addr,
            secure_cookies: self
                .secure_cookies
                .unwrap_or(base_url.starts_with("https://")),
            base_url,
            smtp_url: self.smtp_url,
            mail_from,
            outbox_dir: PathBuf::from(self.outbox_dir.unwrap_or_else(|| "data/outbox".into())),
            trust_proxy: self.trust_proxy.unwrap_or(false),
            session_days,
            run_jobs: self.run_jobs.unwrap_or(true),
            log_json,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_are_valid() {
        let c = Layer::default().build().unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert!(!c.secure_cookies);
        assert!(c.smtp_url.is_none());
    }

    #[test]
    fn env_overrides_file() {
        let file: Layer =
            toml::from_str("addr = \"0.0.0.0:9000\"\nbase_url = \"https://studio.example/\"")
                .unwrap();
        let env =
            Layer::from_env(env(&[("IMPACT_ADDR", "127.0.0.1:9100"), ("PATH", "/bin")])).unwrap();
        let c = file.merge(env).build().unwrap();
        assert_eq!(c.addr.port(), 9100);
        assert_eq!(c.base_url, "https://studio.example");
        assert!(c.secure_cookies);
    }

    #[test]
    fn bad_values_name_the_setting() {
        assert!(
            Layer::from_env(env(&[("IMPACT_SECURE_COOKIES", "maybe")]))
                .unwrap_err()
                .contains("SECURE_COOKIES")
        );
        assert!(
            Layer::from_env(env(&[("IMPACT_NOPE", "1")]))
                .unwrap_err()
                .contains("IMPACT_NOPE")
        );
        let bad = Layer {
            addr: Some("nowhere".into()),
            ..Layer::default()
        };
        assert!(bad.build().unwrap_err().starts_with("addr:"));
        let bad = Layer {
            database_url: Some("mysql://x".into()),
            ..Layer::default()
        };
        assert!(bad.build().unwrap_err().starts_with("database_url:"));
        assert!(toml::from_str::<Layer>("unknown = 1").is_err());
    }

    #[test]
    fn files_go_to_a_bucket_when_one_is_named() {
        assert_eq!(Layer::default().build().unwrap().s3, None);
        let layer = Layer::from_env(env(&[
            ("IMPACT_S3_BUCKET", "impact"),
            ("IMPACT_S3_ENDPOINT", "http://127.0.0.1:5000"),
            ("IMPACT_S3_PREFIX", "files"),
            ("IMPACT_MAX_MEDIA_MB", "300"),
        ]))
        .unwrap();
        let c = layer.build().unwrap();
        let s3 = c.s3.unwrap();
        assert_eq!(
            (s3.bucket.as_str(), s3.region.as_str(), s3.prefix.as_str()),
            ("impact", "us-east-1", "files")
        );
        assert_eq!(c.max_media_bytes, 300 * 1024 * 1024);
        let bad = Layer {
            s3_endpoint: Some("127.0.0.1:5000".into()),
            s3_bucket: Some("b".into()),
            ..Layer::default()
        };
        assert!(bad.build().unwrap_err().starts_with("s3_endpoint:"));
    }
}
