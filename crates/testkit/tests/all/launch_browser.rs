//! The 30-minute flow as a browser journey, in a real headless Chromium at 1280 and 360 px:
//! the network admin opens a new centre from the centres page and goes through its six steps
//! (profile, manager, licence and contract, kit, offers, first events) to « Le centre est
//! prêt », keeping the defaults a hurried admin would. axe-core finds nothing on each step's
//! page and nothing scrolls sideways; the journey's time is printed (it goes in the closing
//! note).
use std::time::Instant;
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

async fn submit(b: &Browser, step: &str) {
    b.click(&format!(
        "form[action='/admin/centres/micro-centre-de-crest/lancement/{step}'] button[type=submit]"
    ))
    .await;
}

#[tokio::test]
async fn a_network_admin_brings_up_a_new_centre_in_one_guided_flow() {
    for width in [1280, 360] {
        let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;

        let started = Instant::now();
        b.goto(&format!("{url}/centres")).await;
        b.click("a[href='/admin/centres/nouveau']").await;
        assert!(b.text("h1").await.contains("Ouvrir un nouveau centre"));
        // A profile without its name is refused beside the field, the town kept.
        b.fill("#f-town", "Crest").await;
        b.click("form[action='/admin/centres/nouveau'] button[type=submit]")
            .await;
        assert!(!b.text("#f-name-error").await.is_empty());
        b.check("profile refused").await;
        b.screenshot(&format!("launch-{width}-profile")).await;
        b.fill("#f-name", "Micro-centre de Crest").await;
        b.fill("#f-address", "3 place du Marché").await;
        b.fill("#f-postcode", "26400").await;
        b.click("form[action='/admin/centres/nouveau'] button[type=submit]")
            .await;
        assert_eq!(
            b.path().await,
            "/admin/centres/micro-centre-de-crest/lancement"
        );
        b.check("manager step").await;
        b.screenshot_at(&format!("launch-{width}-manager"), "#etape-responsable")
            .await;
        b.fill("#f-email", "claire.crest@exemple.fr").await;
        submit(&b, "responsable").await;
        assert!(b.text(".flash").await.contains("invitation"));
        b.check("licence step").await;
        b.screenshot_at(&format!("launch-{width}-licence"), "#etape-licence")
            .await;
        submit(&b, "licence").await;
        assert!(b.text(".flash").await.contains("contrat"));
        b.check("kit step").await;
        submit(&b, "kit").await;
        b.check("offers step").await;
        b.screenshot_at(&format!("launch-{width}-offers"), "#etape-offres")
            .await;
        submit(&b, "offres").await;
        b.check("events step").await;
        b.screenshot_at(&format!("launch-{width}-events"), "#etape-evenements")
            .await;
        submit(&b, "evenements").await;
        assert!(b.text("main").await.contains("Le centre est prêt"));
        let taken = started.elapsed();
        b.check("finished").await;
        b.screenshot(&format!("launch-{width}-finished")).await;
        println!(
            "new-centre flow in Chromium at {width} px: {:.1} s (profile, manager, licence and contract, kit, offers, events, with axe checks)",
            taken.as_secs_f64()
        );
        b.close().await;
    }
}
