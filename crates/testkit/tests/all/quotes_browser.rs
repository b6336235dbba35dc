//! Quotes in a real headless Chromium: a manager drafts a quote through the form and reads it;
//! the participant opens a quote sent to them and accepts it, landing on the invoice. axe-core
//! finds nothing on the list, the form, the quote and the edit form, which fit a 360 px phone.
//! Screenshots at 360 and 1280 px for both roles.
use store::invoices::Buyer;
use store::quotes::NewQuote;
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn a_manager_drafts_a_quote_and_the_participant_accepts_one() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.sign_in(&url, "manager@demo.local").await;
    b.goto(&format!("{url}/centres/studio/invoices")).await;
    b.click("a[href='/centres/studio/quotes']").await;
    b.check("quotes").await;
    b.screenshot("quotes-desktop-list").await;
    b.click("a[href='/centres/studio/quotes/new']").await;
    b.check("new quote").await;
    b.fill("#f-title", "Ateliers « Budget participatif »").await;
    b.fill("#f-buyer_name", "Centre social de la Croix-Rousse")
        .await;
    b.fill("#l1-label", "Atelier collectif (demi-journée)")
        .await;
    b.fill("#l1-quantity", "2").await;
    b.fill("#l1-price", "450").await;
    b.screenshot("quotes-desktop-new").await;
    b.click("form[action='/centres/studio/quotes/new'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Devis D-"));
    let body = b.text("main").await;
    assert!(
        body.contains("900,00") && body.contains("Brouillon"),
        "{body}"
    );
    b.check("quote").await;
    b.screenshot("quotes-desktop-quote").await;
    let draft = b.path().await;
    b.close().await;

    let Some(b) = browser(360, 800).await else {
        return;
    };
    b.sign_in(&url, "manager@demo.local").await;
    for (path, name) in [
        ("/centres/studio/quotes".to_string(), "quotes-phone-list"),
        ("/centres/studio/quotes/new".to_string(), "quotes-phone-new"),
        (draft.clone(), "quotes-phone-quote"),
        (format!("{draft}/edit"), "quotes-phone-edit"),
    ] {
        b.goto(&format!("{url}{path}")).await;
        b.check(&path).await;
        b.screenshot(name).await;
    }
    b.close().await;

    // A quote sent to the participant: they read it and accept it.
    let db = &app.state.db;
    let studio = store::centres::find_by_slug(db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let participant = store::accounts::find_user_by_email(db, "participant@demo.local")
        .await
        .unwrap()
        .unwrap();
    for (w, h, tag) in [(360, 800, "phone"), (1280, 900, "desktop")] {
        let quote = store::quotes::create(
            db,
            &NewQuote {
                centre_id: studio,
                user_id: Some(participant.id),
                title: "Accompagnement individuel".into(),
                buyer: Buyer {
                    name: participant.display_name.clone(),
                    email: participant.email.clone(),
                    ..Buyer::default()
                },
                lines: vec![domain::invoice::Line {
                    label: "Séances individuelles (heures)".into(),
                    quantity_milli: 4000,
                    unit_price_cents: 6000,
                    vat_rate_bp: 0,
                }],
                ..NewQuote::default()
            },
        )
        .await
        .unwrap();
        store::quotes::mark_sent(db, quote).await.unwrap();
        let Some(b) = browser(w, h).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        b.goto(&format!("{url}/quotes/{quote}")).await;
        b.check("participant's quote").await;
        b.screenshot(&format!("quotes-{tag}-participant")).await;
        b.click(&format!(
            "form[action='/quotes/{quote}/accept'] button.btn-primary"
        ))
        .await;
        assert!(b.text("h1").await.contains("Facture F-"));
        b.close().await;
    }
}
