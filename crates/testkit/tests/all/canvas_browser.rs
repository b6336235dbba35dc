//! The canvas editor in a real headless Chromium: notes added, typed and saved without a page
//! load, moved by drag and drop and by keyboard, found again after a reload; two people editing
//! the same canvas see each other's changes (on SQLite, and through LISTEN/NOTIFY on PostgreSQL);
//! a visitor's trial canvas is saved into their first project when they sign up.
use fantoccini::Locator;
use fantoccini::key::Key;
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb, databases, link_path};

async fn sign_in(b: &Browser, url: &str, email: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", "impact-demo").await;
    b.click("form[action='/login'] button[type=submit]").await;
}

/// Adds a note through the block's form (the script sends it and shows it in place).
async fn add_note(b: &Browser, block: &str, text: &str) -> String {
    b.fill(&format!("#f-add-{block}"), text).await;
    b.press(&format!("#block-{block} .canvas-add button[type=submit]"))
        .await;
    b.wait_for_text(&format!("#block-{block} ol"), "").await;
    b.wait_until(&format!(
        "Array.from(document.querySelectorAll('#block-{block} .note-input')).some(t => t.value === {text:?})"
    ))
    .await;
    let id = b
        .client
        .execute(
            &format!(
                "return Array.from(document.querySelectorAll('#block-{block} .note-input')).find(t => t.value === {text:?}).closest('li').dataset.item;"
            ),
            vec![],
        )
        .await
        .unwrap();
    id.as_str().unwrap().to_string()
}

