//! The partners' pages in a real headless Chromium, at 1280 and 360 px: the network team opens
//! the grid from the menu, reads the ranking, opens a partner, gives an out-of-order agreement
//! (refused beside its field), then scores it and sees the flash. axe-core finds nothing on
//! each page, and nothing scrolls sideways.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

/// Sets a date field's value as the date picker would.
async fn set(b: &Browser, css: &str, value: &str) {
    b.client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1];",
            vec![css.into(), value.into()],
        )
        .await
        .expect("set value");
}

#[tokio::test]
async fn the_network_team_weighs_and_chooses_partners() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for width in [1280, 360] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        b.goto(&format!("{url}/admin/partenaires")).await;
        assert!(b.text("h1").await.contains("Partenaires"));
        let ranking = b.text(".partner-table tbody").await;
        assert!(ranking.contains("Métropole de Lyon"), "{ranking}");
        b.check("partners grid").await;
        b.screenshot(&format!("partners-{width}-grid")).await;
        b.fill("#f-weight", "zéro").await;
        b.fill("#f-name", &format!("Réseau local {width}")).await;
        b.click("form[action='/admin/partenaires/criteres'] button[type=submit]")
            .await;
        assert!(!b.text("#f-weight-error").await.is_empty());
        b.check("partners grid with an error").await;

        b.goto(&format!("{url}/admin/partenaires")).await;
        b.click(".partner-table tbody tr:last-child a").await;
        assert!(b.path().await.starts_with("/admin/partenaires/"));
        b.check("partner").await;
        let partner = b.path().await;
        b.fill("#f-title", "Convention de soutien").await;
        set(&b, "#f-signed_on", "2027-03-01").await;
        set(&b, "#f-ends_on", "2027-02-01").await;
        b.click(&format!(
            "form[action='{partner}/accord'] button[type=submit]"
        ))
        .await;
        assert!(!b.text("#f-ends_on-error").await.is_empty());
        b.check("partner with an error").await;
        b.screenshot(&format!("partners-{width}-partner-error"))
            .await;
        b.select("#f-status", "chosen").await;
        b.click(&format!(
            "form[action='{partner}/evaluation'] button[type=submit]"
        ))
        .await;
        assert!(b.text(".flash").await.contains("enregistrée"));
        b.check("partner saved").await;
        b.screenshot(&format!("partners-{width}-partner")).await;
        b.close().await;
    }
}
