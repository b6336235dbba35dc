//! Learning in a real headless Chromium: a project holder enrols in the demo path, watches the
//! video lesson (its metadata read through range requests), fills the workbook exercise, passes
//! the quiz, gets the certificate and a visitor verifies it at its public address; axe-core
//! finds no violation on any learning page, on a desktop and a 360 px phone, where nothing
//! scrolls sideways; the coach's follow-up and the authoring pages too.
use store::learning as learn;
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

async fn no_violations(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

async fn demo_ids(app: &TestApp) -> (i64, Vec<(i64, String)>, i64) {
    let db = &app.state.db;
    let q = learn::CatalogueQuery {
        centres: ",",
        drafts: false,
        search: "",
        tag: Some("bases"),
    };
    let course = learn::catalogue(db, &q).await.unwrap()[0].id;
    let lessons = learn::outline(db, course, 0)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|r| Some((r.lesson_id?, r.kind?)))
        .collect();
    let path = learn::paths(db, ",", false).await.unwrap()[0].id;
    (course, lessons, path)
}

#[tokio::test]
async fn a_project_holder_learns_to_a_certificate_verified_in_public() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 1000).await else {
        return;
    };
    let (course, lessons, path) = demo_ids(&app).await;
    b.sign_in(&url, "participant@demo.local").await;
    // « Continue where I stopped » on the dashboard.
    assert!(b.text("main").await.contains("Reprendre où tu t"));
    b.goto(&format!("{url}/learn")).await;
    no_violations(&b, "catalogue").await;
    b.screenshot("learn-catalogue").await;
    b.goto(&format!("{url}/learn/paths/{path}")).await;
    no_violations(&b, "path").await;
    b.click(&format!("form[action='/learn/paths/{path}/enrol'] button"))
        .await;
    b.wait_for_text("main", "Tu suis ce parcours").await;
    b.screenshot("learn-path").await;
    b.goto(&format!("{url}/learn/courses/{course}")).await;
    no_violations(&b, "course").await;
    b.screenshot("learn-course").await;
    for (id, kind) in &lessons {
        b.goto(&format!("{url}/learn/lessons/{id}")).await;
        no_violations(&b, &format!("lesson {kind}")).await;
        match kind.as_str() {
            "video" => {
                b.wait_until("document.querySelector('video').readyState >= 1")
                    .await;
                b.wait_until("document.querySelector('video').duration > 10")
                    .await;
                b.screenshot("learn-lesson-video").await;
                b.click(&format!("form[action='/learn/lessons/{id}/done'] button"))
                    .await;
            }
            "exercise" => {
                b.fill("#f-a0", "Pas d'épicerie à moins de vingt minutes à pied")
                    .await;
                b.fill(
                    "#f-a1",
                    "Les familles du quartier : « on fait tout en voiture »",
                )
                .await;
                b.fill("#f-a2", "Un marché de producteurs le samedi matin")
                    .await;
                b.press("#f-shared").await;
                b.click(&format!(
                    "form[action='/learn/lessons/{id}/workbook'] button"
                ))
                .await;
                b.wait_for_text("main", "Un marché de producteurs").await;
                b.screenshot("learn-lesson-exercise").await;
            }
            "quiz" => {
                // A first attempt with two mistakes shows the feedback of each answer.
                for choice in [
                    "#f-q0-1", "#f-q1-1", "#f-q2-0", "#f-q2-1", "#f-q2-2", "#f-q3-1", "#f-q4-0",
                ] {
                    b.press(choice).await;
                }
                b.click(&format!("form[action='/learn/lessons/{id}/quiz'] button"))
                    .await;
                assert!(
                    b.text(".learn-quiz")
                        .await
                        .contains("la forme juridique vient après")
                );
                no_violations(&b, "quiz with feedback").await;
                b.screenshot("learn-lesson-quiz-feedback").await;
                b.press("#f-q0-0").await;
                b.press("#f-q3-0").await;
                b.click(&format!("form[action='/learn/lessons/{id}/quiz'] button"))
                    .await;
                b.wait_for_text("main", "Ton certificat est prêt").await;
            }
            _ => {
                if kind == "workbook" {
                    assert!(b.html().await.contains("cahier-de-route.pdf"));
                }
                b.click(&format!("form[action='/learn/lessons/{id}/done'] button"))
                    .await;
            }
        }
    }
    assert_eq!(b.path().await, format!("/learn/courses/{course}"));
    no_violations(&b, "course complete").await;
    b.screenshot("learn-course-complete").await;
    b.click("a[href^='/certificates/']").await;
    assert!(b.path().await.starts_with("/certificates/"));
    let public = b.path().await;
    // A visitor (signed out) sees the name, the course and the date.
    b.click("form[action='/logout'] button").await;
    b.goto(&format!("{url}{public}")).await;
    let text = b.text("main").await;
    assert!(text.contains("Paul Porteur"), "{text}");
    assert!(text.contains("Lance ton projet"));
    assert!(!text.contains("participant@demo.local"));
    no_violations(&b, "certificate verification").await;
    b.screenshot("learn-certificate").await;
    b.close().await;
}

