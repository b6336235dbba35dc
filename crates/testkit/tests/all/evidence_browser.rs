//! Attendance signed on a phone in a real headless Chromium: staff open the session's signing
//! sheet at 360 px, a participant signs on the pad with a finger (pointer events), the trainer
//! signs by typing their name, and the PDF sheet lists both signatures; axe-core finds nothing
//! on the new pages and nothing scrolls sideways. Screenshots at 360 and 1280 px, as staff and
//! as the participant (the survey after the session).
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn staff_run_the_signing_sheet_on_a_phone_and_the_pdf_lists_the_signatures() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let db = app.state.db.clone();
    let studio = store::centres::find_by_slug(&db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let cohort = store::cohorts::for_centre(&db, studio).await.unwrap()[0].id;
    let session = store::cohorts::sessions(&db, cohort).await.unwrap()[0].id;
    let paul = store::accounts::find_user_by_email(&db, "participant@demo.local")
        .await
        .unwrap()
        .unwrap()
        .id;
    let sheet = format!("/cohorts/{cohort}/sessions/{session}/emargement");
    let offer = store::offers::find_by_slug(&db, "studio", "lance-ton-projet")
        .await
        .unwrap()
        .unwrap()
        .id;

    for (width, name) in [(360, "phone"), (1280, "desktop")] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!("{url}/cohorts/{cohort}/sessions/{session}"))
            .await;
        b.check("session").await;
        b.click(&format!("a[href='{sheet}']")).await;
        assert_eq!(b.path().await, sheet);
        b.check("signing sheet").await;
        b.screenshot(&format!("evidence-sheet-{name}")).await;
        b.goto(&format!("{url}{sheet}/u{paul}")).await;
        // With the script, the pad shows and the typed fallback hides.
        b.wait_until("!document.querySelector('[data-signature-draw]').hidden")
            .await;
        b.check("signing pad").await;
        b.screenshot(&format!("evidence-pad-{name}")).await;
        if width == 360 {
            // Validating an empty pad says so, without leaving the page.
            b.press("form[data-signature-pad] button[type=submit]")
                .await;
            b.wait_until("!document.querySelector('[data-signature-empty]').hidden")
                .await;
            // The participant signs with a finger.
            b.draw(
                ".signing-canvas",
                &[
                    (-120.0, 10.0),
                    (-80.0, -20.0),
                    (-30.0, 15.0),
                    (20.0, -10.0),
                    (90.0, 12.0),
                ],
            )
            .await;
            b.wait_until("document.querySelector('[data-signature-path]').value.startsWith('M')")
                .await;
            b.screenshot("evidence-pad-signed-phone").await;
            b.click("form[data-signature-pad] button[type=submit]")
                .await;
            assert_eq!(b.path().await, sheet);
            assert!(b.text(".signing-list").await.contains("Signé le"));
            b.check("signed sheet").await;
            b.screenshot("evidence-sheet-signed-phone").await;

            // The trainer types their name instead.
            let me = store::accounts::find_user_by_email(&db, "manager@demo.local")
                .await
                .unwrap()
                .unwrap()
                .id;
            b.goto(&format!("{url}{sheet}/u{me}")).await;
            b.press("[data-signature-type]").await;
            b.fill("#f-name", "Malik Gestion").await;
            b.press("label[for='f-certify']").await;
            b.check("typed signature").await;
            b.click("form[data-signature-pad] button[type=submit]")
                .await;
            assert_eq!(b.path().await, sheet);
        }
        // The cohort's feedback and the offer's evidence page, new pages too.
        b.goto(&format!("{url}/cohorts/{cohort}/avis")).await;
        b.check("cohort feedback").await;
        b.screenshot(&format!("evidence-cohort-feedback-{name}"))
            .await;
        b.goto(&format!("{url}/offers/{offer}/evidence")).await;
        b.check("offer evidence").await;
        b.screenshot(&format!("evidence-offer-{name}")).await;
        b.close().await;
    }

    let signatures = store::signatures::of_sheet(&db, store::signatures::Sheet::Session(session))
        .await
        .unwrap();
    assert_eq!(signatures.len(), 2);
    let drawn = signatures
        .iter()
        .find(|s| s.signer == format!("user:{paul}"))
        .unwrap();
    assert!(
        drawn.path.starts_with('M') && drawn.path.contains(" L"),
        "{}",
        drawn.path
    );
    assert!(
        store::cohorts::attendance(&db, session)
            .await
            .unwrap()
            .contains(&(paul, true))
    );

    // The PDF sheet lists both signatures.
    let mut manager = app.client();
    manager.login("manager@demo.local", "impact-demo").await;
    let pdf = manager
        .get(&format!(
            "/cohorts/{cohort}/sessions/{session}/presences.pdf"
        ))
        .await;
    if let Some(text) = testkit::pdf_text(&pdf.bytes) {
        let text = text.replace('\u{a0}', " ");
        assert!(text.contains("Paul Porteur"), "{text}");
        assert!(text.contains("Signé le"), "{text}");
        assert!(text.contains("présence certifiée"), "{text}");
    }

    // The participant's side: the cohort page, at 360 and 1280 px.
    for (width, name) in [(360, "phone"), (1280, "desktop")] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        b.goto(&format!("{url}/cohorts/{cohort}")).await;
        b.check("cohort (participant)").await;
        b.screenshot(&format!("evidence-cohort-participant-{name}"))
            .await;
        b.close().await;
    }
}
