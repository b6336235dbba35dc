//! User journeys in a real headless Chromium, and axe-core on the public, sign-in and account
//! pages. Each runs on SQLite (the browser path is the same on PostgreSQL; storage is covered
//! on both by the store and HTTP tests).
use testkit::browser::browser;
use testkit::{TestApp, TestDb, link_path};

#[tokio::test]
async fn sign_up_verify_sign_in_switch_to_english_sign_out() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, false).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/")).await;
    b.click("a.btn-primary[href='/signup']").await;
    assert_eq!(b.path().await, "/signup");
    // A mistake first: the error shows beside the field and what was typed stays.
    b.fill("#f-display_name", "Inès Moreau").await;
    b.fill("#f-email", "ines@exemple").await;
    b.fill("#f-password", "une phrase de passe").await;
    b.click("form[action='/signup'] button[type=submit]").await;
    assert!(b.text("#f-email-error").await.contains("n'est pas valide"));
    let kept = b
        .client
        .find(fantoccini::Locator::Css("#f-display_name"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Inès Moreau"));
    b.fill("#f-email", "ines@exemple.fr").await;
    b.fill("#f-password", "une phrase de passe").await;
    b.click("form[action='/signup'] button[type=submit]").await;
    assert!(b.html().await.contains("Vérifie ta boîte mail"));

    let mail = app
        .last_mail_to("ines@exemple.fr")
        .await
        .expect("verification e-mail in the SMTP sink");
    let link = link_path(&mail.text, &format!("{url}/verify/")).expect("verification link");
    b.goto(&format!("{url}{link}")).await;
    assert_eq!(b.path().await, "/login");
    assert!(b.text(".flash").await.contains("confirmée"));
    b.fill("#f-email", "ines@exemple.fr").await;
    b.fill("#f-password", "une phrase de passe").await;
    b.click("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard");
    assert!(b.text("h1").await.contains("Bonjour Inès Moreau"));

    b.click(".lang-switch button[value=en]").await;
    assert_eq!(b.path().await, "/dashboard");
    assert!(
        b.text("h1").await.contains("Hello Inès Moreau"),
        "{}",
        b.text("h1").await
    );
    assert!(b.html().await.contains("lang=\"en\""));
    b.click(".user-menu button[type=submit]").await;
    assert_eq!(b.path().await, "/");
    assert!(b.html().await.contains("/login"));
    b.goto(&format!("{url}/dashboard")).await;
    assert_eq!(b.path().await, "/login");
    b.close().await;
}

#[tokio::test]
async fn password_reset_in_the_browser() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/login")).await;
    b.click("a[href='/password/forgot']").await;
    b.fill("#f-email", "coach@demo.local").await;
    b.click("form[action='/password/forgot'] button[type=submit]")
        .await;
    assert!(b.html().await.contains("Vérifie ta boîte mail"));
    let mail = app
        .last_mail_to("coach@demo.local")
        .await
        .expect("reset e-mail");
    let link = link_path(&mail.text, &format!("{url}/password/reset/")).expect("reset link");
    b.goto(&format!("{url}{link}")).await;
    b.fill("#f-password", "le jardin fleurit en mai").await;
    b.click("main form button[type=submit]").await;
    assert_eq!(b.path().await, "/login");
    b.fill("#f-email", "coach@demo.local").await;
    b.fill("#f-password", "le jardin fleurit en mai").await;
    b.click("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard");
    // The link worked once only.
    b.goto(&format!("{url}{link}")).await;
    b.wait_for_text("main", "plus valable").await;
    b.close().await;
}