#[tokio::test]
async fn learning_pages_fit_a_phone_and_pass_axe_for_every_role() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let (course, lessons, path) = demo_ids(&app).await;
    let quiz = lessons.iter().find(|(_, k)| k == "quiz").unwrap().0;
    let video = lessons.iter().find(|(_, k)| k == "video").unwrap().0;
    for width in [360, 1280] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        let pages: [(&str, Vec<String>); 3] = [
            (
                "participant@demo.local",
                vec![
                    "/learn".into(),
                    format!("/learn/courses/{course}"),
                    format!("/learn/lessons/{video}"),
                    format!("/learn/lessons/{quiz}"),
                    format!("/learn/paths/{path}"),
                ],
            ),
            ("coach@demo.local", vec!["/learn/follow-up".into()]),
            (
                "admin@demo.local",
                vec![
                    "/learn/admin".into(),
                    format!("/learn/admin/courses/{course}"),
                    format!("/learn/admin/lessons/{quiz}"),
                ],
            ),
        ];
        for (email, paths) in pages {
            b.sign_in(&url, email).await;
            for p in paths {
                b.goto(&format!("{url}{p}")).await;
                no_violations(&b, &format!("{width} {email} {p}")).await;
                assert_eq!(b.too_wide().await, None, "{width} {email} {p}");
                let role = email.split('@').next().unwrap_or("");
                let name = p.trim_start_matches('/').replace('/', "-");
                b.screenshot(&format!("learn-{width}-{role}-{name}")).await;
            }
            b.click("form[action='/logout'] button").await;
        }
        b.close().await;
    }
}

/// Signs out whoever is signed in.
async fn sign_out(b: &Browser) {
    b.click("form[action='/logout'] button").await;
}

/// The demo's first text lesson of the starter course, made a video hosted on YouTube.
async fn external_video_lesson(app: &TestApp, course: i64) -> i64 {
    let db = &app.state.db;
    let id = learn::outline(db, course, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind.as_deref() == Some("text"))
        .and_then(|r| r.lesson_id)
        .unwrap();
    let lesson = learn::find_lesson(db, id).await.unwrap().unwrap();
    learn::update_lesson(
        db,
        id,
        &learn::LessonFields {
            title: &lesson.title,
            kind: "video",
            body: &lesson.body,
            video_url: Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            quiz: None,
            exercise: "",
            minutes: lesson.minutes,
        },
    )
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn a_centre_manager_writes_a_cohort_path_with_the_keyboard_and_its_member_follows_it() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 1000).await else {
        return;
    };
    let (course, _, _) = demo_ids(&app).await;
    let funding = learn::catalogue(
        &app.state.db,
        &learn::CatalogueQuery {
            centres: ",",
            drafts: false,
            search: "",
            tag: Some("financement"),
        },
    )
    .await
    .unwrap()[0]
        .id;
    b.sign_in(&url, "manager@demo.local").await;
    b.goto(&format!("{url}/learn/admin/paths")).await;
    no_violations(&b, "paths authoring").await;
    b.screenshot("learn-paths-admin").await;
    b.fill("#f-title", "Parcours de la cohorte d'automne").await;
    b.fill(
        "#f-summary",
        "Les bases, puis le financement au rythme des ateliers.",
    )
    .await;
    b.click("form[action='/learn/admin/paths'] button[type=submit]")
        .await;
    assert!(b.path().await.starts_with("/learn/admin/paths/"));
    let editor = b.path().await;
    no_violations(&b, "empty path editor").await;
    for c in [course, funding] {
        b.select("#f-add_course", &c.to_string()).await;
        b.click(".learn-path-editor button[value=save]").await;
    }
    // Reordered with the keyboard: Enter on « Descendre ».
    b.key(&format!("#down-{course}"), fantoccini::key::Key::Enter)
        .await;
    b.wait_until(&format!(
        "document.querySelector('.learn-path-entry input[name=course]').value === '{funding}'"
    ))
    .await;
    // Attached to the cohort, the starter course opening in a week.
    let cohort = store::cohorts::all(&app.state.db).await.unwrap()[0].id;
    b.select("#f-cohort", &cohort.to_string()).await;
    let in_a_week = domain::time_zone::to_paris(app.now() + 7 * 86_400)
        .date()
        .to_string();
    b.wait_until(&format!(
        "document.getElementById('f-release-{course}').value = '{in_a_week}'"
    ))
    .await;
    b.click(".learn-path-editor button[value=save]").await;
    b.wait_for_text("main", "Enregistré").await;
    no_violations(&b, "path editor").await;
    b.screenshot("learn-path-editor").await;
    b.screenshot_at("learn-path-editor-courses", "#h-path-entries")
        .await;
    b.click(&format!("form[action='{editor}/status'] button"))
        .await;
    let path = editor.trim_start_matches("/learn/admin/paths/").to_string();
    sign_out(&b).await;

    // Its member sees it, the starter course waiting for its date.
    b.sign_in(&url, "participant@demo.local").await;
    b.goto(&format!("{url}/learn/paths/{path}")).await;
    let text = b.text("main").await;
    assert!(text.contains("Parcours de la cohorte"), "{text}");
    assert!(text.contains("Ouvre le"), "{text}");
    no_violations(&b, "cohort path").await;
    b.screenshot("learn-cohort-path").await;
    b.close().await;
}

