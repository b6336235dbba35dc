//! A participant builds a small forecast from the canvas in a real headless Chromium: the plan
//! starts from the canvas's revenue and cost notes, the guided steps are filled in, the results
//! show, and both files download. axe-core finds no violation; nothing scrolls sideways at 360 px.
use testkit::browser::browser;
use testkit::{TestApp, TestDb};

#[tokio::test]
async fn a_small_forecast_from_the_canvas_to_the_exports() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let project = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Épicerie solidaire de la Guillotière")
        .unwrap()
        .id;
    for (width, height) in [(1280, 1000), (360, 780)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        b.goto(&format!("{url}/projects/{project}")).await;
        b.click(&format!("a[href='/projects/{project}/forecast']"))
            .await;
        if width == 1280 {
            b.check("forecast start").await;
            b.click(&format!(
                "form[action='/projects/{project}/forecast/start'] button"
            ))
            .await;
        }
        // The guided editor, step by step.
        b.goto(&format!(
            "{url}/projects/{project}/forecast/edit/assumptions"
        ))
        .await;
        b.check(&format!("assumptions {width}")).await;
        b.screenshot(&format!("forecast-assumptions-{width}")).await;
        b.fill("#f-start", "2027-01").await;
        b.fill("#f-opening-cash-cents", "5000").await;
        b.click("button[value='next']").await;
        assert!(b.path().await.ends_with("/forecast/edit/revenues"));
        b.check(&format!("revenues {width}")).await;
        b.screenshot(&format!("forecast-revenues-{width}")).await;
        // A refusal shows beside its field and keeps what was typed.
        b.fill("#f-revenues-0--name", "Ventes de meubles rénovés")
            .await;
        b.select("#f-revenues-0--kind", "sales").await;
        b.fill("#f-revenues-0--unit-price-cents", "-4").await;
        b.click("button[value='next']").await;
        assert!(
            b.text("#f-revenues-0--unit-price-cents-error")
                .await
                .contains("négatif"),
            "{width}"
        );
        b.check(&format!("refused revenues {width}")).await;
        b.fill("#f-revenues-0--unit-price-cents", "12,50").await;
        b.fill("#f-revenues-0--monthly-volume", "200").await;
        b.click("button[value='next']").await;
        assert!(
            b.path().await.ends_with("/forecast/edit/expenses"),
            "{width}"
        );
        b.goto(&format!("{url}/projects/{project}/forecast")).await;
        assert!(
            b.text("#h-fc-statement")
                .await
                .contains("Compte de résultat")
        );
        b.check(&format!("forecast results {width}")).await;
        b.screenshot(&format!("forecast-results-{width}")).await;
        b.screenshot_at(&format!("forecast-cash-{width}"), "#h-fc-cash")
            .await;
        // Both files download.
        for (file, kind) in [
            ("forecast.xlsx", "spreadsheetml"),
            ("forecast.csv", "text/csv"),
            ("business-plan.pdf", "application/pdf"),
        ] {
            let got = b
                .client
                .execute_async(
                    "const done = arguments[arguments.length - 1];\
                     fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done('error ' + e));",
                    vec![serde_json::Value::String(format!(
                        "/projects/{project}/forecast/{file}"
                    ))],
                )
                .await
                .unwrap();
            let got = got.as_str().unwrap_or("").to_string();
            assert!(
                got.starts_with("200 ") && got.contains(kind),
                "{file}: {got}"
            );
        }
        b.close().await;
    }
}

