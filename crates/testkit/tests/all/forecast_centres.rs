//! A centre's own budget on both databases: its managers and the network team only (another
//! centre's manager refused), started from the template, replaced by an imported file (refused
//! beside the box); the network's summary of every centre's budget; the association budget
//! (Cerfa 12156) as a PDF whose text is read back.
use axum::http::StatusCode;
use store::forecasts;
use testkit::databases;

fn statements(r: &testkit::TestResponse) -> u32 {
    r.header("x-sql-statements").unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_centre_keeps_its_own_budget_and_the_network_reads_every_centre() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let die = store::centres::find_by_slug(db, "micro-centre-die")
            .await
            .unwrap()
            .unwrap();
        assert!(forecasts::for_centre(db, die.id).await.unwrap().is_none());

        // The micro-centre's manager starts its budget from the template.
        let mut manager = app.client();
        manager.login("manager.die@demo.local", "impact-demo").await;
        let empty = manager.get("/centres/micro-centre-die/forecast").await;
        assert_eq!(empty.status, StatusCode::OK, "{backend}");
        assert!(
            empty
                .body
                .contains("/centres/micro-centre-die/forecast/start")
        );
        let started = manager
            .post("/centres/micro-centre-die/forecast/start", &[])
            .await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
        let row = forecasts::for_centre(db, die.id).await.unwrap().unwrap();
        assert_eq!(row.project_id, None);
        assert_eq!(row.name, "Budget de Micro-centre de Die");
        let plan = domain::forecast::parse(&row.document).unwrap();
        assert_eq!(
            plan.legal_form,
            domain::forecast::model::LegalForm::Association
        );
        // Started twice: still one budget.
        manager
            .post("/centres/micro-centre-die/forecast/start", &[])
            .await;
        assert_eq!(
            forecasts::for_centre(db, die.id).await.unwrap().unwrap().id,
            row.id
        );
        let page = manager.get("/centres/micro-centre-die/forecast").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(statements(&page) <= 5, "{} statements", statements(&page));
        let r = domain::forecast::compute(&plan);
        let shown = domain::format::euros(domain::Locale::Fr, r.years[0].resultat_net);
        assert!(page.body.contains(&shown), "{shown}");
        assert!(
            page.body
                .contains("/centres/micro-centre-die/forecast/cerfa-12156.pdf")
        );
        assert!(!page.body.contains("/projects/"), "no project-only link");

        // A bad file: refused beside the box, what was pasted kept, nothing saved.
        let bad = plan.to_json().replace(
            "\"opening_cash_cents\": 1500000",
            "\"opening_cash_cents\": -1",
        );
        let refused = manager
            .post(
                "/centres/micro-centre-die/forecast/import",
                &[("document", &bad)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-forecast-document-error\""));
        assert!(refused.body.contains("opening_cash_cents"));
        assert_eq!(
            forecasts::for_centre(db, die.id)
                .await
                .unwrap()
                .unwrap()
                .version,
            1
        );
        let good = plan.to_json().replace(
            "\"opening_cash_cents\": 1500000",
            "\"opening_cash_cents\": 2000000",
        );
        let saved = manager
            .post(
                "/centres/micro-centre-die/forecast/import",
                &[("document", &good)],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let row = forecasts::for_centre(db, die.id).await.unwrap().unwrap();
        assert_eq!(row.version, 2);
        let json = manager
            .get("/centres/micro-centre-die/forecast/forecast.json")
            .await;
        assert_eq!(json.body, good);

        // Another centre's manager, a coach and a participant are refused; no cross-centre read.
        let mut other = app.client();
        other.login("manager@demo.local", "impact-demo").await;
        for path in [
            "/centres/micro-centre-die/forecast",
            "/centres/micro-centre-die/forecast/forecast.json",
            "/centres/micro-centre-die/forecast/cerfa-12156.pdf",
        ] {
            let got = other.get(path).await.status;
            assert!(
                got == StatusCode::FORBIDDEN || got == StatusCode::NOT_FOUND,
                "{path}: {got}"
            );
        }
        let got = other
            .post(
                "/centres/micro-centre-die/forecast/import",
                &[("document", &good)],
            )
            .await;
        assert_eq!(got.status, StatusCode::FORBIDDEN);
        assert_eq!(
            forecasts::for_centre(db, die.id)
                .await
                .unwrap()
                .unwrap()
                .version,
            2
        );
        assert_eq!(
            other.get("/admin/budgets").await.status,
            StatusCode::FORBIDDEN
        );
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            coach.get("/centres/studio/forecast").await.status,
            StatusCode::FORBIDDEN
        );

        // The network team: every centre's headline figures in one bounded page.
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        assert_eq!(
            admin.get("/centres/micro-centre-die/forecast").await.status,
            StatusCode::OK
        );
        let summary = admin.get("/admin/budgets").await;
        assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
        assert!(
            statements(&summary) <= 5,
            "{} statements",
            statements(&summary)
        );
        assert!(summary.body.contains("Micro-centre de Die"));
        assert!(summary.body.contains("/centres/micro-centre-die/forecast"));
        let plan = domain::forecast::parse(&good).unwrap();
        let r = domain::forecast::compute(&plan);
        for y in &r.years {
            let shown = domain::format::euros(domain::Locale::Fr, y.resultat_net);
            assert!(summary.body.contains(&shown), "{shown}");
        }
        // The studio's demo budget: actuals to 02/2027, its result off the budget.
        assert!(summary.body.contains("02/2027"), "{}", summary.body);
        assert!(summary.body.contains("class=\"fc-flag\""));
    }
}