#[tokio::test]
async fn an_invited_coach_accepts_and_sees_the_coach_navigation() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 900).await else {
        return;
    };
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", "manager@demo.local").await;
    b.fill("#f-password", "impact-demo").await;
    b.click("form[action='/login'] button[type=submit]").await;
    b.goto(&format!("{url}/centres/studio")).await;
    b.fill("#f-email", "yanis@exemple.fr").await;
    b.select("#f-role", "coach").await;
    b.click("form[action$='/invitations'] button[type=submit]")
        .await;
    assert!(b.text(".flash").await.contains("invitation"));
    b.click(".user-menu button[type=submit]").await;

    let mail = app
        .last_mail_to("yanis@exemple.fr")
        .await
        .expect("invitation e-mail");
    let link = link_path(&mail.text, &format!("{url}/invitations/")).expect("invitation link");
    b.goto(&format!("{url}{link}")).await;
    assert!(
        b.html().await.contains("Studio d&#39;Impact Local")
            || b.html().await.contains("Studio d'Impact Local")
    );
    b.fill("#f-display_name", "Yanis Coach").await;
    b.fill("#f-password", "accompagner avec soin").await;
    b.click("main form button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard");
    let nav = b.text("nav.main-nav").await;
    assert!(
        nav.contains("Projets") && nav.contains("Mon centre"),
        "{nav}"
    );
    assert!(
        !nav.contains("Travaux en arrière-plan") && !nav.contains("Journal d'audit"),
        "{nav}"
    );
    assert!(b.text(".user-menu").await.contains("accompagnateur·rice"));
    b.close().await;
}

