//! Roadmaps: storage on both backends and the pages over HTTP.
use axum::http::StatusCode;
use testkit::{TestApp, databases};

const SEED: &str = web::demo::ROADMAP;

/// The studio's own roadmap, kept beside the repository (`../shared/seed/`), is the one the
/// platform ships (byte for byte) and reads back unchanged.
#[test]
fn the_shared_seed_is_the_shipped_roadmap() {
    let Some(shared) = testkit::shared_fixture("seed/feuille-de-route.md") else {
        return;
    };
    assert!(
        shared == SEED,
        "web/data/feuille-de-route.md differs from ../shared/seed/"
    );
    let parsed = domain::roadmap::parse(&shared).unwrap();
    assert_eq!(domain::roadmap::render(&parsed), shared);
}

#[tokio::test]
async fn stored_roadmaps_keep_their_bytes_and_refuse_stale_changes() {
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
        let parsed = domain::roadmap::parse(SEED).unwrap();
        let id = store::roadmaps::create(db, centre, None, &parsed, Some("2026-10-01"), None)
            .await
            .unwrap();
        let row = store::roadmaps::find(db, id).await.unwrap().unwrap();
        assert_eq!(
            domain::roadmap::render(&row.roadmap().unwrap()),
            SEED,
            "{}",
            t.backend
        );
        let updated = store::roadmaps::set_done(db, id, row.revision, (0, 0, 2), true)
            .await
            .unwrap();
        assert!(updated.roadmap().unwrap().phases[0].periods[0].items[2].done);
        match store::roadmaps::set_done(db, id, row.revision, (0, 0, 3), true).await {
            Err(store::StoreError::Stale(now)) => assert_eq!(now.version, updated.revision),
            other => panic!("{}: expected Stale, got {other:?}", t.backend),
        }
        assert!(matches!(
            store::roadmaps::set_done(db, id, updated.revision, (9, 0, 0), true).await,
            Err(store::StoreError::NotFound)
        ));
        // Unchecking gives back the original bytes.
        store::roadmaps::set_done(db, id, updated.revision, (0, 0, 2), false)
            .await
            .unwrap();
        let again = store::roadmaps::find(db, id).await.unwrap().unwrap();
        assert_eq!(domain::roadmap::render(&again.roadmap().unwrap()), SEED);
    }
}

