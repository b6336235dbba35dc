//! The overdue invoices and the seller page's reminder days in a real headless Chromium, once
//! the demo invoices are past due: axe-core finds nothing, nothing scrolls sideways at 360 px.
//! Screenshots at 360 and 1280 px.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn a_manager_reads_the_overdue_invoices() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    app.advance(40 * 86_400);
    for (w, h, tag) in [(360, 800, "phone"), (1280, 900, "desktop")] {
        let Some(b) = browser(w, h).await else {
            return;
        };
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!("{url}/centres/studio/invoices")).await;
        b.click("a[href='/centres/studio/invoices/overdue']").await;
        let body = b.text("main").await;
        assert!(body.contains("Coopérative Les Jardins du Rhône"), "{body}");
        for (path, name) in [
            ("/centres/studio/invoices/overdue", "overdue"),
            ("/centres/studio/invoices/seller", "seller"),
        ] {
            b.goto(&format!("{url}{path}")).await;
            let violations = b.axe_violations().await;
            assert!(violations.is_empty(), "{path}: {violations:?}");
            assert_eq!(b.too_wide().await, None, "{path}");
            b.screenshot(&format!("reminders-{tag}-{name}")).await;
        }
        b.close().await;
    }
}
