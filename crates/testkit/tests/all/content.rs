//! Content on both databases: drafts and scheduled items stay hidden until their time, slugs per
//! kind and language, language fallback, revisions and restore, search, the editor's
//! authorization and bad input, hostile Markdown, audio ranges, feeds parsed as Atom and podcast
//! RSS, the guide's PDF.
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use testkit::{Client, TestApp, TestResponse, databases};

const MP3: &[u8] = include_bytes!("../../../web/data/content/audio/episode-1.mp3");

fn fields(kind: &str, title: &str, slug: &str, body: &str, status: &str) -> Vec<(String, String)> {
    [
        ("kind", kind),
        ("title", title),
        ("slug", slug),
        ("summary", ""),
        ("body", body),
        ("tags", "méthode, essai"),
        ("status", status),
        ("publish_at", ""),
        ("_action", "save"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

async fn post(c: &mut Client, path: &str, f: &[(String, String)]) -> TestResponse {
    let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    c.post(path, &refs).await
}

fn set(f: &mut Vec<(String, String)>, key: &str, value: &str) {
    f.retain(|(k, _)| k != key);
    f.push((key.to_string(), value.to_string()));
}

/// The item id in a `/admin/content/{id}?lang=…` redirect.
fn item_id(r: &TestResponse) -> i64 {
    let loc = r.location().expect("redirect");
    loc.trim_start_matches("/admin/content/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("{loc}"))
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    let r = c.login(email, "impact-demo").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email} signs in");
    c
}

/// Every `<script` of a page is the app's script or a JSON-LD block; no `javascript:` link.
fn assert_no_script(html: &str) {
    for (i, _) in html.match_indices("<script") {
        let rest = &html[i..];
        assert!(
            rest.starts_with("<script src=\"/assets/app.")
                || rest.starts_with("<script type=\"application/ld+json\">"),
            "unexpected script: {}",
            &rest[..rest.len().min(80)]
        );
    }
    let lower = html.to_lowercase();
    assert!(!lower.contains("href=\"javascript:"), "javascript: link");
    assert!(!lower.contains("src=\"javascript:"), "javascript: source");
    assert!(!lower.contains("<img src=\"x\""), "raw image tag");
    assert!(!lower.contains("<iframe"), "iframe");
}

#[tokio::test]
async fn drafts_and_schedule_stay_hidden_until_their_time() {
    for t in databases().await {
        let db = t.db.clone();
        let app = TestApp::new(t).await;
        let now = store::now();
        let mut ids = Vec::new();
        for (slug, status, at) in [
            ("brouillon", "draft", None),
            ("programme-plus-tard", "scheduled", Some(now + 3600)),
            ("programme-passe", "scheduled", Some(now - 60)),
            ("publie", "published", Some(now - 7200)),
        ] {
            let body = format!("Le texte de {slug}.");
            let search = web::content::search_text(slug, "", &body);
            let id = store::content::create(
                &db,
                &store::content::NewItem {
                    kind: "post",
                    parent_id: None,
                    position: 0,
                    author_id: None,
                },
                &store::content::ItemFields {
                    status: status.into(),
                    publish_at: at,
                    ..Default::default()
                },
                &store::content::VersionInput {
                    lang: "fr",
                    slug,
                    title: slug,
                    summary: "",
                    body: &body,
                    figures: "",
                    search_text: &search,
                },
            )
            .await
            .unwrap();
            ids.push(id);
        }
        let mut c = app.client();
        let list = c.get("/blog").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("/blog/publie") && list.body.contains("/blog/programme-passe"));
        assert!(!list.body.contains("/blog/brouillon"));
        assert!(!list.body.contains("/blog/programme-plus-tard"));
        assert_eq!(c.get("/blog/brouillon").await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            c.get("/blog/programme-plus-tard").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(c.get("/blog/programme-passe").await.status, StatusCode::OK);
        // The time passes: the scheduled post shows by itself, no job needed.
        let later = store::content::public_list(&db, "post", "fr", None, now + 7200, 10, 0)
            .await
            .unwrap();
        assert!(later.iter().any(|s| s.slug == "programme-plus-tard"));
        assert!(!later.iter().any(|s| s.slug == "brouillon"));
        let latest = store::content::latest(&db, "post", "en", now, 2)
            .await
            .unwrap();
        assert_eq!(latest.len(), 2);
        assert_eq!(latest[0].slug, "programme-passe", "newest first");
        // Search and the sitemap never show what is not public.
        let found = c.get("/recherche?q=texte").await;
        assert!(found.body.contains("/blog/publie") && !found.body.contains("/blog/brouillon"));
        let sitemap = web::content::sitemap_entries(&db).await.unwrap();
        assert!(sitemap.iter().any(|(p, _)| p == "/blog/publie"));
        assert!(sitemap.iter().any(|(p, _)| p == "/blog"));
        assert!(
            !sitemap
                .iter()
                .any(|(p, _)| p.contains("brouillon") || p.contains("plus-tard"))
        );
        // The feed only carries public posts.
        let feed = c.get("/blog/feed.xml").await;
        assert!(!feed.body.contains("brouillon") && feed.body.contains("publie"));
        app.state.db.close().await;
    }
}

#[tokio::test]
async fn the_editor_on_both_databases() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        // Who may edit: the network team only; nobody gets a 500.
        let mut visitor = app.client();
        let r = visitor.get("/admin/content").await;
        assert!(r.location().unwrap_or("").starts_with("/login"));
        for email in [
            "participant@demo.local",
            "coach@demo.local",
            "manager@demo.local",
        ] {
            let mut c = signed_in(&app, email).await;
            assert_eq!(
                c.get("/admin/content").await.status,
                StatusCode::FORBIDDEN,
                "{email}"
            );
            let r = post(
                &mut c,
                "/admin/content/new",
                &fields("post", "Intrus", "", "x", "published"),
            )
            .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        }
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let list = admin.get("/admin/content").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Notre histoire"));
        let filtered = admin
            .get("/admin/content?kind=episode&status=published")
            .await;
        // The footer names « Notre histoire » on every page: look at the list only.
        let main = filtered
            .body
            .split("<main")
            .nth(1)
            .and_then(|m| m.split("</main>").next())
            .unwrap_or_default();
        assert!(main.contains("Épisode 1") && !main.contains("Notre histoire"));
        let by_lang = admin.get("/admin/content?lang=en&kind=post").await;
        assert!(by_lang.body.contains("un problème local"));
        assert!(!by_lang.body.contains("sans peur"));
        assert_eq!(
            admin.get("/admin/content/new?kind=tract").await.status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            admin.get("/admin/content/new?kind=guide").await.status,
            StatusCode::OK
        );

        // Preview: the form comes back with the rendered text beside it, nothing saved.
        let mut f = fields(
            "post",
            "Atelier réparation : le bilan",
            "",
            "# Bilan\n\nVingt objets **réparés**.",
            "draft",
        );
        set(&mut f, "_action", "preview");
        let r = post(&mut admin, "/admin/content/new", &f).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("<h2 id=\"bilan\">Bilan</h2>"));
        assert!(r.body.contains("<strong>réparés</strong>"));
        assert!(r.body.contains("value=\"Atelier réparation : le bilan\""));
        assert!(
            store::content::find_by_slug(&app.state.db, "post", 0, "atelier-reparation-le-bilan")
                .await
                .unwrap()
                .is_none()
        );

        // Save as a draft: the slug comes from the title; the public does not see it.
        set(&mut f, "_action", "save");
        let r = post(&mut admin, "/admin/content/new", &f).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = item_id(&r);
        let mut visitor = app.client();
        assert_eq!(
            visitor
                .get("/blog/atelier-reparation-le-bilan")
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // Bad input: clear errors beside the fields, what was typed kept, never a 500.
        let mut dup = fields(
            "post",
            "Un autre",
            "atelier-reparation-le-bilan",
            "Texte",
            "draft",
        );
        let r = post(&mut admin, "/admin/content/new", &dup).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("déjà prise"));
        assert!(r.body.contains("value=\"Un autre\""));
        // The same slug is free for another kind.
        set(&mut dup, "kind", "case_study");
        assert_eq!(
            post(&mut admin, "/admin/content/new", &dup).await.status,
            StatusCode::SEE_OTHER
        );
        let huge = "a".repeat(200_001);
        let r = post(
            &mut admin,
            "/admin/content/new",
            &fields("post", "Trop long", "", &huge, "draft"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("200 000 caractères"));
        assert!(r.body.contains("value=\"Trop long\""));
        let mut bad_date = fields("post", "Programmé", "", "Texte", "scheduled");
        set(&mut bad_date, "publish_at", "demain matin");
        let r = post(&mut admin, "/admin/content/new", &bad_date).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Date invalide"));
        let r = post(
            &mut admin,
            "/admin/content/new",
            &fields("tract", "Tract", "", "Texte", "draft"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Type de contenu inconnu"));
        let r = post(
            &mut admin,
            "/admin/content/new",
            &fields("post", "", "Mauvais Slug!", "", "draft"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Ce champ est obligatoire") && r.body.contains("Adresse invalide"));
        let mut bad_figures = fields("case_study", "Chiffres", "", "Texte", "draft");
        set(&mut bad_figures, "figures", "douze tonnes");
        let r = post(&mut admin, "/admin/content/new", &bad_figures).await;
        assert!(r.body.contains("Chiffres invalides"));
        assert_eq!(
            admin
                .post("/admin/content/999999/publish", &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // Edit: the previous text becomes a revision; restore brings it back.
        let edit = format!("/admin/content/{id}?lang=fr");
        let mut f2 = fields(
            "post",
            "Atelier réparation : le bilan",
            "atelier-reparation-le-bilan",
            "Deuxième version du texte.",
            "draft",
        );
        set(&mut f2, "summary", "Le bilan de l'atelier.");
        let r = post(&mut admin, &edit, &f2).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let versions = store::content::versions(&app.state.db, id).await.unwrap();
        let revisions = store::content::revisions(&app.state.db, versions[0].id)
            .await
            .unwrap();
        assert_eq!(revisions.len(), 1);
        assert!(revisions[0].body.contains("Vingt objets"));
        let page = admin
            .get(&format!("/admin/content/{id}/revisions?lang=fr"))
            .await;
        assert!(
            page.body
                .contains(&format!("/admin/content/revisions/{}", revisions[0].id))
        );
        let shown = admin
            .get(&format!("/admin/content/revisions/{}", revisions[0].id))
            .await;
        assert!(shown.body.contains("Vingt objets"));
        let r = admin
            .post(
                &format!("/admin/content/revisions/{}/restore", revisions[0].id),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let versions = store::content::versions(&app.state.db, id).await.unwrap();
        assert!(versions[0].body.contains("Vingt objets"));
        let revisions = store::content::revisions(&app.state.db, versions[0].id)
            .await
            .unwrap();
        assert_eq!(
            revisions.len(),
            2,
            "the text replaced by the restore is kept"
        );
        assert!(revisions[0].body.contains("Deuxième version"));

        // Publish: the public sees it, the audit log records it.
        let r = admin
            .post(&format!("/admin/content/{id}/publish"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = visitor.get("/blog/atelier-reparation-le-bilan").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Vingt objets"));
        assert!(
            visitor
                .get("/blog")
                .await
                .body
                .contains("Atelier réparation : le bilan")
        );
        let audit = store::audit::list(&app.state.db, None, 50, 0)
            .await
            .unwrap();
        assert!(
            audit.iter().any(|a| a.action == "content_published"
                && a.detail.contains("atelier-reparation-le-bilan"))
        );

        // Language: an English reader gets the French text with a note, then the English one.
        let mut english = app.client();
        english.accept_language = Some("en-GB,en;q=0.9".into());
        let page = english.get("/blog/atelier-reparation-le-bilan").await;
        assert!(page.body.contains("not available in English yet"));
        assert!(page.body.contains("Vingt objets"));
        let mut en = fields(
            "post",
            "Repair workshop: the results",
            "repair-workshop-results",
            "# Results\n\nTwenty things **repaired**.",
            "published",
        );
        set(&mut en, "tags", "méthode, essai");
        let r = post(&mut admin, &format!("/admin/content/{id}?lang=en"), &en).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = english.get("/blog/atelier-reparation-le-bilan").await;
        assert!(
            page.body.contains("Twenty things") && !page.body.contains("not available in English")
        );
        assert!(page.body.contains("hreflang=\"fr\""));
        assert!(page.body.contains("<link rel=\"canonical\" href=\"http://impact.test/blog/repair-workshop-results?lang=en\">"));
        let french = visitor.get("/blog/repair-workshop-results").await;
        assert!(
            french.body.contains("Vingt objets"),
            "a French reader of the English address reads French"
        );
        assert!(french.body.contains(
            "hreflang=\"en\" href=\"http://impact.test/blog/repair-workshop-results?lang=en\""
        ));
        let forced = visitor
            .get("/blog/atelier-reparation-le-bilan?lang=en")
            .await;
        assert!(forced.body.contains("Twenty things"));
        // An English slug taken by another English post is refused.
        let other = post(
            &mut admin,
            "/admin/content/new",
            &fields("post", "Autre", "autre-article", "Texte", "draft"),
        )
        .await;
        let other_id = item_id(&other);
        let r = post(
            &mut admin,
            &format!("/admin/content/{other_id}?lang=en"),
            &fields("post", "Other", "repair-workshop-results", "Text", "draft"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("déjà prise"));

        // Search: in the reader's language, title matches first.
        let found = visitor.get("/recherche?q=atelier").await;
        let first = found
            .body
            .find("atelier-reparation-le-bilan")
            .expect("found by title");
        if let Some(body_match) = found.body.find("/guides/") {
            assert!(first < body_match, "title matches come first");
        }
        let found = english.get("/recherche?q=twenty").await;
        assert!(found.body.contains("Repair workshop: the results"));
        let r = visitor
            .get(&format!("/recherche?q={}", "x".repeat(150)))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("plus de 100 caractères"));
        assert!(
            visitor
                .get("/recherche?q=%25_%25")
                .await
                .body
                .contains("Aucun résultat")
        );

        // Hostile Markdown never yields script.
        let hostile = "<script>alert(1)</script>\n\n[clic](javascript:alert(1)) [autre](JaVaScRiPt:alert(2))\n\n<img src=x onerror=alert(1)>\n\n![img](javascript:alert(3))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[ok](https://example.org) </script><script>alert(4)</script>";
        let mut h = fields(
            "post",
            "</script><script>alert('titre')</script>",
            "hostile",
            hostile,
            "published",
        );
        set(&mut h, "summary", "\"><script>alert(5)</script>");
        let r = post(&mut admin, "/admin/content/new", &h).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = visitor.get("/blog/hostile").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_no_script(&page.body);
        assert!(
            page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "raw HTML shown as text"
        );
        assert!(page.body.contains("href=\"https://example.org\""));
        assert!(page.body.contains("application/ld+json"));
        let ld_start = page.body.find("application/ld+json\">").unwrap();
        let ld = &page.body[ld_start + 21..];
        let ld = &ld[..ld.find("</script>").unwrap()];
        let json: serde_json::Value = serde_json::from_str(ld).expect("JSON-LD parses");
        assert_eq!(json["@type"], "Article");
        assert_eq!(json["headline"], "</script><script>alert('titre')</script>");
        assert_no_script(&visitor.get("/blog").await.body);
        assert_no_script(&visitor.get("/recherche?q=alert").await.body);
        let preview = admin
            .post("/admin/content/preview", &[("body", hostile)])
            .await;
        assert_eq!(preview.status, StatusCode::OK);
        assert_no_script(&preview.body);
        let atom = visitor.get("/blog/feed.xml").await.body;
        assert!(!atom.contains("<script"), "feed content is escaped");

        // Unpublish and delete are audited.
        assert_eq!(
            admin
                .post(&format!("/admin/content/{id}/unpublish"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            visitor
                .get("/blog/atelier-reparation-le-bilan")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            admin
                .post(&format!("/admin/content/{id}/delete"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert!(
            store::content::find(&app.state.db, id)
                .await
                .unwrap()
                .is_none()
        );
        let audit = store::audit::list(&app.state.db, None, 50, 0)
            .await
            .unwrap();
        assert!(audit.iter().any(|a| a.action == "content_unpublished"));
        assert!(audit.iter().any(|a| a.action == "content_deleted"));
        app.state.db.close().await;
    }
}

async fn range(c: &mut Client, path: &str, value: Option<&str>) -> TestResponse {
    let mut req = Request::get(path);
    if let Some(v) = value {
        req = req.header(header::RANGE, v);
    }
    c.request(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn public_pages_feeds_audio_and_pdf_from_the_demo() {
    let t = testkit::TestDb::sqlite().await;
    let app = TestApp::with_demo(t).await;
    let mut c = app.client();
    for path in [
        "/notre-histoire",
        "/offres",
        "/micro-centres",
        "/mentions-legales",
        "/confidentialite",
        "/blog",
        "/blog/partir-d-un-probleme-local",
        "/blog?tag=budget",
        "/podcast",
        "/podcast/pourquoi-partir-d-un-probleme-local",
        "/etudes-de-cas",
        "/etudes-de-cas/la-recyclerie-des-pentes",
        "/guides",
        "/guides/guide-du-micro-centre",
        "/guides/guide-du-micro-centre/choisir-et-amenager-le-lieu",
        "/recherche?q=recyclerie",
    ] {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_no_script(&r.body);
    }
    let sitemap = web::content::sitemap_entries(&app.state.db).await.unwrap();
    for path in [
        "/notre-histoire",
        "/notre-histoire?lang=en",
        "/blog/start-from-a-local-problem?lang=en",
        "/guides/guide-du-micro-centre/choisir-et-amenager-le-lieu",
        "/podcast",
    ] {
        assert!(sitemap.iter().any(|(p, _)| p == path), "sitemap {path}");
    }
    assert!(!sitemap.iter().any(|(p, _)| p.starts_with("/our-story")));
    for (path, _) in &sitemap {
        assert_eq!(
            c.get(path).await.status,
            StatusCode::OK,
            "sitemap entry {path}"
        );
    }
    let r = c.get("/privacy").await;
    assert_eq!(r.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(r.location(), Some("/confidentialite"));
    let tagged = c.get("/blog?tag=budget").await.body;
    assert!(
        tagged.contains("budget-previsionnel-sans-peur")
            && !tagged.contains("premiere-annee-micro-centre-die")
    );
    let case = c.get("/etudes-de-cas/la-recyclerie-des-pentes").await.body;
    assert!(
        case.contains("12,4") && case.contains("La Recyclerie des Pentes"),
        "figures and project"
    );
    let chapter = c
        .get("/guides/guide-du-micro-centre/choisir-et-amenager-le-lieu")
        .await
        .body;
    assert!(
        chapter.contains("href=\"#l-accessibilite\""),
        "heading table of contents"
    );
    assert!(chapter.contains("rel=\"prev\"") && chapter.contains("qu-est-ce-qu-un-micro-centre"));
    let search = c.get("/recherche?q=Recyclerie").await.body;
    assert!(search.contains("/etudes-de-cas/la-recyclerie-des-pentes"));
    // English: the same address shows the English version; a post without one falls back.
    let mut en = app.client();
    en.accept_language = Some("en".into());
    let story = en.get("/notre-histoire").await.body;
    assert!(story.contains("Our story") && story.contains("lang=\"en\""));
    assert!(
        story.contains("/notre-histoire?lang=en\">"),
        "canonical of the English page"
    );
    assert!(
        story.contains("href=\"/notre-histoire?lang=fr\" hreflang=\"fr\""),
        "the visible link forces French"
    );
    let fallback = en.get("/blog/budget-previsionnel-sans-peur").await.body;
    assert!(fallback.contains("not available in English yet"));
    // Episode page: the player and its JSON-LD.
    let ep = c
        .get("/podcast/pourquoi-partir-d-un-probleme-local")
        .await
        .body;
    assert!(ep.contains("<audio controls"));
    assert!(ep.contains("\"@type\":\"PodcastEpisode\""));
    let needle = "<audio controls preload=\"metadata\" src=\"";
    let src_start = ep.find(needle).unwrap() + needle.len();
    let src = ep[src_start..].split('"').next().unwrap().to_string();

    // Audio with ranges.
    let len = MP3.len();
    let full = range(&mut c, &src, None).await;
    assert_eq!(full.status, StatusCode::OK);
    assert_eq!(full.bytes, MP3);
    assert_eq!(full.header("accept-ranges"), Some("bytes"));
    assert_eq!(full.header("content-type"), Some("audio/mpeg"));
    assert!(full.header("cache-control").unwrap().contains("max-age"));
    let first = range(&mut c, &src, Some("bytes=0-99")).await;
    assert_eq!(first.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(first.bytes, &MP3[..100]);
    assert_eq!(
        first.header("content-range"),
        Some(format!("bytes 0-99/{len}").as_str())
    );
    let suffix = range(&mut c, &src, Some("bytes=-100")).await;
    assert_eq!(suffix.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(suffix.bytes, &MP3[len - 100..]);
    assert_eq!(
        suffix.header("content-range"),
        Some(format!("bytes {}-{}/{len}", len - 100, len - 1).as_str())
    );
    let open = range(&mut c, &src, Some("bytes=100-")).await;
    assert_eq!(open.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(open.bytes, &MP3[100..]);
    let bad = range(&mut c, &src, Some(&format!("bytes={len}-"))).await;
    assert_eq!(bad.status, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(
        bad.header("content-range"),
        Some(format!("bytes */{len}").as_str())
    );
    let garbage = range(&mut c, &src, Some("bytes=zz-1")).await;
    assert_eq!(garbage.status, StatusCode::RANGE_NOT_SATISFIABLE);
    let mut gzip = Request::get(&src)
        .header(header::ACCEPT_ENCODING, "gzip")
        .header(header::RANGE, "bytes=0-9");
    gzip = gzip.header(header::ACCEPT, "*/*");
    let r = c.request(gzip.body(Body::empty()).unwrap()).await;
    assert_eq!(r.bytes, &MP3[..10], "audio is never re-encoded");
    assert_eq!(
        c.get("/podcast/audio/999999.mp3").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.get("/podcast/audio/x.mp3").await.status,
        StatusCode::NOT_FOUND
    );

    // Atom feed: parses, absolute addresses, HTML content, one per language.
    let atom = c.get("/blog/feed.xml").await;
    assert!(
        atom.header("content-type")
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = feed_rs::parser::parse(atom.bytes.as_slice()).expect("Atom parses");
    assert_eq!(feed.entries.len(), 3);
    for e in &feed.entries {
        assert!(e.links[0].href.starts_with("http://impact.test/blog/"));
        let content = e.content.as_ref().expect("content");
        let html = content.body.as_deref().unwrap_or("");
        assert!(html.contains("<h2") || html.contains("<p>"), "{html}");
        assert!(e.published.is_some() && e.updated.is_some());
    }
    let atom_en = c.get("/blog/feed.xml?lang=en").await;
    let feed_en = feed_rs::parser::parse(atom_en.bytes.as_slice()).expect("English Atom parses");
    assert!(feed_en.entries.iter().any(|e| {
        e.title
            .as_ref()
            .unwrap()
            .content
            .contains("Why your project")
    }));
    assert!(
        feed_en
            .entries
            .iter()
            .any(|e| e.links[0].href.ends_with("?lang=en"))
    );

    // Podcast RSS: parses, enclosures with their real length, the iTunes tags directories need.
    let rss = c.get("/podcast/feed.xml").await;
    assert!(
        rss.header("content-type")
            .unwrap()
            .starts_with("application/rss+xml")
    );
    let feed = feed_rs::parser::parse(rss.bytes.as_slice()).expect("RSS parses");
    assert_eq!(feed.entries.len(), 2);
    let sizes = [
        include_bytes!("../../../web/data/content/audio/episode-2.mp3").len() as u64,
        MP3.len() as u64,
    ];
    for (e, size) in feed.entries.iter().zip(sizes) {
        let media = &e.media[0].content[0];
        assert_eq!(media.size, Some(size));
        assert_eq!(
            media.content_type.as_ref().unwrap().to_string(),
            "audio/mpeg"
        );
        let url = media.url.as_ref().unwrap().to_string();
        assert!(url.starts_with("http://impact.test/podcast/audio/"));
        let path = url.trim_start_matches("http://impact.test");
        assert_eq!(c.get(path).await.bytes.len() as u64, size);
    }
    let doc = roxmltree::Document::parse(&rss.body).expect("well-formed XML");
    const ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    let channel = doc
        .descendants()
        .find(|n| n.has_tag_name("channel"))
        .unwrap();
    for name in ["author", "image", "category", "explicit", "owner"] {
        assert!(
            child(channel, Some(ITUNES), name).is_some(),
            "channel itunes:{name}"
        );
    }
    assert!(
        child(channel, Some(ITUNES), "image")
            .unwrap()
            .attribute("href")
            .unwrap()
            .ends_with("/podcast/cover.png")
    );
    for name in ["title", "link", "language", "description"] {
        assert!(child(channel, None, name).is_some(), "channel {name}");
    }
    let cover = c.get("/podcast/cover.png").await;
    assert_eq!(cover.header("content-type"), Some("image/png"));
    assert!(cover.bytes.starts_with(b"\x89PNG"));
    let items: Vec<_> = channel
        .children()
        .filter(|n| n.has_tag_name("item"))
        .collect();
    assert_eq!(items.len(), 2);
    for item in items {
        let guid = child(item, None, "guid").unwrap();
        assert_eq!(guid.attribute("isPermaLink"), Some("false"));
        let enclosure = child(item, None, "enclosure").unwrap();
        for a in ["url", "length", "type"] {
            assert!(enclosure.attribute(a).is_some(), "enclosure {a}");
        }
        let date = child(item, None, "pubDate").unwrap().text().unwrap();
        time::OffsetDateTime::parse(date, &time::format_description::well_known::Rfc2822)
            .expect("RFC 2822 date");
        let duration = child(item, Some(ITUNES), "duration")
            .unwrap()
            .text()
            .unwrap();
        assert!(duration.starts_with("00:0"), "{duration}");
        assert!(child(item, Some(ITUNES), "episode").is_some());
        assert!(child(item, Some(ITUNES), "explicit").is_some());
    }

    // The guide as one PDF with every chapter.
    let pdf = c.get("/guides/guide-du-micro-centre.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    if let Some(text) = testkit::pdf_text(&pdf.bytes) {
        assert!(text.contains("Guide du micro-centre"));
        assert!(text.contains("Choisir et aménager le lieu"));
        assert!(text.contains("Un micro-centre aide les habitants"));
        assert!(text.contains("Salle d'atelier") || text.contains("Salle d’atelier"));
    }
    assert_eq!(
        c.get("/guides/inconnu.pdf").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.get("/guides/guide-du-micro-centre/inconnu").await.status,
        StatusCode::NOT_FOUND
    );
    app.state.db.close().await;
}

#[tokio::test]
async fn episodes_take_an_uploaded_audio_file() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let base = [
            ("kind", "episode"),
            ("title", "Épisode 3 : mesurer son impact"),
            ("slug", ""),
            ("body", "Notes de l'épisode."),
            ("status", "published"),
            ("duration", "12:34"),
            ("episode", "3"),
            ("season", "1"),
            ("_action", "save"),
        ];
        // Not audio: refused beside the field, nothing stored.
        let r = admin
            .post_multipart(
                "/admin/content/new",
                &base,
                Some(("audio", "notes.mp3", b"<html>pas du son</html>")),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("pas un fichier audio"));
        assert!(r.body.contains("Épisode 3 : mesurer son impact"));
        let mut bad = base.to_vec();
        bad.retain(|(k, _)| *k != "duration");
        bad.push(("duration", "douze minutes"));
        let r = admin.post_multipart("/admin/content/new", &bad, None).await;
        assert!(r.body.contains("Durée invalide"));
        let r = admin
            .post_multipart(
                "/admin/content/new",
                &base,
                Some(("audio", "episode-3.mp3", MP3)),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = item_id(&r);
        let item = store::content::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(item.duration_seconds, Some(754));
        assert_eq!(item.audio_size, Some(MP3.len() as i64));
        let mut visitor = app.client();
        let page = visitor.get("/podcast/episode-3-mesurer-son-impact").await;
        assert!(page.body.contains(&format!("/podcast/audio/{id}.mp3")));
        let part = range(
            &mut visitor,
            &format!("/podcast/audio/{id}.mp3"),
            Some("bytes=0-99"),
        )
        .await;
        assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(part.bytes, &MP3[..100]);
        let rss = visitor.get("/podcast/feed.xml").await.body;
        assert!(rss.contains("<itunes:duration>00:12:34</itunes:duration>"));
        assert!(rss.contains("<itunes:episode>3</itunes:episode>"));
        // A draft episode's audio is not public.
        admin
            .post(&format!("/admin/content/{id}/unpublish"), &[])
            .await;
        assert_eq!(
            visitor
                .get(&format!("/podcast/audio/{id}.mp3"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            admin.get(&format!("/podcast/audio/{id}.mp3")).await.status,
            StatusCode::OK
        );

        // A long episode (over the 1 MB kept in memory) streams through a temporary file into
        // the storage; past the media limit (2 MB in tests) the request ends with 413 and the
        // temporary file is gone, nothing created.
        let spool = app.state.config.files_dir.join(".incoming");
        let long: Vec<u8> = MP3.iter().copied().cycle().take(1_500_000).collect();
        let mut second = base.to_vec();
        second.retain(|(k, _)| *k != "title" && *k != "episode");
        second.push(("title", "Épisode 4 : le long entretien"));
        second.push(("episode", "4"));
        let r = admin
            .post_multipart(
                "/admin/content/new",
                &second,
                Some(("audio", "episode-4.mp3", &long)),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            files_in(&spool),
            0,
            "the temporary file was moved or removed"
        );
        let long_id = item_id(&r);
        let whole = visitor.get(&format!("/podcast/audio/{long_id}.mp3")).await;
        assert_eq!(whole.bytes, long);
        let huge: Vec<u8> = MP3.iter().copied().cycle().take(3 * 1024 * 1024).collect();
        let mut third = base.to_vec();
        third.retain(|(k, _)| *k != "title" && *k != "episode");
        third.push(("title", "Épisode 5 : trop long"));
        third.push(("episode", "5"));
        let r = admin
            .post_multipart(
                "/admin/content/new",
                &third,
                Some(("audio", "episode-5.mp3", &huge)),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(files_in(&spool), 0, "the temporary file was removed");
        assert_eq!(
            visitor.get("/podcast/episode-5-trop-long").await.status,
            StatusCode::NOT_FOUND,
            "nothing created"
        );
        app.state.db.close().await;
    }
}

/// How many files a folder holds (none when it does not exist).
fn files_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().count())
}

fn child<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    ns: Option<&str>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    node.children()
        .find(|c| c.tag_name().name() == name && c.tag_name().namespace() == ns)
}

/// What a `<textarea id="…">` holds, unescaped.
fn textarea(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("<textarea id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let rest = &html[start..];
    let open = rest.find('>').unwrap_or(0) + 1;
    let close = rest.find("</textarea>").unwrap_or(rest.len());
    rest[open..close]
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn case_study_figures_from_the_projects_latest_measurements() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let project = store::content::project_choices(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .find(|(_, name)| name.contains("La Recyclerie des Pentes"))
            .expect("demo project")
            .0;
        let mut f = fields(
            "case_study",
            "La recyclerie en chiffres",
            "recyclerie-en-chiffres",
            "Un an de réemploi.",
            "published",
        );
        set(&mut f, "figures", "3 | ateliers | par mois");
        set(&mut f, "_action", "fill-figures");
        // No project chosen: said beside the field, what was typed is kept.
        let r = post(&mut admin, "/admin/content/new", &f).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-project_id-error\""), "{}", r.body);
        assert_eq!(textarea(&r.body, "f-figures"), "3 | ateliers | par mois");
        // The demo recyclerie measured waste, volunteers and repairs, last on 20 November 2026:
        // each indicator's latest value, its unit and name in French, and the day, after the
        // figure typed by hand. Nothing is saved yet.
        set(&mut f, "project_id", &project.to_string());
        let r = post(&mut admin, "/admin/content/new", &f).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let figures = textarea(&r.body, "f-figures");
        assert_eq!(
            figures,
            "3 | ateliers | par mois\n\
             1,85 | tonnes | Déchets détournés de l'enfouissement | 2026-11-20\n\
             12 | personnes | Bénévoles actifs | 2026-11-20\n\
             81 | objets | Objets réparés | 2026-11-20"
        );
        assert!(
            web::content::sitemap_entries(&app.state.db)
                .await
                .unwrap()
                .iter()
                .all(|(p, _)| !p.contains("recyclerie-en-chiffres")),
            "filling saves nothing"
        );
        set(&mut f, "figures", &figures);
        set(&mut f, "_action", "save");
        let r = post(&mut admin, "/admin/content/new", &f).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = item_id(&r);

        // The public page shows the day beside each measured figure, not beside the typed one.
        let mut visitor = app.client();
        let page = visitor.get("/etudes-de-cas/recyclerie-en-chiffres").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body.matches("(mesuré le 20 novembre 2026)").count(), 3);
        assert!(page.body.contains("Bénévoles actifs") && page.body.contains("par mois"));
        assert!(
            page.body.contains("La Recyclerie des Pentes"),
            "the linked project"
        );

        // The English version is filled in English; an older measured line is replaced.
        let mut en = fields(
            "case_study",
            "The recyclerie in figures",
            "recyclerie-in-figures",
            "A year of reuse.",
            "published",
        );
        set(&mut en, "project_id", &project.to_string());
        set(&mut en, "figures", "9 | t | old figure | 2026-01-31");
        set(&mut en, "_action", "fill-figures");
        let edit = format!("/admin/content/{id}?lang=en");
        let r = post(&mut admin, &edit, &en).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let figures = textarea(&r.body, "f-figures");
        assert_eq!(
            figures,
            "1.85 | tonnes | Waste diverted from landfill | 2026-11-20\n\
             12 | people | Active volunteers | 2026-11-20\n\
             81 | items | Items repaired | 2026-11-20"
        );
        set(&mut en, "figures", &figures);
        set(&mut en, "_action", "save");
        let r = post(&mut admin, &edit, &en).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let switched = visitor.get("/lang?lang=en&next=/").await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER);
        let page = visitor
            .get("/etudes-de-cas/recyclerie-in-figures?lang=en")
            .await
            .body;
        assert_eq!(
            page.matches("(measured on 20 November 2026)").count(),
            3,
            "{page}"
        );
        assert!(page.contains("Active volunteers") && !page.contains("old figure"));

        // Figures typed by hand still work, and a badly typed day is refused.
        let mut bad = fields("case_study", "Mal daté", "", "Texte", "draft");
        set(&mut bad, "figures", "4 | t | évitées | le 3 novembre");
        let r = post(&mut admin, "/admin/content/new", &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Chiffres invalides"));
        // A project without measurements says so.
        let mut empty = None;
        for (id, _) in store::content::project_choices(&app.state.db)
            .await
            .unwrap()
        {
            let none = store::impact::measurements(&app.state.db, id)
                .await
                .unwrap();
            if none.is_empty() {
                empty = Some(id);
                break;
            }
        }
        {
            let empty = empty.expect("a demo project without measurements");
            let mut f = fields("case_study", "Sans mesure", "", "Texte", "draft");
            set(&mut f, "project_id", &empty.to_string());
            set(&mut f, "_action", "fill-figures");
            let r = post(&mut admin, "/admin/content/new", &f).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.body.contains("aucune mesure"), "{}", r.body);
        }
        app.state.db.close().await;
    }
}

#[tokio::test]
async fn a_published_page_answers_at_its_own_address() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let mut visitor = app.client();
        let r = post(
            &mut admin,
            "/admin/content/new",
            &fields(
                "page",
                "L'atelier vélo",
                "atelier-velo",
                "Le **mardi** soir, on répare.",
                "draft",
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = item_id(&r);
        // A draft: no address for the public, in either language; staff preview it in the
        // editor as for any item.
        assert_eq!(
            visitor.get("/atelier-velo").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            visitor.get("/atelier-velo?lang=en").await.status,
            StatusCode::NOT_FOUND
        );
        let mut preview = fields(
            "page",
            "L'atelier vélo",
            "atelier-velo",
            "Le **mardi** soir, on répare.",
            "draft",
        );
        set(&mut preview, "_action", "preview");
        let r = post(
            &mut admin,
            &format!("/admin/content/{id}?lang=fr"),
            &preview,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("<strong>mardi</strong>"));

        // Published, with an English version: the page answers at its French address.
        let r = admin
            .post(&format!("/admin/content/{id}/publish"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = post(
            &mut admin,
            &format!("/admin/content/{id}?lang=en"),
            &fields(
                "page",
                "The bike workshop",
                "bike-workshop",
                "On **Tuesday** evenings, we fix.",
                "published",
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let fr = visitor.get("/atelier-velo").await;
        assert_eq!(fr.status, StatusCode::OK);
        assert!(fr.body.contains("<strong>mardi</strong>") && fr.body.contains("vélo"));
        assert!(
            fr.body.contains("hreflang=\"en\""),
            "links the English version"
        );
        let en = visitor.get("/atelier-velo?lang=en").await;
        assert_eq!(en.status, StatusCode::OK);
        assert!(
            en.body.contains("The bike workshop") && en.body.contains("<strong>Tuesday</strong>")
        );
        let switched = visitor.get("/lang?lang=en&next=/").await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER);
        let en = visitor.get("/atelier-velo").await;
        assert!(
            en.body.contains("The bike workshop"),
            "the reader's language"
        );
        let sitemap = visitor.get("/sitemap.xml").await.body;
        assert!(sitemap.contains("/atelier-velo<"), "{sitemap}");
        // The other routes are not shadowed, an address that is not a slug is no page.
        assert_eq!(visitor.get("/blog").await.status, StatusCode::OK);
        assert_eq!(visitor.get("/notre-histoire").await.status, StatusCode::OK);
        assert_eq!(
            visitor.get("/Atelier-Velo").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            visitor.get("/atelier-velo/plus").await.status,
            StatusCode::NOT_FOUND
        );
        // Pages keep their French address: the English slug leads there.
        let moved = visitor.get("/bike-workshop").await;
        assert_eq!(moved.status, StatusCode::MOVED_PERMANENTLY);
        assert_eq!(moved.location(), Some("/atelier-velo?lang=en"));

        // A page cannot take the address of a part of the site.
        let r = post(
            &mut admin,
            "/admin/content/new",
            &fields("page", "Le blog", "blog", "Texte", "published"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-slug-error\""), "{}", r.body);

        // Unpublished: a 404 again. Scheduled for later: a 404 until its time.
        let r = admin
            .post(&format!("/admin/content/{id}/unpublish"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            visitor.get("/atelier-velo").await.status,
            StatusCode::NOT_FOUND
        );
        let mut later = fields("page", "Plus tard", "plus-tard", "Bientôt.", "scheduled");
        set(&mut later, "publish_at", "2099-01-01T10:00");
        let r = post(&mut admin, "/admin/content/new", &later).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            visitor.get("/plus-tard").await.status,
            StatusCode::NOT_FOUND
        );
        // Scheduled for within the hour: public once the hour has passed, no job involved.
        let mut soon = fields("page", "Bientôt", "bientot", "Dans l'heure.", "scheduled");
        let at = domain::content::paris_input(app.now() + 3_600);
        set(&mut soon, "publish_at", &at);
        let r = post(&mut admin, "/admin/content/new", &soon).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(visitor.get("/bientot").await.status, StatusCode::NOT_FOUND);
        app.advance(3_600);
        let r = visitor.get("/bientot").await;
        assert_eq!(r.status, StatusCode::OK, "{at}");
        assert!(r.body.contains("Dans l"), "{}", r.body);
        app.state.db.close().await;
    }
}

/// Every first segment of a route the web crate declares is in `ROUTE_SEGMENTS`, so no page is
/// ever given an address a route already answers.
#[test]
fn page_slugs_never_take_a_route() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut sources = Vec::new();
    files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src"),
        &mut sources,
    );
    let mut seen = 0;
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        let squeezed: String = text.split_whitespace().collect();
        for (at, _) in squeezed.match_indices(".route(\"/") {
            let rest = &squeezed[at + ".route(\"/".len()..];
            let segment: String = rest
                .chars()
                .take_while(|c| !matches!(c, '/' | '"' | '{'))
                .collect();
            seen += 1;
            if segment.is_empty() || segment.contains('.') {
                continue;
            }
            assert!(
                web::content::ROUTE_SEGMENTS.contains(&segment.as_str()),
                "/{segment} ({}) is missing from ROUTE_SEGMENTS",
                path.display()
            );
        }
    }
    assert!(seen > 50, "routes found: {seen}");
}
