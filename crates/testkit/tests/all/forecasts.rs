//! Forecasts: storage on both backends (one per project and per centre, versions, scenarios).
use store::StoreError;
use store::forecasts::{self, NewForecast};
use testkit::databases;

const PLAN: &str = include_str!("../../../domain/tests/fixtures/forecasts/recyclerie.json");

#[tokio::test]
async fn a_forecast_per_project_and_per_centre_with_versions_and_scenarios() {
    for t in databases().await {
        let db = &t.db;
        let centre = store::centres::create(
            db,
            &store::centres::NewCentre {
                slug: "c",
                name: "C",
                kind: "studio",
                town: "",
            },
        )
        .await
        .unwrap();
        let project = store::projects::create(
            db,
            &store::projects::NewProject {
                centre_id: centre,
                name: "Recyclerie",
                stage: "idea",
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
        let plan = domain::forecast::parse(PLAN).unwrap().to_json();
        let new = NewForecast {
            centre_id: centre,
            project_id: Some(project),
            name: "Recyclerie du Diois",
            document: &plan,
            created_by: None,
        };
        let id = forecasts::create(db, &new).await.unwrap();
        assert!(
            matches!(
                forecasts::create(db, &new).await,
                Err(StoreError::Duplicate)
            ),
            "{}",
            t.backend
        );
        // The centre's own budget is another forecast, one per centre.
        let own = NewForecast {
            project_id: None,
            name: "Budget du centre",
            ..new
        };
        let budget = forecasts::create(db, &own).await.unwrap();
        assert_ne!(budget, id);
        assert!(matches!(
            forecasts::create(db, &own).await,
            Err(StoreError::Duplicate)
        ));
        assert_eq!(
            forecasts::for_centre(db, centre).await.unwrap().unwrap().id,
            budget
        );
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        assert_eq!((row.id, row.version), (id, 1));
        assert_eq!(row.document, plan);
        assert_eq!(
            domain::forecast::parse(&row.document).unwrap().to_json(),
            plan
        );

        // A save from version 1 makes version 2; a second save from 1 is stale.
        let mut changed = domain::forecast::parse(&plan).unwrap();
        changed.opening_cash_cents = 500_000;
        let v2 = changed.to_json();
        assert_eq!(
            forecasts::save(db, id, 1, &v2, "Apport ajouté", None)
                .await
                .unwrap(),
            2
        );
        match forecasts::save(db, id, 1, &plan, "", None).await {
            Err(StoreError::Stale(current)) => assert_eq!(current.version, 2),
            other => panic!("{}: {other:?}", t.backend),
        }
        assert!(matches!(
            forecasts::save(db, 999_999, 1, &plan, "", None).await,
            Err(StoreError::NotFound)
        ));
        let row = forecasts::find(db, id).await.unwrap().unwrap();
        assert_eq!((row.version, row.document.as_str()), (2, v2.as_str()));
        let versions = forecasts::versions(db, id).await.unwrap();
        assert_eq!(
            versions
                .iter()
                .map(|v| (v.version, v.note.as_str()))
                .collect::<Vec<_>>(),
            vec![(2, "Apport ajouté"), (1, "")]
        );
        assert_eq!(forecasts::version(db, id, 1).await.unwrap().unwrap(), plan);

        // Scenarios: the defaults, then one changed.
        let codes: Vec<_> = forecasts::scenarios(db, id)
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.code, s.volume_bp, s.cost_bp))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("pessimistic".to_string(), 8_000, 10_500),
                ("realistic".to_string(), 10_000, 10_000),
                ("optimistic".to_string(), 12_000, 10_000)
            ]
        );
        forecasts::set_scenario(db, id, "pessimistic", 7_000, 11_000)
            .await
            .unwrap();
        assert_eq!(
            forecasts::scenarios(db, id).await.unwrap()[0].volume_bp,
            7_000
        );
        forecasts::set_narrative(db, id, "Une recyclerie pour le Diois.")
            .await
            .unwrap();
        assert_eq!(
            forecasts::find(db, id).await.unwrap().unwrap().narrative,
            "Une recyclerie pour le Diois."
        );
    }
}

