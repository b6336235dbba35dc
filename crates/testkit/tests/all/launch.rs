//! Bringing up a new centre in the guided flow, on both databases: the profile creates the
//! centre (bad input refused beside its fields with what was typed kept, a taken address
//! refused), then the manager's invitation, the licence granted with its contract written and
//! sent to the invited manager, the kit applied whole, two of the studio's offers copied closed
//! and the first events drafted unpublished with the opening plan. A step sent twice changes
//! nothing; each step is audited and the flow says how long it took. The invited manager
//! accepts and reads the contract waiting for their signature. Only the network team runs the
//! flow.
use axum::http::StatusCode;
use testkit::{TestApp, databases, link_path};

const ADMIN: &str = "admin@demo.local";
const FLOW: &str = "/admin/centres/micro-centre-de-crest/lancement";
const MANAGER: &str = "claire.crest@exemple.fr";

async fn count(app: &TestApp, sql: &str) -> i64 {
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        store::Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await,
    }
    .unwrap()
}

#[tokio::test]
async fn the_network_brings_up_a_licensed_centre_in_one_guided_flow() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;

        // Only the network team opens a centre.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            die.get("/admin/centres/nouveau").await.status,
            StatusCode::FORBIDDEN
        );
        let mut n = app.client();
        n.login(ADMIN, "impact-demo").await;
        let page = n.get("/centres").await;
        assert!(page.body.contains("href=\"/admin/centres/nouveau\""));
        assert_eq!(n.get("/admin/centres/nouveau").await.status, StatusCode::OK);
        // A centre that did not go through the flow has none; Die did, a month ago.
        let die_flow = n.get("/admin/centres/micro-centre-die/lancement").await;
        assert!(die_flow.body.contains("en 24 minutes"), "{}", die_flow.body);
        assert_eq!(
            n.get("/admin/centres/studio/lancement").await.status,
            StatusCode::NOT_FOUND
        );

        // The profile: bad input beside its fields, what was typed kept, nothing created.
        let bad = n
            .post(
                "/admin/centres/nouveau",
                &[
                    ("name", ""),
                    ("town", "Crest"),
                    ("postcode", "26"),
                    ("email", "pas-un-mail"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["f-name-error", "f-postcode-error", "f-email-error"] {
            assert!(bad.body.contains(field), "{field}: {}", bad.body);
        }
        assert!(bad.body.contains("value=\"Crest\""));
        assert!(bad.body.contains("value=\"pas-un-mail\""));
        let profile = [
            ("name", "Micro-centre de Crest"),
            ("town", "Crest"),
            ("address", "3 place du Marché"),
            ("postcode", "26400"),
            ("email", "crest@exemple.fr"),
            (
                "presentation",
                "Le tiers-lieu des projets à impact de la vallée.",
            ),
        ];
        let r = n.post("/admin/centres/nouveau", &profile).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), Some(FLOW));
        let again = n.post("/admin/centres/nouveau", &profile).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("f-slug-error"));
        let crest = store::centres::find_by_slug(db, "micro-centre-de-crest")
            .await
            .unwrap()
            .unwrap()
            .id;
        let page = n.get("/centres").await;
        assert!(page.body.contains(FLOW), "in progress on the centres page");

        // The flow opens on the manager's step.
        let page = n.get(FLOW).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("1/6 étapes faites"), "{}", page.body);
        assert!(
            page.body
                .contains("action=\"/admin/centres/micro-centre-de-crest/lancement/responsable\"")
        );
        let bad = n
            .post(&format!("{FLOW}/responsable"), &[("email", "claire")])
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-email-error") && bad.body.contains("value=\"claire\""));
        let r = n
            .post(&format!("{FLOW}/responsable"), &[("email", MANAGER)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let twice = n
            .post(
                &format!("{FLOW}/responsable"),
                &[("email", "autre@exemple.fr")],
            )
            .await;
        assert_eq!(twice.status, StatusCode::SEE_OTHER);
        let invitations = format!("SELECT COUNT(*) FROM invitations WHERE centre_id = {crest}");
        assert_eq!(
            count(&app, &invitations).await,
            1,
            "a step sent twice does nothing"
        );

        // The licence, its contract written and sent to the manager invited.
        let page = n.get(FLOW).await;
        assert!(page.body.contains("id=\"f-version_id\""), "{}", page.body);
        let version = store::licences::versions(db).await.unwrap()[0]
            .id
            .to_string();
        let bad = n
            .post(
                &format!("{FLOW}/licence"),
                &[("version_id", &version), ("starts_on", "demain")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-starts_on-error") && bad.body.contains("value=\"demain\""));
        let r = n
            .post(
                &format!("{FLOW}/licence"),
                &[("version_id", &version), ("starts_on", "2027-01-04")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let licence = store::licences::of_centre(db, crest).await.unwrap();
        assert_eq!(licence.len(), 1);
        assert_eq!(licence[0].status, "draft");
        assert_eq!(licence[0].starts_on, "2027-01-04");
        let contracts = store::contracts::of_centre(db, crest).await.unwrap();
        assert_eq!(contracts.len(), 1);
        assert!(contracts[0].sent_at.is_some(), "sent for signature");
        assert!(contracts[0].body.contains("Micro-centre de Crest"));
        let mail = app.last_mail_to(MANAGER).await.expect("contract e-mail");
        assert!(mail.subject.contains("Contrat"), "{}", mail.subject);

        // The kit, whole.
        let current = store::kit::current(db).await.unwrap().unwrap();
        let r = n.post(&format!("{FLOW}/kit"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let held = store::kit::held(db, crest).await.unwrap().unwrap();
        assert_eq!(held.number, current.number);
        assert_eq!(
            store::kit::centre_items(db, crest).await.unwrap().len() as i64,
            current.items
        );

        // Two of the studio's offers, copied closed.
        let studio = app.state.studio_id().await.unwrap().unwrap();
        let offers = store::offers::for_centre(db, studio).await.unwrap();
        assert!(offers.len() >= 2);
        let page = n.get(FLOW).await;
        assert!(page.body.contains(&offers[0].title));
        let (a, b) = (offers[0].id.to_string(), offers[1].id.to_string());
        let r = n
            .post(&format!("{FLOW}/offres"), &[("offer", &a), ("offer", &b)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let copied = store::offers::for_centre(db, crest).await.unwrap();
        assert_eq!(copied.len(), 2);
        assert!(copied.iter().all(|o| !o.open()));
        assert_eq!(copied[0].title, offers[0].title);

        // The first events: a past opening day and an empty title refused, titles kept.
        let bad = n
            .post(
                &format!("{FLOW}/evenements"),
                &[
                    ("opens_on", "2020-01-01"),
                    ("plan", "yes"),
                    ("keep_0", "yes"),
                    ("title_0", "Inauguration à Crest"),
                    ("keep_1", "yes"),
                    ("title_1", "  "),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-opens_on-error") && bad.body.contains("f-title_1-error"));
        assert!(bad.body.contains("value=\"Inauguration à Crest\""));
        let opens = domain::tracking::iso(
            time::OffsetDateTime::from_unix_timestamp(app.now())
                .unwrap()
                .date()
                + time::Duration::weeks(8),
        );
        let r = n
            .post(
                &format!("{FLOW}/evenements"),
                &[
                    ("opens_on", &opens),
                    ("plan", "yes"),
                    ("keep_0", "yes"),
                    ("title_0", "Inauguration à Crest"),
                    ("keep_1", "yes"),
                    ("title_1", "Atelier découverte"),
                    ("title_2", "Lancement de la cohorte"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let events: Vec<_> = store::site::all_events(db, Some(crest)).await.unwrap();
        assert_eq!(events.len(), 2, "the unticked one is not drafted");
        assert!(events.iter().all(|e| e.published == 0));
        assert!(
            events
                .iter()
                .any(|e| e.kind == domain::event::EventKind::Opening
                    && e.place.contains("3 place du Marché"))
        );
        assert_eq!(
            store::opening::opens_on(db, crest)
                .await
                .unwrap()
                .as_deref(),
            Some(opens.as_str())
        );

        // Finished: the page says so and how long it took; every step is audited.
        let launch = store::launches::find(db, crest).await.unwrap().unwrap();
        assert!(launch.finished_at.is_some());
        assert_eq!((launch.offers_copied, launch.events_drafted), (2, 2));
        let page = n.get(FLOW).await;
        assert!(page.body.contains("Le centre est prêt"), "{}", page.body);
        assert!(page.body.contains("6/6 étapes faites"));
        let steps = format!(
            "SELECT COUNT(*) FROM audit_log WHERE centre_id = {crest} AND action = 'centre_launch'"
        );
        assert_eq!(count(&app, &steps).await, 6, "five steps and the end");
        let page = n.get("/centres").await;
        assert!(!page.body.contains(FLOW), "no longer in progress");

        // The manager accepts and finds the contract waiting for their signature.
        let invite = count(
            &app,
            &format!("SELECT COUNT(*) FROM invitations WHERE centre_id = {crest} AND role = 'centre_manager'"),
        )
        .await;
        assert_eq!(invite, 1);
        let smtp_mail = app
            .smtp
            .to(MANAGER)
            .await
            .into_iter()
            .find(|m| m.text.contains("/invitations/"))
            .expect("invitation e-mail");
        let link = link_path(&smtp_mail.text, "http://impact.test/invitations/").unwrap();
        let mut m = app.client();
        let r = m
            .post(
                &link,
                &[
                    ("display_name", "Claire Crest"),
                    ("password", "ouvrir un centre à Crest"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = m.get(&format!("/contrats/{}", contracts[0].id)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("name=\"fingerprint\""), "{}", page.body);
        // They do not run the flow.
        assert_eq!(m.get(FLOW).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            m.post(&format!("{FLOW}/kit"), &[]).await.status,
            StatusCode::FORBIDDEN
        );
    }
}
