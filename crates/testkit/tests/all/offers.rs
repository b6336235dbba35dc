//! Offers and applications on both databases: the catalogue staff write and the public pages
//! show, applying as a visitor (an account made or linked) or as a participant, a closed offer
//! and a second application refused with a clear message, the pipeline's steps with an e-mail
//! at each in the SMTP sink, the manager's « À faire », a paid offer's order awaiting payment,
//! and a cohort's capacity.
use axum::http::StatusCode;
use domain::offer::Status;
use testkit::{TestApp, databases, link_path};

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .contains(text)
}

async fn studio(app: &TestApp) -> i64 {
    store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn application_of(app: &TestApp, email: &str) -> store::offers::Application {
    let user = store::accounts::find_user_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap();
    store::offers::applications_of_user(&app.state.db, user.id)
        .await
        .unwrap()
        .remove(0)
}

#[tokio::test]
async fn staff_write_the_catalogue_and_the_public_pages_show_it() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut v = app.client();
        // The landing and /offres show the demo catalogue, with links to each offer.
        let home = v.get("/").await.body;
        assert!(has(&home, "Lance ton projet à impact local"), "{home}");
        assert!(home.contains("href=\"/offre/studio/lance-ton-projet\""));
        let offers = v.get("/offres").await.body;
        for title in [
            "Lance ton projet à impact local",
            "Accompagnement à l'essai (2 à 3 projets)",
            "Offre premium personnalisée",
            "Atelier découverte",
        ] {
            assert!(has(&offers, title), "{title}");
        }
        assert!(
            has(&offers, "Gratuit") && has(&offers, "360,00\u{a0}€"),
            "{offers}"
        );
        let page = v.get("/offre/studio/lance-ton-projet").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has(&page.body, "Dans quel quartier") && page.body.contains("name=\"q1\""));
        assert_eq!(
            v.get("/offre/studio/nope").await.status,
            StatusCode::NOT_FOUND
        );

        // Only the centre's managers write it.
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        assert_eq!(
            manager.get("/centres/studio/offers").await.status,
            StatusCode::OK
        );
        for who in ["coach@demo.local", "manager.die@demo.local"] {
            let mut c = app.client();
            c.login(who, "impact-demo").await;
            assert_eq!(
                c.get("/centres/studio/offers").await.status,
                StatusCode::FORBIDDEN,
                "{who}"
            );
        }
        // A mistake comes back beside its field with what was typed.
        let bad = manager
            .post(
                "/centres/studio/offers/new",
                &[
                    ("title", "Atelier <vélo>"),
                    ("slug", "Pas Une Adresse"),
                    ("description", "Réparer ensemble."),
                    ("format", "Atelier"),
                    ("duration", "3 heures"),
                    ("price", "douze"),
                    ("capacity", "-2"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["slug", "price", "capacity"] {
            assert!(
                bad.body.contains(&format!("id=\"f-{field}-error\"")),
                "{field}"
            );
        }
        assert!(bad.body.contains("Atelier &#60;vélo&#62;"));
        let taken = manager
            .post(
                "/centres/studio/offers/new",
                &[
                    ("title", "Doublon"),
                    ("slug", "atelier-decouverte"),
                    ("description", "x"),
                    ("format", "x"),
                    ("duration", "x"),
                    ("price", "0"),
                ],
            )
            .await;
        assert!(taken.body.contains("id=\"f-slug-error\""));
        let created = manager
            .post(
                "/centres/studio/offers/new",
                &[
                    ("title", "Atelier réparation vélo"),
                    ("slug", "atelier-velo"),
                    ("description", "Réparer ensemble."),
                    ("format", "Atelier"),
                    ("duration", "3 heures"),
                    ("price", "12,50"),
                    ("capacity", "8"),
                    ("questions", "As-tu un vélo ?\n\n"),
                    ("open", "1"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let offer = store::offers::find_by_slug(&app.state.db, "studio", "atelier-velo")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((offer.price_cents, offer.capacity), (1_250, 8));
        assert_eq!(offer.questions, "As-tu un vélo ?");
        assert!(has(&v.get("/offres").await.body, "Atelier réparation vélo"));
        // Closing it takes it out of the catalogue; its page says it is closed.
        let edit = manager.get(&format!("/offers/{}/edit", offer.id)).await;
        assert!(edit.body.contains("value=\"12,50\""));
        let closed = manager
            .post(
                &format!("/offers/{}/edit", offer.id),
                &[
                    ("title", "Atelier réparation vélo"),
                    ("slug", "atelier-velo"),
                    ("description", "Réparer ensemble."),
                    ("format", "Atelier"),
                    ("duration", "3 heures"),
                    ("price", "12,50"),
                    ("capacity", "8"),
                ],
            )
            .await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER);
        assert!(!has(
            &v.get("/offres").await.body,
            "Atelier réparation vélo"
        ));
        assert!(has(
            &v.get("/offre/studio/atelier-velo").await.body,
            "n'accepte plus de candidatures"
        ));
    }
}

#[tokio::test]
async fn applications_move_through_the_pipeline_with_an_email_at_each_step() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = studio(&app).await;
        let path = "/offre/studio/lance-ton-projet";
        // A visitor's mistakes come back beside their fields, what they typed kept.
        let mut v = app.client();
        let bad = v
            .post(
                path,
                &[("display_name", "Inès"), ("email", "pas-une-adresse")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["email", "password", "motivation", "q0", "q1"] {
            assert!(
                bad.body.contains(&format!("id=\"f-{field}-error\"")),
                "{field}"
            );
        }
        assert!(bad.body.contains("value=\"Inès\""));
        // A visitor applies: an account is made (to verify) and the application is received.
        let fields = [
            ("display_name", "Inès Martin"),
            ("email", "ines@exemple.fr"),
            ("password", "une phrase assez longue"),
            (
                "motivation",
                "Ouvrir une cantine solidaire à la Croix-Rousse.",
            ),
            ("q0", "Lyon 4e"),
            ("q1", "Les soirées"),
        ];
        let sent = v.post(path, &fields).await;
        assert_eq!(sent.status, StatusCode::OK);
        assert!(has(&sent.body, "Candidature reçue"));
        let a = application_of(&app, "ines@exemple.fr").await;
        assert_eq!(a.status, Status::Received);
        assert!(a.answers.contains("Lyon 4e"));
        let mails = {
            app.run_jobs().await;
            app.smtp.to("ines@exemple.fr").await
        };
        assert!(
            mails
                .iter()
                .any(|m| m.subject.contains("Candidature reçue")),
            "received"
        );
        assert!(
            mails.iter().any(|m| m.text.contains("/verify/")),
            "verification"
        );
        // The same address again: the same answer, still one application.
        let again = app.client().post(path, &fields).await;
        assert!(has(&again.body, "Candidature reçue"));
        let user = store::accounts::find_user_by_email(&app.state.db, "ines@exemple.fr")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            store::offers::applications_of_user(&app.state.db, user.id)
                .await
                .unwrap()
                .len(),
            1
        );

        // A participant applies as themself; twice is refused with a clear message.
        let mut paul = app.client();
        paul.login("participant@demo.local", "impact-demo").await;
        let trial = "/offre/studio/accompagnement-test";
        let applied = paul
            .post(
                trial,
                &[
                    ("motivation", "Tester avant de m'engager."),
                    ("q0", "Une recyclerie."),
                ],
            )
            .await;
        assert_eq!(
            applied.location(),
            Some("/mes-candidatures"),
            "{}",
            applied.body
        );
        let twice = paul
            .post(
                trial,
                &[("motivation", "Encore."), ("q0", "Une recyclerie.")],
            )
            .await;
        assert_eq!(twice.status, StatusCode::CONFLICT);
        assert!(has(&twice.body, "Tu as déjà candidaté"));
        assert!(has(&paul.get("/mes-candidatures").await.body, "Reçue"));

        // The manager finds them in « À faire » and in the centre's list.
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let dash = manager.get("/dashboard").await.body;
        assert!(dash.contains("id=\"todo-applications\"") || dash.contains("todo-applications"));
        assert!(dash.contains(&format!("/applications/{}", a.id)), "{dash}");
        assert!(has(
            &manager.get("/centres/studio/applications").await.body,
            "Inès Martin"
        ));
        // Nobody else reads an application.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            coach.get(&format!("/applications/{}", a.id)).await.status,
            StatusCode::NOT_FOUND
        );

        // Notes and scores; a score out of the grid is refused beside its field.
        let note = manager
            .post(
                &format!("/applications/{}/notes", a.id),
                &[("body", "Projet solide, à rencontrer.")],
            )
            .await;
        assert_eq!(note.status, StatusCode::SEE_OTHER);
        let bad = manager
            .post(
                &format!("/applications/{}/scores", a.id),
                &[
                    ("motivation", "9"),
                    ("impact", "4"),
                    ("feasibility", "3"),
                    ("availability", "2"),
                ],
            )
            .await;
        assert!(bad.body.contains("id=\"f-motivation-error\""));
        manager
            .post(
                &format!("/applications/{}/scores", a.id),
                &[
                    ("motivation", "5"),
                    ("impact", "4"),
                    ("feasibility", "3"),
                    ("availability", "2"),
                ],
            )
            .await;
        let shown = manager.get(&format!("/applications/{}", a.id)).await.body;
        assert!(
            has(&shown, "Projet solide") && shown.contains("· 14</h2>"),
            "{shown}"
        );

        // Received → interview (e-mail), then a step that is not allowed, then accepted
        // without a cohort: refused beside the field.
        let step = |status: &'static str, cohort: String| {
            let path = format!("/applications/{}/status", a.id);
            (path, status, cohort)
        };
        let (p, s, c) = step("interview", String::new());
        assert_eq!(
            manager
                .post(&p, &[("status", s), ("cohort", &c)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let mail = app.last_mail_to("ines@exemple.fr").await.unwrap();
        assert!(
            mail.subject.contains("Rencontrons-nous"),
            "{}",
            mail.subject
        );
        let refused = manager.post(&p, &[("status", "received")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-status-error\""));
        let no_cohort = manager
            .post(&p, &[("status", "accepted"), ("cohort", "")])
            .await;
        assert!(no_cohort.body.contains("id=\"f-cohort-error\""));

        // Accepted into a cohort: she joins it (and the centre), the paid offer's order
        // awaits payment, the welcome links to the cohort's page, which she can read.
        let cohort = store::cohorts::for_centre(&app.state.db, centre)
            .await
            .unwrap()[0]
            .clone();
        let accepted = manager
            .post(
                &p,
                &[("status", "accepted"), ("cohort", &cohort.id.to_string())],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let a2 = application_of(&app, "ines@exemple.fr").await;
        assert_eq!(
            (a2.status, a2.cohort_id),
            (Status::Accepted, Some(cohort.id))
        );
        let orders = store::offers::orders_of_user(&app.state.db, user.id)
            .await
            .unwrap();
        assert_eq!(orders.len(), 1);
        assert_eq!(
            (orders[0].amount_cents, orders[0].status.as_str()),
            (36_000, "awaiting_payment")
        );
        let welcome = app.last_mail_to("ines@exemple.fr").await.unwrap();
        assert!(welcome.subject.contains("Bienvenue"), "{}", welcome.subject);
        assert!(welcome.text.contains("en attente de paiement"));
        let cohort_path = link_path(&welcome.text, "http://impact.test/cohorts/").unwrap();
        assert_eq!(cohort_path, format!("/cohorts/{}", cohort.id));
        let final_step = manager.post(&p, &[("status", "declined")]).await;
        assert_eq!(final_step.status, StatusCode::UNPROCESSABLE_ENTITY);

        // She verifies her address, signs in and sees her cohort and her order.
        let verify = app
            .smtp
            .to("ines@exemple.fr")
            .await
            .into_iter()
            .find_map(|m| link_path(&m.text, "http://impact.test/verify/"))
            .unwrap();
        let mut ines = app.client();
        ines.get(&verify).await;
        ines.login("ines@exemple.fr", "une phrase assez longue")
            .await;
        let page = ines.get(&cohort_path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(has(&page.body, "Inès Martin") && has(&page.body, "Paul Porteur"));
        assert!(
            !page.body.contains("mailto:paul"),
            "participants do not see addresses"
        );
        let mine = ines.get("/mes-candidatures").await.body;
        assert!(
            has(&mine, "En attente de paiement") && has(&mine, "360,00"),
            "{mine}"
        );

        // Declined and waitlisted send their e-mails too.
        let paul_app = application_of(&app, "participant@demo.local").await;
        let p = format!("/applications/{}/status", paul_app.id);
        manager.post(&p, &[("status", "waitlisted")]).await;
        let mail = app.last_mail_to("participant@demo.local").await.unwrap();
        assert!(mail.subject.contains("Liste d'attente"), "{}", mail.subject);
        manager.post(&p, &[("status", "declined")]).await;
        let mail = app.last_mail_to("participant@demo.local").await.unwrap();
        assert!(mail.subject.contains("Ta candidature"), "{}", mail.subject);
        assert!(
            store::offers::orders_of_user(&app.state.db, paul_app.user_id)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn a_closed_offer_and_a_full_cohort_refuse_clearly() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let centre = studio(&app).await;
        let offer = store::offers::find_by_slug(db, "studio", "atelier-decouverte")
            .await
            .unwrap()
            .unwrap();
        let mut fields = store::offers::OfferFields {
            slug: offer.slug.clone(),
            title: offer.title.clone(),
            description: offer.description.clone(),
            format: offer.format.clone(),
            duration: offer.duration.clone(),
            open: false,
            ..Default::default()
        };
        store::offers::update(db, offer.id, &fields).await.unwrap();
        let mut paul = app.client();
        paul.login("participant@demo.local", "impact-demo").await;
        let r = paul
            .post(
                "/offre/studio/atelier-decouverte",
                &[("motivation", "Venir.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(has(&r.body, "n'accepte plus de candidatures"));

        // A cohort of one seat: the second participant accepted into it is refused beside
        // the cohort field, and nothing of that acceptance is kept.
        fields.open = true;
        store::offers::update(db, offer.id, &fields).await.unwrap();
        let cohort = store::cohorts::create(
            db,
            centre,
            &store::cohorts::CohortFields {
                name: "Mini-cohorte",
                starts_on: "2027-01-04",
                ends_on: "2027-02-26",
            },
        )
        .await
        .unwrap();
        store::cohorts::set_capacity(db, cohort, 1).await.unwrap();
        for who in ["participant@demo.local", "ambassador@demo.local"] {
            let mut c = app.client();
            c.login(who, "impact-demo").await;
            let r = c
                .post(
                    "/offre/studio/atelier-decouverte",
                    &[("motivation", "Venir.")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{who}");
        }
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let first = application_of(&app, "participant@demo.local").await;
        let second = application_of(&app, "ambassador@demo.local").await;
        let accept = |id: i64| format!("/applications/{id}/status");
        let ok = manager
            .post(
                &accept(first.id),
                &[("status", "accepted"), ("cohort", &cohort.to_string())],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let full = manager
            .post(
                &accept(second.id),
                &[("status", "accepted"), ("cohort", &cohort.to_string())],
            )
            .await;
        assert_eq!(full.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&full.body, "Cette cohorte est complète"));
        assert_eq!(
            application_of(&app, "ambassador@demo.local").await.status,
            Status::Received
        );
        let found = store::cohorts::find(db, cohort).await.unwrap().unwrap();
        assert_eq!((found.participants, found.capacity), (1, 1));
    }
}
