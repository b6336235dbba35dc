//! Ambassadors on both databases: the referral link counts a visit and tags the visitor with
//! the ambassador's campaign; the account created then (a sign-up, or a donor's account) is
//! credited to the ambassador, and so is its payment; the ambassador's page shows the results,
//! the tier reached and the next; the network sets the tiers (bad input beside its field) and
//! turns the leaderboard off; a referral used on oneself is not credited, is said and audited;
//! the pages are the ambassador's and the network team's only.
use crate::memberships::pay_by_card;
use crate::payments::configure;
use axum::http::StatusCode;
use testkit::payfake::FakeProvider;
use testkit::{TestApp, databases};

const AMBASSADOR: &str = "ambassador@demo.local";

async fn count(app: &TestApp, sql: &str, arg: &str) -> i64 {
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_scalar(sql).bind(arg).fetch_one(p).await,
        store::Db::Postgres(p) => sqlx::query_scalar(sql).bind(arg).fetch_one(p).await,
    }
    .unwrap()
}

#[tokio::test]
async fn referral_from_a_visit_to_a_sign_up_and_a_payment() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        let _manager = configure(&app, &fake).await;
        let centre = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut a = app.client();
        a.login(AMBASSADOR, "impact-demo").await;
        let page = a.get("/ambassadeur").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let user = store::accounts::find_user_by_email(&app.state.db, AMBASSADOR)
            .await
            .unwrap()
            .unwrap();
        let me = store::ambassadors::find(&app.state.db, user.id)
            .await
            .unwrap()
            .expect("the code made on the first visit");
        let code = me.code.clone();
        assert!(page.body.contains(&format!("/r/{code}")), "{}", page.body);
        assert!(page.body.contains("<svg"), "the QR code");
        let kinds = |list: &[store::ambassadors::Happened]| {
            ["visit", "lead", "signup", "registration", "payment"]
                .map(|k| list.iter().filter(|h| h.kind == k).count())
        };
        let before = kinds(
            &store::ambassadors::results(&app.state.db, user.id, &code)
                .await
                .unwrap(),
        );

        // A visitor follows the link: counted once, landed on the site with the campaign.
        let mut v = app.client();
        let r = v.get(&format!("/r/{}", code.to_uppercase())).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let landing = r.location().unwrap().to_string();
        assert!(
            landing.contains(&format!("utm_campaign={code}")),
            "{landing}"
        );
        assert_eq!(v.get(&landing).await.status, StatusCode::OK);
        assert!(v.cookie("utm").is_some(), "the campaign remembered");
        v.get(&format!("/r/{code}")).await;
        // Signs up: the account is credited to the ambassador.
        let r = v
            .post(
                "/signup",
                &[
                    ("display_name", "Inès Filleule"),
                    ("email", "ines@exemple.fr"),
                    ("password", "un mot de passe solide"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let ines = store::accounts::find_user_by_email(&app.state.db, "ines@exemple.fr")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM referral_signups WHERE user_id = CAST($1 AS BIGINT)",
                &ines.id.to_string()
            )
            .await,
            1
        );

        // Another visitor through the link gives 42,50 €: their account and payment are credited.
        let mut d = app.client();
        d.get(&format!("/r/{code}")).await;
        d.get(&landing).await;
        let r = d
            .post(
                "/centres/studio/don",
                &[
                    ("display_name", "Hugo Donateur"),
                    ("email", "hugo@exemple.fr"),
                    ("address", "4 place Bellecour"),
                    ("postcode", "69002"),
                    ("town", "Lyon"),
                    ("amount", "5000"),
                    ("other", "42,50"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().unwrap().to_string();
        pay_by_card(&app, &fake, &mut d, &to, centre, "evt_referral").await;

        let results = store::ambassadors::results(&app.state.db, user.id, &code)
            .await
            .unwrap();
        // One visit: the visitors here share one client address, counted once a day (the
        // second visit of the first one neither); two accounts, one payment of 42,50 €.
        let after = kinds(&results);
        let added: Vec<usize> = after.iter().zip(before).map(|(a, b)| a - b).collect();
        assert_eq!(added, [1, 0, 2, 0, 1], "{results:?}");
        assert!(
            results
                .iter()
                .any(|h| h.kind == "payment" && h.cents == 4250)
        );

        // The network defines tiers; a bad threshold comes back beside its field.
        let mut n = app.client();
        n.login("admin@demo.local", "impact-demo").await;
        let r = n
            .post(
                "/admin/ambassadeurs/paliers",
                &[
                    ("name", "Pionnier"),
                    ("metric", "signups"),
                    ("threshold", "deux"),
                    ("reward", "Un mug"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-threshold-error") && r.body.contains("Un mug"),
            "{}",
            r.body
        );
        for (name, metric, threshold) in
            [("Pionnier", "signups", "1"), ("Mécène", "payments", "50")]
        {
            let r = n
                .post(
                    "/admin/ambassadeurs/paliers",
                    &[
                        ("name", name),
                        ("metric", metric),
                        ("threshold", threshold),
                        ("reward", "Un mug"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let list = n.get("/admin/ambassadeurs").await;
        assert!(
            list.body.contains("Awa Ambassadrice") && list.body.contains("42,50"),
            "{}",
            list.body
        );
        let page = a.get("/ambassadeur").await;
        assert!(
            page.body.contains("Palier atteint") && page.body.contains("Pionnier"),
            "{}",
            page.body
        );
        assert!(
            page.body.contains("Prochain palier, «\u{a0}Argent\u{a0}»"),
            "the next tier: {}",
            page.body
        );
        assert!(page.body.contains("42,50"), "{}", page.body);
        assert!(page.body.contains("Classement des ambassadeurs"));
        // The leaderboard turned off.
        let r = n.post("/admin/ambassadeurs/classement", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = a.get("/ambassadeur").await;
        assert!(!page.body.contains("Classement des ambassadeurs"));

        // The ambassador follows their own link: nothing counted, told, audited.
        let r = a.get(&format!("/r/{code}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), Some("/ambassadeur"));
        let page = a.get("/ambassadeur").await;
        assert!(page.body.contains("votre propre lien"), "{}", page.body);
        assert_eq!(
            store::ambassadors::results(&app.state.db, user.id, &code)
                .await
                .unwrap()
                .len(),
            results.len()
        );
        let self_uses = "SELECT COUNT(*) FROM audit_log WHERE action = $1";
        assert_eq!(count(&app, self_uses, "referral_self_use").await, 1);

        // Signed out, through their own link, they join the pioneers with their own address:
        // recorded, not credited, said.
        let mut own = app.client();
        own.get(&landing).await;
        store::rate_limit::clear(&app.state.db, "site:127.0.0.1")
            .await
            .unwrap();
        let started = web::site::form_stamp(&app.state, app.now() - 10)
            .await
            .unwrap();
        let r = own
            .post(
                "/pionniers",
                &[
                    ("name", "Awa Ambassadrice"),
                    ("email", AMBASSADOR),
                    ("consent", "yes"),
                    ("started", &started),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("votre propre lien"), "{}", r.body);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM leads WHERE email = $1 AND utm_campaign = ''",
                AMBASSADOR
            )
            .await,
            1
        );
        assert_eq!(count(&app, self_uses, "referral_self_use").await, 2);
        // A lead through the link with another address is credited.
        let mut l = app.client();
        l.get(&landing).await;
        let r = l
            .post(
                "/pionniers",
                &[
                    ("name", "Léa Piste"),
                    ("email", "lea@exemple.fr"),
                    ("consent", "yes"),
                    ("started", &started),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(!r.body.contains("votre propre lien"));
        let leads = kinds(
            &store::ambassadors::results(&app.state.db, user.id, &code)
                .await
                .unwrap(),
        )[1];
        assert_eq!(leads, before[1] + 1);
    }
}

#[tokio::test]
async fn ambassador_pages_are_theirs_and_the_network_teams() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        assert_eq!(p.get("/ambassadeur").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            p.get("/admin/ambassadeurs").await.status,
            StatusCode::FORBIDDEN
        );
        let mut a = app.client();
        a.login(AMBASSADOR, "impact-demo").await;
        assert_eq!(a.get("/ambassadeur").await.status, StatusCode::OK);
        assert_eq!(
            a.get("/admin/ambassadeurs").await.status,
            StatusCode::FORBIDDEN
        );
        let r = a
            .post(
                "/admin/ambassadeurs/paliers",
                &[
                    ("name", "Diamant"),
                    ("metric", "signups"),
                    ("threshold", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(
            store::ambassadors::tiers(&app.state.db)
                .await
                .unwrap()
                .iter()
                .all(|t| t.name != "Diamant")
        );
        // An unknown code lands on the home page, untagged.
        let mut v = app.client();
        let r = v.get("/r/zzzzzzzz").await;
        assert_eq!(r.location(), Some("/"));
        let r = v.get("/r/not-a-code").await;
        assert_eq!(r.location(), Some("/"));
        assert_eq!(
            app.client().get("/ambassadeur").await.status,
            StatusCode::SEE_OTHER
        );
    }
}
