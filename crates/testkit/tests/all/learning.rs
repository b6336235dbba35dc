//! Learning: storage on both backends (outline, progress, gates, workbook answers, quiz attempts
//! within their limit even when two arrive at once, certificates), and the pages over HTTP.
use store::StoreError;
use store::learning::{self as learn, CourseFields, LessonFields, NewAttempt};
use testkit::{TestApp, databases};

async fn user(app: &TestApp, email: &str) -> i64 {
    store::accounts::create_user(
        &app.state.db,
        &store::accounts::NewUser {
            email,
            password_hash: "x",
            display_name: "Léa Apprenante",
            locale: "fr",
            verified: true,
        },
    )
    .await
    .unwrap()
}

fn lesson_fields<'a>(title: &'a str, kind: &'a str, quiz: Option<&'a str>) -> LessonFields<'a> {
    LessonFields {
        title,
        kind,
        body: "Du texte.",
        video_url: None,
        quiz,
        exercise: "",
        minutes: 5,
    }
}

const QUIZ: &str = r#"{"pass_mark": 50, "max_attempts": 1, "questions": [{"text": "Q", "choices": [{"text": "a", "correct": true}, {"text": "b"}]}]}"#;

#[tokio::test]
async fn courses_progress_attempts_and_certificates_are_stored() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = &app.state.db;
        let lea = user(&app, "lea@example.org").await;
        let fields = CourseFields {
            title: "Les bases",
            summary: "Pour commencer",
            tags: &["bases", "financement"],
        };
        let first = learn::create_course(db, None, &fields).await.unwrap();
        let second = learn::create_course(
            db,
            None,
            &CourseFields {
                title: "Financer",
                summary: "Subventions et dons",
                tags: &["financement"],
            },
        )
        .await
        .unwrap();
        let m1 = learn::add_module(db, first, "Module un").await.unwrap();
        let m2 = learn::add_module(db, first, "Module deux").await.unwrap();
        let m1 = learn::find_module(db, m1).await.unwrap().unwrap();
        let a = learn::add_lesson(db, &m1, &lesson_fields("A", "text", None))
            .await
            .unwrap();
        let b = learn::add_lesson(db, &m1, &lesson_fields("B", "quiz", Some(QUIZ)))
            .await
            .unwrap();
        learn::move_lesson(db, b, true).await.unwrap();
        learn::move_module(db, m2, true).await.unwrap();
        let outline = learn::outline(db, first, lea).await.unwrap();
        let order: Vec<Option<i64>> = outline.iter().map(|r| r.lesson_id).collect();
        assert_eq!(
            order,
            vec![None, Some(b), Some(a)],
            "module two first, then B before A"
        );

        // Drafts stay out of the catalogue; search and tags filter it.
        let q =
            |search: &'static str, tag: Option<&'static str>, drafts: bool| learn::CatalogueQuery {
                centres: ",",
                drafts,
                search,
                tag,
            };
        assert!(
            learn::catalogue(db, &q("", None, false))
                .await
                .unwrap()
                .is_empty()
        );
        learn::set_status(db, first, "published").await.unwrap();
        learn::set_status(db, second, "published").await.unwrap();
        assert_eq!(
            learn::catalogue(db, &q("", None, false))
                .await
                .unwrap()
                .len(),
            2
        );
        let found = learn::catalogue(db, &q("SUBVENTION", None, false))
            .await
            .unwrap();
        assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), vec![second]);
        let tagged = learn::catalogue(db, &q("", Some("bases"), false))
            .await
            .unwrap();
        assert_eq!(tagged.iter().map(|c| c.id).collect::<Vec<_>>(), vec![first]);

        // Progress: visits add time, completion counts once.
        let lesson_a = learn::find_lesson(db, a).await.unwrap().unwrap();
        learn::visit(db, lea, &lesson_a, 30).await.unwrap();
        learn::visit(db, lea, &lesson_a, 12).await.unwrap();
        assert_eq!(learn::resume(db, lea).await.unwrap().unwrap().lesson_id, a);
        learn::complete(db, lea, &lesson_a).await.unwrap();
        learn::complete(db, lea, &lesson_a).await.unwrap();
        assert!(learn::resume(db, lea).await.unwrap().is_none());

        // A path: the second course waits for the first and for its release date.
        let path = learn::create_path(db, None, None, "Parcours", "Deux cours")
            .await
            .unwrap();
        learn::add_path_course(db, path, first, false, None)
            .await
            .unwrap();
        learn::add_path_course(db, path, second, true, Some(app.now() + 3600))
            .await
            .unwrap();
        assert!(
            learn::gates(db, lea, second).await.unwrap().is_empty(),
            "not enrolled"
        );
        learn::enrol(db, path, lea).await.unwrap();
        learn::enrol(db, path, lea).await.unwrap();
        assert!(learn::enrolled(db, path, lea).await.unwrap());
        let gates = learn::gates(db, lea, second).await.unwrap();
        assert_eq!(gates.len(), 1);
        assert_eq!(gates[0].prerequisite.as_deref(), Some("Les bases"));
        assert_eq!(gates[0].prerequisite_done, None);
        assert!(
            learn::gates(db, lea, first).await.unwrap()[0]
                .prerequisite
                .is_none()
        );

        // Workbook answers are saved again over the old ones.
        learn::save_answers(db, lea, a, r#"["un"]"#, false)
            .await
            .unwrap();
        learn::save_answers(db, lea, a, r#"["deux"]"#, true)
            .await
            .unwrap();
        let saved = learn::answers(db, lea, a).await.unwrap().unwrap();
        assert_eq!((saved.answers.as_str(), saved.shared), (r#"["deux"]"#, 1));

        // One attempt allowed: the second is refused and nothing more is counted.
        let quiz = learn::find_lesson(db, b).await.unwrap().unwrap();
        let attempt = NewAttempt {
            right_answers: 1,
            questions: 1,
            percent: 100,
            passed: true,
            answers: "[[0]]",
        };
        assert_eq!(
            learn::submit_attempt(db, lea, &quiz, 1, &attempt)
                .await
                .unwrap(),
            1
        );
        assert!(matches!(
            learn::submit_attempt(db, lea, &quiz, 1, &attempt).await,
            Err(StoreError::Full)
        ));
        assert_eq!(learn::attempts(db, lea, b).await.unwrap().len(), 1);
        let done = learn::outline(db, first, lea).await.unwrap();
        assert!(
            done.iter()
                .all(|r| r.lesson_id.is_none() || r.completed_at.is_some())
        );

        // Certificates: one per learner and course, found by their code.
        let course = learn::find_course(db, first).await.unwrap().unwrap();
        let code = domain::learning::certificate_code([7; 16]);
        let cert = learn::issue_certificate(db, lea, &course, "Léa Apprenante", &code)
            .await
            .unwrap();
        let again = learn::issue_certificate(db, lea, &course, "Léa", "autre")
            .await
            .unwrap();
        assert_eq!(cert, again);
        assert_eq!(learn::certificate(db, &code).await.unwrap(), Some(cert));
        assert!(learn::certificate(db, "autre").await.unwrap().is_none());
        assert_eq!(
            learn::gates(db, lea, second).await.unwrap()[0]
                .prerequisite_done
                .is_some(),
            true
        );
    }
}

#[tokio::test]
async fn two_quiz_submissions_at_once_count_once() {
    for t in databases().await {
        let app = TestApp::new(t).await;
        let db = app.state.db.clone();
        let lea = user(&app, "lea@example.org").await;
        let course = learn::create_course(
            &db,
            None,
            &CourseFields {
                title: "Quiz",
                summary: "",
                tags: &[],
            },
        )
        .await
        .unwrap();
        let module = learn::add_module(&db, course, "M").await.unwrap();
        let module = learn::find_module(&db, module).await.unwrap().unwrap();
        let id = learn::add_lesson(&db, &module, &lesson_fields("Q", "quiz", Some(QUIZ)))
            .await
            .unwrap();
        let lesson = learn::find_lesson(&db, id).await.unwrap().unwrap();
        for round in 0..5 {
            let submit = |db: store::Db, lesson: store::learning::Lesson| async move {
                let attempt = NewAttempt {
                    right_answers: 0,
                    questions: 1,
                    percent: 0,
                    passed: false,
                    answers: "[[1]]",
                };
                learn::submit_attempt(&db, lea, &lesson, round + 1, &attempt).await
            };
            let (x, y) = tokio::join!(
                tokio::spawn(submit(db.clone(), lesson.clone())),
                tokio::spawn(submit(db.clone(), lesson.clone()))
            );
            let results = [x.unwrap(), y.unwrap()];
            let ok = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(ok, 1, "round {round}: {results:?}");
            assert!(results.iter().all(|r| matches!(
                r,
                Ok(_) | Err(StoreError::Full) | Err(StoreError::Duplicate)
            )));
            assert_eq!(
                learn::attempts(&db, lea, id).await.unwrap().len() as i64,
                round + 1
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Over HTTP, with the demo courses.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use testkit::Client;

const BASICS: &str = "Lance ton projet à impact local\u{a0}: les bases";
const FUNDING: &str = "Financer son projet\u{a0}: subventions, dons, prêts d'honneur";

async fn course_id(app: &TestApp, title: &str) -> i64 {
    learn::catalogue(
        &app.state.db,
        &learn::CatalogueQuery {
            centres: ",",
            drafts: true,
            search: "",
            tag: None,
        },
    )
    .await
    .unwrap()
    .into_iter()
    .find(|c| c.title == title)
    .unwrap_or_else(|| panic!("demo course {title}"))
    .id
}

async fn lessons(app: &TestApp, course: i64) -> Vec<(i64, String)> {
    learn::outline(&app.state.db, course, 0)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|r| Some((r.lesson_id?, r.kind?)))
        .collect()
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    c.login(email, "impact-demo").await;
    c
}

async fn get_range(c: &mut Client, path: &str, range: &str) -> testkit::TestResponse {
    let req = Request::get(path)
        .header(header::RANGE, range)
        .body(Body::empty())
        .unwrap();
    c.request(req).await
}

/// The right answers of the demo quiz, as form fields.
fn right_answers(app_quiz: &str) -> Vec<(String, String)> {
    let quiz = domain::learning::Quiz::parse(app_quiz).unwrap();
    let mut fields = Vec::new();
    for (n, q) in quiz.questions.iter().enumerate() {
        for (c, choice) in q.choices.iter().enumerate() {
            if choice.correct {
                fields.push((format!("q{n}"), c.to_string()));
            }
        }
    }
    fields
}

#[tokio::test]
async fn a_learner_follows_the_path_to_a_certificate_anyone_can_verify() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut paul = signed_in(&app, "participant@demo.local").await;
        let basics = course_id(&app, BASICS).await;
        let funding = course_id(&app, FUNDING).await;
        let path = learn::paths(&app.state.db, ",", false).await.unwrap()[0].id;

        let catalogue = paul.get("/learn").await;
        assert_eq!(catalogue.status, StatusCode::OK);
        assert!(catalogue.body.contains("Lance ton projet"));
        assert!(
            catalogue.body.contains("Reprendre où tu t"),
            "continue where I stopped"
        );
        let filtered = paul.get("/learn?tag=financement").await;
        assert!(filtered.body.contains("Financer son projet"));
        assert!(
            !filtered
                .body
                .contains(&format!("href=\"/learn/courses/{basics}\""))
        );
        let searched = paul.get("/learn?q=honneur").await;
        assert!(searched.body.contains("Financer son projet"));

        // Enrolled in the path, the funding course waits for the basics.
        let enrol = paul.post(&format!("/learn/paths/{path}/enrol"), &[]).await;
        assert_eq!(enrol.status, StatusCode::SEE_OTHER);
        let funding_lesson = lessons(&app, funding).await[0].0;
        let locked = paul.get(&format!("/learn/lessons/{funding_lesson}")).await;
        assert_eq!(locked.status, StatusCode::FORBIDDEN);
        assert!(
            locked
                .body
                .contains("Termine d&#39;abord le cours «\u{a0}Lance ton projet"),
            "{}",
            locked.body
        );
        let refused = paul
            .post(&format!("/learn/lessons/{funding_lesson}/done"), &[])
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // The video: captions in a <track>, ranges answered 206 with the right bytes.
        let all = lessons(&app, basics).await;
        let video = all.iter().find(|(_, k)| k == "video").unwrap().0;
        let page = paul.get(&format!("/learn/lessons/{video}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<track kind=\"captions\""));
        let whole = web_demo_file("besoin-reel.mp4");
        let part = get_range(
            &mut paul,
            &format!("/learn/lessons/{video}/video"),
            "bytes=100-199",
        )
        .await;
        assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(
            part.header("content-range"),
            Some(format!("bytes 100-199/{}", whole.len()).as_str())
        );
        assert_eq!(part.bytes, whole[100..200]);
        let captions = paul
            .get(&format!("/learn/lessons/{video}/captions.vtt"))
            .await;
        assert!(captions.body.starts_with("WEBVTT"));

        // Every lesson done: the workbook downloaded, the exercise answered, the quiz passed.
        for (id, kind) in &all {
            let page = paul.get(&format!("/learn/lessons/{id}")).await;
            assert_eq!(page.status, StatusCode::OK, "lesson {id}");
            match kind.as_str() {
                "exercise" => {
                    let saved = paul
                        .post(
                            &format!("/learn/lessons/{id}/workbook"),
                            &[
                                ("a0", "Pas d'épicerie à moins de vingt minutes"),
                                ("a1", "Les familles du quartier"),
                                ("a2", "Un marché le samedi"),
                                ("shared", "yes"),
                            ],
                        )
                        .await;
                    assert_eq!(saved.status, StatusCode::SEE_OTHER);
                    let again = paul.get(&format!("/learn/lessons/{id}")).await;
                    assert!(again.body.contains("Un marché le samedi"));
                }
                "quiz" => {
                    let wrong = paul
                        .post(&format!("/learn/lessons/{id}/quiz"), &[("q0", "1")])
                        .await;
                    assert_eq!(wrong.status, StatusCode::SEE_OTHER);
                    let feedback = paul.get(&format!("/learn/lessons/{id}")).await;
                    assert!(
                        feedback.body.contains("la forme juridique vient après"),
                        "feedback per answer"
                    );
                    let quiz = learn::find_lesson(&app.state.db, *id)
                        .await
                        .unwrap()
                        .unwrap()
                        .quiz
                        .unwrap();
                    let fields = right_answers(&quiz);
                    let fields: Vec<(&str, &str)> = fields
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    let passed = paul
                        .post(&format!("/learn/lessons/{id}/quiz"), &fields)
                        .await;
                    assert_eq!(passed.status, StatusCode::SEE_OTHER);
                }
                kind => {
                    if kind == "workbook" {
                        let file = learn::files(&app.state.db, *id).await.unwrap()[0].id;
                        let download = paul.get(&format!("/learn/files/{file}")).await;
                        assert_eq!(download.status, StatusCode::OK);
                        assert!(download.bytes.starts_with(b"%PDF-"));
                    }
                    let done = paul.post(&format!("/learn/lessons/{id}/done"), &[]).await;
                    assert_eq!(done.status, StatusCode::SEE_OTHER);
                }
            }
        }
        let me = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap();
        let cert = learn::certificate_for(&app.state.db, me.id, basics)
            .await
            .unwrap()
            .expect("a certificate once every lesson is done");
        let course_page = paul.get(&format!("/learn/courses/{basics}")).await;
        assert!(
            course_page
                .body
                .contains(&format!("/certificates/{}", cert.code))
        );
        let pdf = paul
            .get(&format!("/learn/courses/{basics}/certificate"))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.bytes.starts_with(b"%PDF-"));

        // Public verification: name, course, date, nothing else; forged codes are not found.
        let mut visitor = app.client();
        let public = visitor.get(&format!("/certificates/{}", cert.code)).await;
        assert_eq!(public.status, StatusCode::OK);
        assert!(public.body.contains("Paul Porteur"));
        assert!(public.body.contains("Lance ton projet"));
        assert!(!public.body.contains("participant@demo.local"));
        let forged = visitor
            .get(&format!("/certificates/{}", "0".repeat(32)))
            .await;
        assert_eq!(forged.status, StatusCode::NOT_FOUND);
        let junk = visitor.get("/certificates/..%2Fadmin").await;
        assert_eq!(junk.status, StatusCode::NOT_FOUND);

        // The funding course is open now.
        let open = paul.get(&format!("/learn/lessons/{funding_lesson}")).await;
        assert_eq!(open.status, StatusCode::OK);

        // The coach follows it, and exports it.
        let mut coach = signed_in(&app, "coach@demo.local").await;
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        learn::follow_up(&app.state.db, studio, None).await.unwrap();
        learn::lesson_times(&app.state.db, studio).await.unwrap();
        let follow = coach.get("/learn/follow-up").await;
        assert_eq!(follow.status, StatusCode::OK, "{}", follow.body);
        assert!(follow.body.contains("Paul Porteur"));
        let csv = coach.get("/learn/follow-up?centre=studio&format=csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
        assert!(csv.body.contains("Paul Porteur"));
        assert_eq!(
            paul.get("/learn/follow-up").await.status,
            StatusCode::FORBIDDEN
        );
    }
}

fn web_demo_file(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../web/data/learning/files")
            .join(name),
    )
    .unwrap()
}

#[tokio::test]
async fn drafts_stay_hidden_release_dates_hold_and_uploads_are_checked() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let mut paul = signed_in(&app, "participant@demo.local").await;

        // A bad form keeps what was typed.
        let empty = admin
            .post(
                "/learn/admin",
                &[("title", ""), ("summary", "Gardé"), ("owner", "network")],
            )
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Gardé"));
        let created = admin
            .post(
                "/learn/admin",
                &[
                    ("title", "Gouvernance partagée"),
                    ("summary", "Décider ensemble"),
                    ("owner", "network"),
                    ("tag", "gouvernance"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER);
        let course = course_id(&app, "Gouvernance partagée").await;
        assert_eq!(
            admin
                .post(
                    &format!("/learn/admin/courses/{course}/modules"),
                    &[("title", "Les instances")]
                )
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let module = learn::outline(&app.state.db, course, 0).await.unwrap()[0].module_id;
        let added = admin
            .post(
                &format!("/learn/admin/modules/{module}/lessons"),
                &[("title", "Le conseil d'administration"), ("kind", "video")],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
        let lesson = lessons(&app, course).await[0].0;

        // Drafts: invisible to participants (404, not in the catalogue), previewed by authors.
        assert_eq!(
            paul.get(&format!("/learn/courses/{course}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            paul.get(&format!("/learn/lessons/{lesson}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert!(
            !paul
                .get("/learn")
                .await
                .body
                .contains("Gouvernance partagée")
        );
        let preview = admin.get(&format!("/learn/lessons/{lesson}")).await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(preview.body.contains("Aperçu"));
        // Another centre's manager cannot write the network's course.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        assert_eq!(
            die.get(&format!("/learn/admin/courses/{course}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // Uploads: a disguised file is refused beside its field, a real video is kept.
        let fields = [
            ("title", "Le conseil d'administration"),
            ("kind", "video"),
            ("body", "Qui décide quoi."),
            ("minutes", "7"),
            ("video_url", ""),
            ("quiz", ""),
            ("exercise", ""),
        ];
        let disguised = admin
            .post_multipart(
                &format!("/learn/admin/lessons/{lesson}"),
                &fields,
                Some(("video", "film.mp4", b"MZ\x90\0 this is a program")),
            )
            .await;
        assert_eq!(disguised.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(disguised.body.contains("pas une vidéo MP4 ou WebM"));
        assert!(disguised.body.contains("Qui décide quoi."));
        let video = web_demo_file("besoin-reel.mp4");
        let saved = admin
            .post_multipart(
                &format!("/learn/admin/lessons/{lesson}"),
                &fields,
                Some(("video", "conseil.mp4", &video)),
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let stored = learn::find_lesson(&app.state.db, lesson)
            .await
            .unwrap()
            .unwrap();
        assert!(
            stored
                .video_key
                .as_deref()
                .is_some_and(|k| !k.starts_with("demo:"))
        );
        let bad_quiz = admin
            .post_multipart(
                &format!("/learn/admin/lessons/{lesson}"),
                &[
                    ("title", "Quiz"),
                    ("kind", "quiz"),
                    ("body", ""),
                    ("minutes", "5"),
                    ("quiz", "{pas du json"),
                ],
                None,
            )
            .await;
        assert_eq!(bad_quiz.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad_quiz.body.contains("JSON valide"));

        // Published, it is everyone's; its uploaded video answers ranges.
        let published = admin
            .post(
                &format!("/learn/admin/courses/{course}/status"),
                &[("status", "published")],
            )
            .await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);
        assert!(
            paul.get("/learn")
                .await
                .body
                .contains("Gouvernance partagée")
        );
        let part = get_range(
            &mut paul,
            &format!("/learn/lessons/{lesson}/video"),
            "bytes=0-9",
        )
        .await;
        assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(part.bytes, video[..10]);
        let past = get_range(
            &mut paul,
            &format!("/learn/lessons/{lesson}/video"),
            "bytes=999999999-",
        )
        .await;
        assert_eq!(past.status, StatusCode::RANGE_NOT_SATISFIABLE);

        // A cohort's calendar: closed before its release date, with the date said.
        let path = app
            .state
            .clock
            .run(async {
                let path = learn::create_path(&app.state.db, None, None, "Calendrier", "")
                    .await
                    .unwrap();
                learn::add_path_course(
                    &app.state.db,
                    path,
                    course,
                    false,
                    Some(app.now() + 7 * 86_400),
                )
                .await
                .unwrap();
                learn::set_path_status(&app.state.db, path, "published")
                    .await
                    .unwrap();
                path
            })
            .await;
        paul.post(&format!("/learn/paths/{path}/enrol"), &[]).await;
        let closed = paul.get(&format!("/learn/lessons/{lesson}")).await;
        assert_eq!(closed.status, StatusCode::FORBIDDEN);
        assert!(closed.body.contains("Ce cours ouvre le"), "{}", closed.body);
        let path_page = paul.get(&format!("/learn/paths/{path}")).await;
        assert!(path_page.body.contains("Ouvre le"));
        app.advance(8 * 86_400);
        assert_eq!(
            paul.get(&format!("/learn/lessons/{lesson}")).await.status,
            StatusCode::OK
        );
    }
}
