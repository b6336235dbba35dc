//! Two `serve` processes on one PostgreSQL database: a session opened on one node is valid on
//! the other, jobs enqueued from both run exactly once, SIGTERM stops both cleanly, and a file
//! uploaded through one node is served by the other (files in a shared folder, or in S3).
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A minimal HTTP/1.1 exchange: returns (status, headers, body).
fn http(port: u16, method: &str, path: &str, cookies: &str, body: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let content = if body.is_empty() {
        String::new()
    } else {
        format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        )
    };
    let cookie = if cookies.is_empty() {
        String::new()
    } else {
        format!("Cookie: {cookies}\r\n")
    };
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n{cookie}{content}\r\n{body}").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

/// An HTTP/1.1 exchange with raw bytes: extra header lines, a binary body back.
fn http_bytes(port: u16, method: &str, path: &str, extra: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n{extra}\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(raw.len(), |i| i + 4);
    let status = String::from_utf8_lossy(&raw[..end])
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, raw[end..].to_vec())
}

fn set_cookie(head: &str, name: &str) -> Option<String> {
    head.lines()
        .filter_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .find_map(|c| {
            c.strip_prefix(&format!("{name}="))
                .map(|v| v.split(';').next().unwrap_or("").to_string())
        })
}

struct Node {
    child: Child,
    port: u16,
}

fn start(url: &str, outbox: &std::path::Path) -> Node {
    start_with(url, outbox, &[])
}

/// A node with more flags (where its files are kept).
fn start_with(url: &str, outbox: &std::path::Path, flags: &[String]) -> Node {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_impact-studio"))
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            url,
        ])
        .args(flags)
        .env("IMPACT_S3_ACCESS_KEY_ID", "impact-test")
        .env("IMPACT_S3_SECRET_ACCESS_KEY", "impact-test")
        .env("IMPACT_OUTBOX_DIR", outbox)
        .env("IMPACT_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "node did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Node { child, port }
}

