//! Diagnostics: storage on both backends (versions, attempts, scores, leads) and the journeys
//! over HTTP: anonymous take → result → e-mail, incomplete submission, signed-in retake with
//! comparison, coaches' view, peer quartiles, network statistics and the definition editor.
use axum::http::StatusCode;
use domain::diagnostic::{Answer, Answers, Definition, Kind, score, shipped};
use store::diagnostics::{self as diag, NewAttempt, Owner};
use testkit::{Client, TestApp, databases, link_path, pdf_text};

/// Whether a page holds a text, reading HTML-escaped apostrophes and quotes as themselves.
fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .contains(text)
}

fn ready() -> &'static Definition {
    shipped().iter().find(|d| d.id == "projet-pret").unwrap()
}

/// Answers to every question: the best answer of each when `best`, else the weakest.
fn all_answers(def: &Definition, best: bool) -> Answers {
    let mut a = Answers::new();
    for q in def.questions() {
        let answer = match q.kind {
            Kind::Single => {
                let o = if best {
                    q.options.iter().max_by_key(|o| o.points)
                } else {
                    q.options.iter().min_by_key(|o| o.points)
                };
                Answer::Text(o.unwrap().key.clone())
            }
            Kind::Multiple => Answer::Many(vec![q.options[0].key.clone()]),
            Kind::Scale => Answer::Number(if best { 5 } else { 1 }),
            Kind::Number => Answer::Number(if best { 50 } else { 0 }),
            Kind::ShortText | Kind::LongText => Answer::Text("Un atelier vélo".into()),
        };
        a.insert(q.key.clone(), answer);
    }
    a
}

/// The form fields of one page for these answers.
fn page_fields(def: &Definition, page: usize, answers: &Answers) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for q in &def.sections[page].questions {
        let name = format!("q-{}", q.key);
        match answers.get(&q.key) {
            Some(Answer::Text(t)) => fields.push((name, t.clone())),
            Some(Answer::Number(n)) => fields.push((name, n.to_string())),
            Some(Answer::Many(keys)) => {
                for k in keys {
                    fields.push((name.clone(), k.clone()));
                }
            }
            None => {}
        }
    }
    fields
}

async fn post_page(
    c: &mut Client,
    attempt: &str,
    page: usize,
    fields: &[(String, String)],
    go: &str,
) -> testkit::TestResponse {
    let mut f: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    f.push(("go", go));
    c.post(&format!("{attempt}/pages/{page}"), &f).await
}

/// Takes the whole diagnostic from the page after `start`, then submits; returns the results path.
async fn take(c: &mut Client, start: &str, project: &str, answers: &Answers) -> String {
    let def = ready();
    let r = c
        .post(
            &format!("/diagnostics/{}/start", def.id),
            &[("project", project)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.location().unwrap().to_string();
    assert!(location.starts_with(start), "{location}");
    let attempt = location.split("/pages/").next().unwrap().to_string();
    let n = def.sections.len();
    for page in 1..=n {
        let go = if page == n { "submit" } else { "next" };
        let r = post_page(c, &attempt, page, &page_fields(def, page - 1, answers), go).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "page {page}: {}", r.body);
    }
    format!("{attempt}/results")
}

/// The text of each cell of the results table (dimensions), as the page shows it.
fn results_rows(body: &str) -> Vec<Vec<String>> {
    let unescape = |t: &str| t.replace("&#39;", "'").replace("&quot;", "\"");
    let table = body
        .split("<caption id=\"diag-table-caption\">")
        .nth(1)
        .and_then(|t| t.split("</tbody>").next())
        .expect("the results table");
    table
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|row| {
            // The row starts inside its `<th>`.
            format!(">{row}")
                .split('<')
                .filter_map(|piece| piece.split_once('>').map(|(_, text)| text.trim()))
                .filter(|text| !text.is_empty())
                .map(unescape)
                .collect()
        })
        .collect()
}

