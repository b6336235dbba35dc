//! Onboarding: the steps fire after their delay on the controlled clock, skip what is already
//! done or turned off, stop at the unsubscribe link, and the funnel counts them; both databases.
use axum::http::StatusCode;
use domain::onboarding::Step;
use testkit::{TestApp, databases, link_path};

async fn exec(db: &store::Db, sql: &str) {
    match db {
        store::Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        store::Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .expect("fixture sql");
}

const HOUR: i64 = 3_600;

#[tokio::test]
async fn steps_fire_skip_and_stop_at_the_unsubscribe_link() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let mut c = app.client();
        let ok = c
            .post(
                "/signup",
                &[
                    ("display_name", "Inès Moreau"),
                    ("email", "ines@exemple.fr"),
                    ("password", "une phrase solide"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::OK);
        // Nothing but the address check before the address is confirmed; the welcome after.
        let check = app.last_mail_to("ines@exemple.fr").await.expect("check");
        assert_eq!(app.smtp.count().await, 1);
        let link = link_path(&check.text, "http://impact.test/verify/").expect("verify link");
        assert_eq!(c.get(&link).await.status, StatusCode::SEE_OTHER);
        let welcome = app.last_mail_to("ines@exemple.fr").await.expect("welcome");
        assert!(welcome.subject.contains("Bienvenue"), "{}", welcome.subject);
        let sent = app.smtp.count().await;
        let user = store::accounts::find_user_by_email(&app.state.db, "ines@exemple.fr")
            .await
            .unwrap()
            .unwrap()
            .id;

        // The diagnostic is taken before its e-mail is due: that step is skipped.
        exec(
            &app.state.db,
            &format!(
                "INSERT INTO diagnostic_attempts (diagnostic, version, user_id, answers, created_at, updated_at, submitted_at) \
                 VALUES ('impact', 1, {user}, '{{}}', 0, 0, 0)"
            ),
        )
        .await;
        app.advance(HOUR);
        app.run_jobs().await;
        assert_eq!(app.smtp.count().await, sent, "nothing before its delay");
        app.advance(24 * HOUR);
        app.run_jobs().await;
        assert_eq!(app.smtp.count().await, sent, "the diagnostic is skipped");

        app.advance(48 * HOUR);
        let canvas = app.last_mail_to("ines@exemple.fr").await.expect("canvas");
        assert!(canvas.subject.contains("canevas"), "{}", canvas.subject);
        assert_eq!(app.smtp.count().await, sent + 1);

        // The unsubscribe link works without logging in; a forged one does not.
        let link = link_path(&canvas.text, "http://impact.test/desinscription/accueil/")
            .expect("unsubscribe link");
        let mut anon = app.client();
        let page = anon.get(&link).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Me désinscrire"));
        assert_eq!(anon.post(&link, &[]).await.status, StatusCode::OK);
        let forged = anon.get("/desinscription/accueil/1.99999999999.abc").await;
        assert_eq!(forged.status, StatusCode::NOT_FOUND);

        app.advance(30 * 24 * HOUR);
        app.run_jobs().await;
        assert_eq!(
            app.smtp.count().await,
            sent + 1,
            "nothing after unsubscribing"
        );
        let o = store::onboarding::find(&app.state.db, user)
            .await
            .unwrap()
            .unwrap();
        assert!(o.unsubscribed_at.is_some());
    }
}

#[tokio::test]
async fn a_centre_turns_steps_off_and_the_funnel_counts_them() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = &app.state.db;
        let centre = store::centres::create(
            db,
            &store::centres::NewCentre {
                slug: "lyon",
                name: "Studio Lyon",
                kind: "studio",
                town: "Lyon",
            },
        )
        .await
        .unwrap();
        store::onboarding::configure(db, centre, Step::Diagnostic, 24, false)
            .await
            .unwrap();
        store::onboarding::configure(db, centre, Step::Canvas, 1, true)
            .await
            .unwrap();
        let mut people = Vec::new();
        for (n, email) in ["a@exemple.fr", "b@exemple.fr"].iter().enumerate() {
            let id = store::accounts::create_user(
                db,
                &store::accounts::NewUser {
                    email,
                    password_hash: "x",
                    display_name: &format!("Personne {n}"),
                    locale: "fr",
                    verified: true,
                },
            )
            .await
            .unwrap();
            let now = app.now();
            let mut tx = db.begin().await.unwrap();
            web::onboarding::start_in(&mut tx, id, Some(centre), now)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            people.push(id);
        }
        // b pauses: only the welcome reaches them until they resume.
        app.run_jobs().await;
        store::onboarding::set_paused(db, people[1], Some(app.now()))
            .await
            .unwrap();
        app.advance(2 * HOUR);
        app.run_jobs().await;
        let a = app.smtp.to("a@exemple.fr").await;
        assert_eq!(a.len(), 2, "welcome, then the canvas an hour later");
        assert!(a[1].subject.contains("canevas"));
        assert_eq!(app.smtp.to("b@exemple.fr").await.len(), 1);

        let funnel = store::onboarding::funnel(db, centre).await.unwrap();
        let reached: Vec<i64> = funnel.iter().map(|f| f.reached()).collect();
        assert_eq!(reached, vec![2, 0, 1, 0, 0]);

        app.state
            .clock
            .run(web::onboarding::resume(&app.state, people[1]))
            .await
            .unwrap();
        app.run_jobs().await;
        let b = app.smtp.to("b@exemple.fr").await;
        assert_eq!(b.len(), 2, "resumed at the canvas step");
        let funnel = store::onboarding::funnel(db, centre).await.unwrap();
        assert_eq!(funnel[2].sent, 2);
    }
}

