//! Each role's dashboard and the grouped navigation in a real headless Chromium, on a phone
//! (360 px) and a laptop (1280 px): axe-core finds nothing, nothing is wider than the window,
//! the user's name and role stay visible, and a menu opens from the keyboard.
use fantoccini::key::Key;
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

const ROLES: [(&str, &str); 4] = [
    ("participant", "participant@demo.local"),
    ("coach", "coach@demo.local"),
    ("manager", "manager@demo.local"),
    ("admin", "admin@demo.local"),
];

async fn sign_out(b: &Browser) {
    b.client
        .execute(
            "document.querySelector('.user-menu form').submit();",
            vec![],
        )
        .await
        .expect("sign out");
    b.wait_until("location.pathname === '/'").await;
}

async fn no_violations(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

/// The elements that stick out of the window on the right (none should).
async fn too_wide(b: &Browser) -> Vec<String> {
    let found = b
        .client
        .execute(
            "const w = document.documentElement.clientWidth; const out = [];\
             if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth);\
             for (const el of document.querySelectorAll('body *')) {\
               const r = el.getBoundingClientRect();\
               if (r.width > 0 && r.right > w + 1 && getComputedStyle(el).position !== 'fixed')\
                 out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));\
             }\
             return out.slice(0, 10);",
            vec![],
        )
        .await
        .expect("measure");
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

async fn visible(b: &Browser, css: &str) -> bool {
    b.client
        .execute(
            &format!(
                "const el = document.querySelector({css:?}); if (!el) return false;\
                 const r = el.getBoundingClientRect();\
                 return r.width > 0 && r.height > 0 && r.right <= document.documentElement.clientWidth + 1;"
            ),
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

#[tokio::test]
async fn every_role_dashboard_on_a_phone_and_a_laptop() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for (width, height) in [(360, 2400), (1280, 1600)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        for (role, email) in ROLES {
            b.sign_in(&url, email).await;
            let page = format!("{role} dashboard at {width}");
            assert!(b.text("#h-todo").await.contains("À faire"), "{page}");
            no_violations(&b, &page).await;
            let wide = too_wide(&b).await;
            assert!(wide.is_empty(), "{page}: {wide:?}");
            // Name and role stay on screen, even on a phone.
            assert!(visible(&b, ".user-name").await, "{page}: name hidden");
            assert!(
                visible(&b, ".user-name .badge").await,
                "{page}: role hidden"
            );
            b.screenshot(&format!("dashboard-{role}-{width}")).await;
            // The landing page offers them their next step.
            b.goto(&format!("{url}/")).await;
            assert!(b.text(".next-step").await.len() > 10, "{page}");
            no_violations(&b, &format!("landing for the {role} at {width}")).await;
            let wide = too_wide(&b).await;
            assert!(
                wide.is_empty(),
                "landing for the {role} at {width}: {wide:?}"
            );
            b.screenshot(&format!("landing-{role}-{width}")).await;
            sign_out(&b).await;
        }
        b.close().await;
    }
}

#[tokio::test]
async fn a_grouped_menu_opens_from_the_keyboard() {
    let (_app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    for (width, height) in [(1280, 900), (360, 1400)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        if width < 760 {
            // On a phone the menu button shows the navigation first.
            b.key(".nav-toggle", Key::Enter).await;
            b.wait_until("document.querySelector('#main-nav').dataset.open === 'true'")
                .await;
        }
        let groups = b.text("#main-nav").await;
        assert!(groups.contains("Opérations"), "{groups}");
        assert!(!visible(&b, "#main-nav a[href='/admin/jobs']").await);
        // The Operations group's button, opened with Enter.
        b.client
            .execute(
                "for (const s of document.querySelectorAll('#main-nav summary')) {\
                   if (s.textContent.includes('Opérations')) s.id = 'ops'; }",
                vec![],
            )
            .await
            .expect("mark");
        b.key("#ops", Key::Enter).await;
        b.wait_until("document.querySelector('#ops').parentElement.open")
            .await;
        assert!(
            visible(&b, "#main-nav a[href='/admin/jobs']").await,
            "at {width}"
        );
        no_violations(&b, &format!("open menu at {width}")).await;
        let wide = too_wide(&b).await;
        assert!(wide.is_empty(), "open menu at {width}: {wide:?}");
        b.screenshot(&format!("nav-menu-open-{width}")).await;
        // Escape closes it and gives the focus back to its button.
        b.key("#main-nav a[href='/admin/jobs']", Key::Escape).await;
        b.wait_until("!document.querySelector('#ops').parentElement.open")
            .await;
        // A page reached through a menu names itself in the breadcrumb.
        b.goto(&format!("{url}/admin/jobs")).await;
        let crumbs = b.text(".breadcrumbs").await;
        assert!(
            crumbs.contains("Opérations") && crumbs.contains("Travaux en arrière-plan"),
            "{crumbs}"
        );
        no_violations(&b, &format!("jobs page at {width}")).await;
        b.screenshot(&format!("nav-breadcrumbs-{width}")).await;
        b.close().await;
    }
}
