//! Projects from the web: creation with its first work in one unit of work, settings, people,
//! project guests, archive and restore; coaches holding the pen. Both databases.
use axum::http::StatusCode;
use testkit::{Client, TestApp, databases, link_path};

/// A verified account with no centre and no project, signed in.
async fn newcomer(app: &TestApp, email: &str) -> Client {
    let hash = web::security::hash_password("une phrase solide".into())
        .await
        .expect("hash");
    store::accounts::create_user(
        &app.state.db,
        &store::accounts::NewUser {
            email,
            password_hash: &hash,
            display_name: "Nina Petit",
            locale: "fr",
            verified: true,
        },
    )
    .await
    .expect("user");
    let mut c = app.client();
    let r = c.login(email, "une phrase solide").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    c
}

fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).expect("hidden field") + marker.len();
    body[start..][..body[start..].find('"').expect("end")].to_string()
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    store::accounts::find_user_by_email(&app.state.db, email)
        .await
        .expect("lookup")
        .expect("user")
        .id
}

async fn audit_codes(app: &TestApp) -> Vec<String> {
    store::audit::list(&app.state.db, None, 200, 0)
        .await
        .expect("audit")
        .into_iter()
        .map(|a| a.action)
        .collect()
}

#[tokio::test]
async fn a_new_account_starts_its_first_project_from_the_web() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = newcomer(&app, "nina@x.fr").await;
        let me = user_id(&app, "nina@x.fr").await;

        // The dashboard opens on how to start, not on an empty list.
        let dash = c.get("/dashboard").await;
        assert!(dash.body.contains("Lance ton projet"), "{}", dash.body);
        assert!(dash.body.contains("/projects/new?depart=example"));
        assert!(dash.body.contains("/projects/new?depart=template"));

        let page = c.get("/projects/new?depart=example").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body
                .contains("id=\"f-start-example\" name=\"start\" value=\"example\" checked")
        );
        let key = hidden(&page.body, "key");
        assert!(key.len() >= 20);

        // Bad input: errors beside the fields, what was typed kept, nothing created.
        let bad = c
            .post_multipart(
                "/projects/new",
                &[
                    ("key", &key),
                    ("name", "  "),
                    ("summary", "Réparer des vélos avec le quartier"),
                    ("town", "Lyon"),
                    ("start", "example"),
                    ("example", "inconnu"),
                ],
                None,
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-name-error") && bad.body.contains("f-example-error"));
        assert!(
            bad.body
                .contains("value=\"Réparer des vélos avec le quartier\"")
        );
        assert_eq!(hidden(&bad.body, "key"), key, "the same key goes back");
        assert!(
            store::projects::for_user(&app.state.db, me)
                .await
                .unwrap()
                .is_empty()
        );

        let fields = [
            ("key", key.as_str()),
            ("name", "Atelier vélo"),
            ("summary", "Réparer des vélos avec le quartier"),
            ("town", "Lyon"),
            ("start", "example"),
            ("example", "recyclerie"),
        ];
        let made = c.post_multipart("/projects/new", &fields, None).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        let canvas_path = made.location().expect("to the canvas").to_string();
        assert!(canvas_path.starts_with("/canvases/"), "{canvas_path}");
        // A double click sends the same form again: still one project, shown.
        let again = c.post_multipart("/projects/new", &fields, None).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let projects = store::projects::for_user(&app.state.db, me).await.unwrap();
        assert_eq!(projects.len(), 1);
        let p = &projects[0];
        assert_eq!(
            again.location(),
            Some(format!("/projects/{}", p.id).as_str())
        );
        assert_eq!(
            (p.name.as_str(), p.town.as_str(), p.stage.code()),
            ("Atelier vélo", "Lyon", "idea")
        );
        assert_eq!(p.relation.code(), Some("member"));
        // Someone with no centre joins the studio as a participant.
        let roles = store::accounts::memberships(&app.state.db, me)
            .await
            .unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].1, domain::Role::Participant);
        // The canvas holds the worked example's notes.
        let canvas: i64 = canvas_path["/canvases/".len()..].parse().unwrap();
        assert!(
            store::canvas::items(&app.state.db, canvas)
                .await
                .unwrap()
                .len()
                > 5
        );
        assert!(
            audit_codes(&app)
                .await
                .contains(&"project_created".to_string())
        );
        let dash = c.get("/dashboard").await;
        assert!(dash.body.contains("Atelier vélo") && !dash.body.contains("depart=example"));

        // A second project from the studio's roadmap template, dated.
        let page = c.get("/projects/new").await;
        let key2 = hidden(&page.body, "key");
        assert_ne!(key, key2);
        let made = c
            .post_multipart(
                "/projects/new",
                &[
                    ("key", &key2),
                    ("name", "Cantine mobile"),
                    ("start", "template"),
                    ("start_date", "2027-01-04"),
                ],
                None,
            )
            .await;
        let roadmap_path = made.location().expect("to the roadmap").to_string();
        assert!(roadmap_path.starts_with("/roadmaps/"), "{}", made.body);
        let rid: i64 = roadmap_path["/roadmaps/".len()..].parse().unwrap();
        let row = store::roadmaps::find(&app.state.db, rid)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.start_date.as_deref(), Some("2027-01-04"));
        assert!(row.project_id.is_some());

        // A roadmap file: refused beside its field when it is not a roadmap, taken otherwise.
        let key3 = hidden(&c.get("/projects/new").await.body, "key");
        let fields = [
            ("key", key3.as_str()),
            ("name", "Jardin partagé"),
            ("start", "file"),
            ("start_date", "2027-02-01"),
        ];
        let refused = c
            .post_multipart(
                "/projects/new",
                &fields,
                Some(("file", "notes.md", b"rien ici")),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("f-file-error"));
        assert!(refused.body.contains("value=\"Jardin partagé\""));
        let file = domain::tracking::LAUNCH_TEMPLATE.as_bytes();
        let taken = c
            .post_multipart("/projects/new", &fields, Some(("file", "plan.md", file)))
            .await;
        assert!(
            taken
                .location()
                .is_some_and(|l| l.starts_with("/roadmaps/")),
            "{}",
            taken.body
        );
        assert_eq!(
            store::projects::for_user(&app.state.db, me)
                .await
                .unwrap()
                .len(),
            3
        );
    }
}