async fn block_of(b: &Browser, id: &str) -> String {
    b.client
        .execute(
            &format!("return document.getElementById('item-{id}').closest('ol').dataset.block;"),
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn notes_are_saved_as_you_type_and_moved_by_hand_and_by_keyboard() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1400, 1000).await else {
        return;
    };
    sign_in(&b, &url, "participant@demo.local").await;
    b.goto(&format!("{url}/projects/2/canvases/new")).await;
    b.fill("#f-canvas-title", "Notre épicerie").await;
    b.click("form[action$='/canvases'] button[type=submit]")
        .await;
    let canvas = b.path().await;
    assert!(canvas.starts_with("/canvases/"));
    let problem = add_note(
        &b,
        "local_problem",
        "Pas d'épicerie abordable à moins de 2 km",
    )
    .await;
    let people = add_note(&b, "beneficiaries", "Les familles à petit budget").await;
    let solution = add_note(
        &b,
        "solution",
        "Une épicerie solidaire tenue par des bénévoles",
    )
    .await;

    // Typing saves by itself: the status says so, with no button pressed.
    b.fill(
        &format!("#f-text-{people}"),
        "Les familles à petit budget du quartier",
    )
    .await;
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saving'")
        .await;
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saved'")
        .await;

    // Drag the solution note into the value proposition block.
    b.drag(
        &format!("#item-{solution} [data-grip]"),
        "#block-value_proposition .canvas-question",
    )
    .await;
    assert_eq!(block_of(&b, &solution).await, "value_proposition");
    // Move the problem note one block to the right with the keyboard.
    b.key(&format!("#item-{problem} [data-grip]"), Key::Right)
        .await;
    let next = block_of(&b, &problem).await;
    assert_ne!(next, "local_problem");
    b.wait_until("document.querySelector('[data-announce]').textContent.length > 0")
        .await;
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saved'")
        .await;
    b.screenshot("canvas-editor").await;

    // Everything is there after a reload.
    b.goto(&format!("{url}{canvas}")).await;
    assert_eq!(block_of(&b, &solution).await, "value_proposition");
    assert_eq!(block_of(&b, &problem).await, next);
    let kept = b
        .client
        .find(Locator::Css(&format!("#f-text-{people}")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("Les familles à petit budget du quartier")
    );
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{violations:?}");
    b.close().await;
}

#[tokio::test]
async fn two_people_on_one_canvas_see_each_others_changes() {
    for db in databases().await {
        let backend = db.backend;
        let (_app, url) = TestApp::serve(db, true).await;
        let (Some(a), Some(b)) = (browser(1400, 1000).await, browser(1400, 1000).await) else {
            return;
        };
        // The demo participant and the coach who follows the same project.
        sign_in(&a, &url, "participant@demo.local").await;
        sign_in(&b, &url, "participant@demo.local").await;
        a.goto(&format!("{url}/canvases/1")).await;
        b.goto(&format!("{url}/canvases/1")).await;
        a.wait_until("document.querySelector('.canvas-grid').dataset.live === 'on'")
            .await;
        b.wait_until("document.querySelector('.canvas-grid').dataset.live === 'on'")
            .await;

        let id = add_note(&a, "risks_assumptions", "Le local ferme en août").await;
        b.wait_until(&format!("document.getElementById('item-{id}') !== null"))
            .await;

        b.fill(
            &format!("#f-text-{id}"),
            "Le local ferme en août : prévoir un relais",
        )
        .await;
        a.wait_until(&format!(
            "document.getElementById('f-text-{id}').value.includes('prévoir un relais')"
        ))
        .await;
        eprintln!("{backend}: both editors saw each other's change");
        a.close().await;
        b.close().await;
    }
}

#[tokio::test]
async fn a_visitor_tries_the_canvas_then_keeps_it_by_signing_up() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/canvas/try")).await;
    b.fill(
        "#t-add-local_problem",
        "Les vélos cassés finissent à la déchetterie",
    )
    .await;
    b.press("form[data-local-add='local_problem'] button[type=submit]")
        .await;
    b.wait_for_text("[data-local-status]", "navigateur").await;
    // Still there after a reload: it lives in the browser.
    b.goto(&format!("{url}/canvas/try")).await;
    b.wait_until("document.querySelector('#block-local_problem .note-input') !== null")
        .await;
    b.goto(&format!("{url}/signup")).await;
    b.wait_until("!document.querySelector('[data-canvas-draft-note]').hidden")
        .await;
    b.fill("#f-display_name", "Sami Haddad").await;
    b.fill("#f-email", "sami@exemple.fr").await;
    b.fill("#f-password", "une phrase de passe").await;
    b.click("form[action='/signup'] button[type=submit]").await;
    b.wait_for_text("main", "premier projet").await;
    assert!(
        b.client
            .execute(
                "return localStorage.getItem('impact-studio-canvas-draft') === null;",
                vec![]
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap()
    );
    app.run_jobs().await;
    let mail = app
        .last_mail_to("sami@exemple.fr")
        .await
        .expect("verification mail");
    let verify = link_path(&mail.text, &format!("{url}/verify/")).expect("link");
    b.goto(&format!("{url}{verify}")).await;
    sign_in_as(&b, &url, "sami@exemple.fr").await;
    b.goto(&format!("{url}/projects")).await;
    b.click("main .card-link[href^='/projects/']").await;
    b.click("main a[href^='/canvases/']").await;
    b.wait_until(
        "Array.from(document.querySelectorAll('.note-input')).some(t => t.value.includes('vélos cassés'))",
    )
    .await;
    b.close().await;
}

async fn sign_in_as(b: &Browser, url: &str, email: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", "une phrase de passe").await;
    b.click("form[action='/login'] button[type=submit]").await;
}

#[tokio::test]
async fn typing_while_offline_is_kept_and_sent_when_the_connection_returns() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1400, 1000).await else {
        return;
    };
    sign_in(&b, &url, "participant@demo.local").await;
    b.goto(&format!("{url}/canvases/1")).await;
    let id = add_note(&b, "channels", "Une affiche à la boulangerie").await;
    // The network goes away: every request fails as it would offline.
    b.client
        .execute(
            "window.__fetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('offline'));",
            vec![],
        )
        .await
        .unwrap();
    b.fill(
        &format!("#f-text-{id}"),
        "Une affiche à la boulangerie et au marché",
    )
    .await;
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'offline'")
        .await;
    // It comes back: the change goes out on its own.
    b.client
        .execute(
            "window.fetch = window.__fetch; window.dispatchEvent(new Event('online'));",
            vec![],
        )
        .await
        .unwrap();
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saved'")
        .await;
    b.goto(&format!("{url}/canvases/1")).await;
    let kept = b
        .client
        .find(Locator::Css(&format!("#f-text-{id}")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("Une affiche à la boulangerie et au marché")
    );
    b.close().await;
}
