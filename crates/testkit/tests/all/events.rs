//! Events on both databases (issue 17): seats never oversold under concurrent registrations, a
//! waitlist where a group waits and moves up together, held seats that lapse, the ticket
//! e-mail with its calendar file (parsed by a crate), the reminder the day before, the signed
//! cancellation link (forged, expired) and a duplicate registration.
use axum::http::StatusCode;
use icalendar::Component;
use testkit::{Client, TestApp, databases, link_path};

const IP_KEY: &str = "site:127.0.0.1";

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .contains(text)
}

async fn event(db: &store::Db, slug: &str, capacity: i64, starts_at: i64) -> i64 {
    store::site::create_event(
        db,
        &store::site::NewEvent {
            slug,
            title: "Atelier gratuit : lancer son projet",
            summary: "Deux heures pour passer de l'idée au projet.",
            description: "",
            starts_at,
            ends_at: starts_at + 7_200,
            place: "Studio d'Impact Local, Lyon",
            online_url: "",
            capacity,
            published: true,
            centre_id: None,
            kind: domain::event::EventKind::Workshop,
        },
        starts_at - 10 * 86_400,
    )
    .await
    .unwrap()
}

async fn lead(db: &store::Db, email: &str, now: i64) -> i64 {
    store::site::upsert_lead(
        db,
        &store::site::NewLead {
            email,
            name: "Camille",
            locale: "fr",
            source: "event",
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_registrations_for_fifteen_seats() {
    for t in databases().await {
        let db = t.db.clone();
        let now = store::now();
        let e = event(&db, "atelier-50", 15, now + 20 * 86_400).await;
        let mut leads = Vec::new();
        for n in 0..50 {
            leads.push(lead(&db, &format!("p{n}@exemple.fr"), now).await);
        }
        let tasks: Vec<_> = leads
            .into_iter()
            .map(|l| {
                let db = db.clone();
                tokio::spawn(async move { store::site::register(&db, e, l, now).await.unwrap() })
            })
            .collect();
        let mut registered = 0;
        let mut waitlisted = 0;
        for task in tasks {
            match task.await.unwrap() {
                Some(store::events::Outcome::Registered(_)) => registered += 1,
                Some(store::events::Outcome::Waitlisted(_)) => waitlisted += 1,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!((registered, waitlisted), (15, 35), "{}", t.backend);
        assert_eq!(
            store::events::counts(&db, e).await.unwrap(),
            (15, 35),
            "{}",
            t.backend
        );
    }
}

async fn register(
    app: &TestApp,
    c: &mut Client,
    slug: &str,
    email: &str,
    seats: &str,
) -> testkit::TestResponse {
    store::rate_limit::clear(&app.state.db, IP_KEY)
        .await
        .unwrap();
    let started = web::site::form_stamp(&app.state, app.now() - 10)
        .await
        .unwrap();
    c.post(
        &format!("/evenements/{slug}"),
        &[
            ("name", "Camille Martin"),
            ("email", email),
            ("seats", seats),
            ("consent", "yes"),
            ("started", &started),
        ],
    )
    .await
}

/// Registers and confirms the address: returns the ticket e-mail's raw text.
async fn register_confirmed(app: &TestApp, c: &mut Client, slug: &str, email: &str, seats: &str) {
    let r = register(app, c, slug, email, seats).await;
    assert!(r.status.is_success(), "{}", r.body);
    let mail = app.last_mail_to(email).await.unwrap();
    let confirm = link_path(&mail.text, "http://impact.test/pionniers/confirmer/").unwrap();
    c.get(&confirm).await;
}

#[tokio::test]
async fn waitlist_group_promotion_ticket_cancellation_and_reminder() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = app.state.db.clone();
        let starts = app.now() + 3 * 86_400;
        event(&db, "atelier-trois", 3, starts).await;
        let mut c = app.client();

        // One seat, then a pair: full.
        register_confirmed(&app, &mut c, "atelier-trois", "a@exemple.fr", "1").await;
        register_confirmed(&app, &mut c, "atelier-trois", "b@exemple.fr", "2").await;
        // The ticket e-mail carries a calendar file in Paris time.
        app.run_jobs().await;
        let raw = app.smtp.raw_to("b@exemple.fr").await.pop().unwrap();
        let text = web::mail::part(&raw, "text/calendar");
        let calendar: icalendar::Calendar = text.parse().unwrap();
        let ev = calendar
            .components
            .iter()
            .find_map(|c| c.as_event())
            .unwrap();
        assert_eq!(
            ev.get_summary(),
            Some("Atelier gratuit : lancer son projet")
        );
        let start = ev.properties().get("DTSTART").unwrap();
        assert_eq!(
            start.params().get("TZID").map(|p| p.value()),
            Some("Europe/Paris")
        );
        let paris = domain::time_zone::to_paris(starts);
        assert!(
            start.value().starts_with(&format!(
                "{:04}{:02}{:02}T{:02}",
                paris.year(),
                paris.month() as u8,
                paris.day(),
                paris.hour()
            )),
            "{}",
            start.value()
        );
        assert!(text.contains("BEGIN:VTIMEZONE") && text.contains("TZID:Europe/Paris"));
        let b_mail = app.last_mail_to("b@exemple.fr").await.unwrap();
        assert!(has(&b_mail.text, "Places réservées pour 2 personnes"));
        let b_cancel = link_path(&b_mail.text, "http://impact.test/evenements/annuler/").unwrap();

        // A group of two, then one person: the waitlist, in that order.
        let r = register(&app, &mut c, "atelier-trois", "c@exemple.fr", "2").await;
        assert!(has(&r.body, "Tu es sur la liste d'attente"), "{}", r.body);
        let r = register(&app, &mut c, "atelier-trois", "d@exemple.fr", "1").await;
        assert!(has(&r.body, "Tu es sur la liste d'attente"));
        let c_mail = app.last_mail_to("c@exemple.fr").await.unwrap();
        c.get(&link_path(&c_mail.text, "http://impact.test/pionniers/confirmer/").unwrap())
            .await;
        let e = store::site::event_by_slug(&db, "atelier-trois")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(store::events::counts(&db, e.id).await.unwrap(), (3, 3));

        // Registering twice: a clear message, nothing counted twice.
        let r = register(&app, &mut c, "atelier-trois", "d@exemple.fr", "1").await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(has(&r.body, "déjà inscrite"));
        assert_eq!(store::events::counts(&db, e.id).await.unwrap(), (3, 3));

        // The pair cancels: the group of two moves up together (before the single behind it).
        let page = c.get(&b_cancel).await;
        assert!(has(&page.body, "Annuler mon inscription"));
        let r = c.post(&b_cancel, &[]).await;
        assert!(has(&r.body, "ton inscription est annulée"), "{}", r.body);
        assert_eq!(store::events::counts(&db, e.id).await.unwrap(), (3, 1));
        let promoted = app.last_mail_to("c@exemple.fr").await.unwrap();
        assert!(
            has(&promoted.text, "une place s'est libérée"),
            "{}",
            promoted.text
        );
        assert!(
            app.smtp
                .raw_to("c@exemple.fr")
                .await
                .pop()
                .unwrap()
                .contains("text/calendar")
        );
        // Twice: already cancelled.
        let again = c.post(&b_cancel, &[]).await;
        assert!(has(&again.body, "déjà annulée"));

        // A forged link, and a link whose event has started.
        let (path, mac) = b_cancel.rsplit_once('.').unwrap();
        let forged = format!("{path}.{}", mac.chars().rev().collect::<String>());
        let r = c.get(&forged).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(has(&r.body, "n'est pas valable"));
        let a_mail = app.last_mail_to("a@exemple.fr").await.unwrap();
        let a_cancel = link_path(&a_mail.text, "http://impact.test/evenements/annuler/").unwrap();

        // The reminder goes out the day before, to those who hold seats.
        app.advance(2 * 86_400 + 3_600);
        app.run_jobs().await;
        let reminder = app.last_mail_to("a@exemple.fr").await.unwrap();
        assert!(
            has(&reminder.subject, "C'est demain"),
            "{}",
            reminder.subject
        );
        assert!(
            !app.last_mail_to("b@exemple.fr")
                .await
                .unwrap()
                .subject
                .contains("demain")
        );

        app.advance(86_400);
        let r = c.get(&a_cancel).await;
        assert_eq!(r.status, StatusCode::GONE);
        assert!(has(&r.body, "Ce lien a expiré"));
    }
}

#[tokio::test]
async fn an_unconfirmed_seat_lapses_and_goes_to_the_waitlist() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = app.state.db.clone();
        event(&db, "atelier-un", 1, app.now() + 5 * 86_400).await;
        let mut c = app.client();
        register(&app, &mut c, "atelier-un", "lent@exemple.fr", "1").await;
        register_confirmed(&app, &mut c, "atelier-un", "suivant@exemple.fr", "1").await;
        let e = store::site::event_by_slug(&db, "atelier-un")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(store::events::counts(&db, e.id).await.unwrap(), (1, 1));
        // A day later the unconfirmed seat is free again: the next person has it, and a ticket.
        app.advance(domain::event::HOLD_SECS + 60);
        app.state
            .clock
            .run(web::site::release_holds(&app.state, app.now()))
            .await
            .unwrap();
        assert_eq!(store::events::counts(&db, e.id).await.unwrap(), (1, 0));
        let mail = app.last_mail_to("suivant@exemple.fr").await.unwrap();
        assert!(has(&mail.text, "une place s'est libérée"), "{}", mail.text);
    }
}

#[tokio::test]
async fn ticket_qr_code_check_in_at_the_door_and_attendance() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let e = event(&db, "atelier-porte", 10, app.now() + 5 * 86_400).await;
        let mut v = app.client();
        register_confirmed(&app, &mut v, "atelier-porte", "lea@exemple.fr", "2").await;
        let mail = app.last_mail_to("lea@exemple.fr").await.unwrap();
        let ticket = link_path(&mail.text, "http://impact.test/billet/").unwrap();
        let page = v.get(&ticket).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<svg role=\"img\""), "{}", page.body);
        let code = page
            .body
            .split("<strong>")
            .filter_map(|s| s.split("</strong>").next())
            .find(|s| s.contains('-') && s.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .unwrap()
            .to_string();
        // A forged ticket link.
        let forged = if ticket.ends_with('0') { '1' } else { '0' };
        let r = v
            .get(&format!("{}{forged}", &ticket[..ticket.len() - 1]))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);

        // Visitors and participants do not reach the door page.
        let door = format!("/admin/evenements/{e}/accueil");
        assert_ne!(v.get(&door).await.status, StatusCode::OK);
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        assert_ne!(p.get(&door).await.status, StatusCode::OK);

        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        // The scanned QR code opens the page with the person found.
        let found = admin.get(&format!("{door}?code={code}")).await;
        assert_eq!(found.status, StatusCode::OK);
        assert!(has(&found.body, "Camille Martin") && has(&found.body, "0 arrivé·es sur 2"));
        // A wrong code: a clear message.
        let r = admin.post(&door, &[("code", "999-ABCDEF12")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&r.body, "ne correspond à aucun billet"));
        // The typed code checks in, once.
        let r = admin.post(&door, &[("code", &code.to_lowercase())]).await;
        assert!(has(&r.body, "Camille Martin est arrivé·e"), "{}", r.body);
        assert!(has(&r.body, "2 arrivé·es sur 2"));
        let r = admin.post(&door, &[("code", &code)]).await;
        assert!(has(&r.body, "déjà enregistré·e"));

        let csv = admin
            .get(&format!("/admin/evenements/{e}/presences.csv"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.body.contains("lea@exemple.fr,2,oui,"), "{}", csv.body);
        let pdf = admin
            .get(&format!("/admin/evenements/{e}/presences.pdf"))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.body.starts_with("%PDF"));
    }
}

