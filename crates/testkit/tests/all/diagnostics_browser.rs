//! The anonymous diagnostic journey in headless Chromium: home → introduction → pages (with a
//! refused answer, a question shown only when it applies) → result → e-mail → shared link, with
//! axe-core finding nothing on every diagnostic page, on a desktop and a phone screen.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb, link_path};

/// Answers whatever is still unanswered on the page: the last choice of each radio group, the
/// first box of each checkbox group, 3 in number fields, a sentence in text fields.
async fn answer_the_rest(b: &Browser) {
    // Twice: answering a question may show another that depends on it.
    for _ in 0..2 {
        answer_pass(b).await;
    }
}

async fn answer_pass(b: &Browser) {
    b.client
        .execute(
            "document.querySelectorAll('.diag-question:not([hidden])').forEach(function (q) {\
               var radios = q.querySelectorAll('input[type=radio]');\
               if (radios.length && !q.querySelector('input[type=radio]:checked')) { radios[radios.length - 1].click(); }\
               var boxes = q.querySelectorAll('input[type=checkbox]');\
               if (boxes.length && !q.querySelector('input[type=checkbox]:checked')) { boxes[0].click(); }\
               var text = q.querySelector('input[type=text]');\
               if (text && !text.value) { text.value = text.inputMode === 'numeric' ? '3' : 'Un atelier vélo'; }\
               var area = q.querySelector('textarea');\
               if (area && !area.value) { area.value = 'Trouver un local.'; }\
             });",
            vec![],
        )
        .await
        .expect("answer");
}

/// A screenshot with `css` at the top of the screen (to look at the lower parts of a page).
async fn shot_at(b: &Browser, name: &str, css: &str) {
    b.client
        .execute(
            "var e = document.querySelector(arguments[0]); if (e) { e.scrollIntoView({block: 'start', behavior: 'instant'}); }",
            vec![serde_json::Value::String(css.into())],
        )
        .await
        .expect("scroll");
    b.screenshot(name).await;
}

async fn no_violations(b: &Browser, what: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{what}: {violations:?}");
}

