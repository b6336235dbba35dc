//! The canvas editor in a real headless Chromium: a board whose notes are added, edited in place
//! and saved without a page load, moved by drag and drop and by keyboard to the block the eye
//! sees next to them, found again after a reload; used with the keyboard alone; fitting a phone
//! (one block at a time) and keeping its title readable; two people editing the same canvas see
//! each other's changes (on SQLite, and through LISTEN/NOTIFY on PostgreSQL); a visitor's trial
//! canvas is saved into their first project when they sign up.
use fantoccini::key::Key;
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb, databases, link_path};

async fn sign_in(b: &Browser, url: &str, email: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", "impact-demo").await;
    b.click("form[action='/login'] button[type=submit]").await;
}

/// Adds a note through the block's « + Ajouter » field (the script sends it and shows it in
/// place); returns its id.
async fn add_note(b: &Browser, block: &str, text: &str) -> String {
    b.press(&format!("#block-{block} .canvas-add > summary"))
        .await;
    b.fill(&format!("#f-add-{block}"), text).await;
    b.press(&format!("#block-{block} .canvas-add button[type=submit]"))
        .await;
    note_id(b, block, text).await
}

/// The id of the note of `block` that reads `text`, once it is on the board.
async fn note_id(b: &Browser, block: &str, text: &str) -> String {
    let find = format!(
        "Array.from(document.querySelectorAll('#block-{block} .note-text')).find(t => t.textContent === {text:?})"
    );
    b.wait_until(&format!("{find} !== undefined")).await;
    let id = b
        .client
        .execute(
            &format!("return {find}.closest('li').dataset.item;"),
            vec![],
        )
        .await
        .unwrap();
    id.as_str().unwrap().to_string()
}

/// What a note reads on the board.
async fn note_text(b: &Browser, id: &str) -> String {
    b.text(&format!("#item-{id} .note-text")).await
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

    // A note opens in place; typing saves by itself: the status says so, with no button pressed.
    b.press(&format!("#item-{people} .note-open")).await;
    b.fill(
        &format!("#f-text-{people}"),
        "Les familles à petit budget du quartier",
    )
    .await;
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saving'")
        .await;
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saved'")
        .await;
    b.key(&format!("#f-text-{people}"), Key::Escape).await;
    b.wait_until(&format!(
        "document.querySelector('#item-{people} .note-text').textContent.includes('du quartier')"
    ))
    .await;

    // Drag the solution note into the value proposition block.
    b.drag(
        &format!("#item-{solution} [data-grip]"),
        "#block-value_proposition .canvas-question",
    )
    .await;
    assert_eq!(block_of(&b, &solution).await, "value_proposition");
    // The arrow to the right goes to the block on the right as the eye sees it (« Solution »,
    // beside « Problème local »), not to the next block in the page (« Bénéficiaires », below).
    b.key(&format!("#item-{problem} [data-grip]"), Key::Right)
        .await;
    assert_eq!(block_of(&b, &problem).await, "solution");
    b.wait_until("document.querySelector('[data-announce]').textContent.length > 0")
        .await;
    let said = b.text("[data-announce]").await;
    assert!(!said.contains("Unknown localization key"), "{said}");
    assert!(said.contains("« Solution »"), "{said}");
    // Down from the last note of « Bénéficiaires »: the block below, « Clients payeurs ».
    b.key(&format!("#item-{people} [data-grip]"), Key::Down)
        .await;
    assert_eq!(block_of(&b, &people).await, "customers");
    // Right from « Proposition de valeur », at the height of its first note: « Changement visé ».
    b.key(&format!("#item-{solution} [data-grip]"), Key::Right)
        .await;
    assert_eq!(block_of(&b, &solution).await, "intended_change");
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saved'")
        .await;
    b.screenshot("canvas-editor").await;

    // Everything is there after a reload.
    b.goto(&format!("{url}{canvas}")).await;
    assert_eq!(block_of(&b, &solution).await, "intended_change");
    assert_eq!(block_of(&b, &problem).await, "solution");
    assert_eq!(block_of(&b, &people).await, "customers");
    assert_eq!(
        note_text(&b, &people).await,
        "Les familles à petit budget du quartier"
    );
    // The header's count follows the notes added and removed without a page load.
    assert_eq!(
        b.text("[data-note-count]").await,
        "3 notes sur 300 possibles"
    );
    let extra = add_note(&b, "channels", "Une affiche chez le boulanger").await;
    b.wait_until("document.querySelector('[data-note-count]').textContent.startsWith('4 notes')")
        .await;
    b.key(&format!("#item-{extra} [data-delete]"), Key::Enter)
        .await;
    b.wait_until(&format!("document.getElementById('item-{extra}') === null"))
        .await;
    assert_eq!(
        b.text("[data-note-count]").await,
        "3 notes sur 300 possibles"
    );
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{violations:?}");
    b.close().await;
}

