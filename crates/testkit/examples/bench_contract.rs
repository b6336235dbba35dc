//! Time of the contract PDF over HTTP, in process, on the demo's signed licence contract of the
//! Die micro-centre (its text, the fingerprint and both signatures): target < 300 ms. The first
//! PDF loads the fonts; the figure is the median (and the slowest) of the runs after it.
//! `cargo run --release -p testkit --example bench_contract`
use axum::http::StatusCode;
use std::time::{Duration, Instant};
use testkit::{TestApp, TestDb};

const RUNS: usize = 20;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let die = store::centres::find_by_slug(&app.state.db, "micro-centre-die")
        .await
        .expect("centre lookup")
        .expect("the Die micro-centre")
        .id;
    let contract = store::contracts::of_centre(&app.state.db, die)
        .await
        .expect("contracts")
        .into_iter()
        .find(|c| !c.is_amendment())
        .expect("the demo licence contract")
        .id;
    let mut c = app.client();
    c.login("manager.die@demo.local", "impact-demo").await;
    let path = format!("/contrats/{contract}/contrat.pdf");
    let started = Instant::now();
    let first = c.get(&path).await;
    assert_eq!(first.status, StatusCode::OK, "{path}");
    let cold = started.elapsed();
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let answer = c.get(&path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "contract PDF: {} bytes; first {:.1} ms, median of {RUNS} {:.1} ms, slowest {:.1} ms (target < 300 ms)",
        first.bytes.len(),
        ms(cold),
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );
}
