//! Layout plans on both databases: a manager starts the plan, draws rooms and places an item of
//! the inventory; a room outside the building is refused beside its field with nothing stored;
//! the editor's script moves a shape (JSON, with the revision); a stale revision is refused;
//! named versions are kept and shown; the SVG export parses as XML; the PDF at 1:50 is a PDF;
//! the network team sees the plan read-only; another centre's manager does not.
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use domain::plan::{Kind, Plan};
use testkit::databases;

fn statements(r: &testkit::TestResponse) -> u32 {
    r.header("x-sql-statements").unwrap().parse().unwrap()
}

async fn plan(db: &store::Db, centre: i64) -> (Plan, i64) {
    let row = store::plans::for_centre(db, centre).await.unwrap().unwrap();
    (Plan::from_json(&row.document).unwrap(), row.revision)
}

#[tokio::test]
async fn a_manager_draws_the_plan_keeps_versions_and_exports_it() {
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
        let base = "/centres/micro-centre-die/plan";
        let page = manager.get(base).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(page.body.contains("f-width"));

        // A building too small: refused beside the field.
        let r = manager
            .post(
                base,
                &[("width", "20"), ("height", "800"), ("revision", "0")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-width-error\""));
        assert!(
            store::plans::for_centre(db, die.id)
                .await
                .unwrap()
                .is_none()
        );
        let r = manager
            .post(
                base,
                &[("width", "1000"), ("height", "800"), ("revision", "0")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (_, revision) = plan(db, die.id).await;

        // A room outside the building: beside the field, what was typed kept, nothing stored.
        let rev = revision.to_string();
        let outside = manager
            .post(
                &format!("{base}/shapes"),
                &[
                    ("kind", "room"),
                    ("label", "Atelier bois"),
                    ("x", "700"),
                    ("y", "0"),
                    ("w", "500"),
                    ("h", "300"),
                    ("revision", &rev),
                ],
            )
            .await;
        assert_eq!(
            outside.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        assert!(
            outside.body.contains("id=\"f-w-error\""),
            "{}",
            outside.body
        );
        assert!(outside.body.contains("value=\"Atelier bois\""));
        let (p, r2) = plan(db, die.id).await;
        assert!(p.shapes.is_empty());
        assert_eq!(r2, revision);

        let room = manager
            .post(
                &format!("{base}/shapes"),
                &[
                    ("kind", "room"),
                    ("label", "Atelier bois"),
                    ("x", "0"),
                    ("y", "0"),
                    ("w", "500"),
                    ("h", "300"),
                    ("revision", &rev),
                ],
            )
            .await;
        assert_eq!(room.status, StatusCode::SEE_OTHER, "{}", room.body);

        // An item of the inventory, named after its line.
        manager
            .post("/centres/micro-centre-die/equipment/standard", &[])
            .await;
        let line = store::equipment::lines(db, die.id).await.unwrap()[0].clone();
        let (_, revision) = plan(db, die.id).await;
        let rev = revision.to_string();
        let eq = line.id.to_string();
        let item = manager
            .post(
                &format!("{base}/shapes"),
                &[
                    ("kind", "item"),
                    ("label", ""),
                    ("equipment", &eq),
                    ("x", "50"),
                    ("y", "50"),
                    ("w", "180"),
                    ("h", "80"),
                    ("revision", &rev),
                ],
            )
            .await;
        assert_eq!(item.status, StatusCode::SEE_OTHER, "{}", item.body);
        let (p, revision) = plan(db, die.id).await;
        assert_eq!(p.shapes.len(), 2);
        let placed = p.shapes.iter().find(|s| s.kind == Kind::Item).unwrap();
        assert_eq!(placed.equipment_id, Some(line.id));
        assert_eq!(placed.label, line.name);

        // An old revision is not written over.
        let stale = manager
            .post(
                &format!("{base}/shapes"),
                &[
                    ("kind", "zone"),
                    ("x", "0"),
                    ("y", "0"),
                    ("w", "10"),
                    ("h", "10"),
                    ("revision", "1"),
                ],
            )
            .await;
        assert_eq!(stale.status, StatusCode::SEE_OTHER);
        assert_eq!(plan(db, die.id).await.0.shapes.len(), 2);

        // The editor's script moves the item (JSON), and is refused outside the building.
        let csrf = manager.cookie("csrf").unwrap_or_default().to_string();
        let id = placed.id;
        let send = |x: &str, rev: i64| {
            serde_urlencoded::to_string([
                ("_csrf", csrf.as_str()),
                ("label", placed.label.as_str()),
                ("equipment", eq.as_str()),
                ("x", x),
                ("y", "60"),
                ("w", "180"),
                ("h", "80"),
                ("revision", &rev.to_string()),
            ])
            .unwrap()
        };
        let req = Request::post(format!("{base}/shapes/{id}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(send("100", revision)))
            .unwrap();
        let moved = manager.request(req).await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        let answer: serde_json::Value = serde_json::from_str(&moved.body).unwrap();
        assert_eq!(answer["revision"], revision + 1);
        let (p, revision) = plan(db, die.id).await;
        let s = p.shape(id).unwrap();
        assert_eq!((s.x, s.y), (100, 60));
        let req = Request::post(format!("{base}/shapes/{id}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(send("900", revision)))
            .unwrap();
        let refused = manager.request(req).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let answer: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
        assert_eq!(answer["field"], "w");
        let req = Request::post(format!("{base}/shapes/{id}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(send("120", revision - 1)))
            .unwrap();
        assert_eq!(manager.request(req).await.status, StatusCode::CONFLICT);
        assert_eq!(plan(db, die.id).await.1, revision);

        // Named versions: kept, shown, a name used twice refused beside the field.
        let r = manager
            .post(&format!("{base}/versions"), &[("name", "Avant travaux")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = manager
            .post(&format!("{base}/versions"), &[("name", "Avant travaux")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-version-name-error\""));
        // The plan moves on; the version keeps what it was.
        let rev = plan(db, die.id).await.1.to_string();
        let r = manager
            .post(&format!("{base}/shapes/{id}/delete"), &[("revision", &rev)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(plan(db, die.id).await.0.shapes.len(), 1);
        let row = store::plans::for_centre(db, die.id).await.unwrap().unwrap();
        let versions = store::plans::versions(db, row.id).await.unwrap();
        assert_eq!(versions.len(), 1);
        let shown = manager
            .get(&format!("{base}/versions/{}", versions[0].id))
            .await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(
            shown.body.contains(&line.name),
            "the version still has the item"
        );
        assert!(statements(&shown) <= 5);
        let page = manager.get(base).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Avant travaux"));
        assert!(page.body.contains("plan-editor"));
        assert!(statements(&page) <= 5, "{} statements", statements(&page));

        // Exports: the SVG parses as XML with its shapes; the PDF at 1:50 is a PDF.
        let svg = manager.get("/centres/micro-centre-die/plan.svg").await;
        assert_eq!(svg.status, StatusCode::OK);
        let doc = roxmltree::Document::parse(&svg.body).expect("the SVG parses");
        assert_eq!(doc.root_element().attribute("width"), Some("10cm"));
        assert!(doc.descendants().any(|n| n.text() == Some("Atelier bois")));
        let old = manager
            .get(&format!(
                "/centres/micro-centre-die/plan.svg?version={}",
                versions[0].id
            ))
            .await;
        assert!(roxmltree::Document::parse(&old.body).is_ok());
        assert!(old.body.contains(&line.name));
        let pdf = manager
            .get("/centres/micro-centre-die/plan.pdf?scale=50")
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.bytes.starts_with(b"%PDF"));
        let bad = manager
            .get("/centres/micro-centre-die/plan.pdf?scale=7")
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);

        // The network team sees it read-only; another centre's manager does not.
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let list = admin.get("/admin/plans").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("/centres/micro-centre-die/plan/view"));
        let view = admin.get("/centres/micro-centre-die/plan/view").await;
        assert_eq!(view.status, StatusCode::OK);
        assert!(view.body.contains("Atelier bois"));
        assert!(
            !view.body.contains("tabindex=\"0\" role=\"button\""),
            "read-only"
        );
        let mut other = app.client();
        other.login("manager@demo.local", "impact-demo").await;
        for path in [
            base.to_string(),
            format!("{base}/view"),
            "/centres/micro-centre-die/plan.svg".into(),
            "/admin/plans".into(),
        ] {
            let got = other.get(&path).await.status;
            assert!(
                got == StatusCode::FORBIDDEN || got == StatusCode::NOT_FOUND,
                "{path}: {got}"
            );
        }
    }
}