/// The crawl: every page below, signed out and in each role, at 1280, 768 and 360 px: axe-core
/// finds no violation and no element is wider than the viewport (the page never scrolls
/// sideways). Every failure is collected, then reported together. With `IMPACT_SCREENSHOTS=dir`
/// it also saves what it saw.
#[tokio::test]
async fn pages_have_no_accessibility_violations() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let public: &[&str] = &[
        "/",
        "/login",
        "/signup",
        "/password/forgot",
        "/privacy",
        "/canvas/try",
        "/canvas/guide",
        "/nulle-part",
    ];
    let roles: [(&str, &str, &[&str]); 4] = [
        (
            "admin",
            "admin@demo.local",
            &[
                "/dashboard",
                "/account",
                "/projects",
                "/projects/1",
                "/projects/1/indicators",
                "/canvases/1",
                "/canvases/1/poster",
                "/canvases/1/versions",
                "/canvases/1/sharing",
                "/roadmaps",
                "/roadmaps/1",
                "/centres",
                "/centres/studio",
                "/centres/studio/cohorts",
                "/impact/indicators",
                "/impact/report",
                "/impact/review",
                "/admin/audit",
                "/admin/jobs",
                "/admin/outbox",
                "/admin/leads",
                "/admin/content",
                "/admin/diagnostics",
            ],
        ),
        (
            "manager",
            "manager@demo.local",
            &[
                "/dashboard",
                "/projects",
                "/centres/studio",
                "/centres/studio/cohorts",
                "/impact/indicators",
                "/impact/report",
                "/admin/diagnostics",
            ],
        ),
        (
            "coach",
            "coach@demo.local",
            &["/dashboard", "/projects", "/projects/1", "/centres/studio"],
        ),
        (
            "participant",
            "participant@demo.local",
            &[
                "/dashboard",
                "/projects/1",
                "/projects/1/indicators",
                "/canvases/1",
                "/roadmaps",
                "/diagnostics",
                "/account",
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (width, height, device) in [
        (1280, 900, "desktop"),
        (768, 1000, "tablet"),
        (360, 780, "mobile"),
    ] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.goto(&format!("{url}/")).await;
        let inner = b
            .client
            .execute("return window.innerWidth;", vec![])
            .await
            .expect("inner width");
        assert_eq!(
            inner.as_u64(),
            Some(u64::from(width)),
            "the viewport's width"
        );
        for path in public {
            check(&b, &url, device, "visitor", path, &mut failures).await;
        }
        for (role, email, pages) in roles {
            sign_in(&b, &url, email).await;
            for path in pages {
                check(&b, &url, device, role, path, &mut failures).await;
            }
            if role == "admin" {
                b.click(".lang-switch button[value=en]").await;
                for path in ["/dashboard", "/account", "/impact/report"] {
                    check(&b, &url, device, "admin-en", path, &mut failures).await;
                }
                b.click(".lang-switch button[value=fr]").await;
            }
            b.goto(&format!("{url}/dashboard")).await;
            b.click(".user-menu button[type=submit]").await;
        }
        b.close().await;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn sign_in(b: &testkit::browser::Browser, url: &str, email: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", "impact-demo").await;
    b.click("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard", "{email} signed in");
}

/// One page of the crawl: axe-core and the width, each failure noted with where it happened.
async fn check(
    b: &testkit::browser::Browser,
    url: &str,
    device: &str,
    role: &str,
    path: &str,
    failures: &mut Vec<String>,
) {
    b.goto(&format!("{url}{path}")).await;
    let violations = b.axe_violations().await;
    if !violations.is_empty() {
        failures.push(format!("{device} {role} {path}: {violations:?}"));
    }
    if let Some(wide) = b.too_wide().await {
        failures.push(format!("{device} {role} {path}: {wide}"));
    }
    b.screenshot(&format!("{device}-{role}{}", path.replace('/', "-")))
        .await;
}

/// A centre manager's impact report and diagnostics statistics, and the offers page, on desktop
/// and phone: no violation, nothing scrolling sideways, one centre and no centre choice.
#[tokio::test]
async fn a_centre_managers_report_and_statistics_and_the_offers() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for (width, height, device) in [(1280, 900, "desktop"), (360, 780, "mobile")] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.goto(&format!("{url}/offres")).await;
        assert!(b.text("main").await.contains("Gratuit"));
        let violations = b.axe_violations().await;
        assert!(violations.is_empty(), "{device} /offres: {violations:?}");
        b.screenshot(&format!("{device}-offres")).await;
        b.goto(&format!("{url}/login")).await;
        b.fill("#f-email", "manager.die@demo.local").await;
        b.fill("#f-password", "impact-demo").await;
        b.click("form[action='/login'] button[type=submit]").await;
        for path in ["/impact/report", "/admin/diagnostics"] {
            b.goto(&format!("{url}{path}")).await;
            let violations = b.axe_violations().await;
            assert!(violations.is_empty(), "{device} {path}: {violations:?}");
            let wide = b
                .client
                .execute(
                    "return document.documentElement.scrollWidth > window.innerWidth;",
                    vec![],
                )
                .await
                .expect("width");
            assert_eq!(
                wide.as_bool(),
                Some(false),
                "{device} {path} scrolls sideways"
            );
            let main = b.text("main").await;
            assert!(main.contains("Micro-centre de Die"), "{device} {path}");
            assert!(!main.contains("Tous les centres"), "{device} {path}");
            b.screenshot(&format!("{device}-manager{}", path.replace('/', "-")))
                .await;
        }
        b.close().await;
    }
}

/// Below 600 px a table is one card per row: a row's cells stack (same left edge, one under
/// the other) with their column's name before them; at 1280 px they sit side by side. The
/// impact report's filters fold behind « Filtres (n) ».
#[tokio::test]
async fn tables_become_one_card_per_row_on_a_phone() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let cells = "return [...document.querySelectorAll('.table tbody tr:first-child > *')]\
                 .map(c => { const r = c.getBoundingClientRect(); \
                 return [Math.round(r.left), Math.round(r.top), getComputedStyle(c, '::before').content]; });";
    for (width, stacked) in [(360, true), (1280, false)] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        sign_in(&b, &url, "manager@demo.local").await;
        b.goto(&format!("{url}/centres/studio")).await;
        let found = b.client.execute(cells, vec![]).await.expect("cells");
        let found: Vec<(i64, i64, String)> = serde_json::from_value(found).expect("rects");
        assert!(found.len() >= 3, "{width}: {found:?}");
        let lefts: std::collections::BTreeSet<i64> = found.iter().map(|c| c.0).collect();
        let tops: std::collections::BTreeSet<i64> = found.iter().map(|c| c.1).collect();
        if stacked {
            assert_eq!(
                lefts.len(),
                1,
                "{width}: cells stack on one left edge: {found:?}"
            );
            assert_eq!(
                tops.len(),
                found.len(),
                "{width}: one cell per line: {found:?}"
            );
            assert!(
                found.iter().any(|c| c.2.contains("Rôle")),
                "{width}: the column's name before its value: {found:?}"
            );
        } else {
            assert_eq!(tops.len(), 1, "{width}: cells side by side: {found:?}");
            assert_eq!(lefts.len(), found.len(), "{width}: {found:?}");
        }
        assert_eq!(b.too_wide().await, None, "{width} /centres/studio");

        // The report's filters: folded, the summary counting the active ones.
        b.goto(&format!("{url}/impact/report")).await;
        assert_eq!(b.text(".filters > summary").await, "Filtres");
        let shown = b
            .client
            .execute(
                "return document.querySelector('#f-sdg').checkVisibility();",
                vec![],
            )
            .await
            .expect("visible");
        assert_eq!(shown.as_bool(), Some(false), "{width}: filters folded");
        b.goto(&format!("{url}/impact/report?sdg=8")).await;
        assert_eq!(b.text(".filters > summary").await, "Filtres (1)");
        b.press(".filters > summary").await;
        assert!(
            b.text(".report-filter")
                .await
                .contains("ODD 8 · Travail décent")
        );
        b.close().await;
    }
}