/// The results page and its PDF show the same figures: each dimension's score, level, previous
/// score and peers' quartiles, and the overall score and level (one results model renders both).
#[tokio::test]
async fn the_results_page_and_its_pdf_agree() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        let user = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap();
        let pid = store::projects::for_user(&app.state.db, user.id)
            .await
            .unwrap()[0]
            .id
            .to_string();
        // Half the questions at their best, so dimensions differ; then all at their best, so
        // the second attempt has one to compare with.
        let mut mixed = all_answers(ready(), false);
        let best = all_answers(ready(), true);
        for (n, q) in ready().questions().enumerate() {
            if n % 2 == 0 {
                mixed.insert(q.key.clone(), best[&q.key].clone());
            }
        }
        take(&mut p, "/diagnostics/attempts/", &pid, &mixed).await;
        let results = take(&mut p, "/diagnostics/attempts/", &pid, &best).await;
        let page = p.get(&results).await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = results_rows(&page.body);
        assert_eq!(rows.len(), ready().dimensions.len());
        let pdf = p.get(&results.replace("/results", "/report.pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        let Some(text) = pdf_text(&pdf.bytes) else {
            continue;
        };
        for row in &rows {
            // Page: « 1. Name », score, level, previous, change, peers; the PDF has no number
            // and no change column.
            let (name, score, level, previous, peers) = (
                row[0].split_once(". ").unwrap().1,
                &row[1],
                &row[2],
                &row[3],
                &row[5],
            );
            let line = format!("{name} {score} {level} {previous} {peers}");
            assert!(text.contains(&line), "{line} in {text}");
        }
        let overall = page
            .body
            .split("<span class=\"diag-big\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .unwrap();
        let level = page
            .body
            .split("<span class=\"badge badge-accent\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .unwrap();
        assert!(
            text.contains(&format!("{overall} sur 100 : {level}"))
                && text.contains(&format!("Score global {overall} {level}")),
            "{overall} {level} in {text}"
        );
    }
}

#[tokio::test]
async fn versions_attempts_scores_and_leads_on_both_databases() {
    for t in databases().await {
        let db = &t.db;
        let def = ready();
        let json = domain::diagnostic::shipped_json()[0];
        diag::seed(db, &[(def.id.as_str(), 1, json)]).await.unwrap();
        diag::seed(db, &[(def.id.as_str(), 1, json)]).await.unwrap();
        assert_eq!(diag::latest(db, &def.id).await.unwrap().unwrap().version, 1);
        // A new version; the same number twice is a conflict.
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
        let user = store::accounts::create_user(
            db,
            &store::accounts::NewUser {
                email: "a@b.fr",
                password_hash: "x",
                display_name: "A",
                locale: "fr",
                verified: true,
            },
        )
        .await
        .unwrap();
        diag::publish(db, &def.id, 2, json, user).await.unwrap();
        assert!(matches!(
            diag::publish(db, &def.id, 2, json, user).await,
            Err(store::StoreError::Duplicate)
        ));
        let versions: Vec<i64> = diag::versions(db, &def.id)
            .await
            .unwrap()
            .iter()
            .map(|v| v.0)
            .collect();
        assert_eq!(versions, [2, 1], "{}", t.backend);
        assert_eq!(
            diag::version(db, &def.id, 1)
                .await
                .unwrap()
                .unwrap()
                .document,
            json
        );

        let project = testkit::project(db, centre, "P", "idea").await;
        let new = |v: i64| NewAttempt {
            diagnostic: "projet-pret",
            version: v,
            centre_id: Some(centre),
            project_id: Some(project),
            user_id: Some(user),
            respondent_hash: None,
        };
        let first = diag::create_attempt(db, &new(1)).await.unwrap();
        let owner = Owner::Project(project);
        assert_eq!(
            diag::open_attempt(db, "projet-pret", &owner)
                .await
                .unwrap()
                .unwrap()
                .id,
            first
        );
        // Answers saved as they go, then submitted with their scores.
        let mut answers = all_answers(def, false);
        diag::save_answers(db, first, &answers).await.unwrap();
        let a = diag::attempt(db, first).await.unwrap().unwrap();
        assert_eq!(a.answers().unwrap(), answers);
        let s = score(def, &answers);
        diag::submit(db, first, &answers, &s, "a-explorer")
            .await
            .unwrap();
        assert!(matches!(
            diag::submit(db, first, &answers, &s, "a-explorer").await,
            Err(store::StoreError::AlreadyDone)
        ));
        assert!(matches!(
            diag::save_answers(db, first, &answers).await,
            Err(store::StoreError::AlreadyDone)
        ));
        assert!(
            diag::open_attempt(db, "projet-pret", &owner)
                .await
                .unwrap()
                .is_none()
        );
        let stored = diag::scores(db, first).await.unwrap();
        assert_eq!(stored.len(), def.dimensions.len() + 1);
        assert!(stored.contains(&("overall".to_string(), i64::from(s.overall))));

        // A second attempt on version 2 keeps its own version; history is in order.
        let second = diag::create_attempt(db, &new(2)).await.unwrap();
        answers = all_answers(def, true);
        let s2 = score(def, &answers);
        diag::submit(db, second, &answers, &s2, "pret")
            .await
            .unwrap();
        let history = diag::history(db, "projet-pret", &owner).await.unwrap();
        let got: Vec<(i64, i64)> = history.iter().map(|a| (a.id, a.version)).collect();
        assert_eq!(got, [(first, 1), (second, 2)]);
        assert_eq!(diag::for_project(db, project).await.unwrap().len(), 2);

        // Peer counts per version, and per centre over all versions.
        let counts = diag::score_counts(db, "projet-pret", 1).await.unwrap();
        assert!(counts.contains(&("overall".to_string(), i64::from(s.overall), 1)));
        let by_centre = diag::score_counts_by_centre(db, "projet-pret")
            .await
            .unwrap();
        let overall: i64 = by_centre
            .iter()
            .filter(|(c, d, _, _)| *c == Some(centre) && d == "overall")
            .map(|r| r.3)
            .sum();
        assert_eq!(overall, 2);

        // Anonymous attempts belong to the respondent hash only.
        let anon = diag::create_attempt(
            db,
            &NewAttempt {
                diagnostic: "projet-pret",
                version: 1,
                centre_id: None,
                project_id: None,
                user_id: None,
                respondent_hash: Some("hash-1"),
            },
        )
        .await
        .unwrap();
        let mine = Owner::Respondent("hash-1".into());
        assert_eq!(
            diag::open_attempt(db, "projet-pret", &mine)
                .await
                .unwrap()
                .unwrap()
                .id,
            anon
        );
        assert!(
            diag::open_attempt(db, "projet-pret", &Owner::Respondent("other".into()))
                .await
                .unwrap()
                .is_none()
        );
        diag::submit(db, anon, &answers, &s2, "pret").await.unwrap();
        diag::set_result_hash(db, anon, "result-hash")
            .await
            .unwrap();
        assert_eq!(
            diag::attempt_by_result(db, "result-hash")
                .await
                .unwrap()
                .unwrap()
                .id,
            anon
        );
        diag::add_lead(db, "lead@exemple.fr", anon, "projet-pret", "fr")
            .await
            .unwrap();
        assert_eq!(diag::lead_count(db).await.unwrap(), 1);
        assert_eq!(diag::leads(db, 10).await.unwrap()[0].0, "lead@exemple.fr");
    }
}

#[tokio::test]
async fn anonymous_take_incomplete_then_result_then_email() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let mut c = app.client();
        let def = ready();
        let list = c.get("/diagnostics").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Mon projet est-il prêt ?"));
        assert!(has(&list.body, "Où en est ma mesure d'impact ?"));
        // The card counts the questions as the progress bar does at the start.
        let asked = def.progress(&Answers::new()).1;
        assert!(
            asked < def.questions().count(),
            "a follow-up question is conditional"
        );
        assert!(
            has(&list.body, &format!("· {asked} questions")),
            "{}",
            list.body
        );
        let intro = c.get("/diagnostics/projet-pret").await;
        assert!(intro.body.contains("Commencer mon diagnostic"));
        assert_eq!(
            c.get("/diagnostics/inconnu").await.status,
            StatusCode::NOT_FOUND
        );

        let r = c.post("/diagnostics/projet-pret/start", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(c.cookie("diagnostic").is_some(), "respondent cookie set");
        let page1 = r.location().unwrap().to_string();
        assert!(page1.ends_with("/pages/1"));
        let attempt = page1.trim_end_matches("/pages/1").to_string();
        let p = c.get(&page1).await;
        assert!(p.body.contains("<progress"), "progress bar");
        assert!(p.body.contains("Étape 1 sur 8"));

        // A wrong number: the error shows beside it, what was typed stays, the rest is saved.
        let r = c
            .post(
                &page1,
                &[
                    ("q-probleme-formule", "oui"),
                    ("q-probleme-entretiens", "une dizaine"),
                    ("go", "next"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Écris un nombre entier"));
        assert!(r.body.contains("value=\"une dizaine\""));
        assert!(r.body.contains(
            "id=\"dq-probleme-formule-oui\" name=\"q-probleme-formule\" value=\"oui\" checked"
        ));

        // Fix it and go forward, then back: the answers are still there.
        let r = c
            .post(
                &page1,
                &[
                    ("q-probleme-formule", "oui"),
                    ("q-probleme-entretiens", "12"),
                    ("go", "next"),
                ],
            )
            .await;
        assert_eq!(r.location(), Some(format!("{attempt}/pages/2").as_str()));
        let r = c
            .post(
                &format!("{attempt}/pages/2"),
                &[("q-solution-test", "pilote"), ("go", "prev")],
            )
            .await;
        assert_eq!(r.location(), Some(page1.as_str()));
        let back = c.get(&page1).await;
        assert!(back.body.contains("value=\"12\""));
        assert!(back.body.contains("value=\"oui\" checked"));
        // The feedback question depends on an answer of the same page: it says when to answer.
        let p2 = c.get(&format!("{attempt}/pages/2")).await;
        assert!(p2.body.contains("Réponds seulement si tu as répondu"));
        assert!(p2.body.contains("value=\"pilote\" checked"));

        // Save and come back later: the introduction offers to resume.
        let r = c
            .post(
                &format!("{attempt}/pages/2"),
                &[("q-solution-test", "pilote"), ("go", "save")],
            )
            .await;
        assert_eq!(r.location(), Some("/diagnostics/projet-pret"));
        let intro = c.get("/diagnostics/projet-pret").await;
        assert!(intro.body.contains("Tes réponses sont enregistrées"));
        assert!(intro.body.contains("Reprendre là où je m"));
        // Starting again resumes the same attempt at the first page with something missing.
        let r = c.post("/diagnostics/projet-pret/start", &[]).await;
        assert_eq!(r.location(), Some(page1.as_str()));

        // Submitting with answers missing keeps everything and points at what is missing.
        let r = c
            .post(
                &format!("{attempt}/pages/8"),
                &[("q-lancement-etapes", "datees"), ("go", "submit")],
            )
            .await;
        assert_eq!(r.location(), Some(format!("{page1}?check=1").as_str()));
        let check = c.get(&format!("{page1}?check=1")).await;
        assert!(check.body.contains("Il manque quelques réponses"));
        assert!(
            check
                .body
                .contains("Réponds à cette question pour voir ton résultat.")
        );
        assert!(
            check
                .body
                .contains(&format!("{attempt}/pages/3#dq-equipe-taille"))
        );
        let stored = diag::attempt(
            &app.state.db,
            attempt.rsplit('/').next().unwrap().parse().unwrap(),
        )
        .await
        .unwrap()
        .unwrap()
        .answers()
        .unwrap();
        assert_eq!(
            stored.get("lancement-etapes"),
            Some(&Answer::Text("datees".into()))
        );
        assert_eq!(stored.get("probleme-entretiens"), Some(&Answer::Number(12)));

        // Complete every page and submit.
        let answers = all_answers(def, true);
        for page in 1..=8 {
            let go = if page == 8 { "submit" } else { "next" };
            let r = post_page(
                &mut c,
                &attempt,
                page,
                &page_fields(def, page - 1, &answers),
                go,
            )
            .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let results = c.get(&format!("{attempt}/results")).await;
        assert_eq!(results.status, StatusCode::OK, "{}", results.body);
        let expected = score(def, &answers);
        assert!(results.body.contains(&format!(
            "<span class=\"diag-big\">{}</span>",
            expected.overall
        )));
        assert!(
            results
                .body
                .contains("<svg viewBox=\"0 0 720 430\" role=\"img\"")
        );
        assert!(results.body.contains("<caption id=\"diag-table-caption\">"));
        assert!(results.body.contains("Tes forces"));
        assert!(results.body.contains("Recevoir mon résultat par e-mail"));
        assert!(
            results.body.contains("dès 10 réponses"),
            "no quartiles below ten responses"
        );
        // The answered pages now lead to the results.
        assert_eq!(
            c.get(&page1).await.location(),
            Some(format!("{attempt}/results").as_str())
        );

        // The PDF report holds the result and the recommendations.
        let pdf = c.get(&format!("{attempt}/report.pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(
            pdf.header("content-disposition")
                .is_some_and(|d| d.starts_with("inline; filename=\"diagnostic-projet-pret-")),
        );
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains("Mon projet est-il prêt ?"), "{text}");
            assert!(
                text.contains("Comment est calculé mon résultat ?"),
                "{text}"
            );
            assert!(text.contains("Passe à la mesure d'impact"), "{text}");
        }
        // Another browser sees nothing.
        let mut stranger = app.client();
        assert_eq!(
            stranger.get(&format!("{attempt}/results")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(stranger.get(&page1).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            stranger.get(&format!("{attempt}/report.pdf")).await.status,
            StatusCode::NOT_FOUND
        );

        // Results by e-mail: a bad address is refused beside the field, a good one is queued.
        let r = c
            .post(&format!("{attempt}/email"), &[("email", "pas-une-adresse")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"f-email-error\""));
        assert!(r.body.contains("value=\"pas-une-adresse\""));
        let r = c
            .post(&format!("{attempt}/email"), &[("email", "lea@exemple.fr")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mail = app
            .last_mail_to("lea@exemple.fr")
            .await
            .expect("results e-mail");
        assert!(
            mail.text.contains(&format!(
                "Ton score global est de {} sur 100",
                expected.overall
            )),
            "{}",
            mail.text
        );
        assert!(mail.text.contains(&format!(
            "Problème et bénéficiaires\u{a0}: {} sur 100",
            expected.get("probleme").unwrap()
        )));
        let link =
            link_path(&mail.text, "http://impact.test/diagnostics/results/").expect("results link");
        assert_eq!(diag::lead_count(&app.state.db).await.unwrap(), 1);
        // The link works in any browser, without the cookie.
        let shared = stranger.get(&link).await;
        assert_eq!(shared.status, StatusCode::OK);
        assert!(shared.body.contains("Ton résultat"));
        assert!(!shared.body.contains("Recevoir mon résultat par e-mail"));
        assert_eq!(
            stranger
                .get("/diagnostics/results/nimportequoi")
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // The scoring explanation is generated from the definition.
        let scoring = c.get("/diagnostics/projet-pret/scoring").await;
        assert!(
            scoring
                .body
                .contains("Comment est calculé mon résultat\u{202f}?")
        );
        assert!(
            scoring
                .body
                .contains("As-tu déjà testé ta solution, même en petit ?")
        );
        assert!(scoring.body.contains("poids 3"));
        assert!(scoring.body.contains("de 40 à 69"));

        // The respondent later signs in from this browser: the result follows them into their
        // account, and the browser forgets the anonymous respondent.
        let password = web::security::hash_password("une phrase solide".into())
            .await
            .unwrap();
        let lea = store::accounts::create_user(
            &app.state.db,
            &store::accounts::NewUser {
                email: "lea@exemple.fr",
                password_hash: &password,
                display_name: "Léa",
                locale: "fr",
                verified: true,
            },
        )
        .await
        .unwrap();
        let id: i64 = attempt.rsplit('/').next().unwrap().parse().unwrap();
        let login = c.login("lea@exemple.fr", "une phrase solide").await;
        assert_eq!(login.status, StatusCode::SEE_OTHER);
        assert!(
            c.cookie("diagnostic").is_none(),
            "respondent cookie cleared"
        );
        let adopted = diag::attempt(&app.state.db, id).await.unwrap().unwrap();
        assert_eq!(adopted.user_id, Some(lea));
        assert_eq!(adopted.respondent_hash, None);
        assert_eq!(
            c.get(&format!("{attempt}/results")).await.status,
            StatusCode::OK
        );
        let intro = c.get("/diagnostics/projet-pret").await;
        assert!(
            intro.body.contains(&format!("{attempt}/results")),
            "the result is in the person's history"
        );
        // Another browser still sees nothing (it is asked to sign in).
        let elsewhere = stranger.get(&format!("{attempt}/results")).await;
        assert_eq!(elsewhere.status, StatusCode::SEE_OTHER);
        assert!(elsewhere.location().unwrap().starts_with("/login"));
    }
}

#[tokio::test]
async fn signed_in_retake_shows_the_comparison_and_coaches_follow() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = app.state.db.clone();
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        let user = store::accounts::find_user_by_email(&db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap();
        let project = store::projects::for_user(&db, user.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Épicerie solidaire de la Guillotière")
            .unwrap();
        let pid = project.id.to_string();
        let show = p.get(&format!("/projects/{pid}")).await;
        assert!(show.body.contains(&format!("/projects/{pid}/diagnostics")));
        let intro = p.get("/diagnostics/projet-pret").await;
        assert!(intro.body.contains("La Recyclerie des Pentes"));

        let first = take(
            &mut p,
            "/diagnostics/attempts/",
            &pid,
            &all_answers(ready(), false),
        )
        .await;
        let r1 = p.get(&first).await;
        assert_eq!(r1.status, StatusCode::OK);
        assert!(!r1.body.contains("Ton évolution"));
        assert!(r1.body.contains("Refaire le diagnostic"));
        // Recommendations lead to the project's canvas (the demo project has one).
        assert!(r1.body.contains("/canvases/"), "canvas link");
        let second = take(
            &mut p,
            "/diagnostics/attempts/",
            &pid,
            &all_answers(ready(), true),
        )
        .await;
        assert_ne!(first, second);
        let r2 = p.get(&second).await;
        assert!(r2.body.contains("Ton évolution"));
        assert!(r2.body.contains("Diagnostic précédent"));
        assert!(r2.body.contains("class=\"radar-previous\""));
        assert!(r2.body.contains("diag-up"));
        assert!(r2.body.contains("+100"), "the change per dimension");

        // The coach following the project sees both attempts and the results.
        let mut coach = app.client();
        coach.login("coach@demo.local", "impact-demo").await;
        let list = coach.get(&format!("/projects/{pid}/diagnostics")).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.body.matches("/results\">").count(), 2);
        assert!(
            !list.body.contains("Refaire le diagnostic"),
            "coaches read, they do not answer"
        );
        assert_eq!(coach.get(&second).await.status, StatusCode::OK);
        // A manager of another centre does not.
        let mut die = app.client();
        die.login("manager.die@demo.local", "impact-demo").await;
        assert_eq!(die.get(&second).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            die.get(&format!("/projects/{pid}/diagnostics"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let r = die
            .post("/diagnostics/projet-pret/start", &[("project", &pid)])
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Network statistics and CSV for the network team only.
        assert_eq!(
            p.get("/admin/diagnostics").await.status,
            StatusCode::FORBIDDEN
        );
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        let stats = admin.get("/admin/diagnostics").await;
        assert_eq!(stats.status, StatusCode::OK);
        let responses: i64 = diag::score_counts_by_centre(&db, "projet-pret")
            .await
            .unwrap()
            .iter()
            .filter(|r| r.1 == "overall")
            .map(|r| r.3)
            .sum();
        assert!(responses > 200, "demo responses and ours: {responses}");
        assert!(stats.body.contains(&format!("{responses} réponses")));
        assert!(has(&stats.body, "Studio d'Impact Local"));
        let csv = admin.get("/admin/diagnostics/projet-pret/stats.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
        assert!(
            csv.body
                .starts_with("\u{FEFF}centre,dimension,responses,q1,median,q3")
        );
        assert!(
            csv.body
                .contains(&format!("\r\nnetwork,overall,{responses},"))
        );
        assert!(csv.body.contains("\r\nstudio,overall,"));
        assert_eq!(
            p.get("/admin/diagnostics/projet-pret/stats.csv")
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        // A centre's manager reads their centre's responses only, whatever the filter asks.
        let counts = diag::score_counts_by_centre(&db, "projet-pret")
            .await
            .unwrap();
        let centres = store::centres::list(&db).await.unwrap();
        let id_of = |slug: &str| centres.iter().find(|c| c.slug == slug).unwrap().id;
        let (studio_id, die_id) = (id_of("studio"), id_of("micro-centre-die"));
        let of = |centre: i64| -> i64 {
            counts
                .iter()
                .filter(|r| r.0 == Some(centre) && r.1 == "overall")
                .map(|r| r.3)
                .sum()
        };
        assert!(of(studio_id) > 0 && of(die_id) > 0 && of(studio_id) != of(die_id));
        let mut die_manager = app.client();
        die_manager
            .login("manager.die@demo.local", "impact-demo")
            .await;
        let own = die_manager
            .get(&format!("/admin/diagnostics?centre={studio_id}"))
            .await;
        assert_eq!(own.status, StatusCode::OK);
        assert!(
            own.body.contains(&format!("{} réponses", of(die_id))),
            "{}",
            own.body
        );
        assert!(!own.body.contains(&format!("{responses} réponses")));
        assert!(!has(&own.body, "Studio d'Impact Local"));
        assert!(
            !own.body.contains("/edit\""),
            "no definition editor for a centre"
        );
        let csv = die_manager
            .get("/admin/diagnostics/projet-pret/stats.csv")
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body
                .contains(&format!("\r\nmicro-centre-die,overall,{},", of(die_id))),
            "{}",
            csv.body
        );
        assert!(!csv.body.contains("\nnetwork,") && !csv.body.contains("\nstudio,"));
        assert_eq!(
            die_manager
                .get("/admin/diagnostics/projet-pret/edit")
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        // The network team picks one centre.
        let one = admin
            .get(&format!("/admin/diagnostics?centre={die_id}"))
            .await;
        assert!(one.body.contains(&format!("{} réponses", of(die_id))));
    }
}

#[tokio::test]
async fn quartiles_appear_from_ten_comparable_responses() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = app.state.db.clone();
        let def = ready();
        // Ten other responses, then this browser's.
        let mut c = app.client();
        c.get("/diagnostics").await;
        for n in 0..10 {
            let id = diag::create_attempt(
                &db,
                &NewAttempt {
                    diagnostic: "projet-pret",
                    version: 1,
                    centre_id: None,
                    project_id: None,
                    user_id: None,
                    respondent_hash: Some(&format!("someone-{n}")),
                },
            )
            .await
            .unwrap();
            let answers = all_answers(def, n % 2 == 0);
            diag::submit(&db, id, &answers, &score(def, &answers), "x")
                .await
                .unwrap();
        }
        let mine = take(
            &mut c,
            "/diagnostics/attempts/",
            "",
            &all_answers(def, false),
        )
        .await;
        let page = c.get(&mine).await;
        // Without a project, canvas recommendations lead to the canvas guide's chapters.
        assert!(page.body.contains("/canvas/guide#guide-local_problem"));
        assert!(
            c.get("/canvas/guide")
                .await
                .body
                .contains("id=\"guide-local_problem\"")
        );
        assert!(page.body.contains("médiane"), "quartiles with 11 responses");
        assert!(page.body.contains("class=\"radar-median\""));
        assert!(page.body.contains("Comparaison avec 11 réponses"));
    }
}

#[tokio::test]
async fn network_team_publishes_a_new_version_and_old_responses_keep_theirs() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = app.client();
        admin.login("admin@demo.local", "impact-demo").await;
        // An answer taken on version 1.
        let v1 = take(
            &mut admin,
            "/diagnostics/attempts/",
            "",
            &all_answers(ready(), true),
        )
        .await;

        let edit = admin.get("/admin/diagnostics/projet-pret/edit").await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(edit.body.contains("Version 1"));
        // A condition on an unknown question: refused, explained, text kept.
        let mut doc: serde_json::Value =
            serde_json::from_str(domain::diagnostic::shipped_json()[0]).unwrap();
        doc["sections"][1]["questions"][2]["condition"]["question"] = "nulle-part".into();
        let bad = doc.to_string();
        let r = admin
            .post("/admin/diagnostics/projet-pret/edit", &[("document", &bad)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("La condition de la question «\u{a0}solution-retours\u{a0}» renvoie à une question inconnue\u{a0}: «\u{a0}nulle-part\u{a0}»."), "{}", r.body);
        assert!(r.body.contains("nulle-part"));
        let r = admin
            .post(
                "/admin/diagnostics/projet-pret/edit",
                &[("document", "{ pas du json")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&r.body, "n'est pas une définition valide"));

        // A good one becomes version 2.
        doc["sections"][1]["questions"][2]["condition"]["question"] = "solution-test".into();
        doc["title"]["fr"] = "Mon projet est-il prêt à se lancer ?".into();
        let r = admin
            .post(
                "/admin/diagnostics/projet-pret/edit",
                &[("document", &doc.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let edit = admin.get("/admin/diagnostics/projet-pret/edit").await;
        assert!(edit.body.contains("Version 2"));
        assert!(
            admin
                .get("/diagnostics/projet-pret")
                .await
                .body
                .contains("Mon projet est-il prêt à se lancer ?")
        );
        // The old response still shows with its own version.
        let old = admin.get(&v1).await;
        assert_eq!(old.status, StatusCode::OK);
        assert!(old.body.contains("Mon projet est-il prêt ?"));
        // Publishing is audited; participants cannot publish.
        let audit = admin.get("/admin/audit").await;
        assert!(audit.body.contains("Diagnostic publié"));
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        let r = p
            .post(
                "/admin/diagnostics/projet-pret/edit",
                &[("document", &doc.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_submission_is_one_unit_of_work() {
    for t in databases().await {
        let db = &t.db;
        let backend = t.backend;
        let def = ready();
        let json = domain::diagnostic::shipped_json()[0];
        diag::seed(db, &[(def.id.as_str(), 1, json)]).await.unwrap();
        let attempt = diag::create_attempt(
            db,
            &NewAttempt {
                diagnostic: "projet-pret",
                version: 1,
                centre_id: None,
                project_id: None,
                user_id: None,
                respondent_hash: Some("navigateur"),
            },
        )
        .await
        .unwrap();
        let before = all_answers(def, false);
        diag::save_answers(db, attempt, &before).await.unwrap();
        let answers = all_answers(def, true);
        let good = score(def, &answers);
        let untouched = || async {
            let a = diag::attempt(db, attempt).await.unwrap().unwrap();
            assert!(!a.submitted(), "{backend}");
            assert_eq!(a.answers().unwrap(), before, "{backend}");
            assert!(diag::scores(db, attempt).await.unwrap().is_empty());
            let counts = diag::score_counts(db, "projet-pret", 1).await.unwrap();
            assert!(counts.is_empty(), "{backend}: {counts:?}");
        };

        // An error after the answers, the attempt and the first scores were written (a dimension
        // scored twice breaks the scores' key): nothing of it stays.
        let mut broken = good.clone();
        broken.dimensions.push(broken.dimensions[0].clone());
        let refused = diag::submit(db, attempt, &answers, &broken, "pret").await;
        assert!(
            matches!(refused, Err(store::StoreError::Duplicate)),
            "{backend}: {refused:?}"
        );
        untouched().await;

        // A unit of work that ends without its commit (a handler failing later): nothing either.
        {
            let mut tx = db.begin().await.unwrap();
            diag::save_answers(&mut tx, attempt, &answers)
                .await
                .unwrap();
            diag::submit_in(&mut tx, attempt, &answers, &good, "pret")
                .await
                .unwrap();
        }
        untouched().await;

        // Then it goes through, once.
        diag::submit(db, attempt, &answers, &good, "pret")
            .await
            .unwrap();
        assert!(matches!(
            diag::submit(db, attempt, &answers, &good, "pret").await,
            Err(store::StoreError::AlreadyDone)
        ));
        let a = diag::attempt(db, attempt).await.unwrap().unwrap();
        assert!(a.submitted());
        assert_eq!(a.answers().unwrap(), answers);
        assert_eq!(
            diag::scores(db, attempt).await.unwrap().len(),
            def.dimensions.len() + 1
        );
        let counts = diag::score_counts(db, "projet-pret", 1).await.unwrap();
        let overall: i64 = counts
            .iter()
            .filter(|(d, _, _)| d == "overall")
            .map(|r| r.2)
            .sum();
        assert_eq!(overall, 1, "{backend}");
    }
}

#[tokio::test]
async fn a_double_submit_shows_the_results_and_scores_once() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let backend = app.db.backend;
        let mut c = app.client();
        let def = ready();
        let answers = all_answers(def, true);
        let r = c.post("/diagnostics/projet-pret/start", &[]).await;
        let attempt = r
            .location()
            .unwrap()
            .trim_end_matches("/pages/1")
            .to_string();
        let n = def.sections.len();
        for page in 1..n {
            let fields = page_fields(def, page - 1, &answers);
            let r = post_page(&mut c, &attempt, page, &fields, "next").await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{backend}: {}", r.body);
        }
        let last = page_fields(def, n - 1, &answers);
        let results = format!("{attempt}/results");

        // Two identical submissions at once (a double click, two tabs): both see the results.
        let (mut a, mut b) = (c.clone(), c.clone());
        let (ra, rb) = tokio::join!(
            post_page(&mut a, &attempt, n, &last, "submit"),
            post_page(&mut b, &attempt, n, &last, "submit")
        );
        for r in [&ra, &rb] {
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{backend}: {}", r.body);
            assert_eq!(r.location(), Some(results.as_str()), "{backend}");
        }
        // A third one later: the results, with a word that it was already sent.
        let again = post_page(&mut c, &attempt, n, &last, "submit").await;
        assert_eq!(again.status, StatusCode::SEE_OTHER, "{backend}");
        assert_eq!(again.location(), Some(results.as_str()));
        let page = c.get(&results).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(has(&page.body, "déjà envoyé"), "{backend}");

        // Scored and counted once.
        let id: i64 = attempt.rsplit('/').next().unwrap().parse().unwrap();
        let db = &app.state.db;
        assert_eq!(
            diag::scores(db, id).await.unwrap().len(),
            def.dimensions.len() + 1
        );
        let counts = diag::score_counts(db, "projet-pret", 1).await.unwrap();
        let overall: i64 = counts
            .iter()
            .filter(|(d, _, _)| d == "overall")
            .map(|r| r.2)
            .sum();
        assert_eq!(overall, 1, "{backend}");
    }
}
