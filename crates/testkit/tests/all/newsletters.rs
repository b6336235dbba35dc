//! Newsletters on both databases: the form's mistakes beside their fields and the Markdown
//! preview; sending to the consenting leads only, at the set rate per minute on the controlled
//! clock, a refusal by the mail server counted as failed; never twice to an address, even
//! when the job runs twice or at once; a scheduled one waits for its time; the signed
//! unsubscribe link works without logging in and records the withdrawal of consent.
use axum::http::StatusCode;
use testkit::{TestApp, databases, link_path};

async fn exec(db: &store::Db, sql: &str) {
    match db {
        store::Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        store::Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .expect("fixture sql");
}

/// A lead of `centre`: confirmed and consenting unless told otherwise.
async fn lead(db: &store::Db, centre: i64, email: &str, confirmed: bool, consent: bool) {
    let confirmed = if confirmed { "1" } else { "NULL" };
    let consent = if consent { "1" } else { "NULL" };
    exec(
        db,
        &format!(
            "INSERT INTO leads (email, name, locale, status, source, contact_consent_at, newsletter_consent_at, \
             confirmed_at, last_contact_at, created_at, updated_at, centre_id) \
             VALUES ('{email}', 'Contact', 'fr', 'new', 'pioneers', 1, {consent}, {confirmed}, 1, 1, 1, {centre})"
        ),
    )
    .await;
}

const LEADS: [&str; 4] = [
    "alice@exemple.fr",
    "bruno@exemple.fr",
    "chloe@exemple.fr",
    "refuse@exemple.fr",
];

async fn setup(app: &TestApp) -> i64 {
    let db = &app.state.db;
    let studio = store::centres::find_by_slug(db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    for email in LEADS {
        lead(db, studio, email, true, true).await;
    }
    lead(db, studio, "sans-accord@exemple.fr", true, false).await;
    lead(db, studio, "pas-confirme@exemple.fr", false, true).await;
    studio
}

async fn received(app: &TestApp, email: &str, subject: &str) -> usize {
    app.smtp
        .to(email)
        .await
        .iter()
        .filter(|m| m.subject == subject)
        .count()
}

async fn newsletter_id(app: &TestApp, studio: i64, subject: &str) -> i64 {
    store::newsletters::for_centre(&app.state.db, studio)
        .await
        .unwrap()
        .into_iter()
        .find(|n| n.subject == subject)
        .unwrap()
        .id
}

#[tokio::test]
async fn a_newsletter_goes_once_to_each_consenting_lead_at_the_set_rate() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let studio = setup(&app).await;
        store::settings::set(db, "newsletter_rate_per_minute", "2")
            .await
            .unwrap();
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let list = manager.get("/centres/studio/newsletters").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("2 messages par minute"), "{}", list.body);

        // Mistakes beside their fields, what was typed kept.
        let bad = manager
            .post(
                "/centres/studio/newsletters/new",
                &[
                    ("subject", ""),
                    ("body", "Texte gardé"),
                    ("segment", "tout-le-monde"),
                    ("when", "later"),
                    ("send_at", "2001-01-01T10:00"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["subject", "segment", "send_at"] {
            assert!(
                bad.body.contains(&format!("id=\"f-{field}-error\"")),
                "{field}"
            );
        }
        assert!(bad.body.contains("Texte gardé"));
        // The preview shows the Markdown as it will read, and saves nothing.
        let before = store::newsletters::for_centre(db, studio)
            .await
            .unwrap()
            .len();
        let body = "Bonjour à toutes et à tous,\n\n**Jeudi 18 h** : atelier « Trouver ses premiers clients ».";
        let subject = "Les nouvelles du studio — décembre";
        let preview = manager
            .post(
                "/centres/studio/newsletters/new",
                &[
                    ("subject", subject),
                    ("body", body),
                    ("segment", "leads"),
                    ("when", "now"),
                    ("preview", "1"),
                ],
            )
            .await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(
            preview.body.contains("<strong>Jeudi 18 h</strong>"),
            "{}",
            preview.body
        );
        // A preview stores nothing (the demo's own draft aside).
        assert_eq!(
            store::newsletters::for_centre(db, studio)
                .await
                .unwrap()
                .len(),
            before
        );

        // Sent now: two a minute, on the controlled clock.
        let sent = manager
            .post(
                "/centres/studio/newsletters/new",
                &[
                    ("subject", subject),
                    ("body", body),
                    ("segment", "leads"),
                    ("when", "now"),
                ],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let id = newsletter_id(&app, studio, subject).await;
        app.run_jobs().await;
        let n = store::newsletters::find(db, id).await.unwrap().unwrap();
        assert_eq!(n.sent + n.failed, 2, "two in the first minute");
        // The demo's own consenting leads are there too.
        let total = n.sent + n.failed + n.waiting;
        assert!(total >= 4, "{total}");
        app.advance(30);
        app.run_jobs().await;
        let n = store::newsletters::find(db, id).await.unwrap().unwrap();
        assert_eq!(n.sent + n.failed, 2, "still two within the minute");
        app.advance(31);
        app.run_jobs().await;
        let n = store::newsletters::find(db, id).await.unwrap().unwrap();
        assert_eq!(n.sent + n.failed, 4, "two more the next minute");
        for _ in 0..total {
            app.advance(61);
            app.run_jobs().await;
        }
        let n = store::newsletters::find(db, id).await.unwrap().unwrap();
        assert_eq!((n.sent, n.failed, n.waiting), (total - 1, 1, 0));
        assert_eq!(n.status, "sent");
        for email in &LEADS[..3] {
            assert_eq!(received(&app, email, subject).await, 1, "{email}");
        }
        for email in [
            "sans-accord@exemple.fr",
            "pas-confirme@exemple.fr",
            "participant@demo.local",
        ] {
            assert_eq!(received(&app, email, subject).await, 0, "{email}");
        }
        let page = manager.get(&format!("/newsletters/{id}")).await.body;
        assert!(page.contains("refusée(s) par le serveur"), "{page}");

        // The job again, and a begin again: nothing goes twice.
        let total = app.smtp.count().await;
        exec(
            db,
            &format!("UPDATE newsletters SET status = 'scheduled' WHERE id = {id}"),
        )
        .await;
        app.state
            .clock
            .run(web::newsletters::deliver(&app.state, &id.to_string(), 0))
            .await
            .unwrap();
        app.state
            .clock
            .run(web::newsletters::deliver(&app.state, &id.to_string(), 0))
            .await
            .unwrap();
        app.advance(120);
        app.run_jobs().await;
        assert_eq!(app.smtp.count().await, total);

        // The unsubscribe link: no login, a button, the consent withdrawn; a forged one fails.
        let mail = app.smtp.last_to("alice@exemple.fr").await.unwrap();
        let link = link_path(&mail.text, "http://impact.test/desinscription/lettre/").unwrap();
        let mut anon = app.client();
        let page = anon.get(&link).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Me désinscrire"));
        assert_eq!(anon.post(&link, &[]).await.status, StatusCode::OK);
        assert_eq!(
            anon.get("/desinscription/lettre/1.99999999999.abc")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let alice = store::site::find_lead_by_email(db, "alice@exemple.fr")
            .await
            .unwrap()
            .unwrap();
        assert!(!alice.newsletter(), "consent withdrawn");
        assert!(
            store::newsletters::withdrawn(db, studio, "alice@exemple.fr")
                .await
                .unwrap()
        );

        // The next one skips her; two runs at once still send each address one copy.
        store::settings::set(db, "newsletter_rate_per_minute", "100")
            .await
            .unwrap();
        let second = "Les nouvelles de janvier au studio";
        manager
            .post(
                "/centres/studio/newsletters/new",
                &[
                    ("subject", second),
                    ("body", body),
                    ("segment", "leads"),
                    ("when", "now"),
                ],
            )
            .await;
        let id2 = newsletter_id(&app, studio, second).await;
        let payload = id2.to_string();
        let (a, b) = app
            .state
            .clock
            .run(async {
                tokio::join!(
                    web::newsletters::deliver(&app.state, &payload, 0),
                    web::newsletters::deliver(&app.state, &payload, 0)
                )
            })
            .await;
        a.unwrap();
        b.unwrap();
        app.run_jobs().await;
        assert_eq!(received(&app, "alice@exemple.fr", second).await, 0);
        for email in &LEADS[1..3] {
            assert_eq!(received(&app, email, second).await, 1, "{email}");
        }
    }
}

#[tokio::test]
async fn a_scheduled_newsletter_waits_for_its_time_and_goes_to_members() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let studio = setup(&app).await;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let at = domain::time_zone::to_paris(app.now() + 2 * 86_400);
        let send_at = format!(
            "{}T{:02}:{:02}",
            domain::tracking::iso(at.date()),
            at.hour(),
            at.minute()
        );
        let subject = "Portes ouvertes du studio";
        let saved = manager
            .post(
                "/centres/studio/newsletters/new",
                &[
                    ("subject", subject),
                    ("body", "Venez nous voir samedi."),
                    ("segment", "members"),
                    ("when", "later"),
                    ("send_at", &send_at),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let id = newsletter_id(&app, studio, subject).await;
        // Still editable before its time; nobody else reads it.
        let page = manager.get(&format!("/newsletters/{id}")).await;
        assert!(page.body.contains("name=\"subject\""));
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            coach.get(&format!("/newsletters/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        app.run_jobs().await;
        assert_eq!(received(&app, "participant@demo.local", subject).await, 0);
        app.advance(2 * 86_400 + 60);
        app.run_jobs().await;
        assert_eq!(received(&app, "participant@demo.local", subject).await, 1);
        assert_eq!(
            received(&app, "alice@exemple.fr", subject).await,
            0,
            "a lead, not a member"
        );
        let n = store::newsletters::find(db, id).await.unwrap().unwrap();
        assert_eq!(n.status, "sent");
        // Begun: its page shows the counts, and a change is refused.
        let page = manager.get(&format!("/newsletters/{id}")).await.body;
        assert!(!page.contains("name=\"subject\""));
    }
}

/// A form's fields as the client posts them.
fn pairs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The audit lines of a centre about newsletters, newest first.
async fn newsletter_audit(app: &TestApp, centre: i64) -> Vec<(String, String)> {
    store::audit::list(&app.state.db, Some(centre), 50, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.action.starts_with("newsletter_"))
        .map(|a| (a.action, a.detail))
        .collect()
}

#[tokio::test]
async fn a_centre_sets_its_rate_and_every_send_schedule_cancel_is_audited() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let studio = setup(&app).await;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let settings = "/centres/studio/newsletters/settings";
        let list = manager.get("/centres/studio/newsletters").await;
        assert!(list.body.contains(&format!("href=\"{settings}\"")));
        let page = manager.get(settings).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("value=\"60\""), "the default rate");
        // Others may not read or change it.
        let mut paul = app.client();
        paul.login("participant@demo.local", "impact-demo").await;
        assert_eq!(paul.get(settings).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            paul.post(settings, &[("rate", "5")]).await.status,
            StatusCode::FORBIDDEN
        );

        // Out of bounds or not a number: beside the field, what was typed kept, nothing saved.
        for bad in ["0", "601", "beaucoup"] {
            let r = manager.post(settings, &[("rate", bad)]).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            assert!(r.body.contains("id=\"f-rate-error\""), "{bad}");
            assert!(r.body.contains("de 1 à 600"), "{}", r.body);
            assert!(r.body.contains(&format!("value=\"{bad}\"")), "{bad}");
        }
        assert!(newsletter_audit(&app, studio).await.is_empty());
        let saved = manager.post(settings, &[("rate", "2")]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert!(manager.get(settings).await.body.contains("value=\"2\""));
        assert!(
            manager
                .get("/centres/studio/newsletters")
                .await
                .body
                .contains("Envoi à 2 messages par minute au plus")
        );

        // Scheduled, moved back to a draft (cancelled), then sent now: each an audit line.
        let form = |when: &'static str, at: String| {
            vec![
                ("subject", "Les nouvelles de l'hiver".to_string()),
                ("body", "Bonjour,\n\nÀ bientôt au studio.".to_string()),
                ("segment", "leads".to_string()),
                ("when", when.to_string()),
                ("send_at", at),
            ]
        };
        let tomorrow = domain::time_zone::to_paris(app.now() + 86_400);
        let at = format!(
            "{}T{:02}:00",
            domain::tracking::iso(tomorrow.date()),
            tomorrow.hour()
        );
        let later = form("later", at);
        let r = manager
            .post("/centres/studio/newsletters/new", &pairs(&later))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = newsletter_id(&app, studio, "Les nouvelles de l'hiver").await;
        let draft = form("draft", String::new());
        let r = manager
            .post(&format!("/newsletters/{id}"), &pairs(&draft))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let now = form("now", String::new());
        let r = manager
            .post(&format!("/newsletters/{id}"), &pairs(&now))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let detail = format!("newsletter={id}");
        assert_eq!(
            newsletter_audit(&app, studio).await,
            vec![
                ("newsletter_sent".to_string(), detail.clone()),
                ("newsletter_cancelled".to_string(), detail.clone()),
                ("newsletter_scheduled".to_string(), detail),
                ("newsletter_settings_changed".to_string(), "rate=2".into()),
            ]
        );
        // The centre's rate holds: two messages in the first minute.
        app.run_jobs().await;
        let sent = store::newsletters::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            sent.sent + sent.failed,
            2,
            "the centre's rate of 2 a minute"
        );
        app.state.db.close().await;
    }
}
