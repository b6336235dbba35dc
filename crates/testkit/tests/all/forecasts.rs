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
        let (mut c, canvas) = app.demo_canvas("participant@demo.local").await;
        let db = &app.state.db;
        let project = store::canvas::find(db, canvas)
            .await
            .unwrap()
            .unwrap()
            .project_id;
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
