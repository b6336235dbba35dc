//! Booking benchmark (issue 20), on SQLite: 16 concurrent tasks make 4,000 booking attempts
//! on 4 spaces, slots of one or two hours that often overlap, each attempt one transaction that
//! takes the space's turn, looks for an overlap and inserts or refuses. Prints attempts per
//! second (made and refused) and checks that no two bookings of a space overlap. Run with
//! `cargo run --release -p testkit --example bench_bookings` (a debug build gives a floor).
use std::time::Instant;
use testkit::TestDb;

const TASKS: usize = 16;
const ATTEMPTS: usize = 4_000;
const SPACES: usize = 4;

#[tokio::main]
async fn main() {
    let t = TestDb::sqlite().await;
    let db = t.db.clone();
    let centre = store::centres::create(
        &db,
        &store::centres::NewCentre {
            slug: "lyon",
            name: "Lyon",
            kind: "micro_centre",
            town: "Lyon",
        },
    )
    .await
    .unwrap();
    let user = store::accounts::create_user(
        &db,
        &store::accounts::NewUser {
            email: "camille@exemple.fr",
            password_hash: "x",
            display_name: "Camille",
            locale: "fr",
            verified: true,
        },
    )
    .await
    .unwrap();
    let mut spaces = Vec::new();
    for n in 0..SPACES {
        let mut tx = db.begin().await.unwrap();
        let name = format!("Salle {n}");
        let id = store::places::create_space_in(
            &mut tx,
            centre,
            &store::places::SpaceInput {
                name: &name,
                kind: "meeting",
                capacity: 10,
                area_dm2: 2_500,
                bookable: true,
                equipment: "",
                description: "",
                max_minutes: 240,
                notice_minutes: 0,
                audience: "public",
                price_per_hour_cents: 0,
            },
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        spaces.push(id);
    }
    let base = store::now() + 86_400;
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|k| {
            let db = db.clone();
            let spaces = spaces.clone();
            tokio::spawn(async move {
                let mut made = 0;
                for n in 0..ATTEMPTS / TASKS {
                    let i = k * (ATTEMPTS / TASKS) + n;
                    let space = spaces[i % SPACES];
                    // Half-hour steps over 500 hours: many attempts collide.
                    let start = base + ((i * 7_919) % 1_000) as i64 * 1_800;
                    let len = if i.is_multiple_of(3) { 7_200 } else { 3_600 };
                    let mut tx = db.begin().await.unwrap();
                    let new = store::bookings::NewBooking {
                        centre_id: centre,
                        space_id: space,
                        user_id: user,
                        starts_at: start,
                        ends_at: start + len,
                        purpose: "",
                        price_cents: 0,
                    };
                    match store::bookings::book_in(&mut tx, &new).await {
                        Ok(_) => {
                            tx.commit().await.unwrap();
                            made += 1;
                        }
                        Err(store::StoreError::Duplicate) => {}
                        Err(e) => panic!("{e}"),
                    }
                }
                made
            })
        })
        .collect();
    let mut made = 0;
    for task in tasks {
        made += task.await.unwrap();
    }
    let elapsed = started.elapsed();
    // No two bookings of a space overlap.
    for space in &spaces {
        let all = store::bookings::of_space(&db, *space, 0).await.unwrap();
        for pair in all.windows(2) {
            assert!(
                pair[0].ends_at <= pair[1].starts_at,
                "space {space}: bookings {} and {} overlap",
                pair[0].id,
                pair[1].id
            );
        }
    }
    println!(
        "{ATTEMPTS} booking attempts ({TASKS} tasks, {SPACES} spaces) in {:.2} s: {:.0} attempts/s, {made} made, {} refused as overlapping, none overlap",
        elapsed.as_secs_f64(),
        ATTEMPTS as f64 / elapsed.as_secs_f64(),
        ATTEMPTS - made
    );
}
