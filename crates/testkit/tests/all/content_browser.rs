//! Content in a real headless Chromium: staff write a post with the preview (without and with
//! the live preview), publish it, a visitor reads it on the blog; an episode's player loads its
//! audio; axe-core finds no violation on the public content pages and the editor, in French and
//! English, on a desktop and a 360 px phone.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

async fn no_violations(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

#[tokio::test]
async fn staff_write_preview_and_publish_a_post_a_visitor_reads_it() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 1000).await else {
        return;
    };
    b.sign_in(&url, "admin@demo.local").await;
    b.goto(&format!("{url}/admin/content")).await;
    no_violations(&b, "content list").await;
    b.screenshot("content-admin-list").await;
    b.goto(&format!("{url}/admin/content/new?kind=post")).await;
    no_violations(&b, "new post").await;
    b.fill("#f-title", "Le marché de la réparation").await;
    b.fill(
        "#f-body",
        "# Ce samedi\n\nUn stand de **réparation** au marché de la Croix-Rousse.\n\n- vélos\n- petit électroménager\n\n<script>alert(1)</script>",
    )
    .await;
    // The live preview (content-preview.js) shows the rendering while typing.
    b.wait_until("document.querySelector('#content-preview h2') !== null && document.querySelector('#content-preview strong') !== null")
        .await;
    b.wait_until("!document.getElementById('content-preview-panel').hidden")
        .await;
    assert!(
        b.text("#content-preview")
            .await
            .contains("<script>alert(1)</script>"),
        "raw HTML shown as text"
    );
    // The server-rendered preview (works without JavaScript).
    b.click("button[name=_action][value=preview]").await;
    assert!(b.text("#content-preview h2").await.contains("Ce samedi"));
    assert_eq!(
        b.client
            .execute(
                "return document.querySelectorAll('#content-preview script').length;",
                vec![]
            )
            .await
            .unwrap()
            .as_i64(),
        Some(0)
    );
    no_violations(&b, "editor with preview").await;
    b.screenshot("content-editor-preview").await;
    b.select("#f-status", "published").await;
    b.fill("#f-tags", "réparation, marché").await;
    b.click("button[name=_action][value=save]").await;
    assert!(b.text(".flash").await.contains("Contenu créé"));
    assert!(b.html().await.contains("Voir la page publique"));
    // Errors beside the fields, what was typed kept.
    b.goto(&format!("{url}/admin/content/new?kind=post")).await;
    b.fill("#f-title", "Doublon").await;
    b.fill("#f-slug", "le-marche-de-la-reparation").await;
    b.fill("#f-body", "Texte gardé").await;
    b.click("button[name=_action][value=save]").await;
    assert!(b.text("#f-slug-error").await.contains("déjà prise"));
    assert_eq!(
        b.client
            .execute("return document.getElementById('f-body').value;", vec![])
            .await
            .unwrap()
            .as_str(),
        Some("Texte gardé")
    );
    no_violations(&b, "editor with errors").await;
    b.screenshot("content-editor-errors").await;
    b.click(".user-menu button[type=submit]").await;
    // Signed out once the home page has loaded without the user menu: only then read the blog,
    // or the sign-out's own navigation may land after ours.
    b.wait_until(
        "location.pathname === '/' && document.readyState === 'complete' && !document.querySelector('.user-menu')",
    )
    .await;

    b.goto(&format!("{url}/blog")).await;
    assert!(b.html().await.contains("Le marché de la réparation"));
    b.click("a[href='/blog/le-marche-de-la-reparation']").await;
    assert!(b.text("h1").await.contains("Le marché de la réparation"));
    assert!(
        b.text(".content-body")
            .await
            .contains("<script>alert(1)</script>")
    );
    no_violations(&b, "the new post").await;

    // The episode's player loads its audio.
    b.goto(&format!(
        "{url}/podcast/pourquoi-partir-d-un-probleme-local"
    ))
    .await;
    b.wait_until("document.querySelector('audio') && document.querySelector('audio').duration > 0")
        .await;
    let duration = b
        .client
        .execute("return document.querySelector('audio').duration;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    assert!((60.0..72.0).contains(&duration), "{duration}");
    b.screenshot("content-episode").await;
    b.close().await;
}

#[tokio::test]
async fn content_pages_have_no_violations_in_both_languages_and_sizes() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let pages = [
        "/blog",
        "/blog/partir-d-un-probleme-local",
        "/podcast",
        "/podcast/trouver-son-modele-economique",
        "/etudes-de-cas",
        "/etudes-de-cas/epicerie-solidaire-de-la-guillotiere",
        "/guides",
        "/guides/guide-du-micro-centre",
        "/guides/guide-du-micro-centre/qu-est-ce-qu-un-micro-centre",
        "/notre-histoire",
        "/offres",
        "/mentions-legales",
        "/confidentialite",
        "/recherche?q=projet",
    ];
    for (device, width, height) in [("desktop", 1280, 900), ("phone", 360, 780)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        for lang in ["fr", "en"] {
            b.goto(&format!("{url}/blog")).await;
            b.click(&format!(".lang-switch a[hreflang={lang}]")).await;
            for path in pages {
                b.goto(&format!("{url}{path}")).await;
                no_violations(&b, &format!("{device} {lang} {path}")).await;
                if matches!(
                    path,
                    "/blog"
                        | "/etudes-de-cas/epicerie-solidaire-de-la-guillotiere"
                        | "/guides/guide-du-micro-centre/qu-est-ce-qu-un-micro-centre"
                        | "/notre-histoire"
                        | "/podcast/trouver-son-modele-economique"
                ) {
                    let name = path.trim_start_matches('/').replace(['/', '?', '='], "-");
                    b.screenshot(&format!("content-{device}-{lang}-{name}"))
                        .await;
                }
            }
            if lang == "en" {
                assert!(b.html().await.contains("lang=\"en\""));
            }
        }
        b.sign_in(&url, "admin@demo.local").await;
        for lang in ["fr", "en"] {
            b.click(&format!(".lang-switch button[value={lang}]")).await;
            for path in [
                "/admin/content",
                "/admin/content/new?kind=episode",
                "/admin/content/new?kind=case_study",
            ] {
                b.goto(&format!("{url}{path}")).await;
                no_violations(&b, &format!("{device} {lang} {path}")).await;
            }
            b.screenshot(&format!("content-{device}-{lang}-editor-case-study"))
                .await;
        }
        b.close().await;
    }
}
