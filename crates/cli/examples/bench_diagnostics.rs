//! Diagnostics benchmark: scoring 10,000 responses, aggregate statistics over 100,000 stored
//! responses on SQLite and (when `IMPACT_TEST_DATABASE_URL` is set) PostgreSQL, and the server
//! time of a results page over that data.
//!
//! Usage: `cargo run --release -p cli --example bench_diagnostics`
use domain::diagnostic::{Answer, Answers, Definition, Kind, OVERALL, score, shipped};
use std::time::{Duration, Instant};
use store::diagnostics::{self as diag, ImportedResponse};
use testkit::{TestApp, TestDb};

/// xorshift64*: deterministic, so every run measures the same work.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_answers(def: &Definition, rng: &mut Rng) -> Answers {
    let mut a = Answers::new();
    for q in def.questions() {
        let answer = match q.kind {
            Kind::Single => Answer::Text(q.options[rng.below(q.options.len())].key.clone()),
            Kind::Multiple => Answer::Many(
                q.options
                    .iter()
                    .filter(|_| rng.below(2) == 0)
                    .map(|o| o.key.clone())
                    .collect(),
            ),
            Kind::Scale => Answer::Number(1 + rng.below(5) as i64),
            Kind::Number => Answer::Number(rng.below(30) as i64),
            Kind::ShortText | Kind::LongText => continue,
        };
        a.insert(q.key.clone(), answer);
    }
    a
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn database(db: TestDb, def: &Definition, rng: &mut Rng) {
    let backend = db.backend;
    // Three centres and anonymous visitors.
    let mut centres = vec![None];
    for n in 0..3 {
        let slug = format!("centre-{n}");
        let id = store::centres::create(
            &db.db,
            &store::centres::NewCentre {
                slug: &slug,
                name: &slug,
                kind: "micro_centre",
                town: "",
            },
        )
        .await
        .expect("centre");
        centres.push(Some(id));
    }
    let json = domain::diagnostic::shipped_json()[0];
    diag::seed(&db.db, &[(def.id.as_str(), 1, json)])
        .await
        .expect("seed");
    let responses: Vec<ImportedResponse> = (0..100_000)
        .map(|_| {
            let s = score(def, &random_answers(def, rng));
            ImportedResponse {
                centre_id: centres[rng.below(centres.len())],
                level: def.level_for(s.overall).key.clone(),
                scores: s,
                at: 1_790_000_000,
            }
        })
        .collect();
    let started = Instant::now();
    diag::import_scored(&db.db, &def.id, 1, &responses)
        .await
        .expect("import");
    println!(
        "[{backend}] stored 100,000 responses ({} score rows) in {}",
        100_000 * (def.dimensions.len() + 1),
        ms(started.elapsed())
    );

    let mut runs = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let rows = diag::score_counts_by_centre(&db.db, &def.id)
            .await
            .expect("stats");
        let total: i64 = rows.iter().filter(|r| r.1 == OVERALL).map(|r| r.3).sum();
        assert_eq!(total, 100_000);
        runs.push(started.elapsed());
    }
    println!(
        "[{backend}] network statistics (distribution per dimension and centre) over 100,000 responses: median {} (target < 200 ms)",
        ms(median(runs))
    );
    let mut runs = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        diag::score_counts(&db.db, &def.id, 1).await.expect("peers");
        runs.push(started.elapsed());
    }
    println!(
        "[{backend}] peer quartiles of one version over 100,000 responses: median {} (computed once a minute per node)",
        ms(median(runs))
    );

    // The results page, in process (no network): first view, then warm.
    let app = TestApp::new(db).await;
    let mut c = app.client();
    let r = c.post(&format!("/diagnostics/{}/start", def.id), &[]).await;
    let attempt = r
        .location()
        .expect("attempt")
        .split("/pages/")
        .next()
        .unwrap_or_default()
        .to_string();
    let answers = random_answers(def, rng);
    for (n, section) in def.sections.iter().enumerate() {
        let mut fields: Vec<(String, String)> = Vec::new();
        for q in &section.questions {
            match answers.get(&q.key) {
                Some(Answer::Text(t)) => fields.push((format!("q-{}", q.key), t.clone())),
                Some(Answer::Number(v)) => fields.push((format!("q-{}", q.key), v.to_string())),
                Some(Answer::Many(keys)) => {
                    for k in keys {
                        fields.push((format!("q-{}", q.key), k.clone()));
                    }
                }
                None => {}
            }
        }
        let go = if n + 1 == def.sections.len() {
            "submit"
        } else {
            "next"
        };
        fields.push(("go".into(), go.into()));
        let f: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        c.post(&format!("{attempt}/pages/{}", n + 1), &f).await;
    }
    let results = format!("{attempt}/results");
    // Where the time of a results page goes, query by query.
    let id: i64 = attempt
        .rsplit('/')
        .next()
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let db = app.state.db.clone();
    let row = diag::attempt(&db, id).await.expect("attempt").expect("row");
    let owner =
        store::diagnostics::Owner::Respondent(row.respondent_hash.clone().unwrap_or_default());
    for (what, n) in [("attempt", 0), ("scores", 1), ("history", 2)] {
        let mut runs = Vec::new();
        for _ in 0..50 {
            let started = Instant::now();
            match n {
                0 => drop(diag::attempt(&db, id).await),
                1 => drop(diag::scores(&db, id).await),
                _ => drop(diag::history(&db, &def.id, &owner).await),
            }
            runs.push(started.elapsed());
        }
        println!("[{backend}]   query {what}: median {}", ms(median(runs)));
    }
    let started = Instant::now();
    let first = c.get(&results).await;
    let cold = started.elapsed();
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(first.body.contains("médiane"));
    let mut runs = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        let r = c.get(&results).await;
        runs.push(started.elapsed());
        assert_eq!(r.status, 200);
    }
    println!(
        "[{backend}] results page server time: first view {} (computes the quartiles), then median {} over 200 views (target < 5 ms)",
        ms(cold),
        ms(median(runs))
    );
}

#[tokio::main]
async fn main() {
    let def = shipped()
        .iter()
        .find(|d| d.id == "projet-pret")
        .expect("shipped diagnostic");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let all: Vec<Answers> = (0..10_000).map(|_| random_answers(def, &mut rng)).collect();
    let mut runs = Vec::new();
    let mut checksum = 0u64;
    for _ in 0..5 {
        let started = Instant::now();
        for a in &all {
            checksum += u64::from(score(def, a).overall);
        }
        runs.push(started.elapsed());
    }
    println!(
        "scoring 10,000 responses to « {} » ({} questions): median {} (target < 100 ms; checksum {checksum})",
        def.title.fr,
        def.questions().count(),
        ms(median(runs))
    );

    database(TestDb::sqlite().await, def, &mut rng).await;
    match testkit::postgres_url() {
        Some(url) => database(TestDb::postgres(&url).await, def, &mut rng).await,
        None => println!("PostgreSQL skipped: set IMPACT_TEST_DATABASE_URL to measure it"),
    }
}
