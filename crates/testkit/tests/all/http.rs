//! Journeys through the HTTP interface, in process, on both backends.
use axum::http::StatusCode;
use testkit::{TestApp, databases, link_path};

#[tokio::test]
async fn sign_up_verify_sign_in_switch_language_sign_out() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let mut c = app.client();
        let page = c.get("/signup").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Créer ton compte"));

        // Bad input: errors beside the fields, typed values kept, password not echoed.
        let bad = c
            .post(
                "/signup",
                &[
                    ("display_name", "Léa"),
                    ("email", "pas-une-adresse"),
                    ("password", "court"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("f-email-error") && bad.body.contains("value=\"pas-une-adresse\"")
        );
        assert!(bad.body.contains("f-password-error") && !bad.body.contains("value=\"court\""));

        let ok = c
            .post(
                "/signup",
                &[
                    ("display_name", "Léa Martin"),
                    ("email", "Lea@Exemple.fr"),
                    ("password", "une phrase solide"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::OK);
        assert!(ok.body.contains("Vérifie ta boîte mail"));
        // Not verified yet: sign-in refused, a new link is sent.
        let early = c.login("lea@exemple.fr", "une phrase solide").await;
        assert_eq!(early.status, StatusCode::FORBIDDEN);

        let mail = app
            .last_mail_to("lea@exemple.fr")
            .await
            .expect("verification mail");
        assert!(mail.subject.contains("Confirme"));
        let link = link_path(&mail.text, "http://impact.test/verify/").expect("link");
        let verified = c.get(&link).await;
        assert_eq!(verified.location(), Some("/login"));
        assert_eq!(
            c.get(&link).await.status,
            StatusCode::OK,
            "a used link shows a clear page"
        );

        let login = c.login("lea@exemple.fr", "une phrase solide").await;
        assert_eq!(login.status, StatusCode::SEE_OTHER, "{}", login.body);
        let dash = c.get("/dashboard").await;
        assert!(dash.body.contains("Bonjour Léa Martin"));
        assert!(dash.body.contains("lang=\"fr\""));

        let switched = c
            .post("/lang", &[("lang", "en"), ("next", "/dashboard")])
            .await;
        assert_eq!(switched.location(), Some("/dashboard"));
        let dash = c.get("/dashboard").await;
        assert!(
            dash.body.contains("Hello Léa Martin") || dash.body.contains("lang=\"en\""),
            "{}",
            &dash.body[..400]
        );
        assert!(dash.body.contains("lang=\"en\""));

        let out = c.post("/logout", &[]).await;
        assert_eq!(out.location(), Some("/"));
        assert_eq!(
            c.get("/dashboard").await.location(),
            Some("/login?next=%2Fdashboard")
        );
    }
}

#[tokio::test]
async fn sign_in_failures_are_generic_and_lock_the_address() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        let unknown = c.login("personne@demo.local", "nimporte quoi").await;
        let wrong = c.login("coach@demo.local", "mauvais mot de passe").await;
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        let msg = "Adresse e-mail ou mot de passe incorrect";
        assert!(unknown.body.contains(msg) && wrong.body.contains(msg));
        for _ in 0..4 {
            c.login("coach@demo.local", "mauvais mot de passe").await;
        }
        let locked = c.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            locked.status,
            StatusCode::UNAUTHORIZED,
            "locked after 5 failures, even with the right password"
        );
        assert!(locked.body.contains(msg));
        let other = c.login("participant@demo.local", "impact-demo").await;
        assert_eq!(
            other.status,
            StatusCode::SEE_OTHER,
            "other accounts are not locked"
        );
    }
}

