//! Onboarding and newsletters in a real headless Chromium, at 1280 and 360 px: the manager
//! sets the sequence (a mistake shown beside its field), reads the funnel and pauses a person,
//! writes a newsletter and previews it, sets the newsletters' sending rate; the project holder ticks their checklist on the
//! dashboard and hides it. axe-core finds nothing, nothing goes sideways.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

/// No axe-core violation and nothing sideways.
#[tokio::test]
async fn the_manager_sets_the_sequence_reads_the_funnel_and_writes_a_newsletter() {
    let test_db = TestDb::sqlite().await;
    let db = test_db.db.clone();
    let (_app, url) = TestApp::serve(test_db, true).await;
    // The demo participant has done every step, lessons included; without them one step is
    // left and the checklist shows.
    let store::Db::Sqlite(pool) = &db else {
        unreachable!("a SQLite test database")
    };
    sqlx::query(
        "DELETE FROM lesson_progress WHERE user_id = \
         (SELECT id FROM users WHERE email = 'participant@demo.local')",
    )
    .execute(pool)
    .await
    .expect("forget the demo participant's lessons");
    for (width, name) in [(1280, "desktop"), (360, "phone")] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!("{url}/centres/studio/onboarding")).await;
        b.check("onboarding settings").await;
        b.screenshot(&format!("onboarding-{name}-settings")).await;
        b.fill("#f-canvas-delay", "-1").await;
        b.click("form.onboarding-settings button[type=submit]")
            .await;
        assert!(b.text("#f-canvas-delay-error").await.contains("jours"));
        b.check("onboarding settings, with a mistake").await;
        b.screenshot_at(
            &format!("onboarding-{name}-settings-error"),
            "#f-canvas-delay-error",
        )
        .await;
        b.fill("#f-canvas-delay", "2").await;
        b.click("form.onboarding-settings button[type=submit]")
            .await;
        assert_eq!(b.path().await, "/centres/studio/onboarding");

        b.goto(&format!("{url}/centres/studio/onboarding/funnel"))
            .await;
        b.check("onboarding funnel").await;
        b.screenshot(&format!("onboarding-{name}-funnel")).await;
        b.screenshot_at(&format!("onboarding-{name}-funnel-bars"), ".funnel")
            .await;
        if width == 1280 {
            b.click(".funnel-person form button[type=submit]").await;
            assert_eq!(b.path().await, "/centres/studio/onboarding/funnel");
        }

        b.goto(&format!("{url}/centres/studio/newsletters/new"))
            .await;
        b.check("new newsletter").await;
        b.fill("#f-subject", "Les nouvelles du studio").await;
        b.fill(
            "#f-body",
            "Bonjour à toutes et à tous,\n\n**Jeudi à 18 h**, atelier « Trouver ses premiers clients ».\n\n- inscription libre\n- café offert",
        )
        .await;
        b.click("button[name=preview]").await;
        assert!(b.text("#h-preview").await.contains("Aperçu"));
        b.check("newsletter preview").await;
        b.screenshot(&format!("onboarding-{name}-newsletter")).await;
        b.screenshot_at(
            &format!("onboarding-{name}-newsletter-preview"),
            "#h-preview",
        )
        .await;
        b.press("#f-when-draft").await;
        b.click("form button.btn-primary").await;
        assert!(b.path().await.starts_with("/newsletters/"));
        b.goto(&format!("{url}/centres/studio/newsletters")).await;
        b.check("newsletters").await;
        b.screenshot(&format!("onboarding-{name}-newsletters"))
            .await;
        // The newsletter settings, reached from the list: a rate out of bounds is refused
        // beside its field, a right one saved.
        b.click("a[href='/centres/studio/newsletters/settings']")
            .await;
        assert_eq!(b.path().await, "/centres/studio/newsletters/settings");
        b.check("newsletter settings").await;
        b.screenshot(&format!("onboarding-{name}-newsletter-settings"))
            .await;
        b.fill("#f-rate", "5000").await;
        b.click("form.newsletter-settings button[type=submit]")
            .await;
        assert!(b.text("#f-rate-error").await.contains("600"));
        b.check("newsletter settings, with a mistake").await;
        b.screenshot(&format!("onboarding-{name}-newsletter-settings-error"))
            .await;
        b.fill("#f-rate", "30").await;
        b.click("form.newsletter-settings button[type=submit]")
            .await;
        assert_eq!(b.path().await, "/centres/studio/newsletters");
        b.close().await;

        // The project holder's checklist.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        assert!(b.text("#h-checklist").await.contains("Tes premiers pas"));
        b.check("dashboard with the checklist").await;
        b.screenshot_at(
            &format!("onboarding-{name}-checklist"),
            ".onboarding-checklist",
        )
        .await;
        if width == 360 {
            b.click(".onboarding-checklist button[type=submit]").await;
            assert_eq!(b.path().await, "/dashboard");
            assert!(!b.html().await.contains("id=\"h-checklist\""));
        }
        b.close().await;
    }
}
