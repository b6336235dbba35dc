//! Repository tests, each run on SQLite and (when configured) PostgreSQL.
use domain::Role;
use store::accounts::{self, NewUser, Purpose};
use store::{StoreError, centres, jobs, rate_limit};
use testkit::{TestDb, databases, require_postgres_in_ci};

async fn user(db: &store::Db, email: &str) -> i64 {
    let new = NewUser {
        email,
        password_hash: "x",
        display_name: "Léa",
        locale: "fr",
        verified: true,
    };
    accounts::create_user(db, &new).await.unwrap()
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let sqlite = TestDb::sqlite().await.db.schema().await.unwrap();
    assert!(sqlite.iter().any(|(t, _)| t == "users"));
    if let Some(url) = require_postgres_in_ci() {
        let pg = TestDb::postgres(&url).await.db.schema().await.unwrap();
        assert_eq!(sqlite, pg);
    }
}

#[tokio::test]
async fn migrations_are_current_and_rerunnable() {
    for t in databases().await {
        assert!(t.db.ready().await.unwrap(), "{}", t.backend);
        t.db.migrate().await.unwrap();
    }
}

#[tokio::test]
async fn users_are_unique_by_email_and_anonymised_on_deletion() {
    for t in databases().await {
        let db = &t.db;
        let id = user(db, "lea@exemple.fr").await;
        let dup = NewUser {
            email: "lea@exemple.fr",
            password_hash: "y",
            display_name: "X",
            locale: "en",
            verified: false,
        };
        assert!(
            matches!(
                accounts::create_user(db, &dup).await,
                Err(StoreError::Duplicate)
            ),
            "{}",
            t.backend
        );
        accounts::create_session(db, "h1", id, 3600).await.unwrap();
        accounts::anonymise_user(db, id).await.unwrap();
        assert!(accounts::find_user(db, id).await.unwrap().is_none());
        assert!(
            accounts::find_user_by_email(db, "lea@exemple.fr")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            accounts::session_user(db, "h1", 3600)
                .await
                .unwrap()
                .is_none()
        );
        // The address is free again.
        user(db, "lea@exemple.fr").await;
    }
}

