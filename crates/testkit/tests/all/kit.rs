//! The deployment kit on both databases. The demo publishes version 1 (taken by the studio and
//! the Die micro-centre) and version 2 (taken by the studio only). The network sees which
//! version each centre holds; Die's manager sees exactly what version 2 changes (a chapter's
//! lines removed and added, a checklist added), takes part of it, and a second take from the
//! same page is refused as stale; the network's draft refuses an empty note, an unchanged
//! publication and an item without a title beside their fields, with what was typed kept. Kit
//! content is refused to visitors, participants, other centres and unlicensed centres (a
//! suspended licence keeps it, an expired one loses it), and the manual is no public guide.
use axum::http::StatusCode;
use domain::kit::{ChangeKind, Op};
use testkit::{TestApp, databases};

const ADMIN: &str = "admin@demo.local";
const DIE: &str = "manager.die@demo.local";
const CHAPTER: &str = "manual/accueillir-un-porteur-de-projet";

async fn count(app: &TestApp, sql: &str) -> i64 {
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        store::Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await,
    }
    .unwrap()
}

async fn exec(app: &TestApp, sql: &str) {
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        store::Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .unwrap();
    // As a change made through the app would: the pages' short-lived reads are forgotten.
    app.state.changed();
}

fn items(list: Vec<store::kit::StoredItem>) -> Vec<domain::kit::Item> {
    list.iter().map(store::kit::StoredItem::item).collect()
}