async fn user_id(db: &store::Db, email: &str) -> i64 {
    store::accounts::find_user_by_email(db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn studio(db: &store::Db) -> i64 {
    store::centres::find_by_slug(db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A verified person whose onboarding starts now in `centre`.
async fn newcomer(app: &TestApp, email: &str, centre: i64) -> i64 {
    let db = &app.state.db;
    let id = store::accounts::create_user(
        db,
        &store::accounts::NewUser {
            email,
            password_hash: "x",
            display_name: "Camille Roux",
            locale: "fr",
            verified: true,
        },
    )
    .await
    .unwrap();
    let mut tx = db.begin().await.unwrap();
    web::onboarding::start_in(&mut tx, id, Some(centre), app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// The settings form as the page sends it: every step on, one day apart, in the default
/// order, no text of the centre's own; `change` edits it.
fn settings_form(change: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = Vec::new();
    for (n, step) in Step::ALL.iter().enumerate() {
        let code = step.code();
        form.push((format!("{code}-enabled"), "1".into()));
        form.push((
            format!("{code}-delay"),
            if n == 0 { "0" } else { "1" }.into(),
        ));
        form.push((format!("{code}-position"), (n + 1).to_string()));
        for lang in ["fr", "en"] {
            form.push((format!("{code}-subject-{lang}"), String::new()));
            form.push((format!("{code}-intro-{lang}"), String::new()));
        }
    }
    for (name, value) in change {
        match form.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value.to_string(),
            None => form.push((name.to_string(), value.to_string())),
        }
    }
    form.retain(|(n, v)| !(n.ends_with("-enabled") && v.is_empty()));
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn a_manager_sets_the_sequence_and_it_changes_what_fires() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let centre = studio(db).await;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let page = manager.get("/centres/studio/onboarding").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("name=\"canvas-delay\""));

        // Mistakes come back beside their fields, what was typed kept; nothing is saved.
        let long = "x".repeat(151);
        let bad = settings_form(&[
            ("canvas-delay", "-2"),
            ("course-position", "9"),
            ("welcome-subject-fr", &long),
        ]);
        let answer = manager
            .post("/centres/studio/onboarding", &pairs(&bad))
            .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["canvas-delay", "course-position", "welcome-subject-fr"] {
            assert!(
                answer.body.contains(&format!("id=\"f-{field}-error\"")),
                "{field}"
            );
        }
        assert!(answer.body.contains("value=\"-2\""));
        let unchanged = store::onboarding::sequence(db, Some(centre)).await.unwrap();
        assert_eq!(unchanged, domain::onboarding::sequence(&[]));

        // The course comes second, a day after the welcome; the diagnostic is off; the welcome
        // has the centre's own subject and introduction in French.
        let good = settings_form(&[
            ("diagnostic-enabled", ""),
            ("course-position", "2"),
            ("diagnostic-position", "3"),
            ("canvas-position", "4"),
            (
                "welcome-subject-fr",
                "Bienvenue au studio de la Croix-Rousse",
            ),
            (
                "welcome-intro-fr",
                "On se retrouve jeudi à 18 h pour faire connaissance.",
            ),
        ]);
        let saved = manager
            .post("/centres/studio/onboarding", &pairs(&good))
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let page = manager.get("/centres/studio/onboarding").await.body;
        assert!(page.contains("Bienvenue au studio de la Croix-Rousse"));

        // Nobody but the centre's managers (and the network team) reads or changes it.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_ne!(
            coach.get("/centres/studio/onboarding").await.status,
            StatusCode::OK
        );
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        assert_eq!(
            admin.get("/centres/studio/onboarding").await.status,
            StatusCode::OK
        );

        newcomer(&app, "camille@exemple.fr", centre).await;
        app.run_jobs().await;
        let mails = app.smtp.to("camille@exemple.fr").await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].subject, "Bienvenue au studio de la Croix-Rousse");
        assert!(mails[0].text.contains("jeudi à 18 h"));
        app.advance(HOUR);
        app.run_jobs().await;
        assert_eq!(
            app.smtp.to("camille@exemple.fr").await.len(),
            1,
            "a day later"
        );
        app.advance(24 * HOUR);
        let second = app.last_mail_to("camille@exemple.fr").await.unwrap();
        assert!(second.subject.contains("formation"), "{}", second.subject);
        app.advance(25 * HOUR);
        let third = app.last_mail_to("camille@exemple.fr").await.unwrap();
        assert!(
            third.subject.contains("canevas"),
            "the diagnostic is off: {}",
            third.subject
        );
    }
}

