//! The CRM in a real headless Chromium: a manager imports a CSV (preview, then confirm), opens
//! a person, logs a call with a follow-up (it shows on the dashboard), moves a prospect on the
//! board with the keyboard and the plain form; the network team reads every centre's. axe-core
//! finds nothing on each page, and nothing scrolls sideways at 360 px.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

const CSV: &str = "nom;email;organisation;type;siret;tags;newsletter
Hélène Garnier;helene@cafe-velo.example;Café Vélo;client;51200425000019;vélo;oui
Claire Moreau;claire.moreau@metropole.example;;;;;
Sans Adresse;pas-une-adresse;;;;;";

#[tokio::test]
async fn a_manager_imports_logs_a_call_and_moves_a_prospect() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for width in [1280, 360] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        let shot = |name: &str| format!("crm-{width}-manager-{name}");
        b.sign_in(&url, "manager@demo.local").await;

        // Import: the preview, then the confirmation (the second pass finds nothing new).
        b.goto(&format!("{url}/contacts/import")).await;
        b.check("import").await;
        b.fill("#f-text", CSV).await;
        b.click("form[enctype='multipart/form-data'] .form-actions button")
            .await;
        let preview = b.text("section.crm-preview").await;
        assert!(
            preview.contains("Hélène Garnier") && preview.contains("Doublon"),
            "{preview}"
        );
        b.check("import preview").await;
        b.screenshot(&shot("import-preview")).await;
        if width == 1280 {
            assert!(preview.contains("1 nouvelle"), "{preview}");
            b.click("input[name=confirm] ~ button").await;
            assert!(b.path().await.starts_with("/contacts"));
        } else {
            assert!(preview.contains("Aucune nouvelle ligne"), "{preview}");
        }

        // The people list, then a person: their history and a call with a follow-up.
        b.goto(&format!("{url}/contacts")).await;
        b.check("people").await;
        b.screenshot(&shot("people")).await;
        b.click("table a[href^='/contacts/']").await;
        let who = b.text("h1").await;
        b.check("person").await;
        b.fill(
            "#f-body",
            "Appel\u{a0}: d'accord pour un rendez-vous en janvier.",
        )
        .await;
        let today = app.state.clock.run(async { web::contacts::today() }).await;
        b.client
            .execute(
                "document.querySelector('#f-follow_up').value = arguments[0];",
                vec![serde_json::json!(today)],
            )
            .await
            .unwrap();
        b.click("form[action$='/interactions'] button[type=submit]")
            .await;
        let history = b.text("section[aria-labelledby='h-history']").await;
        assert!(history.contains("rendez-vous en janvier"), "{history}");
        b.check("person with a call").await;
        b.screenshot(&shot("person")).await;
        b.goto(&format!("{url}/dashboard")).await;
        let todo = b.text("section[aria-labelledby='todo-follow-ups']").await;
        assert!(todo.contains(who.trim()), "{todo}");

        // The board: a card moves with the keyboard (the stage's list, then Enter on the button).
        b.goto(&format!("{url}/prospection")).await;
        b.check("board").await;
        b.screenshot(&shot("board")).await;
        let card = "#deal-1";
        let before = store::contacts::pipeline::deal(&app.state.db, 1)
            .await
            .unwrap()
            .unwrap()
            .stage_id;
        let stages = store::contacts::pipeline::stages(&app.state.db, 1)
            .await
            .unwrap();
        let next = stages.iter().find(|s| s.id != before).unwrap().id;
        b.select(&format!("{card} select"), &next.to_string()).await;
        b.click(&format!("{card} button")).await;
        let after = store::contacts::pipeline::deal(&app.state.db, 1)
            .await
            .unwrap()
            .unwrap()
            .stage_id;
        assert_ne!(before, after, "the card moved one stage on");
        assert!(b.text(".crm-board").await.contains("Convention ESS 2027"));
        b.check("board after a move").await;

        // Organisations and segments.
        b.goto(&format!("{url}/organisations")).await;
        b.check("organisations").await;
        b.screenshot(&shot("organisations")).await;
        b.click("table a[href^='/organisations/']").await;
        b.check("organisation").await;
        b.goto(&format!("{url}/segments")).await;
        b.check("segments").await;
        b.screenshot(&shot("segments")).await;
        b.close().await;

        // The network team: every centre's people, and a centre to choose.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        b.goto(&format!("{url}/contacts")).await;
        b.check("people (network)").await;
        assert!(b.text("main").await.contains("Claire Moreau"));
        b.screenshot(&format!("crm-{width}-admin-people")).await;
        b.goto(&format!("{url}/prospection")).await;
        b.check("board (network)").await;
        b.screenshot(&format!("crm-{width}-admin-board")).await;
        b.close().await;
    }
}
