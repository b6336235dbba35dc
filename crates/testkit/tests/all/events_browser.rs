//! Events in a real headless Chromium: a visitor registers to the free workshop, the e-mail
//! carries the .ics, staff check them in on a 360 px phone, the survey invitation goes out, the
//! visitor answers and the NPS shows on the results page; axe-core finds nothing on every new
//! page, and nothing scrolls sideways on the phone.
use testkit::browser::browser;
use testkit::{TestApp, TestDb, link_path};

#[tokio::test]
async fn visitor_registers_is_checked_in_on_a_phone_and_gives_feedback() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/evenements/atelier-decouverte"))
        .await;
    b.check("event").await;
    b.screenshot("events-page-desktop").await;
    b.fill("#f-name", "Sacha Moreau").await;
    b.fill("#f-email", "sacha@exemple.fr").await;
    b.fill("#f-seats", "2").await;
    b.press("label[for='f-consent']").await;
    app.advance(3);
    b.click("form[action='/evenements/atelier-decouverte'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Vérifie ta boîte mail"));
    let mail = app.last_mail_to("sacha@exemple.fr").await.unwrap();
    let confirm = link_path(&mail.text, &format!("{url}/pionniers/confirmer/")).unwrap();
    b.goto(&format!("{url}{confirm}")).await;

    // The ticket e-mail, with its calendar file, in the SMTP sink.
    let ticket_mail = app.last_mail_to("sacha@exemple.fr").await.unwrap();
    let raw = app.smtp.raw_to("sacha@exemple.fr").await.pop().unwrap();
    assert!(web::mail::part(&raw, "text/calendar").contains("TZID=Europe/Paris"));
    let ticket = link_path(&ticket_mail.text, &format!("{url}/billet/")).unwrap();
    b.goto(&format!("{url}{ticket}")).await;
    b.check("ticket").await;
    b.screenshot("events-ticket-desktop").await;
    let code = b.text(".event-code strong").await;
    let cancel = link_path(&ticket_mail.text, &format!("{url}/evenements/annuler/")).unwrap();
    b.goto(&format!("{url}{cancel}")).await;
    b.check("cancel").await;
    b.close().await;

    // Staff at the door, on a phone: the scanned code opens the page with the person found.
    let Some(phone) = browser(360, 800).await else {
        return;
    };
    phone.sign_in(&url, "manager@demo.local").await;
    let workshop = store::site::event_by_slug(&app.state.db, "atelier-decouverte")
        .await
        .unwrap()
        .unwrap()
        .id;
    phone
        .goto(&format!(
            "{url}/admin/evenements/{workshop}/accueil?code={code}"
        ))
        .await;
    assert!(
        phone
            .text(".checkin-found h2")
            .await
            .contains("Sacha Moreau")
    );
    phone.check("check-in").await;
    phone.screenshot("events-checkin-phone").await;
    phone.click(".checkin-found button[type=submit]").await;
    assert!(
        phone
            .text("[role=status]")
            .await
            .contains("Sacha Moreau est arrivé")
    );
    phone.check("check-in done").await;
    phone.screenshot("events-checkin-done-phone").await;

    // The survey invitation, the answer, the NPS on the results page.
    phone
        .goto(&format!("{url}/admin/evenements/{workshop}/avis"))
        .await;
    phone.click("form[action$='/avis/inviter'] button").await;
    let invitation = app.last_mail_to("sacha@exemple.fr").await.unwrap();
    let survey = link_path(&invitation.text, &format!("{url}/avis/")).unwrap();
    let Some(b) = browser(360, 800).await else {
        return;
    };
    b.goto(&format!("{url}{survey}")).await;
    b.check("survey").await;
    b.press("label[for='q-recommander-9']").await;
    b.press("label[for='q-contenu-5']").await;
    b.press("label[for='q-animation-4']").await;
    b.press("label[for='q-organisation-4']").await;
    b.fill(
        "#q-retenu-input",
        "Le canvas en version express, très concret.",
    )
    .await;
    b.screenshot("events-survey-phone").await;
    b.click("form.diag-form button[type=submit]").await;
    assert!(b.text("h1").await.contains("Merci pour ton avis"));
    b.close().await;

    phone
        .goto(&format!("{url}/admin/evenements/{workshop}/avis"))
        .await;
    assert_eq!(phone.text("[data-nps]").await, "+100");
    phone.check("results phone").await;
    phone.screenshot("events-results-phone").await;
    phone.close().await;
    let Some(desk) = browser(1280, 900).await else {
        return;
    };
    desk.sign_in(&url, "manager@demo.local").await;
    desk.goto(&format!("{url}/admin/evenements/{workshop}/avis"))
        .await;
    desk.check("results desktop").await;
    desk.screenshot("events-results-desktop").await;
    desk.goto(&format!("{url}/admin/evenements/{workshop}/accueil"))
        .await;
    desk.check("check-in desktop").await;
    desk.screenshot("events-checkin-desktop").await;
    desk.close().await;
}
