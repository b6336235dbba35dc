//! The network's pages in a real headless Chromium, at 360 and 1280 px: an ambassador opens
//! their page from the menu (their link and QR code to share, their results), the network team
//! adds a tier (a bad threshold shown beside its field first) and reads the network dashboard
//! with the pilot's chart. axe-core finds nothing on each page, and nothing scrolls sideways.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn ambassador_and_network_pages_are_accessible() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for width in [360, 1280] {
        // The ambassador, from the menu to their page.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "ambassador@demo.local").await;
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
        b.check("ambassador").await;
        b.screenshot(&format!("network-{width}-ambassador")).await;
        b.close().await;

        // The network team: a tier, then the dashboard.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        b.goto(&format!("{url}/admin/ambassadeurs")).await;
        b.check("ambassadors").await;
        b.fill("#f-name", &format!("Platine {width}")).await;
        b.fill("#f-threshold", "beaucoup").await;
        b.click("form[action='/admin/ambassadeurs/paliers'] button[type=submit]")
            .await;
        let error = b.text("#f-threshold-error").await;
        assert!(!error.is_empty());
        b.check("ambassadors with an error").await;
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
        b.check("network dashboard").await;
        b.screenshot(&format!("network-{width}-dashboard")).await;
        b.close().await;
    }
}
