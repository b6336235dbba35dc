//! Training-quality evidence on both databases (issue 17): attendance sheets signed on a phone
//! or tablet for a cohort's session and for an event (drawn strokes, or a typed name with the
//! presence certified), refused when empty or forged, kept with the time and the staff who ran
//! the sheet, shown on the PDF sheet; only the centre's managers run them.
use axum::http::StatusCode;
use domain::event::Status;
use testkit::{TestApp, TestDb, databases};

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .contains(text)
}

async fn user_id(db: &store::Db, email: &str) -> i64 {
    store::accounts::find_user_by_email(db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The demo cohort and its first session.
async fn demo_session(db: &store::Db) -> (i64, i64) {
    let studio = store::centres::find_by_slug(db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let cohort = store::cohorts::for_centre(db, studio).await.unwrap()[0].id;
    let session = store::cohorts::sessions(db, cohort).await.unwrap()[0].id;
    (cohort, session)
}

const STROKES: &str = "M20 150 L60 40 L100 150 M130 90 L220 95.4 L300 60";

#[tokio::test]
async fn a_session_sheet_is_signed_drawn_or_typed_and_the_pdf_shows_it() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let (cohort, session) = demo_session(&db).await;
        let paul = user_id(&db, "participant@demo.local").await;
        let coach = user_id(&db, "coach@demo.local").await;
        let sheet = format!("/cohorts/{cohort}/sessions/{session}/emargement");
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;

        // The sheet lists the participants, the coach as trainer and the manager running it.
        let page = manager.get(&sheet).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has(&page.body, "0 signature(s) sur"), "{}", page.body);
        assert!(page.body.contains(&format!("{sheet}/u{paul}")));
        assert!(page.body.contains(&format!("{sheet}/u{coach}")));
        assert!(has(&page.body, "Formateur·rice"));

        // The pad works without JavaScript: the typed name and the box are in the form.
        let pad = manager.get(&format!("{sheet}/u{paul}")).await;
        assert_eq!(pad.status, StatusCode::OK);
        assert!(pad.body.contains("name=\"certify\""));
        assert!(
            pad.body.contains("src=\"/assets/signature-pad"),
            "{}",
            pad.body
        );

        // Nothing given, a name without the box, forged strokes: errors beside the fields.
        let empty = manager.post(&format!("{sheet}/u{paul}"), &[]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("id=\"f-name-error\""));
        assert!(empty.body.contains("id=\"f-certify-error\""));
        let unchecked = manager
            .post(&format!("{sheet}/u{paul}"), &[("name", "Paul <Martin>")])
            .await;
        assert_eq!(unchecked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unchecked.body.contains("Martin") && !unchecked.body.contains("<Martin>"));
        assert!(!unchecked.body.contains("id=\"f-name-error\""));
        let forged = manager
            .post(
                &format!("{sheet}/u{paul}"),
                &[("path", "M1 1 L2 2\"/><script>alert(1)</script>")],
            )
            .await;
        assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(forged.body.contains("id=\"f-path-error\""));
        // Someone not on the sheet has no pad.
        let stranger = manager.get(&format!("{sheet}/u999999")).await;
        assert_eq!(stranger.status, StatusCode::NOT_FOUND);
        assert!(
            store::signatures::of_sheet(&db, store::signatures::Sheet::Session(session))
                .await
                .unwrap()
                .is_empty()
        );

        // Paul signs by drawing: kept (normalised), and he is recorded present.
        let signed = manager
            .post(&format!("{sheet}/u{paul}"), &[("path", STROKES)])
            .await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER);
        assert_eq!(signed.location(), Some(sheet.as_str()));
        // The coach signs without JavaScript: typed name, presence certified.
        let typed = manager
            .post(
                &format!("{sheet}/u{coach}"),
                &[("name", "  Claire   Accompagne "), ("certify", "yes")],
            )
            .await;
        assert_eq!(typed.status, StatusCode::SEE_OTHER);
        let kept = store::signatures::of_sheet(&db, store::signatures::Sheet::Session(session))
            .await
            .unwrap();
        assert_eq!(kept.len(), 2);
        let drawn = kept
            .iter()
            .find(|s| s.signer == format!("user:{paul}"))
            .unwrap();
        assert_eq!(
            drawn.path,
            "M20 150 L60 40 L100 150 M130 90 L220 95 L300 60"
        );
        assert_eq!(drawn.role, "participant");
        assert_eq!(drawn.staff.as_deref(), Some("Malik Gestion"));
        let by_name = kept
            .iter()
            .find(|s| s.signer == format!("user:{coach}"))
            .unwrap();
        assert_eq!(
            (by_name.typed, by_name.name.as_str()),
            (1, "Claire Accompagne")
        );
        assert_eq!(by_name.role, "trainer");
        assert!(
            store::cohorts::attendance(&db, session)
                .await
                .unwrap()
                .contains(&(paul, true))
        );
        let page = manager.get(&sheet).await;
        assert!(has(&page.body, "2 signature(s) sur"), "{}", page.body);

        // The PDF sheet shows both signatures, with the staff who ran it.
        let pdf = manager
            .get(&format!(
                "/cohorts/{cohort}/sessions/{session}/presences.pdf"
            ))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.bytes.starts_with(b"%PDF"));
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            for needle in [
                "Feuille d'émargement",
                "Signé le",
                "Claire Accompagne",
                "présence certifiée",
                "feuille tenue par Malik Gestion",
            ] {
                assert!(has(&text, needle), "{needle:?} missing from {text:?}");
            }
        }

        // Only the centre's managers run a sheet.
        for who in ["coach@demo.local", "participant@demo.local"] {
            let mut c = app.client();
            c.login(who, "impact-demo").await;
            assert_ne!(c.get(&sheet).await.status, StatusCode::OK, "{who}");
            let r = c
                .post(&format!("{sheet}/u{paul}"), &[("path", STROKES)])
                .await;
            assert!(r.status.is_client_error(), "{who}: {}", r.status);
        }
    }
}