#[tokio::test]
async fn a_centre_budget_has_the_guided_editor_actuals_versions_and_exports() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let die = store::centres::find_by_slug(db, "micro-centre-die")
            .await
            .unwrap()
            .unwrap();
        let base = "/centres/micro-centre-die/forecast";
        let mut manager = app.client();
        manager.login("manager.die@demo.local", "impact-demo").await;
        manager.post(&format!("{base}/start"), &[]).await;
        let page = manager.get(base).await;
        for link in [
            "edit",
            "comparison",
            "versions",
            "narrative",
            "scenarios",
            "forecast.xlsx",
        ] {
            assert!(
                page.body.contains(&format!("{base}/{link}")),
                "{backend}: {link}"
            );
        }
        let first = manager.get(&format!("{base}/edit")).await;
        assert_eq!(
            first.location(),
            Some(format!("{base}/edit/assumptions").as_str())
        );
        let step = manager.get(&format!("{base}/edit/expenses")).await;
        assert_eq!(step.status, StatusCode::OK, "{backend}: {}", step.body);
        assert!(
            step.body
                .contains(&format!("action=\"{base}/edit/expenses\""))
        );
        assert!(statements(&step) <= 5, "{} statements", statements(&step));

        // A negative rent: refused beside its field, what was typed kept, nothing saved.
        let bad = manager
            .post(
                &format!("{base}/edit/expenses"),
                &[
                    ("version", "1"),
                    ("expenses[0].name", "Loyer"),
                    ("expenses[0].monthly_cents", "-450"),
                    ("expenses[0].start_month", "1"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(
            bad.body
                .contains("id=\"f-expenses-0--monthly-cents-error\"")
        );
        assert!(bad.body.contains("value=\"-450\""));
        assert_eq!(
            forecasts::for_centre(db, die.id)
                .await
                .unwrap()
                .unwrap()
                .version,
            1
        );
        let saved = manager
            .post(
                &format!("{base}/edit/expenses"),
                &[
                    ("version", "1"),
                    ("go", "next"),
                    ("expenses[0].name", "Loyer"),
                    ("expenses[0].monthly_cents", "450"),
                    ("expenses[0].start_month", "1"),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(
            saved.location(),
            Some(format!("{base}/edit/salaries").as_str())
        );
        let row = forecasts::for_centre(db, die.id).await.unwrap().unwrap();
        assert_eq!(row.version, 2);
        let plan = domain::forecast::parse(&row.document).unwrap();
        assert_eq!(plan.expenses.len(), 1);
        assert_eq!(plan.expenses[0].monthly_cents, 45_000);

        // Actuals of the first month, then the comparison and the history.
        let entered = manager
            .post(
                &format!("{base}/actuals"),
                &[("month", "1"), ("charges_externes", "470")],
            )
            .await;
        assert_eq!(entered.status, StatusCode::SEE_OTHER, "{}", entered.body);
        assert_eq!(
            entered.location(),
            Some(format!("{base}/actuals?month=2").as_str())
        );
        let actuals = forecasts::actuals(db, row.id).await.unwrap();
        assert_eq!(actuals.len(), 1);
        assert_eq!(actuals[0].amount_cents, 47_000);
        let comparison = manager.get(&format!("{base}/comparison")).await;
        assert_eq!(comparison.status, StatusCode::OK);
        assert!(comparison.body.contains("470,00"), "{}", comparison.body);
        let versions = manager.get(&format!("{base}/versions")).await;
        assert_eq!(versions.status, StatusCode::OK);
        assert!(
            versions
                .body
                .contains(&format!("{base}/versions/1/restore"))
        );
        let restored = manager
            .post(&format!("{base}/versions/1/restore"), &[("current", "2")])
            .await;
        assert_eq!(
            restored.location(),
            Some(format!("{base}/versions").as_str())
        );
        assert_eq!(
            forecasts::for_centre(db, die.id)
                .await
                .unwrap()
                .unwrap()
                .version,
            3
        );
        for file in ["forecast.xlsx", "forecast.csv", "business-plan.pdf"] {
            let got = manager.get(&format!("{base}/{file}")).await;
            assert_eq!(got.status, StatusCode::OK, "{file}: {}", got.body);
        }
        let csv = manager.get(&format!("{base}/forecast.csv")).await;
        assert!(
            csv.header("content-disposition")
                .unwrap()
                .contains("budget-micro-centre-die.csv")
        );

        // Another centre's manager can neither read nor change it.
        let mut other = app.client();
        other.login("manager@demo.local", "impact-demo").await;
        for path in [
            "edit/expenses",
            "actuals",
            "comparison",
            "versions",
            "scenarios",
            "forecast.xlsx",
        ] {
            assert_eq!(
                other.get(&format!("{base}/{path}")).await.status,
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
        let refused = other
            .post(
                &format!("{base}/edit/expenses"),
                &[
                    ("version", "3"),
                    ("expenses[0].name", "Loyer"),
                    ("expenses[0].monthly_cents", "1"),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(
            forecasts::for_centre(db, die.id)
                .await
                .unwrap()
                .unwrap()
                .version,
            3
        );
    }
}

#[tokio::test]
async fn the_cerfa_budget_balances_in_the_pdf() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let studio = store::centres::find_by_slug(db, "studio")
            .await
            .unwrap()
            .unwrap();
        let row = forecasts::for_centre(db, studio.id).await.unwrap().unwrap();
        let plan = domain::forecast::parse(&row.document).unwrap();
        let b = domain::forecast::cerfa::budget(&plan, &domain::forecast::compute(&plan));
        assert_eq!(b.total_charges, b.total_produits);
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let pdf = manager
            .get("/centres/studio/forecast/cerfa-12156.pdf")
            .await;
        assert_eq!(pdf.status, StatusCode::OK, "{backend}: {}", pdf.body);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains("Cerfa"), "{text}");
            assert!(text.contains("Total des charges"));
            assert!(text.contains("Personnel bénévole"));
            let euros = |c| {
                domain::format::euros(domain::Locale::Fr, c)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let total = euros(b.total_charges);
            assert!(text.matches(&total).count() >= 2, "{total} twice in {text}");
            assert!(text.contains(&euros(b.grand_total_charges())));
            assert!(text.contains(&euros(960_000)), "the volunteers' 9 600,00 €");
        }
        // A project's forecast has its Cerfa budget too.
        let project = store::projects::for_centre(db, studio.id, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "La Recyclerie des Pentes")
            .unwrap()
            .id;
        let mut holder = app.client();
        holder.login("participant@demo.local", "impact-demo").await;
        let page = holder.get(&format!("/projects/{project}/forecast")).await;
        assert!(
            page.body
                .contains(&format!("/projects/{project}/forecast/cerfa-12156.pdf"))
        );
        let pdf = holder
            .get(&format!("/projects/{project}/forecast/cerfa-12156.pdf"))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains("Subventions d"), "{text}");
        }
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            other
                .get(&format!("/projects/{project}/forecast/cerfa-12156.pdf"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}