#[tokio::test]
async fn the_checklist_ticks_from_what_was_done_and_can_be_hidden() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let mut c = app.client();
        c.post(
            "/signup",
            &[
                ("display_name", "Léa Fontaine"),
                ("email", "lea@exemple.fr"),
                ("password", "une phrase solide"),
            ],
        )
        .await;
        let check = app.last_mail_to("lea@exemple.fr").await.unwrap();
        let link = link_path(&check.text, "http://impact.test/verify/").unwrap();
        c.get(&link).await;
        c.login("lea@exemple.fr", "une phrase solide").await;
        // The welcome and the diagnostic's e-mail went out: nothing is ticked for that.
        app.run_jobs().await;
        app.advance(25 * HOUR);
        app.run_jobs().await;
        assert!(app.smtp.to("lea@exemple.fr").await.len() >= 3);
        let dash = c.get("/dashboard").await.body;
        assert!(dash.contains("Tes premiers pas"), "{dash}");
        assert!(!dash.contains("checklist-item is-done"), "{dash}");
        assert!(dash.contains("href=\"/diagnostics\""));

        // A diagnostic sent: its line is ticked, the others not.
        let user = user_id(&app.state.db, "lea@exemple.fr").await;
        exec(
            &app.state.db,
            &format!(
                "INSERT INTO diagnostic_attempts (diagnostic, version, user_id, answers, created_at, updated_at, submitted_at) \
                 VALUES ('impact', 1, {user}, '{{}}', 0, 0, 0)"
            ),
        )
        .await;
        app.state.changed();
        let dash = c.get("/dashboard").await.body;
        assert_eq!(dash.matches("checklist-item is-done").count(), 1, "{dash}");
        assert!(dash.contains("1 étape(s) faite(s) sur 5"), "{dash}");

        // Hidden for good.
        let hidden = c.post("/onboarding/checklist/dismiss", &[]).await;
        assert_eq!(hidden.status, StatusCode::SEE_OTHER);
        let dash = c.get("/dashboard").await.body;
        assert!(!dash.contains("Tes premiers pas"));
    }
}

