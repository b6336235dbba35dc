//! Every role's dashboard opens on an « À faire » built from what is really pending: each test
//! makes something pending, sees it listed with a link to where it is done, does it, and sees it
//! go. The dashboards read at most five statements, and no more with more projects (N+1); the
//! navigation groups the staff's tools; a signed-in reader's landing offers their next step.
use axum::http::StatusCode;
use testkit::{Client, TestApp, databases};

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    let r = c.login(email, "impact-demo").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email}: {}", r.body);
    c
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    store::accounts::find_user_by_email(&app.state.db, email)
        .await
        .expect("lookup")
        .expect("user")
        .id
}

async fn project_id(app: &TestApp, name: &str) -> i64 {
    for c in store::centres::list(&app.state.db).await.unwrap() {
        for p in store::projects::for_centre(&app.state.db, c.id, 0)
            .await
            .unwrap()
        {
            if p.name == name {
                return p.id;
            }
        }
    }
    panic!("{name}")
}

/// A day relative to the app's today, as `YYYY-MM-DD`.
fn day(app: &TestApp, offset_days: i64) -> String {
    let at = app.now() + offset_days * 86_400;
    domain::tracking::iso(domain::time_zone::to_paris(at).date())
}

/// The « À faire » section of a dashboard (up to the next section of the page).
fn todo(body: &str) -> String {
    body.split("id=\"h-todo\"")
        .nth(1)
        .map(|s| {
            s.split("<section class=\"section\"")
                .next()
                .unwrap_or(s)
                .to_string()
        })
        .unwrap_or_default()
}

/// Writes made straight in the store (as another node would) show once the dashboards forget.
fn other_node_wrote(app: &TestApp) {
    app.state.changed();
}

/// How many statements the dashboard ran, with its caches cold (the session's stay warm).
async fn statements(app: &TestApp, c: &mut Client) -> u32 {
    c.get("/dashboard").await;
    app.state.changed();
    let page = c.get("/dashboard").await;
    assert_eq!(page.status, StatusCode::OK);
    page.header("x-sql-statements")
        .and_then(|n| n.parse().ok())
        .expect("x-sql-statements")
}

#[tokio::test]
async fn a_participant_sees_sessions_tasks_empty_blocks_and_diagnostic_priorities() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let paul = user_id(&app, "participant@demo.local").await;
        let coach = user_id(&app, "coach@demo.local").await;
        let id = project_id(&app, "La Recyclerie des Pentes").await;
        let mut c = signed_in(&app, "participant@demo.local").await;

        // He took the diagnostic twice: no invitation, its weakest dimensions instead.
        let first = todo(&c.get("/dashboard").await.body);
        assert!(first.contains("À faire"), "{first}");
        assert!(!first.contains("Fais ton premier diagnostic"), "{first}");
        assert!(first.contains("Priorité"), "{first}");
        assert!(first.contains("/diagnostics/attempts/"), "{first}");

        // A coaching session tomorrow, and a late task.
        let tomorrow = day(&app, 1);
        let (session, _) = store::tracking::create_session(
            db,
            &store::tracking::NewSession {
                centre_id: 1,
                project_id: id,
                coach_id: Some(coach),
                held_on: &tomorrow,
                shared_notes: "",
                private_notes: "",
                decisions: "",
                participants: &[paul],
                next_steps: &[],
                step_owner: None,
                step_due: None,
            },
        )
        .await
        .unwrap();
        let late = day(&app, -3);
        let task = store::tracking::create_task(
            db,
            &store::tracking::NewTask {
                centre_id: 1,
                project_id: id,
                kind: "task",
                title: "Rappeler la mairie",
                owner_id: Some(paul),
                due_on: Some(&late),
                created_by: Some(coach),
            },
        )
        .await
        .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(
            page.contains(&format!("href=\"/projects/{id}#session-{session}\"")),
            "{page}"
        );
        assert!(
            page.contains("Séance d&#39;accompagnement")
                || page.contains("Séance d'accompagnement")
        );
        assert!(page.contains(&format!("href=\"/projects/{id}#task-{task}\"")));
        assert!(
            page.contains("Rappeler la mairie") && page.contains("en retard"),
            "{page}"
        );

        // Done through the web: gone from the list at once.
        let done = c
            .post(&format!("/tasks/{task}/status"), &[("status", "done")])
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(!page.contains("Rappeler la mairie"), "{page}");

        // A blank canvas: its empty blocks are listed, one fewer once a note is added.
        let canvas = store::canvas::create(db, 1, id, "Canevas vierge", Some(paul), &[])
            .await
            .unwrap();
        other_node_wrote(&app);
        let blocks = domain::canvas::template().blocks.len();
        let page = todo(&c.get("/dashboard").await.body);
        assert!(
            page.contains(&format!("href=\"/canvases/{canvas}#block-")),
            "{page}"
        );
        assert!(page.contains(&format!("{blocks} blocs vides")), "{page}");
        let first_block = &domain::canvas::template().blocks[0].key;
        let draft = domain::canvas::ItemDraft::new(
            first_block,
            "Les habitants du quartier",
            "yellow",
            "hypothesis",
            "",
        )
        .unwrap();
        store::canvas::add_item(db, canvas, &draft, Some(paul))
            .await
            .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(
            page.contains(&format!("{} blocs vides", blocks - 1)),
            "{page}"
        );
        assert!(!page.contains(&format!("#block-{first_block}\"")), "{page}");
    }
}