#[tokio::test]
async fn sessions_expire_and_tokens_are_single_use() {
    for t in databases().await {
        let db = &t.db;
        let id = user(db, "a@b.fr").await;
        accounts::create_session(db, "live", id, 3600)
            .await
            .unwrap();
        accounts::create_session(db, "dead", id, -1).await.unwrap();
        assert_eq!(
            accounts::session_user(db, "live", 3600)
                .await
                .unwrap()
                .unwrap()
                .id,
            id
        );
        assert!(
            accounts::session_user(db, "dead", 3600)
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(accounts::prune_sessions(db).await.unwrap(), 1);

        accounts::create_token(db, "t1", Purpose::ResetPassword, id, None, 3600)
            .await
            .unwrap();
        accounts::create_token(db, "t2", Purpose::ResetPassword, id, None, 3600)
            .await
            .unwrap();
        accounts::create_token(db, "old", Purpose::ResetPassword, id, None, -5)
            .await
            .unwrap();
        assert!(
            accounts::consume_token(db, "t1", Purpose::VerifyEmail)
                .await
                .unwrap()
                .is_none(),
            "wrong purpose"
        );
        assert!(
            accounts::peek_token(db, "t1", Purpose::ResetPassword)
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(
            accounts::consume_token(db, "t1", Purpose::ResetPassword)
                .await
                .unwrap()
                .unwrap()
                .user_id,
            id
        );
        assert!(
            accounts::consume_token(db, "t1", Purpose::ResetPassword)
                .await
                .unwrap()
                .is_none(),
            "used twice"
        );
        assert!(
            accounts::consume_token(db, "t2", Purpose::ResetPassword)
                .await
                .unwrap()
                .is_none(),
            "siblings die too"
        );
        assert!(
            accounts::consume_token(db, "old", Purpose::ResetPassword)
                .await
                .unwrap()
                .is_none(),
            "expired"
        );

        accounts::set_password(db, id, "new", Some("live"))
            .await
            .unwrap();
        accounts::create_session(db, "other", id, 3600)
            .await
            .unwrap();
        accounts::set_password(db, id, "newer", Some("live"))
            .await
            .unwrap();
        assert!(
            accounts::session_user(db, "live", 3600)
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            accounts::session_user(db, "other", 3600)
                .await
                .unwrap()
                .is_none()
        );
    }
}

#[tokio::test]
async fn invitations_grant_the_role_once() {
    for t in databases().await {
        let db = &t.db;
        let c = centres::create(
            db,
            &centres::NewCentre {
                slug: "die",
                name: "Die",
                kind: "micro_centre",
                town: "Die",
            },
        )
        .await
        .unwrap();
        let dup = centres::create(
            db,
            &centres::NewCentre {
                slug: "die",
                name: "Autre",
                kind: "micro_centre",
                town: "",
            },
        )
        .await;
        assert!(matches!(dup, Err(StoreError::Duplicate)));
        let boss = user(db, "boss@x.fr").await;
        let coach = user(db, "coach@x.fr").await;
        centres::invite(
            db,
            &centres::NewInvitation {
                token_hash: "inv",
                centre_id: c,
                email: "coach@x.fr",
                role: Role::Coach,
                invited_by: boss,
                ttl_secs: 3600,
                project_id: None,
                grants_membership: true,
            },
        )
        .await
        .unwrap();
        centres::invite(
            db,
            &centres::NewInvitation {
                token_hash: "expired",
                centre_id: c,
                email: "late@x.fr",
                role: Role::Coach,
                invited_by: boss,
                ttl_secs: -1,
                project_id: None,
                grants_membership: true,
            },
        )
        .await
        .unwrap();
        assert_eq!(centres::pending_invitations(db, c).await.unwrap().len(), 1);
        assert!(
            centres::open_invitation(db, "expired")
                .await
                .unwrap()
                .is_none()
        );
        let inv = centres::accept_invitation(db, "inv", coach).await.unwrap();
        assert_eq!(inv.role, domain::Role::Coach);
        assert!(matches!(
            centres::accept_invitation(db, "inv", coach).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            accounts::memberships(db, coach).await.unwrap(),
            vec![(c, Role::Coach)]
        );
        assert!(centres::revoke(db, coach, c, Role::Coach).await.unwrap());
        assert!(accounts::memberships(db, coach).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn rate_limit_counts_within_a_window() {
    for t in databases().await {
        let db = &t.db;
        let clock = store::Clock::adjustable();
        clock
            .run(async {
                for expected in 1..=3 {
                    assert_eq!(rate_limit::hit(db, "k", 60).await.unwrap(), expected);
                }
                assert_eq!(rate_limit::count(db, "k", 60).await.unwrap(), 3);
                assert_eq!(rate_limit::count(db, "other", 60).await.unwrap(), 0);
                // Once the minute has passed, the count starts again.
                clock.advance(60);
                assert_eq!(rate_limit::count(db, "k", 60).await.unwrap(), 0);
                assert_eq!(rate_limit::hit(db, "k", 60).await.unwrap(), 1);
                rate_limit::clear(db, "k").await.unwrap();
                assert_eq!(rate_limit::count(db, "k", 60).await.unwrap(), 0);
            })
            .await;
    }
}

#[tokio::test]
async fn jobs_retry_with_backoff_then_fail_and_can_be_retried() {
    for t in databases().await {
        let db = &t.db;
        let a = jobs::enqueue(db, "noop", "{}", None).await.unwrap();
        let later = jobs::enqueue(db, "noop", "{}", Some(store::now() + 3600))
            .await
            .unwrap();
        let job = jobs::claim(db, "w1", 60).await.unwrap().unwrap();
        assert_eq!((job.id, job.attempts), (a, 1));
        jobs::fail(db, &job, "w1", "boom").await.unwrap();
        let stored = jobs::find(db, a).await.unwrap().unwrap();
        assert_eq!(stored.status.code(), "queued", "{}", t.backend);
        assert!(
            stored.run_at >= store::now() + 9,
            "backoff pushes the next attempt"
        );
        assert!(
            jobs::claim(db, "w2", 60).await.unwrap().is_none(),
            "nothing is due"
        );

        // A job whose attempts are used up ends in `failed`, and an admin can retry it.
        let b = jobs::enqueue(db, "noop", "{}", None).await.unwrap();
        let job = jobs::claim(db, "w1", 60).await.unwrap().unwrap();
        assert_eq!(job.id, b);
        let exhausted = store::jobs::Job {
            attempts: job.max_attempts,
            ..job
        };
        jobs::fail(db, &exhausted, "w1", "boom again")
            .await
            .unwrap();
        let failed = jobs::find(db, b).await.unwrap().unwrap();
        assert_eq!(
            (failed.status.code(), failed.last_error.as_deref()),
            ("failed", Some("boom again"))
        );
        assert!(jobs::retry(db, b).await.unwrap());
        assert!(
            !jobs::retry(db, later).await.unwrap(),
            "only failed jobs are retried"
        );
        let again = jobs::claim(db, "w1", 60).await.unwrap().unwrap();
        assert_eq!((again.id, again.attempts), (b, 1));
        // Released on shutdown: queued again, the interrupted attempt not counted.
        assert_eq!(jobs::release(db, "w1").await.unwrap(), 1);
        let released = jobs::find(db, b).await.unwrap().unwrap();
        assert_eq!((released.status.code(), released.attempts), ("queued", 0));
        let counts = jobs::counts(db).await.unwrap();
        assert_eq!(
            counts
                .iter()
                .find(|(s, _)| s.code() == "queued")
                .map(|(_, n)| *n),
            Some(3)
        );
    }
}

#[tokio::test]
async fn two_workers_never_run_the_same_job() {
    for t in databases().await {
        let db = t.db.clone();
        for _ in 0..120 {
            jobs::enqueue(&db, "noop", "{}", None).await.unwrap();
        }
        let mut handles = Vec::new();
        for w in 0..4 {
            let db = db.clone();
            handles.push(tokio::spawn(async move {
                let mut seen = Vec::new();
                let name = format!("worker-{w}");
                while let Some(job) = jobs::claim(&db, &name, 60).await.unwrap() {
                    seen.push(job.id);
                    jobs::complete(&db, job.id, &name).await.unwrap();
                }
                seen
            }));
        }
        let mut all = Vec::new();
        for h in handles {
            all.extend(h.await.unwrap());
        }
        let total = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(
            (total, all.len()),
            (120, 120),
            "{}: every job exactly once",
            t.backend
        );
    }
}

#[tokio::test]
async fn a_job_whose_worker_keeps_dying_ends_failed() {
    for t in databases().await {
        let db = &t.db;
        let id = jobs::enqueue(db, "noop", "{}", None).await.unwrap();
        // Each claim's lease is already over, as if the worker died at once.
        for attempt in 1..=5 {
            let job = jobs::claim(db, "doomed", -1).await.unwrap().unwrap();
            assert_eq!((job.id, job.attempts), (id, attempt), "{}", t.backend);
        }
        assert!(jobs::claim(db, "next", 60).await.unwrap().is_none());
        let job = jobs::find(db, id).await.unwrap().unwrap();
        assert_eq!(job.status.code(), "failed");
        assert!(job.last_error.unwrap().contains("worker lost"));
    }
}

#[tokio::test]
async fn erasure_removes_invitations_and_email_change_ends_old_links() {
    for t in databases().await {
        let db = &t.db;
        let c = centres::create(
            db,
            &centres::NewCentre {
                slug: "x",
                name: "X",
                kind: "studio",
                town: "",
            },
        )
        .await
        .unwrap();
        let boss = user(db, "boss@x.fr").await;
        let lea = user(db, "lea@x.fr").await;
        centres::invite(
            db,
            &centres::NewInvitation {
                token_hash: "inv-lea",
                centre_id: c,
                email: "lea@x.fr",
                role: Role::Coach,
                invited_by: boss,
                ttl_secs: 3600,
                project_id: None,
                grants_membership: true,
            },
        )
        .await
        .unwrap();
        accounts::anonymise_user(db, lea).await.unwrap();
        assert!(
            centres::pending_invitations(db, c)
                .await
                .unwrap()
                .is_empty(),
            "{}",
            t.backend
        );

        let sam = user(db, "sam@x.fr").await;
        accounts::create_token(db, "old-reset", Purpose::ResetPassword, sam, None, 3600)
            .await
            .unwrap();
        accounts::create_session(db, "here", sam, 3600)
            .await
            .unwrap();
        accounts::create_session(db, "elsewhere", sam, 3600)
            .await
            .unwrap();
        accounts::set_email(db, sam, "sam@nouveau.fr", Some("here"))
            .await
            .unwrap();
        assert!(
            accounts::consume_token(db, "old-reset", Purpose::ResetPassword)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            accounts::session_user(db, "here", 3600)
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            accounts::session_user(db, "elsewhere", 3600)
                .await
                .unwrap()
                .is_none()
        );
    }
}
