//! Project tracking and impact: storage on both backends, the pages over HTTP (coaching
//! sessions, tasks, attachments, roadmap details, timeline, template, file import, indicators,
//! network report with CSV and XLSX read back, yearly review, dashboards).
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use testkit::{TestApp, databases};

async fn user(db: &store::Db, email: &str, name: &str) -> i64 {
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    store::accounts::create_user(
        db,
        &store::accounts::NewUser {
            email,
            password_hash: hash,
            display_name: name,
            locale: "fr",
            verified: true,
        },
    )
    .await
    .unwrap()
}

async fn centre(db: &store::Db, slug: &str) -> i64 {
    store::centres::create(
        db,
        &store::centres::NewCentre {
            slug,
            name: slug,
            kind: "studio",
            town: "",
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn sessions_tasks_details_and_health_on_both_databases() {
    for t in databases().await {
        let db = &t.db;
        let c = centre(db, "c").await;
        let coach = user(db, "coach@x.fr", "Claire").await;
        let paul = user(db, "paul@x.fr", "Paul").await;
        let p = testkit::project(db, c, "Recyclerie", "test").await;
        let steps = vec![
            "Appeler la mairie".to_string(),
            "Chiffrer le local".to_string(),
        ];
        let (session, tasks) = store::tracking::create_session(
            db,
            &store::tracking::NewSession {
                centre_id: c,
                project_id: p,
                coach_id: Some(coach),
                held_on: "2026-11-12",
                shared_notes: "Partagé",
                private_notes: "Réservé",
                decisions: "Ouvrir en janvier",
                participants: &[paul, paul],
                next_steps: &steps,
                step_owner: Some(paul),
                step_due: Some("2020-01-01"),
            },
        )
        .await
        .unwrap();
        assert_eq!(tasks.len(), 2, "{}", t.backend);
        let listed = store::tracking::tasks(db, p).await.unwrap();
        assert_eq!(listed.len(), 2);
        assert!(
            listed
                .iter()
                .all(|x| x.session_id == Some(session) && x.owner_name.as_deref() == Some("Paul"))
        );
        assert_eq!(
            store::tracking::participants(db, p).await.unwrap(),
            vec![(session, "Paul".to_string())]
        );
        let milestone = store::tracking::create_task(
            db,
            &store::tracking::NewTask {
                centre_id: c,
                project_id: p,
                kind: "milestone",
                title: "Ouverture",
                owner_id: None,
                due_on: Some("2020-02-01"),
                created_by: Some(coach),
            },
        )
        .await
        .unwrap();
        let health = store::tracking::health(db, c, "2026-11-25").await.unwrap();
        assert_eq!(
            (health[0].overdue_tasks, health[0].overdue_milestones),
            (2, 1)
        );
        store::tracking::set_task_status(db, tasks[0], "done")
            .await
            .unwrap();
        store::tracking::set_task_status(db, milestone, "done")
            .await
            .unwrap();
        let health = store::tracking::health(db, c, "2026-11-25").await.unwrap();
        assert_eq!(
            (health[0].overdue_tasks, health[0].overdue_milestones),
            (1, 0)
        );
        let done = store::tracking::find_task(db, tasks[0])
            .await
            .unwrap()
            .unwrap();
        assert!(done.done_at.is_some());
        assert!(matches!(
            store::tracking::set_task_status(db, 9_999, "done").await,
            Err(store::StoreError::NotFound)
        ));
        let activity = store::tracking::recent_activity(db, p, 10).await.unwrap();
        assert!(
            activity
                .iter()
                .any(|a| matches!(a.what, store::tracking::Happened::TaskDone(_)))
        );
        assert!(
            activity
                .iter()
                .any(|a| matches!(a.what, store::tracking::Happened::Session(_)))
        );

        // Item details beside a roadmap, replaced on a second save.
        let doc = domain::roadmap::parse(domain::tracking::LAUNCH_TEMPLATE).unwrap();
        let r = store::roadmaps::create(db, c, Some(p), &doc, Some("2026-10-01"), None)
            .await
            .unwrap();
        for notes in ["Premier jet", "Revu avec Claire"] {
            store::tracking::set_item_details(
                db,
                r,
                (0, 1, 2),
                &store::tracking::SetItemDetails {
                    owner_id: Some(paul),
                    due_on: Some("2026-12-01"),
                    notes,
                    link: "/canvases/1",
                    evidence: "",
                },
            )
            .await
            .unwrap();
        }
        let details = store::tracking::item_details(db, r).await.unwrap();
        assert_eq!(details.len(), 1);
        assert_eq!(details[0].notes, "Revu avec Claire");
        assert_eq!(details[0].owner_name.as_deref(), Some("Paul"));
        // The Markdown is untouched by the details.
        let row = store::roadmaps::find(db, r).await.unwrap().unwrap();
        assert_eq!(
            row.roadmap().unwrap().render(),
            domain::tracking::LAUNCH_TEMPLATE
        );
        assert_eq!(
            store::tracking::project_roadmaps(db, p)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn indicators_measurements_figures_and_reviews_on_both_databases() {
    for t in databases().await {
        let db = &t.db;
        let c1 = centre(db, "c1").await;
        let c2 = centre(db, "c2").await;
        let p1 = testkit::project(db, c1, "P1", "idea").await;
        let p2 = testkit::project(db, c2, "P2", "idea").await;
        let add = |c: i64, p: i64, code: &'static str| store::impact::NewIndicator {
            centre_id: c,
            project_id: p,
            code,
            baseline: 0,
            target: Some(10_000),
            target_on: None,
        };
        let w1 = store::impact::add_indicator(db, &add(c1, p1, "waste-diverted"))
            .await
            .unwrap();
        let w2 = store::impact::add_indicator(db, &add(c2, p2, "waste-diverted"))
            .await
            .unwrap();
        let j1 = store::impact::add_indicator(db, &add(c1, p1, "jobs-created"))
            .await
            .unwrap();
        assert!(matches!(
            store::impact::add_indicator(db, &add(c1, p1, "waste-diverted")).await,
            Err(store::StoreError::Duplicate)
        ));
        store::impact::add_measurements(
            db,
            &[
                (w1, "2025-12-31".into(), 9_000),
                (w1, "2026-01-31".into(), 1_500),
                (w1, "2026-02-28".into(), 2_250),
                (w2, "2026-02-15".into(), 500),
                (j1, "2025-06-30".into(), 2_000),
                (j1, "2026-03-31".into(), 3_000),
                (j1, "2026-03-31".into(), 4_000),
            ],
        )
        .await
        .unwrap();
        // Q1 2026 across the network: waste 1.5 + 2.25 + 0.5 = 4.25 t; jobs: the last level (4).
        let figures = store::impact::figures(db, "2026-01-01", "2026-03-31", Default::default())
            .await
            .unwrap();
        let totals = domain::impact::aggregate(&figures);
        let get = |c: &str| totals.iter().find(|x| x.code == c).unwrap().clone();
        assert_eq!(get("waste-diverted").value, 4_250, "{}", t.backend);
        assert_eq!(get("waste-diverted").measurements, 3);
        assert_eq!(get("jobs-created").value, 4_000);
        // January only: jobs carried over from June 2025; p2 has no waste measurement.
        let figures = store::impact::figures(db, "2026-01-01", "2026-01-31", Default::default())
            .await
            .unwrap();
        let totals = domain::impact::aggregate(&figures);
        let waste = totals.iter().find(|x| x.code == "waste-diverted").unwrap();
        assert_eq!((waste.value, waste.reporting, waste.missing), (1_500, 1, 1));
        let jobs = totals.iter().find(|x| x.code == "jobs-created").unwrap();
        assert_eq!((jobs.value, jobs.carried), (2_000, 1));
        // One centre only.
        let figures = store::impact::figures(
            db,
            "2026-01-01",
            "2026-03-31",
            store::impact::Among {
                centre: Some(c2),
                cohort: None,
            },
        )
        .await
        .unwrap();
        assert!(figures.iter().all(|f| f.centre_id == c2) && figures.len() == 1);
        // Indicators stored before the packs existed are packed on first reading.
        let before = store::impact::figures(db, "2026-01-01", "2026-03-31", Default::default())
            .await
            .unwrap();
        t.execute("UPDATE project_indicators SET series = NULL")
            .await;
        let after = store::impact::figures(db, "2026-01-01", "2026-03-31", Default::default())
            .await
            .unwrap();
        assert_eq!(before, after, "{}", t.backend);
        assert_eq!(store::impact::measurements(db, p1).await.unwrap().len(), 6);

        let objectives = vec![(
            "waste-diverted".to_string(),
            Some(4_250),
            12_000,
            "Deux recycleries de plus".to_string(),
        )];
        for financial in ["Premier jet", "Résultat : 12 000 € d'excédent"] {
            store::impact::save_review(
                db,
                &store::impact::SaveReview {
                    year: 1,
                    period_from: "2026-01-01",
                    period_to: "2026-12-31",
                    financial,
                    cohorts: "Deux cohortes de 12",
                    feedback: "",
                    impact_summary: "[]",
                    recorded_by: None,
                    objectives: &objectives,
                },
            )
            .await
            .unwrap();
        }
        let reviews = store::impact::reviews(db).await.unwrap();
        assert_eq!(reviews.len(), 1);
        assert!(reviews[0].financial.starts_with("Résultat"));
        let saved = store::impact::objectives(db, reviews[0].id).await.unwrap();
        assert_eq!(saved.len(), 1);
        assert_eq!((saved[0].achieved, saved[0].target), (Some(4_250), 12_000));
    }
}

async fn project_id(app: &TestApp, name: &str) -> i64 {
    let mut found = None;
    for c in store::centres::list(&app.state.db).await.unwrap() {
        for p in store::projects::for_centre(&app.state.db, c.id, 0)
            .await
            .unwrap()
        {
            if p.name == name {
                found = Some(p.id);
            }
        }
    }
    found.expect(name)
}

#[tokio::test]
async fn coach_records_a_session_participant_ticks_off_the_task() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let id = project_id(&app, "La Recyclerie des Pentes").await;
        let paul = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let page = coach.get(&format!("/projects/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Enregistrer une séance"));
        assert!(
            page.body.contains("proposer le binôme"),
            "coach sees private notes"
        );

        // A bad date: the error shows beside the field and what was typed stays.
        let bad = coach
            .post_multipart(
                &format!("/projects/{id}/sessions"),
                &[
                    ("held_on", "12/11/2026"),
                    ("shared_notes", "Point sur le local"),
                    ("next_steps", "Préparer le stand du marché"),
                ],
                None,
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-held_on-error\""));
        assert!(
            bad.body.contains("Point sur le local")
                && bad.body.contains("Préparer le stand du marché")
        );

        // Too large a file is refused beside its field (the test limit is 1 MB).
        let big = vec![b'x'; 1024 * 1024 + 10];
        let too_big = coach
            .post_multipart(
                &format!("/projects/{id}/sessions"),
                &[("held_on", "2026-11-20")],
                Some(("attachment", "scan.pdf", &big)),
            )
            .await;
        assert_eq!(too_big.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_big.body.contains("id=\"f-attachment-error\""));

        let paul_text = paul.to_string();
        let ok = coach
            .post_multipart(
                &format!("/projects/{id}/sessions"),
                &[
                    ("held_on", "2026-11-20"),
                    ("participants", &paul_text),
                    ("shared_notes", "Point sur le local"),
                    ("private_notes", "Fatigue de Paul à surveiller"),
                    ("decisions", "Stand au marché de la Croix-Rousse"),
                    ("next_steps", "Préparer le stand du marché\r\n"),
                    ("step_owner", &paul_text),
                    ("step_due", "2026-12-05"),
                ],
                Some((
                    "attachment",
                    "compte-rendu.txt",
                    "Compte rendu : tout va bien.".as_bytes(),
                )),
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let tasks = store::tracking::tasks(&app.state.db, id).await.unwrap();
        let task = tasks
            .iter()
            .find(|t| t.title == "Préparer le stand du marché")
            .expect("the next step became a task");
        assert_eq!(task.owner_id, Some(paul));
        let files = store::tracking::attachments(&app.state.db, id)
            .await
            .unwrap();
        assert_eq!(files.len(), 1);
        let download = coach.get(&format!("/attachments/{}", files[0].id)).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.body, "Compte rendu : tout va bien.");
        assert!(
            download
                .header("content-disposition")
                .unwrap()
                .starts_with("attachment")
        );

        // The participant sees the shared notes but not the coach's, and ticks the task off.
        let mut participant = app.client();
        participant
            .login("participant@demo.local", "impact-demo")
            .await;
        let page = participant.get(&format!("/projects/{id}")).await.body;
        assert!(page.contains("Point sur le local"));
        assert!(!page.contains("Fatigue de Paul") && !page.contains("proposer le binôme"));
        assert!(!page.contains("Enregistrer une séance"));
        assert!(page.contains("Préparer le stand du marché"));
        let dash = participant.get("/dashboard").await.body;
        assert!(
            dash.contains("Mes prochaines tâches") && dash.contains("Préparer le stand du marché")
        );
        let done = participant
            .post(&format!("/tasks/{}/status", task.id), &[("status", "done")])
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let page = participant.get(&format!("/projects/{id}")).await.body;
        assert!(
            page.contains("Tâche terminée\u{a0}: Préparer le stand du marché"),
            "recent activity"
        );
        assert!(page.contains("task task-done"));
        // Participants cannot record sessions; another centre's manager sees nothing.
        let refused = participant
            .post_multipart(
                &format!("/projects/{id}/sessions"),
                &[("held_on", "2026-11-20")],
                None,
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            die.get(&format!("/projects/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            die.get(&format!("/attachments/{}", files[0].id))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            die.post(&format!("/tasks/{}/status", task.id), &[("status", "todo")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // Tasks: a milestone needs a date; an overdue one raises an alert for the coach.
        let refused = participant
            .post(
                &format!("/projects/{id}/tasks"),
                &[
                    ("kind", "milestone"),
                    ("title", "Inauguration"),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("id=\"f-task-due-error\"")
                && refused.body.contains("Inauguration")
        );
        let added = participant
            .post(
                &format!("/projects/{id}/tasks"),
                &[
                    ("kind", "milestone"),
                    ("title", "Inauguration"),
                    ("due_on", "2021-03-01"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
        let dash = coach.get("/dashboard").await.body;
        assert!(
            dash.contains("Projets suivis") && dash.contains("1 jalon en retard"),
            "{dash}"
        );
    }
}

#[tokio::test]
async fn coach_corrects_a_recorded_session() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let id = project_id(&app, "La Recyclerie des Pentes").await;
        let paul = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let recorded = coach
            .post_multipart(
                &format!("/projects/{id}/sessions"),
                &[
                    ("held_on", "2026-11-20"),
                    ("shared_notes", "Point sur le lcoal"),
                    ("next_steps", "Appeler la mairie"),
                ],
                None,
            )
            .await;
        assert_eq!(recorded.status, StatusCode::SEE_OTHER);
        let session = store::tracking::sessions(&app.state.db, id, 50)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.shared_notes == "Point sur le lcoal")
            .unwrap();
        let path = format!("/sessions/{}", session.id);
        let page = coach.get(&format!("/projects/{id}")).await;
        assert!(
            page.body.contains(&format!("href=\"{path}\"")),
            "an edit link"
        );
        let form = coach.get(&path).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Corriger la séance du 20 novembre 2026"));
        assert!(form.body.contains("Point sur le lcoal"));

        // A bad date and someone from outside the project: both errors beside their fields,
        // what was typed kept, nothing saved.
        let bad = coach
            .post(
                &path,
                &[
                    ("held_on", "20/11/2026"),
                    ("participants", "999999"),
                    ("shared_notes", "Point sur le local"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-held_on-error\""));
        assert!(bad.body.contains("value=\"20/11/2026\""));
        assert!(bad.body.contains(">Point sur le local</textarea>"));
        assert!(bad.body.contains("class=\"fieldset has-error\""));
        let unchanged = store::tracking::find_session(&app.state.db, session.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(unchanged.shared_notes, "Point sur le lcoal");

        let paul_text = paul.to_string();
        let ok = coach
            .post(
                &path,
                &[
                    ("held_on", "2026-11-21"),
                    ("participants", &paul_text),
                    ("shared_notes", "Point sur le local"),
                    ("private_notes", "À relancer"),
                    ("decisions", "Rendez-vous en mairie"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(
            ok.location(),
            Some(format!("/projects/{id}#session-{}", session.id).as_str())
        );
        let fixed = store::tracking::find_session(&app.state.db, session.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                fixed.held_on.as_str(),
                fixed.shared_notes.as_str(),
                fixed.private_notes.as_str(),
                fixed.decisions.as_str()
            ),
            (
                "2026-11-21",
                "Point sur le local",
                "À relancer",
                "Rendez-vous en mairie"
            )
        );
        assert_eq!(
            store::tracking::session_participants(&app.state.db, session.id)
                .await
                .unwrap(),
            vec![paul]
        );
        let page = coach.get(&format!("/projects/{id}")).await.body;
        assert!(page.contains("Séance corrigée."));
        assert!(page.contains("Séance du 21 novembre 2026"));
        // The next step it made is still a task, untouched.
        assert!(
            store::tracking::tasks(&app.state.db, id)
                .await
                .unwrap()
                .iter()
                .any(|t| t.title == "Appeler la mairie" && t.session_id == Some(session.id))
        );

        // The participant may read the session, not correct it; another centre sees nothing.
        let mut participant = app.client();
        participant
            .login("participant@demo.local", "impact-demo")
            .await;
        assert!(
            !participant
                .get(&format!("/projects/{id}"))
                .await
                .body
                .contains(&format!("href=\"{path}\""))
        );
        assert_eq!(participant.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            participant
                .post(&path, &[("held_on", "2026-11-22")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(die.get(&path).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            die.post(&path, &[("held_on", "2026-11-22")]).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            coach.get("/sessions/999999").await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn roadmap_template_details_timeline_and_file_import() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let id = project_id(&app, "Épicerie solidaire de la Guillotière").await;
        let mut participant = app.client();
        participant
            .login("participant@demo.local", "impact-demo")
            .await;
        let started = participant
            .post(
                &format!("/projects/{id}/roadmap"),
                &[("start_date", "2026-09-01")],
            )
            .await;
        assert_eq!(started.status, StatusCode::SEE_OTHER);
        let path = started.location().unwrap().to_string();
        let rid: i64 = path.trim_start_matches("/roadmaps/").parse().unwrap();
        let page = participant.get(&path).await;
        assert!(page.body.contains("Lancer mon projet local"));
        // Month 1 (September) is over on any day after it: its unchecked items are overdue.
        assert!(page.body.contains("roadmap-overdue"));
        // The coach who follows the project sees it on the dashboard too.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let dash = coach.get("/dashboard").await.body;
        assert!(dash.contains("de la feuille de route en retard"), "{dash}");

        let bad = participant
            .post(
                &format!("/roadmaps/{rid}/details"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "1"),
                    ("notes", "Voir avec le centre social"),
                    ("link", "javascript:alert(1)"),
                    ("due_on", "2026-13-40"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("id=\"f-link-0-0-1-error\"")
                && bad.body.contains("id=\"f-due-0-0-1-error\"")
        );
        assert!(bad.body.contains("Voir avec le centre social"));
        let paul = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let ok = participant
            .post(
                &format!("/roadmaps/{rid}/details"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "1"),
                    ("owner", &paul),
                    ("notes", "Voir avec le centre social"),
                    ("link", "/projects/1"),
                    ("evidence", "https://exemple.fr/entretiens.pdf"),
                    ("due_on", "2099-01-31"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let page = participant.get(&path).await.body;
        assert!(
            page.contains("Responsable\u{a0}: Paul Porteur") && page.contains("31 janvier 2099")
        );
        assert!(page.contains("href=\"https://exemple.fr/entretiens.pdf\""));
        let unknown = participant
            .post(
                &format!("/roadmaps/{rid}/details"),
                &[("phase", "9"), ("period", "0"), ("item", "0")],
            )
            .await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        // The export keeps the template's bytes: details live beside it.
        let export = participant.get(&format!("/roadmaps/{rid}/export.md")).await;
        assert_eq!(export.body, domain::tracking::LAUNCH_TEMPLATE);
        let timeline = participant.get(&format!("/roadmaps/{rid}/timeline")).await;
        assert_eq!(timeline.status, StatusCode::OK);
        assert!(
            timeline
                .body
                .contains("du 1er septembre 2026 au 30 septembre 2026")
        );

        // Import by file upload, CRLF normalised to LF.
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let crlf = "# Plan\r\n## Phase 1 (Mois 1-1)\r\n### Mois 1: Départ\r\n- [x] Réunir l'équipe\r\n- [ ] Écrire le budget\r\n";
        let imported = manager
            .post_multipart(
                "/roadmaps/import-file",
                &[("centre", "studio"), ("start_date", "")],
                Some(("plan.md", "plan.md", crlf.as_bytes())),
            )
            .await;
        // The file field is named `file`.
        assert_eq!(imported.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(imported.body.contains("id=\"f-file-error\""));
        let imported = manager
            .post_multipart(
                "/roadmaps/import-file",
                &[("centre", "studio"), ("start_date", "")],
                Some(("file", "plan.md", crlf.as_bytes())),
            )
            .await;
        assert_eq!(imported.status, StatusCode::SEE_OTHER, "{}", imported.body);
        let new_path = imported.location().unwrap().to_string();
        let export = manager.get(&format!("{new_path}/export.md")).await;
        assert_eq!(export.body, crlf.replace("\r\n", "\n"));
        let broken = manager
            .post_multipart(
                "/roadmaps/import-file",
                &[("centre", "studio")],
                Some(("file", "plan.md", b"# Plan\n- [ ] avant toute phase\n")),
            )
            .await;
        assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(broken.body.contains("Ligne 2"));
        // Without the CSRF field, a multipart post is refused like any form.
        let req = Request::post("/roadmaps/import-file")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=b")
            .body(Body::from(
                "--b\r\nContent-Disposition: form-data; name=\"centre\"\r\n\r\nstudio\r\n--b--\r\n",
            ))
            .unwrap();
        assert_eq!(manager.request(req).await.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn indicators_network_report_exports_and_yearly_review() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let id = project_id(&app, "Tiers-lieu La Fabrique").await;
        let mut ambassador = app.client();
        ambassador
            .login("ambassador@demo.local", "impact-demo")
            .await;
        let page = ambassador.get(&format!("/projects/{id}/indicators")).await;
        assert_eq!(page.status, StatusCode::OK);
        let bad = ambassador
            .post(
                &format!("/projects/{id}/indicators"),
                &[
                    ("code", "public-events"),
                    ("baseline", "3"),
                    ("target", "1,5,2"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-target-error\"") && bad.body.contains("value=\"1,5,2\""));
        let wrong_way = ambassador
            .post(
                &format!("/projects/{id}/indicators"),
                &[
                    ("code", "public-events"),
                    ("baseline", "3"),
                    ("target", "1"),
                ],
            )
            .await;
        assert!(wrong_way.body.contains("dans le bon sens"));
        let ok = ambassador
            .post(
                &format!("/projects/{id}/indicators"),
                &[
                    ("code", "public-events"),
                    ("baseline", "0"),
                    ("target", "24"),
                    ("target_on", "2027-06-30"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let pi = store::impact::indicators(&app.state.db, id).await.unwrap()[0].id;
        let refused = ambassador
            .post_multipart(
                &format!("/project-indicators/{pi}/measurements"),
                &[
                    ("measured_on", "2026-10-31"),
                    ("value", "quatre"),
                    ("source", "Agenda"),
                ],
                None,
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains(&format!("id=\"f-value-{pi}-error\""))
                && refused.body.contains("quatre")
        );
        for (on, value) in [("2026-10-31", "4"), ("2026-11-20", "2")] {
            let ok = ambassador
                .post_multipart(
                    &format!("/project-indicators/{pi}/measurements"),
                    &[
                        ("measured_on", on),
                        ("value", value),
                        ("source", "Agenda du lieu"),
                    ],
                    Some(("evidence", "affiche.pdf", b"%PDF-1.4 affiche")),
                )
                .await;
            assert_eq!(ok.status, StatusCode::SEE_OTHER);
        }
        let page = ambassador
            .get(&format!("/projects/{id}/indicators"))
            .await
            .body;
        // 4 + 2 = 6 events of 24: a quarter of the way; the sparkline has a text alternative.
        assert!(
            page.contains("6 événements") && page.contains("25 % du chemin"),
            "{page}"
        );
        assert!(page.contains("<polyline") && page.contains("mois par mois"));
        assert!(page.contains("Voir la preuve"));

        // The report is for the network team, and for each centre's managers their centre's.
        assert_eq!(
            ambassador.get("/impact/report").await.status,
            StatusCode::FORBIDDEN
        );
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let query = "from=2026-09-01&to=2026-11-30";
        let report = admin.get(&format!("/impact/report?{query}")).await;
        assert_eq!(report.status, StatusCode::OK);
        // Demo volunteers: 12 (Lyon) + 17 (Die) = 29 people; never added to hours or tonnes.
        assert!(report.body.contains("29 pers."), "{}", report.body);
        // Nor to people reached, though both count people: no sum of two indicators sharing a
        // unit (volunteers + people reached, waste diverted + food redistributed…) is shown.
        let sums = same_unit_sums(&report.body);
        // 29 volunteers + 151 people reached would be 180 people.
        assert!(sums.iter().any(|s| s == "180 pers."), "{sums:?}");
        for sum in &sums {
            assert!(!report.body.contains(sum.as_str()), "{sum} added up");
        }
        assert!(!report.body.contains("Totaux par unité"));
        let sdg = admin
            .get(&format!("/impact/report?{query}&sdg=13"))
            .await
            .body;
        assert!(!sdg.contains("Bénévoles actifs"));
        let bad_filter = admin.get("/impact/report?from=demain").await;
        assert_eq!(bad_filter.status, StatusCode::OK);
        assert!(bad_filter.body.contains("id=\"f-from-error\""));
        let csv = admin.get(&format!("/impact/report.csv?{query}")).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body
                .contains("\r\nvolunteers,Bénévoles actifs,personnes,somme,29,2,0,"),
            "{}",
            csv.body
        );
        assert!(csv.body.contains("\r\npublic-events,"));
        let xlsx = admin.get(&format!("/impact/report.xlsx?{query}")).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        // Reopened by a reader crate: the header, text cells and numbers as numbers.
        use calamine::{Data, Reader};
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
        let sheet = book.sheet_names()[0].clone();
        let cells = book.worksheet_range(&sheet).unwrap();
        let volunteers = cells
            .rows()
            .find(|row| row.get(1) == Some(&Data::String("Bénévoles actifs".into())))
            .unwrap();
        assert_eq!(volunteers[4], Data::Float(29.0), "{volunteers:?}");
        assert_eq!(cells.get((0, 0)), Some(&Data::String("Code".into())));
        let audit = store::audit::list(&app.state.db, None, 50, 0)
            .await
            .unwrap();
        assert!(audit.iter().any(|a| a.action == "report_exported"));

        // The yearly review is computed at `/reseau/bilan` now (network::review); old links
        // lead there, and it never adds two indicators of the same unit either.
        let review = admin.get("/impact/review").await;
        assert_eq!(review.status, StatusCode::SEE_OTHER);
        assert_eq!(review.location(), Some("/reseau/bilan"));
        for year in [2026, 2027] {
            let page = admin.get(&format!("/reseau/bilan/{year}")).await;
            assert_eq!(page.status, StatusCode::OK);
            for sum in same_unit_sums(&page.body) {
                assert!(
                    !page.body.contains(sum.as_str()),
                    "{sum} added up in the review"
                );
            }
        }
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            coach.get("/impact/review").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            coach.get("/reseau/bilan/2027").await.status,
            StatusCode::FORBIDDEN
        );
        let catalogue = coach.get("/impact/indicators").await.body;
        assert!(
            catalogue.contains("Déchets détournés de l&#39;enfouissement")
                || catalogue.contains("Déchets détournés de l&#x27;enfouissement")
        );
    }
}

/// Every sum of two or more indicators of the same unit a page shows a row for (`<tr
/// id="row-…">` in the report, the achieved column in the review), written the way the page
/// writes figures (`180 pers.`): none of them may appear anywhere on the page.
fn same_unit_sums(body: &str) -> Vec<String> {
    let mut by_unit: std::collections::BTreeMap<String, Vec<i64>> = Default::default();
    for cell in body.split("<td class=\"num\"").skip(1) {
        let cell = cell.split_once('>').map_or("", |(_, rest)| rest);
        let text = cell.split('<').next().unwrap_or("");
        let Some(at) = text.find(|c: char| {
            !(c.is_ascii_digit() || c == ',' || c == '-' || c == '\u{202f}' || c == '\u{a0}')
        }) else {
            continue;
        };
        let (number, unit) = (&text[..at], text[at..].trim());
        if number.is_empty() || unit.is_empty() || unit == "%" {
            continue;
        }
        // French writing: narrow spaces between thousands, a comma before the decimals.
        let digits: String = number
            .chars()
            .filter(|c| *c != '\u{202f}' && *c != '\u{a0}')
            .collect();
        let (whole, frac) = digits.split_once(',').unwrap_or((&digits, ""));
        let (Ok(whole), Ok(frac)) = (whole.parse::<i64>(), format!("{frac:0<3}").parse::<i64>())
        else {
            continue;
        };
        let value = whole * 1000 + frac;
        by_unit.entry(unit.to_string()).or_default().push(value);
    }
    let mut sums = Vec::new();
    for (unit, mut values) in by_unit {
        values.sort_unstable();
        values.dedup();
        let n = values.len();
        // Every subset of two or more (the demo has a handful per unit at most).
        for mask in 1u32..(1 << n.min(10)) {
            if mask.count_ones() < 2 {
                continue;
            }
            let sum: i64 = (0..n)
                .filter(|b| mask & (1 << b) != 0)
                .map(|b| values[b])
                .sum();
            if values.contains(&sum) {
                continue;
            }
            let shown = domain::impact::format_quantity(domain::Locale::Fr, sum);
            sums.push(format!("{shown} {unit}"));
        }
    }
    sums
}

#[tokio::test]
async fn a_centre_manager_reads_the_impact_report_of_their_centre() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centres = store::centres::list(&app.state.db).await.unwrap();
        let id_of = |slug: &str| centres.iter().find(|c| c.slug == slug).unwrap().id;
        let (studio, die) = (id_of("studio"), id_of("micro-centre-die"));
        let query = "from=2026-09-01&to=2026-11-30";
        // Demo volunteers: 12 in Lyon (the studio), 17 in Die.
        for (who, other, figure) in [
            ("manager@demo.local", die, "12 pers."),
            ("manager.die@demo.local", studio, "17 pers."),
        ] {
            let mut m = app.client();
            m.login(who, "impact-demo").await;
            // Asking for the other centre, or for all, still shows one's own.
            for filter in [String::new(), format!("&centre={other}")] {
                let page = m.get(&format!("/impact/report?{query}{filter}")).await;
                assert_eq!(page.status, StatusCode::OK, "{who}");
                assert!(page.body.contains(figure), "{who}: {}", page.body);
                assert!(!page.body.contains("29 pers."), "{who}");
                assert!(!page.body.contains("Tous les centres"), "{who}");
                assert!(!page.body.contains("href=\"/impact/review\""), "{who}");
            }
            let csv = m
                .get(&format!("/impact/report.csv?{query}&centre={other}"))
                .await;
            assert_eq!(csv.status, StatusCode::OK);
            let volunteers = figure.trim_end_matches(" pers.");
            assert!(
                csv.body.contains(&format!(
                    "\r\nvolunteers,Bénévoles actifs,personnes,somme,{volunteers},1,"
                )),
                "{who}: {}",
                csv.body
            );
            assert_eq!(m.get("/impact/review").await.status, StatusCode::FORBIDDEN);
            let pdf = m.get(&format!("/impact/report.pdf?{query}")).await;
            assert_eq!(pdf.status, StatusCode::OK);
            // The dashboard leads there; the navigation too.
            let dash = m.get("/dashboard").await.body;
            assert!(dash.contains("href=\"/impact/report\""), "{who}");
            assert!(!dash.contains("href=\"/impact/review\""), "{who}");
        }
        // The network team: everything, or one centre.
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let all = admin.get(&format!("/impact/report?{query}")).await.body;
        assert!(all.contains("29 pers.") && all.contains("Tous les centres"));
        let one = admin
            .get(&format!("/impact/report?{query}&centre={die}"))
            .await
            .body;
        assert!(one.contains("17 pers.") && !one.contains("29 pers."));
        // Coaches and participants have no report.
        for who in ["coach@demo.local", "participant@demo.local"] {
            let mut c = app.client();
            c.login(who, "impact-demo").await;
            assert_eq!(
                c.get("/impact/report").await.status,
                StatusCode::FORBIDDEN,
                "{who}"
            );
        }
    }
}
