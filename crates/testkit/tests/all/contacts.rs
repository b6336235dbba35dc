//! The CRM on both databases: people and organisations per centre (SIRET checked, no read or
//! write across centres: a 404), a person's one history (lead, account, applications,
//! interactions), interactions with follow-ups on the dashboard and in the daily digest, the
//! prospecting board (stages, moves, totals), the CSV import (preview, duplicates by e-mail and
//! SIRET, errors per line, re-import creates nothing) and export, segments and their
//! consenting addresses, and the people list over 10,000 people (paginated, few statements).
use axum::http::StatusCode;
use testkit::{Client, TestApp, databases};

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .contains(text)
}

async fn studio(app: &TestApp) -> i64 {
    store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    c.login(email, "impact-demo").await;
    c
}

async fn person_id(app: &TestApp, email: &str) -> i64 {
    let (people, _) = store::contacts::people(
        &app.state.db,
        &store::contacts::PeopleFilter {
            search: email.to_string(),
            ..Default::default()
        },
        0,
        10,
    )
    .await
    .unwrap();
    people
        .iter()
        .find(|p| p.email.as_deref() == Some(email))
        .unwrap_or_else(|| panic!("{email}"))
        .id
}

fn id_in(location: Option<&str>, prefix: &str) -> i64 {
    location
        .and_then(|l| l.strip_prefix(prefix))
        .and_then(|l| l.split(['?', '/']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{location:?}"))
}

#[tokio::test]
async fn people_and_organisations_stay_in_their_centre() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let list = manager.get("/contacts").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(has(&list.body, "Claire Moreau") && has(&list.body, "Métropole de Lyon"));

        // A SIRET whose Luhn check fails comes back beside its field, with what was typed.
        let bad = manager
            .post(
                "/organisations/new",
                &[
                    ("name", "Régie de quartier <Pentes>"),
                    ("kind", "partner"),
                    ("siret", "120 027 016 00018"),
                    ("website", "pas un site"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-siret-error\""));
        assert!(bad.body.contains("id=\"f-website-error\""));
        assert!(bad.body.contains("Régie de quartier &#60;Pentes&#62;"));
        let good = manager
            .post(
                "/organisations/new",
                &[
                    ("name", "Régie de quartier des Pentes"),
                    ("kind", "client"),
                    ("siret", "356 000 000 00056"),
                    ("website", "regie.example"),
                ],
            )
            .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
        let org = id_in(good.location(), "/organisations/");
        // The same SIRET twice in a centre is refused beside the field.
        let again = manager
            .post(
                "/organisations/new",
                &[
                    ("name", "Doublon"),
                    ("kind", "client"),
                    ("siret", "35600000000056"),
                ],
            )
            .await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&again.body, "déjà ce SIRET"));

        // A person of that organisation; a bad address and phone come back beside their fields.
        let bad = manager
            .post(
                "/contacts/new",
                &[("name", ""), ("email", "pas-une-adresse"), ("phone", "12")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["name", "email", "phone"] {
            assert!(
                bad.body.contains(&format!("id=\"f-{field}-error\"")),
                "{field}"
            );
        }
        let created = manager
            .post(
                "/contacts/new",
                &[
                    ("name", "Nadia Benali"),
                    ("email", "Nadia@Regie.example"),
                    ("phone", "06 01 02 03 04"),
                    ("organisation", &org.to_string()),
                    ("role", "Directrice"),
                    ("tags", "Régie, ESS"),
                    ("newsletter", "yes"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let nadia = id_in(created.location(), "/contacts/");
        let page = manager.get(&format!("/contacts/{nadia}")).await;
        assert!(has(&page.body, "nadia@regie.example") && has(&page.body, "Directrice"));
        let dup = manager
            .post(
                "/contacts/new",
                &[("name", "Autre"), ("email", "nadia@regie.example")],
            )
            .await;
        assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(dup.body.contains("id=\"f-email-error\""));

        // A lead, a contact and an account are one person's history.
        let paul = person_id(&app, "participant@demo.local").await;
        let page = manager.get(&format!("/contacts/{paul}")).await.body;
        assert!(
            has(&page, "Compte créé") && has(&page, "A un compte"),
            "{page}"
        );
        let lea = person_id(&app, "lea.moreau@demo.local").await;
        let page = manager.get(&format!("/contacts/{lea}")).await.body;
        assert!(
            has(&page, "Contact du site") && page.contains("/admin/leads/"),
            "{page}"
        );

        // Another centre's manager reads and writes none of it: a 404, as for nothing there.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        for path in [
            format!("/contacts/{nadia}"),
            format!("/contacts/{nadia}/edit"),
            format!("/organisations/{org}"),
        ] {
            assert_eq!(die.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        let post = die
            .post(
                &format!("/contacts/{nadia}/interactions"),
                &[("kind", "call"), ("body", "Intrusion")],
            )
            .await;
        assert_eq!(post.status, StatusCode::NOT_FOUND);
        let post = die
            .post(&format!("/contacts/{nadia}/edit"), &[("name", "Volé")])
            .await;
        assert_eq!(post.status, StatusCode::NOT_FOUND);
        let theirs = die.get("/contacts?centre=0").await.body;
        assert!(!has(&theirs, "Claire Moreau") && !has(&theirs, "Nadia Benali"));
        // Asking for the studio's list by its id gives their own centre's.
        let asked = die
            .get(&format!("/contacts?centre={}", studio(&app).await))
            .await
            .body;
        assert!(!has(&asked, "Claire Moreau"));
        // Nor can they put a person of theirs in the studio's organisation.
        let cross = die
            .post(
                "/contacts/new",
                &[("name", "Test"), ("organisation", &org.to_string())],
            )
            .await;
        assert_eq!(cross.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(cross.body.contains("id=\"f-organisation-error\""));

        // A coach has no CRM; the network team sees every centre's.
        let mut coach = signed_in(&app, "coach@demo.local").await;
        assert_eq!(coach.get("/contacts").await.status, StatusCode::FORBIDDEN);
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let all = admin.get("/contacts?centre=0").await.body;
        assert!(has(&all, "Claire Moreau") && has(&all, "Nadia Benali"));
        assert_eq!(
            admin.get(&format!("/organisations/{org}")).await.status,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn interactions_follow_ups_dashboard_and_daily_digest() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let julien = person_id(&app, "julien@imprimerie-coop.example").await;
        let path = format!("/contacts/{julien}/interactions");
        let bad = manager
            .post(
                &path,
                &[
                    ("kind", "call"),
                    ("body", "Devis reçu"),
                    ("follow_up", "demain"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-follow_up-error\"") && has(&bad.body, "Devis reçu"));
        let today = app.state.clock.run(async { web::contacts::today() }).await;
        let ok = manager
            .post(
                &path,
                &[
                    ("kind", "call"),
                    ("body", "Devis reçu pour les affiches"),
                    ("follow_up", &today),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let page = manager.get(&format!("/contacts/{julien}")).await.body;
        assert!(has(&page, "Devis reçu pour les affiches") && has(&page, "Relance faite"));

        // The follow-up is on the manager's « À faire ».
        let dash = manager.get("/dashboard").await.body;
        assert!(
            has(&dash, "Relances à faire") && has(&dash, "Julien Petit"),
            "{dash}"
        );

        // The daily digest is queued once a day per centre, and mails the centre's managers.
        let queued = app
            .state
            .clock
            .run(web::contacts::digest::schedule(&app.state, &today))
            .await
            .unwrap();
        assert!(queued >= 1);
        let mail = app
            .last_mail_to("manager@demo.local")
            .await
            .expect("digest");
        assert!(has(&mail.subject, "relance"), "{}", mail.subject);
        assert!(
            has(&mail.text, "Julien Petit") && has(&mail.text, "/contacts/"),
            "{}",
            mail.text
        );
        let again = app
            .state
            .clock
            .run(web::contacts::digest::schedule(&app.state, &today))
            .await
            .unwrap();
        assert_eq!(again, 0, "one digest a day");

        // Done: it leaves the dashboard.
        let id = store::contacts::due_follow_ups(&app.state.db, studio(&app).await, &today, 50)
            .await
            .unwrap()
            .into_iter()
            .find(|f| f.contact_id == Some(julien))
            .unwrap()
            .id;
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        assert_eq!(
            die.post(&format!("/interactions/{id}/done"), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let done = manager.post(&format!("/interactions/{id}/done"), &[]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let dash = manager.get("/dashboard").await.body;
        assert!(!has(&dash, "Julien Petit"));

        // On an organisation too.
        let org = store::contacts::orgs(&app.state.db, studio(&app).await, "Tiers-Lieu", "", 0, 5)
            .await
            .unwrap()
            .0[0]
            .id;
        let r = manager
            .post(
                &format!("/organisations/{org}/interactions"),
                &[("kind", "meeting"), ("body", "Visite de la grande salle")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = manager.get(&format!("/organisations/{org}")).await.body;
        assert!(has(&page, "Visite de la grande salle") && has(&page, "Amandine Roche"));
    }
}

#[tokio::test]
async fn the_prospecting_board_moves_cards_and_adds_up_stages() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let board = manager.get("/prospection").await;
        assert_eq!(board.status, StatusCode::OK);
        for stage in [
            "À contacter",
            "Contacté",
            "Rendez-vous",
            "Proposition",
            "Gagné",
            "Perdu",
        ] {
            assert!(has(&board.body, stage), "{stage}");
        }
        assert!(has(&board.body, "Convention ESS 2027"));
        let fifteen = format!(
            "{},00\u{a0}€",
            domain::format::integer(domain::Locale::Fr, 15_000)
        );
        assert!(has(&board.body, &fifteen), "{}", board.body);
        let centre = studio(&app).await;
        let stages = store::contacts::pipeline::stages(&app.state.db, centre)
            .await
            .unwrap();
        let bad = manager
            .post(
                "/prospection/deals",
                &[
                    ("centre", &centre.to_string()),
                    ("title", "Mécénat de compétences"),
                    ("kind", "premium"),
                    ("amount", "douze"),
                    ("expected", "2027-02-30"),
                    ("stage", &stages[0].id.to_string()),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("id=\"f-amount-error\"")
                && bad.body.contains("id=\"f-expected-error\"")
        );
        assert!(has(&bad.body, "Mécénat de compétences"));
        let ok = manager
            .post(
                "/prospection/deals",
                &[
                    ("centre", &centre.to_string()),
                    ("title", "Mécénat de compétences"),
                    ("kind", "premium"),
                    ("amount", "3 500"),
                    ("expected", "2027-03-01"),
                    ("stage", &stages[0].id.to_string()),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let deal = store::contacts::pipeline::deals(&app.state.db, centre)
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.title == "Mécénat de compétences")
            .unwrap();
        assert_eq!(deal.amount_cents, 350_000);
        // Moving a card is a plain form.
        let moved = manager
            .post(
                &format!("/prospection/deals/{}/move", deal.id),
                &[("stage", &stages[4].id.to_string())],
            )
            .await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER);
        let after = store::contacts::pipeline::deal(&app.state.db, deal.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(after.stage, "Gagné");
        // Not to another centre's stage, and not by another centre's manager.
        let die_centre = store::centres::find_by_slug(&app.state.db, "micro-centre-die")
            .await
            .unwrap();
        if let Some(die_centre) = die_centre {
            let theirs = store::contacts::pipeline::stages(&app.state.db, die_centre.id)
                .await
                .unwrap();
            let r = manager
                .post(
                    &format!("/prospection/deals/{}/move", deal.id),
                    &[("stage", &theirs[0].id.to_string())],
                )
                .await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST);
        }
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        let r = die
            .post(
                &format!("/prospection/deals/{}/move", deal.id),
                &[("stage", &stages[5].id.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(!has(
            &die.get("/prospection").await.body,
            "Convention ESS 2027"
        ));
        // The centre names its stages.
        let r = manager
            .post(
                &format!("/prospection/stages/{}", stages[2].id),
                &[("name", "Premier rendez-vous")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = manager
            .post(
                "/prospection/stages",
                &[("centre", &centre.to_string()), ("name", "En attente")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let board = manager.get("/prospection").await.body;
        assert!(has(&board, "Premier rendez-vous") && has(&board, "En attente"));
        let r = die
            .post(
                &format!("/prospection/stages/{}", stages[2].id),
                &[("name", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

const FILE: &str = "nom;email;téléphone;rôle;organisation;type;siret;tags;newsletter\r\n\
Hélène Garnier;helene@cafe-velo.example;06 98 76 54 32;Cogérante;Café Vélo;client;51200425000019;vélo;oui\r\n\
Marc Olivier;marc@cafe-velo.example;;Barista;Café Vélo;client;51200425000019;;non\r\n\
;;;;Banque des Territoires;financeur;18000204000012;;\r\n\
Claire Moreau;claire.moreau@metropole.example;;;;;;;\r\n\
Sans Adresse;pas-une-adresse;;;;;;;\r\n\
Mauvais Siret;ms@example.org;;;Coop;client;12345678901234;;\r\n\
Hélène Bis;HELENE@cafe-velo.example;;;;;;;\r\n";

#[tokio::test]
async fn csv_import_previews_dedupes_and_reimports_nothing() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = studio(&app).await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let count = || async {
            store::contacts::people(
                &app.state.db,
                &store::contacts::PeopleFilter {
                    centre,
                    ..Default::default()
                },
                0,
                1,
            )
            .await
            .unwrap()
            .1
        };
        let before = count().await;
        let preview = manager
            .post_multipart(
                "/contacts/import",
                &[],
                Some(("file", "contacts.csv", FILE.as_bytes())),
            )
            .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        let body = preview.body;
        assert!(
            has(&body, "3 nouvelles") && has(&body, "2 doublons") && has(&body, "2 invalides"),
            "{body}"
        );
        for reason in [
            "Une personne a déjà cette adresse.",
            "Adresse e-mail invalide.",
            "SIRET invalide",
            "Même adresse qu'une ligne plus haut.",
        ] {
            assert!(has(&body, reason), "{reason}");
        }
        assert!(
            body.contains("<td data-label=\"Ligne\">6</td>"),
            "line numbers"
        );
        assert_eq!(count().await, before, "a preview writes nothing");

        // Confirm: the new lines only, once.
        let confirm = manager
            .post_multipart(
                "/contacts/import",
                &[("confirm", "yes"), ("text", FILE)],
                None,
            )
            .await;
        assert_eq!(confirm.status, StatusCode::SEE_OTHER, "{}", confirm.body);
        assert_eq!(count().await, before + 2);
        let orgs = store::contacts::orgs(&app.state.db, centre, "", "", 0, 100)
            .await
            .unwrap()
            .0;
        let cafe: Vec<_> = orgs.iter().filter(|o| o.name == "Café Vélo").collect();
        assert_eq!(cafe.len(), 1, "one organisation for two people");
        assert_eq!(cafe[0].people, 2);
        assert!(orgs.iter().any(|o| o.name == "Banque des Territoires"));

        // The same file again: nothing new, nothing made.
        let again = manager
            .post_multipart(
                "/contacts/import",
                &[],
                Some(("file", "contacts.csv", FILE.as_bytes())),
            )
            .await;
        assert!(has(&again.body, "Aucune nouvelle ligne") && has(&again.body, "Rien de nouveau"));
        let confirm = manager
            .post_multipart(
                "/contacts/import",
                &[("confirm", "yes"), ("text", FILE)],
                None,
            )
            .await;
        assert_eq!(confirm.status, StatusCode::SEE_OTHER);
        assert_eq!(count().await, before + 2);
        let n_orgs = store::contacts::orgs(&app.state.db, centre, "", "", 0, 100)
            .await
            .unwrap()
            .1;
        assert_eq!(n_orgs, orgs.len() as i64);

        // A file without a name column is refused beside the field.
        let bad = manager
            .post_multipart("/contacts/import", &[("text", "a;b\n1;2")], None)
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"f-file-error\""));

        // Export: the people in the import's columns, formulas neutralised.
        let csv = manager.get("/contacts.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.body.contains("Hélène Garnier") && csv.body.contains("Café Vélo"));
        // Another centre's manager exports their own.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        assert!(
            !die.get("/contacts.csv")
                .await
                .body
                .contains("Hélène Garnier")
        );
    }
}

#[tokio::test]
async fn segments_count_and_give_the_consenting_addresses() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = studio(&app).await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let page = manager.get("/segments?kind=funder").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has(&page.body, "1 personne"), "{}", page.body);
        let count = manager
            .get(&format!("/segments/count?centre={centre}&consent=yes"))
            .await;
        assert!(count.body.contains("\"count\":4"), "{}", count.body);
        let r = manager
            .post(
                "/segments",
                &[
                    ("centre", &centre.to_string()),
                    ("name", "Newsletter partenaires"),
                    ("consent", "yes"),
                    ("tag", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let dup = manager
            .post(
                "/segments",
                &[
                    ("centre", &centre.to_string()),
                    ("name", "Newsletter partenaires"),
                ],
            )
            .await;
        assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
        let list = store::contacts::segments::list(&app.state.db, centre)
            .await
            .unwrap();
        let (segment, n) = list
            .iter()
            .find(|(s, _)| s.name == "Newsletter partenaires")
            .unwrap();
        assert_eq!(*n, 4);
        let addresses = store::contacts::segments::consenting_addresses(&app.state.db, segment.id)
            .await
            .unwrap();
        let emails: Vec<&str> = addresses.iter().map(|(e, _)| e.as_str()).collect();
        assert!(emails.contains(&"claire.moreau@metropole.example"));
        assert!(
            !emails.contains(&"julien@imprimerie-coop.example"),
            "no consent"
        );
        // A segment by stage: the people of the deals at « Rendez-vous ».
        let stages = store::contacts::pipeline::stages(&app.state.db, centre)
            .await
            .unwrap();
        let n = store::contacts::segments::count(
            &app.state.db,
            &store::contacts::segments::SegmentFilter {
                centre,
                stage_id: stages[2].id,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(n, 1);
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        assert!(!has(
            &die.get("/segments").await.body,
            "Newsletter partenaires"
        ));
    }
}

#[tokio::test]
async fn ten_thousand_people_list_page_by_page() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = studio(&app).await;
        let now = app.now();
        let db = &app.state.db;
        let mut tx = db.begin().await.unwrap();
        for n in 0..10_000 {
            store::contacts::create_person(
                &mut tx,
                centre,
                &store::contacts::PersonFields {
                    name: format!("Personne {n:05}"),
                    email: Some(format!("p{n}@exemple.fr")),
                    tags: if n % 2 == 0 {
                        ",pair,".into()
                    } else {
                        String::new()
                    },
                    ..Default::default()
                },
                now,
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let mut manager = signed_in(&app, "manager@demo.local").await;
        manager.get("/contacts").await;
        let started = std::time::Instant::now();
        let page = manager.get("/contacts?page=120").await;
        let took = started.elapsed();
        assert_eq!(page.status, StatusCode::OK);
        let statements: u32 = page.header("x-sql-statements").unwrap().parse().unwrap();
        assert!(statements <= 5, "{statements} statements");
        assert_eq!(
            page.body.matches("<tr>").count(),
            51,
            "one page of 50 and the header"
        );
        assert!(has(&page.body, "Page 120 sur 201"), "{}", page.body);
        let tagged = manager.get("/contacts?tag=pair").await;
        let five = format!(
            "{} en tout",
            domain::format::integer(domain::Locale::Fr, 5_000)
        );
        assert!(has(&tagged.body, &five), "{}", tagged.body);
        eprintln!("contacts page 120 of 10,000 people: {took:?}, {statements} statements");
        assert!(took.as_millis() < 2_000, "{took:?}");
    }
}

/// An organisation's edit page (errors beside the field, what was typed kept, SIRET checked)
/// and a deal started from a person's page: the board's form comes filled in with them, and
/// the deal lands on the board tied to the person.
#[tokio::test]
async fn an_organisation_is_edited_and_a_deal_starts_from_a_person() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let created = manager
            .post(
                "/organisations/new",
                &[("name", "Café Vélo"), ("kind", "client"), ("siret", "")],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let org = id_in(created.location(), "/organisations/");
        let page = manager.get(&format!("/organisations/{org}/edit")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            has(&page.body, "Café Vélo")
                && page.body.contains(&format!("/organisations/{org}/edit"))
        );
        let bad = manager
            .post(
                &format!("/organisations/{org}/edit"),
                &[
                    ("name", "Café Vélo des Pentes"),
                    ("kind", "client"),
                    ("siret", "120 027 016 00018"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("id=\"f-siret-error\"") && has(&bad.body, "Café Vélo des Pentes")
        );
        let good = manager
            .post(
                &format!("/organisations/{org}/edit"),
                &[
                    ("name", "Café Vélo des Pentes"),
                    ("kind", "partner"),
                    ("siret", "356 000 000 00056"),
                    ("tags", "vélo, quartier"),
                ],
            )
            .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
        let shown = manager.get(&format!("/organisations/{org}")).await;
        assert!(has(&shown.body, "Café Vélo des Pentes") && has(&shown.body, "quartier"));
        // Another centre's manager: not found.
        let mut other = signed_in(&app, "manager.die@demo.local").await;
        assert_eq!(
            other
                .get(&format!("/organisations/{org}/edit"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // A deal from a person's page.
        let person = person_id(&app, "claire.moreau@metropole.example").await;
        let page = manager.get(&format!("/contacts/{person}")).await;
        let link = format!("contact={person}");
        assert!(page.body.contains(&link), "{}", page.body);
        let centre = studio(&app).await;
        let board = manager
            .get(&format!("/prospection?centre={centre}&contact={person}"))
            .await;
        assert_eq!(board.status, StatusCode::OK);
        assert!(
            board
                .body
                .contains(&format!("name=\"contact\" value=\"{person}\""))
                && has(&board.body, "Affaire avec Claire Moreau"),
            "{}",
            board.body
        );
        let stages = store::contacts::pipeline::stages(&app.state.db, centre)
            .await
            .unwrap();
        let r = manager
            .post(
                "/prospection/deals",
                &[
                    ("centre", &centre.to_string()),
                    ("contact", &person.to_string()),
                    ("title", "Affaire avec Claire Moreau"),
                    ("kind", "partner"),
                    ("amount", "2500"),
                    ("stage", &stages[0].id.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), Some(format!("/contacts/{person}").as_str()));
        let deals = store::contacts::pipeline::deals(&app.state.db, centre)
            .await
            .unwrap();
        assert!(
            deals
                .iter()
                .any(|d| d.contact_id == Some(person) && d.title == "Affaire avec Claire Moreau")
        );
        let page = manager.get(&format!("/contacts/{person}")).await;
        assert!(
            has(&page.body, "Affaire avec Claire Moreau"),
            "{}",
            page.body
        );
    }
}