#[tokio::test]
async fn an_event_sheet_is_signed_checks_in_and_the_pdf_shows_it() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let event = store::site::event_by_slug(&db, "atelier-decouverte")
            .await
            .unwrap()
            .unwrap()
            .id;
        let reg = store::events::of_event(&db, event)
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.status == Status::Registered)
            .expect("a demo registration");
        let manager_id = user_id(&db, "manager@demo.local").await;
        let sheet = format!("/admin/evenements/{event}/emargement");
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let door = manager
            .get(&format!("/admin/evenements/{event}/accueil"))
            .await;
        assert!(door.body.contains(&sheet));
        let page = manager.get(&sheet).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has(&page.body, &reg.name));

        let r = manager
            .post(&format!("{sheet}/r{}", reg.id), &[("path", STROKES)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = manager
            .post(&format!("{sheet}/u{manager_id}"), &[("path", STROKES)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Signing checked them in.
        let d = store::events::detail(&db, reg.id).await.unwrap().unwrap();
        assert!(d.checked_in_at.is_some());

        let pdf = manager
            .get(&format!("/admin/evenements/{event}/presences.pdf"))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            for needle in [
                reg.name.as_str(),
                "Malik Gestion (Formateur·rice)",
                "Signé le",
            ] {
                assert!(has(&text, needle), "{needle:?} missing from {text:?}");
            }
        }

        // Another centre's manager finds nothing.
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(other.get(&sheet).await.status, StatusCode::NOT_FOUND);
    }
}

/// `2026-12-05T14:00`, Paris time, as the session form takes it.
fn paris_input(unix: i64) -> String {
    let t = domain::time_zone::to_paris(unix);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

fn survey_answer(score: &str) -> Vec<(&'static str, String)> {
    vec![
        ("q-recommander", score.to_string()),
        ("q-contenu", "5".into()),
        ("q-animation", "4".into()),
        ("q-organisation", "4".into()),
        ("q-retenu", "Le canvas d'impact, très concret.".into()),
    ]
}

#[tokio::test]
async fn participants_are_surveyed_once_after_a_session_and_at_the_cohort_end() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let (cohort, _) = demo_session(&db).await;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;

        // A session tomorrow: nothing goes out before it is over.
        let starts = app.now() + 86_400;
        let r = manager
            .post(
                &format!("/cohorts/{cohort}/sessions"),
                &[
                    ("title", "Atelier 2\u{a0}: le modèle économique"),
                    ("starts", &paris_input(starts)),
                    ("room", "Salle du studio"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        app.run_jobs().await;
        assert!(
            store::cohort_surveys::trend(&db, cohort)
                .await
                .unwrap()
                .is_empty()
        );

        // Once it is over, each participant gets the invitation, once.
        app.advance(86_400 + 4 * 3_600);
        let mail = app.last_mail_to("participant@demo.local").await.unwrap();
        assert!(
            has(&mail.text, "Atelier 2 : le modèle économique"),
            "{}",
            mail.text
        );
        let link = testkit::link_path(
            &mail.text,
            &format!("http://impact.test/cohorts/{cohort}/avis/"),
        )
        .expect("the survey link");
        let sent = app.smtp.raw_to("participant@demo.local").await.len();
        let session = store::cohorts::sessions(&db, cohort)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.title.starts_with("Atelier 2"))
            .unwrap()
            .id;
        store::jobs::enqueue(&db, "cohort_survey", &format!("{cohort}:{session}"), None)
            .await
            .unwrap();
        app.run_jobs().await;
        assert_eq!(app.smtp.raw_to("participant@demo.local").await.len(), sent);
        let trend = store::cohort_surveys::trend(&db, cohort).await.unwrap();
        assert_eq!(trend.len(), 1);
        assert_eq!((trend[0].session_id, trend[0].answers), (session, 0));

        // Only the person invited answers, once; a missing answer is shown beside its question.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(coach.get(&link).await.status, StatusCode::NOT_FOUND);
        let mut paul = app.client();
        paul.login("participant@demo.local", "impact-demo").await;
        let page = paul.get(&link).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("q-recommander-10"));
        let missing = paul.post(&link, &[("q-contenu", "5")]).await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(missing.body.contains("q-recommander-error"));
        let fields = survey_answer("9");
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(paul.post(&link, &pairs).await.status, StatusCode::OK);
        assert_eq!(paul.post(&link, &pairs).await.status, StatusCode::CONFLICT);

        // The cohort's results: the NPS, the trend session by session.
        let results = manager.get(&format!("/cohorts/{cohort}/avis")).await;
        assert_eq!(results.status, StatusCode::OK);
        assert!(results.body.contains("data-nps>+100<"), "{}", results.body);
        assert!(has(&results.body, "1 réponse(s) sur"));
        assert!(has(&results.body, "Le canvas d'impact, très concret."));
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            other.get(&format!("/cohorts/{cohort}/avis")).await.status,
            StatusCode::NOT_FOUND
        );

        // Re-dating the cohort's end queues the end-of-cohort survey for that day.
        let c = store::cohorts::find(&db, cohort).await.unwrap().unwrap();
        let end = domain::time_zone::to_paris(app.now() + 2 * 86_400).date();
        let end = format!(
            "{:04}-{:02}-{:02}",
            end.year(),
            u8::from(end.month()),
            end.day()
        );
        let r = manager
            .post(
                &format!("/cohorts/{cohort}"),
                &[
                    ("name", c.name.as_str()),
                    ("starts_on", c.starts_on.as_str()),
                    ("ends_on", end.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        app.run_jobs().await;
        assert_eq!(
            store::cohort_surveys::trend(&db, cohort)
                .await
                .unwrap()
                .len(),
            1
        );
        app.advance(3 * 86_400);
        let mail = app.last_mail_to("participant@demo.local").await.unwrap();
        assert!(mail.text.contains(&c.name), "{}", mail.text);
        let trend = store::cohort_surveys::trend(&db, cohort).await.unwrap();
        assert_eq!(trend.last().map(|s| s.session_id), Some(0));
        let results = manager.get(&format!("/cohorts/{cohort}/avis")).await;
        assert!(has(&results.body, "Bilan de la cohorte"));
    }
}

/// A finished cohort of the demo offer « Lance ton projet » with `n` participants, each present
/// at the one session and answering the end-of-cohort survey with `score`.
async fn finished_cohort(app: &TestApp, n: usize, score: i64) -> i64 {
    let db = &app.state.db;
    let offer = store::offers::find_by_slug(db, "studio", "lance-ton-projet")
        .await
        .unwrap()
        .unwrap();
    let cohort = store::cohorts::create(
        db,
        offer.centre_id,
        &store::cohorts::CohortFields {
            name: "Cohorte de printemps 2026",
            starts_on: "2026-03-01",
            ends_on: "2026-06-30",
        },
    )
    .await
    .unwrap();
    let session = store::cohorts::add_session(db, cohort, "Atelier 1", 1_775_000_000, "", "")
        .await
        .unwrap();
    for k in 0..n {
        let email = format!("printemps{k}@exemple.fr");
        let user = store::accounts::create_user(
            db,
            &store::accounts::NewUser {
                email: &email,
                password_hash: "x",
                display_name: &format!("Participante {k}"),
                locale: "fr",
                verified: true,
            },
        )
        .await
        .unwrap();
        let mut tx = db.begin().await.unwrap();
        store::cohorts::add_member_in(&mut tx, cohort, user, "participant")
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let a = store::offers::apply(db, &offer, user, "Mon projet", "[]")
            .await
            .unwrap();
        store::offers::move_to(
            db,
            a,
            domain::offer::Status::Received,
            domain::offer::Status::Accepted,
            Some(cohort),
        )
        .await
        .unwrap();
        store::cohorts::mark_present(db, session, user)
            .await
            .unwrap();
    }
    let mut tx = db.begin().await.unwrap();
    let invited = store::cohort_surveys::invite_in(&mut tx, cohort, 0, app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (id, _) in invited {
        store::cohort_surveys::answer(
            db,
            id,
            &store::cohort_surveys::NewAnswer {
                survey: "evenement",
                version: 1,
                answers: "{}",
                nps: Some(score),
            },
            app.now(),
        )
        .await
        .unwrap();
    }
    cohort
}

#[tokio::test]
async fn an_offer_publishes_its_results_from_five_respondents_and_exports_its_evidence() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let offer_page = "/offre/studio/lance-ton-projet";
        let mut visitor = app.client();
        assert!(!has(
            &visitor.get(offer_page).await.body,
            "Taux de satisfaction"
        ));

        // Four respondents: still nothing; five: the rates, their count and the period.
        finished_cohort(&app, 4, 9).await;
        assert!(!has(
            &visitor.get(offer_page).await.body,
            "Taux de satisfaction"
        ));
        let db = app.state.db.clone();
        let offer = store::offers::find_by_slug(&db, "studio", "lance-ton-projet")
            .await
            .unwrap()
            .unwrap();
        let extra = store::accounts::create_user(
            &db,
            &store::accounts::NewUser {
                email: "printemps-tard@exemple.fr",
                password_hash: "x",
                display_name: "Participante tardive",
                locale: "fr",
                verified: true,
            },
        )
        .await
        .unwrap();
        let cohort = store::cohorts::for_centre(&db, offer.centre_id)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.name == "Cohorte de printemps 2026")
            .unwrap()
            .id;
        let mut tx = db.begin().await.unwrap();
        store::cohorts::add_member_in(&mut tx, cohort, extra, "participant")
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let a = store::offers::apply(&db, &offer, extra, "Mon projet", "[]")
            .await
            .unwrap();
        store::offers::move_to(
            &db,
            a,
            domain::offer::Status::Received,
            domain::offer::Status::Accepted,
            Some(cohort),
        )
        .await
        .unwrap();
        let mut tx = db.begin().await.unwrap();
        let invited = store::cohort_surveys::invite_in(&mut tx, cohort, 0, app.now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(invited.len(), 1);
        store::cohort_surveys::answer(
            &db,
            invited[0].0,
            &store::cohort_surveys::NewAnswer {
                survey: "evenement",
                version: 1,
                answers: "{}",
                nps: Some(5),
            },
            app.now(),
        )
        .await
        .unwrap();
        let page = visitor.get(offer_page).await;
        assert!(has(&page.body, "Taux de satisfaction"), "{}", page.body);
        // 4 of 5 present at every session, 4 of 5 satisfied.
        assert!(
            page.body.contains("data-completion>80\u{a0}%<"),
            "{}",
            page.body
        );
        assert!(page.body.contains("data-satisfaction>80\u{a0}%<"));
        // Each rate says what it counts, next to its figure.
        assert!(
            has(
                &page.body,
                "présent·es à au moins 75 % des séances de leur cohorte"
            ),
            "{}",
            page.body
        );
        assert!(has(
            &page.body,
            "recommandent l'accompagnement 7 ou plus sur 10"
        ));
        assert!(has(&page.body, "5 répondant·es"));

        // The export: staff only; a wrong period is shown beside its field.
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let evidence = format!("/offers/{}/evidence", offer.id);
        assert_eq!(manager.get(&evidence).await.status, StatusCode::OK);
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(coach.get(&evidence).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            coach
                .get(&format!("{evidence}.zip?from=2026-01-01&to=2026-12-31"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let bad = manager
            .get(&format!("{evidence}.zip?from=2026-12-31&to=2026-01-01"))
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-to-error\""));
        let zip = manager
            .get(&format!("{evidence}.zip?from=2026-01-01&to=2026-12-31"))
            .await;
        assert_eq!(zip.status, StatusCode::OK);
        assert_eq!(zip.header("content-type"), Some("application/zip"));
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|n| n.unwrap().to_string())
            .collect();
        assert!(
            names.contains(&"rapport-qualiopi.pdf".to_string()),
            "{names:?}"
        );
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("emargements/") && n.ends_with(".pdf"))
        );
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("emargements/") && n.ends_with(".csv"))
        );
        let mut report = Vec::new();
        std::io::Read::read_to_end(
            &mut archive.by_name("rapport-qualiopi.pdf").unwrap(),
            &mut report,
        )
        .unwrap();
        if let Some(text) = testkit::pdf_text(&report) {
            for needle in [
                "Index des pièces",
                "Indicateur 2",
                "Indicateur 11",
                "Indicateur 30",
                "Indicateur 32",
                "Lance ton projet",
            ] {
                assert!(has(&text, needle), "{needle:?} missing from {text:?}");
            }
        }
    }
}

