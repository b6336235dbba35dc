//! The kit's pages in a real headless Chromium, at 1280 and 360 px: the network team opens the
//! kit from the menu, sees each centre's version, opens a draft and tries to publish it
//! unchanged (refused beside the notes); Die's manager reads what version 2 changes, unticks
//! the chapter, takes the rest and opens an item. axe-core finds nothing on each page, and
//! nothing scrolls sideways.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn the_network_publishes_the_kit_and_a_centre_takes_its_changes() {
    for width in [1280, 360] {
        let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        b.goto(&format!("{url}/admin/kit")).await;
        assert!(b.text("h1").await.contains("Kit de déploiement"));
        assert!(b.text("main").await.contains("2 changements à prendre"));
        b.check("kit admin").await;
        b.screenshot(&format!("kit-{width}-admin")).await;
        b.click("form[action='/admin/kit/brouillon'] button[type=submit]")
            .await;
        b.fill("#f-notes", "Rien").await;
        b.click("form[action='/admin/kit/publier'] button[type=submit]")
            .await;
        assert!(b.text("#f-notes-error").await.contains("ne change rien"));
        b.check("kit draft refused").await;
        b.screenshot(&format!("kit-{width}-draft")).await;
        b.close().await;

        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager.die@demo.local").await;
        b.goto(&format!("{url}/centres/micro-centre-die/kit")).await;
        assert!(b.text("main").await.contains("La version 2 est parue"));
        b.check("centre kit").await;
        b.screenshot(&format!("kit-{width}-centre")).await;
        b.press("#f-change-1").await;
        b.click("form[action='/centres/micro-centre-die/kit/prendre'] button[type=submit]")
            .await;
        assert!(b.text(".flash").await.contains("laissés de côté"));
        b.check("centre kit taken").await;
        b.click(".kit-cards a").await;
        assert!(b.path().await.starts_with("/centres/micro-centre-die/kit/"));
        b.check("kit item").await;
        b.screenshot(&format!("kit-{width}-item")).await;
        b.close().await;
    }
}
