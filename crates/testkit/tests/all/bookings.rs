//! The centre's place and its bookings (issue 20), on both databases: a hundred requests for
//! one slot book it once (through the app, and from two nodes on PostgreSQL), refused bookings
//! (overlap, out of hours, in a closure, too long, too little notice) say why beside the field
//! and store nothing, the space's iCalendar feed parses and needs its signature, cancellation
//! by the booker and by the staff, a paid booking's order, the occupancy report, the profile
//! and spaces forms, and the public centre page.
use axum::http::StatusCode;
use domain::booking::{self, day_of, instant, weekday_index};
use icalendar::Component;
use store::Db;
use testkit::{Client, TestApp, TestDb, databases, require_postgres_in_ci};
use time::Date;

/// A weekday at least `days` ahead of `now`, outside the demo's year-end closure.
fn weekday_ahead(now: i64, days: i64) -> Date {
    let mut d = day_of(now + days * 86_400);
    while weekday_index(d) > 4
        || (u8::from(d.month()) == 12 && d.day() >= 24)
        || (u8::from(d.month()) == 1 && d.day() == 1)
    {
        d = d.next_day().unwrap();
    }
    d
}

fn iso(d: Date) -> String {
    domain::tracking::iso(d)
}

async fn space_id(db: &Db, centre: &str, name: &str) -> (i64, i64) {
    let c = store::centres::find_by_slug(db, centre)
        .await
        .unwrap()
        .unwrap();
    let s = store::places::spaces(db, c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap();
    (c.id, s.id)
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    c.login(email, "impact-demo").await;
    c
}

async fn book(
    c: &mut Client,
    space: i64,
    day: &str,
    starts: &str,
    ends: &str,
) -> (StatusCode, String) {
    let r = c
        .post(
            &format!("/centres/studio/espaces/{space}/reserver"),
            &[
                ("date", day),
                ("starts", starts),
                ("ends", ends),
                ("purpose", ""),
            ],
        )
        .await;
    (r.status, r.body)
}

async fn bookings_of(db: &Db, space: i64) -> i64 {
    let sql = "SELECT COUNT(*) FROM bookings WHERE space_id = $1 AND status <> 'cancelled'";
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).bind(space).fetch_one(p).await,
        Db::Postgres(p) => sqlx::query_scalar(sql).bind(space).fetch_one(p).await,
    }
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_requests_for_one_slot_book_it_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.db.db.clone();
        let (_, canuts) = space_id(&db, "studio", "Salle des Canuts").await;
        let day = iso(weekday_ahead(app.now(), 2));
        let c = signed_in(&app, "participant@demo.local").await;
        let mut tasks = Vec::new();
        for _ in 0..100 {
            let mut c = c.clone();
            let day = day.clone();
            tasks.push(tokio::spawn(async move {
                book(&mut c, canuts, &day, "14:00", "16:00").await.0
            }));
        }
        let mut made = 0;
        let mut refused = 0;
        for task in tasks {
            match task.await.unwrap() {
                StatusCode::SEE_OTHER => made += 1,
                StatusCode::CONFLICT => refused += 1,
                other => panic!("{other}"),
            }
        }
        assert_eq!((made, refused), (1, 99), "{}", app.db.backend);
        let d = domain::tracking::parse_date(&day).unwrap();
        let (from, to) = (instant(d, 14 * 60).unwrap(), instant(d, 16 * 60).unwrap());
        assert_eq!(
            store::bookings::count_overlapping(&db, canuts, from, to)
                .await
                .unwrap(),
            1
        );
    }
}

