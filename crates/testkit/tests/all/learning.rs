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
        assert!(
            learn::gates(db, lea, second).await.unwrap()[0]
                .prerequisite_done
                .is_some()
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
        set_aside_demo_cohort_path(&app).await;

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

// ---------------------------------------------------------------------------------------------
// Writing paths: the editor, a cohort's path and its release dates.

async fn path_id(app: &TestApp, title: &str) -> i64 {
    store::learning_paths::all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.title == title)
        .unwrap_or_else(|| panic!("path {title}"))
        .id
}

/// The demo cohort's path (web's `learning::demo::COHORT_PATH`).
const COHORT_PATH: &str = "Le parcours de la première cohorte";

/// Puts the demo cohort's path back to draft, for journeys whose participant (a member of that
/// cohort) must not be held by its calendar.
async fn set_aside_demo_cohort_path(app: &TestApp) {
    let path = path_id(app, COHORT_PATH).await;
    learn::set_path_status(&app.state.db, path, "draft")
        .await
        .unwrap();
}

#[tokio::test]
async fn the_demo_cohort_follows_its_path_by_release_dates() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut paul = signed_in(&app, "participant@demo.local").await;
        let path = path_id(&app, COHORT_PATH).await;
        let funding = course_id(&app, FUNDING).await;
        let basics = course_id(&app, BASICS).await;
        let opens = domain::time_zone::to_paris(app.now()).date() + time::Duration::days(21);
        // The demo participant, a member of the demo cohort, sees its path, the basics open and
        // the funding module with the day it opens.
        assert!(paul.get("/learn").await.body.contains(COHORT_PATH));
        let page = paul.get(&format!("/learn/paths/{path}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Ouvre le"), "{}", page.body);
        assert_eq!(page.body.matches("Ouvre le").count(), 1, "one course waits");
        let basics_lesson = lessons(&app, basics).await[0].0;
        assert_eq!(
            paul.get(&format!("/learn/lessons/{basics_lesson}"))
                .await
                .status,
            StatusCode::OK
        );
        let funding_lesson = lessons(&app, funding).await[0].0;
        let closed = paul.get(&format!("/learn/lessons/{funding_lesson}")).await;
        assert_eq!(closed.status, StatusCode::FORBIDDEN);
        assert!(closed.body.contains("Ce cours ouvre le"), "{}", closed.body);
        assert!(
            closed.body.contains(&opens.year().to_string()),
            "{}",
            closed.body
        );
        // Past the date, only the basics (to finish first) hold it.
        app.advance(22 * 86_400);
        let later = paul.get(&format!("/learn/lessons/{funding_lesson}")).await;
        assert!(!later.body.contains("Ce cours ouvre le"), "{}", later.body);
        assert!(later.body.contains("Termine d"), "{}", later.body);
        let page = paul.get(&format!("/learn/paths/{path}")).await;
        assert!(!page.body.contains("Ouvre le"));
    }
}

async fn studio_cohort(app: &TestApp) -> i64 {
    store::cohorts::all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name.starts_with("Première cohorte"))
        .expect("demo cohort")
        .id
}