#[tokio::test]
async fn a_new_version_shows_each_centre_exactly_what_changed_and_it_takes_what_it_wants() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let die = store::centres::find_by_slug(db, "micro-centre-die")
            .await
            .unwrap()
            .unwrap()
            .id;
        let versions = store::kit::versions(db).await.unwrap();
        assert_eq!(versions.len(), 2);
        let (v2, v1) = (&versions[0], &versions[1]);

        // The exact changes from version 1 to version 2.
        let old = items(store::kit::items(db, v1.id).await.unwrap());
        let new = items(store::kit::items(db, v2.id).await.unwrap());
        let changes = domain::kit::changes(&old, &new);
        assert_eq!(changes.len(), 2, "{changes:?}");
        let chapter = changes.iter().find(|c| c.key == CHAPTER).unwrap();
        assert_eq!(chapter.kind, ChangeKind::Changed);
        let lines: Vec<(Op, &str)> = chapter
            .lines
            .iter()
            .map(|l| (l.op, l.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (Op::Same, "- La personne repart avec une date."),
                (Op::Removed, "- La fiche est créée le jour même."),
                (
                    Op::Added,
                    "- La fiche est créée le jour même, sur la plateforme, pendant l'échange."
                ),
                (
                    Op::Added,
                    "- Le consentement au suivi est recueilli et daté."
                ),
                (
                    Op::Same,
                    "- L'offre proposée correspond à l'avancée du projet."
                ),
            ]
        );
        let evening = changes.iter().find(|c| c.key != CHAPTER).unwrap();
        assert_eq!(
            (evening.kind, evening.title.as_str()),
            (ChangeKind::Added, "Fermeture du soir")
        );

        // The network sees who holds what.
        let mut n = app.client();
        n.login(ADMIN, "impact-demo").await;
        let page = n.get("/admin/kit").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("2 changements à prendre"),
            "{}",
            page.body
        );
        assert!(page.body.contains("À jour"));

        // Die's manager sees the same changes on its page, line by line.
        let mut m = app.client();
        m.login(DIE, "impact-demo").await;
        let page = m.get("/centres/micro-centre-die/kit").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("La version 2 est parue"));
        assert!(page.body.contains("kit-line-removed"));
        assert!(
            page.body
                .contains("Le consentement au suivi est recueilli et daté.")
        );
        assert!(page.body.contains("Fermeture du soir"));

        // It takes the checklist and keeps its own copy of the chapter.
        let held = v1.id.to_string();
        let key = evening.key.clone();
        let form = [("held", held.as_str()), ("change", key.as_str())];
        let r = m.post("/centres/micro-centre-die/kit/prendre", &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let copy = store::kit::centre_items(db, die).await.unwrap();
        assert!(copy.iter().any(|i| i.title == "Fermeture du soir"));
        let kept = copy.iter().find(|i| i.key == CHAPTER).unwrap();
        assert!(kept.body.contains("- La fiche est créée le jour même.\n"));
        assert!(!kept.body.contains("consentement"));
        let holds = store::kit::held(db, die).await.unwrap().unwrap();
        assert_eq!(holds.number, 2);
        let audit = "SELECT COUNT(*) FROM audit_log WHERE action = 'kit_taken' \
                     AND detail LIKE '%left manual/accueillir-un-porteur-de-projet%'";
        assert_eq!(count(&app, audit).await, 1);

        // The same page sent again: refused as stale, nothing taken twice.
        let r = m.post("/centres/micro-centre-die/kit/prendre", &form).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        assert!(r.body.contains("a changé entre-temps"));
        assert_eq!(
            store::kit::centre_items(db, die).await.unwrap().len(),
            copy.len()
        );

        // The kit item opens on its own page.
        let page = m.get(&format!("/centres/micro-centre-die/kit/{key}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Vérifier la porte de secours"));

        // The network's draft: refusals beside their fields, what was typed kept.
        let r = n.post("/admin/kit/brouillon", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = n.post("/admin/kit/publier", &[("notes", "  ")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-notes-error"));
        let r = n
            .post("/admin/kit/publier", &[("notes", "Rien de neuf")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("ne change rien") && r.body.contains("Rien de neuf"));
        let r = n
            .post(
                "/admin/kit/elements",
                &[
                    ("section", "guide"),
                    ("title", ""),
                    ("body", "Le texte tapé reste là"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-title-error") && r.body.contains("Le texte tapé reste là"));
        let r = n
            .post(
                "/admin/kit/elements",
                &[("section", "autre"), ("title", "Un guide"), ("body", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-section-error"));
        let r = n
            .post(
                "/admin/kit/elements/modifier",
                &[("key", CHAPTER), ("title", "Accueillir"), ("body", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-edit-body-error") && r.body.contains("value=\"Accueillir\""));
        let body = "## Avant\n- Trouver un partenaire bancaire\n- Ouvrir le compte";
        let r = n
            .post(
                "/admin/kit/elements",
                &[
                    ("section", "guide"),
                    ("title", "Le guide bancaire"),
                    ("body", body),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = n
            .post(
                "/admin/kit/elements",
                &[
                    ("section", "guide"),
                    ("title", "Le guide bancaire"),
                    ("body", body),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a duplicate");
        let r = n
            .post(
                "/admin/kit/publier",
                &[(
                    "notes",
                    "Un guide pour ouvrir le compte bancaire du centre.",
                )],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(store::kit::versions(db).await.unwrap().len(), 3);
        assert!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'kit_changed' AND detail = 'published 3'"
            )
            .await
                == 1
        );

        // Die sees version 3's one change, not the chapter it left aside in version 2.
        let page = m.get("/centres/micro-centre-die/kit").await;
        assert!(page.body.contains("La version 3 est parue"));
        assert!(page.body.contains("Le guide bancaire"));
        assert!(!page.body.contains("Le consentement au suivi"));
        let page = n.get("/admin/kit").await;
        assert!(
            page.body.contains("Un changement à prendre"),
            "{}",
            page.body
        );
    }
}

#[tokio::test]
async fn kit_content_is_refused_to_the_public_and_to_unlicensed_centres() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let item = format!("/centres/micro-centre-die/kit/{CHAPTER}");
        // A micro-centre without a licence (made before any request reads the centres).
        let crest = store::centres::create(
            db,
            &store::centres::NewCentre {
                slug: "micro-centre-crest",
                name: "Micro-centre de Crest",
                kind: "micro_centre",
                town: "Crest",
            },
        )
        .await
        .unwrap();
        // The demo's password hash, so the new manager signs in like the others.
        let sql = "SELECT password_hash FROM users WHERE email = 'admin@demo.local'";
        let hash: String = match db {
            store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
            store::Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        }
        .unwrap();
        let manager = store::accounts::create_user(
            db,
            &store::accounts::NewUser {
                email: "manager.crest@demo.local",
                password_hash: &hash,
                display_name: "Gestionnaire de Crest",
                locale: "fr",
                verified: true,
            },
        )
        .await
        .unwrap();
        store::centres::grant(db, manager, crest, domain::Role::CentreManager)
            .await
            .unwrap();

        // The public: sent to sign in; the manual is no public guide any more.
        let mut visitor = app.client();
        for path in ["/centres/micro-centre-die/kit", item.as_str(), "/admin/kit"] {
            let r = visitor.get(path).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
            assert!(r.location().unwrap_or_default().starts_with("/login"));
        }
        let r = visitor.get("/guides/manuel-d-operations").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = visitor.get("/recherche?q=accueillir").await;
        assert!(!r.body.contains("Accueillir un porteur de projet"));

        // A participant, and another centre's coach: no such page.
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        assert_eq!(p.get(&item).await.status, StatusCode::NOT_FOUND);
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            coach.get("/centres/micro-centre-die/kit").await.status,
            StatusCode::NOT_FOUND
        );
        let page = coach.get("/centres/studio/kit").await;
        assert_eq!(
            page.status,
            StatusCode::OK,
            "the studio's coach reads its kit"
        );
        assert!(!page.body.contains("/kit/prendre"), "a coach does not take");
        assert_eq!(coach.get("/admin/kit").await.status, StatusCode::FORBIDDEN);

        // A micro-centre without a licence: its manager is told why, and sees nothing.
        let mut c = app.client();
        c.login("manager.crest@demo.local", "impact-demo").await;
        let page = c.get("/centres/micro-centre-crest/kit").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
        assert!(page.body.contains("réservé aux centres sous licence"));
        assert!(!page.body.contains("Manuel d"));
        let r = c
            .post("/centres/micro-centre-crest/kit/prendre", &[("held", "")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(store::kit::held(db, crest).await.unwrap().is_none());

        // Die: a suspended licence keeps the kit, an expired one loses it.
        let mut m = app.client();
        m.login(DIE, "impact-demo").await;
        exec(&app, "UPDATE licences SET status = 'suspended'").await;
        assert_eq!(m.get(&item).await.status, StatusCode::OK);
        exec(&app, "UPDATE licences SET ends_on = '2020-12-31'").await;
        let page = m.get(&item).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(!page.body.contains("Le premier contact"));
        // The network still sees the centre's kit, told that its team does not.
        let mut n = app.client();
        n.login(ADMIN, "impact-demo").await;
        let page = n.get("/centres/micro-centre-die/kit").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("son équipe ne voit pas le kit"));
    }
}
