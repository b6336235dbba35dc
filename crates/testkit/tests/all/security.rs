//! Holes found by probing (issue 13), each closed and kept closed, on both backends: password
//! hashing bounded and never spent on a refused attempt, control characters refused at the edge,
//! the current password limited like sign-in, sign-up mails limited per address, and the small
//! answers (413, JSON problems for unparsable ids, other centres not found).
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use testkit::{TestApp, databases};
use web::security::HASH_PERMITS;

fn is_problem(r: &testkit::TestResponse) -> bool {
    r.header("content-type") == Some("application/problem+json")
        && serde_json::from_str::<serde_json::Value>(&r.body)
            .is_ok_and(|v| v["status"].as_u64() == Some(u64::from(r.status.as_u16())))
}

#[tokio::test]
async fn a_refused_sign_in_runs_no_password_hash() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let hasher = &app.state.hasher;
        let mut c = app.client();
        for _ in 0..5 {
            let r = c.login("coach@demo.local", "mauvais mot de passe").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(hasher.runs(), 5, "each checked attempt hashes once");
        // Locked: the same answer, without hashing.
        let locked = c.login("coach@demo.local", "impact-demo").await;
        assert_eq!(locked.status, StatusCode::UNAUTHORIZED);
        assert_eq!(hasher.runs(), 5, "a locked address is not checked");
        // 24 more attempts (unknown addresses are checked against the dummy hash): 30 from
        // this client address in the window.
        for n in 0..24 {
            let r = c
                .login(&format!("personne{n}@demo.local"), "nimporte quoi")
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(hasher.runs(), 29);
        for _ in 0..3 {
            let limited = c.login("participant@demo.local", "impact-demo").await;
            assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
            assert!(limited.body.contains("Trop de tentatives"));
        }
        assert_eq!(hasher.runs(), 29, "a rate-limited attempt hashes nothing");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_sign_ins_never_hash_more_than_the_bound_at_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut clients = Vec::new();
        for _ in 0..16 {
            let mut c = app.client();
            c.get("/login").await;
            clients.push(c);
        }
        let tasks: Vec<_> = clients
            .into_iter()
            .enumerate()
            .map(|(n, mut c)| {
                tokio::spawn(async move {
                    c.login(&format!("visiteur{n}@demo.local"), "nimporte quoi")
                        .await
                })
            })
            .collect();
        let mut busy = 0;
        for task in tasks {
            let r = task.await.expect("sign-in task");
            match r.status {
                StatusCode::UNAUTHORIZED => {}
                StatusCode::SERVICE_UNAVAILABLE => {
                    busy += 1;
                    assert_eq!(r.header("retry-after"), Some("2"));
                    assert!(r.body.contains("Réessaie dans quelques secondes"));
                }
                other => panic!("unexpected {other}: {}", r.body),
            }
        }
        let hasher = &app.state.hasher;
        assert!(
            (1..=HASH_PERMITS).contains(&hasher.peak()),
            "at most {HASH_PERMITS} hashes at once, saw {}",
            hasher.peak()
        );
        assert_eq!(hasher.runs() + hasher.busy(), 16);
        assert_eq!(hasher.busy(), busy);
        let metrics = app.client().get("/metrics").await.body;
        assert!(metrics.contains(&format!("impact_password_hash_peak {}", hasher.peak())));
    }
}

#[tokio::test]
async fn the_current_password_is_limited_like_sign_in() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("coach@demo.local", "impact-demo").await;
        let change = |current: &'static str| {
            [
                ("current_password", current),
                ("new_password", "un nouveau départ"),
            ]
        };
        for _ in 0..5 {
            let wrong = c.post("/account/password", &change("non")).await;
            assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(wrong.body.contains("ne correspond pas"));
        }
        let runs = app.state.hasher.runs();
        // Even the right password is not checked now, on any form that asks for it.
        let limited = c.post("/account/password", &change("impact-demo")).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(limited.body.contains("f-current_password-error"));
        assert!(limited.body.contains("Trop de tentatives"));
        let delete = c
            .post("/account/delete", &[("delete_password", "impact-demo")])
            .await;
        assert_eq!(delete.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(app.state.hasher.runs(), runs, "limited: nothing hashed");
        assert_eq!(
            app.client()
                .login("coach@demo.local", "impact-demo")
                .await
                .status,
            StatusCode::SEE_OTHER,
            "the password did not change and the account is still there"
        );

        // Per client address too: 30 attempts in the window from here, whoever signs in.
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        for _ in 0..23 {
            p.post("/account/password", &change("non")).await;
        }
        let mut m = app.client();
        m.login("manager@demo.local", "impact-demo").await;
        let runs = app.state.hasher.runs();
        let limited = m.post("/account/password", &change("impact-demo")).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(app.state.hasher.runs(), runs);
    }
}

#[tokio::test]
async fn sign_up_with_a_taken_address_mails_its_owner_a_few_times_an_hour() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        for _ in 0..5 {
            let r = c
                .post(
                    "/signup",
                    &[
                        ("display_name", "Quelqu'un"),
                        ("email", "coach@demo.local"),
                        ("password", "une phrase de passe solide"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "the same answer as a new sign-up");
        }
        app.run_jobs().await;
        assert_eq!(
            app.smtp.to("coach@demo.local").await.len(),
            3,
            "three mails an hour to one address"
        );
    }
}

