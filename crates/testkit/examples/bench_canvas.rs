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

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    // One sign-in (sign-ins are rate limited), then 32 tabs of that session.
    let (signed_in, canvas) = app.demo_canvas("participant@demo.local").await;

    // 1. Item saves: 32 editors, each typing into their own note of the same canvas. First as
    // people type (each editor's autosave every 100 ms, ten times faster than the page's
    // debounce allows), for the latency; then flat out, for the throughput.
    let notes = editor_notes(&signed_in, canvas).await;
    let (times, _, notes) =
        saves(&signed_in, canvas, &notes, Some(Duration::from_millis(100))).await;
    println!(
        "item saves, {EDITORS} editors each saving every 100 ms, SQLite: {} saves; p50 {}, p99 {}",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
    );
    let (times, wall, notes) = saves(&signed_in, canvas, &notes, None).await;
    println!(
        "item saves, {EDITORS} editors saving as fast as they can, SQLite: {} saves in {:.2} s = {:.0} saves/s; p50 {}, p99 {}",
        times.len(),
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
    );
    // The same saves straight into the store, without HTTP: what the database side costs.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (editor, &(id, start)) in notes.iter().enumerate() {
        let db = app.state.db.clone();
        tasks.push(tokio::spawn(async move {
            let mut version = start;
            for n in 0..SAVES_EACH {
                let content = domain::canvas::NoteContent::new(
                    &format!("Note {editor}, magasin {n}"),
                    "",
                    "",
                    "",
                )
                .unwrap();
                let edited = store::canvas::edit_item(&db, canvas, id, version, &content, None)
                    .await
                    .unwrap();
                version = edited.item().version;
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let wall = started.elapsed();
    println!(
        "item saves straight into the store (no HTTP), {EDITORS} tasks: {:.0} saves/s",
        (EDITORS * SAVES_EACH) as f64 / wall.as_secs_f64()
    );

    // 2. A full canvas (300 notes) rendered by the server.
    let mut c = signed_in.clone();
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

/// One note per editor.
async fn editor_notes(c: &testkit::Client, canvas: i64) -> Vec<(i64, i64)> {
    let mut c = c.clone();
    let mut notes = Vec::new();
    for editor in 0..EDITORS {
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
        notes.push((
            v["item"]["id"].as_i64().unwrap(),
            v["item"]["version"].as_i64().unwrap(),
        ));
    }
    notes
}

/// Every editor saves their note `SAVES_EACH` times, waiting `pace` between saves if given.
async fn saves(
    c: &testkit::Client,
    canvas: i64,
    notes: &[(i64, i64)],
    pace: Option<Duration>,
) -> (Vec<Duration>, Duration, Vec<(i64, i64)>) {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (editor, &(id, start_version)) in notes.iter().enumerate() {
        let mut c = c.clone();
        tasks.push(tokio::spawn(async move {
            let mut version = start_version;
            let mut times = Vec::with_capacity(SAVES_EACH);
            for n in 0..SAVES_EACH {
                if let Some(pace) = pace {
                    tokio::time::sleep(pace).await;
                }
                let text = format!("Note {editor}, frappe {n} {:?}", pace);
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
            (version, times)
        }));
    }
    let mut times = Vec::new();
    let mut after = Vec::new();
    for (t, &(id, _)) in tasks.into_iter().zip(notes) {
        let (version, mine) = t.await.unwrap();
        times.extend(mine);
        after.push((id, version));
    }
    let wall = started.elapsed();
    times.sort();
    (times, wall, after)
}

async fn propagation(label: &str, app: &TestApp) {
    let (mut c, canvas) = app.demo_canvas("participant@demo.local").await;
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