#[tokio::test]
async fn applications_notes_and_orders_are_in_the_data_export_and_offers_in_the_sitemap() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let paul = user_id(&db, "participant@demo.local").await;
        let manager = user_id(&db, "manager@demo.local").await;
        let offer = store::offers::find_by_slug(&db, "studio", "lance-ton-projet")
            .await
            .unwrap()
            .unwrap();
        let a = match store::offers::applications_of_user(&db, paul)
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.offer_id == offer.id)
        {
            Some(a) => a.id,
            None => store::offers::apply(&db, &offer, paul, "Ouvrir la recyclerie", "[]")
                .await
                .unwrap(),
        };
        store::offers::add_note(&db, a, manager, "Entretien très convaincant.")
            .await
            .unwrap();
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let export = c.post("/account/export", &[]).await;
        assert_eq!(export.status, StatusCode::OK);
        let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
        let apps = json["applications"].as_array().unwrap();
        assert!(apps.iter().any(|x| x["offer"] == offer.title.as_str()));
        assert!(
            export.body.contains("Entretien très convaincant."),
            "{}",
            export.body
        );
        assert!(json["orders"].is_array());

        let sitemap = app.client().get("/sitemap.xml").await.body;
        assert!(
            sitemap.contains("/offre/studio/lance-ton-projet</loc>"),
            "{sitemap}"
        );
        assert!(sitemap.contains("/offres</loc>"));
    }
}

#[tokio::test]
async fn the_demo_events_use_french_spacing() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let events = store::site::upcoming_events(&app.state.db, app.now(), 100)
        .await
        .unwrap();
    assert!(!events.is_empty());
    for e in events {
        for text in [&e.title, &e.summary, &e.description] {
            let faults = domain::typography::french_spacing_faults(text);
            assert!(faults.is_empty(), "{text:?}: {faults:?}");
        }
    }
}
