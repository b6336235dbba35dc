//! The equipment inventory on both databases: the network's standard list (network team only),
//! a centre's lines added, refused beside their fields (a negative price or quantity: nothing
//! stored), changed and removed, totals per status, the CSV, and the lines sent to the centre's
//! budget once: the budget's investments then equal the inventory's total.
use axum::http::StatusCode;
use domain::equipment::{self as eq, Status};
use testkit::databases;

fn statements(r: &testkit::TestResponse) -> u32 {
    r.header("x-sql-statements").unwrap().parse().unwrap()
}

#[tokio::test]
async fn the_inventory_is_kept_and_sent_to_the_budget_once() {
    for t in databases().await {
        let backend = t.backend;
        let app = testkit::TestApp::with_demo(t).await;
        let db = &app.state.db;
        let die = store::centres::find_by_slug(db, "micro-centre-die")
            .await
            .unwrap()
            .unwrap();
        let mut manager = app.client();
        manager.login("manager.die@demo.local", "impact-demo").await;
        let base = "/centres/micro-centre-die/equipment";

        manager.get(base).await;
        let empty = manager.get(base).await;
        assert_eq!(empty.status, StatusCode::OK, "{backend}");
        assert!(statements(&empty) <= 5, "{} statements", statements(&empty));

        // Bad input: beside the field, what was typed kept, nothing stored.
        let refused = manager
            .post(
                base,
                &[
                    ("name", "Perceuse"),
                    ("supplier", ""),
                    ("price", "-12"),
                    ("quantity", "-1"),
                    ("status", "to_buy"),
                    ("space", ""),
                    ("years", ""),
                ],
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        assert!(refused.body.contains("id=\"f-price-error\""));
        assert!(refused.body.contains("id=\"f-quantity-error\""));
        assert!(refused.body.contains("value=\"Perceuse\""));
        assert!(
            store::equipment::lines(db, die.id)
                .await
                .unwrap()
                .is_empty()
        );

        // Started from the network's standard list, each item once.
        let standard = store::equipment::standard(db).await.unwrap();
        assert!(standard.len() >= 10, "the demo's standard list");
        let r = manager.post(&format!("{base}/standard"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        manager.post(&format!("{base}/standard"), &[]).await;
        let lines = store::equipment::lines(db, die.id).await.unwrap();
        assert_eq!(lines.len(), standard.len(), "taken once");
        assert!(lines.iter().all(|l| l.status == "to_buy"));

        // A line added, then changed: retired lines are not invested.
        let added = manager
            .post(
                base,
                &[
                    ("name", "Perceuse"),
                    ("supplier", "Bricolage local"),
                    ("price", "89,50"),
                    ("quantity", "2"),
                    ("status", "ordered"),
                    ("space", ""),
                    ("years", "3"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        let lines = store::equipment::lines(db, die.id).await.unwrap();
        let drill = lines.iter().find(|l| l.name == "Perceuse").unwrap();
        assert_eq!((drill.unit_price_cents, drill.quantity), (8950, 2));
        let old = lines
            .iter()
            .find(|l| l.name.starts_with("Paperboards"))
            .unwrap();
        let page = manager.get(&format!("{base}/{}", old.id)).await;
        assert_eq!(page.status, StatusCode::OK);
        let changed = manager
            .post(
                &format!("{base}/{}", old.id),
                &[
                    ("name", old.name.as_str()),
                    ("supplier", old.supplier.as_str()),
                    ("price", "79"),
                    ("quantity", "2"),
                    ("status", "retired"),
                    ("space", ""),
                    ("years", ""),
                ],
            )
            .await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
        // A negative quantity on a change: refused, the line as it was.
        let refused = manager
            .post(
                &format!("{base}/{}", drill.id),
                &[
                    ("name", "Perceuse"),
                    ("price", "89,50"),
                    ("quantity", "-3"),
                    ("status", "ordered"),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-quantity-error\""));

        // Totals per status on the page, from the lines.
        let lines = store::equipment::lines(db, die.id).await.unwrap();
        let (per, invested) = eq::totals(lines.iter().map(|l| {
            (
                Status::parse(&l.status).unwrap(),
                l.unit_price_cents,
                l.quantity,
            )
        }));
        let retired = per.iter().find(|(s, _)| *s == Status::Retired).unwrap().1;
        assert_eq!(retired.cents, 7_900 * 2);
        manager.get(base).await;
        let page = manager.get(base).await;
        let shown = domain::format::euros(domain::Locale::Fr, invested.cents);
        assert!(page.body.contains(&shown), "{shown}");
        assert!(statements(&page) <= 5, "{} statements", statements(&page));

        // The CSV: a header and one row a line, audited.
        let csv = manager.get(&format!("{base}.csv")).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert_eq!(csv.body.lines().count(), lines.len() + 1);
        assert!(csv.body.contains("Perceuse"));

        // No budget yet: the transfer says so and stores nothing.
        let ids: Vec<String> = lines
            .iter()
            .filter(|l| l.status != "retired")
            .map(|l| l.id.to_string())
            .collect();
        let mut fields: Vec<(&str, &str)> = ids.iter().map(|id| ("line", id.as_str())).collect();
        fields.push(("month", "1"));
        let refused = manager.post(&format!("{base}/transfer"), &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-line-error\""));

        // A budget without investments, then every invested line sent at once.
        let mut plan = domain::forecast::template::centre_budget(
            "Budget",
            domain::forecast::model::YearMonth {
                year: 2027,
                month: 1,
            },
        );
        plan.investments.clear();
        plan.financing.clear();
        let r = manager
            .post(
                "/centres/micro-centre-die/forecast/import",
                &[("document", &plan.to_json())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let bad_month: Vec<(&str, &str)> = vec![("line", ids[0].as_str()), ("month", "40")];
        let refused = manager.post(&format!("{base}/transfer"), &bad_month).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"f-month-error\""));
        let sent = manager.post(&format!("{base}/transfer"), &fields).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let row = store::forecasts::for_centre(db, die.id)
            .await
            .unwrap()
            .unwrap();
        let budget = domain::forecast::parse(&row.document).unwrap();
        let in_budget: i64 = budget.investments.iter().map(|i| i.amount_cents).sum();
        assert_eq!(
            in_budget, invested.cents,
            "{backend}: totals equal the investments"
        );
        assert_eq!(budget.investments.len(), ids.len());
        let drill_inv = budget
            .investments
            .iter()
            .find(|i| i.name.starts_with("Perceuse"))
            .unwrap();
        assert_eq!((drill_inv.years, drill_inv.month), (3, 1));
        assert_eq!(drill_inv.name, "Perceuse (×2)");

        // Done once: sent again, nothing changes.
        let version = row.version;
        let again = manager.post(&format!("{base}/transfer"), &fields).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        let row = store::forecasts::for_centre(db, die.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.version, version, "no new version");
        let page = manager.get(base).await;
        assert!(page.body.contains("Dans le budget"));

        // A line is removed.
        let r = manager
            .post(&format!("{base}/{}/delete", drill.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            store::equipment::line(db, die.id, drill.id)
                .await
                .unwrap()
                .is_none()
        );

        // Another centre's manager, a coach: refused; the standard list is the network's.
        let mut other = app.client();
        other.login("manager@demo.local", "impact-demo").await;
        for path in [
            base.to_string(),
            format!("{base}/{}", old.id),
            format!("{base}.csv"),
        ] {
            let got = other.get(&path).await.status;
            assert!(
                got == StatusCode::FORBIDDEN || got == StatusCode::NOT_FOUND,
                "{path}: {got}"
            );
        }
        let studio_line = store::equipment::lines(
            db,
            store::centres::find_by_slug(db, "studio")
                .await
                .unwrap()
                .unwrap()
                .id,
        )
        .await
        .unwrap()[0]
            .id;
        assert_eq!(
            manager.get(&format!("{base}/{studio_line}")).await.status,
            StatusCode::NOT_FOUND,
            "a line of another centre"
        );
        assert_eq!(
            other.get("/admin/equipment").await.status,
            StatusCode::FORBIDDEN
        );
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let list = admin.get("/admin/equipment").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(statements(&list) <= 5);
        let r = admin
            .post(
                "/admin/equipment",
                &[
                    ("name", "Défibrillateur"),
                    ("price", "-1"),
                    ("quantity", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-price-error\""));
        let r = admin
            .post(
                "/admin/equipment",
                &[
                    ("name", "Défibrillateur"),
                    ("price", "1290"),
                    ("quantity", "1"),
                    ("years", "5"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            store::equipment::standard(db).await.unwrap().len(),
            standard.len() + 1
        );
        // The new standard item reaches the centre's inventory when asked, once.
        manager.post(&format!("{base}/standard"), &[]).await;
        let lines = store::equipment::lines(db, die.id).await.unwrap();
        assert_eq!(
            lines.iter().filter(|l| l.name == "Défibrillateur").count(),
            1
        );
    }
}
