//! A forecast's versions (who, when, two side by side, restore), its scenarios' shares and its
//! narrative, edited on pages, on both databases; refusals beside the field, nothing saved.
use axum::http::StatusCode;
use store::forecasts;
use testkit::databases;

#[tokio::test]
async fn versions_are_listed_compared_and_restored() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let project = store::projects::for_centre(db, 1, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "La Recyclerie des Pentes")
            .unwrap()
            .id;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let path = format!("/projects/{project}/forecast");
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        let v1 = domain::forecast::parse(&row.document).unwrap();
        // Version 2 from the guided editor: more opening cash.
        let saved = c
            .post(
                &format!("{path}/edit/assumptions"),
                &[
                    ("version", "1"),
                    ("name", &v1.name),
                    ("start", "2027-01"),
                    ("legal_form", "association"),
                    ("vat_regime", "none"),
                    ("opening_cash_cents", "8000"),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let r1 = domain::forecast::compute(&v1);
        let mut v2 = v1.clone();
        v2.opening_cash_cents = 800_000;
        let r2 = domain::forecast::compute(&v2);

        let page = c.get(&format!("{path}/versions")).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
        assert!(statements <= 5, "{statements} statements");
        assert!(page.body.contains("Paul Porteur"), "{}", page.body);
        assert!(
            page.body.contains("étape «\u{a0}Hypothèses\u{a0}»"),
            "{}",
            page.body
        );
        // Version 1 against version 2: the cash at the end of year 1 moves by 5 000 €.
        for cents in [r1.cash[11], r2.cash[11]] {
            let shown = domain::format::euros(domain::Locale::Fr, cents);
            assert!(page.body.contains(&shown), "{shown}");
        }
        let change = format!(
            "+{}",
            domain::format::euros(domain::Locale::Fr, r2.cash[11] - r1.cash[11])
        );
        assert!(page.body.contains(&change), "{change}");
        assert!(
            page.body
                .contains(&format!("action=\"{path}/versions/1/restore\""))
        );
        // Two chosen versions (out-of-range numbers fall back to the default pair).
        let chosen = c.get(&format!("{path}/versions?a=2&b=1")).await;
        assert_eq!(chosen.status, StatusCode::OK);
        let odd = c.get(&format!("{path}/versions?a=99&b=x")).await;
        assert_eq!(odd.status, StatusCode::OK);

        // Restore version 1: a version 3 holding version 1's plan.
        let restored = c
            .post(&format!("{path}/versions/1/restore"), &[("current", "2")])
            .await;
        assert_eq!(restored.status, StatusCode::SEE_OTHER);
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        assert_eq!(row.version, 3);
        assert_eq!(domain::forecast::parse(&row.document).unwrap(), v1);
        assert_eq!(
            forecasts::versions(db, row.id).await.unwrap()[0].note,
            "restore:1"
        );
        // From a stale page: nothing saved.
        let stale = c
            .post(&format!("{path}/versions/2/restore"), &[("current", "2")])
            .await;
        assert_eq!(stale.status, StatusCode::SEE_OTHER);
        assert_eq!(
            forecasts::for_project(db, project)
                .await
                .unwrap()
                .unwrap()
                .version,
            3
        );

        // Another centre's manager finds nothing.
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            other.get(&format!("{path}/versions")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            other
                .post(&format!("{path}/versions/1/restore"), &[("current", "3")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn scenarios_and_the_narrative_are_edited_on_pages() {
    for t in databases().await {
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let project = store::projects::for_centre(db, 1, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "La Recyclerie des Pentes")
            .unwrap()
            .id;
        let id = forecasts::for_project(db, project)
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let path = format!("/projects/{project}/forecast");

        let page = c.get(&format!("{path}/scenarios")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("value=\"80\""), "{}", page.body);
        let refused = c
            .post(
                &format!("{path}/scenarios"),
                &[
                    ("pessimistic_volume", "70"),
                    ("pessimistic_cost", "900"),
                    ("optimistic_volume", "beaucoup"),
                    ("optimistic_cost", "100"),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-pessimistic-cost-error\""));
        assert!(refused.body.contains("id=\"f-optimistic-volume-error\""));
        assert!(refused.body.contains("value=\"beaucoup\""));
        assert!(!refused.body.contains("id=\"f-pessimistic-volume-error\""));
        assert_eq!(
            forecasts::scenarios(db, id).await.unwrap()[0].volume_bp,
            8_000
        );
        let saved = c
            .post(
                &format!("{path}/scenarios"),
                &[
                    ("pessimistic_volume", "70"),
                    ("pessimistic_cost", "110,5"),
                    ("optimistic_volume", "125"),
                    ("optimistic_cost", "100"),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let got: Vec<_> = forecasts::scenarios(db, id)
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.code, s.volume_bp, s.cost_bp))
            .collect();
        assert_eq!(
            got,
            vec![
                ("pessimistic".to_string(), 7_000, 11_050),
                ("realistic".to_string(), 10_000, 10_000),
                ("optimistic".to_string(), 12_500, 10_000)
            ]
        );

        // The narrative: too long is refused with what was typed; saved, the PDF shows it.
        let long = "é".repeat(20_001);
        let refused = c
            .post(&format!("{path}/narrative"), &[("narrative", &long)])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-narrative-error\""));
        let text = "Une recyclerie de quartier.\n\n## Le marché local\nLes habitants donnent.\n- Meubles\n- Vaisselle";
        let saved = c
            .post(&format!("{path}/narrative"), &[("narrative", text)])
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert_eq!(
            forecasts::find(db, id).await.unwrap().unwrap().narrative,
            text
        );
        let page = c.get(&format!("{path}/narrative")).await;
        assert!(page.body.contains("## Le marché local"));
        let pdf = c.get(&format!("{path}/business-plan.pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains("Le marché local"));
            assert!(text.contains("Vaisselle"));
        }

        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            other.get(&format!("{path}/scenarios")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            other
                .post(&format!("{path}/narrative"), &[("narrative", "x")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}
