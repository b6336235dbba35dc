//! Invoices in a real headless Chromium: a manager issues an invoice through the form, records
//! nothing yet, then issues a credit note; the participant reads their own invoices. axe-core
//! finds nothing on the list, the form, the invoice, the seller identity and the participant's
//! pages, which fit a 360 px phone (the invoice page with its transfer QR code); the participant
//! accepts the quote sent to them from their invoices page. Screenshots at 360 and 1280 px for
//! both roles.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn a_manager_issues_an_invoice_and_a_credit_note() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.sign_in(&url, "manager@demo.local").await;
    b.goto(&format!("{url}/centres/studio/invoices")).await;
    b.check("invoices").await;
    b.screenshot("invoices-desktop-list").await;
    b.click("a[href='/centres/studio/invoices/new']").await;
    b.check("new invoice").await;
    b.fill("#f-buyer_name", "Mairie du 1er arrondissement")
        .await;
    b.fill("#f-buyer_address", "2 place Sathonay, 69001 Lyon")
        .await;
    b.fill("#l1-label", "Atelier « Monter son budget »").await;
    b.fill("#l1-quantity", "2").await;
    b.fill("#l1-price", "250").await;
    b.screenshot("invoices-desktop-new").await;
    b.click("form[action='/centres/studio/invoices/new'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Facture F-"));
    let body = b.text("main").await;
    assert!(body.contains("500,00") && body.contains("293 B"), "{body}");
    b.check("invoice").await;
    b.screenshot("invoices-desktop-invoice").await;
    b.fill("#f-amount", "120").await;
    b.click("form[action$='/credit-note'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Avoir AV-"));
    b.check("credit note").await;
    b.goto(&format!("{url}/centres/studio/invoices/seller"))
        .await;
    b.check("seller").await;
    b.screenshot("invoices-desktop-seller").await;
    b.close().await;

    // The same pages on a phone.
    let Some(b) = browser(360, 800).await else {
        return;
    };
    b.sign_in(&url, "manager@demo.local").await;
    let studio = store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let first = store::invoices::list(&app.state.db, studio, &Default::default(), 10, 0)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id;
    for (path, name) in [
        (
            "/centres/studio/invoices".to_string(),
            "invoices-phone-list",
        ),
        (
            "/centres/studio/invoices/new".to_string(),
            "invoices-phone-new",
        ),
        (format!("/invoices/{first}"), "invoices-phone-invoice"),
    ] {
        b.goto(&format!("{url}{path}")).await;
        b.check(&path).await;
        b.screenshot(name).await;
    }
    b.close().await;

    // The participant's own invoices, on a phone and a desktop.
    for (w, h, tag) in [(360, 800, "phone"), (1280, 900, "desktop")] {
        let Some(b) = browser(w, h).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        b.goto(&format!("{url}/account/invoices")).await;
        b.check("my invoices").await;
        b.screenshot(&format!("invoices-{tag}-mine")).await;
        b.click("a[href^='/invoices/']").await;
        assert!(b.text("h1").await.contains("Facture F-"));
        b.check("my invoice").await;
        b.screenshot(&format!("invoices-{tag}-my-invoice")).await;
        if tag == "desktop" {
            // The quote sent to them, accepted from the same page: its invoice is issued.
            b.goto(&format!("{url}/account/invoices")).await;
            b.click("form[action$='/accept'] button.btn-primary").await;
            assert!(b.text("h1").await.contains("Facture F-"));
            b.goto(&format!("{url}/account/invoices")).await;
            b.check("my invoices, quote accepted").await;
            assert!(b.text("main").await.contains("Voir la facture"));
        }
        b.close().await;
    }
}