/// The holder of the demo recyclerie enters a month of actuals (a refusal first, beside its
/// field), then reads the comparison with the forecast, the flagged variances marked; the
/// versions, scenarios and narrative pages pass axe-core too, at 1280 and 360 px.
#[tokio::test]
async fn actuals_are_entered_and_compared_with_the_forecast() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let project = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .unwrap()
        .id;
    let base = format!("/projects/{project}/forecast");
    for (width, height) in [(1280, 1000), (360, 780)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.sign_in(&url, "participant@demo.local").await;
        b.goto(&format!("{url}{base}")).await;
        b.click(&format!("a[href='{base}/comparison']")).await;
        b.check(&format!("empty comparison {width}")).await;
        b.click(&format!("a[href='{base}/actuals']")).await;
        assert_eq!(b.path().await, format!("{base}/actuals"));
        b.check(&format!("actuals {width}")).await;
        b.select("#f-actual-month", "1").await;
        b.fill("#f-actual-chiffre-affaires", "1 200").await;
        b.fill("#f-actual-charges-externes", "-40").await;
        b.click(&format!(
            "form[method='post'][action='{base}/actuals'] button[type=submit]"
        ))
        .await;
        assert!(
            b.text("#f-actual-charges-externes-error")
                .await
                .contains("négatif"),
            "{width}"
        );
        b.check(&format!("refused actuals {width}")).await;
        b.fill("#f-actual-charges-externes", "1 150,40").await;
        b.fill("#f-actual-charges-personnel", "2 900").await;
        b.click(&format!(
            "form[method='post'][action='{base}/actuals'] button[type=submit]"
        ))
        .await;
        assert!(b.path().await.ends_with("/forecast/actuals"), "{width}");
        b.screenshot(&format!("forecast-actuals-{width}")).await;
        b.goto(&format!("{url}{base}/comparison")).await;
        assert!(b.text("#h-cmp-revenue").await.contains("Produits"));
        assert!(
            !b.text(".fc-flag").await.is_empty(),
            "a variance over 10 % is flagged"
        );
        b.check(&format!("comparison {width}")).await;
        b.screenshot(&format!("forecast-comparison-{width}")).await;
        for page in ["versions", "scenarios", "narrative"] {
            b.goto(&format!("{url}{base}/{page}")).await;
            b.check(&format!("{page} {width}")).await;
            b.screenshot(&format!("forecast-{page}-{width}")).await;
        }
        b.close().await;
    }
}

/// A centre's budget as its manager and as the network team, the network's summary, and the
/// comparison's threshold kept by the holder: axe-clean, nothing sideways at 360 px.
#[tokio::test]
async fn centre_budgets_and_the_kept_threshold_in_a_browser() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let project = store::projects::for_centre(&app.state.db, 1, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .unwrap()
        .id;
    for (width, height) in [(1280, 1000), (360, 780)] {
        let Some(b) = browser(width, height).await else {
            return;
        };
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!("{url}/centres/studio")).await;
        b.click("a[href='/centres/studio/forecast']").await;
        assert_eq!(b.path().await, "/centres/studio/forecast");
        b.check(&format!("centre budget {width}")).await;
        b.screenshot(&format!("centre-budget-manager-{width}"))
            .await;
        // The micro-centre's manager starts theirs from the template.
        let Some(die) = browser(width, height).await else {
            return;
        };
        die.sign_in(&url, "manager.die@demo.local").await;
        die.goto(&format!("{url}/centres/micro-centre-die/forecast"))
            .await;
        die.check(&format!("centre budget start {width}")).await;
        if width == 1280 {
            die.click("form[action='/centres/micro-centre-die/forecast/start'] button")
                .await;
            assert_eq!(die.path().await, "/centres/micro-centre-die/forecast");
            die.check("centre budget started").await;
        }

        let Some(admin) = browser(width, height).await else {
            return;
        };
        admin.sign_in(&url, "admin@demo.local").await;
        admin.goto(&format!("{url}/admin/budgets")).await;
        admin.check(&format!("centre budgets {width}")).await;
        admin
            .screenshot(&format!("centre-budgets-admin-{width}"))
            .await;
        admin.goto(&format!("{url}/centres/studio/forecast")).await;
        admin.check(&format!("centre budget admin {width}")).await;
        admin
            .screenshot(&format!("centre-budget-admin-{width}"))
            .await;

        // The holder keeps a threshold; a bad one is refused beside the field.
        let Some(holder) = browser(width, height).await else {
            return;
        };
        holder.sign_in(&url, "participant@demo.local").await;
        holder
            .goto(&format!("{url}/projects/{project}/forecast/comparison"))
            .await;
        holder.fill("#f-threshold", "beaucoup").await;
        holder.click(".fc-inline-form button[type=submit]").await;
        assert!(!holder.text("#f-threshold-error").await.is_empty());
        holder.check(&format!("threshold refused {width}")).await;
        holder
            .screenshot(&format!("threshold-refused-{width}"))
            .await;
        holder.fill("#f-threshold", "15").await;
        holder.click(".fc-inline-form button[type=submit]").await;
        assert!(holder.path().await.ends_with("/forecast/comparison"));
        holder.check(&format!("threshold kept {width}")).await;
    }
}