/// A NUL byte anywhere a person can type is refused with a clear 4xx, never a 500.
#[tokio::test]
async fn control_characters_are_refused_at_the_edge() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut visitor = app.client();
        let pioneers = visitor
            .post(
                "/pionniers",
                &[
                    ("name", "Ana\0is"),
                    ("email", "ana@exemple.fr"),
                    ("town", "Die"),
                    ("consent", "on"),
                ],
            )
            .await;
        assert_eq!(pioneers.status, StatusCode::BAD_REQUEST);
        assert!(pioneers.body.contains("caractères de contrôle"));
        let signup = visitor
            .post(
                "/signup",
                &[
                    ("display_name", "Nul\0"),
                    ("email", "nul@exemple.fr"),
                    ("password", "une phrase de passe solide"),
                ],
            )
            .await;
        assert_eq!(signup.status, StatusCode::BAD_REQUEST);
        // In a field name too, and other C0 characters than NUL.
        let escape = visitor
            .post("/password/forgot", &[("email\u{1b}", "a@exemple.fr")])
            .await;
        assert_eq!(escape.status, StatusCode::BAD_REQUEST);
        for path in [
            "/recherche?q=%00",
            "/recherche?q=a%00b",
            "/blog/a%00b",
            "/mes-donnees/%00",
        ] {
            let r = visitor.get(path).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}");
        }
        // Line ends and tabs are text.
        assert_eq!(
            visitor.get("/recherche?q=a%0D%0A%09b").await.status,
            StatusCode::OK
        );

        let (mut c, canvas) = app.demo_canvas("participant@demo.local").await;
        let note = c
            .post(
                &format!("/api/canvases/{canvas}/items"),
                &[("block", "problem"), ("text", "une note\0cachée")],
            )
            .await;
        assert_eq!(note.status, StatusCode::BAD_REQUEST);
        assert!(is_problem(&note), "{}", note.body);
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        assert_eq!(
            manager.get("/centres/stu%00dio").await.status,
            StatusCode::BAD_REQUEST
        );
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let post = admin
            .post_multipart(
                "/admin/content/new",
                &[("kind", "post"), ("title", "Titre\0"), ("body", "Texte")],
                None,
            )
            .await;
        assert_eq!(post.status, StatusCode::BAD_REQUEST);
    }
}

/// What still reaches the database and is refused there (PostgreSQL takes no NUL in text) is
/// the request's fault: a 4xx, not a 500.
#[tokio::test]
async fn input_the_database_refuses_is_a_client_error() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = &app.state.db;
        match store::rate_limit::hit(db, "nul\0key", 60).await {
            Ok(_) => assert!(matches!(db, store::Db::Sqlite(_)), "SQLite stores NUL"),
            Err(err) => {
                assert!(matches!(err, store::StoreError::InvalidInput(_)), "{err:?}");
                let web = web::WebError::from(err);
                assert_eq!(web.status(), StatusCode::BAD_REQUEST);
                assert_eq!(web.message_key(), "error-input-invalid");
            }
        }
    }
}

#[tokio::test]
async fn oversized_bodies_answer_413() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let big = "x".repeat(web::ctx::FORM_LIMIT + 1);
        let mut visitor = app.client();
        let form = visitor
            .post("/login", &[("email", "a@exemple.fr"), ("password", &big)])
            .await;
        assert_eq!(form.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(form.body.contains("trop volumineuses"));

        let (mut c, canvas) = app.demo_canvas("participant@demo.local").await;
        let api = c
            .post(
                &format!("/api/canvases/{canvas}/items"),
                &[("block", "problem"), ("text", &big)],
            )
            .await;
        assert_eq!(api.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(is_problem(&api), "{}", api.body);
        // A body of another type, with the token in its header, reaches the handler's limit.
        let csrf = c.cookie("csrf").unwrap_or_default().to_string();
        let raw = c
            .request(
                Request::post(format!("/api/canvases/{canvas}/items"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .header("x-csrf-token", csrf)
                    .body(Body::from(big.clone()))
                    .expect("request"),
            )
            .await;
        assert_eq!(raw.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(is_problem(&raw), "{}", raw.body);

        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let too_big = vec![0u8; 3 * 1024 * 1024];
        let upload = admin
            .post_multipart(
                "/admin/content/new",
                &[("kind", "episode"), ("title", "Trop long")],
                Some(("audio", "long.mp3", &too_big)),
            )
            .await;
        assert_eq!(upload.status, StatusCode::PAYLOAD_TOO_LARGE);
    }
}

#[tokio::test]
async fn unparsable_ids_are_not_found_and_problems_under_the_api() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, canvas) = app.demo_canvas("participant@demo.local").await;
        for path in [
            "/api/canvases/abc/items".to_string(),
            format!("/api/canvases/{canvas}/items/nope"),
            format!("/api/canvases/{canvas}/items/1x/move"),
        ] {
            let r = c.post(&path, &[("block", "problem"), ("text", "x")]).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
            assert!(is_problem(&r), "{path}: {}", r.body);
        }
        let page = c.get("/projects/abc").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.body.contains("Page introuvable"));
    }
}
