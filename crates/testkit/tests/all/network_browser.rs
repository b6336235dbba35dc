//! The network's pages in a real headless Chromium, at 360 and 1280 px: an ambassador opens
//! their page from the menu (their link and QR code to share, their results), the network team
//! adds a tier (a bad threshold shown beside its field first) and reads the network dashboard
//! with the pilot's chart. axe-core finds nothing on each page, and nothing scrolls sideways.
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
async fn ambassador_and_network_pages_are_accessible() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for width in [360, 1280] {
        // The ambassador, from the menu to their page.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        sign_in(&b, &url, "ambassador@demo.local").await;
        if width < 760 {
            // On a phone the menu button shows the navigation first.
            b.press(".nav-toggle").await;
            b.wait_until("document.querySelector('#main-nav').dataset.open === 'true'")
                .await;
        }
        b.click("#main-nav a[href='/ambassadeur']").await;
        assert_eq!(b.path().await, "/ambassadeur");
        let link = b.text("a[href*='/r/']").await;
        assert!(link.contains("/r/awaparr2"), "{link}");
        assert!(b.html().await.contains("<svg"), "the QR code");
        check(&b, "ambassador").await;
        b.screenshot(&format!("network-{width}-ambassador")).await;
        b.close().await;

        // The network team: a tier, then the dashboard.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        sign_in(&b, &url, "admin@demo.local").await;
        b.goto(&format!("{url}/admin/ambassadeurs")).await;
        check(&b, "ambassadors").await;
        b.fill("#f-name", &format!("Platine {width}")).await;
        b.fill("#f-threshold", "beaucoup").await;
        b.click("form[action='/admin/ambassadeurs/paliers'] button[type=submit]")
            .await;
        let error = b.text("#f-threshold-error").await;
        assert!(!error.is_empty());
        check(&b, "ambassadors with an error").await;
        b.screenshot(&format!("network-{width}-ambassadors-error"))
            .await;
        b.fill("#f-threshold", "20").await;
        b.click("form[action='/admin/ambassadeurs/paliers'] button[type=submit]")
            .await;
        assert_eq!(b.path().await, "/admin/ambassadeurs");
        assert!(b.html().await.contains(&format!("Platine {width}")));
        b.goto(&format!("{url}/admin/reseau")).await;
        let title = b.text("h1").await;
        assert!(title.contains("réseau"), "{title}");
        assert!(b.html().await.contains("fc-chart"), "the pilot's chart");
        check(&b, "network dashboard").await;
        b.screenshot(&format!("network-{width}-dashboard")).await;
        b.close().await;
    }
}
