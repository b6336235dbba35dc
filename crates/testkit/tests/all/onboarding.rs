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
