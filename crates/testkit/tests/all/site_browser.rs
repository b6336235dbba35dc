//! The public site in a real headless Chromium: a visitor lands, joins the pioneers, confirms
//! from the e-mail, and the network team sees the lead confirmed; axe-core finds nothing on the
//! landing page, the pioneers form, the events and the staff's lead pages, in French and in
//! English, on a desktop and a 360 px phone; structured data raises no CSP violation.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb, link_path};

async fn no_violations(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

#[tokio::test]
async fn visitor_joins_the_pioneers_and_the_team_sees_them_confirmed() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/")).await;
    assert!(b.text("h1").await.contains("Lance ton projet"));
    b.screenshot("journey-landing").await;
    b.click(".site-hero a[href='/pionniers']").await;
    assert_eq!(b.path().await, "/pionniers");
    b.fill("#f-name", "Nadia Ferhat").await;
    b.fill("#f-email", "nadia@exemple.fr").await;
    b.fill("#f-town", "Valence").await;
    b.fill("#f-idea", "Un café-réparation dans la gare désaffectée.")
        .await;
    b.press("label[for='f-interest-canvas']").await;
    b.press("label[for='f-consent']").await;
    b.screenshot("journey-form").await;
    // People take more than three seconds to fill a form; robots do not.
    app.advance(3);
    b.click("form[action='/pionniers'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("Vérifie ta boîte mail"));
    b.screenshot("journey-check-mail").await;

    let mail = app
        .last_mail_to("nadia@exemple.fr")
        .await
        .expect("confirmation e-mail");
    let confirm = link_path(&mail.text, &format!("{url}/pionniers/confirmer/")).unwrap();
    b.goto(&format!("{url}{confirm}")).await;
    assert!(b.text("h1").await.contains("C'est confirmé"));
    b.screenshot("journey-confirmed").await;

    b.sign_in(&url, "admin@demo.local").await;
    b.goto(&format!("{url}/admin/leads?q=nadia")).await;
    let row = b.text("tbody tr").await;
    assert!(
        row.contains("Nadia Ferhat") && row.contains("Confirmé"),
        "{row}"
    );
    assert!(row.contains("Valence"));
    no_violations(&b, "leads").await;
    b.screenshot("journey-staff-leads").await;
    b.click("tbody tr a").await;
    assert!(b.text("h1").await.contains("Nadia Ferhat"));
    no_violations(&b, "lead").await;
    b.screenshot("journey-staff-lead").await;
    b.close().await;
}

#[tokio::test]
async fn public_and_staff_pages_are_accessible_in_both_languages_and_sizes() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for (device, width, height) in [("desktop", 1280, 900), ("phone", 360, 800)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        for lang in ["fr", "en"] {
            b.goto(&format!("{url}/")).await;
            if lang == "en" {
                b.click(".lang-switch a[hreflang=en]").await;
            }
            for (name, path) in [
                ("landing", "/"),
                ("pioneers", "/pionniers"),
                ("events", "/evenements"),
                ("event", "/evenements/atelier-decouverte"),
                ("event-full", "/evenements/cafe-des-porteurs"),
            ] {
                b.goto(&format!("{url}{path}")).await;
                no_violations(&b, &format!("{device} {lang} {name}")).await;
                b.screenshot(&format!("{device}-{lang}-{name}")).await;
            }
            // The pioneers form with errors beside the fields.
            b.goto(&format!("{url}/pionniers")).await;
            b.fill("#f-email", "pas une adresse").await;
            app.advance(3);
            b.click("form[action='/pionniers'] button[type=submit]")
                .await;
            assert!(b.html().await.contains("f-email-error"));
            no_violations(&b, &format!("{device} {lang} pioneers with errors")).await;
            b.screenshot(&format!("{device}-{lang}-pioneers-errors"))
                .await;
        }
        // Structured data is data, not script: inserting it raises no CSP violation, while an
        // inline script (the control) does.
        b.goto(&format!("{url}/evenements/atelier-decouverte"))
            .await;
        let checked = b
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 const seen = [];\
                 document.addEventListener('securitypolicyviolation', e => seen.push(e.violatedDirective));\
                 const data = document.querySelector('script[type=\"application/ld+json\"]');\
                 JSON.parse(data.textContent);\
                 const copy = document.createElement('script'); copy.type = 'application/ld+json';\
                 copy.textContent = data.textContent; document.head.appendChild(copy);\
                 setTimeout(() => {\
                   const before = seen.length;\
                   const bad = document.createElement('script'); bad.textContent = 'window.x = 1;';\
                   document.head.appendChild(bad);\
                   setTimeout(() => done([before, seen.length]), 200);\
                 }, 200);",
                vec![],
            )
            .await
            .expect("csp check");
        assert_eq!(
            checked,
            serde_json::json!([0, 1]),
            "JSON-LD must not trip the CSP"
        );
        // Staff pages.
        b.sign_in(&url, "admin@demo.local").await;
        for lang in ["fr", "en"] {
            b.click(&format!("form.lang-switch button[value={lang}]"))
                .await;
            for (name, path) in [
                ("leads", "/admin/leads"),
                (
                    "campaigns",
                    "/admin/campagnes?source=affiche&campaign=forum",
                ),
                ("site-texts", "/admin/site"),
                ("admin-events", "/admin/evenements"),
                ("admin-event", "/admin/evenements/1"),
            ] {
                b.goto(&format!("{url}{path}")).await;
                no_violations(&b, &format!("{device} {lang} {name}")).await;
                b.screenshot(&format!("{device}-{lang}-{name}")).await;
            }
        }
        b.close().await;
    }
}
