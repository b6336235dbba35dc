//! Uploaded files on every storage: a local folder always, the test S3 server when
//! `IMPACT_TEST_S3_URL` is set (required in CI). A video uploaded by the network team is served
//! in ranges with the right bytes; disguised and oversized uploads are refused beside their field.
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use testkit::{Client, Files, TestApp, TestDb, TestResponse, databases, storages};

async fn range(c: &mut Client, path: &str, value: Option<&str>) -> TestResponse {
    let mut req = Request::get(path);
    if let Some(v) = value {
        req = req.header(header::RANGE, v);
    }
    c.request(req.body(Body::empty()).unwrap()).await
}

/// A WebM-looking file of `len` bytes whose every byte says where it is.
fn video(len: usize) -> Vec<u8> {
    let mut data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
    data[..4].copy_from_slice(b"\x1a\x45\xdf\xa3");
    data
}

async fn admin(app: &TestApp) -> Client {
    let mut admin = app.client();
    admin.login("admin@demo.local", "impact-demo").await;
    admin
}

/// Uploads the pitch video and returns the address the landing plays it from.
async fn upload_pitch(app: &TestApp, data: &[u8]) -> String {
    let mut admin = admin(app).await;
    let r = admin
        .post_multipart(
            "/admin/site/video",
            &[("lang", "fr")],
            Some(("video", "pitch.webm", data)),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let home = app.client().get("/").await.body;
    home.split("src=\"")
        .find(|s| s.starts_with("/media/"))
        .and_then(|s| s.split('"').next())
        .expect("the landing plays the uploaded video")
        .to_string()
}

#[tokio::test]
async fn a_video_is_served_in_ranges_from_every_storage() {
    for files in storages() {
        let db = TestDb::sqlite().await;
        web::demo::load(&db.db).await.unwrap();
        let app = TestApp::with_files(db, files.clone()).await;
        assert_eq!(
            matches!(app.state.files, web::storage::Storage::S3 { .. }),
            matches!(files, Files::S3(_))
        );
        // Over 1 MB: several chunks of the local reader, several parts from S3.
        let data = video(1_200_000);
        let len = data.len();
        let src = upload_pitch(&app, &data).await;
        // Over the 1 MB kept in memory, it went through a temporary file, moved or removed.
        assert_eq!(files_in(&app.state.config.files_dir.join(".incoming")), 0);
        let mut v = app.client();

        let full = range(&mut v, &src, None).await;
        assert_eq!(full.status, StatusCode::OK, "{files:?}");
        assert_eq!(full.bytes, data);
        assert_eq!(full.header("accept-ranges"), Some("bytes"));
        assert_eq!(full.header("content-type"), Some("video/webm"));
        assert_eq!(
            full.header("content-length"),
            Some(len.to_string().as_str())
        );

        let first = range(&mut v, &src, Some("bytes=0-99")).await;
        assert_eq!(first.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(first.bytes, &data[..100]);
        assert_eq!(
            first.header("content-range"),
            Some(format!("bytes 0-99/{len}").as_str())
        );
        let middle = range(&mut v, &src, Some("bytes=262000-700000")).await;
        assert_eq!(middle.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(middle.bytes, &data[262_000..=700_000]);
        assert_eq!(middle.header("content-length"), Some("438001"));
        let suffix = range(&mut v, &src, Some("bytes=-1000")).await;
        assert_eq!(suffix.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(suffix.bytes, &data[len - 1000..]);
        assert_eq!(
            suffix.header("content-range"),
            Some(format!("bytes {}-{}/{len}", len - 1000, len - 1).as_str())
        );
        let open = range(&mut v, &src, Some("bytes=1000000-")).await;
        assert_eq!(open.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(open.bytes, &data[1_000_000..]);
        let past = range(&mut v, &src, Some(&format!("bytes={len}-"))).await;
        assert_eq!(past.status, StatusCode::RANGE_NOT_SATISFIABLE);
        assert_eq!(
            past.header("content-range"),
            Some(format!("bytes */{len}").as_str())
        );
        // Several ranges: the whole file (a server may ignore such a list).
        let several = range(&mut v, &src, Some("bytes=0-9,20-29")).await;
        assert_eq!(several.status, StatusCode::OK);
        assert_eq!(several.bytes.len(), len);
        // A key that was never stored is not found, on every storage.
        let missing = range(&mut v, "/media/0123456789abcdef0123456789abcdef.webm", None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);

        // Stored and read back through the same storage as every other upload.
        let key = web::upload::store_file(&app.state, b"%PDF-1.7 preuve")
            .await
            .unwrap();
        assert_eq!(
            web::upload::read_file(&app.state, &key).await.unwrap(),
            b"%PDF-1.7 preuve"
        );
        assert!(
            web::upload::read_file(&app.state, "../../etc/passwd")
                .await
                .is_err()
        );
        app.state.db.close().await;
    }
}

#[tokio::test]
async fn disguised_and_oversized_uploads_are_refused_beside_their_field() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = admin(&app).await;
        // A web page named like a video.
        let r = admin
            .post_multipart(
                "/admin/site/video",
                &[("lang", "fr")],
                Some((
                    "video",
                    "pitch.mp4",
                    b"<!DOCTYPE html><script>alert(1)</script>",
                )),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-video-error\""), "{}", r.body);
        assert!(r.body.contains("pas une vidéo MP4 ou WebM"));
        // A real video over the media limit (2 MB in tests): read as a stream, it ends with 413
        // as soon as the limit is passed, its temporary file removed and nothing stored.
        let before = files_in(&app.state.config.files_dir);
        let r = admin
            .post_multipart(
                "/admin/site/video",
                &[("lang", "fr")],
                Some(("video", "pitch.webm", &video(2 * 1024 * 1024 + 10))),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(files_in(&app.state.config.files_dir.join(".incoming")), 0);
        assert_eq!(files_in(&app.state.config.files_dir), before);
        // Captions that are not WebVTT.
        let r = admin
            .post_multipart_files(
                "/admin/site/video",
                &[("lang", "fr")],
                &[
                    ("video", "pitch.webm", &video(1000)),
                    ("captions", "fr.vtt", b"<script>alert(1)</script>"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-captions-error\""));

        // Evidence of a session: a page under a PDF name, then a PDF over the document limit.
        let project = store::projects::for_centre(&app.state.db, 1, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "La Recyclerie des Pentes")
            .expect("demo project")
            .id;
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let path = format!("/projects/{project}/sessions");
        let r = coach
            .post_multipart(
                &path,
                &[
                    ("held_on", "2026-11-20"),
                    ("shared_notes", "Point sur le local"),
                ],
                Some((
                    "attachment",
                    "scan.pdf",
                    b"<html><body>pas un PDF</body></html>",
                )),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-attachment-error\""));
        assert!(r.body.contains("pas un document accepté"));
        assert!(
            r.body.contains("Point sur le local"),
            "what was typed stays"
        );
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(1024 * 1024 + 10, b' ');
        let r = coach
            .post_multipart(
                &path,
                &[("held_on", "2026-11-20")],
                Some(("attachment", "scan.pdf", &pdf)),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("dépasse la limite de 1\u{a0}Mo"));
        assert!(
            store::tracking::attachments(&app.state.db, project)
                .await
                .unwrap()
                .is_empty(),
            "nothing refused was kept"
        );
        app.state.db.close().await;
    }
}

/// How many files a folder and its subfolders hold (none when it does not exist).
fn files_in(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                files_in(&e.path())
            } else {
                1
            }
        })
        .sum()
}

#[tokio::test]
async fn temporary_upload_files_left_by_a_crash_are_removed_after_an_hour() {
    let app = TestApp::with_files(TestDb::sqlite().await, Files::Local).await;
    let spool = app.state.config.files_dir.join(".incoming");
    std::fs::create_dir_all(&spool).unwrap();
    let now = std::time::SystemTime::now();
    let old = spool.join("0000000000000000000000000000dead");
    let fresh = spool.join("0000000000000000000000000000beef");
    for (path, age) in [(&old, 3_700), (&fresh, 600)] {
        let file = std::fs::File::create(path).unwrap();
        file.set_modified(now - std::time::Duration::from_secs(age))
            .unwrap();
    }
    assert_eq!(web::streamed_upload::remove_stale(&app.state, now).await, 1);
    assert!(!old.exists(), "a file over an hour old is removed");
    assert!(
        fresh.exists(),
        "an upload that may still be writing is kept"
    );
    // Nothing to do the second time; a missing folder is no error.
    assert_eq!(web::streamed_upload::remove_stale(&app.state, now).await, 0);
    std::fs::remove_dir_all(&spool).unwrap();
    assert_eq!(web::streamed_upload::remove_stale(&app.state, now).await, 0);
    app.state.db.close().await;
}