/// `n` bookings of one slot at once, spread over the given nodes: exactly one is made.
async fn book_concurrently(nodes: &[Db], centre: i64, space: i64, user: i64, n: usize) {
    let day = weekday_ahead(store::now(), 3);
    let (start, end) = (
        instant(day, 15 * 60).unwrap(),
        instant(day, 16 * 60).unwrap(),
    );
    let mut tasks = Vec::new();
    for i in 0..n {
        let db = nodes[i % nodes.len()].clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = db.begin().await?;
            // Each asks for a slot overlapping the others differently.
            let shift = (i as i64 % 4) * 600;
            let new = store::bookings::NewBooking {
                centre_id: centre,
                space_id: space,
                user_id: user,
                starts_at: start - shift,
                ends_at: end - shift,
                purpose: "",
                price_cents: 0,
            };
            let id = store::bookings::book_in(&mut tx, &new).await?;
            tx.commit().await?;
            Ok::<i64, store::StoreError>(id)
        }));
    }
    let mut made = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => made += 1,
            Err(store::StoreError::Duplicate) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(made, 1);
    assert_eq!(
        store::bookings::count_overlapping(&nodes[0], space, start - 3_600, end)
            .await
            .unwrap(),
        1
    );
}

async fn bare_space(db: &Db) -> (i64, i64, i64) {
    let centre = store::centres::create(
        db,
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
        db,
        &store::accounts::NewUser {
            email: "a@exemple.fr",
            password_hash: "x",
            display_name: "A",
            locale: "fr",
            verified: true,
        },
    )
    .await
    .unwrap();
    let mut tx = db.begin().await.unwrap();
    let space = store::places::create_space_in(
        &mut tx,
        centre,
        &store::places::SpaceInput {
            name: "Salle",
            kind: "meeting",
            capacity: 10,
            area_dm2: 2_000,
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
    (centre, space, user)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_bookings_at_once_make_one_on_sqlite() {
    let t = TestDb::sqlite().await;
    let (centre, space, user) = bare_space(&t.db).await;
    book_concurrently(std::slice::from_ref(&t.db), centre, space, user, 100).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_bookings_from_two_nodes_make_one_on_postgres() {
    let Some(url) = require_postgres_in_ci() else {
        return;
    };
    let t = TestDb::postgres(&url).await;
    // A second node: its own pool on the same database.
    let other = Db::connect(&t.url).await.unwrap();
    let (centre, space, user) = bare_space(&t.db).await;
    book_concurrently(&[t.db.clone(), other.clone()], centre, space, user, 100).await;
    other.close().await;
}

#[tokio::test]
async fn refused_bookings_say_why_beside_the_field_and_store_nothing() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.db.db.clone();
        let (_, canuts) = space_id(&db, "studio", "Salle des Canuts").await;
        let before = bookings_of(&db, canuts).await;
        let day = weekday_ahead(app.now(), 2);
        let mut p = signed_in(&app, "participant@demo.local").await;
        let cases = [
            ("20:00", "21:00", "f-starts-error", "pas ouvert"),
            ("12:00", "15:00", "f-starts-error", "pas ouvert"),
            ("16:00", "15:00", "f-ends-error", "doit suivre"),
            ("14:00", "18:30", "f-ends-error", "durée maximale"),
            ("14h", "quinze", "f-ends-error", "Indiquez une heure"),
        ];
        for (starts, ends, field, words) in cases {
            let (status, body) = book(&mut p, canuts, &iso(day), starts, ends).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{starts}-{ends}");
            assert!(body.contains(field), "{starts}-{ends}: {field}");
            assert!(body.contains(words), "{starts}-{ends}: {words}");
            assert!(
                body.contains(&format!("value=\"{starts}\"")),
                "kept what was typed"
            );
        }
        // A day in the past, a day the centre is closed.
        let (status, body) = book(&mut p, canuts, "2020-01-06", "10:00", "11:00").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("déjà passé"));
        let mut m = signed_in(&app, "manager@demo.local").await;
        let closed = iso(weekday_ahead(app.now(), 9));
        let r = m
            .post(
                "/centres/studio/lieu/fermetures",
                &[
                    ("starts_on", &closed),
                    ("ends_on", ""),
                    ("reason", "Inventaire"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (status, body) = book(&mut p, canuts, &closed, "10:00", "11:00").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("fermé ce jour-là") && body.contains("f-date-error"));
        // Too little notice: a space asking two days' notice, booked for tomorrow's weekday.
        let r = m
            .post(
                "/centres/studio/espaces",
                &[
                    ("name", "Salle du fond"),
                    ("kind", "meeting"),
                    ("capacity", "6"),
                    ("area", "18"),
                    ("bookable", "1"),
                    ("max_hours", "3"),
                    ("notice_hours", "72"),
                    ("audience", "members"),
                    ("price", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (_, fond) = space_id(&db, "studio", "Salle du fond").await;
        let soon = weekday_ahead(app.now(), 1);
        let (status, body) = book(&mut p, fond, &iso(soon), "10:00", "11:00").await;
        if instant(soon, 10 * 60).unwrap() - app.now() < 72 * 3_600 {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(body.contains("délai de prévenance"));
        }
        // An overlap: 409, the message beside the start.
        let (status, _) = book(&mut p, canuts, &iso(day), "14:00", "15:00").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let mut coach = signed_in(&app, "coach@demo.local").await;
        let (status, body) = book(&mut coach, canuts, &iso(day), "14:30", "16:00").await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.contains("f-starts-error") && body.contains("déjà réservé"));
        assert_eq!(
            bookings_of(&db, canuts).await,
            before + 1,
            "only the valid one"
        );
        // The coworking is for everyone, the meeting room for the centre's members: the Die
        // manager may not book the studio's meeting room.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        let (status, body) = book(&mut die, canuts, &iso(day), "16:00", "17:00").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("d’autres publics"));
    }
}

#[tokio::test]
async fn the_feed_of_a_space_parses_and_needs_its_signature() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.db.db.clone();
        let (_, canuts) = space_id(&db, "studio", "Salle des Canuts").await;
        let mut m = signed_in(&app, "manager@demo.local").await;
        let page = m.get(&format!("/centres/studio/espaces/{canuts}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let at = page.body.find("/agenda.ics?cle=").expect("the feed's link");
        let start = page.body[..at].rfind('"').unwrap() + 1;
        let rest = &page.body[start..];
        let href = &rest[..rest.find('"').unwrap()];
        assert!(href.contains("agenda.ics?cle="), "{href}");
        let mut visitor = app.client();
        let feed = visitor.get(href).await;
        assert_eq!(feed.status, StatusCode::OK);
        assert!(
            feed.header("content-type")
                .unwrap()
                .starts_with("text/calendar")
        );
        let calendar: icalendar::Calendar = feed.body.parse().unwrap();
        let events: Vec<_> = calendar
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 3, "the demo's three bookings");
        let start = events[0].properties().get("DTSTART").unwrap();
        assert_eq!(
            start.params().get("TZID").map(|p| p.value()),
            Some("Europe/Paris")
        );
        assert!(start.value().ends_with("T100000"));
        // Another space's key, or a forged one, opens nothing.
        let forged = href.replace(
            &format!("/espaces/{canuts}/"),
            &format!("/espaces/{}/", canuts + 1),
        );
        assert_eq!(visitor.get(&forged).await.status, StatusCode::NOT_FOUND);
        let cut = &href[..href.len() - 2];
        assert_eq!(
            visitor.get(&format!("{cut}00")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn the_booker_cancels_before_the_start_and_the_staff_any_time() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.db.db.clone();
        let (studio, canuts) = space_id(&db, "studio", "Salle des Canuts").await;
        let day = iso(weekday_ahead(app.now(), 2));
        let mut p = signed_in(&app, "participant@demo.local").await;
        assert_eq!(
            book(&mut p, canuts, &day, "15:00", "16:00").await.0,
            StatusCode::SEE_OTHER
        );
        let mine = p.get("/mes-reservations").await;
        assert!(mine.body.contains("Salle des Canuts") && mine.body.contains("15:00–16:00"));
        let d = domain::tracking::parse_date(&day).unwrap();
        let b = store::bookings::between(
            &db,
            studio,
            instant(d, 15 * 60).unwrap(),
            instant(d, 16 * 60).unwrap(),
        )
        .await
        .unwrap()
        .into_iter()
        .find(|b| b.space_id == canuts)
        .unwrap();
        // Someone else cannot cancel it (not found), the booker can.
        let mut coach = signed_in(&app, "coach@demo.local").await;
        let r = coach
            .post(&format!("/reservations/{}/annuler", b.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = p
            .post(&format!("/reservations/{}/annuler", b.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            store::bookings::find(&db, b.id)
                .await
                .unwrap()
                .unwrap()
                .status,
            "cancelled"
        );
        // The slot is free again; the manager cancels the coach's booking of it.
        assert_eq!(
            book(&mut coach, canuts, &day, "15:00", "16:00").await.0,
            StatusCode::SEE_OTHER
        );
        let again = store::bookings::between(
            &db,
            studio,
            instant(d, 15 * 60).unwrap(),
            instant(d, 16 * 60).unwrap(),
        )
        .await
        .unwrap();
        let coach_booking = again.iter().find(|x| x.space_id == canuts).unwrap().id;
        let mut m = signed_in(&app, "manager@demo.local").await;
        let calendar = m
            .get(&format!("/centres/studio/reservations?jour={day}"))
            .await;
        assert!(
            calendar
                .body
                .contains(&format!("/reservations/{coach_booking}/annuler"))
        );
        let r = m
            .post(&format!("/reservations/{coach_booking}/annuler"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            store::bookings::find(&db, coach_booking)
                .await
                .unwrap()
                .unwrap()
                .status,
            "cancelled"
        );
    }
}

#[tokio::test]
async fn a_paid_booking_records_its_order_and_is_confirmed_when_paid() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.db.db.clone();
        let (_, coworking) = space_id(&db, "studio", "Coworking").await;
        let day = iso(weekday_ahead(app.now(), 2));
        let mut p = signed_in(&app, "participant@demo.local").await;
        let r = p
            .post(
                &format!("/centres/studio/espaces/{coworking}/reserver"),
                &[
                    ("date", &day),
                    ("starts", "09:30"),
                    ("ends", "11:00"),
                    ("purpose", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let to = r.location().unwrap().to_string();
        assert!(to.starts_with("/orders/"), "{to}");
        let order: i64 = to.trim_start_matches("/orders/").parse().unwrap();
        let o = store::payments::order(&db, order).await.unwrap().unwrap();
        assert_eq!(o.amount_cents, 750, "1.5 h at 5 € an hour");
        assert_eq!(o.status, "awaiting_payment");
        assert!(p.get(&to).await.status.is_success());
        let mine = p.get("/mes-reservations").await;
        assert!(mine.body.contains("En attente de paiement") && mine.body.contains(&to));
        // The slot is held meanwhile.
        let mut coach = signed_in(&app, "coach@demo.local").await;
        let r = coach
            .post(
                &format!("/centres/studio/espaces/{coworking}/reserver"),
                &[
                    ("date", &day),
                    ("starts", "10:00"),
                    ("ends", "10:30"),
                    ("purpose", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        // Paid: the booking is confirmed (what `payments::settle` does in its unit of work).
        let mut tx = db.begin().await.unwrap();
        assert!(store::bookings::paid_in(&mut tx, order).await.unwrap());
        tx.commit().await.unwrap();
        let mine = p.get("/mes-reservations").await;
        assert!(mine.body.contains("Confirmée"));
    }
}

#[tokio::test]
async fn the_occupancy_report_counts_hours_booked_over_hours_open() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.db.db.clone();
        let (_, atelier) = space_id(&db, "studio", "Atelier de fabrication").await;
        let day = weekday_ahead(app.now(), 2);
        let mut p = signed_in(&app, "participant@demo.local").await;
        assert_eq!(
            book(&mut p, atelier, &iso(day), "14:00", "17:00").await.0,
            StatusCode::SEE_OTHER
        );
        let mut m = signed_in(&app, "manager@demo.local").await;
        let r = m
            .get(&format!(
                "/centres/studio/occupation?du={0}&au={0}",
                iso(day)
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        // Open 9:00-12:30 and 14:00-19:00: 8.5 h; the workshop booked 3 h: 35.3 %.
        let row = &r.body[r.body.find("Atelier de fabrication").unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.contains("3 h") && row.contains("8,5 h") && row.contains("35,3"),
            "{row}"
        );
        // The participant may not read it; a bad period is told beside its field.
        assert_eq!(
            p.get("/centres/studio/occupation").await.status,
            StatusCode::FORBIDDEN
        );
        let bad = m
            .get("/centres/studio/occupation?du=2026-02-10&au=2026-02-01")
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-au-error"));
    }
}

#[tokio::test]
async fn the_profile_and_spaces_forms_keep_what_was_typed_and_the_public_page_shows_them() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = signed_in(&app, "manager@demo.local").await;
        let mut fields = vec![
            ("presentation", "Un lieu ouvert à tous."),
            ("address", "3 place Sathonay"),
            ("postcode", "6900"),
            ("email", "contact@exemple.fr"),
            ("phone", "04 78 12 34 56"),
            ("accessibility", "Rampe d'accès."),
            ("day1", "9:00-12:00, 11:00-13:00"),
            ("day2", "9h-18h"),
            ("day3", "matin"),
            ("day4", ""),
            ("day5", "9:00-17:00"),
            ("day6", ""),
            ("day7", ""),
        ];
        let r = m.post("/centres/studio/lieu", &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-day1-error") && r.body.contains("se chevauchent"));
        assert!(r.body.contains("f-day3-error") && r.body.contains("f-postcode-error"));
        assert!(r.body.contains("value=\"matin\"") && r.body.contains("3 place Sathonay"));
        fields[2] = ("postcode", "69001");
        fields[6] = ("day1", "9:00-12:00, 14:00-18:00");
        fields[8] = ("day3", "");
        let r = m.post("/centres/studio/lieu", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Anyone reads the public page: profile, hours, spaces, no members.
        let mut visitor = app.client();
        let page = visitor.get("/centres/studio").await;
        assert_eq!(page.status, StatusCode::OK);
        for text in [
            "3 place Sathonay, 69001 Lyon",
            "09:00–12:00 · 14:00–18:00",
            "Salle des Canuts",
            "Rampe d",
            "Coworking",
        ] {
            assert!(page.body.contains(text), "{text}");
        }
        assert!(!page.body.contains("h-members") && !page.body.contains("/invitations"));
        // Spaces: a bad capacity and a name taken come back beside their fields.
        let space = |name: &'static str, capacity: &'static str| {
            vec![
                ("name", name),
                ("kind", "workshop"),
                ("capacity", capacity),
                ("area", "20,5"),
                ("bookable", "1"),
                ("max_hours", "2"),
                ("notice_hours", "0"),
                ("audience", "public"),
                ("price", "-3"),
            ]
        };
        let r = m
            .post("/centres/studio/espaces", &space("Salle des Canuts", "-1"))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-capacity-error") && r.body.contains("f-price-error"));
        let mut ok = space("Salle des Canuts", "4");
        ok[8] = ("price", "");
        let r = m.post("/centres/studio/espaces", &ok).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-name-error"));
        ok[0] = ("name", "Petit atelier");
        let r = m.post("/centres/studio/espaces", &ok).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let list = m.get("/centres/studio/espaces").await;
        assert!(list.body.contains("Petit atelier") && list.body.contains("20,5 m²"));
        // A participant may not change the place.
        let mut p = signed_in(&app, "participant@demo.local").await;
        assert_eq!(
            p.get("/centres/studio/lieu").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            p.post("/centres/studio/espaces", &ok).await.status,
            StatusCode::FORBIDDEN
        );
        // Nor may another centre's manager.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        assert_eq!(
            die.get("/centres/studio/espaces").await.status,
            StatusCode::FORBIDDEN
        );
        let page = die.get("/centres/studio").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("h-members"));
    }
}

#[test]
fn booking_instants_are_paris_wall_clock() {
    let d = domain::tracking::parse_date("2026-07-06").unwrap();
    let t = instant(d, 10 * 60).unwrap();
    assert_eq!(booking::minutes_of(t), 600);
    assert_eq!(day_of(t), d);
}
