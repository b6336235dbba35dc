//! Roadmaps: storage on both backends and the pages over HTTP.
use axum::http::StatusCode;
use testkit::{TestApp, databases};

const SEED: &str = web::demo::ROADMAP;

#[tokio::test]
async fn stored_roadmaps_keep_their_bytes_and_refuse_stale_changes() {
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
        let parsed = domain::roadmap::parse(SEED).unwrap();
        let id = store::roadmaps::create(db, centre, None, &parsed, Some("2026-10-01"), None)
            .await
            .unwrap();
        let row = store::roadmaps::find(db, id).await.unwrap().unwrap();
        assert_eq!(
            domain::roadmap::render(&row.roadmap().unwrap()),
            SEED,
            "{}",
            t.backend
        );
        let updated = store::roadmaps::set_done(db, id, row.revision, (0, 0, 2), true)
            .await
            .unwrap();
        assert!(updated.roadmap().unwrap().phases[0].periods[0].items[2].done);
        assert!(matches!(
            store::roadmaps::set_done(db, id, row.revision, (0, 0, 3), true).await,
            Err(store::StoreError::Conflict)
        ));
        assert!(matches!(
            store::roadmaps::set_done(db, id, updated.revision, (9, 0, 0), true).await,
            Err(store::StoreError::NotFound)
        ));
        // Unchecking gives back the original bytes.
        store::roadmaps::set_done(db, id, updated.revision, (0, 0, 2), false)
            .await
            .unwrap();
        let again = store::roadmaps::find(db, id).await.unwrap().unwrap();
        assert_eq!(domain::roadmap::render(&again.roadmap().unwrap()), SEED);
    }
}

#[tokio::test]
async fn the_studio_roadmap_on_the_network_dashboard() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let dash = admin.get("/dashboard").await.body;
        assert!(
            dash.contains("Feuille de route - Studio d&#39;Impact Local")
                || dash.contains("Feuille de route - Studio d'Impact Local")
                || dash.contains("Feuille de route - Studio d&#x27;Impact Local"),
            "{dash}"
        );
        assert!(dash.contains("2 sur 60 faits"));
        let rows = store::roadmaps::for_centre(&app.state.db, 1).await.unwrap();
        let id = rows[0].id;
        let page = admin.get(&format!("/roadmaps/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Définir la vision") && page.body.contains("aria-pressed=\"true\"")
        );
        assert_eq!(
            page.body
                .matches("type=\"submit\" aria-pressed=\"true\"><span class=\"roadmap-box\"")
                .count(),
            2,
            "the two items checked in month 1"
        );
        assert!(
            page.body.contains("roadmap-current"),
            "the current period is highlighted"
        );
        let export = admin.get(&format!("/roadmaps/{id}/export.md")).await;
        assert_eq!(export.body, SEED);

        let toggled = admin
            .post(
                &format!("/roadmaps/{id}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "2"),
                    ("done", "true"),
                    ("revision", &rows[0].revision.to_string()),
                ],
            )
            .await;
        assert_eq!(toggled.status, StatusCode::SEE_OTHER);
        assert!(
            admin
                .get(&format!("/roadmaps/{id}"))
                .await
                .body
                .contains("3 sur 60 faits")
        );
        let stale = admin
            .post(
                &format!("/roadmaps/{id}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "3"),
                    ("done", "true"),
                    ("revision", &rows[0].revision.to_string()),
                ],
            )
            .await;
        assert!(
            admin
                .get(stale.location().unwrap())
                .await
                .body
                .contains("a changé entre-temps")
        );

        // Import through the page: an error names its line and keeps the text.
        let bad = "# Plan\n\n## Phase 1: Test\n\n- [ ] hors période\n";
        let refused = admin
            .post(
                "/roadmaps/import",
                &[("centre", "studio"), ("markdown", bad), ("start_date", "")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Ligne 5") && refused.body.contains("hors période"));
        let good = admin
            .post(
                "/roadmaps/import",
                &[
                    ("centre", "studio"),
                    ("markdown", &SEED.replace('\n', "\r\n")),
                    ("start_date", "2027-01-01"),
                ],
            )
            .await;
        let path = good.location().unwrap().to_string();
        assert_eq!(admin.get(&format!("{path}/export.md")).await.body, SEED);
        let bad_date = admin
            .post(
                "/roadmaps/import",
                &[
                    ("centre", "studio"),
                    ("markdown", SEED),
                    ("start_date", "demain"),
                ],
            )
            .await;
        assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Other centres cannot read or change it; a coach reads without changing.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            die.get(&format!("/roadmaps/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            die.post(
                &format!("/roadmaps/{id}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "4"),
                    ("done", "true"),
                    ("revision", "0")
                ]
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            die.post(
                "/roadmaps/import",
                &[("centre", "studio"), ("markdown", SEED)]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let read = coach.get(&format!("/roadmaps/{id}")).await;
        assert_eq!(read.status, StatusCode::OK);
        assert!(!read.body.contains("/items\""));
        assert_eq!(
            coach
                .post(
                    &format!("/roadmaps/{id}/items"),
                    &[
                        ("phase", "0"),
                        ("period", "0"),
                        ("item", "4"),
                        ("done", "true"),
                        ("revision", "0")
                    ]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}