fn stop(mut node: Node) {
    let pid = node.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = node.child.try_wait().unwrap() {
            assert!(status.success(), "node exited with {status}");
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "node did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_nodes_share_sessions_and_run_each_job_once() {
    let Some(admin_url) = testkit::require_postgres_in_ci() else {
        return;
    };
    let test_db = testkit::TestDb::postgres(&admin_url).await;
    web::demo::load(&test_db.db).await.unwrap();
    let outbox = std::env::temp_dir().join(format!("impact-outbox-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outbox);
    let a = start(&test_db.url, &outbox);
    let b = start(&test_db.url, &outbox);

    // Sign in on A.
    let (_, head, _) = http(a.port, "GET", "/login", "", "");
    let csrf = set_cookie(&head, "csrf").expect("csrf cookie");
    let form = format!("email=participant%40demo.local&password=impact-demo&_csrf={csrf}");
    let (status, head, _) = http(a.port, "POST", "/login", &format!("csrf={csrf}"), &form);
    assert_eq!(status, 303);
    let session = set_cookie(&head, "session").expect("session cookie");
    let new_csrf = set_cookie(&head, "csrf").expect("rotated csrf");
    let cookies = format!("session={session}; csrf={new_csrf}");
    // The session opened on A is valid on B.
    let (status, _, body) = http(b.port, "GET", "/dashboard", &cookies, "");
    assert_eq!(status, 200);
    assert!(body.contains("Paul Porteur"));

    // Jobs enqueued through both nodes, plus a batch straight into the queue.
    for (node, email) in [
        (&a, "coach%40demo.local"),
        (&b, "manager%40demo.local"),
        (&a, "ambassador%40demo.local"),
        (&b, "admin%40demo.local"),
    ] {
        let (status, _, _) = http(
            node.port,
            "POST",
            "/password/forgot",
            &format!("csrf={csrf}"),
            &format!("email={email}&_csrf={csrf}"),
        );
        assert_eq!(status, 200);
    }
    for _ in 0..60 {
        store::jobs::enqueue(&test_db.db, "noop", "{}", None)
            .await
            .unwrap();
    }
    let started = Instant::now();
    loop {
        let counts = store::jobs::counts(&test_db.db).await.unwrap();
        let pending: i64 = counts
            .iter()
            .filter(|(s, _)| *s != store::jobs::JobStatus::Done)
            .map(|(_, n)| *n)
            .sum();
        if pending == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "jobs still pending: {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The workers' own maintenance may queue jobs too (the contacts' daily digest, …): every
    // job is claimed exactly once, and those of this test are all there.
    let jobs = store::jobs::list(&test_db.db, None, 1000).await.unwrap();
    let reset_jobs: Vec<i64> = jobs
        .iter()
        .filter(|j| j.kind == web::accounts::RESET_JOB)
        .map(|j| j.id)
        .collect();
    let noops = jobs.iter().filter(|j| j.kind == "noop").count();
    assert_eq!((reset_jobs.len(), noops), (4, 60));
    assert!(
        jobs.iter()
            .all(|j| j.status == store::jobs::JobStatus::Done && j.attempts == 1),
        "each job claimed exactly once"
    );
    // An outbox file is named after the job that sent it.
    let resets = std::fs::read_dir(&outbox)
        .unwrap()
        .filter_map(|f| f.ok()?.path().file_stem()?.to_str()?.parse::<i64>().ok())
        .filter(|id| reset_jobs.contains(id))
        .count();
    assert_eq!(resets, 4, "one e-mail per reset request");

    stop(a);
    stop(b);
    let _ = std::fs::remove_dir_all(&outbox);
}

/// Signs in on a node; returns the cookies and the CSRF token of the session.
fn sign_in(port: u16, email: &str) -> (String, String) {
    let (_, head, _) = http(port, "GET", "/login", "", "");
    let csrf = set_cookie(&head, "csrf").expect("csrf cookie");
    let form = format!("email={email}&password=impact-demo&_csrf={csrf}");
    let (status, head, _) = http(port, "POST", "/login", &format!("csrf={csrf}"), &form);
    assert_eq!(status, 303);
    let session = set_cookie(&head, "session").expect("session cookie");
    let csrf = set_cookie(&head, "csrf").expect("rotated csrf");
    (format!("session={session}; csrf={csrf}"), csrf)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_uploaded_through_one_node_is_served_by_the_other() {
    let Some(admin_url) = testkit::require_postgres_in_ci() else {
        return;
    };
    let shared = std::env::temp_dir().join(format!("impact-shared-files-{}", std::process::id()));
    let mut storages = vec![(
        "shared folder",
        vec!["--files-dir".to_string(), shared.display().to_string()],
    )];
    if let Some(s3) = testkit::require_s3_in_ci() {
        let (endpoint, bucket) = testkit::split_s3_url(&s3);
        let prefix = format!("scale-out-{}", std::process::id());
        storages.push((
            "S3",
            vec![
                "--s3-bucket".into(),
                bucket,
                "--s3-endpoint".into(),
                endpoint,
                "--s3-prefix".into(),
                prefix,
            ],
        ));
    }
    for (storage, flags) in storages {
        let test_db = testkit::TestDb::postgres(&admin_url).await;
        web::demo::load(&test_db.db).await.unwrap();
        let outbox = std::env::temp_dir().join(format!("impact-outbox-f-{}", std::process::id()));
        let a = start_with(&test_db.url, &outbox, &flags);
        let b = start_with(&test_db.url, &outbox, &flags);

        // The network team uploads the pitch video through A.
        let (cookies, csrf) = sign_in(a.port, "admin%40demo.local");
        let mut video: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        video[..4].copy_from_slice(b"\x1a\x45\xdf\xa3");
        let boundary = "scaleOutBoundary9f3a";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nfr\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"video\"; filename=\"pitch.webm\"\r\nContent-Type: video/webm\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(&video);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let (status, _) = http_bytes(
            a.port,
            "POST",
            "/admin/site/video",
            &format!(
                "Cookie: {cookies}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            ),
            &body,
        );
        assert_eq!(status, 303, "{storage}: upload through A");

        // B's landing plays it, and B serves it, in ranges too.
        let (status, _, home) = http(b.port, "GET", "/", "", "");
        assert_eq!(status, 200);
        let src = home
            .split("src=\"")
            .find(|s| s.starts_with("/media/"))
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("{storage}: B's landing plays the video"))
            .to_string();
        let (status, whole) = http_bytes(b.port, "GET", &src, "", b"");
        assert_eq!(
            status, 200,
            "{storage}: B serves the file uploaded through A"
        );
        assert_eq!(whole, video, "{storage}");
        let (status, part) = http_bytes(b.port, "GET", &src, "Range: bytes=1000-1999\r\n", b"");
        assert_eq!(status, 206, "{storage}");
        assert_eq!(part, &video[1000..2000], "{storage}");

        stop(a);
        stop(b);
        let _ = std::fs::remove_dir_all(&outbox);
    }
    let _ = std::fs::remove_dir_all(&shared);
}
