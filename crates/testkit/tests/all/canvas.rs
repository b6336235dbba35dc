//! The Impact Model Canvas: storage on both backends and the editor over HTTP.
use axum::http::StatusCode;
use domain::canvas::{CanvasDocument, ItemDraft, NoteContent};
use store::canvas::{self, Edited};
use testkit::{TestApp, databases};

fn draft(block: &str, text: &str) -> ItemDraft {
    ItemDraft::new(block, text, "", "", "").unwrap()
}

fn content(text: &str) -> NoteContent {
    NoteContent::new(text, "", "", "").unwrap()
}

async fn project(db: &store::Db) -> (i64, i64) {
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
    let project = testkit::project(db, centre, "P", "idea").await;
    (centre, project)
}

#[tokio::test]
async fn items_are_added_edited_moved_deleted_and_restored() {
    for t in databases().await {
        let db = &t.db;
        let (centre, project) = project(db).await;
        let id = canvas::create(
            db,
            centre,
            project,
            "Mon canvas",
            None,
            &[draft("solution", "Un atelier de réparation")],
        )
        .await
        .unwrap();
        let a = canvas::add_item(
            db,
            id,
            &draft("local_problem", "Encombrants sur les trottoirs"),
            None,
        )
        .await
        .unwrap();
        let b = canvas::add_item(
            db,
            id,
            &draft("local_problem", "Objets jetés encore utilisables"),
            None,
        )
        .await
        .unwrap();
        assert_eq!((a.position, b.position), (0, 1), "{}", t.backend);

        // Edit from the current version: applied.
        let edited = canvas::edit_item(
            db,
            id,
            a.id,
            a.version,
            &content("Encombrants rue Burdeau"),
            None,
        )
        .await
        .unwrap();
        let Edited::Applied(a2) = edited else {
            panic!("expected applied")
        };
        assert_eq!(a2.version, a.version + 1);
        // A second editor who loaded the old version: both texts kept, nothing lost.
        let stale = canvas::edit_item(
            db,
            id,
            a.id,
            a.version,
            &content("Dépôts sauvages chaque lundi"),
            None,
        )
        .await
        .unwrap();
        let Edited::KeptBoth { kept, added } = stale else {
            panic!("expected both kept")
        };
        assert_eq!(kept.text, "Encombrants rue Burdeau");
        assert_eq!(added.text, "Dépôts sauvages chaque lundi");
        assert_eq!(added.position, kept.position + 1);
        // Stale edit with the same text: nothing to do.
        assert!(matches!(
            canvas::edit_item(
                db,
                id,
                a.id,
                a.version,
                &content("Encombrants rue Burdeau"),
                None
            )
            .await
            .unwrap(),
            Edited::Unchanged(_)
        ));

        // Move b to the top of its block, then to another block.
        canvas::move_item(db, id, b.id, "local_problem", 0, None)
            .await
            .unwrap();
        let order: Vec<i64> = canvas::items(db, id)
            .await
            .unwrap()
            .iter()
            .filter(|i| i.block == "local_problem")
            .map(|i| i.id)
            .collect();
        assert_eq!(order, vec![b.id, a.id, added.id]);
        canvas::move_item(db, id, b.id, "beneficiaries", 0, None)
            .await
            .unwrap();
        let items = canvas::items(db, id).await.unwrap();
        let lp: Vec<i64> = items
            .iter()
            .filter(|i| i.block == "local_problem")
            .map(|i| i.position)
            .collect();
        assert_eq!(lp, vec![0, 1], "positions renumbered");
        assert_eq!(
            items.iter().find(|i| i.id == b.id).unwrap().block,
            "beneficiaries"
        );
        assert!(matches!(
            canvas::move_item(db, id, b.id, "nope", 0, None).await,
            Err(store::StoreError::NotFound)
        ));

        // Delete refuses a stale version, accepts the current one, and undo brings it back.
        let current = canvas::items(db, id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.id == a.id)
            .unwrap();
        // A stale delete is refused with what stands now.
        match canvas::delete_item(db, id, a.id, current.version - 1, None).await {
            Err(store::StoreError::Stale(now)) => {
                assert_eq!(now.version, current.version, "{}", t.backend);
                assert_eq!(now.text.as_deref(), Some(current.text.as_str()));
            }
            other => panic!("{}: expected Stale, got {other:?}", t.backend),
        }
        canvas::delete_item(db, id, a.id, current.version, None)
            .await
            .unwrap();
        assert!(
            canvas::items(db, id)
                .await
                .unwrap()
                .iter()
                .all(|i| i.id != a.id)
        );
        canvas::restore_item(db, id, a.id, None).await.unwrap();
        assert!(
            canvas::items(db, id)
                .await
                .unwrap()
                .iter()
                .any(|i| i.id == a.id)
        );
        assert!(canvas::find(db, id).await.unwrap().unwrap().revision >= 8);
    }
}