#[tokio::test]
async fn anonymous_diagnostic_to_result_and_email() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, false).await;
    for (device, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.goto(&format!("{url}/")).await;
        b.click("a[href='/diagnostics/projet-pret']").await;
        assert_eq!(b.path().await, "/diagnostics/projet-pret");
        no_violations(&b, "intro").await;
        b.screenshot(&format!("{device}-diag-intro")).await;
        b.click("form[action='/diagnostics/projet-pret/start'] button[type=submit]")
            .await;
        assert!(b.path().await.ends_with("/pages/1"));
        no_violations(&b, "page 1").await;
        b.screenshot(&format!("{device}-diag-page-1")).await;

        // A number written in words is refused beside the field; the choice made stays.
        b.press("label[for='dq-probleme-formule-oui']").await;
        b.fill("#dq-probleme-entretiens-input", "douze").await;
        b.click("button[name=go][value=next]").await;
        assert!(
            b.text("#dq-probleme-entretiens-error")
                .await
                .contains("nombre entier")
        );
        no_violations(&b, "page 1 with an error").await;
        b.screenshot(&format!("{device}-diag-page-1-error")).await;
        b.fill("#dq-probleme-entretiens-input", "12").await;
        answer_the_rest(&b).await;
        b.click("button[name=go][value=next]").await;
        assert!(b.path().await.ends_with("/pages/2"));

        // The feedback question shows only once a test has happened.
        b.press("label[for='dq-solution-test-non']").await;
        let hidden = b
            .client
            .execute(
                "return document.getElementById('dq-solution-retours').hidden;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(hidden.as_bool(), Some(true));
        b.press("label[for='dq-solution-test-pilote']").await;
        let hidden = b
            .client
            .execute(
                "return document.getElementById('dq-solution-retours').hidden;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(hidden.as_bool(), Some(false));
        no_violations(&b, "page 2").await;
        answer_the_rest(&b).await;
        // Back keeps the answers of both pages.
        b.click("button[name=go][value=prev]").await;
        assert!(b.path().await.ends_with("/pages/1"));
        assert!(b.html().await.contains("value=\"12\""));
        b.click("button[name=go][value=next]").await;
        for page in 2..8 {
            answer_the_rest(&b).await;
            b.click("button[name=go][value=next]").await;
            assert!(b.path().await.ends_with(&format!("/pages/{}", page + 1)));
        }
        no_violations(&b, "last page").await;
        b.screenshot(&format!("{device}-diag-page-8")).await;
        answer_the_rest(&b).await;
        b.click("button[name=go][value=submit]").await;
        assert!(b.path().await.ends_with("/results"), "{}", b.path().await);
        assert!(b.text("h1").await.contains("Ton résultat"));
        no_violations(&b, "results").await;
        b.screenshot(&format!("{device}-diag-results")).await;
        shot_at(&b, &format!("{device}-diag-results-chart"), ".diag-radar").await;
        shot_at(&b, &format!("{device}-diag-results-recos"), "#h-strengths").await;
        shot_at(&b, &format!("{device}-diag-results-next"), "#h-next").await;

        // Results by e-mail, then the link from the e-mail.
        let address = format!("{device}@exemple.fr");
        b.fill("#f-email", &address).await;
        b.click("form[action$='/email'] button[type=submit]").await;
        assert!(b.text(".flash").await.contains("C'est envoyé"));
        let mail = app.last_mail_to(&address).await.expect("results e-mail");
        let link = link_path(&mail.text, &format!("{url}/diagnostics/results/")).expect("link");
        b.goto(&format!("{url}{link}")).await;
        assert!(b.text("h1").await.contains("Ton résultat"));
        no_violations(&b, "shared results").await;

        b.goto(&format!("{url}/diagnostics/projet-pret/scoring"))
            .await;
        no_violations(&b, "scoring").await;
        b.screenshot(&format!("{device}-diag-scoring")).await;
        b.goto(&format!("{url}/diagnostics")).await;
        no_violations(&b, "list").await;
        b.close().await;
    }
}

#[tokio::test]
async fn signed_in_pages_have_no_violations() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", "admin@demo.local").await;
    b.fill("#f-password", "impact-demo").await;
    b.click("form[action='/login'] button[type=submit]").await;
    b.goto(&format!("{url}/diagnostics/projet-pret")).await;
    no_violations(&b, "signed-in intro").await;
    b.click("form[action='/diagnostics/projet-pret/start'] button[type=submit]")
        .await;
    for _ in 1..8 {
        answer_the_rest(&b).await;
        b.click("button[name=go][value=next]").await;
    }
    answer_the_rest(&b).await;
    b.click("button[name=go][value=submit]").await;
    assert!(
        b.path().await.ends_with("/results"),
        "{} {}",
        b.path().await,
        b.text("main").await
    );
    // Retake with the same answers: the comparison appears.
    b.click("form[action='/diagnostics/projet-pret/start'] button[type=submit]")
        .await;
    for _ in 1..8 {
        answer_the_rest(&b).await;
        b.click("button[name=go][value=next]").await;
    }
    answer_the_rest(&b).await;
    b.click("button[name=go][value=submit]").await;
    assert!(b.html().await.contains("Ton évolution"));
    no_violations(&b, "results with comparison").await;
    shot_at(&b, "desktop-diag-results-compare", ".diag-radar").await;
    shot_at(&b, "desktop-diag-results-compare-table", ".table-wrap").await;
    for path in [
        "/admin/diagnostics",
        "/admin/diagnostics/projet-pret/edit",
        "/projects/1/diagnostics",
    ] {
        b.goto(&format!("{url}{path}")).await;
        no_violations(&b, path).await;
        b.screenshot(&format!("desktop{}", path.replace('/', "-")))
            .await;
    }
    b.close().await;
}