#[tokio::test]
async fn someone_who_never_took_a_diagnostic_is_invited_until_they_do() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let awa = user_id(&app, "ambassador@demo.local").await;
        let mut c = signed_in(&app, "ambassador@demo.local").await;
        let page = todo(&c.get("/dashboard").await.body);
        assert!(page.contains("Fais ton premier diagnostic"), "{page}");

        let def = domain::diagnostic::shipped()
            .iter()
            .find(|d| d.id == "projet-pret")
            .unwrap();
        let attempt = store::diagnostics::create_attempt(
            db,
            &store::diagnostics::NewAttempt {
                diagnostic: &def.id,
                version: i64::from(def.version),
                centre_id: Some(1),
                project_id: None,
                user_id: Some(awa),
                respondent_hash: None,
            },
        )
        .await
        .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(page.contains("Termine ton diagnostic"), "{page}");
        assert!(!page.contains("Fais ton premier diagnostic"), "{page}");

        let answers = web::diagnostics::demo::answers_at(def, 0.4);
        let scores = domain::diagnostic::score(def, &answers);
        let level = def.level_for(scores.overall).key.clone();
        store::diagnostics::submit(db, attempt, &answers, &scores, &level)
            .await
            .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(!page.contains("Termine ton diagnostic"), "{page}");
        assert!(!page.contains("Fais ton premier diagnostic"), "{page}");
        assert!(
            page.contains(&format!("/diagnostics/attempts/{attempt}/results")),
            "{page}"
        );
    }
}

#[tokio::test]
async fn a_coach_sees_each_project_once_and_the_comments_to_answer() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let paul = user_id(&app, "participant@demo.local").await;
        let coach = user_id(&app, "coach@demo.local").await;
        let id = project_id(&app, "La Recyclerie des Pentes").await;
        let mut c = signed_in(&app, "coach@demo.local").await;
        let body = c.get("/dashboard").await.body;
        // Each followed project is one card: no second list of the same projects.
        let cards = body.matches("class=\"card card-link watched-card").count();
        assert_eq!(cards, 3, "{body}");
        for name in [
            "La Recyclerie des Pentes",
            "Épicerie solidaire de la Guillotière",
            "Tiers-lieu La Fabrique",
        ] {
            let pid = project_id(&app, name).await;
            assert_eq!(
                body.matches(&format!("href=\"/projects/{pid}\"")).count()
                    - todo(&body)
                        .matches(&format!("href=\"/projects/{pid}\""))
                        .count(),
                1,
                "{name} listed more than once: {body}"
            );
        }
        assert!(!body.contains("Les projets que tu accompagnes"));

        // A participant's open comment on the canvas: the coach has it to answer.
        let canvas = store::canvas::for_project(db, id).await.unwrap()[0].id;
        let comment =
            store::canvas::add_comment(db, canvas, "problem", None, paul, "Tu peux relire ?")
                .await
                .unwrap();
        // And a session they lead next week.
        let next_week = day(&app, 7);
        let (session, _) = store::tracking::create_session(
            db,
            &store::tracking::NewSession {
                centre_id: 1,
                project_id: id,
                coach_id: Some(coach),
                held_on: &next_week,
                shared_notes: "",
                private_notes: "",
                decisions: "",
                participants: &[paul],
                next_steps: &[],
                step_owner: None,
                step_due: None,
            },
        )
        .await
        .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(page.contains("1 commentaire ouvert"), "{page}");
        assert!(
            page.contains(&format!("href=\"/canvases/{canvas}\"")),
            "{page}"
        );
        assert!(page.contains(&format!("#session-{session}\"")), "{page}");

        store::canvas::set_resolved(db, canvas, comment, true, coach)
            .await
            .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(!page.contains("commentaire ouvert"), "{page}");
    }
}

