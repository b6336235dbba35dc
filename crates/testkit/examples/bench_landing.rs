//! Landing page benchmark, in process (the whole HTTP stack without the socket), on SQLite with
//! the demo data. Run with `cargo run --release -p testkit --example bench_landing`; it prints:
//! the bytes a first visit transfers (HTML + CSS + JS + images, gzip as served), the server time
//! of the landing page (p50, p99) and its throughput against a hello-world route in the same run.
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use std::time::{Duration, Instant};
use testkit::{Client, TestApp, TestDb};
use tower::ServiceExt;

const TASKS: usize = 8;
const EACH: usize = 2_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

async fn gzip_get(c: &mut Client, path: &str) -> (usize, String) {
    let req = Request::get(path)
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let r = c.request(req).await;
    assert_eq!(r.status, StatusCode::OK, "{path}");
    (
        r.bytes.len(),
        r.header("content-encoding")
            .unwrap_or("identity")
            .to_string(),
    )
}

/// Requests per second of `TASKS` concurrent loops of `EACH` GETs through `router`.
async fn throughput(router: axum::Router, path: &'static str) -> f64 {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..TASKS {
        let router = router.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..EACH {
                let r = router
                    .clone()
                    .oneshot(Request::get(path).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                assert_eq!(r.status(), StatusCode::OK);
                let _ = axum::body::to_bytes(r.into_body(), usize::MAX)
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    (TASKS * EACH) as f64 / started.elapsed().as_secs_f64()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let mut c = app.client();

    // 1. First visit: the page, then what it links to (one CSS, one JS, the icon).
    let (html, enc) = gzip_get(&mut c, "/").await;
    let page = c.get("/").await.body;
    let mut total = html;
    println!("landing HTML: {html} bytes ({enc})");
    let mut assets: Vec<String> = page
        .split(['"', '\''])
        .filter(|s| s.starts_with("/assets/") && !s.contains("og-image"))
        .map(str::to_string)
        .collect();
    assets.sort();
    assets.dedup();
    for a in &assets {
        let (n, enc) = gzip_get(&mut c, a).await;
        println!("  {a}: {n} bytes ({enc})");
        total += n;
    }
    println!(
        "landing first load: {total} bytes = {:.1} KB transferred (target < 100 KB; no web fonts, images are inline SVG)",
        total as f64 / 1024.0
    );

    // 2. Server time of the landing page for an anonymous visitor.
    let mut times = Vec::new();
    for _ in 0..3_000 {
        let t = Instant::now();
        let r = c.get("/").await;
        times.push(t.elapsed());
        assert_eq!(r.status, StatusCode::OK);
    }
    times.sort();
    println!(
        "landing server time (in process, {} requests): p50 {}, p99 {} (target p99 < 5 ms)",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99))
    );

    // 3. Throughput against hello world, same run, same concurrency: over TCP with wrk (each
    // request a new visitor: no cookies) when it is installed, else in process.
    let hello = axum::Router::new().route("/", axum::routing::get(|| async { "Hello, world!" }));
    let site = web::router(app.state.clone());
    if let Some((hello_rps, landing_rps)) = over_tcp(hello.clone(), site.clone(), None).await {
        println!(
            "throughput over TCP (wrk -t2 -c64 -d5s, new visitor each request): hello world {hello_rps:.0} req/s, landing {landing_rps:.0} req/s = {:.0} % (target ≥ 50 %)",
            landing_rps / hello_rps * 100.0
        );
    }
    let returning = format!("Cookie: csrf={}", "a".repeat(43));
    if let Some((hello_rps, landing_rps)) =
        over_tcp(hello.clone(), site.clone(), Some(&returning)).await
    {
        println!(
            "throughput over TCP (wrk -t2 -c64 -d5s, returning visitor with a CSRF cookie): hello world {hello_rps:.0} req/s, landing {landing_rps:.0} req/s = {:.0} %",
            landing_rps / hello_rps * 100.0
        );
    }
    let _ = throughput(site.clone(), "/").await; // warm-up
    let hello_rps = throughput(hello, "/").await;
    let landing_rps = throughput(site, "/").await;
    println!(
        "throughput in process ({TASKS} concurrent loops × {EACH}, no socket, no HTTP parsing): hello world {hello_rps:.0} req/s, landing {landing_rps:.0} req/s = {:.0} %",
        landing_rps / hello_rps * 100.0
    );
}

/// Serves both routers on 127.0.0.1 and measures each with wrk; `None` without wrk.
async fn over_tcp(
    hello: axum::Router,
    site: axum::Router,
    header: Option<&str>,
) -> Option<(f64, f64)> {
    std::process::Command::new("wrk")
        .arg("--version")
        .output()
        .ok()?;
    let mut out = Vec::new();
    for router in [hello, site] {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.ok()?;
        let addr = listener.local_addr().ok()?;
        let server = tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            let _ = axum::serve(listener, service).await;
        });
        let url = format!("http://{addr}/");
        let mut args: Vec<String> = ["-t2", "-c64", "-d5s"].map(String::from).to_vec();
        if let Some(h) = header {
            args.push("-H".into());
            args.push(h.to_string());
        }
        args.push(url);
        let run = tokio::task::spawn_blocking(move || {
            std::process::Command::new("wrk").args(&args).output()
        })
        .await
        .ok()?
        .ok()?;
        server.abort();
        let text = String::from_utf8_lossy(&run.stdout).to_string();
        let rps = text
            .lines()
            .find_map(|l| l.strip_prefix("Requests/sec:"))
            .and_then(|v| v.trim().parse::<f64>().ok())?;
        if text.contains("Non-2xx") {
            eprintln!("wrk saw errors: {text}");
        }
        out.push(rps);
    }
    Some((out[0], out[1]))
}