#[tokio::test]
async fn a_canvas_holds_at_most_300_items() {
    for t in databases().await {
        let db = &t.db;
        let (centre, project) = project(db).await;
        let many: Vec<_> = (0..300)
            .map(|n| draft("key_activities", &format!("Activité {n}")))
            .collect();
        let id = canvas::create(db, centre, project, "Plein", None, &many)
            .await
            .unwrap();
        let refused = canvas::add_item(db, id, &draft("solution", "Une de trop"), None).await;
        assert!(
            matches!(refused, Err(store::StoreError::Full)),
            "{}",
            t.backend
        );
        assert_eq!(canvas::items(db, id).await.unwrap().len(), 300);
        let too_many: Vec<_> = (0..301)
            .map(|n| draft("key_activities", &format!("Activité {n}")))
            .collect();
        assert!(
            canvas::create(db, centre, project, "Trop", None, &too_many)
                .await
                .is_err()
        );
        assert_eq!(
            canvas::for_project(db, project).await.unwrap().len(),
            1,
            "nothing half-created"
        );
    }
}

#[tokio::test]
async fn the_editor_over_http() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let me = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap();
        let projects = store::projects::for_user(&app.state.db, me.id)
            .await
            .unwrap();
        let project = projects
            .iter()
            .find(|p| p.name.starts_with("Épicerie"))
            .or(projects.first())
            .unwrap()
            .id;

        let created = c
            .post(
                &format!("/projects/{project}/canvases"),
                &[("title", ""), ("example", "")],
            )
            .await;
        let canvas_path = created.location().unwrap().to_string();
        let id: i64 = canvas_path
            .trim_start_matches("/canvases/")
            .parse()
            .unwrap();
        let page = c.get(&canvas_path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Canvas de") && page.body.contains("Guide pratique"));

        // Three blocks, one note each.
        for (block, text) in [
            ("local_problem", "Pas d'épicerie abordable"),
            ("beneficiaries", "Familles du quartier"),
            ("solution", "Une épicerie à prix solidaires"),
        ] {
            let r = c
                .post(
                    &format!("/canvases/{id}/items"),
                    &[("block", block), ("text", text)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        // Bad input: the error shows beside the block's form and the text stays.
        let long = "x".repeat(2_001);
        let bad = c
            .post(
                &format!("/canvases/{id}/items"),
                &[("block", "solution"), ("text", &long)],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-add-solution-error") && bad.body.contains(&long));
        let unknown = c
            .post(
                &format!("/canvases/{id}/items"),
                &[("block", "nope"), ("text", "x")],
            )
            .await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);

        let items = store::canvas::items(&app.state.db, id).await.unwrap();
        assert_eq!(items.len(), 3);
        let sol = items.iter().find(|i| i.block == "solution").unwrap();
        let moved = c
            .post(
                &format!("/canvases/{id}/items/{}/move", sol.id),
                &[("block", "value_proposition"), ("index", "0")],
            )
            .await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER);
        let edit = c
            .post(
                &format!("/canvases/{id}/items/{}/edit", sol.id),
                &[
                    ("text", "Une épicerie solidaire"),
                    ("status", "validated"),
                    ("evidence", "Sondage de 120 foyers"),
                    ("version", &sol.version.to_string()),
                ],
            )
            .await;
        assert_eq!(edit.status, StatusCode::SEE_OTHER);
        // The stale form kept both texts and says so.
        let stale = c
            .post(
                &format!("/canvases/{id}/items/{}/edit", sol.id),
                &[
                    ("text", "Une autre idée"),
                    ("version", &sol.version.to_string()),
                ],
            )
            .await;
        assert_eq!(stale.status, StatusCode::SEE_OTHER);
        assert!(
            c.get(stale.location().unwrap())
                .await
                .body
                .contains("en même temps que toi")
        );
        let deleted = c
            .post(
                &format!("/canvases/{id}/items/{}/delete", items[0].id),
                &[("version", &items[0].version.to_string())],
            )
            .await;
        let undo_page = c.get(deleted.location().unwrap()).await;
        assert!(undo_page.body.contains("Annuler la suppression"));
        c.post(
            &format!("/canvases/{id}/items/{}/restore", items[0].id),
            &[],
        )
        .await;

        // Export → import gives back the same canvas.
        let json = c.get(&format!("/canvases/{id}/export.json")).await.body;
        let imported = c
            .post(
                &format!("/projects/{project}/canvases/import"),
                &[("document", &json)],
            )
            .await;
        let copy = imported.location().unwrap().to_string();
        let json_again = c.get(&format!("{copy}/export.json")).await.body;
        assert_eq!(json, json_again);
        let doc: CanvasDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(doc.items.len(), 4);
        let md = c.get(&format!("/canvases/{id}/export.md")).await.body;
        assert!(md.contains("Une épicerie solidaire") && md.contains("Sondage de 120 foyers"));
        let broken = c
            .post(
                &format!("/projects/{project}/canvases/import"),
                &[("document", "{\"format\": 1")],
            )
            .await;
        assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(broken.body.contains("f-document-error"));
        assert!(
            broken.body.contains("{&#34;format&#34;: 1")
                || broken.body.contains("{&quot;format&quot;: 1"),
            "what was pasted is kept"
        );

        // Another centre cannot see it; the coach who follows the project reads and writes.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(die.get(&canvas_path).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            die.post(
                &format!("/canvases/{id}/items"),
                &[("block", "solution"), ("text", "intrus")]
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(coach.get(&canvas_path).await.status, StatusCode::OK);
        // The coach who follows the project holds the pen too.
        assert_eq!(
            coach
                .post(
                    &format!("/canvases/{id}/items"),
                    &[("block", "solution"), ("text", "x")]
                )
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn demo_projects_hold_the_worked_examples() {
    let app = TestApp::with_demo(testkit::TestDb::sqlite().await).await;
    let mut c = app.client();
    c.login("participant@demo.local", "impact-demo").await;
    let page = c.get("/projects/1").await;
    assert!(page.body.contains("/canvases/"), "{}", page.body);
    let canvas = store::canvas::for_project(&app.state.db, 1).await.unwrap();
    let items = store::canvas::items(&app.state.db, canvas[0].id)
        .await
        .unwrap();
    for block in &domain::canvas::template().blocks {
        assert!(items.iter().any(|i| i.block == block.key), "{}", block.key);
    }
    assert_eq!(
        c.get(&format!("/canvases/{}", canvas[0].id)).await.status,
        StatusCode::OK
    );
    // The poster: every note, no forms; another centre cannot see it.
    let poster = c.get(&format!("/canvases/{}/poster", canvas[0].id)).await;
    assert_eq!(poster.status, StatusCode::OK);
    assert!(poster.body.contains("canvas-poster") && !poster.body.contains("canvas-add"));
    assert_eq!(
        poster.body.matches("class=\"note note-").count(),
        items.len()
    );
    let mut die = app.client();
    die.login("manager.die@demo.local", "impact-demo").await;
    let hidden = die.get(&format!("/canvases/{}/poster", canvas[0].id)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_poster_pdf_and_the_guide_hold_the_text() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let note = "Réparer plutôt que jeter : un atelier au cœur du quartier";
        let r = c
            .post(
                &format!("/api/canvases/{id}/items"),
                &[("block", "solution"), ("text", note)],
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let pdf = c.get(&format!("/canvases/{id}/poster.pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        if let Ok(path) = std::env::var("IMPACT_PDF_OUT") {
            std::fs::write(path, &pdf.bytes).unwrap();
        }
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains(note), "{text}");
            // The project, its centre and every block, in French.
            for needle in ["La Recyclerie des Pentes", "Studio d'Impact Local"] {
                assert!(text.contains(needle), "{needle:?} missing from {text}");
            }
            for block in &domain::canvas::template().blocks {
                assert!(
                    text.contains(&block.fr.title),
                    "{:?}: {text}",
                    block.fr.title
                );
            }
        }
        // Someone outside the project gets nothing.
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        let refused = other.get(&format!("/canvases/{id}/poster.pdf")).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);

        // The guide is public, as a page and as a PDF.
        let mut visitor = app.client();
        let page = visitor.get("/canvas/guide").await;
        assert_eq!(page.status, StatusCode::OK);
        let block = &domain::canvas::template().blocks[0].fr;
        assert!(page.body.contains(&block.title));
        let guide = visitor.get("/canvas/guide.pdf").await;
        assert_eq!(guide.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&guide.bytes) {
            let last = &domain::canvas::template().blocks.last().unwrap().fr;
            assert!(text.contains(&last.title), "{text}");
        }
    }
}

#[tokio::test]
async fn the_editor_api_answers_json_and_refuses_bad_input_clearly() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let mut changes = app.state.live.subscribe(id);
        let added = c
            .post(
                &format!("/api/canvases/{id}/items"),
                &[
                    ("block", "risks_assumptions"),
                    ("text", "La mairie ne suit pas"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::CREATED);
        let item: serde_json::Value = serde_json::from_str(&added.body).unwrap();
        let item_id = item["item"]["id"].as_i64().unwrap();
        let version = item["item"]["version"].as_i64().unwrap();
        // Every open page of the canvas hears of it (through NOTIFY on PostgreSQL).
        let change = tokio::time::timeout(std::time::Duration::from_secs(5), changes.recv())
            .await
            .expect("change in time")
            .unwrap();
        assert_eq!(change.blocks, vec!["risks_assumptions".to_string()]);

        // Bad input: 400 with a JSON problem in the reader's language; nothing stored.
        let before = canvas::items(&app.state.db, id).await.unwrap().len();
        for (block, text, detail) in [
            ("risks_assumptions", "x".repeat(2_001), "2 000 caractères"),
            ("nulle_part", "Une note".to_string(), "Ce bloc n'existe pas"),
            ("solution", "   ".to_string(), "Écris quelque chose"),
        ] {
            let bad = c
                .post(
                    &format!("/api/canvases/{id}/items"),
                    &[("block", block), ("text", &text)],
                )
                .await;
            assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{block}");
            assert_eq!(bad.header("content-type"), Some("application/problem+json"));
            let problem: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
            assert!(
                problem["detail"].as_str().unwrap().contains(detail),
                "{problem}"
            );
        }
        assert_eq!(
            canvas::items(&app.state.db, id).await.unwrap().len(),
            before
        );

        // Two edits from the same version: the second keeps both texts.
        let v = version.to_string();
        let first = c
            .post(
                &format!("/api/canvases/{id}/items/{item_id}"),
                &[("text", "La mairie hésite"), ("version", &v)],
            )
            .await;
        let first: serde_json::Value = serde_json::from_str(&first.body).unwrap();
        assert_eq!(first["outcome"], "applied");
        let second = c
            .post(
                &format!("/api/canvases/{id}/items/{item_id}"),
                &[("text", "La mairie refuse le local"), ("version", &v)],
            )
            .await;
        let second: serde_json::Value = serde_json::from_str(&second.body).unwrap();
        assert_eq!(second["outcome"], "kept_both", "{second}");
        assert_eq!(second["item"]["text"], "La mairie hésite");
        assert_eq!(second["added"]["text"], "La mairie refuse le local");

        // Move, then a stale delete is refused, a current one works and can be undone.
        let moved = c
            .post(
                &format!("/api/canvases/{id}/items/{item_id}/move"),
                &[("block", "partners"), ("index", "0")],
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        let unknown = c
            .post(
                &format!("/api/canvases/{id}/items/{item_id}/move"),
                &[("block", "ailleurs"), ("index", "0")],
            )
            .await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
        let stale = c
            .post(
                &format!("/api/canvases/{id}/items/{item_id}/delete"),
                &[("version", &v)],
            )
            .await;
        // A stale delete: 409, a JSON problem saying so, with the note as it stands now.
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert_eq!(
            stale.header("content-type"),
            Some("application/problem+json")
        );
        let problem: serde_json::Value = serde_json::from_str(&stale.body).unwrap();
        assert_eq!(problem["code"], "stale", "{problem}");
        assert_eq!(problem["status"], 409);
        assert_eq!(problem["current"]["version"], first["item"]["version"]);
        assert_eq!(problem["current"]["text"], "La mairie hésite");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("modifiée entre-temps"),
            "{problem}"
        );
        let current = first["item"]["version"].as_i64().unwrap().to_string();
        let deleted = c
            .post(
                &format!("/api/canvases/{id}/items/{item_id}/delete"),
                &[("version", &current)],
            )
            .await;
        assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.body);
        let restored = c
            .post(&format!("/api/canvases/{id}/items/{item_id}/restore"), &[])
            .await;
        assert_eq!(restored.status, StatusCode::OK);
        let items = canvas::items(&app.state.db, id).await.unwrap();
        let back = items.iter().find(|i| i.id == item_id).unwrap();
        assert_eq!(
            (back.block.as_str(), back.text.as_str()),
            ("partners", "La mairie hésite")
        );

        // The blocks fragment re-renders just the blocks asked for.
        let fragment = c.get(&format!("/canvases/{id}/blocks?keys=partners")).await;
        assert!(fragment.body.contains("data-fragment=\"partners\""));
        assert!(!fragment.body.contains("data-fragment=\"solution\""));
        assert!(fragment.body.contains("La mairie hésite"));
    }
}

#[tokio::test]
async fn a_trial_canvas_sent_with_the_sign_up_lands_in_a_first_project() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.get("/signup").await;
        let draft = serde_json::json!({
            "format": "impact-studio-canvas",
            "template": domain::canvas::template().id,
            "template_version": domain::canvas::template().version,
            "title": "Mon canvas d'essai",
            "items": [
                {"block": "local_problem", "text": "Les vélos cassés finissent à la déchetterie",
                 "colour": "yellow", "status": "hypothesis", "evidence": ""}
            ]
        })
        .to_string();
        let r = c
            .post(
                "/signup",
                &[
                    ("display_name", "Sami Haddad"),
                    ("email", "sami@exemple.fr"),
                    ("password", "une phrase de passe"),
                    ("canvas_draft", &draft),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("data-canvas-saved"));
        let sami = store::accounts::find_user_by_email(&app.state.db, "sami@exemple.fr")
            .await
            .unwrap()
            .unwrap();
        let projects = store::projects::for_user(&app.state.db, sami.id)
            .await
            .unwrap();
        assert_eq!(projects.len(), 1);
        let canvases = canvas::for_project(&app.state.db, projects[0].id)
            .await
            .unwrap();
        let items = canvas::items(&app.state.db, canvases[0].id).await.unwrap();
        assert_eq!(items[0].text, "Les vélos cassés finissent à la déchetterie");

        // A broken draft never stops the sign-up.
        let mut other = app.client();
        other.get("/signup").await;
        let r = other
            .post(
                "/signup",
                &[
                    ("display_name", "Lou"),
                    ("email", "lou@exemple.fr"),
                    ("password", "une phrase de passe"),
                    ("canvas_draft", "{pas du json"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.body.contains("data-canvas-saved"));
    }
}

#[tokio::test]
async fn named_versions_compare_and_restore() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let before = canvas::items(&app.state.db, id).await.unwrap();
        // A name is required; the error shows beside the field.
        let bad = c
            .post(&format!("/canvases/{id}/versions"), &[("name", "  ")])
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-name-error"));
        let saved = c
            .post(
                &format!("/canvases/{id}/versions"),
                &[("name", "Avant le comité")],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let version = canvas::versions(&app.state.db, id).await.unwrap()[0].id;

        // Change things: one note edited, one deleted, one added.
        let first = &before[0];
        c.post(
            &format!("/api/canvases/{id}/items/{}", first.id),
            &[
                ("text", "Texte réécrit après le comité"),
                ("version", &first.version.to_string()),
            ],
        )
        .await;
        let second = &before[1];
        c.post(
            &format!("/api/canvases/{id}/items/{}/delete", second.id),
            &[("version", &second.version.to_string())],
        )
        .await;
        c.post(
            &format!("/api/canvases/{id}/items"),
            &[
                ("block", "channels"),
                ("text", "Une affiche chez le boulanger"),
            ],
        )
        .await;

        let diff = c.get(&format!("/canvases/{id}/versions/{version}")).await;
        assert_eq!(diff.status, StatusCode::OK);
        for needle in [
            "Texte réécrit après le comité",
            "Une affiche chez le boulanger",
            "diff-removed",
            "diff-edited",
            "diff-added",
        ] {
            assert!(diff.body.contains(needle), "{needle}");
        }
        let history = c.get(&format!("/canvases/{id}/versions")).await;
        assert!(history.body.contains("Avant le comité"));
        assert!(history.body.contains("a supprimé une note"));

        let restored = c
            .post(&format!("/canvases/{id}/versions/{version}/restore"), &[])
            .await;
        assert_eq!(restored.status, StatusCode::SEE_OTHER);
        let after = canvas::items(&app.state.db, id).await.unwrap();
        let key = |items: &[canvas::Item]| {
            let mut v: Vec<_> = items
                .iter()
                .map(|i| (i.id, i.block.clone(), i.text.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            key(&after),
            key(&before),
            "same notes, same ids, same texts"
        );
        // The state before the restore was kept as a version of its own.
        let versions = canvas::versions(&app.state.db, id).await.unwrap();
        assert_eq!(versions.len(), 2);
        assert!(versions[0].name.contains("Avant la restauration"));

        // Someone from another centre cannot see or restore versions.
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            other.get(&format!("/canvases/{id}/versions")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            other
                .post(&format!("/canvases/{id}/versions/{version}/restore"), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn comments_notify_the_project_and_can_be_resolved() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let empty = c
            .post(
                &format!("/canvases/{id}/comments"),
                &[("block", "solution"), ("body", "  ")],
            )
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("c-body-solution-error"));
        let note = canvas::items(&app.state.db, id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.block == "solution")
            .unwrap();
        let sent = c
            .post(
                &format!("/canvases/{id}/comments"),
                &[
                    ("block", "solution"),
                    ("item", &note.id.to_string()),
                    ("body", "Et si on testait d'abord un samedi par mois ?"),
                ],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        // A note of another block cannot be named.
        let other_block = canvas::items(&app.state.db, id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.block != "solution")
            .unwrap();
        let wrong = c
            .post(
                &format!("/canvases/{id}/comments"),
                &[
                    ("block", "solution"),
                    ("item", &other_block.id.to_string()),
                    ("body", "x"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);

        // The coach who follows the project hears of it by e-mail, in their language.
        let mail = app
            .last_mail_to("coach@demo.local")
            .await
            .expect("comment mail");
        assert!(
            mail.subject.contains("Nouveau commentaire"),
            "{}",
            mail.subject
        );
        assert!(mail.text.contains("un samedi par mois"));
        assert!(
            app.smtp.to("participant@demo.local").await.is_empty(),
            "not the author"
        );

        let page = c.get(&format!("/canvases/{id}")).await;
        assert!(page.body.contains("Commentaires (1 ouvert)"));
        let comment = canvas::comments(&app.state.db, id).await.unwrap()[0].id;
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let resolved = coach
            .post(&format!("/canvases/{id}/comments/{comment}/resolve"), &[])
            .await;
        assert_eq!(resolved.status, StatusCode::SEE_OTHER);
        assert!(
            canvas::comments(&app.state.db, id).await.unwrap()[0]
                .resolved_at
                .is_some()
        );
        c.post(&format!("/canvases/{id}/comments/{comment}/reopen"), &[])
            .await;
        assert!(
            canvas::comments(&app.state.db, id).await.unwrap()[0]
                .resolved_at
                .is_none()
        );
        // Nobody outside the project can comment.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        let refused = die
            .post(
                &format!("/canvases/{id}/comments"),
                &[("block", "solution"), ("body", "Bonjour")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn read_only_links_open_the_canvas_until_revoked() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let created = c.post(&format!("/canvases/{id}/shares"), &[]).await;
        let location = created.location().unwrap().to_string();
        let token = location
            .split("created=")
            .nth(1)
            .expect("token in the redirect");
        let page = c.get(&location).await;
        let url = format!("/shared/canvas/{token}");
        assert!(
            page.body.contains(&format!("http://impact.test{url}")),
            "link shown once"
        );
        let note = canvas::items(&app.state.db, id).await.unwrap()[0]
            .text
            .clone();
        let mut visitor = app.client();
        let shared = visitor.get(&url).await;
        assert_eq!(shared.status, StatusCode::OK);
        assert!(shared.body.contains(&askama_escape(&note)) || shared.body.contains(&note));
        assert!(!shared.body.contains("/items"), "no editing form");
        // A guessed token opens nothing.
        assert_eq!(
            visitor.get("/shared/canvas/devine").await.status,
            StatusCode::NOT_FOUND
        );
        // Revoked, the link is dead; both actions are in the audit log.
        let share = canvas::active_shares(&app.state.db, id).await.unwrap()[0].id;
        let revoked = c
            .post(&format!("/canvases/{id}/shares/{share}/revoke"), &[])
            .await;
        assert_eq!(revoked.status, StatusCode::SEE_OTHER);
        assert_eq!(visitor.get(&url).await.status, StatusCode::NOT_FOUND);
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let audit = admin.get("/admin/audit").await;
        assert!(
            audit.body.contains("Lien de partage créé")
                && audit.body.contains("Lien de partage coupé")
        );
    }
}

fn askama_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('\'', "&#39;")
        .replace('"', "&#34;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn co_editors_join_at_once_or_through_an_invitation() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let canvas_row = canvas::find(&app.state.db, id).await.unwrap().unwrap();
        let bad = c
            .post(
                &format!("/canvases/{id}/coeditors"),
                &[("email", "pas-une-adresse")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("f-email-error") && bad.body.contains("pas-une-adresse"));

        // Someone new gets an invitation; accepting opens the centre and the project.
        let r = c
            .post(
                &format!("/canvases/{id}/coeditors"),
                &[("email", "lea@exemple.fr")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mail = app
            .last_mail_to("lea@exemple.fr")
            .await
            .expect("invitation");
        let link = testkit::link_path(&mail.text, "http://impact.test/invitations/").unwrap();
        let mut lea = app.client();
        lea.get(&link).await;
        let accepted = lea
            .post(
                &link,
                &[("display_name", "Léa"), ("password", "une phrase de passe")],
            )
            .await;
        assert_eq!(accepted.location(), Some("/dashboard"));
        let editor = lea.get(&format!("/canvases/{id}")).await;
        assert_eq!(editor.status, StatusCode::OK);
        assert!(editor.body.contains("data-editable"));
        let lea_id = store::accounts::find_user_by_email(&app.state.db, "lea@exemple.fr")
            .await
            .unwrap()
            .unwrap()
            .id;
        let people = store::projects::people(&app.state.db, canvas_row.project_id)
            .await
            .unwrap();
        assert!(
            people
                .iter()
                .any(|(u, _, rel)| *u == lea_id && rel == "member")
        );
    }
}

#[tokio::test]
async fn stale_and_full_notes_answer_precisely_in_json_and_in_forms() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let backend = app.db.backend;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let added = c
            .post(
                &format!("/api/canvases/{id}/items"),
                &[("block", "solution"), ("text", "Un atelier mobile")],
            )
            .await;
        let added: serde_json::Value = serde_json::from_str(&added.body).unwrap();
        let note = added["item"]["id"].as_i64().unwrap();
        let loaded = added["item"]["version"].as_i64().unwrap().to_string();
        let edited = c
            .post(
                &format!("/api/canvases/{id}/items/{note}"),
                &[
                    ("text", "Un atelier mobile le samedi"),
                    ("version", &loaded),
                ],
            )
            .await;
        assert_eq!(edited.status, StatusCode::OK, "{backend}");

        // The form's stale delete: 409, the reason beside the note, which shows its current text.
        let stale = c
            .post(
                &format!("/canvases/{id}/items/{note}/delete"),
                &[("version", &loaded)],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{backend}");
        assert!(stale.body.contains("modifiée entre-temps"), "{backend}");
        assert!(stale.body.contains("Un atelier mobile le samedi"));
        assert!(
            canvas::items(&app.state.db, id)
                .await
                .unwrap()
                .iter()
                .any(|i| i.id == note)
        );

        // Fill the canvas to its 300 notes.
        let have = canvas::items(&app.state.db, id).await.unwrap().len();
        for n in have..domain::canvas::MAX_ITEMS {
            canvas::add_item(
                &app.state.db,
                id,
                &draft("key_activities", &format!("Activité {n}")),
                None,
            )
            .await
            .unwrap();
        }
        // The API: 422 with a problem saying the canvas is full.
        let full = c
            .post(
                &format!("/api/canvases/{id}/items"),
                &[("block", "solution"), ("text", "Une de trop")],
            )
            .await;
        assert_eq!(full.status, StatusCode::UNPROCESSABLE_ENTITY, "{backend}");
        assert_eq!(
            full.header("content-type"),
            Some("application/problem+json")
        );
        let problem: serde_json::Value = serde_json::from_str(&full.body).unwrap();
        assert_eq!(problem["code"], "full", "{problem}");
        assert!(
            problem["detail"].as_str().unwrap().contains("300 notes"),
            "{problem}"
        );
        // The form: the message beside the field, what was typed kept.
        let form = c
            .post(
                &format!("/canvases/{id}/items"),
                &[("block", "solution"), ("text", "Une idée de trop")],
            )
            .await;
        assert_eq!(form.status, StatusCode::UNPROCESSABLE_ENTITY, "{backend}");
        assert!(form.body.contains("Une idée de trop"));
        assert!(form.body.contains("300 notes"));
        // An edit from an old version needs room for a second note: refused, the text kept.
        let form = c
            .post(
                &format!("/canvases/{id}/items/{note}/edit"),
                &[("text", "Un atelier le dimanche"), ("version", &loaded)],
            )
            .await;
        assert_eq!(form.status, StatusCode::UNPROCESSABLE_ENTITY, "{backend}");
        assert!(form.body.contains("Un atelier le dimanche"));
        assert!(form.body.contains("canvas est plein"));
        assert_eq!(
            canvas::items(&app.state.db, id).await.unwrap().len(),
            domain::canvas::MAX_ITEMS
        );
    }
}

/// Each page loads the scripts of its features only: the editor its three, the trial canvas its
/// own, a page without a feature script only `app.js`.
#[tokio::test]
async fn each_page_loads_only_the_scripts_it_needs() {
    let app = TestApp::with_demo(testkit::TestDb::sqlite().await).await;
    let (mut c, id) = app.demo_canvas("participant@demo.local").await;
    let features = [
        "canvas-editor.js",
        "canvas-live.js",
        "canvas-moves.js",
        "canvas-trial.js",
        "diagnostic.js",
        "content-preview.js",
    ];
    let mut visitor = app.client();
    for (page, wanted) in [
        (
            c.get(&format!("/canvases/{id}")).await,
            &["canvas-editor.js", "canvas-live.js", "canvas-moves.js"][..],
        ),
        (visitor.get("/canvas/try").await, &["canvas-trial.js"][..]),
        (c.get("/dashboard").await, &[][..]),
    ] {
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(web::assets::url("app.js")));
        for script in features {
            assert_eq!(
                page.body.contains(web::assets::url(script)),
                wanted.contains(&script),
                "{script}"
            );
        }
    }
}

/// Issue 15: the editor page of the demo canvas (44 notes) is under 60 KB and reads in at most
/// five statements whatever the number of notes (an editing form per note is rendered when it is
/// opened, not on every load).
#[tokio::test]
async fn the_editor_page_is_light_and_reads_in_a_few_statements() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let backend = app.db.backend;
        let (participant, id) = app.demo_canvas("participant@demo.local").await;
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let notes = canvas::items(&app.state.db, id).await.unwrap().len();
        assert!(notes >= 40, "the demo canvas holds {notes} notes");
        let mut clients = [("participant", participant), ("coach", coach)];
        let mut counts = Vec::new();
        for (who, c) in clients.iter_mut() {
            c.get(&format!("/canvases/{id}")).await;
            let page = c.get(&format!("/canvases/{id}")).await;
            assert_eq!(page.status, StatusCode::OK);
            let statements: u32 = page
                .header("x-sql-statements")
                .and_then(|n| n.parse().ok())
                .expect("x-sql-statements");
            eprintln!(
                "{backend} {who}: /canvases/{id} ({notes} notes) is {} bytes, {statements} statements",
                page.body.len()
            );
            assert!(page.body.len() < 60_000, "{who}: {} bytes", page.body.len());
            assert!(statements <= 5, "{who}: {statements} statements");
            counts.push(statements);
        }
        // Twenty more notes: not one statement more.
        for n in 0..20 {
            canvas::add_item(
                &app.state.db,
                id,
                &draft("partners", &format!("P{n}")),
                None,
            )
            .await
            .unwrap();
        }
        for ((who, c), before) in clients.iter_mut().zip(counts) {
            c.get(&format!("/canvases/{id}")).await;
            let more = c.get(&format!("/canvases/{id}")).await;
            assert_eq!(
                more.header("x-sql-statements")
                    .and_then(|n| n.parse::<u32>().ok()),
                Some(before),
                "{who}"
            );
        }
    }
}

/// Without JavaScript a note has its own page: the form (GET), a save (POST) that goes back to
/// the note, a refused text shown beside its field with what was typed (colour and status too),
/// a form without its CSRF token refused; the board itself links to it and holds no note form;
/// a block's comments are a page of their own.
#[tokio::test]
async fn each_note_has_an_edit_page_that_works_without_javascript() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let backend = app.db.backend;
        let (mut c, id) = app.demo_canvas("participant@demo.local").await;
        let note = canvas::items(&app.state.db, id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.block == "solution")
            .unwrap();
        let edit = format!("/canvases/{id}/items/{}/edit", note.id);
        let board = c.get(&format!("/canvases/{id}")).await;
        assert!(
            board.body.contains(&format!("href=\"{edit}\"")),
            "{backend}"
        );
        assert!(
            !board.body.contains("name=\"version\""),
            "no editing form per note on the board"
        );
        assert!(!board.body.contains("Unknown localization key"));

        let page = c.get(&edit).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(page.body.contains("name=\"_csrf\""));
        assert!(page.body.contains(&format!("action=\"{edit}\"")));
        assert!(page.body.contains(&askama_escape(&note.text)) || page.body.contains(&note.text));

        // A refused text: 422, the message beside the field, everything typed kept.
        let long = "y".repeat(2_001);
        let refused = c
            .post(
                &edit,
                &[
                    ("text", long.as_str()),
                    ("colour", "blue"),
                    ("status", "validated"),
                    ("evidence", "Trois devis"),
                    ("version", &note.version.to_string()),
                ],
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        assert!(refused.body.contains("f-text-error") && refused.body.contains(&long));
        assert!(refused.body.contains("<option value=\"blue\" selected>"));
        assert!(
            refused
                .body
                .contains("<option value=\"validated\" selected>")
        );
        assert!(refused.body.contains("Trois devis"));

        // Saved: back to the note on the board, which shows it.
        let saved = c
            .post(
                &edit,
                &[
                    ("text", "Une épicerie solidaire ouverte le samedi"),
                    ("colour", "green"),
                    ("status", "validated"),
                    ("evidence", ""),
                    ("version", &note.version.to_string()),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{backend}");
        assert_eq!(
            saved.location(),
            Some(format!("/canvases/{id}#item-{}", note.id).as_str())
        );
        let stored = canvas::items(&app.state.db, id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.id == note.id)
            .unwrap();
        assert_eq!(stored.text, "Une épicerie solidaire ouverte le samedi");
        assert_eq!(
            (stored.colour.code(), stored.status.code()),
            ("green", "validated")
        );

        // A forged form changes nothing.
        let forged = c
            .post(
                &edit,
                &[
                    ("_csrf", "x".repeat(43).as_str()),
                    ("text", "Piraté"),
                    ("version", &stored.version.to_string()),
                ],
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN, "{backend}");
        // Someone outside the project cannot open it.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(die.get(&edit).await.status, StatusCode::NOT_FOUND);

        // A block's comments: their own page, with the form to write one.
        let comments = c
            .get(&format!("/canvases/{id}/comments?block=solution"))
            .await;
        assert_eq!(comments.status, StatusCode::OK, "{backend}");
        assert!(comments.body.contains("c-body-solution"));
        assert_eq!(
            c.get(&format!("/canvases/{id}/comments?block=nope"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}
