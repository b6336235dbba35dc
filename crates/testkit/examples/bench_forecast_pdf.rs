//! Time of the forecast's files over HTTP, in process, on the demo recyclerie's 3-year plan:
//! the business plan PDF (target < 500 ms) and the workbook (target < 200 ms). The first PDF
//! loads the fonts; the figure is the median of the runs after it.
//! `cargo run --release -p testkit --example bench_forecast_pdf` (the recompute's time is
//! `cargo run --release -p domain --example forecast_bench`).
use axum::http::StatusCode;
use std::time::{Duration, Instant};
use testkit::{TestApp, TestDb};

const RUNS: usize = 10;

async fn timed(c: &mut testkit::Client, path: &str) -> (Duration, Duration, usize) {
    let started = Instant::now();
    let first = c.get(path).await;
    assert_eq!(first.status, StatusCode::OK, "{path}");
    let cold = started.elapsed();
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let answer = c.get(path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        times.push(started.elapsed());
    }
    times.sort();
    (cold, times[RUNS / 2], first.bytes.len())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let project = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .expect("projects")
        .into_iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .expect("the demo recyclerie")
        .id;
    let mut c = app.client();
    c.login("participant@demo.local", "impact-demo").await;
    for (file, target) in [("business-plan.pdf", "500 ms"), ("forecast.xlsx", "200 ms")] {
        let path = format!("/projects/{project}/forecast/{file}");
        let (cold, median, bytes) = timed(&mut c, &path).await;
        println!(
            "{file}: {bytes} bytes; first {:.1} ms, median of {RUNS} {:.1} ms (target < {target})",
            cold.as_secs_f64() * 1000.0,
            median.as_secs_f64() * 1000.0
        );
    }
}
