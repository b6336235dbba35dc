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
    std::fs::write("/tmp/landing.html", &page).ok();
    println!(
        "landing HTML: {html} bytes ({enc}), {} bytes uncompressed",
        page.len()
    );
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

    // 3. Throughput against hello world, same run, same concurrency: over TCP with wrk when it
    // is installed (runs alternate between the two, and the median of the rounds' ratios is
    // kept, as wrk and the server share the machine's cores), else in process only.
    let hello = axum::Router::new().route("/", axum::routing::get(|| async { "Hello, world!" }));
    let site = web::router(app.state.clone());
    let visitors = [
        ("new visitor, no cookie", vec![]),
        (
            "returning visitor with a language cookie, as a browser asks (gzip)",
            vec![
                "Cookie: lang=fr".to_string(),
                "Accept-Encoding: gzip".to_string(),
            ],
        ),
    ];
    for (who, headers) in visitors {
        if let Some(rounds) = over_tcp(hello.clone(), site.clone(), &headers).await {
            let mut ratios: Vec<f64> = rounds.iter().map(|(h, l)| l / h).collect();
            ratios.sort_by(f64::total_cmp);
            let shown: Vec<String> = rounds
                .iter()
                .map(|(h, l)| format!("{l:.0}/{h:.0}"))
                .collect();
            println!(
                "throughput over TCP, {who} (wrk -t2 -c64 -d{WRK_SECONDS}s, {ROUNDS} rounds of landing/hello req/s: {}): median {:.0} % of hello world (target ≥ 50 %)",
                shown.join(", "),
                ratios[ratios.len() / 2] * 100.0
            );
        }
    }
    let _ = throughput(site.clone(), "/").await; // warm-up
    let hello_rps = throughput(hello, "/").await;
    let landing_rps = throughput(site, "/").await;
    println!(
        "throughput in process ({TASKS} concurrent loops × {EACH}, no socket, no HTTP parsing): hello world {hello_rps:.0} req/s, landing {landing_rps:.0} req/s = {:.0} %",
        landing_rps / hello_rps * 100.0
    );
}

const ROUNDS: usize = 5;
const WRK_SECONDS: u32 = 3;

/// Serves both routers on 127.0.0.1 and measures them with wrk, in alternating rounds: each
/// round's (hello, landing) requests per second; `None` without wrk.
async fn over_tcp(
    hello: axum::Router,
    site: axum::Router,
    headers: &[String],
) -> Option<Vec<(f64, f64)>> {
    std::process::Command::new("wrk")
        .arg("--version")
        .output()
        .ok()?;
    let mut urls = Vec::new();
    let mut servers = Vec::new();
    for router in [hello, site] {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.ok()?;
        urls.push(format!("http://{}/", listener.local_addr().ok()?));
        servers.push(tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            let _ = axum::serve(listener, service).await;
        }));
    }
    let mut rounds = Vec::new();
    for _ in 0..ROUNDS {
        let mut round = Vec::new();
        for url in &urls {
            let mut args = vec![
                "-t2".to_string(),
                "-c64".to_string(),
                format!("-d{WRK_SECONDS}s"),
            ];
            for h in headers {
                args.push("-H".into());
                args.push(h.clone());
            }
            args.push(url.clone());
            let run = tokio::task::spawn_blocking(move || {
                std::process::Command::new("wrk").args(&args).output()
            })
            .await
            .ok()?
            .ok()?;
            let text = String::from_utf8_lossy(&run.stdout).to_string();
            if text.contains("Non-2xx") {
                eprintln!("wrk saw errors: {text}");
            }
            round.push(
                text.lines()
                    .find_map(|l| l.strip_prefix("Requests/sec:"))
                    .and_then(|v| v.trim().parse::<f64>().ok())?,
            );
        }
        rounds.push((round[0], round[1]));
    }
    for s in servers {
        s.abort();
    }
    Some(rounds)
}
