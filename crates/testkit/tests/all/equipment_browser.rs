//! Equipment and the layout plan in a real headless Chromium, at 1280 and 360 px: a manager
//! starts the inventory from the network's list, starts the plan, draws a room, places an item
//! of the inventory, then moves it with the keyboard (the move is saved); a line's page, the
//! plan's read-only view, the network's standard list and plans list. axe-core finds nothing
//! on each page, and nothing scrolls sideways.
use fantoccini::key::Key;
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn a_manager_lists_equipment_draws_a_room_and_places_an_item() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let db = &app.state.db;
    let die = store::centres::find_by_slug(db, "micro-centre-die")
        .await
        .unwrap()
        .unwrap();
    for width in [1280, 360] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager.die@demo.local").await;
        let equipment = format!("{url}/centres/micro-centre-die/equipment");
        b.goto(&equipment).await;
        b.check("empty inventory").await;
        if width == 1280 {
            b.click("form[action$='/equipment/standard'] button").await;
            // A negative price: refused beside the field.
            b.fill("#f-name", "Perceuse").await;
            b.fill("#f-price", "-5").await;
            b.click("form[action='/centres/micro-centre-die/equipment'] button[type=submit]")
                .await;
            assert!(!b.text("#f-price-error").await.is_empty());
        }
        b.check("inventory").await;
        b.screenshot(&format!("equipment-{width}-inventory")).await;
        b.click("table.equipment-lines a[href*='/equipment/']")
            .await;
        b.check("equipment line").await;

        let plan = format!("{url}/centres/micro-centre-die/plan");
        b.goto(&plan).await;
        b.check("plan editor").await;
        if width == 1280 {
            // The building, a room, then an item of the inventory.
            b.click("form.plan-building-form button[type=submit]").await;
            b.fill("#f-label", "Atelier").await;
            b.fill("#f-x", "0").await;
            b.fill("#f-y", "0").await;
            b.fill("#f-w", "600").await;
            b.fill("#f-h", "400").await;
            b.click("#add-shape button[type=submit]").await;
            // A room outside the building: refused beside the field.
            b.fill("#f-label", "Réserve").await;
            b.fill("#f-x", "1100").await;
            b.fill("#f-w", "400").await;
            b.click("#add-shape button[type=submit]").await;
            assert!(!b.text("#f-w-error").await.is_empty());
            b.goto(&plan).await;
            b.select("#f-kind", "item").await;
            let line = store::equipment::lines(db, die.id).await.unwrap()[0].clone();
            b.select("#f-equipment", &line.id.to_string()).await;
            b.fill("#f-x", "100").await;
            b.fill("#f-y", "100").await;
            b.fill("#f-w", "180").await;
            b.fill("#f-h", "80").await;
            b.click("#add-shape button[type=submit]").await;
            let row = store::plans::for_centre(db, die.id).await.unwrap().unwrap();
            let drawn = domain::plan::Plan::from_json(&row.document).unwrap();
            assert_eq!(drawn.shapes.len(), 2);
            let item = drawn.shapes[1].clone();
            assert_eq!(item.equipment_id, Some(line.id));
            // The keyboard moves it one grid step to the right, and the move is saved.
            b.key(&format!("#shape-{}", item.id), Key::Right).await;
            b.wait_until("document.getElementById('plan-status').textContent.length > 0")
                .await;
            let row = store::plans::for_centre(db, die.id).await.unwrap().unwrap();
            let moved = domain::plan::Plan::from_json(&row.document).unwrap();
            assert_eq!(moved.shape(item.id).unwrap().x, item.x + drawn.grid_cm);
            b.goto(&plan).await;
        }
        b.check("plan editor with shapes").await;
        b.screenshot(&format!("equipment-{width}-plan")).await;
        b.goto(&format!("{url}/centres/micro-centre-die/plan/view"))
            .await;
        b.check("plan view").await;

        b.close().await;
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "admin@demo.local").await;
        b.goto(&format!("{url}/admin/equipment")).await;
        b.check("standard equipment").await;
        b.goto(&format!("{url}/admin/plans")).await;
        b.check("centres' plans").await;
        b.click("table a[href$='/plan/view']").await;
        b.check("plan view (network)").await;
        b.close().await;
    }
}
