//! Event registrations benchmark (issue 17), on SQLite: 16 concurrent tasks register 2,000
//! people to events of 500 seats, each registration one transaction that locks its event,
//! releases lapsed holds and promotes from the waitlist. Prints registrations per second and
//! checks that no event is overbooked. Run with
//! `cargo run --release -p testkit --example bench_registrations` (a debug build gives a floor).
use std::time::Instant;
use testkit::TestDb;

const TASKS: usize = 16;
const PEOPLE: usize = 2_000;
const EVENTS: usize = 4;
const SEATS: i64 = 500;

#[tokio::main]
async fn main() {
    let t = TestDb::sqlite().await;
    let db = t.db.clone();
    let now = store::now();
    let mut events = Vec::new();
    for n in 0..EVENTS {
        let id = store::site::create_event(
            &db,
            &store::site::NewEvent {
                slug: &format!("atelier-{n}"),
                title: "Atelier découverte",
                summary: "",
                description: "",
                starts_at: now + 10 * 86_400,
                ends_at: now + 10 * 86_400 + 7_200,
                place: "Lyon",
                online_url: "",
                capacity: SEATS / EVENTS as i64,
                published: true,
                centre_id: None,
                kind: domain::event::EventKind::Workshop,
            },
            now,
        )
        .await
        .unwrap();
        events.push(id);
    }
    let mut leads = Vec::new();
    for n in 0..PEOPLE {
        let email = format!("p{n}@exemple.fr");
        let lead = store::site::NewLead {
            email: &email,
            name: "Camille",
            locale: "fr",
            source: "event",
            ..Default::default()
        };
        leads.push(store::site::upsert_lead(&db, &lead, now).await.unwrap());
    }
    let started = Instant::now();
    let chunks: Vec<Vec<i64>> = leads.chunks(PEOPLE / TASKS).map(<[i64]>::to_vec).collect();
    let tasks: Vec<_> = chunks
        .into_iter()
        .enumerate()
        .map(|(k, chunk)| {
            let db = db.clone();
            let events = events.clone();
            tokio::spawn(async move {
                for (n, lead) in chunk.into_iter().enumerate() {
                    let e = events[(k + n) % events.len()];
                    store::site::register(&db, e, lead, now).await.unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    let mut registered = 0;
    for e in &events {
        let (seats, waiting) = store::events::counts(&db, *e).await.unwrap();
        assert!(
            seats <= SEATS / EVENTS as i64,
            "event {e} overbooked: {seats}"
        );
        registered += seats + waiting;
    }
    assert_eq!(registered, PEOPLE as i64);
    println!(
        "{PEOPLE} registrations ({TASKS} tasks, {EVENTS} events of {} seats) in {:.2} s: {:.0} registrations/s, none overbooked",
        SEATS / EVENTS as i64,
        elapsed.as_secs_f64(),
        PEOPLE as f64 / elapsed.as_secs_f64()
    );
}
