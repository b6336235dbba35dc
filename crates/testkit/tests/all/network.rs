//! The network dashboard on both databases: every centre's figures of a year in one read
//! (an invoice, a credit note and two survey answers move exactly their figures), the page
//! with the centres side by side, the share of the forecast and the pilot's months drawn, a
//! bad year falling back to the current one, the network team's only.
use axum::http::StatusCode;
use testkit::{TestApp, databases};

async fn exec(app: &TestApp, sql: &str, a: i64, b: i64) {
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query(sql).bind(a).bind(b).execute(p).await.map(|_| ()),
        store::Db::Postgres(p) => sqlx::query(sql).bind(a).bind(b).execute(p).await.map(|_| ()),
    }
    .unwrap();
}

fn period(app: &TestApp) -> store::network::Period {
    let year = domain::time_zone::to_paris(app.now()).year();
    let at = |y: i32| {
        domain::time_zone::from_paris(time::PrimitiveDateTime::new(
            time::Date::from_calendar_date(y, time::Month::January, 1).unwrap(),
            time::Time::MIDNIGHT,
        ))
        .unwrap()
    };
    store::network::Period {
        year,
        from: at(year),
        to: at(year + 1),
    }
}

async fn figures(app: &TestApp, centre: i64) -> store::network::CentreFigures {
    store::network::centre_figures(&app.state.db, &period(app))
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.centre_id == centre)
        .unwrap()
}

#[tokio::test]
async fn the_centres_side_by_side_and_the_pilot_over_time() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let studio = store::centres::find_by_slug(&db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let die = store::centres::find_by_slug(&db, "micro-centre-die")
            .await
            .unwrap()
            .unwrap()
            .id;
        let before = figures(&app, studio).await;
        let other_before = figures(&app, die).await;

        // 1 000 € invoiced, 200 € credited: 800 € more.
        let issued = store::invoices::issue(
            &db,
            &store::invoices::NewInvoice {
                centre_id: studio,
                buyer: store::invoices::Buyer {
                    name: "Coopérative Test".into(),
                    ..Default::default()
                },
                lines: vec![domain::invoice::Line {
                    label: "Accompagnement".into(),
                    quantity_milli: 1000,
                    unit_price_cents: 100_000,
                    vat_rate_bp: 0,
                }],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        store::invoices::issue_credit_note(
            &db,
            issued.id,
            &store::invoices::Credit::Amount(20_000),
            None,
        )
        .await
        .unwrap();
        // Two cohort survey answers this year: a promoter and a detractor.
        let cohort = store::cohorts::create(
            &db,
            studio,
            &store::cohorts::CohortFields {
                name: "Cohorte du tableau",
                starts_on: "2000-01-01",
                ends_on: "2999-12-31",
            },
        )
        .await
        .unwrap();
        for (email, nps) in [("participant@demo.local", 10), ("coach@demo.local", 3)] {
            let user = store::accounts::find_user_by_email(&db, email)
                .await
                .unwrap()
                .unwrap()
                .id;
            let sql = format!(
                "INSERT INTO cohort_surveys (cohort_id, session_id, user_id, invited_at, nps, answered_at) \
                 VALUES ($1, 0, $2, {now}, {nps}, {now})",
                now = app.now()
            );
            exec(&app, &sql, cohort, user).await;
        }
        let after = figures(&app, studio).await;
        assert_eq!(after.invoiced_cents - before.invoiced_cents, 80_000);
        assert_eq!(after.cohorts - before.cohorts, 1);
        assert_eq!(after.answers - before.answers, 2);
        assert_eq!(after.promoters - before.promoters, 1);
        assert_eq!(after.detractors - before.detractors, 1);
        assert_eq!(after.projects, before.projects);
        // Nothing of it is another centre's.
        let other = figures(&app, die).await;
        assert_eq!(
            (other.invoiced_cents, other.answers, other.cohorts),
            (
                other_before.invoiced_cents,
                other_before.answers,
                other_before.cohorts
            )
        );

        // The pilot's budget from January of this year.
        let year = period(&app).year;
        let plan = domain::forecast::template::centre_budget(
            "Budget du pilote",
            domain::forecast::model::YearMonth { year, month: 1 },
        );
        store::forecasts::create(
            &db,
            &store::forecasts::NewForecast {
                centre_id: die,
                project_id: None,
                name: &plan.name,
                document: &plan.to_json(),
                created_by: None,
            },
        )
        .await
        .unwrap();

        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let page = admin.get("/admin/reseau").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for text in [
            "Studio d&#39;Impact Local",
            "Micro-centre de Die",
            "Le pilote",
            "<svg",
            "Réseau",
        ] {
            assert!(
                page.body.contains(text) || page.body.contains(&text.replace("&#39;", "'")),
                "{text}: {}",
                page.body
            );
        }
        assert!(
            !page.body.contains("Ce centre n’a pas encore de budget"),
            "the pilot's budget is drawn"
        );
        // Another pilot without a budget; a year that is no year falls back to this one.
        let page = admin
            .get("/admin/reseau?annee=deux-mille&pilote=studio")
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("Les centres en {year}")));
        let page = admin
            .get(&format!("/admin/reseau?annee={}", year - 1))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("Les centres en {}", year - 1)));

        for who in ["manager@demo.local", "participant@demo.local"] {
            let mut c = app.client();
            c.login(who, "impact-demo").await;
            assert_eq!(c.get("/admin/reseau").await.status, StatusCode::FORBIDDEN);
        }
        assert_eq!(
            app.client().get("/admin/reseau").await.status,
            StatusCode::SEE_OTHER
        );
    }
}
