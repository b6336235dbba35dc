//! Partners on both databases: the network team builds the selection grid (a bad weight comes
//! back beside its field, with what was typed), puts an organisation of the CRM on it, scores
//! it (a score out of range refused beside its criterion, nothing stored), and the list ranks
//! the organisations by their weighted grade; a chosen partner gets its agreement (an end before
//! the signature refused) and what it brings (a negative amount refused); every change is
//! audited; nobody but the network team reads or writes any of it.
use axum::http::StatusCode;
use testkit::{TestApp, databases};

const ADMIN: &str = "admin@demo.local";

async fn audited(app: &TestApp) -> i64 {
    let sql = "SELECT COUNT(*) FROM audit_log WHERE action = 'partner_changed'";
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        store::Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await,
    }
    .unwrap()
}

#[tokio::test]
async fn the_network_weighs_organisations_chooses_partners_and_keeps_what_they_bring() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let mut n = app.client();
        n.login(ADMIN, "impact-demo").await;

        // Weights 5, 4, 3: the demo grid ranks the metropolis (5,4,4: 53/60 → 88 %) before
        // the tiers-lieu (5,3,5: 52/60 → 87 %) and the foundation (2,5,4: 42/60 → 70 %).
        let page = n.get("/admin/partenaires").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let at = |name: &str| page.body.find(name).unwrap_or_else(|| panic!("{name}"));
        assert!(at("Métropole de Lyon") < at("Le Tiers-Lieu des Pentes"));
        assert!(at("Le Tiers-Lieu des Pentes") < at("Fondation Terre Solidaire"));
        for grade in ["88\u{a0}%", "87\u{a0}%", "70\u{a0}%"] {
            assert!(page.body.contains(grade), "{grade}");
        }
        assert!(page.body.contains("2 partenaires retenus"), "{}", page.body);
        assert!(
            page.body.contains("20\u{202f}000,00\u{a0}€"),
            "the metropolis' funding"
        );

        // A criterion with a bad weight: beside the field, what was typed kept.
        let before = audited(&app).await;
        let r = n
            .post(
                "/admin/partenaires/criteres",
                &[("name", "Capacité d'orientation"), ("weight", "12")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-weight-error") && r.body.contains("Capacité d&#39;orientation"));
        let r = n
            .post(
                "/admin/partenaires/criteres",
                &[("name", "Ancrage territorial"), ("weight", "2")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a duplicate");
        assert!(r.body.contains("f-name-error"));
        let r = n
            .post(
                "/admin/partenaires/criteres",
                &[("name", "Capacité d'orientation"), ("weight", "2")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let criteria = store::partners::criteria(db).await.unwrap();
        assert_eq!(criteria.len(), 4);

        // The printer of the CRM goes on the grid, then is scored.
        let printer = store::partners::candidates(db)
            .await
            .unwrap()
            .into_iter()
            .find(|(_, name, _)| name == "Imprimerie Coopérative")
            .expect("the printer is not on the grid yet")
            .0;
        let r = n
            .post(
                "/admin/partenaires",
                &[("organisation", &printer.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().unwrap().to_string();
        let r = n
            .post(
                "/admin/partenaires",
                &[("organisation", &printer.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "already there");
        assert!(r.body.contains("f-organisation-error"));
        let r = n
            .post("/admin/partenaires", &[("organisation", "999999")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

        let field = |i: usize| format!("score-{}", criteria[i].id);
        let (f0, f1, f2, f3) = (field(0), field(1), field(2), field(3));
        let r = n
            .post(
                &format!("{path}/evaluation"),
                &[
                    (f0.as_str(), "4"),
                    (f1.as_str(), "9"),
                    (f2.as_str(), ""),
                    (f3.as_str(), "1"),
                    ("status", "candidate"),
                    ("notes", "Tarifs solidaires pour les porteurs"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(&format!("f-{f1}-error")), "{}", r.body);
        assert!(r.body.contains("Tarifs solidaires pour les porteurs"));
        let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
        assert!(
            store::partners::scores(db, Some(id))
                .await
                .unwrap()
                .is_empty()
        );
        // Weights 5, 4, 3, 2: 5×4 + 4×3 + 2×1 (the third not scored) over 11×5 = 34/55 → 62 %.
        let r = n
            .post(
                &format!("{path}/evaluation"),
                &[
                    (f0.as_str(), "4"),
                    (f1.as_str(), "3"),
                    (f2.as_str(), ""),
                    (f3.as_str(), "1"),
                    ("status", "chosen"),
                    ("notes", "Tarifs solidaires pour les porteurs"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = n.get(&path).await;
        assert!(page.body.contains("62\u{a0}%"), "{}", page.body);
        assert!(page.body.contains("Critères notés\u{a0}: 3 sur 4"));
        assert_eq!(
            store::partners::scores(db, Some(id)).await.unwrap().len(),
            3
        );

        // Its agreement, the end before the signature refused first.
        let r = n
            .post(
                &format!("{path}/accord"),
                &[
                    ("title", "Convention d'impression"),
                    ("signed_on", "2027-02-01"),
                    ("ends_on", "2027-01-01"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-ends_on-error") && r.body.contains("2027-01-01"));
        // The assessment beside it still shows the stored scores, so saving it loses none.
        assert!(
            r.body.contains("<option value=\"4\" selected>"),
            "{}",
            r.body
        );
        let r = n
            .post(
                &format!("{path}/accord"),
                &[
                    ("title", "Convention d'impression"),
                    ("signed_on", "2027-02-01"),
                    ("ends_on", "2028-01-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = n.get(&path).await;
        assert!(page.body.contains("1er février 2027"), "{}", page.body);

        // What it brings: a negative amount refused, then money and a venue.
        let r = n
            .post(
                &format!("{path}/apports"),
                &[("kind", "funding"), ("label", "Remise"), ("amount", "-50")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-amount-error") && r.body.contains("Remise"));
        for (kind, label, amount) in [
            ("in_kind", "Impression des supports", "1 200"),
            ("venue", "Vitrine pour les événements", ""),
        ] {
            let r = n
                .post(
                    &format!("{path}/apports"),
                    &[("kind", kind), ("label", label), ("amount", amount)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let brought = store::partners::contributions(db, id).await.unwrap();
        assert_eq!(brought.len(), 2);
        assert_eq!(brought[0].amount_cents, 120_000);
        let list = n.get("/admin/partenaires").await;
        assert!(list.body.contains("3 partenaires retenus"), "{}", list.body);
        assert!(list.body.contains("1\u{202f}200,00\u{a0}€"));
        let r = n
            .post(&format!("{path}/apports/{}/supprimer", brought[1].id), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            store::partners::contributions(db, id).await.unwrap().len(),
            1
        );

        // Removing a criterion takes its scores with it.
        let r = n
            .post(
                &format!("/admin/partenaires/criteres/{}/supprimer", criteria[3].id),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            store::partners::scores(db, Some(id)).await.unwrap().len(),
            2
        );
        // Criterion, candidate, assessment, agreement, two contributions, a removal, a criterion
        // removed: each audited.
        assert_eq!(audited(&app).await - before, 8);
    }
}

#[tokio::test]
async fn only_the_network_team_sees_or_changes_the_partners() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let id = store::partners::list(&app.state.db).await.unwrap()[0].id;
        for email in [
            "manager@demo.local",
            "manager.die@demo.local",
            "coach@demo.local",
            "participant@demo.local",
            "ambassador@demo.local",
        ] {
            let mut c = app.client();
            c.login(email, "impact-demo").await;
            for path in [
                "/admin/partenaires".to_string(),
                format!("/admin/partenaires/{id}"),
            ] {
                assert_eq!(
                    c.get(&path).await.status,
                    StatusCode::FORBIDDEN,
                    "{email} {path}"
                );
            }
            let r = c
                .post(
                    &format!("/admin/partenaires/{id}/evaluation"),
                    &[("status", "declined")],
                )
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
            let r = c
                .post(
                    "/admin/partenaires/criteres",
                    &[("name", "X"), ("weight", "1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        }
        assert_ne!(
            store::partners::find(&app.state.db, id)
                .await
                .unwrap()
                .unwrap()
                .status,
            "declined"
        );
        let mut v = app.client();
        let r = v.get("/admin/partenaires").await;
        assert_eq!(r.location().map(|l| l.starts_with("/login")), Some(true));
        let mut n = app.client();
        n.login(ADMIN, "impact-demo").await;
        assert_eq!(
            n.get("/admin/partenaires/999999").await.status,
            StatusCode::NOT_FOUND
        );
    }
}