/// The page a person works in: the title keeps its room in the header at 1280 and 768 px; the
/// board is used with the keyboard alone (add, edit in place); comments and the guide open in a
/// side panel; at 360 px nothing is wider than the screen and one block shows at a time; axe
/// finds nothing, for the participant and for the coach.
#[tokio::test]
async fn the_board_is_used_with_the_keyboard_and_fits_every_screen() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for (email, who) in [
        ("participant@demo.local", "participant"),
        ("coach@demo.local", "coach"),
    ] {
        for (width, height) in [(1280, 900), (768, 1000), (360, 800)] {
            let Some(b) = browser(width, height).await else {
                return;
            };
            sign_in(&b, &url, email).await;
            b.goto(&format!("{url}/canvases/1")).await;
            let title = b
                .client
                .execute(
                    "return document.querySelector('main h1').getBoundingClientRect().width;",
                    vec![],
                )
                .await
                .unwrap()
                .as_f64()
                .unwrap_or_default();
            let room = if width >= 768 { 200.0 } else { 250.0 };
            assert!(
                title >= room,
                "{who} at {width}: the title is {title} px wide"
            );
            let wide = too_wide(&b).await;
            assert!(
                wide.is_empty(),
                "{who} at {width}: wider than the screen: {wide:?}"
            );
            b.screenshot(&format!("canvas-board-{width}-{who}")).await;
            let violations = b.axe_violations().await;
            assert!(violations.is_empty(), "{who} at {width}: {violations:?}");
            if width == 360 {
                // One block at a time, chosen in the picker.
                b.wait_until("document.querySelector('.canvas-grid').hasAttribute('data-one')")
                    .await;
                assert!(shown(&b, "#block-local_problem").await);
                assert!(!shown(&b, "#block-solution").await);
                b.select("#canvas-picker", "solution").await;
                b.wait_until(
                    "document.querySelector('#block-solution').getBoundingClientRect().height > 0",
                )
                .await;
                assert!(!shown(&b, "#block-local_problem").await);
                b.screenshot(&format!("canvas-board-360-{who}-picker"))
                    .await;
            }
            if width == 1280 && who == "participant" {
                keyboard_only(&b).await;
                // The comments of a block in the side panel, written from there.
                b.press("#block-solution .comment-badge").await;
                b.wait_until("!document.getElementById('canvas-drawer').hidden && document.querySelector('#canvas-drawer textarea') !== null")
                    .await;
                b.fill("#canvas-drawer textarea[name=body]", "On en parle jeudi ?")
                    .await;
                b.press("#canvas-drawer form[action$='/comments'] button[type=submit]")
                    .await;
                b.wait_for_text("#canvas-drawer", "On en parle jeudi").await;
                b.wait_for_text("#block-solution .comment-badge", "1").await;
                b.screenshot("canvas-board-comments").await;
                let violations = b.axe_violations().await;
                assert!(violations.is_empty(), "comments panel: {violations:?}");
                b.press("[data-drawer-close]").await;
                // The guide of a block in the same panel.
                b.press("#block-channels .block-tool").await;
                b.wait_for_text("#canvas-drawer", "Exemple").await;
                b.screenshot("canvas-board-guide").await;
            }
            b.close().await;
        }
    }
}

