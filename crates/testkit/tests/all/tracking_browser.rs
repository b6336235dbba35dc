//! The coaching journey in a real headless Chromium: a coach records a session, its next step
//! becomes a task, the participant checks it off, the project page shows it; axe-core finds no
//! violation on the tracking, cohort and impact pages.
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

async fn sign_out(b: &Browser) {
    b.click(".user-menu button[type=submit]").await;
}

async fn no_violations(b: &Browser, page: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

#[tokio::test]
async fn coach_session_becomes_a_task_the_participant_checks_off() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let Some(b) = browser(1280, 1000).await else {
        return;
    };
    let projects = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .unwrap();
    let id = projects
        .iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .unwrap()
        .id;

    b.sign_in(&url, "coach@demo.local").await;
    no_violations(&b, "coach dashboard").await;
    b.screenshot("tracking-coach-dashboard").await;
    b.click(&format!("a.card-link[href='/projects/{id}']"))
        .await;
    assert_eq!(b.path().await, format!("/projects/{id}"));
    no_violations(&b, "project page (coach)").await;
    b.press("#h-sessions ~ details > summary").await;
    b.fill(
        "#f-shared_notes",
        "Visite du local avec Paul : la vitrine est idéale.",
    )
    .await;
    b.fill("#f-private_notes", "Paul semble plus confiant.")
        .await;
    b.fill("#f-decisions", "Signer le bail avant Noël.").await;
    b.fill("#f-next_steps", "Préparer le stand du marché").await;
    b.press("input[name=participants]").await;
    b.click("form[action$='/sessions'] button[type=submit]")
        .await;
    assert!(b.text(".flash").await.contains("Séance enregistrée"));
    let html = b.html().await;
    assert!(
        html.contains("Visite du local avec Paul") && html.contains("Paul semble plus confiant")
    );
    b.screenshot("tracking-project-coach").await;
    no_violations(&b, "project page after the session").await;
    // A typo to correct: the session's edit link, the form filled with what was recorded.
    let session = store::tracking::sessions(&app.state.db, id, 1)
        .await
        .unwrap()
        .remove(0);
    let edit = format!("/sessions/{}", session.id);
    assert!(html.contains(&format!("href=\"{edit}\"")));
    b.goto(&format!("{url}{edit}")).await;
    no_violations(&b, "session correction form").await;
    b.screenshot("tracking-session-edit").await;
    b.fill("#f-decisions", "Signer le bail avant le 20 décembre.")
        .await;
    b.click("form[action^='/sessions/'] button[type=submit]")
        .await;
    assert!(b.text(".flash").await.contains("Séance corrigée"));
    assert!(
        b.html()
            .await
            .contains("Signer le bail avant le 20 décembre.")
    );
    b.screenshot("tracking-session-corrected").await;
    // Back to the top of a page (the save scrolled to the session) to reach the header.
    b.goto(&format!("{url}/dashboard")).await;
    sign_out(&b).await;

    b.sign_in(&url, "participant@demo.local").await;
    b.goto(&format!("{url}/projects/{id}")).await;
    let html = b.html().await;
    assert!(
        !html.contains("Paul semble plus confiant"),
        "private notes stay with coaches"
    );
    let task = store::tracking::tasks(&app.state.db, id)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.title == "Préparer le stand du marché")
        .expect("the next step became a task");
    b.click(&format!(
        "#task-{} form input[value=done] ~ button",
        task.id
    ))
    .await;
    assert!(b.path().await.starts_with(&format!("/projects/{id}")));
    // WebDriver reads a no-break space as a space.
    assert!(
        b.text("#h-activity ~ .activity")
            .await
            .contains("Tâche terminée : Préparer le stand du marché")
    );
    b.screenshot("tracking-project-participant").await;
    no_violations(&b, "project page (participant)").await;

    b.goto(&format!("{url}/projects/{id}/indicators")).await;
    no_violations(&b, "indicators page").await;
    b.screenshot("tracking-indicators").await;
    let roadmap = store::tracking::project_roadmaps(&app.state.db, id)
        .await
        .unwrap()[0]
        .id;
    b.goto(&format!("{url}/roadmaps/{roadmap}")).await;
    no_violations(&b, "project roadmap").await;
    b.goto(&format!("{url}/roadmaps/{roadmap}/timeline")).await;
    no_violations(&b, "timeline").await;
    b.screenshot("tracking-timeline").await;
    sign_out(&b).await;

    b.sign_in(&url, "manager@demo.local").await;
    let cohort = store::cohorts::for_centre(&app.state.db, 1).await.unwrap()[0].id;
    b.goto(&format!("{url}/centres/studio/cohorts")).await;
    no_violations(&b, "cohorts").await;
    b.screenshot("tracking-cohorts").await;
    b.goto(&format!("{url}/cohorts/{cohort}")).await;
    assert!(b.text("main").await.contains("La Recyclerie des Pentes"));
    no_violations(&b, "cohort page").await;
    b.screenshot("tracking-cohort").await;
    b.goto(&format!("{url}/dashboard?cohorte={cohort}")).await;
    no_violations(&b, "dashboard by cohort").await;
    b.screenshot("tracking-dashboard-cohort").await;
    sign_out(&b).await;

    b.sign_in(&url, "admin@demo.local").await;
    no_violations(&b, "admin dashboard").await;
    b.goto(&format!("{url}/impact/report")).await;
    no_violations(&b, "network report").await;
    b.screenshot("tracking-report").await;
    b.goto(&format!("{url}/impact/review")).await;
    no_violations(&b, "yearly review").await;
    b.screenshot("tracking-review").await;
    b.goto(&format!("{url}/impact/indicators")).await;
    no_violations(&b, "catalogue").await;
    b.goto(&format!("{url}/roadmaps")).await;
    no_violations(&b, "roadmaps list").await;
    b.close().await;
}
