//! Actuals of a forecast on both databases: a month entered (refused whole beside its field,
//! saved whole), a bank export imported (refused at its line, or replacing the months it
//! covers), the comparison page's variances and flags, and the exports carrying the comparison.
use axum::http::StatusCode;
use domain::forecast::actuals::Category;
use store::forecasts;
use testkit::databases;

async fn recyclerie(db: &store::Db) -> i64 {
    store::projects::for_centre(db, 1, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .unwrap()
        .id
}

#[tokio::test]
async fn actuals_are_stored_by_month_and_replaced_whole() {
    for t in databases().await {
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let project = recyclerie(db).await;
        let id = forecasts::for_project(db, project)
            .await
            .unwrap()
            .unwrap()
            .id;
        forecasts::set_actuals(
            db,
            id,
            &[1, 2],
            &[
                (1, "chiffre_affaires", 100),
                (2, "achats", 20),
                (2, "chiffre_affaires", 5),
            ],
            None,
        )
        .await
        .unwrap();
        forecasts::set_actuals(db, id, &[2], &[(2, "charges_externes", 7)], None)
            .await
            .unwrap();
        let got: Vec<_> = forecasts::actuals(db, id)
            .await
            .unwrap()
            .into_iter()
            .map(|a| (a.month, a.category, a.amount_cents))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "chiffre_affaires".to_string(), 100),
                (2, "charges_externes".to_string(), 7)
            ]
        );
    }
}

