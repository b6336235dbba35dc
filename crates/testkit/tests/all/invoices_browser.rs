//! Invoices in a real headless Chromium: a manager issues an invoice through the form, records
//! nothing yet, then issues a credit note; the participant reads their own invoices. axe-core
//! finds nothing on the list, the form, the invoice, the seller identity and the participant's
//! pages, which fit a 360 px phone (the invoice page with its transfer QR code); the participant
//! accepts the quote sent to them from their invoices page. Screenshots at 360 and 1280 px for
//! both roles.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

async fn sign_in(b: &Browser, url: &str, email: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", "impact-demo").await;
    b.click("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard");
}

async fn check(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
    assert_eq!(b.too_wide().await, None, "{page}");
}

#[tokio::test]
async fn a_manager_issues_an_invoice_and_a_credit_note() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    sign_in(&b, &url, "manager@demo.local").await;
    b.goto(&format!("{url}/centres/studio/invoices")).await;
    check(&b, "invoices").await;
    b.screenshot("invoices-desktop-list").await;
    b.click("a[href='/centres/studio/invoices/new']").await;
    check(&b, "new invoice").await;
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
    check(&b, "invoice").await;
    b.screenshot("invoices-desktop-invoice").await;
    b.fill("#f-amount", "120").await;
    b.click("form[action$='/credit-note'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Avoir AV-"));
    check(&b, "credit note").await;
    b.goto(&format!("{url}/centres/studio/invoices/seller"))
        .await;
    check(&b, "seller").await;
    b.screenshot("invoices-desktop-seller").await;
    b.close().await;

    // The same pages on a phone.
    let Some(b) = browser(360, 800).await else {
        return;
    };
    sign_in(&b, &url, "manager@demo.local").await;
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
        check(&b, &path).await;
        b.screenshot(name).await;
    }
    b.close().await;

    // The participant's own invoices, on a phone and a desktop.
    for (w, h, tag) in [(360, 800, "phone"), (1280, 900, "desktop")] {
        let Some(b) = browser(w, h).await else {
            return;
        };
        sign_in(&b, &url, "participant@demo.local").await;
        b.goto(&format!("{url}/account/invoices")).await;
        check(&b, "my invoices").await;
        b.screenshot(&format!("invoices-{tag}-mine")).await;
        b.click("a[href^='/invoices/']").await;
        assert!(b.text("h1").await.contains("Facture F-"));
        check(&b, "my invoice").await;
        b.screenshot(&format!("invoices-{tag}-my-invoice")).await;
        if tag == "desktop" {
            // The quote sent to them, accepted from the same page: its invoice is issued.
            b.goto(&format!("{url}/account/invoices")).await;
            b.click("form[action$='/accept'] button.btn-primary").await;
            assert!(b.text("h1").await.contains("Facture F-"));
            b.goto(&format!("{url}/account/invoices")).await;
            check(&b, "my invoices, quote accepted").await;
            assert!(b.text("main").await.contains("Voir la facture"));
        }
        b.close().await;
    }
}
