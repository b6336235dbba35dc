//! Payments in a real headless Chromium: a participant pays a paid offer by card through the
//! local fake checkout (its « Payer » button posts the signed webhook to the served app), comes
//! back to an order marked paid and receives the invoice e-mail in the SMTP sink; the manager's
//! payment settings and bank statement pages. axe-core finds nothing, and nothing is wider
//! than a 360 px phone.
use crate::payments::{configure, invoices_of, order_for};
use testkit::browser::browser;
use testkit::payfake::FakeProvider;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn a_participant_pays_by_card_through_the_fake_checkout_and_gets_the_invoice() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let fake = FakeProvider::start(app.state.clock.clone()).await;
    let mut manager = configure(&app, &fake).await;
    let (order, centre) = order_for(&app, "participant@demo.local").await;
    let (other, _) = order_for(&app, "participant@demo.local").await;
    fake.deliver_to(Some(format!("{url}/webhooks/card/{centre}")), None);
    let csv = include_str!("../fixtures/releve.csv").replace(
        "{REF_A}",
        &domain::payment::transfer::rf_reference(&format!("CMD{other}")).unwrap(),
    );
    manager
        .post_multipart(
            "/centres/studio/banque",
            &[],
            Some(("statement", "releve.csv", csv.as_bytes())),
        )
        .await;

    for (width, tag) in [(1280, "desktop"), (360, "mobile")] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!("{url}/centres/studio/paiements")).await;
        b.check("settings").await;
        b.screenshot(&format!("payments-{tag}-manager-settings"))
            .await;
        b.goto(&format!("{url}/centres/studio/banque")).await;
        b.check("bank").await;
        b.screenshot(&format!("payments-{tag}-manager-bank")).await;
        b.close().await;

        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        b.goto(&format!("{url}/mes-candidatures")).await;
        b.check("mine").await;
        b.goto(&format!("{url}/orders/{other}")).await;
        b.check("order").await;
        b.screenshot(&format!("payments-{tag}-participant-order"))
            .await;
        b.close().await;
    }

    // The journey: « Payer par carte », « Continuer vers le paiement », the provider's page,
    // « Payer », back to a paid order.
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.sign_in(&url, "participant@demo.local").await;
    b.goto(&format!("{url}/orders/{order}")).await;
    b.click(&format!(
        "form[action='/orders/{order}/pay'] input[value='card'] ~ button"
    ))
    .await;
    // Back on the order, a link leads on to the provider's page (a form may only post to this
    // site under the strict CSP, so the hosted checkout is reached by a link).
    b.click("#checkout-link").await;
    b.wait_for_text("h1", "Paiement de test").await;
    b.click("#fake-pay").await;
    let title = b.wait_for_text("h1", "Commande").await;
    assert!(title.ends_with(&format!(" {order}")), "{title}");
    assert_eq!(b.path().await, format!("/orders/{order}"));
    let html = b.html().await;
    assert!(html.contains("Payée"), "{html}");
    b.check("paid order").await;
    b.screenshot("payments-desktop-participant-paid").await;
    b.close().await;
    let mail = app
        .last_mail_to("participant@demo.local")
        .await
        .expect("invoice mail");
    assert!(mail.subject.contains("Paiement reçu"), "{}", mail.subject);
    let invoices = invoices_of(&app, order).await;
    assert_eq!(invoices.len(), 1);
    assert!(mail.text.contains(&invoices[0].1), "{}", mail.text);
    assert_eq!(fake.sessions().len(), 1);
}
