//! Video serving benchmark on loopback: a ~50 MB video served by the app (the landing's
//! `/media/…` and a lesson's `/learn/lessons/{id}/video`, signed in, both streamed from the file
//! storage with range support) against plain static servers of the same file:
//! `python3 -m http.server` (no ranges: whole files only), and the same bytes answered from
//! memory by a bare axum route with the same range code (the ceiling of the HTTP stack).
//! Measured with `wrk` (whole-file GETs) when installed, and with a loop of 1 MB range reads. Run with `cargo run --release -p testkit --example bench_video`;
//! with `IMPACT_TEST_S3_URL` set, the app keeps its files on that S3 server instead.
use axum::body::Bytes;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use testkit::{Files, TestApp, TestDb};

const SIZE: usize = 50 * 1024 * 1024;
const RANGE: usize = 1024 * 1024;
const TASKS: usize = 4;
const SECONDS: u64 = 8;

/// The session cookie sent to the app's signed-in pages (a lesson's video).
static COOKIE: OnceLock<String> = OnceLock::new();

fn cookie_for(path: &str) -> Option<&'static str> {
    COOKIE
        .get()
        .filter(|_| path.starts_with("/learn/"))
        .map(String::as_str)
}

fn video() -> Vec<u8> {
    let mut data: Vec<u8> = (0..SIZE).map(|i| (i % 251) as u8).collect();
    data[..4].copy_from_slice(b"\x1a\x45\xdf\xa3");
    data
}

/// One GET over a fresh connection; returns the body length.
fn get(addr: &str, path: &str, range: Option<(usize, usize)>) -> usize {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let range = range
        .map(|(a, b)| format!("Range: bytes={a}-{b}\r\n"))
        .unwrap_or_default();
    let cookie = cookie_for(path)
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{range}{cookie}\r\n"
    )
    .expect("write");
    let mut raw = Vec::with_capacity(RANGE + 1024);
    stream.read_to_end(&mut raw).expect("read");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers")
        + 4;
    assert!(
        raw.starts_with(b"HTTP/1.1 206") || raw.starts_with(b"HTTP/1.0 206"),
        "{path}: {}",
        String::from_utf8_lossy(&raw[..end.min(200)])
    );
    raw.len() - end
}

/// MB/s of `TASKS` threads reading 1 MB ranges at moving offsets for `SECONDS`.
fn range_loop(addr: &str, path: &str) -> f64 {
    let until = Instant::now() + Duration::from_secs(SECONDS);
    let started = Instant::now();
    let threads: Vec<_> = (0..TASKS)
        .map(|t| {
            let (addr, path) = (addr.to_string(), path.to_string());
            std::thread::spawn(move || {
                let mut bytes = 0usize;
                let mut n = t * 7;
                while Instant::now() < until {
                    let start = (n * 3_333_333) % (SIZE - RANGE);
                    bytes += get(&addr, &path, Some((start, start + RANGE - 1)));
                    n += 1;
                }
                bytes
            })
        })
        .collect();
    let total: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    total as f64 / started.elapsed().as_secs_f64() / 1e6
}

/// `wrk`'s transfer rate (MB/s) and requests/s for whole-file GETs, if `wrk` is installed.
fn wrk(url: &str, path: &str) -> Option<(f64, f64)> {
    let mut command = std::process::Command::new("wrk");
    command.args([
        "-t2",
        &format!("-c{TASKS}"),
        &format!("-d{SECONDS}s"),
        "--timeout",
        "30s",
    ]);
    if let Some(c) = cookie_for(path) {
        command.args(["-H", &format!("Cookie: {c}")]);
    }
    let out = command.arg(url).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| -> Option<String> {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_string()))
    };
    let rps: f64 = field("Requests/sec:")?.parse().ok()?;
    let transfer = field("Transfer/sec:")?;
    let (num, unit) = transfer.split_at(transfer.len() - 2);
    let mb = num.parse::<f64>().ok()?
        * match unit {
            "GB" => 1024.0 * 1.048_576,
            "MB" => 1.048_576,
            "KB" => 1.048_576 / 1024.0,
            _ => 1e-6,
        };
    Some((mb, rps))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for(addr: &str) {
    let started = Instant::now();
    while TcpStream::connect(addr).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{addr} never answered"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Line {
    name: &'static str,
    wrk: Option<(f64, f64)>,
    ranges: Option<f64>,
}