#[tokio::test]
async fn the_studio_roadmap_on_the_network_dashboard() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let dash = admin.get("/dashboard").await.body;
        assert!(
            dash.contains("Feuille de route - Studio d&#39;Impact Local")
                || dash.contains("Feuille de route - Studio d'Impact Local")
                || dash.contains("Feuille de route - Studio d&#x27;Impact Local"),
            "{dash}"
        );
        assert!(dash.contains("2 sur 60 faits"));
        let rows = store::roadmaps::for_centre(&app.state.db, 1).await.unwrap();
        let id = rows[0].id;
        let page = admin.get(&format!("/roadmaps/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Définir la vision") && page.body.contains("aria-pressed=\"true\"")
        );
        assert_eq!(
            page.body
                .matches("aria-pressed=\"true\"><span class=\"roadmap-box\"")
                .count(),
            2,
            "the two items checked in month 1"
        );
        assert!(
            page.body.contains("roadmap-current"),
            "the current period is highlighted"
        );
        let export = admin.get(&format!("/roadmaps/{id}/export.md")).await;
        assert_eq!(export.body, SEED);

        let toggled = admin
            .post(
                &format!("/roadmaps/{id}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "2"),
                    ("done", "true"),
                    ("revision", &rows[0].revision.to_string()),
                ],
            )
            .await;
        assert_eq!(toggled.status, StatusCode::SEE_OTHER);
        assert!(
            admin
                .get(&format!("/roadmaps/{id}"))
                .await
                .body
                .contains("3 sur 60 faits")
        );
        let stale = admin
            .post(
                &format!("/roadmaps/{id}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "3"),
                    ("done", "true"),
                    ("revision", &rows[0].revision.to_string()),
                ],
            )
            .await;
        assert!(
            admin
                .get(stale.location().unwrap())
                .await
                .body
                .contains("a changé entre-temps")
        );

        // Import through the page: an error names its line and keeps the text.
        let bad = "# Plan\n\n## Phase 1: Test\n\n- [ ] hors période\n";
        let refused = admin
            .post(
                "/roadmaps/import",
                &[("centre", "studio"), ("markdown", bad), ("start_date", "")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Ligne 5") && refused.body.contains("hors période"));
        let good = admin
            .post(
                "/roadmaps/import",
                &[
                    ("centre", "studio"),
                    ("markdown", &SEED.replace('\n', "\r\n")),
                    ("start_date", "2027-01-01"),
                ],
            )
            .await;
        let path = good.location().unwrap().to_string();
        assert_eq!(admin.get(&format!("{path}/export.md")).await.body, SEED);
        let bad_date = admin
            .post(
                "/roadmaps/import",
                &[
                    ("centre", "studio"),
                    ("markdown", SEED),
                    ("start_date", "demain"),
                ],
            )
            .await;
        assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Other centres cannot read or change it; a coach reads without changing.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            die.get(&format!("/roadmaps/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            die.post(
                &format!("/roadmaps/{id}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "4"),
                    ("done", "true"),
                    ("revision", "0")
                ]
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            die.post(
                "/roadmaps/import",
                &[("centre", "studio"), ("markdown", SEED)]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let read = coach.get(&format!("/roadmaps/{id}")).await;
        assert_eq!(read.status, StatusCode::OK);
        assert!(!read.body.contains("/items\""));
        assert_eq!(
            coach
                .post(
                    &format!("/roadmaps/{id}/items"),
                    &[
                        ("phase", "0"),
                        ("period", "0"),
                        ("item", "4"),
                        ("done", "true"),
                        ("revision", "0")
                    ]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}

/// The roadmap a project starts from the studio's template, and the project.
async fn project_roadmap(app: &TestApp, c: &mut testkit::Client) -> (i64, i64) {
    let participant = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
        .await
        .unwrap()
        .unwrap()
        .id;
    let project = store::projects::for_user(&app.state.db, participant)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.relation.code() == Some("member"))
        .unwrap()
        .id;
    let r = c
        .post(
            &format!("/projects/{project}/roadmap"),
            &[("start_date", "2026-09-01")],
        )
        .await;
    let id = r.location().unwrap()["/roadmaps/".len()..].parse().unwrap();
    (id, project)
}

/// Posts one change to the roadmap's edit address.
async fn send(
    c: &mut testkit::Client,
    id: i64,
    fields: Vec<(&str, String)>,
) -> testkit::TestResponse {
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.post(&format!("/roadmaps/{id}/edit"), &refs).await
}

async fn doc(app: &TestApp, id: i64) -> (domain::roadmap::Roadmap, i64) {
    let row = store::roadmaps::find(&app.state.db, id)
        .await
        .unwrap()
        .unwrap();
    (row.roadmap().unwrap(), row.revision)
}

#[tokio::test]
async fn roadmaps_are_edited_in_the_web_and_details_follow_their_items() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let (id, _) = project_roadmap(&app, &mut c).await;
        let (before, rev) = doc(&app, id).await;
        let second = before.phases[0].periods[0].items[1].text.clone();
        store::tracking::set_item_details(
            &app.state.db,
            id,
            (0, 0, 1),
            &store::tracking::SetItemDetails {
                owner_id: None,
                due_on: Some("2026-09-20"),
                notes: "Noté pour la deuxième action",
                link: "",
                evidence: "",
            },
        )
        .await
        .unwrap();
        let page = c.get(&format!("/roadmaps/{id}")).await;
        assert!(page.body.contains(&format!("/roadmaps/{id}/items/0/0/0")));
        assert!(page.body.contains(&format!("/roadmaps/{id}/periods/0/0")));
        // An empty action: the error beside the field, on the period's page.
        let r = send(
            &mut c,
            id,
            vec![
                ("op", "add_item".into()),
                ("revision", rev.to_string()),
                ("phase", "0".into()),
                ("period", "0".into()),
                ("text", "   ".into()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-new-item-error"));

        // Move the first action to the next period: the second keeps its details, now first.
        let r = send(
            &mut c,
            id,
            vec![
                ("op", "move_item".into()),
                ("revision", rev.to_string()),
                ("phase", "0".into()),
                ("period", "0".into()),
                ("item", "0".into()),
                ("target", "0:1".into()),
                ("position", "start".into()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (after, rev2) = doc(&app, id).await;
        assert_eq!(rev2, rev + 1);
        assert_eq!(after.phases[0].periods[0].items[0].text, second);
        assert_eq!(
            after.phases[0].periods[1].items[0].text,
            before.phases[0].periods[0].items[0].text
        );
        let details = store::tracking::item_details(&app.state.db, id)
            .await
            .unwrap();
        assert_eq!(details.len(), 1);
        assert_eq!(
            (details[0].phase, details[0].period, details[0].item),
            (0, 0, 0)
        );
        assert_eq!(details[0].notes, "Noté pour la deuxième action");

        // A page showing an older revision: nothing changes, the person is told.
        let stale = send(
            &mut c,
            id,
            vec![
                ("op", "delete_item".into()),
                ("revision", rev.to_string()),
                ("phase", "0".into()),
                ("period", "0".into()),
                ("item", "0".into()),
            ],
        )
        .await;
        assert_eq!(stale.location(), Some(format!("/roadmaps/{id}").as_str()));
        assert_eq!(doc(&app, id).await.1, rev2);
        // A text typed on a page showing an older revision: 409, the text kept beside its
        // field over the current version, nothing stored.
        let stale = send(
            &mut c,
            id,
            vec![
                ("op", "edit_item".into()),
                ("revision", rev.to_string()),
                ("phase", "0".into()),
                ("period", "0".into()),
                ("item", "0".into()),
                ("text", "Texte tapé sur une page ancienne".into()),
            ],
        )
        .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert!(stale.body.contains("Texte tapé sur une page ancienne"));
        assert!(stale.body.contains("version à jour"));
        assert!(stale.body.contains(&format!("value=\"{rev2}\"")));
        assert_eq!(doc(&app, id).await.1, rev2);

        // The coach who follows the project adds an action and a period spanning months.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let r = send(
            &mut coach,
            id,
            vec![
                ("op", "add_item".into()),
                ("revision", rev2.to_string()),
                ("phase", "0".into()),
                ("period", "0".into()),
                ("text", "Ajouté par la coach en séance".into()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let last_phase = before.phases.len() - 1;
        let r = send(
            &mut coach,
            id,
            vec![
                ("op", "add_period".into()),
                ("revision", (rev2 + 1).to_string()),
                ("phase", last_phase.to_string()),
                ("text", "Mois 13-14: Essaimage".into()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (now, _) = doc(&app, id).await;
        assert!(
            now.phases[0].periods[0]
                .items
                .iter()
                .any(|i| i.text == "Ajouté par la coach en séance")
        );
        let added = now.phases[last_phase].periods.last().unwrap();
        assert_eq!(added.months().map(|m| (m.first, m.last)), Some((13, 14)));
        let page = c.get(&format!("/roadmaps/{id}")).await;
        assert!(page.body.contains("Ajouté par la coach en séance"));
        assert!(
            page.body.contains("septembre 2027 – octobre 2027"),
            "a spanning period has its dates"
        );

        // Edit pages answer; another centre's manager gets a 404.
        assert_eq!(
            c.get(&format!("/roadmaps/{id}/items/0/0/0")).await.status,
            StatusCode::OK
        );
        assert_eq!(
            c.get(&format!("/roadmaps/{id}/periods/0/0")).await.status,
            StatusCode::OK
        );
        assert_eq!(
            c.get(&format!("/roadmaps/{id}/items/0/0/99")).await.status,
            StatusCode::NOT_FOUND
        );
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(
            die.get(&format!("/roadmaps/{id}/periods/0/0")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn a_new_version_of_the_file_shows_its_changes_then_keeps_the_details() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut c = app.client();
        c.login("participant@demo.local", "impact-demo").await;
        let (id, _) = project_roadmap(&app, &mut c).await;
        let (before, rev) = doc(&app, id).await;
        let kept = before.phases[0].periods[0].items[1].text.clone();
        let dropped = before.phases[0].periods[0].items[0].text.clone();
        store::tracking::set_item_details(
            &app.state.db,
            id,
            (0, 0, 1),
            &store::tracking::SetItemDetails {
                owner_id: None,
                due_on: None,
                notes: "à garder",
                link: "https://exemple.fr",
                evidence: "",
            },
        )
        .await
        .unwrap();
        // The new file: the first action gone, a new one at the end of the period.
        let markdown = before
            .render()
            .replacen(&format!("- [ ] {dropped}\n"), "", 1)
            .replacen(
                &format!("- [ ] {kept}\n"),
                &format!("- [ ] {kept}\n- [ ] Une action toute neuve\n"),
                1,
            );
        let preview = c
            .post_multipart(
                &format!("/roadmaps/{id}/reimport"),
                &[("revision", &rev.to_string())],
                Some(("file", "v2.md", markdown.as_bytes())),
            )
            .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        assert!(preview.body.contains("Une action toute neuve"));
        assert!(preview.body.contains("diff-removed"));
        assert_eq!(
            doc(&app, id).await.1,
            rev,
            "nothing applied before confirming"
        );
        let bad = c
            .post_multipart(
                &format!("/roadmaps/{id}/reimport"),
                &[("revision", &rev.to_string())],
                Some(("file", "v2.md", b"pas une feuille de route")),
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let applied = c
            .post_multipart(
                &format!("/roadmaps/{id}/reimport"),
                &[
                    ("revision", &rev.to_string()),
                    ("confirm", "1"),
                    ("markdown", &markdown),
                ],
                None,
            )
            .await;
        assert_eq!(applied.location(), Some(format!("/roadmaps/{id}").as_str()));
        let (after, _) = doc(&app, id).await;
        assert_eq!(after.render(), markdown);
        let details = store::tracking::item_details(&app.state.db, id)
            .await
            .unwrap();
        assert_eq!(details.len(), 1);
        assert_eq!(
            (details[0].phase, details[0].period, details[0].item),
            (0, 0, 0)
        );
        assert_eq!(details[0].notes, "à garder");
        // The re-import is audited with the roadmap, in the same unit of work.
        let audit = store::audit::list(&app.state.db, None, 20, 0)
            .await
            .unwrap();
        assert!(
            audit
                .iter()
                .any(|a| a.action == "roadmap_reimported" && a.detail == format!("roadmap:{id}")),
            "{audit:?}"
        );
    }
}

/// A page's text with the entities the templates write turned back into characters.
fn unescaped(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn statements(r: &testkit::TestResponse) -> u32 {
    r.header("x-sql-statements")
        .expect("x-sql-statements")
        .parse()
        .expect("a number")
}

#[tokio::test]
async fn the_seed_roadmap_page_is_light_and_each_item_is_edited_on_its_own_page() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let id = store::roadmaps::for_centre(&app.state.db, 1).await.unwrap()[0].id;
        let mut manager = app.client();
        manager.login("manager@demo.local", "impact-demo").await;
        let path = format!("/roadmaps/{id}");
        manager.get(&path).await;
        let page = manager.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.len() < 60_000, "{} bytes", page.body.len());
        assert!(statements(&page) <= 5, "{} statements", statements(&page));
        // The content is all there: every phase, period and item, and a way to edit each.
        let text = unescaped(&page.body);
        let doc = domain::roadmap::parse(SEED).unwrap();
        let mut items = 0;
        for (p, phase) in doc.phases.iter().enumerate() {
            assert!(text.contains(phase.heading.text()));
            for (q, period) in phase.periods.iter().enumerate() {
                assert!(text.contains(period.heading.text()));
                for (k, item) in period.items.iter().enumerate() {
                    assert!(text.contains(&item.text), "{}", item.text);
                    assert!(
                        page.body
                            .contains(&format!("href=\"{path}/items/{p}/{q}/{k}\""))
                    );
                    items += 1;
                }
            }
        }
        assert_eq!(items, 60);
        // No details form per item on the roadmap page: it opens on the item's page.
        assert!(!page.body.contains("name=\"notes\""));

        // Ticking an item: one form per period, its buttons name the item.
        let revision = store::roadmaps::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap()
            .revision;
        assert!(page.body.contains("name=\"toggle\" value=\"2:true\""));
        let ticked = manager
            .post(
                &format!("{path}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("revision", &revision.to_string()),
                    ("toggle", "2:true"),
                ],
            )
            .await;
        assert_eq!(ticked.status, StatusCode::SEE_OTHER);
        assert!(manager.get(&path).await.body.contains("3 sur 60 faits"));
        // The revision is still checked: the same form sent again is stale.
        let stale = manager
            .post(
                &format!("{path}/items"),
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("revision", &revision.to_string()),
                    ("toggle", "3:true"),
                ],
            )
            .await;
        assert!(
            manager
                .get(stale.location().unwrap())
                .await
                .body
                .contains("a changé entre-temps")
        );
        let nonsense = manager
            .post(
                &format!("{path}/items"),
                &[("phase", "0"), ("period", "0"), ("toggle", "deux:oui")],
            )
            .await;
        assert_eq!(nonsense.status, StatusCode::BAD_REQUEST);

        // An item's details, without JavaScript: its page holds the form.
        let item = manager.get(&format!("{path}/items/0/0/1")).await;
        assert_eq!(item.status, StatusCode::OK);
        assert!(
            item.body.contains("id=\"f-notes-0-0-1\"")
                && item.body.contains("id=\"f-owner-0-0-1\"")
        );
        let warm = manager.get(&format!("{path}/items/0/0/1")).await;
        assert!(statements(&warm) <= 5, "{} statements", statements(&warm));
        let details = format!("{path}/details");
        let bad = manager
            .post(
                &details,
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "1"),
                    ("notes", "Avec l'équipe du dépôt"),
                    ("link", "javascript:alert(1)"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-link-0-0-1-error\""));
        assert!(unescaped(&bad.body).contains("Avec l'équipe du dépôt"));
        let ok = manager
            .post(
                &details,
                &[
                    ("phase", "0"),
                    ("period", "0"),
                    ("item", "1"),
                    ("notes", "Avec l'équipe du dépôt"),
                    ("due_on", "2099-01-31"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(ok.location(), Some(format!("{path}#item-0-0-1").as_str()));
        let after = manager.get(&path).await;
        assert!(unescaped(&after.body).contains("Avec l'équipe du dépôt"));
        assert!(after.body.contains("31 janvier 2099"));
        let again = manager.get(&format!("{path}/items/0/0/1")).await;
        assert!(again.body.contains("value=\"2099-01-31\""));
    }
}