#[tokio::test]
async fn a_manager_sees_leads_events_and_cohorts_never_no_project() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let mut c = signed_in(&app, "manager@demo.local").await;
        let body = c.get("/dashboard").await.body;
        assert!(!body.contains("Pas encore de projet"), "{body}");
        assert!(!body.contains("Quand tu rejoindras un centre"), "{body}");
        assert!(body.contains("La Recyclerie des Pentes"));
        // The demo cohort runs today.
        let page = todo(&body);
        assert!(page.contains("Cohortes en cours"), "{page}");
        assert!(page.contains("href=\"/cohorts/"), "{page}");

        // A new lead of the studio, and an event with one registration.
        let now = app.now();
        let lead = store::site::upsert_lead(
            db,
            &store::site::NewLead {
                email: "zoe@exemple.fr",
                name: "Zoé Nouvelle",
                town: "Lyon",
                idea: "",
                interests: "",
                locale: "fr",
                source: "pioneers",
                utm_source: "",
                utm_medium: "",
                utm_campaign: "",
                referrer_host: "",
                pioneer: true,
                newsletter: false,
                centre_id: Some(1),
            },
            now,
        )
        .await
        .unwrap();
        let event = store::site::create_event(
            db,
            &store::site::NewEvent {
                slug: "atelier-canevas-test",
                title: "Atelier canevas de test",
                summary: "",
                description: "",
                starts_at: now + 10 * 86_400,
                ends_at: now + 10 * 86_400 + 7200,
                place: "Lyon",
                online_url: "",
                capacity: 12,
                published: true,
                centre_id: Some(1),
                kind: domain::event::EventKind::Workshop,
            },
            now,
        )
        .await
        .unwrap();
        store::site::register(db, event, lead, now).await.unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(
            page.contains(&format!("href=\"/admin/leads/{lead}\"")),
            "{page}"
        );
        assert!(page.contains("Zoé Nouvelle"), "{page}");
        assert!(
            page.contains(&format!("href=\"/admin/evenements/{event}\"")),
            "{page}"
        );
        assert!(page.contains("1\u{a0}/\u{a0}12 inscrits"), "{page}");

        // Handled: the lead leaves the list.
        store::site::set_status(db, lead, domain::site::LeadStatus::Contacted, now)
            .await
            .unwrap();
        other_node_wrote(&app);
        let page = todo(&c.get("/dashboard").await.body);
        assert!(!page.contains("Zoé Nouvelle"), "{page}");

        // The other centre's manager sees none of it.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        let theirs = die.get("/dashboard").await.body;
        assert!(!theirs.contains("Atelier canevas de test"), "{theirs}");
        assert!(!theirs.contains("La Recyclerie des Pentes"), "{theirs}");
    }
}

#[tokio::test]
async fn the_network_team_sees_centres_side_by_side_and_jobs_on_the_operations_page() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = signed_in(&app, "admin@demo.local").await;
        let body = c.get("/dashboard").await.body;
        assert!(body.contains("Les centres côte à côte"), "{body}");
        let side = body
            .split("Les centres côte à côte")
            .nth(1)
            .unwrap_or_default();
        assert!(side.contains("Micro-centre de Die") && side.contains("Studio d"));
        assert!(side.contains("pionniers (30 jours)"));
        // Background work is not on the dashboard, where it read like project tasks.
        assert!(!body.contains("tâches en attente") && !body.contains("tâches en échec"));
        assert!(body.contains("href=\"/admin/jobs\""));
        let jobs = c.get("/admin/jobs").await;
        assert_eq!(jobs.status, StatusCode::OK);
        assert!(jobs.body.contains("Travaux en arrière-plan"));
        // Every status is counted there, zero included.
        for status in ["en attente", "en cours", "en échec", "terminé"] {
            assert!(
                jobs.body
                    .contains(&format!("<span class=\"stat-label\">{status}</span>")),
                "{status}"
            );
        }
    }
}

#[tokio::test]
async fn dashboards_read_five_statements_at_most_whatever_the_number_of_projects() {
    let app = TestApp::with_demo(testkit::TestDb::sqlite().await).await;
    let db = &app.state.db;
    let emails = [
        "participant@demo.local",
        "coach@demo.local",
        "manager@demo.local",
        "admin@demo.local",
    ];
    let mut before = Vec::new();
    for email in emails {
        let mut c = signed_in(&app, email).await;
        let n = statements(&app, &mut c).await;
        eprintln!("{email}: {n} statements");
        assert!(n <= 5, "{email}: {n} statements");
        before.push(n);
    }
    // Ten more projects, each with a canvas, a task, a session, a roadmap, in a cohort,
    // followed by the coach and held by the participant.
    let paul = user_id(&app, "participant@demo.local").await;
    let coach = user_id(&app, "coach@demo.local").await;
    let cohort = store::cohorts::for_centre(db, 1).await.unwrap()[0].id;
    for n in 0..10 {
        let name = format!("Projet de charge {n}");
        let id = testkit::project(db, 1, &name, "idea").await;
        store::projects::link(db, id, paul, "member").await.unwrap();
        store::projects::link(db, id, coach, "follower")
            .await
            .unwrap();
        store::canvas::create(db, 1, id, "Canevas", Some(paul), &[])
            .await
            .unwrap();
        store::tracking::create_task(
            db,
            &store::tracking::NewTask {
                centre_id: 1,
                project_id: id,
                kind: "task",
                title: "Une tâche",
                owner_id: Some(paul),
                due_on: Some("2020-01-01"),
                created_by: None,
            },
        )
        .await
        .unwrap();
        store::cohorts::add_project(db, cohort, id).await.unwrap();
    }
    for (email, was) in emails.into_iter().zip(before) {
        let mut c = signed_in(&app, email).await;
        let n = statements(&app, &mut c).await;
        assert_eq!(
            n, was,
            "{email}: {was} statements, then {n} with more projects"
        );
    }
}