#[tokio::test]
async fn the_funnel_counts_reached_and_done_per_period_and_pauses_a_person() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let centre = studio(db).await;
        // The demo has its own onboardings, days ago: the period of today leaves them out.
        let t0 = app.now();
        let today = domain::tracking::iso(domain::time_zone::to_paris(t0).date());
        let a = newcomer(&app, "a@exemple.fr", centre).await;
        newcomer(&app, "b@exemple.fr", centre).await;
        // a takes the diagnostic before its e-mail: reached (skipped) and done; b only reached.
        exec(
            db,
            &format!(
                "INSERT INTO diagnostic_attempts (diagnostic, version, user_id, answers, created_at, updated_at, submitted_at) \
                 VALUES ('impact', 1, {a}, '{{}}', 0, 0, 0)"
            ),
        )
        .await;
        app.run_jobs().await;
        app.advance(25 * HOUR);
        app.run_jobs().await;
        let (started, lines) = store::onboarding::funnel_report(db, centre, t0, i64::MAX)
            .await
            .unwrap();
        assert_eq!(started, 2);
        let figures: Vec<(i64, i64)> = lines.iter().map(|l| (l.reached, l.completed)).collect();
        assert_eq!(figures, vec![(2, 0), (2, 1), (0, 0), (0, 0), (0, 0)]);

        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let page = manager
            .get(&format!("/centres/studio/onboarding/funnel?du={today}&au="))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("2 personnes ont démarré"),
            "{}",
            page.body
        );
        assert!(page.body.contains("<svg class=\"funnel-bar\""));
        assert!(page.body.contains("a@exemple.fr"));
        let csv = manager
            .get(&format!("/centres/studio/onboarding/funnel.csv?du={today}"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.body.contains("diagnostic,2,2,1"), "{}", csv.body);
        // A period before anyone started; a date that is not one, refused beside its field.
        let empty = manager
            .get("/centres/studio/onboarding/funnel?du=2001-01-01&au=2001-12-31")
            .await;
        assert!(
            empty.body.contains("Personne n&#39;a démarré")
                || empty.body.contains("Personne n'a démarré")
        );
        let bad = manager
            .get("/centres/studio/onboarding/funnel?du=demain&au=")
            .await;
        assert_eq!(bad.status, StatusCode::OK);
        assert!(bad.body.contains("id=\"f-du-error\""));

        // Paused from their line: nothing more until resumed.
        let path = format!("/centres/studio/onboarding/people/{a}/pause");
        let paused = manager.post(&path, &[("pause", "1")]).await;
        assert_eq!(paused.status, StatusCode::SEE_OTHER);
        let before = app.smtp.to("a@exemple.fr").await.len();
        app.advance(5 * 24 * HOUR);
        app.run_jobs().await;
        assert_eq!(app.smtp.to("a@exemple.fr").await.len(), before);
        manager.post(&path, &[("pause", "0")]).await;
        app.run_jobs().await;
        assert_eq!(app.smtp.to("a@exemple.fr").await.len(), before + 1);
        // Another centre's person is not theirs to pause.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_ne!(
            coach.post(&path, &[("pause", "1")]).await.status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn an_accepted_applicant_gets_the_welcome_once_their_address_is_proved() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let centre = studio(db).await;
        let mut v = app.client();
        let sent = v
            .post(
                "/offre/studio/lance-ton-projet",
                &[
                    ("display_name", "Nadia Benali"),
                    ("email", "nadia@exemple.fr"),
                    ("password", "une phrase assez longue"),
                    ("motivation", "Une épicerie vrac à Villeurbanne."),
                    ("q0", "Villeurbanne"),
                    ("q1", "Le samedi"),
                ],
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK);
        let user = user_id(db, "nadia@exemple.fr").await;
        let application = store::offers::applications_of_user(db, user).await.unwrap()[0].id;
        let cohort = store::cohorts::for_centre(db, centre).await.unwrap()[0].id;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let accepted = manager
            .post(
                &format!("/applications/{application}/status"),
                &[("status", "accepted"), ("cohort", &cohort.to_string())],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let welcomes = || async {
            app.run_jobs().await;
            app.smtp
                .to("nadia@exemple.fr")
                .await
                .iter()
                .filter(|m| m.subject == "Bienvenue au Studio d'Impact Local")
                .count()
        };
        assert_eq!(welcomes().await, 0, "nothing to an unproved address");
        let o = store::onboarding::find(db, user).await.unwrap().unwrap();
        assert_eq!((o.centre_id, o.address_pending), (Some(centre), 1));

        // The address proved: the welcome, once, in the centre's onboarding.
        let verify = app
            .smtp
            .to("nadia@exemple.fr")
            .await
            .into_iter()
            .find_map(|m| link_path(&m.text, "http://impact.test/verify/"))
            .unwrap();
        v.get(&verify).await;
        assert_eq!(welcomes().await, 1);
        // A second start (another acceptance) and more time change nothing.
        let mut tx = db.begin().await.unwrap();
        web::onboarding::start_in(&mut tx, user, Some(centre), app.now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        app.advance(HOUR);
        assert_eq!(welcomes().await, 1);
        let o = store::onboarding::find(db, user).await.unwrap().unwrap();
        assert_eq!((o.centre_id, o.address_pending), (Some(centre), 0));
    }
}