#[tokio::test]
async fn staff_write_paths_and_a_cohort_path_is_its_members_with_release_dates() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let mut manager = signed_in(&app, "manager@demo.local").await;
        let mut paul = signed_in(&app, "participant@demo.local").await;
        let mut awa = signed_in(&app, "ambassador@demo.local").await;
        let basics = course_id(&app, BASICS).await;
        let funding = course_id(&app, FUNDING).await;
        let cohort = studio_cohort(&app).await;
        set_aside_demo_cohort_path(&app).await;

        // Participants cannot write paths.
        assert_eq!(
            paul.get("/learn/admin/paths").await.status,
            StatusCode::FORBIDDEN
        );
        // A bad form keeps what was typed.
        let empty = manager
            .post(
                "/learn/admin/paths",
                &[
                    ("title", ""),
                    ("summary", "Pour la cohorte"),
                    ("owner", "1"),
                ],
            )
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Pour la cohorte"));
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let created = manager
            .post(
                "/learn/admin/paths",
                &[
                    ("title", "Parcours de la cohorte d'automne"),
                    (
                        "summary",
                        "Les bases puis le financement, au rythme des ateliers.",
                    ),
                    ("owner", &studio.to_string()),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let path = path_id(&app, "Parcours de la cohorte d'automne").await;
        let editor = format!("/learn/admin/paths/{path}");
        assert_eq!(manager.get(&editor).await.status, StatusCode::OK);
        // Another centre's manager does not find it.
        let mut die = signed_in(&app, "manager.die@demo.local").await;
        assert_eq!(die.get(&editor).await.status, StatusCode::NOT_FOUND);

        // Courses added one by one, then moved: the order is the one saved.
        let title = "Parcours de la cohorte d'automne";
        for (before, course) in [(None, basics), (Some(basics), funding)] {
            let mut fields = vec![
                ("title", title.to_string()),
                ("summary", String::new()),
                ("cohort", String::new()),
                ("add_course", course.to_string()),
                ("action", "save".to_string()),
            ];
            if let Some(b) = before {
                fields.push(("course", b.to_string()));
            }
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let added = manager.post(&editor, &fields).await;
            assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        }
        let order = |app: &TestApp| {
            let db = app.state.db.clone();
            async move {
                learn::path_courses(&db, path, 0)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|c| (c.course_id, c.requires_previous))
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(order(&app).await, vec![(basics, 0), (funding, 1)]);
        let moved = manager
            .post(
                &editor,
                &[
                    ("title", title),
                    ("summary", ""),
                    ("cohort", ""),
                    ("course", &basics.to_string()),
                    ("course", &funding.to_string()),
                    (&format!("prev-{funding}"), "yes"),
                    ("action", &format!("up-{funding}")),
                ],
            )
            .await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER);
        assert_eq!(
            moved.header("location").unwrap(),
            format!("{editor}#up-{funding}")
        );
        assert_eq!(order(&app).await, vec![(funding, 0), (basics, 0)]);

        // A release date on a self-paced path, or a bad date: beside the field, input kept.
        let self_paced = manager
            .post(
                &editor,
                &[
                    ("title", title),
                    ("summary", "Gardé tel quel"),
                    ("cohort", ""),
                    ("course", &funding.to_string()),
                    ("course", &basics.to_string()),
                    (&format!("release-{funding}"), "2027-01-15"),
                    (&format!("release-{basics}"), "15/01/2027"),
                    ("action", "save"),
                ],
            )
            .await;
        assert_eq!(self_paced.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(self_paced.body.contains("Gardé tel quel"));
        assert!(self_paced.body.contains("rattache-le à une cohorte"));
        assert!(self_paced.body.contains("AAAA-MM-JJ"));
        assert!(self_paced.body.contains("15/01/2027"));
        let unknown_cohort = manager
            .post(
                &editor,
                &[("title", title), ("cohort", "999999"), ("action", "save")],
            )
            .await;
        assert_eq!(unknown_cohort.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Attached to the cohort, the funding course opens in a week, the basics at once.
        let in_a_week = domain::time_zone::to_paris(app.now() + 7 * 86_400)
            .date()
            .to_string();
        let saved = manager
            .post(
                &editor,
                &[
                    ("title", title),
                    ("summary", "Les bases puis le financement."),
                    ("cohort", &cohort.to_string()),
                    ("course", &basics.to_string()),
                    ("course", &funding.to_string()),
                    (&format!("release-{funding}"), &in_a_week),
                    ("action", "save"),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let published = manager
            .post(
                &format!("/learn/admin/paths/{path}/status"),
                &[("status", "published")],
            )
            .await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);

        // Visible to the cohort's member (and to staff), not to others.
        let public = format!("/learn/paths/{path}");
        let shown = "Parcours de la cohorte d";
        assert!(paul.get("/learn").await.body.contains(shown));
        assert_eq!(paul.get(&public).await.status, StatusCode::OK);
        assert!(!awa.get("/learn").await.body.contains(shown));
        assert_eq!(awa.get(&public).await.status, StatusCode::NOT_FOUND);
        assert_eq!(admin.get(&public).await.status, StatusCode::OK);
        let mut coach = signed_in(&app, "coach@demo.local").await;
        assert_eq!(coach.get(&public).await.status, StatusCode::OK);

        // The member meets the release date without enrolling: a clear message, not 404/500.
        let funding_lesson = lessons(&app, funding).await[0].0;
        let closed = paul.get(&format!("/learn/lessons/{funding_lesson}")).await;
        assert_eq!(closed.status, StatusCode::FORBIDDEN);
        assert!(closed.body.contains("Ce cours ouvre le"), "{}", closed.body);
        // Someone outside the cohort is not held by its calendar.
        assert_eq!(
            awa.get(&format!("/learn/lessons/{funding_lesson}"))
                .await
                .status,
            StatusCode::OK
        );
        app.advance(8 * 86_400);
        assert_eq!(
            paul.get(&format!("/learn/lessons/{funding_lesson}"))
                .await
                .status,
            StatusCode::OK
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A video hosted elsewhere: checked when saved, loaded only on request, frames allowed from its
// player's origin on that lesson's page only.

#[tokio::test]
async fn an_external_video_is_checked_and_framed_only_on_its_lesson() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let mut paul = signed_in(&app, "participant@demo.local").await;
        let basics = course_id(&app, BASICS).await;
        let (lesson, _) = lessons(&app, basics)
            .await
            .into_iter()
            .find(|(_, kind)| kind == "text")
            .unwrap();
        let edit = format!("/learn/admin/lessons/{lesson}");
        let with_url = |url: &'static str| {
            vec![
                ("title", "Une vidéo venue d'ailleurs"),
                ("kind", "video"),
                ("body", "Regarde puis note trois idées."),
                ("minutes", "6"),
                ("video_url", url),
                ("quiz", ""),
                ("exercise", ""),
            ]
        };
        for (url, message) in [
            ("http://youtu.be/dQw4w9WgXcQ", "commence par https://"),
            ("https://example.com/film.mp4", "YouTube, Vimeo ou PeerTube"),
        ] {
            let refused = admin.post_multipart(&edit, &with_url(url), None).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
            assert!(refused.body.contains(message), "{url}");
            assert!(refused.body.contains(url), "input kept");
        }
        let saved = admin
            .post_multipart(
                &edit,
                &with_url("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                None,
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

        let page = paul.get(&format!("/learn/lessons/{lesson}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body
                .contains("Charger la vidéo (hébergée par YouTube)")
        );
        assert!(
            page.body
                .contains("data-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"")
        );
        assert!(!page.body.contains("<iframe"), "nothing loads before asked");
        assert!(page.body.contains("/assets/learn-video"));
        let csp = page.header("content-security-policy").unwrap();
        assert!(
            csp.ends_with("; frame-src https://www.youtube-nocookie.com"),
            "{csp}"
        );
        assert!(csp.contains("default-src 'self'"));
        // Every other page keeps the strict policy.
        let other = paul.get(&format!("/learn/courses/{basics}")).await;
        assert!(
            !other
                .header("content-security-policy")
                .unwrap()
                .contains("frame-src")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Revisions: every save kept, compared with a line diff, restored as a new revision (audited).

#[tokio::test]
async fn every_lesson_save_is_a_revision_that_can_be_compared_and_restored() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let mut paul = signed_in(&app, "participant@demo.local").await;
        let basics = course_id(&app, BASICS).await;
        let (lesson, _) = lessons(&app, basics)
            .await
            .into_iter()
            .find(|(_, kind)| kind == "text")
            .unwrap();
        let edit = format!("/learn/admin/lessons/{lesson}");
        for body in [
            "Première ligne\nDeuxième ligne\nTroisième ligne",
            "Première ligne\nLigne réécrite\nTroisième ligne",
        ] {
            let saved = admin
                .post_multipart(
                    &edit,
                    &[
                        ("title", "Trouver son public"),
                        ("kind", "text"),
                        ("body", body),
                        ("minutes", "5"),
                        ("video_url", ""),
                        ("quiz", ""),
                        ("exercise", ""),
                    ],
                    None,
                )
                .await;
            assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        }
        let list = admin.get(&format!("{edit}/revisions")).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Camille Network"));
        let revisions = store::lesson_revisions::list(&app.state.db, lesson)
            .await
            .unwrap();
        // The demo's first revision, then the two saves.
        assert_eq!(revisions.len(), 3);
        let first = revisions[1].id;
        // Only the lesson's authors see them.
        assert_eq!(
            paul.get(&format!("/learn/admin/revisions/{first}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let diff = admin.get(&format!("/learn/admin/revisions/{first}")).await;
        assert_eq!(diff.status, StatusCode::OK);
        assert!(diff.body.contains("<del>"), "{}", diff.body);
        assert!(diff.body.contains("Ligne réécrite</del>"));
        assert!(diff.body.contains("Deuxième ligne</ins>"));

        let restored = admin
            .post(&format!("/learn/admin/revisions/{first}/restore"), &[])
            .await;
        assert_eq!(restored.status, StatusCode::SEE_OTHER);
        let now = learn::find_lesson(&app.state.db, lesson)
            .await
            .unwrap()
            .unwrap();
        assert!(now.body.contains("Deuxième ligne"));
        assert_eq!(
            store::lesson_revisions::list(&app.state.db, lesson)
                .await
                .unwrap()
                .len(),
            4
        );
        let audit = store::audit::list(&app.state.db, None, 20, 0)
            .await
            .unwrap();
        assert!(
            audit
                .iter()
                .any(|a| a.action == "lesson_revision_restored" && a.detail == first.to_string())
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Streaming uploads: a lesson's video past the in-memory buffer goes to a temporary file then
// to the storage (moved into the folder, or sent in parts to S3); past the size limit the
// request ends with 413 and nothing is left behind.

fn stored_files(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                stored_files(&e.path())
            } else {
                1
            }
        })
        .sum()
}

#[tokio::test]
async fn a_large_lesson_video_streams_to_the_storage_within_its_limit() {
    for files in testkit::storages() {
        let db = testkit::TestDb::sqlite().await;
        web::demo::load(&db.db).await.unwrap();
        let app = TestApp::with_files(db, files).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let basics = course_id(&app, BASICS).await;
        let (lesson, _) = lessons(&app, basics)
            .await
            .into_iter()
            .find(|(_, kind)| kind == "text")
            .unwrap();
        let fields = [
            ("title", "Une longue vidéo"),
            ("kind", "video"),
            ("body", "À regarder en entier."),
            ("minutes", "12"),
            ("video_url", ""),
            ("quiz", ""),
            ("exercise", ""),
        ];
        let mut video: Vec<u8> = (0..web::streamed_upload::MEMORY + 500_000)
            .map(|n| (n % 251) as u8)
            .collect();
        video[..4].copy_from_slice(b"\x1a\x45\xdf\xa3");
        let edit = format!("/learn/admin/lessons/{lesson}");
        let saved = admin
            .post_multipart(&edit, &fields, Some(("video", "longue.webm", &video)))
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let spool = app.state.config.files_dir.join(".incoming");
        assert_eq!(
            stored_files(&spool),
            0,
            "the temporary file was moved or removed"
        );
        let whole = admin.get(&format!("/learn/lessons/{lesson}/video")).await;
        assert_eq!(whole.bytes, video);
        let tail = get_range(
            &mut admin,
            &format!("/learn/lessons/{lesson}/video"),
            "bytes=1048570-1048585",
        )
        .await;
        assert_eq!(tail.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(tail.bytes, video[1_048_570..=1_048_585]);

        // Past the media limit (2 MB in tests): 413 while reading, nothing kept.
        let before = stored_files(&app.state.config.files_dir);
        let mut huge = video.clone();
        huge.resize(3 * 1024 * 1024, 7);
        let refused = admin
            .post_multipart(&edit, &fields, Some(("video", "trop.webm", &huge)))
            .await;
        assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(stored_files(&spool), 0);
        assert_eq!(stored_files(&app.state.config.files_dir), before);
        let kept = learn::find_lesson(&app.state.db, lesson)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.title, "Une longue vidéo");
    }
}