/// Adds a note and edits another without the mouse.
async fn keyboard_only(b: &Browser) {
    // « + Ajouter » with Enter opens the field; Enter in it adds the note.
    b.key("#block-channels .canvas-add > summary", Key::Enter)
        .await;
    b.wait_until("document.activeElement && document.activeElement.id === 'f-add-channels'")
        .await;
    let field = b.client.active_element().await.unwrap();
    field
        .send_keys(&format!("Un stand au marché du samedi{}", Key::Enter))
        .await
        .unwrap();
    let id = note_id(b, "channels", "Un stand au marché du samedi").await;
    // Enter on a note opens it in place; Escape closes it, saved.
    b.key(&format!("#item-{id} .note-open"), Key::Enter).await;
    b.wait_until(&format!(
        "document.activeElement && document.activeElement.id === 'f-text-{id}'"
    ))
    .await;
    let field = b.client.active_element().await.unwrap();
    field.send_keys(" et du mercredi").await.unwrap();
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saving'")
        .await;
    let field = b.client.active_element().await.unwrap();
    field.send_keys(&Key::Escape.to_string()).await.unwrap();
    b.wait_until("document.querySelector('[data-save-status]').dataset.state === 'saved'")
        .await;
    b.wait_until(&format!(
        "document.activeElement === document.querySelector('#item-{id} .note-open')"
    ))
    .await;
    assert_eq!(
        note_text(b, &id).await,
        "Un stand au marché du samedi et du mercredi"
    );
}

/// The elements wider than the window or past its edges (hidden and screen-reader-only ones
/// aside), and the page's own width if it scrolls sideways.
async fn too_wide(b: &Browser) -> Vec<String> {
    b.client
        .execute(
            "const w = window.innerWidth; const out = [];              if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth);              document.querySelectorAll('body *').forEach(e => {                if (e.closest('.visually-hidden, .skip-link, [hidden]')) return;                const r = e.getBoundingClientRect();                if (r.width > 0 && (r.right > w + 1 || r.left < -1)) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));              }); return out;",
            vec![],
        )
        .await
        .unwrap()
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

async fn shown(b: &Browser, css: &str) -> bool {
    b.client
        .execute(
            &format!("return document.querySelector({css:?}).getBoundingClientRect().height > 0;"),
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// The page header is one component: on the impact report and a roadmap too, the title keeps
/// its room beside the actions.
#[tokio::test]
async fn page_headers_keep_the_title_readable_beside_the_actions() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let roadmap = store::tracking::project_roadmaps(&app.state.db, 1)
        .await
        .unwrap()
        .first()
        .map(|r| r.id);
    for width in [1280, 768] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        sign_in(&b, &url, "admin@demo.local").await;
        let mut pages = vec![("report", "/impact/report".to_string())];
        if let Some(r) = roadmap {
            pages.push(("roadmap", format!("/roadmaps/{r}")));
        }
        for (name, path) in pages {
            b.goto(&format!("{url}{path}")).await;
            let title = b
                .client
                .execute(
                    "return document.querySelector('main h1').getBoundingClientRect().width;",
                    vec![],
                )
                .await
                .unwrap()
                .as_f64()
                .unwrap_or_default();
            assert!(
                title >= 200.0,
                "{name} at {width}: the title is {title} px wide"
            );
            b.screenshot(&format!("header-{name}-{width}")).await;
        }
        b.close().await;
    }
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

        b.press(&format!("#item-{id} .note-open")).await;
        b.fill(
            &format!("#f-text-{id}"),
            "Le local ferme en août : prévoir un relais",
        )
        .await;
        a.wait_until(&format!(
            "document.querySelector('#item-{id} .note-text').textContent.includes('prévoir un relais')"
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
    // Hidden stays hidden: nothing to export or clear on an empty canvas.
    for hidden in ["[data-local-download]", "[data-local-clear]"] {
        assert!(
            !shown(&b, hidden).await,
            "{hidden} shows on an empty canvas"
        );
    }
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
        "Array.from(document.querySelectorAll('.note-text')).some(t => t.textContent.includes('vélos cassés'))",
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
    b.press(&format!("#item-{id} .note-open")).await;
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
    assert_eq!(
        note_text(&b, &id).await,
        "Une affiche à la boulangerie et au marché"
    );
    b.close().await;
}
