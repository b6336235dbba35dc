//! Canvas benchmarks, in process (the HTTP stack without the socket), on SQLite (and on
//! PostgreSQL for the change propagation when `IMPACT_TEST_DATABASE_URL` is set). Run with
//! `cargo run --release -p testkit --example bench_canvas`; it prints the figures.
use axum::http::StatusCode;
use std::time::{Duration, Instant};
use testkit::{TestApp, TestDb};

const EDITORS: usize = 32;
const SAVES_EACH: usize = 200;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn participant_canvas(app: &TestApp) -> (testkit::Client, i64) {
    let mut c = app.client();
    c.login("participant@demo.local", "impact-demo").await;
    let me = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
        .await
        .unwrap()
        .unwrap();
    let project = store::projects::for_user(&app.state.db, me.id)
        .await
        .unwrap()[0]
        .id;
    let id = store::canvas::for_project(&app.state.db, project)
        .await
        .unwrap()[0]
        .id;
    (c, id)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let (_, canvas) = participant_canvas(&app).await;

    // 1. Item saves: 32 editors, each typing into their own note of the same canvas.
    let mut tasks = Vec::new();
    let started = Instant::now();
    for editor in 0..EDITORS {
        let (mut c, _) = participant_canvas(&app).await;
        tasks.push(tokio::spawn(async move {
            let r = c
                .post(
                    &format!("/api/canvases/{canvas}/items"),
                    &[
                        ("block", "key_activities"),
                        ("text", &format!("Note {editor}")),
                    ],
                )
                .await;
            let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
            let id = v["item"]["id"].as_i64().unwrap();
            let mut version = v["item"]["version"].as_i64().unwrap();
            let mut times = Vec::with_capacity(SAVES_EACH);
            for n in 0..SAVES_EACH {
                let text = format!("Note {editor}, frappe {n}");
                let t = Instant::now();
                let r = c
                    .post(
                        &format!("/api/canvases/{canvas}/items/{id}"),
                        &[("text", &text), ("version", &version.to_string())],
                    )
                    .await;
                times.push(t.elapsed());
                assert_eq!(r.status, StatusCode::OK, "{}", r.body);
                let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
                assert_eq!(v["outcome"], "applied");
                version = v["item"]["version"].as_i64().unwrap();
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.unwrap());
    }
    let wall = started.elapsed();
    times.sort();
    println!(
        "item saves, {EDITORS} concurrent editors, SQLite: {} saves in {:.2} s = {:.0} saves/s; p50 {}, p99 {}",
        times.len(),
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
    );

    // 2. A full canvas (300 notes) rendered by the server.
    let (mut c, _) = participant_canvas(&app).await;
    let count = store::canvas::items(&app.state.db, canvas)
        .await
        .unwrap()
        .len();
    let blocks: Vec<_> = domain::canvas::template()
        .blocks
        .iter()
        .map(|b| b.key.clone())
        .collect();
    for n in count..domain::canvas::MAX_ITEMS {
        let text = format!(
            "Une note d'exemple numéro {n}, assez longue pour ressembler à une vraie note de travail."
        );
        let r = c
            .post(
                &format!("/api/canvases/{canvas}/items"),
                &[
                    ("block", blocks[n % blocks.len()].as_str()),
                    ("text", &text),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let mut page = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let r = c.get(&format!("/canvases/{canvas}")).await;
        page.push(t.elapsed());
        assert_eq!(r.status, StatusCode::OK);
    }
    page.sort();
    println!(
        "300-note canvas page: p50 {}, p99 {}",
        ms(percentile(&page, 0.5)),
        ms(percentile(&page, 0.99))
    );

    // 3. The poster PDF of that full canvas.
    let mut pdf = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let r = c.get(&format!("/canvases/{canvas}/poster.pdf")).await;
        pdf.push(t.elapsed());
        assert_eq!(r.status, StatusCode::OK);
    }
    pdf.sort();
    println!(
        "poster PDF (300 notes): p50 {}, max {}",
        ms(percentile(&pdf, 0.5)),
        ms(*pdf.last().unwrap())
    );

    // 4. A change reaching another editor's stream.
    let fresh = TestApp::with_demo(TestDb::sqlite().await).await;
    propagation("SQLite", &fresh).await;
    if let Some(url) = testkit::postgres_url() {
        let pg = TestApp::with_demo(TestDb::postgres(&url).await).await;
        propagation("PostgreSQL (LISTEN/NOTIFY)", &pg).await;
    }
}

async fn propagation(label: &str, app: &TestApp) {
    let (mut c, canvas) = participant_canvas(app).await;
    let mut rx = app.state.live.subscribe(canvas);
    let mut times = Vec::new();
    for n in 0..100 {
        let t = Instant::now();
        let r = c
            .post(
                &format!("/api/canvases/{canvas}/items"),
                &[("block", "channels"), ("text", &format!("Relais {n}"))],
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        rx.recv().await.unwrap();
        times.push(t.elapsed());
        let body: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let id = body["item"]["id"].as_i64().unwrap();
        // Keep the canvas under its 300-note limit.
        let _ = c
            .post(
                &format!("/api/canvases/{canvas}/items/{id}/delete"),
                &[("version", "1")],
            )
            .await;
        rx.recv().await.unwrap();
    }
    times.sort();
    println!(
        "change saved and received by another editor, {label}: p50 {}, p99 {}",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99))
    );
}
