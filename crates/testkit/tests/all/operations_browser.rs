//! Running a centre in a real headless Chromium, at 360 and 1280 px: the pilot's manager opens
//! the opening checklist from the dashboard on a phone, taps each item (one big button each, a
//! plain form), and sees it done with who ticked it, on the checklist, the procedures page and
//! the dashboard. axe-core finds nothing on every new page (procedures, a checklist and its
//! editor, a procedure and its editor, incidents, team, volunteers, opening plan, the opening
//! template), and nothing scrolls sideways.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn the_opening_checklist_is_ticked_on_a_phone_and_every_page_is_accessible() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let db = &app.state.db;
    let centre = store::centres::find_by_slug(db, "micro-centre-die")
        .await
        .unwrap()
        .unwrap()
        .id;
    let opening = store::procedures::checklists(db, centre)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Ouverture du lieu")
        .unwrap();
    let procedure = store::procedures::procedures(db, centre).await.unwrap()[0].id;
    let die = format!("{url}/centres/micro-centre-die");

    // On a phone: from the dashboard to the checklist, one tap per item.
    let Some(b) = browser(360, 800).await else {
        return;
    };
    b.sign_in(&url, "manager.die@demo.local").await;
    let dash = b.text("main").await;
    assert!(dash.contains("Ouverture du lieu"), "{dash}");
    b.click(&format!(
        "a[href='/centres/micro-centre-die/checklists/{}']",
        opening.id
    ))
    .await;
    b.check("checklist").await;
    b.screenshot("operations-360-checklist-before").await;
    assert!(b.text("#run-progress").await.contains("0 sur 4"));
    let items = store::procedures::items(db, opening.id, "").await.unwrap();
    for item in &items {
        b.click(&format!("#item-{} button.ops-tick", item.id)).await;
        let pressed = b.text(&format!("#item-{}", item.id)).await;
        assert!(pressed.contains("Denis Drôme"), "{pressed}");
    }
    assert!(b.text("#run-progress").await.contains("4 sur 4"));
    assert!(b.text("main").await.contains("Faite"));
    b.check("checklist done").await;
    b.screenshot("operations-360-checklist-done").await;
    // The manager sees it done on the procedures page and it leaves the dashboard.
    b.goto(&format!("{die}/procedures")).await;
    let hub = b.text("main").await;
    let at = hub.find("Ouverture du lieu").expect("listed");
    assert!(hub[at..].contains("Faite"), "{hub}");
    b.goto(&format!("{url}/dashboard")).await;
    assert!(!b.text("main").await.contains("Ouverture du lieu"));
    b.close().await;

    for width in [1280, 360] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager.die@demo.local").await;
        let pages = [
            ("procedures", format!("{die}/procedures")),
            ("checklist", format!("{die}/checklists/{}", opening.id)),
            (
                "checklist edit",
                format!("{die}/checklists/{}/edit", opening.id),
            ),
            ("checklist new", format!("{die}/checklists/new")),
            ("procedure", format!("{die}/procedures/{procedure}")),
            (
                "procedure edit",
                format!("{die}/procedures/{procedure}/edit"),
            ),
            ("procedure new", format!("{die}/procedures/new")),
            ("incidents", format!("{die}/incidents")),
            ("team", format!("{die}/equipe")),
            ("volunteers", format!("{die}/benevoles")),
            ("opening plan", format!("{die}/ouverture")),
        ];
        for (name, page) in &pages {
            b.goto(page).await;
            b.check(name).await;
            b.screenshot(&format!("operations-{width}-{}", name.replace(' ', "-")))
                .await;
        }
        // Errors beside their fields: a checklist with no item, hours over a day.
        b.goto(&format!("{die}/checklists/new")).await;
        b.fill("#f-name", "Sans point").await;
        b.click("form[action$='/checklists/new'] button[type=submit]")
            .await;
        assert!(b.text("#f-items-error").await.contains("au moins un point"));
        b.check("checklist with errors").await;
        b.goto(&format!("{die}/benevoles")).await;
        b.select("#f-volunteer", &{
            store::team::volunteers(db, centre).await.unwrap()[0]
                .id
                .to_string()
        })
        .await;
        b.fill("#f-hours", "30").await;
        b.fill("#f-activity", "Accueil").await;
        b.click("form[action$='/benevoles/heures'] button[type=submit]")
            .await;
        assert!(!b.text("#f-hours-error").await.is_empty());
        b.check("volunteers with errors").await;
        b.close().await;
        // The network team's template.
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        b.goto(&format!("{url}/admin/ouverture")).await;
        b.check("opening template").await;
        b.screenshot(&format!("operations-{width}-opening-template"))
            .await;
        b.goto(&format!("{url}/operations")).await;
        b.check("operations centres").await;
        b.close().await;
    }
}
