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
