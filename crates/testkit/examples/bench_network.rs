//! Network dashboard benchmark (issue 21): fills 50 centres with 3 years of data (projects,
//! participants, cohorts and their survey answers, invoices every month, impact indicators
//! measured every quarter, a budget each), then times `/admin/reseau` for a network admin,
//! served in-process, and prints its p50 and p99 (target: p99 < 50 ms). On SQLite, and on
//! PostgreSQL too when `IMPACT_TEST_DATABASE_URL` is set. Run with
//! `cargo run --release -p testkit --example bench_network` (a debug build gives a floor).
use std::time::Instant;
use store::Db;
use testkit::{TestApp, TestDb};

const CENTRES: usize = 50;
const PROJECTS: usize = 40;
const PARTICIPANTS: usize = 60;
const INVOICES_A_MONTH: usize = 10;
const INDICATORS_A_PROJECT: usize = 3;
const ROUNDS: usize = 200;

async fn exec(db: &Db, sql: &str) {
    match db {
        Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .unwrap_or_else(|e| panic!("{e}: {}", &sql[..sql.len().min(200)]));
}

async fn ids(db: &Db, sql: &str) -> Vec<i64> {
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_all(p).await,
        Db::Postgres(p) => sqlx::query_scalar(sql).fetch_all(p).await,
    }
    .unwrap()
}

/// Inserts rows by batches of 500 (`values` are complete `( … )` tuples).
async fn insert(db: &Db, head: &str, values: Vec<String>) {
    for chunk in values.chunks(500) {
        exec(db, &format!("{head} VALUES {}", chunk.join(","))).await;
    }
}

async fn fill(db: &Db, now: i64) {
    let year = domain::time_zone::to_paris(now).year();
    let first_year = year - 2;
    let span = 3 * 365 * 86_400i64;
    let start = now - span;
    for c in 0..CENTRES {
        let slug = format!("centre-{c}");
        let centre = store::centres::create(
            db,
            &store::centres::NewCentre {
                slug: &slug,
                name: &format!("Micro-centre n° {c}"),
                kind: "micro_centre",
                town: "Lyon",
            },
        )
        .await
        .unwrap();
        // Projects over the three years.
        insert(
            db,
            "INSERT INTO projects (centre_id, name, stage, created_at)",
            (0..PROJECTS)
                .map(|p| {
                    format!(
                        "({centre}, 'Projet {c}-{p}', 'idea', {})",
                        start + span * p as i64 / PROJECTS as i64
                    )
                })
                .collect(),
        )
        .await;
        // Participants.
        insert(
            db,
            "INSERT INTO users (email, password_hash, display_name, locale, created_at)",
            (0..PARTICIPANTS)
                .map(|u| format!("('p{c}-{u}@exemple.fr', 'x', 'Participant {u}', 'fr', {start})"))
                .collect(),
        )
        .await;
        let users = ids(
            db,
            &format!("SELECT id FROM users WHERE email LIKE 'p{c}-%' ORDER BY id"),
        )
        .await;
        insert(
            db,
            "INSERT INTO memberships (user_id, centre_id, role, created_at)",
            users
                .iter()
                .enumerate()
                .map(|(k, u)| {
                    format!(
                        "({u}, {centre}, 'participant', {})",
                        start + span * k as i64 / PARTICIPANTS as i64
                    )
                })
                .collect(),
        )
        .await;
        // Two cohorts a year, each answered by 20 participants.
        for y in first_year..=year {
            for (h, (from, to)) in [("01-15", "06-30"), ("09-01", "12-20")].iter().enumerate() {
                let cohort = store::cohorts::create(
                    db,
                    centre,
                    &store::cohorts::CohortFields {
                        name: &format!("Cohorte {y}-{h}"),
                        starts_on: &format!("{y}-{from}"),
                        ends_on: &format!("{y}-{to}"),
                    },
                )
                .await
                .unwrap();
                let answered = domain::time_zone::from_paris(time::PrimitiveDateTime::new(
                    time::Date::from_calendar_date(y, time::Month::June, 30).unwrap(),
                    time::Time::MIDNIGHT,
                ))
                .unwrap();
                insert(
                    db,
                    "INSERT INTO cohort_surveys (cohort_id, session_id, user_id, invited_at, nps, answered_at)",
                    users
                        .iter()
                        .take(20)
                        .enumerate()
                        .map(|(k, u)| format!("({cohort}, 0, {u}, {answered}, {}, {answered})", k % 11))
                        .collect(),
                )
                .await;
            }
        }
        // Invoices every month of the three years.
        let mut invoices = Vec::new();
        let mut seq = 0;
        for y in first_year..=year {
            for m in 1..=12 {
                for k in 0..INVOICES_A_MONTH {
                    seq += 1;
                    let day = format!("{y}-{m:02}-{:02}", 1 + k * 2);
                    invoices.push(format!(
                        "({centre}, 'invoice', 'F-{y}-{seq:05}', {y}, {seq}, 'Centre', 'Association', 'Lyon', \
                         '732829320', '73282932000074', '', '', '', '', '', 'c@exemple.fr', 'Client', 'Lyon', \
                         'client@exemple.fr', '', '', '{day}', '{day}', '{day}', '30 jours', 1000, {ht}, 0, {ht}, {start})",
                        ht = 50_000 + (k as i64) * 1_000
                    ));
                }
            }
        }
        insert(
            db,
            "INSERT INTO invoices (centre_id, kind, number, year, sequence, seller_name, seller_legal_form, \
             seller_address, seller_siren, seller_siret, seller_registration, seller_vat_number, \
             seller_exemption_mention, seller_iban, seller_bic, seller_email, buyer_name, buyer_address, \
             buyer_email, buyer_siren, buyer_vat_number, issue_date, service_date, due_date, payment_terms, \
             penalty_rate_bp, total_ht_cents, total_vat_cents, total_ttc_cents, issued_at)",
            invoices,
        )
        .await;
        // Indicators measured every quarter.
        let projects = ids(
            db,
            &format!("SELECT id FROM projects WHERE centre_id = {centre} ORDER BY id"),
        )
        .await;
        let codes = ["people-reached", "volunteers", "jobs-created"];
        insert(
            db,
            "INSERT INTO project_indicators (centre_id, project_id, indicator_code, created_at)",
            projects
                .iter()
                .flat_map(|p| {
                    codes
                        .iter()
                        .take(INDICATORS_A_PROJECT)
                        .map(move |code| format!("({centre}, {p}, '{code}', {start})"))
                })
                .collect(),
        )
        .await;
        let indicators = ids(
            db,
            &format!("SELECT id FROM project_indicators WHERE centre_id = {centre} ORDER BY id"),
        )
        .await;
        let mut measurements = Vec::new();
        for pi in &indicators {
            for y in first_year..=year {
                for m in [3, 6, 9, 12] {
                    measurements.push(format!("({pi}, '{y}-{m:02}-28', {}, {start})", m * 1000));
                }
            }
        }
        insert(
            db,
            "INSERT INTO measurements (project_indicator_id, measured_on, value, created_at)",
            measurements,
        )
        .await;
        // The centre's budget, from the first year.
        let plan = domain::forecast::template::centre_budget(
            &format!("Budget {c}"),
            domain::forecast::model::YearMonth {
                year: first_year,
                month: 1,
            },
        );
        store::forecasts::create(
            db,
            &store::forecasts::NewForecast {
                centre_id: centre,
                project_id: None,
                name: &plan.name,
                document: &plan.to_json(),
                created_by: None,
            },
        )
        .await
        .unwrap();
    }
}

