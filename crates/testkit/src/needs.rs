//! What a test needs from the machine it runs on: a browser, PostgreSQL, poppler's `pdftotext`,
//! a fixture shared from outside the repository. Outside CI a missing one skips the test with a
//! note saying why; in CI (`CI=true`) it fails the test, so no check passes there unchecked.

/// Whether this run is CI (`CI=true`), where nothing a test needs may be missing.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Says `why` a test cannot check what it should: fails it in CI, prints a note elsewhere (the
/// caller then skips what needed it).
pub fn missing(why: &str) {
    if in_ci() {
        panic!("CI=true but {why}");
    }
    eprintln!("note: skipped: {why}");
}

/// What a test needs, or `None` after [`missing`] when it cannot be had.
pub fn needed<T>(found: Result<T, String>) -> Option<T> {
    found.map_err(|why| missing(&why)).ok()
}

/// The text of a PDF as poppler's `pdftotext` reads it, whitespace collapsed: how tests check
/// what a document says. `None` when poppler is not installed (see [`needed`]).
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    needed(read_pdf(pdf))
}

fn read_pdf(pdf: &[u8]) -> Result<String, String> {
    let path = std::env::temp_dir().join(format!("impact-pdf-{}.pdf", crate::db::unique_name()));
    std::fs::write(&path, pdf).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    match out {
        Ok(out) if out.status.success() => Ok(String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")),
        Ok(out) => Err(format!(
            "pdftotext failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )),
        Err(e) => Err(format!(
            "pdftotext (poppler-utils) cannot run: {e}; PDF text not checked"
        )),
    }
}

/// A file kept outside the repository (`../shared/…` beside the checkout), such as the
/// studio's own roadmap, read whole.
pub fn shared_fixture(relative: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    needed(
        std::fs::read_to_string(&path)
            .map_err(|e| format!("the shared fixture {} cannot be read: {e}", path.display())),
    )
}
