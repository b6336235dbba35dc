//! Licences and contracts in a real headless Chromium: the network team grants the Die
//! micro-centre a new licence and writes and sends its contract (at 1280 px), then the centre's
//! manager reads it and signs it on a phone (360 px): the consent box first refused beside it,
//! then the signature recorded with the fingerprint the page shows. axe-core finds nothing on
//! each page (the network's licences, a model's new version, the centre's licence, the contract
//! and its editor), and nothing scrolls sideways.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn the_network_writes_a_contract_and_the_manager_signs_it_on_a_phone() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    // The network team, on a desktop.
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.sign_in(&url, "admin@demo.local").await;
    b.goto(&format!("{url}/admin/licences")).await;
    b.check("network licences").await;
    b.screenshot("licences-1280-network").await;
    b.click("a[href^='/admin/licences/modeles/']").await;
    b.check("new version").await;
    b.goto(&format!("{url}/centres/micro-centre-die/licence"))
        .await;
    b.check("centre licence (network)").await;
    b.click("form[action='/centres/micro-centre-die/licence'] button[type=submit]")
        .await;
    assert_eq!(b.path().await, "/centres/micro-centre-die/licence");
    b.click("form[action$='/contrat'] button[type=submit]")
        .await;
    assert!(b.path().await.starts_with("/contrats/"));
    let contract = b.path().await;
    b.check("contract (draft)").await;
    b.click(&format!("a[href='{contract}/modifier']")).await;
    b.check("contract editor").await;
    b.click(&format!(
        "form[action='{contract}/modifier'] button[type=submit]"
    ))
    .await;
    b.click(&format!(
        "form[action='{contract}/envoyer'] button[type=submit]"
    ))
    .await;
    b.wait_for_text(".contract-state", "signer").await;
    b.screenshot("licences-1280-contract-sent").await;
    b.close().await;

    // The centre's manager, on a phone.
    let Some(b) = browser(360, 800).await else {
        return;
    };
    b.sign_in(&url, "manager.die@demo.local").await;
    b.goto(&format!("{url}/centres/micro-centre-die/licence"))
        .await;
    b.check("centre licence (manager)").await;
    b.goto(&format!("{url}{contract}")).await;
    b.check("contract to sign").await;
    let shown = b.text("#contract-hash").await;
    b.click(&format!(
        "form[action='{contract}/signer'] button[type=submit]"
    ))
    .await;
    let error = b.text("#f-consent-error").await;
    assert!(!error.is_empty());
    b.check("contract, consent missing").await;
    b.press("input[name=consent]").await;
    b.click(&format!(
        "form[action='{contract}/signer'] button[type=submit]"
    ))
    .await;
    b.wait_for_text(".contract-state", "attente").await;
    let html = b.html().await;
    assert!(html.contains("Denis Drôme"), "{html}");
    assert!(
        html.contains(shown.trim()),
        "the fingerprint signed is the one shown"
    );
    b.check("contract signed by the centre").await;
    b.screenshot("licences-360-contract-signed").await;
    let id: i64 = contract
        .trim_start_matches("/contrats/")
        .parse()
        .expect("contract id");
    let sigs = store::contracts::signatures(&app.state.db, id)
        .await
        .unwrap();
    assert_eq!(sigs.len(), 1);
    assert_eq!(domain::contract::grouped(&sigs[0].body_hash), shown.trim());
    b.close().await;
}