#[tokio::test]
async fn a_participant_cannot_create_in_a_centre_not_theirs() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let key = hidden(&c.get("/projects/new").await.body, "key");
        let r = c
            .post_multipart(
                "/projects/new",
                &[
                    ("key", &key),
                    ("name", "Ailleurs"),
                    ("centre", "centre-qui-nexiste-pas"),
                    ("start", "blank"),
                ],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-centre-error"));
    }
}

#[tokio::test]
async fn settings_archive_people_and_project_guests() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let participant = user_id(&app, "participant@demo.local").await;
        let project = store::projects::for_user(&db, participant).await.unwrap()[0].clone();
        let id = project.id;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;

        let page = c.get(&format!("/projects/{id}/settings")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&project.name));
        // A participant invites co-editors, but does not assign the centre's people.
        assert!(!page.body.contains(&format!("/projects/{id}/people\"")));

        let bad = c
            .post(
                &format!("/projects/{id}/settings"),
                &[
                    ("name", ""),
                    ("summary", "Gardé"),
                    ("stage", "lune"),
                    ("colour", "leaf"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-name-error") && bad.body.contains("f-stage-error"));
        assert!(bad.body.contains("value=\"Gardé\""));
        let ok = c
            .post(
                &format!("/projects/{id}/settings"),
                &[
                    ("name", "Recyclerie des Pentes"),
                    ("summary", "Réparer, revendre, transmettre"),
                    ("town", "Lyon 1er"),
                    ("stage", "launch"),
                    ("colour", "leaf"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let saved = store::projects::find_for_user(&db, id, participant)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                saved.name.as_str(),
                saved.stage.code(),
                saved.colour.code(),
                saved.town.as_str()
            ),
            ("Recyclerie des Pentes", "launch", "leaf", "Lyon 1er")
        );
        assert!(
            c.get(&format!("/projects/{id}"))
                .await
                .body
                .contains("Lancement")
        );

        // Archive: off the dashboard, still readable, listed apart, restorable.
        let archived = c.post(&format!("/projects/{id}/archive"), &[]).await;
        assert_eq!(
            archived.location(),
            Some(format!("/projects/{id}").as_str())
        );
        let dash = c.get("/dashboard").await;
        assert!(!dash.body.contains(&format!("href=\"/projects/{id}\"")));
        let shown = c.get(&format!("/projects/{id}")).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(shown.body.contains("archivé"));
        assert!(c.get("/projects").await.body.contains("Projets archivés"));
        c.post(&format!("/projects/{id}/restore"), &[]).await;
        assert!(
            c.get("/dashboard")
                .await
                .body
                .contains(&format!("href=\"/projects/{id}\""))
        );
        let codes = audit_codes(&app).await;
        for code in ["project_edited", "project_archived", "project_restored"] {
            assert!(codes.contains(&code.to_string()), "{code}");
        }

        // Only the centre's managers put people on a project.
        let coach = user_id(&app, "coach@demo.local").await;
        let refused = c
            .post(
                &format!("/projects/{id}/people"),
                &[("user_id", &coach.to_string()), ("relation", "follower")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // A co-editor invited by a participant is a guest of this project only.
        let sent = c
            .post(
                &format!("/projects/{id}/invitations"),
                &[("email", "invitee@x.fr"), ("relation", "member")],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let mail = app
            .last_mail_to("invitee@x.fr")
            .await
            .expect("invitation mail");
        assert!(mail.subject.contains("Recyclerie"), "{}", mail.subject);
        let link = link_path(&mail.text, "http://impact.test/invitations/").expect("link");
        let mut guest = app.client();
        let accepted = guest
            .post(
                &link,
                &[("display_name", "Inès"), ("password", "une phrase solide")],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let guest_id = user_id(&app, "invitee@x.fr").await;
        assert!(
            store::accounts::memberships(&db, guest_id)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            guest.get(&format!("/projects/{id}")).await.status,
            StatusCode::OK
        );
        let other = store::projects::for_user(&db, user_id(&app, "coach@demo.local").await)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.id != id)
            .map(|p| p.id);
        if let Some(other) = other {
            assert_eq!(
                guest.get(&format!("/projects/{other}")).await.status,
                StatusCode::NOT_FOUND
            );
        }
        assert!(
            audit_codes(&app)
                .await
                .iter()
                .any(|a| a == "invitation_sent")
        );

        // The manager assigns people and invites a coach, who joins the centre and follows.
        let mut m = app.client();
        m.login("manager@demo.local", "impact-demo").await;
        let page = m.get(&format!("/projects/{id}/settings")).await;
        assert!(page.body.contains(&format!("/projects/{id}/people\"")));
        let not_coach = m
            .post(
                &format!("/projects/{id}/people"),
                &[
                    ("user_id", &participant.to_string()),
                    ("relation", "follower"),
                ],
            )
            .await;
        assert_eq!(not_coach.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(not_coach.body.contains("f-person-relation-error"));
        m.post(&format!("/projects/{id}/people/{guest_id}/remove"), &[])
            .await;
        assert_eq!(
            guest.get(&format!("/projects/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        let sent = m
            .post(
                &format!("/projects/{id}/invitations"),
                &[("email", "nouvelle.coach@x.fr"), ("relation", "follower")],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let mail = app.last_mail_to("nouvelle.coach@x.fr").await.expect("mail");
        let link = link_path(&mail.text, "http://impact.test/invitations/").expect("link");
        let mut new_coach = app.client();
        new_coach
            .post(
                &link,
                &[
                    ("display_name", "Camille"),
                    ("password", "une phrase solide"),
                ],
            )
            .await;
        let camille = user_id(&app, "nouvelle.coach@x.fr").await;
        let roles = store::accounts::memberships(&db, camille).await.unwrap();
        assert!(
            roles
                .iter()
                .any(|(c, r)| *c == project.centre_id && *r == domain::Role::Coach)
        );
        let followed = store::projects::find_for_user(&db, id, camille)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(followed.relation.code(), Some("follower"));
    }
}

#[tokio::test]
async fn coaches_hold_the_pen_on_the_projects_they_follow() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let coach = user_id(&app, "coach@demo.local").await;
        let followed = store::projects::for_user(&db, coach)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.relation.code() == Some("follower"))
            .expect("the demo coach follows a project");
        let canvas = store::canvas::for_project(&db, followed.id).await.unwrap()[0].id;
        let mut c = app.client();
        c.login("coach@demo.local", "impact-demo").await;
        let r = c
            .post(
                &format!("/canvases/{canvas}/items"),
                &[
                    ("block", "solution"),
                    ("text", "Noté en atelier par la coach"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let items = store::canvas::items(&db, canvas).await.unwrap();
        assert!(
            items
                .iter()
                .any(|i| i.text == "Noté en atelier par la coach")
        );
        // The canvas's history records who wrote what.
        let history = store::canvas::history(&db, canvas, 1).await.unwrap();
        assert_eq!(
            history[0].after_text.as_deref(),
            Some("Noté en atelier par la coach")
        );
        let coach_name = store::accounts::find_user(&db, coach)
            .await
            .unwrap()
            .unwrap()
            .display_name;
        assert_eq!(history[0].author.as_deref(), Some(coach_name.as_str()));
        assert_eq!(
            c.get(&format!("/projects/{}/settings", followed.id))
                .await
                .status,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn a_unit_of_work_commits_whole_or_not_at_all() {
    for t in databases().await {
        let db = &t.db;
        let centre = store::centres::create(
            db,
            &store::centres::NewCentre {
                slug: "c",
                name: "C",
                kind: "studio",
                town: "",
            },
        )
        .await
        .unwrap();
        let count = |sql: &'static str| async move {
            match db {
                store::Db::Sqlite(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
                store::Db::Postgres(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
            }
            .unwrap()
        };
        // A change, its audit line and its job, in one transaction.
        async fn change(tx: &mut store::Tx, centre: i64, name: &str) {
            let p = store::projects::create(
                &mut *tx,
                &store::projects::NewProject {
                    centre_id: centre,
                    name,
                    stage: "idea",
                    ..Default::default()
                },
            )
            .await
            .unwrap();
            store::audit::record(
                &mut *tx,
                store::audit::AuditAction::ProjectCreated,
                store::audit::Entry {
                    subject_id: Some(p.id),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
            store::jobs::enqueue(&mut *tx, "noop", "{}", None)
                .await
                .unwrap();
        }
        // An error after them: nothing stays.
        {
            let mut tx = db.begin().await.unwrap();
            change(&mut tx, centre, "Lost").await;
            // The job is not there for any worker before the commit.
            if matches!(db, store::Db::Postgres(_)) {
                assert!(store::jobs::claim(db, "w", 30).await.unwrap().is_none());
            }
            assert_eq!(count("SELECT COUNT(*) FROM jobs").await, 0);
            // The caller fails here: the transaction is dropped without a commit.
        }
        assert_eq!(count("SELECT COUNT(*) FROM projects").await, 0);
        assert_eq!(count("SELECT COUNT(*) FROM audit_log").await, 0);
        assert_eq!(count("SELECT COUNT(*) FROM jobs").await, 0);

        let mut tx = db.begin().await.unwrap();
        change(&mut tx, centre, "Kept").await;
        tx.commit().await.unwrap();
        assert_eq!(count("SELECT COUNT(*) FROM projects").await, 1);
        assert_eq!(count("SELECT COUNT(*) FROM audit_log").await, 1);
        assert!(store::jobs::claim(db, "w", 30).await.unwrap().is_some());
    }
}

/// A demo project by its name.
async fn project_named(app: &TestApp, name: &str) -> i64 {
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

fn statements(r: &testkit::TestResponse) -> u32 {
    r.header("x-sql-statements")
        .expect("x-sql-statements")
        .parse()
        .expect("a number")
}

const SECTIONS: [&str; 7] = [
    "h-glance",
    "h-canvas",
    "h-roadmap",
    "h-tasks",
    "h-sessions",
    "h-indicators",
    "h-diagnostics",
];

#[tokio::test]
async fn the_project_page_has_its_sections_and_only_the_forms_that_apply() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let with_roadmap = project_named(&app, "La Recyclerie des Pentes").await;
        assert!(
            !store::tracking::project_roadmaps(&app.state.db, with_roadmap)
                .await
                .unwrap()
                .is_empty()
        );
        for (email, coaches) in [
            ("participant@demo.local", false),
            ("coach@demo.local", true),
            ("manager@demo.local", true),
        ] {
            let mut c = app.client();
            c.login(email, "impact-demo").await;
            let page = c.get(&format!("/projects/{with_roadmap}")).await;
            assert_eq!(page.status, StatusCode::OK, "{email}");
            let body = &page.body;
            for s in SECTIONS {
                assert!(body.contains(&format!("id=\"{s}\"")), "{email}: {s}");
                assert!(
                    body.contains(&format!("href=\"#{s}\"")),
                    "{email}: {s} in the table of contents"
                );
            }
            // The canvas comes before the forms of tasks and sessions.
            let at = |needle: &str| body.find(needle).unwrap_or(usize::MAX);
            assert!(at("id=\"h-canvas\"") < at("action=\"/projects/"), "{email}");
            assert!(
                !body.contains("name=\"document\""),
                "{email}: no JSON import box on the project page"
            );
            assert!(
                !body.contains(&format!("action=\"/projects/{with_roadmap}/roadmap\"")),
                "{email}: a roadmap exists, no second start"
            );
            assert!(body.contains(&format!("href=\"/projects/{with_roadmap}/canvases/new\"")));
            assert_eq!(
                body.contains(&format!("action=\"/projects/{with_roadmap}/sessions\"")),
                coaches,
                "{email}: the session form is the coaches'"
            );
            assert!(body.contains(&format!("action=\"/projects/{with_roadmap}/tasks\"")));
        }

        // A project without a roadmap offers the one start form; creating and importing a
        // canvas live on their own page, where a refused import keeps what was pasted.
        let mut nina = newcomer(&app, "nina.sections@x.fr").await;
        let form = nina.get("/projects/new?depart=example").await;
        let key = hidden(&form.body, "key");
        let created = nina
            .post_multipart(
                "/projects/new",
                &[
                    ("key", &key),
                    ("name", "Atelier vélo"),
                    ("summary", "Réparer ensemble"),
                    ("town", "Lyon"),
                    ("start", "example"),
                    ("example", "recyclerie"),
                ],
                None,
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let me = user_id(&app, "nina.sections@x.fr").await;
        let id = store::projects::for_user(&app.state.db, me).await.unwrap()[0].id;
        let page = nina.get(&format!("/projects/{id}")).await.body;
        assert_eq!(
            page.matches(&format!("action=\"/projects/{id}/roadmap\""))
                .count(),
            1
        );
        assert!(!page.contains("name=\"document\""));
        let new = nina.get(&format!("/projects/{id}/canvases/new")).await;
        assert_eq!(new.status, StatusCode::OK);
        assert!(new.body.contains("name=\"document\"") && new.body.contains("name=\"example\""));
        let refused = nina
            .post(
                &format!("/projects/{id}/canvases/import"),
                &[("document", "{pas du json")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("id=\"f-document-error\"")
                && refused.body.contains("{pas du json")
        );
        // Someone who may not edit the project does not get the page.
        let mut other = newcomer(&app, "other.sections@x.fr").await;
        assert_eq!(
            other
                .get(&format!("/projects/{id}/canvases/new"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

/// A page read with everything else warm (session, centres) and the project's data cold.
async fn cold_page(app: &TestApp, c: &mut Client, path: &str) -> testkit::TestResponse {
    c.get(path).await;
    app.state.project_pages.changed();
    c.get(path).await
}

#[tokio::test]
async fn the_project_page_runs_a_few_statements_however_much_it_holds() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let id = project_named(&app, "La Recyclerie des Pentes").await;
        let project = store::projects::find_for_user(db, id, 0)
            .await
            .unwrap()
            .unwrap();
        let path = format!("/projects/{id}");
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let before = cold_page(&app, &mut coach, &path).await;
        let warm = coach.get(&path).await;
        assert!(statements(&warm) <= 5, "warm: {}", statements(&warm));

        // More of everything the page lists: tasks, sessions, indicators and a roadmap.
        let coach_id = user_id(&app, "coach@demo.local").await;
        for k in 0..3 {
            let title = format!("Tâche en plus {k}");
            let r = coach
                .post(
                    &format!("/projects/{id}/tasks"),
                    &[("kind", "task"), ("title", &title)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        for day in ["2026-11-02", "2026-11-09"] {
            store::tracking::create_session(
                db,
                &store::tracking::NewSession {
                    centre_id: project.centre_id,
                    project_id: id,
                    coach_id: Some(coach_id),
                    held_on: day,
                    shared_notes: "Séance de plus",
                    private_notes: "",
                    decisions: "",
                    participants: &[coach_id],
                    next_steps: &["Une suite".to_string()],
                    step_owner: None,
                    step_due: None,
                },
            )
            .await
            .unwrap();
        }
        let mut added = 0;
        for ind in domain::impact::catalogue() {
            let new = store::impact::NewIndicator {
                centre_id: project.centre_id,
                project_id: id,
                code: &ind.code,
                baseline: 0,
                target: Some(10),
                target_on: None,
            };
            if let Ok(pi) = store::impact::add_indicator(db, &new).await {
                store::impact::add_measurement(
                    db,
                    &store::impact::NewMeasurement {
                        project_indicator_id: pi,
                        measured_on: "2026-11-01",
                        value: 3,
                        source: "",
                        attachment_id: None,
                        created_by: None,
                    },
                )
                .await
                .unwrap();
                added += 1;
            }
            if added == 2 {
                break;
            }
        }
        assert_eq!(added, 2);
        let r = coach
            .post(
                &format!("/projects/{id}/roadmap"),
                &[("start_date", "2026-09-01")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        let after = cold_page(&app, &mut coach, &path).await;
        assert!(after.body.contains("Tâche en plus 2") && after.body.contains("Séance de plus"));
        assert_eq!(
            statements(&after),
            statements(&before),
            "no statement per task, session, indicator or roadmap"
        );
        let warm = coach.get(&path).await;
        assert!(statements(&warm) <= 5, "warm: {}", statements(&warm));
        assert_eq!(warm.body, after.body, "the cached page is the same page");
    }
}
