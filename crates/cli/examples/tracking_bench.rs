//! Figures for project tracking and impact: the network aggregate over 1,000 projects × 20
//! indicators × 36 monthly measurements (720,000 measurements), on SQLite and, when
//! `IMPACT_TEST_DATABASE_URL` names a PostgreSQL server, on PostgreSQL; and the server time of
//! the project page (in process, no network), as p50/p99.
//!
//! `cargo run --release -p cli --example tracking_bench [PROJECTS]`
use std::time::{Duration, Instant};
use testkit::{TestApp, TestDb};

const INDICATORS: usize = 20;
const MONTHS: usize = 36;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn seed(db: &store::Db, projects: usize) -> i64 {
    let started = Instant::now();
    let centre = store::centres::create(
        db,
        &store::centres::NewCentre {
            slug: "bench",
            name: "Centre de mesure",
            kind: "studio",
            town: "Lyon",
        },
    )
    .await
    .expect("centre");
    let codes: Vec<&str> = domain::impact::catalogue()
        .iter()
        .take(INDICATORS)
        .map(|i| i.code.as_str())
        .collect();
    let mut rows = Vec::with_capacity(projects * INDICATORS * MONTHS);
    for p in 0..projects {
        let project = store::projects::create(
            db,
            &store::projects::NewProject {
                centre_id: centre,
                name: &format!("Projet {p}"),
                summary: "",
                stage: "launch",
                ..Default::default()
            },
        )
        .await
        .expect("project")
        .id;
        for (k, code) in codes.iter().enumerate() {
            let pi = store::impact::add_indicator(
                db,
                &store::impact::NewIndicator {
                    centre_id: centre,
                    project_id: project,
                    code,
                    baseline: 0,
                    target: Some(100_000),
                    target_on: None,
                },
            )
            .await
            .expect("indicator");
            for m in 0..MONTHS {
                let (year, month) = (2024 + m / 12, m % 12 + 1);
                let value = ((p * 7 + k * 13 + m * 3) % 50) as i64 * 1_000;
                rows.push((pi, format!("{year}-{month:02}-28"), value));
            }
        }
        if rows.len() >= 50_000 {
            store::impact::add_measurements(db, &rows)
                .await
                .expect("measurements");
            rows.clear();
        }
    }
    store::impact::add_measurements(db, &rows)
        .await
        .expect("measurements");
    store::impact::analyze(db).await.expect("analyze");
    eprintln!("  seeded in {:.1} s", started.elapsed().as_secs_f64());
    centre
}

async fn aggregate(db: &store::Db, from: &str, to: &str) -> (Duration, usize) {
    let started = Instant::now();
    let figures = store::impact::figures(db, from, to, Default::default())
        .await
        .expect("figures");
    let _ = domain::impact::aggregate(&figures);
    (started.elapsed(), figures.len())
}

async fn bench_db(name: &str, db: TestDb, projects: usize) {
    println!("{name}:");
    seed(&db.db, projects).await;
    for (label, from, to) in [
        ("36 months", "2024-01-01", "2026-12-31"),
        ("one year", "2025-01-01", "2025-12-31"),
    ] {
        // One warm-up, then the median and worst of 10 runs.
        aggregate(&db.db, from, to).await;
        let mut runs = Vec::new();
        let mut figures = 0;
        for _ in 0..10 {
            let (d, n) = aggregate(&db.db, from, to).await;
            runs.push(d);
            figures = n;
        }
        runs.sort();
        println!(
            "  network aggregate, {label} ({figures} project indicators, {} measurements): median {}, max {}",
            projects * INDICATORS * MONTHS,
            ms(percentile(&runs, 0.5)),
            ms(runs[runs.len() - 1])
        );
    }
}

async fn project_page(db: TestDb) {
    let app = TestApp::with_demo(db).await;
    let projects = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .expect("projects");
    let id = projects
        .iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .expect("demo project")
        .id;
    let mut client = app.client();
    client.login("coach@demo.local", "impact-demo").await;
    let path = format!("/projects/{id}");
    for _ in 0..50 {
        assert_eq!(client.get(&path).await.status, axum::http::StatusCode::OK);
    }
    let mut runs = Vec::new();
    for _ in 0..1_000 {
        let started = Instant::now();
        let r = client.get(&path).await;
        runs.push(started.elapsed());
        assert_eq!(r.status, axum::http::StatusCode::OK);
    }
    runs.sort();
    println!(
        "  project page (coach, demo data, 1,000 requests in process): p50 {}, p99 {}",
        ms(percentile(&runs, 0.5)),
        ms(percentile(&runs, 0.99))
    );
}

#[tokio::main]
async fn main() {
    let projects: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000);
    bench_db("SQLite", TestDb::sqlite().await, projects).await;
    project_page(TestDb::sqlite().await).await;
    match testkit::postgres_url() {
        Some(url) => {
            bench_db("PostgreSQL", TestDb::postgres(&url).await, projects).await;
            project_page(TestDb::postgres(&url).await).await;
        }
        None => println!("PostgreSQL: skipped (set IMPACT_TEST_DATABASE_URL)"),
    }
}