async fn run(t: TestDb) {
    let backend = t.backend;
    let app = TestApp::with_demo(t).await;
    let db = app.state.db.clone();
    let started = Instant::now();
    fill(&db, app.now()).await;
    println!(
        "{backend}: filled {CENTRES} centres × 3 years in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // Where the page's time goes: the figures' statement, and the budgets read and computed.
    let year = domain::time_zone::to_paris(app.now()).year();
    let period = store::network::Period {
        year,
        from: app.now() - 365 * 86_400,
        to: app.now(),
    };
    let t0 = Instant::now();
    for _ in 0..20 {
        store::network::centre_figures(&db, &period).await.unwrap();
    }
    let figures = t0.elapsed().as_secs_f64() * 1000.0 / 20.0;
    let t0 = Instant::now();
    for _ in 0..20 {
        for b in store::forecasts::centre_budgets(&db).await.unwrap() {
            let plan = domain::forecast::parse(&b.document).unwrap();
            std::hint::black_box(domain::forecast::compute(&plan));
        }
    }
    let budgets = t0.elapsed().as_secs_f64() * 1000.0 / 20.0;
    println!(
        "{backend}: every centre's figures {figures:.1} ms, the {CENTRES} budgets read and computed {budgets:.1} ms"
    );
    let mut admin = app.client();
    admin.login("admin@demo.local", "impact-demo").await;
    let first = admin.get("/admin/reseau").await;
    assert_eq!(first.status.as_u16(), 200, "{}", first.body);
    assert!(first.body.contains("Micro-centre n° 49"));
    let mut times = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let t0 = Instant::now();
        let r = admin.get("/admin/reseau").await;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(r.status.as_u16(), 200);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!(
        "{backend}: /admin/reseau over {CENTRES} centres × 3 years: p50 {:.1} ms, p99 {:.1} ms ({ROUNDS} requests, in-process)",
        at(0.50),
        at(0.99)
    );
}

#[tokio::main]
async fn main() {
    run(TestDb::sqlite().await).await;
    if let Ok(url) = std::env::var("IMPACT_TEST_DATABASE_URL") {
        run(TestDb::postgres(&url).await).await;
    }
}