/// Whole-file GETs with `wrk`, and range reads when the server answers ranges.
fn measure(name: &'static str, addr: &str, path: &str, ranges: bool) -> Line {
    let ranges = ranges.then(|| range_loop(addr, path));
    let wrk = wrk(&format!("http://{addr}{path}"), path);
    Line { name, wrk, ranges }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let files = testkit::s3_url().map_or(Files::Local, Files::S3);
    let db = TestDb::sqlite().await;
    web::demo::load(&db.db).await.expect("demo data");
    let app = TestApp::with_files(db, files.clone()).await;
    // The landing's pitch video: uploaded as a small WebM, then replaced in the storage by the
    // 50 MB file under the same key (uploads through the form stop at the test media limit).
    let mut admin = app.client();
    admin.login("admin@demo.local", "impact-demo").await;
    let r = admin
        .post_multipart(
            "/admin/site/video",
            &[("lang", "fr")],
            Some(("video", "pitch.webm", b"\x1a\x45\xdf\xa3 webm")),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let home = app.client().get("/").await.body;
    let src = home
        .split("src=\"")
        .find(|s| s.starts_with("/media/"))
        .and_then(|s| s.split('"').next())
        .expect("the landing plays the video")
        .to_string();
    let key = src
        .trim_start_matches("/media/")
        .split('.')
        .next()
        .unwrap()
        .to_string();
    let data = Bytes::from(video());
    app.state.files.put(&key, data.clone()).await.expect("put");
    // A demo lesson plays the same stored file, for the network team signed in.
    let q = store::learning::CatalogueQuery {
        centres: ",",
        drafts: false,
        search: "",
        tag: Some("bases"),
    };
    let course = store::learning::catalogue(&app.state.db, &q).await.unwrap()[0].id;
    let lesson = store::learning::outline(&app.state.db, course, 0)
        .await
        .unwrap()
        .into_iter()
        .find_map(|r| r.lesson_id)
        .expect("a demo lesson");
    store::learning::set_media(
        &app.state.db,
        lesson,
        store::learning::Media::Video,
        &key,
        "video/webm",
    )
    .await
    .expect("lesson video");
    let lesson_src = format!("/learn/lessons/{lesson}/video");
    let _ = COOKIE.set(admin.cookie_header());

    // The app on a real socket.
    let app_port = free_port();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", app_port))
        .await
        .unwrap();
    let router = web::router(app.state.clone());
    tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let _ = axum::serve(listener, service).await;
    });
    // The same bytes from memory through a bare axum route.
    let mem_port = free_port();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", mem_port))
        .await
        .unwrap();
    let bytes = data.clone();
    let bare = axum::Router::new().route(
        "/video.webm",
        axum::routing::get(move |headers: axum::http::HeaderMap| {
            let bytes = bytes.clone();
            async move {
                web::range::respond(web::range::Source::Memory(bytes), &headers)
                    .await
                    .unwrap()
            }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, bare).await;
    });
    // python3 -m http.server over a folder holding the same file.
    let dir = std::env::temp_dir().join(format!("impact-bench-video-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("video.webm"), &data).unwrap();
    let py_port = free_port();
    let mut python = std::process::Command::new("python3")
        .args([
            "-m",
            "http.server",
            &py_port.to_string(),
            "--bind",
            "127.0.0.1",
        ])
        .current_dir(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok();

    let app_addr = format!("127.0.0.1:{app_port}");
    let mem_addr = format!("127.0.0.1:{mem_port}");
    let py_addr = format!("127.0.0.1:{py_port}");
    wait_for(&app_addr);
    wait_for(&mem_addr);
    let lines = tokio::task::spawn_blocking(move || {
        let mut lines = vec![
            measure("app /media (storage)", &app_addr, &src, true),
            measure("app lesson video", &app_addr, &lesson_src, true),
        ];
        lines.push(measure(
            "bare axum, from memory",
            &mem_addr,
            "/video.webm",
            true,
        ));
        if python.is_some() {
            wait_for(&py_addr);
            lines.push(measure(
                "python3 -m http.server",
                &py_addr,
                "/video.webm",
                false,
            ));
        }
        if let Some(p) = python.as_mut() {
            let _ = p.kill();
            let _ = p.wait();
        }
        lines
    })
    .await
    .unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    println!(
        "video: {} MB file, storage {}, {TASKS} connections, {SECONDS} s each",
        SIZE / (1024 * 1024),
        match files {
            Files::Local => "local folder",
            Files::S3(_) => "S3",
        }
    );
    println!(
        "{:<26} {:>16} {:>12} {:>22}",
        "server", "wrk whole MB/s", "wrk req/s", "1 MB ranges MB/s"
    );
    for l in &lines {
        let (mb, rps) = l.wrk.map_or(("-".into(), "-".into()), |(mb, rps)| {
            (format!("{mb:.0}"), format!("{rps:.1}"))
        });
        let ranges = l.ranges.map_or("-".into(), |r| format!("{r:.0}"));
        println!("{:<26} {mb:>16} {rps:>12} {ranges:>22}", l.name);
    }
    for (app, other) in lines[..2]
        .iter()
        .flat_map(|a| lines[2..].iter().map(move |o| (a, o)))
    {
        let whole = match (app.wrk, other.wrk) {
            (Some((a, _)), Some((o, _))) => format!("{:.0} %", a / o * 100.0),
            _ => "-".into(),
        };
        let ranges = match (app.ranges, other.ranges) {
            (Some(a), Some(o)) => format!("{:.0} %", a / o * 100.0),
            _ => "-".into(),
        };
        println!(
            "{} vs {}: whole file {whole}, 1 MB ranges {ranges}",
            app.name, other.name
        );
    }
}
