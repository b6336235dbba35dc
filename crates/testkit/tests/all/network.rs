//! The network dashboard on both databases: every centre's figures of a year in one read
//! (an invoice, a credit note and two survey answers move exactly their figures), the page
//! with the centres side by side, the share of the forecast and the pilot's months drawn, a
//! bad year falling back to the current one, the network team's only.
use axum::http::StatusCode;
use testkit::{TestApp, databases};

async fn exec(app: &TestApp, sql: &str, a: i64, b: i64) {
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(p)
            .await
            .map(|_| ()),
        store::Db::Postgres(p) => sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(p)
            .await
            .map(|_| ()),
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

pub async fn figures(app: &TestApp, centre: i64) -> store::network::CentreFigures {
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

        let year = period(&app).year;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        // The pilot's budget, started from the centre template, is drawn beside its invoices.
        let started = admin
            .post("/centres/micro-centre-die/forecast/start", &[])
            .await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
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

#[tokio::test]
async fn the_years_review_sets_next_years_objectives_and_makes_the_roadmap() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let year = period(&app).year;
        let next = year + 1;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let r = admin.get("/reseau/bilan").await;
        assert_eq!(r.location(), Some(format!("/reseau/bilan/{year}").as_str()));
        let base = format!("/reseau/bilan/{year}");
        let page = admin.get(&base).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for part in [
            "Finances",
            "Impact : objectifs et indicateurs",
            "Cohortes",
            "Retours et satisfaction",
        ] {
            let part = part.replace(" :", "\u{a0}:");
            assert!(page.body.contains(&part), "{part}: {}", page.body);
        }
        assert!(!page.body.contains("<textarea"), "no free-text box left");

        // Bad input beside its field, what was typed kept.
        let objectives = format!("{base}/objectifs");
        let r = admin
            .post(
                &objectives,
                &[
                    ("label", "Accueillir plus de participants"),
                    ("figure", "participants"),
                    ("target", "beaucoup"),
                    ("deadline", &format!("{next}-06-30")),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-target-error") && r.body.contains("Accueillir plus de participants"),
            "{}",
            r.body
        );
        let r = admin
            .post(
                &objectives,
                &[
                    ("label", "Hors de l'année"),
                    ("figure", "participants"),
                    ("target", "40"),
                    ("deadline", &format!("{year}-06-30")),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-deadline-error"), "{}", r.body);
        let r = admin
            .post(
                &objectives,
                &[
                    ("label", "Un chiffre inconnu"),
                    ("figure", "likes"),
                    ("target", "3"),
                ],
            )
            .await;
        assert!(r.body.contains("f-figure-error"), "{}", r.body);
        // Making the roadmap before any objective is refused, clearly.
        let r = admin.post(&format!("{base}/feuille-de-route"), &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

        for (label, figure, target, deadline) in [
            (
                "Accueillir plus de participants",
                "participants",
                "40",
                "06-30",
            ),
            ("Chiffre d'affaires", "revenue", "12 000", "12-31"),
            ("Bénévoles actifs", "indicator:volunteers", "58", "03-31"),
        ] {
            let r = admin
                .post(
                    &objectives,
                    &[
                        ("label", label),
                        ("figure", figure),
                        ("target", target),
                        ("deadline", &format!("{next}-{deadline}")),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let page = admin.get(&base).await.body;
        assert!(
            page.contains("40 participants") && page.contains("12\u{202f}000,00\u{a0}€"),
            "{page}"
        );

        // The PDF holds the same parts and objectives.
        let pdf = admin.get(&format!("{base}/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for needle in [
                "Finances",
                "Cohortes",
                "Accueillir plus de participants",
                "40 participants",
            ] {
                assert!(flat.contains(needle), "{needle}: {flat}");
            }
        }

        // The objectives become next year's roadmap: one item each, in their month.
        let r = admin.post(&format!("{base}/feuille-de-route"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().unwrap().to_string();
        let id: i64 = to.trim_start_matches("/roadmaps/").parse().unwrap();
        let roadmap = store::roadmaps::find(&db, id).await.unwrap().unwrap();
        let doc = roadmap.roadmap().unwrap();
        let text = doc.render();
        assert!(
            text.starts_with(&format!("# Feuille de route {next}")),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "### Mois 6: juin {next}\n- [ ] Accueillir plus de participants — 40 participants, d’ici le 30/06/{next}\n"
            )),
            "{text}"
        );
        let items: usize = doc
            .phases
            .iter()
            .flat_map(|p| &p.periods)
            .map(|p| p.items.len())
            .sum();
        assert_eq!(items, 3);
        assert_eq!(domain::roadmap::parse(&text).unwrap().render(), text);
        assert_eq!(admin.get(&to).await.status, StatusCode::OK);
        // Once: a second time leads to the same roadmap; the page links to it.
        let again = admin.post(&format!("{base}/feuille-de-route"), &[]).await;
        assert_eq!(again.location(), Some(to.as_str()));
        let page = admin.get(&base).await.body;
        assert!(page.contains(&format!("href=\"{to}\"")), "{page}");

        // Next year's review shows those objectives against what is reached.
        let page = admin.get(&format!("/reseau/bilan/{next}")).await.body;
        assert!(
            page.contains(&format!("Objectifs {next}")) && page.contains("Atteint"),
            "{page}"
        );

        // A centre's managers review their own centre only.
        let mut m = app.client();
        m.login("manager@demo.local", "impact-demo").await;
        let own = format!("/centres/studio/bilan/{year}");
        assert_eq!(m.get(&own).await.status, StatusCode::OK);
        assert_eq!(
            m.get(&format!("/centres/micro-centre-die/bilan/{year}"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(m.get(&base).await.status, StatusCode::FORBIDDEN);
        let r = m
            .post(
                &format!("{own}/objectifs"),
                &[
                    ("label", "Deux cohortes"),
                    ("figure", "cohorts"),
                    ("target", "2"),
                    ("deadline", &format!("{next}-09-30")),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let own_page = m.get(&own).await.body;
        assert!(own_page.contains("Deux cohortes") && !own_page.contains("Accueillir plus"));
        assert_eq!(m.get("/impact/review").await.status, StatusCode::FORBIDDEN);
    }
}
