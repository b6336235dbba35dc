//! Memberships, donations and the CRM leftovers in a real headless Chromium, at 360 and 1280 px:
//! a visitor's join page and donation form (an error shown beside its field), the manager's
//! memberships and donations pages, an organisation's edit page and a deal started from a
//! person's page. axe-core finds nothing on each page, and nothing scrolls sideways.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

async fn fixtures(app: &TestApp) {
    let db = &app.state.db;
    let centre = store::centres::find_by_slug(db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    store::adhesions::add_plan(db, centre, "Adhésion solidaire", 0)
        .await
        .unwrap();
    store::adhesions::add_plan(db, centre, "Adhésion de soutien", 3_000)
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::donations::create_in(
        &mut tx,
        &store::donations::NewDonation {
            centre_id: centre,
            name: "Marc Lefèvre".into(),
            email: "marc@exemple.fr".into(),
            address: "8 rue Mercière".into(),
            postcode: "69002".into(),
            town: "Lyon".into(),
            amount_cents: 15_000,
            method: "cheque".into(),
            status: "received".into(),
            received_on: "2026-11-02".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn join_give_and_manage_pages_are_accessible() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    fixtures(&app).await;
    for width in [1280, 360] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        // A visitor: the join page, the donation form and a refused amount beside its field.
        b.goto(&format!("{url}/centres/studio/adherer")).await;
        b.check("join").await;
        b.screenshot(&format!("donations-{width}-visitor-join"))
            .await;
        b.goto(&format!("{url}/centres/studio/don")).await;
        b.check("donation form").await;
        b.screenshot(&format!("donations-{width}-visitor-give"))
            .await;
        b.fill("#f-other", "0,50").await;
        b.fill("#f-email", "claire@exemple.fr").await;
        b.fill("#f-display_name", "Claire Dubois").await;
        b.click("form.donation-give button[type=submit]").await;
        let error = b.text("#f-other-error").await;
        assert!(error.contains("1"), "{error}");
        b.check("donation form with errors").await;
        b.screenshot(&format!("donations-{width}-visitor-give-error"))
            .await;

        // The manager: memberships, donations, an organisation's edit page, a deal from a person.
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!("{url}/centres/studio/adhesions")).await;
        b.check("memberships").await;
        b.screenshot(&format!("donations-{width}-manager-memberships"))
            .await;
        b.goto(&format!("{url}/centres/studio/dons")).await;
        b.check("donations").await;
        b.screenshot(&format!("donations-{width}-manager-donations"))
            .await;
        b.goto(&format!("{url}/organisations")).await;
        b.click("table a[href^='/organisations/']").await;
        b.click("a[href$='/edit']").await;
        b.fill("#f-siret", "12345678901234").await;
        b.click("form[action$='/edit'] button[type=submit]").await;
        let error = b.text("#f-siret-error").await;
        assert!(!error.is_empty());
        b.check("organisation edit").await;
        b.screenshot(&format!("donations-{width}-manager-org-edit"))
            .await;
        b.goto(&format!("{url}/contacts")).await;
        b.click("table a[href^='/contacts/']").await;
        b.click("a[href*='contact=']").await;
        assert!(b.path().await.starts_with("/prospection"));
        b.check("deal from a person").await;
        b.screenshot(&format!("donations-{width}-manager-deal"))
            .await;
        b.close().await;
    }
}