/// The impact pages and the centre page for a centre manager and the network admin, on a phone
/// and a desktop: the report's figures carry their caption, goals show by number, colour and
/// name, an indicator card has its last value and target in the same places, the codes are for
/// staff. With `IMPACT_SCREENSHOTS=dir` it saves each part of each page.
#[tokio::test]
async fn impact_and_centre_pages_for_staff_on_a_phone_and_a_desktop() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for (width, device) in [(360, "mobile"), (1280, "desktop")] {
        for (role, email) in [
            ("manager", "manager@demo.local"),
            ("admin", "admin@demo.local"),
        ] {
            let Some(b) = browser(width, 800).await else {
                return;
            };
            sign_in(&b, &url, email).await;
            let shots: &[(&str, &[&str])] = &[
                ("/centres/studio", &["main", "#h-members", "#h-invite"]),
                (
                    "/impact/report",
                    &["main", ".report-figures", ".table-wrap"],
                ),
                ("/impact/indicators", &["main", "#indicator-jobs-created"]),
                ("/projects/1/indicators", &["main", ".indicator-chart"]),
                (
                    "/impact/review",
                    &["main", "#h-review-impact", "#h-review-objectives"],
                ),
            ];
            for (path, parts) in shots {
                if *path == "/impact/review" && role == "manager" {
                    continue;
                }
                b.goto(&format!("{url}{path}")).await;
                assert_eq!(b.too_wide().await, None, "{device} {role} {path}");
                for (n, part) in parts.iter().enumerate() {
                    b.screenshot_at(
                        &format!("parts-{device}-{role}{}-{n}", path.replace('/', "-")),
                        part,
                    )
                    .await;
                }
            }
            b.goto(&format!("{url}/impact/report")).await;
            let figure = b.text(".report-figure figcaption").await;
            assert!(figure.contains("projet"), "{figure}");
            let goals = b.text(".report-figure .sdg-list").await;
            assert!(goals.chars().any(|c| c.is_ascii_digit()), "{goals}");
            b.goto(&format!("{url}/impact/indicators")).await;
            assert!(b.html().await.contains("<code>jobs-created</code>"));
            assert!(
                b.text("main")
                    .await
                    .contains("Travail décent et croissance économique")
            );
            b.goto(&format!("{url}/projects/1/indicators")).await;
            let places = b
                .client
                .execute(
                    "return [...document.querySelectorAll('.indicator-chart')].map(c => { \
                     const k = c.querySelector('.indicator-kpis').getBoundingClientRect(), \
                     s = c.querySelector('.indicator-spark').getBoundingClientRect(), \
                     o = c.getBoundingClientRect(); \
                     return [Math.round(k.top - o.top), Math.round(s.top - o.top), Math.round(s.height)]; });",
                    vec![],
                )
                .await
                .expect("cards");
            let places: Vec<Vec<i64>> = serde_json::from_value(places).expect("places");
            assert!(places.len() >= 2, "{places:?}");
            assert!(
                places.windows(2).all(|w| w[0] == w[1]),
                "{device}: the same places in every card: {places:?}"
            );
            b.close().await;
        }
    }
    // A project holder reads the catalogue without the technical codes.
    let Some(b) = browser(1280, 800).await else {
        return;
    };
    sign_in(&b, &url, "participant@demo.local").await;
    b.goto(&format!("{url}/impact/indicators")).await;
    assert!(!b.html().await.contains("<code>jobs-created</code>"));
    b.close().await;
}
