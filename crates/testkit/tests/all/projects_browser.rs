//! The core loop in a real headless Chromium: someone signs up with no canvas draft, starts a
//! project from a worked example, the centre's manager puts a coach on it, the coach writes a
//! note in the canvas, adds a task and a roadmap action, and the participant sees them. axe-core finds no
//! violation on the new pages, at 1280 and 360 px.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb, link_path};

async fn sign_in(b: &Browser, url: &str, email: &str, password: &str) {
    b.goto(&format!("{url}/login")).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", password).await;
    b.click("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.path().await, "/dashboard");
}

async fn sign_out(b: &Browser) {
    b.click(".user-menu button[type=submit]").await;
}

async fn no_violations(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

/// Nothing wider than the window.
async fn no_sideways_scroll(b: &Browser, page: &str) {
    let wide = b
        .client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            vec![],
        )
        .await
        .expect("width");
    assert_eq!(wide.as_bool(), Some(false), "{page} scrolls sideways");
}

#[tokio::test]
async fn sign_up_start_a_project_get_a_coach_and_see_their_work() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 1000).await else {
        return;
    };
    // Sign up with no canvas draft, confirm the address, sign in.
    b.goto(&format!("{url}/signup")).await;
    b.fill("#f-display_name", "Nina Petit").await;
    b.fill("#f-email", "nina@exemple.fr").await;
    b.fill("#f-password", "une phrase solide").await;
    b.click("form[action='/signup'] button[type=submit]").await;
    let mail = app.last_mail_to("nina@exemple.fr").await.expect("mail");
    let link = link_path(&mail.text, &format!("{url}/verify/")).expect("link");
    b.goto(&format!("{url}{link}")).await;
    sign_in(&b, &url, "nina@exemple.fr", "une phrase solide").await;

    // The dashboard opens on the four ways to start.
    assert!(b.text("#h-start").await.contains("Lance ton projet"));
    no_violations(&b, "first dashboard").await;
    b.screenshot("projects-first-dashboard-1280").await;
    b.click("a[href='/projects/new?depart=example']").await;
    assert_eq!(b.path().await, "/projects/new");
    no_violations(&b, "new project").await;
    b.screenshot("projects-new-1280").await;
    // A forgotten name: the error beside the field, the rest kept.
    b.fill("#f-summary", "Réparer des vélos avec le quartier")
        .await;
    b.click("form[action='/projects/new'] button[type=submit]")
        .await;
    assert!(!b.text("#f-name-error").await.is_empty());
    assert!(
        b.html()
            .await
            .contains("Réparer des vélos avec le quartier")
    );
    no_violations(&b, "new project with an error").await;
    b.fill("#f-name", "Atelier vélo").await;
    b.fill("#f-town", "Villeurbanne").await;
    b.select("#f-example", "recyclerie").await;
    b.click("form[action='/projects/new'] button[type=submit]")
        .await;
    assert!(b.path().await.starts_with("/canvases/"));
    assert!(b.text(".flash").await.contains("Ton projet est créé"));
    let canvas_path = b.path().await;
    let me = store::accounts::find_user_by_email(&app.state.db, "nina@exemple.fr")
        .await
        .unwrap()
        .unwrap()
        .id;
    let project = store::projects::for_user(&app.state.db, me).await.unwrap()[0].id;
    // Her project's roadmap, from the studio's template.
    b.goto(&format!("{url}/projects/{project}")).await;
    b.click(&format!(
        "form[action='/projects/{project}/roadmap'] button[type=submit]"
    ))
    .await;
    let roadmap_path = b.path().await;
    assert!(roadmap_path.starts_with("/roadmaps/"), "{roadmap_path}");
    b.goto(&format!("{url}/projects/{project}/settings")).await;
    no_violations(&b, "project settings (participant)").await;
    b.screenshot("projects-settings-participant-1280").await;
    sign_out(&b).await;

    // The studio's manager puts the demo coach on the project.
    sign_in(&b, &url, "manager@demo.local", "impact-demo").await;
    b.goto(&format!("{url}/projects/{project}/settings")).await;
    no_violations(&b, "project settings (manager)").await;
    b.screenshot("projects-settings-manager-1280").await;
    let coach = store::accounts::find_user_by_email(&app.state.db, "coach@demo.local")
        .await
        .unwrap()
        .unwrap()
        .id;
    b.select("#f-person", &coach.to_string()).await;
    b.select("#f-person-relation", "follower").await;
    b.click(&format!(
        "form[action='/projects/{project}/people'] button[type=submit]"
    ))
    .await;
    assert!(b.text(".flash").await.contains("ajoutée"));
    sign_out(&b).await;

    // The coach holds the pen: a note in the canvas, a task on the project.
    sign_in(&b, &url, "coach@demo.local", "impact-demo").await;
    b.goto(&format!("{url}{canvas_path}")).await;
    b.press("#block-solution .canvas-add > summary").await;
    b.fill(
        "#f-add-solution",
        "Un atelier mobile deux soirs par semaine",
    )
    .await;
    b.press("#block-solution .canvas-add button[type=submit]")
        .await;
    b.wait_until(
        "Array.from(document.querySelectorAll('#block-solution .note-text')).some(t => t.textContent === 'Un atelier mobile deux soirs par semaine')",
    )
    .await;
    b.goto(&format!("{url}/projects/{project}")).await;
    b.press("details:has(form[action$='/tasks']) > summary")
        .await;
    b.fill("#f-task-title", "Trouver un local pour l'atelier")
        .await;
    b.click(&format!(
        "form[action='/projects/{project}/tasks'] button[type=submit]"
    ))
    .await;
    // … and an action in the roadmap's first period.
    b.goto(&format!("{url}{roadmap_path}")).await;
    b.click("#period-0-0 .roadmap-add a").await;
    b.fill("#f-new-item", "Repérer trois lieux possibles").await;
    b.click("form:has(#f-new-item) button[type=submit]").await;
    assert!(b.text(".flash").await.contains("enregistrée"));
    no_violations(&b, "roadmap page (coach)").await;
    b.screenshot("roadmap-coach-1280").await;
    b.goto(&format!("{url}{roadmap_path}/items/0/0/0")).await;
    no_violations(&b, "roadmap item edit page").await;
    b.screenshot("roadmap-item-edit-1280").await;
    b.goto(&format!("{url}{roadmap_path}/periods/0/0")).await;
    no_violations(&b, "roadmap period edit page").await;
    sign_out(&b).await;

    // The participant sees both.
    sign_in(&b, &url, "nina@exemple.fr", "une phrase solide").await;
    b.goto(&format!("{url}{canvas_path}")).await;
    assert!(
        b.html()
            .await
            .contains("Un atelier mobile deux soirs par semaine")
    );
    b.goto(&format!("{url}/projects/{project}")).await;
    assert!(
        b.text("#h-tasks + *")
            .await
            .contains("Trouver un local pour l")
    );
    b.goto(&format!("{url}{roadmap_path}")).await;
    assert!(
        b.text("#period-0-0")
            .await
            .contains("Repérer trois lieux possibles")
    );
    b.close().await;

    // The new pages on a phone: nothing scrolls sideways, still no violation.
    let Some(phone) = browser(360, 780).await else {
        return;
    };
    sign_in(&phone, &url, "nina@exemple.fr", "une phrase solide").await;
    for (path, name) in [
        ("/projects/new".to_string(), "projects-new-360"),
        (
            format!("/projects/{project}/settings"),
            "projects-settings-360",
        ),
        ("/projects".to_string(), "projects-list-360"),
        (roadmap_path.clone(), "roadmap-360"),
        (
            format!("{roadmap_path}/items/0/0/0"),
            "roadmap-item-edit-360",
        ),
    ] {
        phone.goto(&format!("{url}{path}")).await;
        no_sideways_scroll(&phone, &path).await;
        no_violations(&phone, &path).await;
        phone.screenshot(name).await;
    }
    phone.close().await;
}

