//! The signed-in pages' benchmark, on SQLite with the demo data, over TCP with `wrk` against an
//! axum hello world measured in the same run (alternating rounds, median share kept, as wrk and
//! the server share the machine's cores). Run with
//! `cargo run --release -p testkit --example bench_pages`; it prints one Markdown row per page:
//! requests/s, p50 and p99 at 64 connections and the share of hello world (of the round whose
//! share is the median), the HTML size and the SQL statements the request ran (the server's
//! `x-sql-statements` header, on a second request, caches warm).
//! `BENCH_SECONDS` (default 2) and `BENCH_ROUNDS` (default 3) set the length.
use std::process::Command;
use testkit::{Client, TestApp, TestDb};

struct Measure {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

/// `12.34ms`, `850.00us`, `1.20s` → milliseconds.
fn millis(text: &str) -> Option<f64> {
    let text = text.trim();
    let (number, scale) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    number.trim().parse::<f64>().ok().map(|v| v * scale)
}

fn wrk(url: &str, cookie: Option<&str>, seconds: u32) -> Option<Measure> {
    let mut args = vec![
        "-t2".to_string(),
        "-c64".to_string(),
        format!("-d{seconds}s"),
        "--latency".to_string(),
    ];
    if let Some(c) = cookie {
        args.push("-H".into());
        args.push(format!("Cookie: {c}"));
    }
    args.push(url.to_string());
    let out = Command::new("wrk").args(&args).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    if text.contains("Non-2xx") {
        eprintln!("wrk saw errors on {url}:\n{text}");
    }
    let percentile = |p: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(p))
            .and_then(millis)
    };
    Some(Measure {
        rps: text
            .lines()
            .find_map(|l| l.strip_prefix("Requests/sec:"))
            .and_then(|v| v.trim().parse().ok())?,
        p50_ms: percentile("50%")?,
        p99_ms: percentile("99%")?,
    })
}

async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let _ = axum::serve(listener, service).await;
    });
    url
}

fn env_number(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("bench_pages needs wrk (apt-get install wrk)");
        std::process::exit(1);
    }
    let seconds = env_number("BENCH_SECONDS", 2);
    let rounds = env_number("BENCH_ROUNDS", 3) as usize;
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let db = app.state.db.clone();
    let hello =
        serve(axum::Router::new().route("/", axum::routing::get(|| async { "Hello, world!" })))
            .await;
    let site = serve(web::router(app.state.clone())).await;

    // The pages each role works in, with the ids of the demo data.
    let user = |email: &'static str| {
        let db = db.clone();
        async move {
            store::accounts::find_user_by_email(&db, email)
                .await
                .expect("lookup")
                .expect("demo user")
                .id
        }
    };
    let participant = user("participant@demo.local").await;
    let project = store::projects::for_user(&db, participant)
        .await
        .expect("projects")[0]
        .id;
    let canvas = store::canvas::for_project(&db, project)
        .await
        .expect("canvases")[0]
        .id;
    let studio_roadmap = store::roadmaps::for_centre(&db, 1).await.expect("roadmaps")[0].id;
    let pages: Vec<(&str, String)> = vec![
        ("participant@demo.local", "/dashboard".into()),
        ("participant@demo.local", "/projects".into()),
        ("participant@demo.local", format!("/projects/{project}")),
        ("participant@demo.local", "/projects/new".into()),
        (
            "participant@demo.local",
            format!("/projects/{project}/settings"),
        ),
        ("participant@demo.local", format!("/canvases/{canvas}")),
        ("coach@demo.local", "/dashboard".into()),
        ("coach@demo.local", format!("/projects/{project}")),
        ("manager@demo.local", "/dashboard".into()),
        ("manager@demo.local", format!("/roadmaps/{studio_roadmap}")),
        (
            "manager@demo.local",
            format!("/roadmaps/{studio_roadmap}/periods/0/0"),
        ),
        ("manager@demo.local", "/impact/report".into()),
        ("manager@demo.local", "/admin/diagnostics".into()),
        ("admin@demo.local", "/dashboard".into()),
        ("admin@demo.local", "/impact/report".into()),
        ("participant@demo.local", "/offres".into()),
    ];

    println!(
        "| role | page | req/s | p50 | p99 | share of hello world | HTML | SQL |\n|---|---|---|---|---|---|---|---|"
    );
    for (email, path) in pages {
        let mut c: Client = app.client();
        c.login(email, "impact-demo").await;
        let cookie = format!("session={}", c.cookie("session").expect("session cookie"));
        let page = c.get(&path).await;
        assert_eq!(page.status, axum::http::StatusCode::OK, "{email} {path}");
        // Counted by the server: the statements of this one request (caches warm after it).
        let statements = c
            .get(&path)
            .await
            .header("x-sql-statements")
            .unwrap_or("?")
            .to_string();
        let url = format!("{site}{path}");
        // Each round: hello world, then the page; the round with the median share is shown.
        let mut runs = Vec::new();
        for _ in 0..rounds {
            let h = wrk(&format!("{hello}/"), None, seconds).expect("wrk hello");
            let m = wrk(&url, Some(&cookie), seconds).expect("wrk page");
            runs.push((m.rps / h.rps, m));
        }
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (share, m) = runs.swap_remove(runs.len() / 2);
        let role = email.split('@').next().unwrap_or(email);
        println!(
            "| {role} | `{path}` | {:.0} | {:.2} ms | {:.2} ms | {:.1} % | {:.1} KB | {statements} |",
            m.rps,
            m.p50_ms,
            m.p99_ms,
            share * 100.0,
            page.body.len() as f64 / 1024.0
        );
    }
}