#[tokio::test]
async fn an_external_video_loads_only_when_asked() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 1000).await else {
        return;
    };
    let (course, _, _) = demo_ids(&app).await;
    let lesson = external_video_lesson(&app, course).await;
    b.sign_in(&url, "participant@demo.local").await;
    b.goto(&format!("{url}/learn/lessons/{lesson}")).await;
    b.wait_until("!document.querySelector('[data-load-video]').hidden")
        .await;
    assert!(!b.html().await.contains("<iframe"));
    no_violations(&b, "external video lesson").await;
    b.screenshot("learn-lesson-external-video").await;
    b.press("[data-load-video]").await;
    b.wait_until(
        "document.querySelector('.learn-external iframe')?.src === 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'",
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn new_learning_pages_fit_a_phone_and_pass_axe() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let (course, lessons, path) = demo_ids(&app).await;
    let external = external_video_lesson(&app, course).await;
    let quiz = lessons.iter().find(|(_, k)| k == "quiz").unwrap().0;
    let first = store::lesson_revisions::list(&app.state.db, quiz)
        .await
        .unwrap()
        .remove(0);
    let revision = first.id;
    // The lesson since: a line rewritten, one added, so the diff has both.
    let body = first
        .body
        .replacen('\n', "\nUne ligne réécrite depuis.\n", 1)
        + "\nUne ligne ajoutée.";
    let mut fields = first.fields();
    fields.body = &body;
    learn::update_lesson(&app.state.db, quiz, &fields)
        .await
        .unwrap();
    for width in [360, 1280] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        let pages: [(&str, Vec<String>); 2] = [
            (
                "participant@demo.local",
                vec![format!("/learn/lessons/{external}")],
            ),
            (
                "admin@demo.local",
                vec![
                    "/learn/admin/paths".into(),
                    format!("/learn/admin/paths/{path}"),
                    format!("/learn/admin/lessons/{quiz}/revisions"),
                    format!("/learn/admin/revisions/{revision}"),
                    format!("/learn/lessons/{external}"),
                ],
            ),
        ];
        for (email, paths) in pages {
            b.sign_in(&url, email).await;
            for p in paths {
                b.goto(&format!("{url}{p}")).await;
                no_violations(&b, &format!("{width} {email} {p}")).await;
                assert_eq!(b.too_wide().await, None, "{width} {email} {p}");
                let role = email.split('@').next().unwrap_or("");
                let name = p.trim_start_matches('/').replace('/', "-");
                b.screenshot(&format!("learn-{width}-{role}-{name}")).await;
                for (part, css) in [("courses", "#h-path-entries"), ("diff", "#h-diff")] {
                    if b.html().await.contains(&css[1..]) {
                        b.screenshot_at(&format!("learn-{width}-{role}-{name}-{part}"), css)
                            .await;
                    }
                }
            }
            sign_out(&b).await;
        }
        b.close().await;
    }
}