/// The participant's project page → forecast started from the canvas → import refused whole
/// (the field named) → import saved → the exports give the plan and its figures back.
#[tokio::test]
async fn a_forecast_is_started_from_the_canvas_imported_and_exported() {
    use axum::http::StatusCode;
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let (mut c, _) = app.demo_canvas("participant@demo.local").await;
        let db = &app.state.db;
        // The recyclerie ships with its forecast (demo data); the épicerie starts from its canvas.
        let project = store::projects::for_centre(db, 1, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Épicerie solidaire de la Guillotière")
            .unwrap()
            .id;
        let canvas = store::canvas::for_project(db, project).await.unwrap()[0].id;
        let added = c
            .post(
                &format!("/api/canvases/{canvas}/items"),
                &[
                    ("block", "revenue_streams"),
                    ("text", "Ventes de meubles rénovés"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
        let path = format!("/projects/{project}/forecast");

        let page = c.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(page.body.contains(&format!("action=\"{path}/start\"")));
        let show = c.get(&format!("/projects/{project}")).await;
        assert!(show.body.contains(&format!("href=\"{path}\"")));

        let started = c.post(&format!("{path}/start"), &[]).await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        let draft = domain::forecast::parse(&row.document).unwrap();
        assert!(
            draft
                .revenues
                .iter()
                .any(|r| r.name == "Ventes de meubles rénovés"),
            "{:?}",
            draft.revenues
        );
        let page = c.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Plan de trésorerie sur 36 mois"));
        let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
        assert!(statements <= 5, "{statements} statements");

        // A bad file: refused whole, the field named beside the box, what was pasted kept.
        let bad = PLAN.replace("\"unit_price_cents\": 650", "\"unit_price_cents\": -650");
        let refused = c
            .post(&format!("{path}/import"), &[("document", &bad)])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("revenues[0].unit_price_cents"),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("ne peut pas être négatif"));
        assert!(refused.body.contains("aria-invalid=\"true\""));
        assert!(refused.body.contains("-650"));
        assert_eq!(
            forecasts::for_project(db, project)
                .await
                .unwrap()
                .unwrap()
                .version,
            1
        );

        let saved = c
            .post(&format!("{path}/import"), &[("document", PLAN)])
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let page = c.get(&path).await;
        let plan = domain::forecast::parse(PLAN).unwrap();
        let result = domain::forecast::compute(&plan);
        for cents in [
            result.years[0].chiffre_affaires,
            result.years[2].resultat_net,
            result.cash[35],
        ] {
            let shown = domain::format::euros(domain::Locale::Fr, cents);
            assert!(page.body.contains(&shown), "{shown} missing");
        }
        assert!(page.body.contains("Ta trésorerie passe sous zéro"));
        assert!(page.body.contains("<svg class=\"fc-chart\""));

        let json = c.get(&format!("{path}/forecast.json")).await;
        assert_eq!(json.status, StatusCode::OK);
        assert_eq!(json.body, plan.to_json());
        assert_eq!(domain::forecast::parse(&json.body).unwrap(), plan);
        let csv = c.get(&format!("{path}/forecast.csv")).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body
                .contains("compte_de_resultat,chiffre_affaires,30680.00,"),
            "{}",
            csv.body
        );
        let xlsx = c.get(&format!("{path}/forecast.xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx.bytes.starts_with(b"PK"));
        let started = std::time::Instant::now();
        let pdf = c.get(&format!("{path}/business-plan.pdf")).await;
        eprintln!(
            "business plan PDF: {} bytes in {:?}",
            pdf.bytes.len(),
            started.elapsed()
        );
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.bytes.starts_with(b"%PDF"));
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            let flat = |s: &str| s.replace(['\u{a0}', '\u{202f}'], " ");
            let text = flat(&text);
            for cents in [
                result.years[0].chiffre_affaires,
                result.years[2].resultat_net,
                result.cash[35],
            ] {
                let shown = flat(&domain::format::euros(domain::Locale::Fr, cents));
                assert!(text.contains(&shown), "{shown} missing from the PDF");
            }
            for words in [
                "Compte de résultat prévisionnel",
                "Plan de financement",
                "Ventes de meubles rénovés",
            ] {
                assert!(text.contains(words), "{words} missing from the PDF");
            }
        }
        assert!(csv.body.contains(&format!(
            "tresorerie,mois_36,{}.{:02}",
            result.cash[35] / 100,
            (result.cash[35] % 100).abs()
        )));

        // Someone outside the project finds nothing; nobody signed out gets in.
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            other
                .post(&format!("{path}/import"), &[("document", PLAN)])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let mut anonymous = app.client();
        assert_ne!(
            anonymous.get(&format!("{path}/forecast.json")).await.status,
            StatusCode::OK
        );
    }
}

/// The guided editor: a step refused beside its field with what was typed kept and nothing
/// saved; then saved whole, blank rows left out, and the next step offered.
#[tokio::test]
async fn the_guided_editor_saves_a_step_whole_or_not_at_all() {
    use axum::http::StatusCode;
    let t = testkit::TestDb::sqlite().await;
    let app = testkit::TestApp::with_demo(t).await;
    let (mut c, _) = app.demo_canvas("participant@demo.local").await;
    let db = &app.state.db;
    let project = store::projects::for_centre(db, 1, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Épicerie solidaire de la Guillotière")
        .unwrap()
        .id;
    let base = format!("/projects/{project}/forecast");
    let started = c.post(&format!("{base}/start"), &[]).await;
    assert_eq!(
        started.location(),
        Some(format!("{base}/edit/assumptions").as_str())
    );
    let page = c.get(&format!("{base}/edit/assumptions")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Hypothèses"));
    let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
    assert!(statements <= 5, "{statements} statements");
    let page = c.get(&format!("{base}/edit/revenues")).await;
    assert!(page.body.contains("name=\"revenues[0].unit_price_cents\""));

    let bad = c
        .post(
            &format!("{base}/edit/revenues"),
            &[
                ("version", "1"),
                ("revenues[0].name", "Ventes boutique"),
                ("revenues[0].kind", "sales"),
                ("revenues[0].unit_price_cents", "-6,50"),
                ("revenues[0].monthly_volume", "300"),
                ("revenues[1].name", ""),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(
        bad.body
            .contains("id=\"f-revenues-0--unit-price-cents-error\""),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("ne peut pas être négatif"));
    assert!(bad.body.contains("value=\"-6,50\""));
    assert_eq!(
        forecasts::for_project(db, project)
            .await
            .unwrap()
            .unwrap()
            .version,
        1
    );

    let unreadable = c
        .post(
            &format!("{base}/edit/revenues"),
            &[
                ("version", "1"),
                ("revenues[0].name", "Ventes boutique"),
                ("revenues[0].kind", "sales"),
                ("revenues[0].unit_price_cents", "six euros"),
                ("revenues[0].monthly_volume", "300"),
            ],
        )
        .await;
    assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unreadable.body.contains("Indique un montant en euros"));

    let saved = c
        .post(
            &format!("{base}/edit/revenues"),
            &[
                ("version", "1"),
                ("go", "next"),
                ("revenues[0].name", ""),
                ("revenues[1].name", "Ventes boutique"),
                ("revenues[1].kind", "sales"),
                ("revenues[1].unit_price_cents", "6,50"),
                (
                    "revenues[1].monthly_volume",
                    "300 320 350 380 400 420 380 300 420 450 480 520",
                ),
                ("revenues[1].growth_bp", "15"),
                ("revenues[1].variable_cost_bp", "10"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.location(),
        Some(format!("{base}/edit/expenses").as_str())
    );
    let row = forecasts::for_project(db, project).await.unwrap().unwrap();
    assert_eq!(row.version, 2);
    let plan = domain::forecast::parse(&row.document).unwrap();
    assert_eq!(plan.revenues.len(), 1);
    assert_eq!(plan.revenues[0].unit_price_cents, 650);
    assert_eq!(plan.revenues[0].growth_bp, 1_500);
    let example = domain::forecast::parse(PLAN).unwrap();
    assert_eq!(
        plan.revenues[0].monthly_volume,
        example.revenues[0].monthly_volume
    );

    // The same form from version 1 again: someone saved meanwhile.
    let stale = c
        .post(
            &format!("{base}/edit/assumptions"),
            &[
                ("version", "1"),
                ("name", "Recyclerie"),
                ("start", "2027-01"),
                ("legal_form", "association"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER);
    assert_eq!(
        forecasts::for_project(db, project)
            .await
            .unwrap()
            .unwrap()
            .version,
        2
    );
    let bad_start = c
        .post(
            &format!("{base}/edit/assumptions"),
            &[
                ("version", "2"),
                ("name", "Recyclerie"),
                ("start", "janvier"),
                ("legal_form", "association"),
            ],
        )
        .await;
    assert_eq!(bad_start.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_start.body.contains("id=\"f-start-error\""));
    assert!(bad_start.body.contains("value=\"janvier\""));
}

/// The workbook reopened by a reader: one sheet per statement, formulas for the balances and the
/// month-end cash, and the computed values cached beside them.
#[tokio::test]
async fn the_xlsx_holds_live_formulas_and_the_computed_values() {
    use calamine::{Data, Reader, Xlsx};
    let plan = domain::forecast::parse(PLAN).unwrap();
    let result = domain::forecast::compute(&plan);
    let started = std::time::Instant::now();
    let bytes = web::forecasts::xlsx::workbook(&plan, &result, &[]).unwrap();
    eprintln!("xlsx: {} bytes in {:?}", bytes.len(), started.elapsed());
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec![
            "Compte de résultat",
            "Plan de financement",
            "Trésorerie",
            "Prêts"
        ]
    );
    let euros = |cents: i64| cents as f64 / 100.0;
    let values = book.worksheet_range("Compte de résultat").unwrap();
    let formulas = book.worksheet_formula("Compte de résultat").unwrap();
    let at = |r: &calamine::Range<Data>, row: u32, col: u32| match r.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("({row}, {col}): {other:?}"),
    };
    let formula_at = |row: u32, col: u32| -> String {
        formulas.get_value((row, col)).cloned().unwrap_or_default()
    };
    // Chiffre d'affaires (row 2) a value; marge (row 6) and résultat net (row 19) formulas.
    assert_eq!(at(&values, 1, 1), euros(result.years[0].chiffre_affaires));
    assert_eq!(formula_at(5, 1), "B2-B5");
    assert_eq!(at(&values, 5, 1), euros(result.years[0].marge));
    assert_eq!(formula_at(18, 3), "D17-D18");
    assert_eq!(at(&values, 18, 3), euros(result.years[2].resultat_net));
    let cash = book.worksheet_range("Trésorerie").unwrap();
    let cash_formulas = book.worksheet_formula("Trésorerie").unwrap();
    assert_eq!(
        cash_formulas
            .get_value((36, 11))
            .cloned()
            .unwrap_or_default(),
        "L36+B37-C37-D37-E37-F37-G37+H37-I37-J37-K37"
    );
    for (i, c) in result.cash.iter().enumerate() {
        assert_eq!(at(&cash, i as u32 + 1, 11), euros(*c), "month {}", i + 1);
    }
    let plan_sheet = book.worksheet_formula("Plan de financement").unwrap();
    assert_eq!(
        plan_sheet.get_value((10, 1)).cloned().unwrap_or_default(),
        "B10-B5"
    );
}

/// The demo recyclerie ships with a 3-year forecast: its page shows the figures, with no
/// lender's warning, and its business plan tells the story written with it.
#[tokio::test]
async fn the_demo_recyclerie_has_a_forecast_and_a_business_plan() {
    use axum::http::StatusCode;
    for t in databases().await {
        let app = testkit::TestApp::with_demo(t).await;
        let (mut c, _) = app.demo_canvas("participant@demo.local").await;
        let db = &app.state.db;
        let project = store::projects::for_centre(db, 1, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "La Recyclerie des Pentes")
            .unwrap()
            .id;
        let row = forecasts::for_project(db, project).await.unwrap().unwrap();
        let result = domain::forecast::compute(&domain::forecast::parse(&row.document).unwrap());
        assert!(result.cash.iter().all(|c| *c >= 0), "{:?}", result.cash);
        assert!(result.warnings.is_empty(), "{:?}", result.warnings);
        let path = format!("/projects/{project}/forecast");
        let page = c.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        let ca = domain::format::euros(domain::Locale::Fr, result.years[0].chiffre_affaires);
        assert!(page.body.contains(&ca), "{ca}");
        let started = std::time::Instant::now();
        let pdf = c.get(&format!("{path}/business-plan.pdf")).await;
        eprintln!(
            "demo business plan PDF: {} bytes in {:?}",
            pdf.bytes.len(),
            started.elapsed()
        );
        assert_eq!(pdf.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains("Le projet raconté"));
            assert!(text.contains("Croix-Rousse"));
            assert!(text.contains("Le projet en bref"));
        }
    }
}
