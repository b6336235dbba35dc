//! Holes found by probing (issue 13), each closed and kept closed, on both backends: password
//! hashing bounded and never spent on a refused attempt, control characters refused at the edge,
//! the current password limited like sign-in, sign-up mails limited per address, and the small
//! answers (413, JSON problems for unparsable ids, other centres not found).
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use testkit::{TestApp, databases};

fn is_problem(r: &testkit::TestResponse) -> bool {
    r.header("content-type") == Some("application/problem+json")
        && serde_json::from_str::<serde_json::Value>(&r.body)
            .is_ok_and(|v| v["status"].as_u64() == Some(u64::from(r.status.as_u16())))
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