#[tokio::test]
async fn staff_tools_are_grouped_menus_with_breadcrumbs() {
    let app = TestApp::with_demo(testkit::TestDb::sqlite().await).await;
    let mut admin = signed_in(&app, "admin@demo.local").await;
    let page = admin.get("/admin/audit").await.body;
    let nav = page
        .split("id=\"main-nav\"")
        .nth(1)
        .and_then(|s| s.split("</nav>").next())
        .unwrap_or_default()
        .to_string();
    for group in ["Site public", "Programmes", "Réseau", "Opérations"] {
        assert!(
            nav.contains(&format!("{group}</summary>")),
            "{group}: {nav}"
        );
    }
    assert_eq!(nav.matches("<details class=\"nav-menu\">").count(), 4);
    // Few links stand on their own; the rest are in the menus.
    let top = nav.matches("<li><a ").count() - nav.matches("nav-menu-list").count();
    assert!(
        nav.contains("nav-menu-current"),
        "the current page's group is marked"
    );
    assert!(top > 0);
    // The breadcrumb names the page it is on.
    let crumbs = page
        .split("class=\"breadcrumbs\"")
        .nth(1)
        .and_then(|s| s.split("</nav>").next())
        .unwrap_or_default();
    assert!(crumbs.contains("Opérations"), "{crumbs}");
    assert!(
        crumbs.contains("aria-current=\"page\">Journal d&#39;audit")
            || crumbs.contains("aria-current=\"page\">Journal d'audit"),
        "{crumbs}"
    );
    // A participant's menu has no groups.
    let mut paul = signed_in(&app, "participant@demo.local").await;
    let page = paul.get("/dashboard").await.body;
    assert!(!page.contains("<details class=\"nav-menu\">"));
    // A page below another names both: the project, then its settings.
    let id = project_id(&app, "La Recyclerie des Pentes").await;
    let page = paul.get(&format!("/projects/{id}/settings")).await.body;
    let crumbs = page
        .split("class=\"breadcrumbs\"")
        .nth(1)
        .and_then(|s| s.split("</nav>").next())
        .unwrap_or_default();
    assert!(
        crumbs.contains(&format!(
            "<a href=\"/projects/{id}\">La Recyclerie des Pentes</a>"
        )),
        "{crumbs}"
    );
    assert!(
        crumbs.contains("aria-current=\"page\">Réglages"),
        "{crumbs}"
    );
}

#[tokio::test]
async fn a_signed_in_reader_of_the_landing_is_offered_their_next_step() {
    let app = TestApp::with_demo(testkit::TestDb::sqlite().await).await;
    let mut visitor = app.client();
    let page = visitor.get("/").await.body;
    assert!(page.contains("Rejoindre les pionniers"));
    let mut paul = signed_in(&app, "participant@demo.local").await;
    let page = paul.get("/").await.body;
    assert!(!page.contains("Rejoindre les pionniers"), "{page}");
    assert!(!page.contains("href=\"/signup\""), "{page}");
    assert!(page.contains("Content de te revoir"), "{page}");
    let id = project_id(&app, "Épicerie solidaire de la Guillotière").await;
    let other = project_id(&app, "La Recyclerie des Pentes").await;
    assert!(
        page.contains(&format!("href=\"/projects/{id}\""))
            || page.contains(&format!("href=\"/projects/{other}\"")),
        "{page}"
    );
    // The visitor's page is still theirs.
    let page = visitor.get("/").await.body;
    assert!(page.contains("Rejoindre les pionniers"));
    let mut admin = signed_in(&app, "admin@demo.local").await;
    let page = admin.get("/").await.body;
    assert!(page.contains("Mon tableau de bord") && !page.contains("Rejoindre les pionniers"));
}