#[tokio::test]
async fn password_reset_link_works_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        let unknown = c
            .post("/password/forgot", &[("email", "personne@demo.local")])
            .await;
        let known = c
            .post("/password/forgot", &[("email", "coach@demo.local")])
            .await;
        assert_eq!(
            unknown.body,
            known.body.replace(&known.body, &unknown.body),
            "same page"
        );
        assert_eq!(unknown.status, known.status);
        assert!(app.last_mail_to("personne@demo.local").await.is_none());
        let mail = app
            .last_mail_to("coach@demo.local")
            .await
            .expect("reset mail");
        let link = link_path(&mail.text, "http://impact.test/password/reset/").expect("link");
        assert_eq!(c.get(&link).await.status, StatusCode::OK);
        let weak = c.post(&link, &[("password", "123")]).await;
        assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
        let done = c
            .post(&link, &[("password", "nouvelle phrase secrète")])
            .await;
        assert_eq!(done.location(), Some("/login"));
        let again = c
            .post(&link, &[("password", "encore une autre phrase")])
            .await;
        assert!(again.body.contains("plus valable"));
        assert_eq!(
            c.login("coach@demo.local", "impact-demo").await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            c.login("coach@demo.local", "nouvelle phrase secrète")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.get("/login").await;
        let forged = c
            .post(
                "/login",
                &[
                    ("email", "admin@demo.local"),
                    ("password", "impact-demo"),
                    ("_csrf", "x".repeat(43).as_str()),
                ],
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        assert!(forged.body.contains("Recharge la page"));
        let mut fresh = app.client();
        let no_cookie = fresh.post("/logout", &[("_csrf", "")]).await;
        assert_eq!(no_cookie.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_coach_invited_to_a_centre_accepts_and_sees_the_coach_navigation() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut manager = app.client();
        manager.login("manager.die@demo.local", "impact-demo").await;
        let page = manager.get("/centres/micro-centre-die").await;
        assert_eq!(page.status, StatusCode::OK);
        let refused = manager
            .post(
                "/centres/micro-centre-die/invitations",
                &[("email", "nina@exemple.fr"), ("role", "network_admin")],
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a manager cannot grant network admin"
        );
        let sent = manager
            .post(
                "/centres/micro-centre-die/invitations",
                &[("email", "nina@exemple.fr"), ("role", "coach")],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        let mail = app
            .last_mail_to("nina@exemple.fr")
            .await
            .expect("invitation mail");
        let link = link_path(&mail.text, "http://impact.test/invitations/").expect("link");

        // Signed in as someone else, the invitation gives nothing.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert!(
            coach
                .get(&link)
                .await
                .body
                .contains("destinée à nina@exemple.fr")
        );
        assert_eq!(coach.post(&link, &[]).await.status, StatusCode::FORBIDDEN);

        let mut nina = app.client();
        // Before joining, Nina tried the self-diagnostic anonymously in this browser.
        let started = nina.post("/diagnostics/projet-pret/start", &[]).await;
        let attempt: i64 = started
            .location()
            .unwrap()
            .trim_end_matches("/pages/1")
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let form = nina.get(&link).await;
        assert!(form.body.contains("Micro-centre de Die"));
        let accepted = nina
            .post(
                &link,
                &[
                    ("display_name", "Nina Coach"),
                    ("password", "jardins partagés 2026"),
                ],
            )
            .await;
        assert_eq!(accepted.location(), Some("/dashboard"));
        // The new account holds it, and the browser forgets the anonymous respondent.
        let adopted = store::diagnostics::attempt(&app.state.db, attempt)
            .await
            .unwrap()
            .unwrap();
        assert!(adopted.user_id.is_some() && adopted.respondent_hash.is_none());
        assert!(nina.cookie("diagnostic").is_none());
        let dash = nina.get("/dashboard").await;
        assert!(dash.body.contains("Mon centre") && dash.body.contains("accompagnateur·rice"));
        assert!(!dash.body.contains("/admin/jobs"));
        assert_eq!(nina.get(&link).await.status, StatusCode::OK);
        assert!(nina.get(&link).await.body.contains("plus valable"));

        let mut admin = app.client();
        admin.login("manager.die@demo.local", "impact-demo").await;
        let audit = admin.get("/admin/audit").await;
        assert!(audit.body.contains("Invitation acceptée") && audit.body.contains("Nina Coach"));
    }
}

#[tokio::test]
async fn no_request_reads_or_changes_another_centre() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        // Another centre's page is its public page: nothing of its members or invitations.
        let other = die.get("/centres/studio").await;
        assert_eq!(other.status, StatusCode::OK);
        assert!(!other.body.contains("h-members") && !other.body.contains("/invitations"));
        assert_eq!(
            die.get("/centres/no-such-centre").await.status,
            StatusCode::NOT_FOUND,
            "a centre that does not exist is not found"
        );
        let invite = die
            .post(
                "/centres/studio/invitations",
                &[("email", "x@exemple.fr"), ("role", "coach")],
            )
            .await;
        assert_eq!(invite.status, StatusCode::NOT_FOUND);
        assert_eq!(
            die.get("/admin/audit?centre=studio").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(die.get("/admin/jobs").await.status, StatusCode::FORBIDDEN);
        let projects = die.get("/projects").await.body;
        assert!(projects.contains("Jardins partagés") && !projects.contains("Recyclerie"));
        // The studio's project ids are not found from Die.
        for id in 1..=3 {
            assert_eq!(
                die.get(&format!("/projects/{id}")).await.status,
                StatusCode::NOT_FOUND
            );
        }
        let mut participant = app.client();
        participant
            .login("participant@demo.local", "impact-demo")
            .await;
        assert_eq!(
            participant.get("/centres").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            participant.get("/admin/audit").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            participant.get("/projects/4").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(participant.get("/projects/1").await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn network_admin_creates_a_centre_and_sees_jobs_and_outbox() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let bad = admin
            .post(
                "/centres",
                &[
                    ("name", "Micro-centre de Crest"),
                    ("town", ""),
                    ("slug", "Pas Bon"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("value=\"Micro-centre de Crest\"")
                && bad.body.contains("f-slug-error")
                && bad.body.contains("f-town-error")
        );
        let ok = admin
            .post(
                "/centres",
                &[
                    ("name", "Micro-centre de Crest"),
                    ("town", "Crest"),
                    ("slug", ""),
                ],
            )
            .await;
        assert_eq!(ok.location(), Some("/centres/micro-centre-de-crest"));
        let dup = admin
            .post(
                "/centres",
                &[
                    ("name", "Autre"),
                    ("town", "Crest"),
                    ("slug", "micro-centre-de-crest"),
                ],
            )
            .await;
        assert!(dup.body.contains("déjà pris"));
        assert_eq!(admin.get("/admin/jobs").await.status, StatusCode::OK);
        assert_eq!(admin.get("/admin/outbox").await.status, StatusCode::OK);
        let audit = admin.get("/admin/audit").await.body;
        assert!(audit.contains("Centre créé") && audit.contains("Connexion"));
    }
}

#[tokio::test]
async fn gdpr_export_and_account_deletion() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let export = c.post("/account/export", &[]).await;
        assert_eq!(
            export.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
        assert_eq!(json["account"]["email"], "participant@demo.local");
        assert_eq!(json["projects"].as_array().unwrap().len(), 2);
        let wrong = c
            .post("/account/delete", &[("delete_password", "non")])
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let gone = c
            .post("/account/delete", &[("delete_password", "impact-demo")])
            .await;
        assert_eq!(gone.location(), Some("/"));
        assert_eq!(
            c.login("participant@demo.local", "impact-demo")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let audit = admin.get("/admin/audit").await.body;
        assert!(
            audit.contains("Suppression de compte")
                && audit.contains("Export des données personnelles")
        );
        assert!(!audit.contains("participant@demo.local"));
    }
}

#[tokio::test]
async fn operations_endpoints_headers_and_error_pages() {
    let app = TestApp::with_demo(testkit::TestDb::sqlite().await).await;
    let mut c = app.client();
    let health = c.get("/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(health.body.contains("\"ok\""));
    let ready: serde_json::Value = serde_json::from_str(&c.get("/readyz").await.body).unwrap();
    assert_eq!(ready["status"], "ready");
    let home = c.get("/").await;
    let csp = home.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    assert!(home.header("x-request-id").is_some());
    assert!(home.body.contains("Instance de démonstration"));
    let metrics = c.get("/metrics").await.body;
    assert!(
        metrics.contains("impact_http_requests_total{class=\"2xx\"}")
            && metrics.contains("impact_jobs{status=\"queued\"}")
    );
    let missing = c.get("/nulle-part").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page introuvable"));
    c.accept_language = Some("en-GB,en;q=0.9".into());
    c.forget_cookie("lang");
    let missing_en = c.get("/nulle-part").await;
    assert!(
        missing_en.body.contains("Page not found"),
        "{}",
        missing_en.body
    );
    let css = testkit::Client::new(web::router(app.state.clone()))
        .get(web::assets::url("app.css"))
        .await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(
        css.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let gz = axum::http::Request::get(web::assets::url("app.css"))
        .header("accept-encoding", "gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let compressed = c.request(gz).await;
    assert_eq!(compressed.header("content-encoding"), Some("gzip"));
    assert_eq!(
        c.get("/assets/app.0000000000.css").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn account_settings_change_name_password_and_email() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("coach@demo.local", "impact-demo").await;
        let mut other_device = app.client();
        other_device.login("coach@demo.local", "impact-demo").await;

        let empty = c.post("/account/profile", &[("display_name", "  ")]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            c.post("/account/profile", &[("display_name", "Claire B.")])
                .await
                .location(),
            Some("/account")
        );
        assert!(c.get("/account").await.body.contains("value=\"Claire B.\""));

        let wrong = c
            .post(
                "/account/password",
                &[
                    ("current_password", "non"),
                    ("new_password", "un nouveau départ"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("f-current_password-error"));
        let changed = c
            .post(
                "/account/password",
                &[
                    ("current_password", "impact-demo"),
                    ("new_password", "un nouveau départ"),
                ],
            )
            .await;
        assert_eq!(changed.location(), Some("/account"));
        assert_eq!(
            c.get("/dashboard").await.status,
            StatusCode::OK,
            "this device stays signed in"
        );
        assert_eq!(
            other_device.get("/dashboard").await.status,
            StatusCode::SEE_OTHER,
            "other devices are signed out"
        );

        // A taken address gets the same answer and no mail; a free one gets a confirmation link.
        let taken = c
            .post(
                "/account/email",
                &[
                    ("new_email", "admin@demo.local"),
                    ("email_password", "un nouveau départ"),
                ],
            )
            .await;
        assert_eq!(taken.location(), Some("/account"));
        assert!(app.last_mail_to("admin@demo.local").await.is_none());
        c.post(
            "/account/email",
            &[
                ("new_email", "claire@exemple.fr"),
                ("email_password", "un nouveau départ"),
            ],
        )
        .await;
        let mail = app
            .last_mail_to("claire@exemple.fr")
            .await
            .expect("confirmation mail");
        let link =
            link_path(&mail.text, "http://impact.test/account/email/confirm/").expect("link");
        assert_eq!(c.get(&link).await.location(), Some("/account"));
        assert!(
            app.last_mail_to("coach@demo.local")
                .await
                .is_some_and(|m| m.subject.contains("changée"))
        );
        c.post("/logout", &[]).await;
        assert_eq!(
            c.login("claire@exemple.fr", "un nouveau départ")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn a_failed_job_is_visible_and_retried_by_an_admin() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let id = store::jobs::enqueue(db, "unknown_kind", "{}", None)
            .await
            .unwrap();
        // The worker's first attempt fails and schedules the next one.
        app.run_jobs().await;
        let job = store::jobs::find(db, id).await.unwrap().unwrap();
        assert_eq!(job.status, store::jobs::JobStatus::Queued);
        assert!(
            job.last_error
                .as_deref()
                .is_some_and(|e| e.contains("unknown job kind"))
        );
        // Another job whose last attempt fails ends in `failed`.
        let last = store::jobs::enqueue(db, "unknown_kind", "{}", None)
            .await
            .unwrap();
        let claimed = store::jobs::claim(db, "w", 60).await.unwrap().unwrap();
        assert_eq!(claimed.id, last);
        let final_attempt = store::jobs::Job {
            attempts: claimed.max_attempts,
            ..claimed
        };
        store::jobs::fail(db, &final_attempt, "w", "unknown job kind")
            .await
            .unwrap();

        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let page = admin.get("/admin/jobs?status=failed").await;
        assert!(page.body.contains(&format!("/admin/jobs/{last}/retry")));
        assert!(!page.body.contains(&format!("/admin/jobs/{id}/retry")));
        let retried = admin.post(&format!("/admin/jobs/{last}/retry"), &[]).await;
        assert_eq!(retried.location(), Some("/admin/jobs"));
        assert_eq!(
            store::jobs::find(db, last).await.unwrap().unwrap().status,
            store::jobs::JobStatus::Queued
        );
        assert_eq!(
            admin
                .post(&format!("/admin/jobs/{last}/retry"), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert!(
            admin
                .get("/admin/audit")
                .await
                .body
                .contains("Travail relancé")
        );
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        assert_eq!(
            manager
                .post(&format!("/admin/jobs/{last}/retry"), &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn password_reset_requests_are_rate_limited() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        for _ in 0..5 {
            let page = c
                .post("/password/forgot", &[("email", "coach@demo.local")])
                .await;
            assert_eq!(page.status, StatusCode::OK);
        }
        app.run_jobs().await;
        assert_eq!(
            app.smtp.to("coach@demo.local").await.len(),
            3,
            "three links an hour per address"
        );
        for _ in 0..5 {
            c.post("/password/forgot", &[("email", "personne@demo.local")])
                .await;
        }
        let blocked = c
            .post("/password/forgot", &[("email", "manager@demo.local")])
            .await;
        assert_eq!(blocked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(blocked.body.contains("Trop de tentatives"));
        assert!(
            blocked.body.contains("value=\"manager@demo.local\""),
            "what was typed is kept"
        );
        // An hour later the address gets a link again.
        app.advance(3_600);
        let page = c
            .post("/password/forgot", &[("email", "coach@demo.local")])
            .await;
        assert_eq!(page.status, StatusCode::OK);
        app.run_jobs().await;
        assert_eq!(app.smtp.to("coach@demo.local").await.len(), 4);
    }
}

#[tokio::test]
async fn every_answer_says_how_many_sql_statements_it_ran() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let count = |r: &testkit::TestResponse| -> u32 {
            r.header("x-sql-statements")
                .expect("x-sql-statements")
                .parse()
                .expect("a number")
        };
        let mut c = app.client();
        // No database: none.
        assert_eq!(count(&c.get("/healthz").await), 0);
        c.login("manager@demo.local", "impact-demo").await;
        // A page that reads: at least one, and no more once its caches are warm.
        let first = count(&c.get("/impact/report").await);
        let again = c.get("/impact/report").await;
        assert!(first >= 1 && count(&again) <= first, "{first}");
        assert!(
            again
                .header("server-timing")
                .is_some_and(|t| t.starts_with("app;dur="))
        );
    }
}