/// The elements wider than the window (tag and class), none expected.
async fn too_wide(b: &Browser) -> Vec<String> {
    let found = b
        .client
        .execute(
            "return Array.from(document.querySelectorAll('body *'))
               .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
               .map(e => e.tagName.toLowerCase() + '.' + e.className).slice(0, 10);",
            vec![],
        )
        .await
        .expect("widths");
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_project_page_in_sections_for_a_participant_and_a_coach_at_360_and_1280() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let projects = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .unwrap();
    let id = projects
        .iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .unwrap()
        .id;
    let seed = store::roadmaps::for_centre(&app.state.db, 1).await.unwrap()[0].id;
    for (width, height) in [(1280, 1000), (360, 780)] {
        for (email, who) in [
            ("participant@demo.local", "participant"),
            ("coach@demo.local", "coach"),
        ] {
            let Some(b) = browser(width, height).await else {
                return;
            };
            sign_in(&b, &url, email, "impact-demo").await;
            b.goto(&format!("{url}/projects/{id}")).await;
            let page = format!("project page ({who}, {width})");
            b.screenshot(&format!("project-{who}-{width}")).await;
            no_violations(&b, &page).await;
            no_sideways_scroll(&b, &page).await;
            assert_eq!(too_wide(&b).await, Vec::<String>::new(), "{page}");
            if width == 1280 {
                let top = b
                    .client
                    .execute(
                        "return document.getElementById('h-canvas').getBoundingClientRect().top + window.scrollY;",
                        vec![],
                    )
                    .await
                    .expect("top");
                let top = top.as_f64().unwrap_or(f64::MAX);
                assert!(top < 1_600.0, "{page}: the canvas starts at {top} px");
            }
            // The table of contents leads to each section; the canvas is one click away.
            assert!(b.text(".project-toc").await.contains("Canvas"));
            b.press(".project-toc a[href='#h-canvas']").await;
            b.wait_until(
                "location.hash === '#h-canvas' && document.getElementById('h-canvas').getBoundingClientRect().top < window.innerHeight / 2",
            )
            .await;
            assert!(!b.text("#h-canvas ~ .card-grid").await.is_empty());
            b.screenshot(&format!("project-{who}-{width}-canvas")).await;
            b.goto(&format!("{url}/projects/{id}#h-tasks")).await;
            b.screenshot(&format!("project-{who}-{width}-tasks")).await;
            b.close().await;
        }
        // The studio's roadmap for its manager: light, and an item's details edited on the
        // item's own page.
        let Some(b) = browser(width, height).await else {
            return;
        };
        sign_in(&b, &url, "manager@demo.local", "impact-demo").await;
        b.goto(&format!("{url}/roadmaps/{seed}")).await;
        let page = format!("seed roadmap ({width})");
        no_violations(&b, &page).await;
        no_sideways_scroll(&b, &page).await;
        assert_eq!(too_wide(&b).await, Vec::<String>::new(), "{page}");
        b.screenshot(&format!("roadmap-seed-{width}")).await;
        b.goto(&format!("{url}/roadmaps/{seed}#period-0-0")).await;
        b.screenshot(&format!("roadmap-seed-items-{width}")).await;
        b.click(&format!(
            "#item-0-0-2 a[href='/roadmaps/{seed}/items/0/0/2']"
        ))
        .await;
        assert_eq!(b.path().await, format!("/roadmaps/{seed}/items/0/0/2"));
        no_violations(&b, "roadmap item page").await;
        no_sideways_scroll(&b, "roadmap item page").await;
        b.screenshot(&format!("roadmap-seed-item-{width}")).await;
        b.fill("#f-notes-0-0-2", "Relire avec l'équipe").await;
        b.click("form[action$='/details'] button[type=submit]")
            .await;
        assert_eq!(b.path().await, format!("/roadmaps/{seed}"));
        assert!(b.text("#item-0-0-2").await.contains("Relire avec l'équipe"));
        b.close().await;
    }
}