#[tokio::test]
async fn a_holder_enters_actuals_and_compares_them_with_the_forecast() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let project = recyclerie(db).await;
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        let result = domain::forecast::compute(&domain::forecast::parse(&row.document).unwrap());
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let path = format!("/projects/{project}/forecast");

        let page = c.get(&format!("{path}/actuals")).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
        assert!(statements <= 5, "{statements} statements");
        let empty = c.get(&format!("{path}/comparison")).await;
        assert_eq!(empty.status, StatusCode::OK);
        assert!(empty.body.contains("Aucun mois n"), "{}", empty.body);

        // A refusal: nothing saved, the error beside its field, what was typed kept.
        let refused = c
            .post(
                &format!("{path}/actuals"),
                &[
                    ("month", "1"),
                    ("chiffre_affaires", "3 100,50"),
                    ("charges_externes", "-12"),
                    ("achats", "douze"),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused
                .body
                .contains("id=\"f-actual-charges-externes-error\"")
        );
        assert!(refused.body.contains("id=\"f-actual-achats-error\""));
        assert!(refused.body.contains("value=\"3 100,50\""));
        assert!(refused.body.contains("value=\"douze\""));
        assert!(forecasts::actuals(db, row.id).await.unwrap().is_empty());
        let refused = c
            .post(
                &format!("{path}/actuals"),
                &[("month", "37"), ("achats", "1")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-actual-month-error\""));

        // Month 1 as forecast but 20 % less revenue; month 2 exactly as forecast.
        let m = &result.monthly;
        let forecast_revenue =
            |i: usize| m.chiffre_affaires[i] + m.subventions_exploitation[i] + m.autres_produits[i];
        let euros = |cents: i64| format!("{},{:02}", cents / 100, cents % 100);
        for (month, revenue_cents) in [
            (1usize, forecast_revenue(0) * 8 / 10),
            (2, forecast_revenue(1)),
        ] {
            let i = month - 1;
            let fields = [
                ("month", month.to_string()),
                (
                    "chiffre_affaires",
                    euros(revenue_cents - m.subventions_exploitation[i] - m.autres_produits[i]),
                ),
                (
                    "subventions_exploitation",
                    euros(m.subventions_exploitation[i]),
                ),
                ("autres_produits", euros(m.autres_produits[i])),
                ("achats", euros(m.achats[i])),
                ("charges_externes", euros(m.charges_externes[i])),
                (
                    "charges_personnel",
                    euros(m.salaires[i] + m.charges_sociales[i]),
                ),
            ];
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let saved = c.post(&format!("{path}/actuals"), &fields).await;
            assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
            assert_eq!(
                saved.header("location"),
                Some(format!("{path}/actuals?month={}", month + 1).as_str())
            );
        }
        let stored = forecasts::actuals(db, row.id).await.unwrap();
        assert!(stored.iter().all(|a| a.month <= 2));
        assert_eq!(
            stored
                .iter()
                .filter(|a| a.month == 2 && a.category == Category::ChargesPersonnel.code())
                .map(|a| a.amount_cents)
                .sum::<i64>(),
            m.salaires[1] + m.charges_sociales[1]
        );

        let page = c.get(&format!("{path}/comparison")).await;
        assert_eq!(page.status, StatusCode::OK);
        let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
        assert!(statements <= 5, "{statements} statements");
        // Month 1: −20,0 % on revenue, flagged at the 10 % default; the cumul too.
        assert!(page.body.contains("−20,0\u{a0}%"), "{}", page.body);
        assert!(page.body.contains("class=\"fc-flag\""));
        let shown = domain::format::euros(domain::Locale::Fr, forecast_revenue(0));
        assert!(page.body.contains(&shown), "{shown}");
        // At a 200 % threshold nothing is flagged; a bad threshold is refused beside its field.
        let wide = c.get(&format!("{path}/comparison?threshold=200")).await;
        assert!(!wide.body.contains("class=\"fc-flag\""), "{}", wide.body);
        let bad = c.get(&format!("{path}/comparison?threshold=abc")).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-threshold-error\""));
        assert!(bad.body.contains("value=\"abc\""));

        // The exports carry the comparison.
        let csv = c.get(&format!("{path}/forecast.csv")).await;
        assert!(
            csv.body.contains("comparaison,produits_mois_1,") && csv.body.contains(",-20.00\n"),
            "{}",
            csv.body
        );
        let xlsx = c.get(&format!("{path}/forecast.xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
        use calamine::{DataType, Reader};
        let formulas = book.worksheet_formula("Prévu et réalisé").unwrap();
        let formula = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
        assert_eq!(formula(1, 3), "C2-B2");
        assert_eq!(formula(2, 13), "SUM(K$2:K3)");
        let values = book.worksheet_range("Prévu et réalisé").unwrap();
        let value = values.get_value((1, 1)).and_then(|v| v.as_f64()).unwrap();
        assert!((value * 100.0 - forecast_revenue(0) as f64).abs() < 0.5);

        // A bank export: refused at its line with what was pasted kept, then imported.
        let bad = "Date;Libellé;Montant\n05/03/2027;Vente;12,5\n07/03/2027;Loyer;-9OO\n";
        let refused = c
            .post(&format!("{path}/actuals/import"), &[("csv", bad)])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Ligne 3"), "{}", refused.body);
        assert!(refused.body.contains("-9OO"));
        assert!(
            forecasts::actuals(db, row.id)
                .await
                .unwrap()
                .iter()
                .all(|a| a.month <= 2)
        );
        let good = "Date;Libellé;Montant;Catégorie\n05/03/2027;Ventes boutique;1 250,00;\n\
                    07/03/2027;Loyer mars;-900,00;\n28/03/2027;Salaires;-2 940,00;charges_personnel\n";
        let imported = c
            .post(&format!("{path}/actuals/import"), &[("csv", good)])
            .await;
        assert_eq!(imported.status, StatusCode::SEE_OTHER, "{}", imported.body);
        let month3: Vec<_> = forecasts::actuals(db, row.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|a| a.month == 3)
            .map(|a| (a.category, a.amount_cents))
            .collect();
        assert_eq!(
            month3,
            vec![
                ("charges_externes".to_string(), 90_000),
                ("charges_personnel".to_string(), 294_000),
                ("chiffre_affaires".to_string(), 125_000)
            ]
        );

        // The coach following the project holds the pen too; another centre's manager finds
        // nothing.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            coach.get(&format!("{path}/comparison")).await.status,
            StatusCode::OK
        );
        assert_eq!(
            coach.get(&format!("{path}/actuals")).await.status,
            StatusCode::OK
        );
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            other.get(&format!("{path}/comparison")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            other
                .post(
                    &format!("{path}/actuals"),
                    &[("month", "1"), ("achats", "1")]
                )
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn the_variance_threshold_is_kept_with_the_forecast() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let project = recyclerie(db).await;
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        assert_eq!(
            row.variance_threshold_bp, 1_000,
            "{backend}: 10 % by default"
        );
        let result = domain::forecast::compute(&domain::forecast::parse(&row.document).unwrap());
        let m = &result.monthly;
        // Month 1's revenue 20 % under the forecast.
        let revenue =
            (m.chiffre_affaires[0] + m.subventions_exploitation[0] + m.autres_produits[0]) * 8 / 10;
        forecasts::set_actuals(db, row.id, &[1], &[(1, "chiffre_affaires", revenue)], None)
            .await
            .unwrap();
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let path = format!("/projects/{project}/forecast");
        let page = c.get(&format!("{path}/comparison")).await;
        // The revenue's −20,0 % is flagged at 10 %.
        let flagged_revenue = "<strong class=\"fc-flag\">−20,0\u{a0}%";
        assert!(
            page.body.contains(flagged_revenue),
            "{backend}: {}",
            page.body
        );
        assert!(page.body.contains("method=\"post\""));

        // A bad threshold: refused beside its field, what was typed kept, nothing saved.
        for bad in ["vingt", "-5", "1 001", ""] {
            let refused = c
                .post(&format!("{path}/comparison"), &[("threshold", bad)])
                .await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            assert!(refused.body.contains("id=\"f-threshold-error\""));
            assert!(refused.body.contains(&format!("value=\"{bad}\"")));
        }
        let kept = forecasts::find(db, row.id).await.unwrap().unwrap();
        assert_eq!(kept.variance_threshold_bp, 1_000);

        // Kept at 25 %: the revenue's 20 % gap is no longer flagged.
        let saved = c
            .post(&format!("{path}/comparison"), &[("threshold", "25")])
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let kept = forecasts::find(db, row.id).await.unwrap().unwrap();
        assert_eq!(kept.variance_threshold_bp, 2_500);
        let page = c.get(&format!("{path}/comparison")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("−20,0\u{a0}%"));
        assert!(!page.body.contains(flagged_revenue), "{}", page.body);
        assert!(page.body.contains("value=\"25\""), "{}", page.body);
        let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
        assert!(statements <= 5, "{statements} statements");
        // Another threshold tried in the address is not kept.
        let tried = c.get(&format!("{path}/comparison?threshold=5")).await;
        assert!(tried.body.contains(flagged_revenue));
        assert_eq!(
            forecasts::find(db, row.id)
                .await
                .unwrap()
                .unwrap()
                .variance_threshold_bp,
            2_500
        );
        // The exchange format has no place for it: the JSON export leaves it out.
        let json = c.get(&format!("{path}/forecast.json")).await;
        assert!(!json.body.contains("threshold"), "{}", json.body);

        // Another centre's manager can neither see nor change it.
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        let refused = other
            .post(&format!("{path}/comparison"), &[("threshold", "90")])
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
    }
}
