//! Cohorts: storage on both backends, the pages over HTTP (managers create and fill them,
//! coaches see them, nobody else does), and the filters they give the dashboard and the
//! network impact report.
use axum::http::StatusCode;
use store::cohorts::{self, CohortFields};
use testkit::{TestApp, databases};

async fn centre_id(app: &TestApp, slug: &str) -> i64 {
    store::centres::find_by_slug(&app.state.db, slug)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn project_id(app: &TestApp, centre: i64, name: &str) -> i64 {
    store::projects::for_centre(&app.state.db, centre, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == name)
        .unwrap()
        .id
}

#[tokio::test]
async fn cohorts_are_stored_and_filter_the_impact_figures() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let studio = centre_id(&app, "studio").await;
        let fields = CohortFields {
            name: "Cohorte de printemps",
            starts_on: "2027-03-01",
            ends_on: "2027-06-30",
        };
        let id = cohorts::create(db, studio, &fields).await.unwrap();
        assert!(matches!(
            cohorts::create(db, studio, &fields).await,
            Err(store::StoreError::Duplicate)
        ));
        let recyclerie = project_id(&app, studio, "La Recyclerie des Pentes").await;
        cohorts::add_project(db, id, recyclerie).await.unwrap();
        cohorts::add_project(db, id, recyclerie).await.unwrap();
        assert_eq!(cohorts::project_ids(db, id).await.unwrap(), [recyclerie]);
        let found = cohorts::find(db, id).await.unwrap().unwrap();
        assert_eq!(
            (found.projects, found.name.as_str()),
            (1, "Cohorte de printemps")
        );
        assert!(
            cohorts::memberships(db, studio)
                .await
                .unwrap()
                .iter()
                .any(|(p, c, _)| *p == recyclerie && *c == id)
        );

        // The impact figures of the cohort are those of its one project.
        let among = store::impact::Among {
            centre: None,
            cohort: Some(id),
        };
        let figures = store::impact::figures(db, "2026-01-01", "2026-12-31", among)
            .await
            .unwrap();
        assert!(!figures.is_empty(), "{}", t_backend(db));
        assert!(figures.iter().all(|f| f.project_id == recyclerie));

        cohorts::remove_project(db, id, recyclerie).await.unwrap();
        assert!(
            store::impact::figures(db, "2026-01-01", "2026-12-31", among)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

fn t_backend(db: &store::Db) -> &'static str {
    match db {
        store::Db::Sqlite(_) => "sqlite",
        store::Db::Postgres(_) => "postgres",
    }
}

#[tokio::test]
async fn managers_run_cohorts_coaches_see_them_others_do_not() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let studio = centre_id(&app, "studio").await;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;

        // The demo's first cohort holds the studio's projects.
        let list = manager.get("/centres/studio/cohorts").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Première cohorte · automne 2026"));

        // A mistake is shown beside its field, and what was typed stays.
        let bad = manager
            .post(
                "/centres/studio/cohorts",
                &[
                    ("name", "Cohorte de <printemps>"),
                    ("starts_on", "2027-06-30"),
                    ("ends_on", "2027-03-01"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-ends_on-error\""), "{}", bad.body);
        assert!(bad.body.contains("printemps") && !bad.body.contains("<printemps>"));
        assert!(bad.body.contains("value=\"2027-06-30\""));
        let taken = manager
            .post(
                "/centres/studio/cohorts",
                &[
                    ("name", "Première cohorte · automne 2026"),
                    ("starts_on", "2026-09-01"),
                    ("ends_on", "2026-12-01"),
                ],
            )
            .await;
        assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(taken.body.contains("id=\"f-name-error\""));

        let created = manager
            .post(
                "/centres/studio/cohorts",
                &[
                    ("name", "Cohorte de printemps"),
                    ("starts_on", "2027-03-01"),
                    ("ends_on", "2027-06-30"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER);
        let path = created.location().unwrap().to_string();
        let id: i64 = path.trim_start_matches("/cohorts/").parse().unwrap();
        let fabrique = project_id(&app, studio, "Tiers-lieu La Fabrique").await;
        let added = manager
            .post(
                &format!("{path}/projects"),
                &[("project", &fabrique.to_string())],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
        let page = manager.get(&path).await;
        assert!(
            page.body.contains("Tiers-lieu La Fabrique"),
            "{}",
            page.body
        );
        // A project of another centre cannot be put in.
        let die = centre_id(&app, "micro-centre-die").await;
        let jardins = project_id(&app, die, "Jardins partagés du Diois").await;
        let foreign = manager
            .post(
                &format!("{path}/projects"),
                &[("project", &jardins.to_string())],
            )
            .await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND);
        assert_eq!(
            store::cohorts::project_ids(&app.state.db, id)
                .await
                .unwrap(),
            [fabrique]
        );

        // The coach sees cohorts but cannot change them; the dashboard filters by cohort.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(coach.get(&path).await.status, StatusCode::OK);
        let refused = coach
            .post(
                &path,
                &[
                    ("name", "X"),
                    ("starts_on", "2027-01-01"),
                    ("ends_on", "2027-02-01"),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let all = coach.get("/dashboard").await.body;
        assert!(all.contains("Épicerie solidaire de la Guillotière") && all.contains("f-cohorte"));
        let filtered = coach.get(&format!("/dashboard?cohorte={id}")).await.body;
        let watched = filtered
            .split("id=\"h-watched\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .unwrap_or_default();
        assert!(watched.contains("Tiers-lieu La Fabrique"), "{filtered}");
        assert!(!watched.contains("Épicerie solidaire de la Guillotière"));

        // A participant, and another centre's manager, find nothing.
        let mut participant = app.client();
        participant
            .login("participant@demo.local", "impact-demo")
            .await;
        assert_eq!(participant.get(&path).await.status, StatusCode::NOT_FOUND);
        let mut other = app.client();
        other.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            other.get("/centres/studio/cohorts").await.status,
            StatusCode::FORBIDDEN
        );

        // The network report offers the cohort and keeps it in its exports' links.
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let report = admin
            .get(&format!(
                "/impact/report?from=2026-01-01&to=2026-12-31&cohort={id}"
            ))
            .await
            .body;
        assert!(report.contains(&format!("cohort={id}")), "{report}");
        assert!(report.contains("Cohorte de printemps"));
    }
}

#[tokio::test]
async fn staff_keep_a_dated_decision_log_beside_the_cohort_results() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let cohort = store::cohorts::all(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.name.starts_with("Première cohorte"))
            .expect("demo cohort")
            .id;
        let results = format!("/cohorts/{cohort}/avis");
        let post = format!("{results}/decisions");
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let page = manager.get(&results).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("action=\"{post}\"")));

        // No decision: beside its field, the reason typed kept, nothing recorded.
        let r = manager
            .post(
                &post,
                &[("decision", " "), ("because", "Trois avis sur le rythme")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-decision-error\""));
        assert!(r.body.contains("Trois avis sur le rythme"));
        assert!(
            store::feedback::cohort_decisions(&app.state.db, cohort)
                .await
                .unwrap()
                .is_empty()
        );

        for (decision, because) in [
            (
                "Ateliers décalés à 18 h 30",
                "Plusieurs participant·es arrivaient en retard après le travail.",
            ),
            ("Un support imprimé à chaque séance", ""),
        ] {
            let r = manager
                .post(&post, &[("decision", decision), ("because", because)])
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            app.advance(86_400);
        }
        let log = store::feedback::cohort_decisions(&app.state.db, cohort)
            .await
            .unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(
            log[0].decision, "Un support imprimé à chaque séance",
            "newest first"
        );
        assert_eq!(log[1].author.as_deref(), Some("Malik Gestion"));
        let page = manager.get(&results).await.body.replace("&#39;", "'");
        let newest = page.find("Un support imprimé").unwrap();
        let older = page.find("Ateliers décalés").unwrap();
        assert!(newest < older, "a dated log, newest first");
        assert!(page.contains("arrivaient en retard après le travail"));
        assert!(page.contains("Malik Gestion"));
        // The evidence export's improvement log (Qualiopi indicator 32) has them too.
        let studio = centre_id(&app, "studio").await;
        let improvements = store::evidence::improvements(&app.state.db, studio, 0, i64::MAX)
            .await
            .unwrap();
        assert!(improvements.iter().any(|d| {
            d.decision == "Ateliers décalés à 18 h 30"
                && d.event_title.starts_with("Première cohorte")
        }));

        // Outside the centre's staff: not found, nothing recorded.
        let mut paul = app.client();
        paul.login("participant@demo.local", "impact-demo").await;
        assert_eq!(
            paul.post(&post, &[("decision", "Tout changer")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            store::feedback::cohort_decisions(&app.state.db, cohort)
                .await
                .unwrap()
                .len(),
            2
        );
        app.state.db.close().await;
    }
}
