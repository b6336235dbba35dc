//! Offers in a real headless Chromium: a visitor applies to « Lance ton projet à impact
//! local », the manager finds the application in « À faire », accepts it into the studio's
//! cohort, and the new participant, once their address is confirmed, reads their cohort's
//! page. axe-core finds nothing on the catalogue, the offer, the staff's pages and the cohort
//! page, which fit a 360 px phone.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb, link_path};

async fn sign_in(b: &Browser, url: &str, email: &str, password: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", password).await;
    b.click("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard");
}

/// No axe-core violation and nothing sideways.
#[tokio::test]
async fn a_visitor_applies_the_manager_accepts_and_the_participant_reads_their_cohort() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    // The visitor, from the catalogue to the form.
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/offres")).await;
    b.check("/offres").await;
    b.click("a[href='/offre/studio/lance-ton-projet']").await;
    assert!(
        b.text("h1")
            .await
            .contains("Lance ton projet à impact local")
    );
    b.check("offer").await;
    b.fill("#f-display_name", "Lina Moreau").await;
    b.fill("#f-email", "lina@exemple.fr").await;
    b.fill("#f-password", "un potager sur chaque toit").await;
    b.fill(
        "#f-motivation",
        "Des potagers partagés sur les toits de la Guillotière.",
    )
    .await;
    b.fill("#f-q0", "Lyon 7e").await;
    b.fill("#f-q1", "Le samedi matin").await;
    b.screenshot("offers-desktop-apply").await;
    b.click("form[action='/offre/studio/lance-ton-projet'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Candidature reçue"));
    b.close().await;

    // The manager: « À faire », the application, accepted into the cohort.
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    sign_in(&b, &url, "manager@demo.local", "impact-demo").await;
    let todo = b.text("section[aria-labelledby='todo-applications']").await;
    assert!(todo.contains("Lina Moreau"), "{todo}");
    b.click("section[aria-labelledby='todo-applications'] a[href^='/applications/']")
        .await;
    assert!(b.text("h1").await.contains("Lina Moreau"));
    b.check("application").await;
    b.screenshot("offers-desktop-application").await;
    let cohort = store::cohorts::for_centre(&app.state.db, 1).await.unwrap()[0].id;
    b.select("#f-cohort", &cohort.to_string()).await;
    b.click("button[name=status][value=accepted]").await;
    assert!(b.text(".page-header").await.contains("Acceptée"));
    b.goto(&format!("{url}/centres/studio/applications")).await;
    b.check("applications").await;
    b.goto(&format!("{url}/centres/studio/offers")).await;
    b.check("offers").await;
    b.close().await;

    // The participant confirms their address and reads their cohort's page.
    let mails = {
        app.run_jobs().await;
        app.smtp.to("lina@exemple.fr").await
    };
    let verify = mails
        .iter()
        .find_map(|m| link_path(&m.text, &format!("{url}/verify/")))
        .expect("verification link");
    // The cohort's welcome (the onboarding's own welcome goes out too, without this link).
    let cohort_path = mails
        .iter()
        .filter(|m| m.subject.contains("Bienvenue"))
        .find_map(|m| link_path(&m.text, &format!("{url}/cohorts/")))
        .expect("welcome e-mail with the cohort's link");
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}{verify}")).await;
    sign_in(&b, &url, "lina@exemple.fr", "un potager sur chaque toit").await;
    b.goto(&format!("{url}{cohort_path}")).await;
    assert!(b.text("h1").await.contains("Première cohorte"));
    let people = b.text("#h-cohort-people + ul").await;
    assert!(
        people.contains("Lina Moreau") && people.contains("Paul Porteur"),
        "{people}"
    );
    b.check("cohort").await;
    b.screenshot("offers-desktop-cohort").await;
    b.goto(&format!("{url}/mes-candidatures")).await;
    assert!(b.text("main").await.contains("En attente de paiement"));
    b.check("my applications").await;
    b.close().await;

    // The same pages on a phone.
    let Some(b) = browser(360, 780).await else {
        return;
    };
    for (path, name) in [
        ("/offres".to_string(), "offres"),
        ("/offre/studio/premium-personnalise".to_string(), "offer"),
    ] {
        b.goto(&format!("{url}{path}")).await;
        b.check(&format!("mobile {path}")).await;
        b.screenshot(&format!("offers-mobile-{name}")).await;
    }
    sign_in(&b, &url, "manager@demo.local", "impact-demo").await;
    for (path, name) in [
        (cohort_path.clone(), "cohort-manager"),
        ("/centres/studio/applications".to_string(), "applications"),
        ("/centres/studio/offers/new".to_string(), "offer-form"),
        (format!("{cohort_path}/sessions/1"), "session"),
    ] {
        b.goto(&format!("{url}{path}")).await;
        b.check(&format!("mobile {path}")).await;
        b.screenshot(&format!("offers-mobile-{name}")).await;
    }
    b.close().await;
}
