//! The S3-compatible server for storage tests (`IMPACT_TEST_S3_URL`, e.g.
//! `http://127.0.0.1:5000/impact-test`: its address then an existing bucket; `.ci/run` starts a
//! `moto` server and creates the bucket with `scripts/s3-test-setup.sh`). Outside CI a test's S3
//! half is skipped with a note when it is not set; in CI it fails.

/// Where a test app keeps uploaded files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Files {
    /// A fresh temporary folder.
    Local,
    /// The test S3 server (its URL), under a fresh key prefix.
    S3(String),
}

/// The test S3 server's URL, if configured.
pub fn s3_url() -> Option<String> {
    std::env::var("IMPACT_TEST_S3_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// The test S3 server, which CI must have: elsewhere the S3 half of a test is skipped.
pub fn require_s3_in_ci() -> Option<String> {
    crate::needed(s3_url().ok_or_else(|| {
        "IMPACT_TEST_S3_URL is not set (see scripts/s3-test-setup.sh): the S3 half of this test does not run".into()
    }))
}

/// Every storage a files test runs on: the local folder always, S3 when the server is there.
pub fn storages() -> Vec<Files> {
    let mut all = vec![Files::Local];
    all.extend(require_s3_in_ci().map(Files::S3));
    all
}

/// `(endpoint, bucket)` of a test S3 URL `http://host:port/bucket`.
pub fn split_s3_url(url: &str) -> (String, String) {
    let url = url.trim_end_matches('/');
    let (endpoint, bucket) = url
        .rsplit_once('/')
        .filter(|(e, _)| e.contains("://") && !e.ends_with('/'))
        .unwrap_or_else(|| panic!("IMPACT_TEST_S3_URL {url:?} is not http://host:port/bucket"));
    (endpoint.to_string(), bucket.to_string())
}

/// The configuration layer that points an app at the test S3 server, under `prefix`. The local
/// server accepts any credentials.
pub fn s3_layer(url: &str, prefix: &str) -> web::config::Layer {
    let (endpoint, bucket) = split_s3_url(url);
    web::config::Layer {
        s3_bucket: Some(bucket),
        s3_endpoint: Some(endpoint),
        s3_prefix: Some(prefix.to_string()),
        s3_access_key_id: Some("impact-test".into()),
        s3_secret_access_key: Some("impact-test".into()),
        ..Default::default()
    }
}