#[tokio::test]
async fn survey_after_the_event_answered_once_with_results_and_decisions() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let e = event(&db, "atelier-avis", 10, app.now() + 86_400).await;
        let mut v = app.client();
        register_confirmed(&app, &mut v, "atelier-avis", "venu@exemple.fr", "1").await;
        register_confirmed(&app, &mut v, "atelier-avis", "absent@exemple.fr", "1").await;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        // One came (checked in at the door), the other did not.
        let door = format!("/admin/evenements/{e}/accueil");
        let page = admin.get(&door).await;
        let reg = page
            .body
            .split("name=\"registration\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_string();
        admin.post(&door, &[("registration", &reg)]).await;
        app.advance(2 * 86_400);

        // Invitations go to those who came, once.
        let results = format!("/admin/evenements/{e}/avis");
        let r = admin.post(&format!("{results}/inviter"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mail = app.last_mail_to("venu@exemple.fr").await.unwrap();
        assert!(has(&mail.subject, "Ton avis sur"), "{}", mail.subject);
        assert!(
            !app.last_mail_to("absent@exemple.fr")
                .await
                .unwrap()
                .subject
                .contains("avis")
        );
        let survey = link_path(&mail.text, "http://impact.test/avis/").unwrap();

        // Missing and wrong answers come back beside their question, what was typed kept.
        let page = v.get(&survey).await;
        assert!(has(&page.body, "recommanderais-tu cet événement"));
        let r = v
            .post(
                &survey,
                &[
                    ("q-recommander", "12"),
                    ("q-changer", "Une salle plus grande"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&r.body, "Réponds à cette question"));
        assert!(r.body.contains("Une salle plus grande"));
        let answers = [
            ("q-recommander", "10"),
            ("q-contenu", "5"),
            ("q-animation", "4"),
            ("q-organisation", "3"),
            ("q-changer", "La salle était trop petite pour le groupe."),
        ];
        let r = v.post(&survey, &answers).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(has(&r.body, "Merci pour ton avis"));
        // A second answer: a clear message, nothing counted twice.
        let r = v.post(&survey, &answers).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(has(&r.body, "Tu as déjà donné ton avis"));
        assert_eq!(v.get(&survey).await.status, StatusCode::CONFLICT);
        let (path, mac) = survey.rsplit_once('.').unwrap();
        let forged = format!("{path}.{}", mac.chars().rev().collect::<String>());
        assert_eq!(v.get(&forged).await.status, StatusCode::BAD_REQUEST);

        // Results: NPS, averages, the comment tagged, the trend; the decision log beside.
        let page = admin.get(&results).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("data-nps>+100<"), "{}", page.body);
        assert!(has(&page.body, "5,0 / 5") && has(&page.body, "3,0 / 5"));
        assert!(has(&page.body, "La salle était trop petite"));
        assert!(
            page.body
                .contains("<span class=\"badge\">Organisation</span>")
        );
        let r = admin
            .post(&format!("{results}/decisions"), &[("decision", "  ")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        admin
            .post(
                &format!("{results}/decisions"),
                &[
                    ("decision", "Atelier suivant dans la grande salle"),
                    ("because", "« La salle était trop petite »"),
                ],
            )
            .await;
        let page = admin.get(&results).await;
        assert!(has(&page.body, "Atelier suivant dans la grande salle"));
        let csv = admin.get(&format!("{results}.csv")).await;
        assert!(
            csv.body.contains("10,5,4,3,,La salle était trop petite"),
            "{}",
            csv.body
        );
        // Participants do not see results.
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        assert_ne!(p.get(&results).await.status, StatusCode::OK);
    }
}
