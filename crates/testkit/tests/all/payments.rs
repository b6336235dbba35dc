//! Payments on both databases, against the local fake provider (crates/testkit/src/payfake.rs):
//! a centre's providers configured with their secrets never shown back; a double click on
//! « Payer » opening one checkout session; signed webhooks refused when forged, stale or
//! replayed, each effect applied once; a refund before its payment; HelloAsso verified by
//! reading the intent back; bank statements (CSV and CAMT.053) matched and imported once.
use axum::body::Body;
use axum::http::{Request, StatusCode};
use testkit::payfake::{self, FakeProvider};
use testkit::{Client, TestApp, databases};

/// An order of `email` for the demo offer « lance-ton-projet » (360 €), awaiting payment.
pub async fn order_for(app: &TestApp, email: &str) -> (i64, i64) {
    let user = store::accounts::find_user_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap();
    let centre = store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let sql_offer = "SELECT id FROM offers WHERE slug = 'lance-ton-projet'";
    let sql = "INSERT INTO orders (centre_id, user_id, offer_id, amount_cents, status, created_at) \
               VALUES ($1, $2, $3, 36000, 'awaiting_payment', $4) RETURNING id";
    let now = app.now();
    let id: i64 = match &app.state.db {
        store::Db::Sqlite(p) => {
            let offer: i64 = sqlx::query_scalar(sql_offer).fetch_one(p).await.unwrap();
            sqlx::query_scalar(sql)
                .bind(centre)
                .bind(user.id)
                .bind(offer)
                .bind(now)
                .fetch_one(p)
                .await
                .unwrap()
        }
        store::Db::Postgres(p) => {
            let offer: i64 = sqlx::query_scalar(sql_offer).fetch_one(p).await.unwrap();
            sqlx::query_scalar(sql)
                .bind(centre)
                .bind(user.id)
                .bind(offer)
                .bind(now)
                .fetch_one(p)
                .await
                .unwrap()
        }
    };
    (id, centre)
}

/// The studio's seller identity (its invoices' and its transfers' details).
pub async fn seller(app: &TestApp) {
    let centre = store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    store::invoices::save_seller(
        &app.state.db,
        &store::invoices::Seller {
            centre_id: centre,
            legal_name: "Studio d'Impact Local".into(),
            legal_form: "Association loi 1901".into(),
            address: "12 rue des Tanneurs".into(),
            postcode: "69001".into(),
            town: "Lyon".into(),
            country: "FR".into(),
            siren: "732829320".into(),
            vat_exempt: true,
            exemption_mention: domain::invoice::EXEMPTION_293B.into(),
            iban: "FR7630006000011234567890189".into(),
            bic: "AGRIFRPP".into(),
            payment_terms_days: 30,
            penalty_rate_bp: 1000,
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

/// The invoices and credit notes of an order: (kind, number, status).
pub async fn invoices_of(app: &TestApp, order: i64) -> Vec<(String, String, String)> {
    let sql = "SELECT kind, number, status FROM invoices WHERE order_id = $1 ORDER BY id";
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_as(sql).bind(order).fetch_all(p).await.unwrap(),
        store::Db::Postgres(p) => sqlx::query_as(sql).bind(order).fetch_all(p).await.unwrap(),
    }
}

/// The manager turns the card provider (and HelloAsso) on, pointed at the fake.
pub async fn configure(app: &TestApp, fake: &FakeProvider) -> Client {
    seller(app).await;
    let mut m = app.client();
    m.login("manager@demo.local", "impact-demo").await;
    let r = m
        .post(
            "/centres/studio/paiements",
            &[
                ("card_enabled", "1"),
                ("card_base_url", &fake.url),
                ("card_api_secret", payfake::API_SECRET),
                ("card_webhook_secret", payfake::WEBHOOK_SECRET),
                ("ha_enabled", "1"),
                ("ha_base_url", &fake.url),
                ("ha_account", payfake::HA_ORG),
                ("ha_client_id", payfake::HA_CLIENT_ID),
                ("ha_api_secret", payfake::HA_CLIENT_SECRET),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    m
}

async fn webhook(
    c: &mut Client,
    path: &str,
    body: &str,
    signature: Option<&str>,
) -> (StatusCode, String) {
    let mut req = Request::post(path).header("content-type", "application/json");
    if let Some(s) = signature {
        req = req.header("stripe-signature", s);
    }
    let r = c
        .request(req.body(Body::from(body.to_string())).unwrap())
        .await;
    (r.status, r.body)
}

async fn status_of(app: &TestApp, order: i64) -> String {
    store::payments::order(&app.state.db, order)
        .await
        .unwrap()
        .unwrap()
        .status
}

#[tokio::test]
async fn secrets_are_never_shown_back_and_bad_settings_are_refused() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        let mut m = configure(&app, &fake).await;
        let page = m.get("/centres/studio/paiements").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("••••4242") && page.body.contains("••••9876"),
            "{}",
            page.body
        );
        for secret in [
            payfake::API_SECRET,
            payfake::WEBHOOK_SECRET,
            payfake::HA_CLIENT_SECRET,
        ] {
            assert!(!page.body.contains(secret), "{secret} shown back");
        }
        // Saving again with the secret fields empty keeps them.
        let r = m
            .post(
                "/centres/studio/paiements",
                &[("card_enabled", "1"), ("card_base_url", &fake.url)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let kept = store::payments::provider(&app.state.db, studio, "card")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.api_secret, payfake::API_SECRET);
        assert!(
            !format!("{kept:?}").contains(payfake::API_SECRET),
            "Debug shows no secret"
        );
        // A bad address comes back beside its field, what was typed kept.
        let r = m
            .post(
                "/centres/studio/paiements",
                &[("card_enabled", "1"), ("card_base_url", "ftp://nope")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("ftp://nope") && r.body.contains("aria-invalid"),
            "{}",
            r.body
        );
        // Only the centre's managers.
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        assert_eq!(
            p.get("/centres/studio/paiements").await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn a_double_click_opens_one_session_and_a_signed_webhook_pays_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        configure(&app, &fake).await;
        let (order, centre) = order_for(&app, "participant@demo.local").await;
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        let mut p2 = app.client();
        p2.login("participant@demo.local", "impact-demo").await;
        let page = p.get(&format!("/orders/{order}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Payer par carte") && page.body.contains("RF"),
            "{}",
            page.body
        );
        // Someone else's order is not there.
        let mut other = app.client();
        other.login("coach@demo.local", "impact-demo").await;
        assert_eq!(
            other.get(&format!("/orders/{order}")).await.status,
            StatusCode::NOT_FOUND
        );

        // A double click, even two at once: one session.
        let path = format!("/orders/{order}/pay");
        let (a, b) = tokio::join!(
            p.post(&path, &[("provider", "card")]),
            p2.post(&path, &[("provider", "card")])
        );
        let c = p.post(&path, &[("provider", "card")]).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        let opened = format!("/orders/{order}?payer=card");
        for r in [&a, &b, &c] {
            assert_eq!(r.location(), Some(opened.as_str()));
        }
        assert_eq!(fake.sessions().len(), 1);
        let session = fake.sessions().remove(0);
        // The order's page links to the provider's hosted page (a form may not redirect there).
        let page = p.get(&opened).await;
        assert!(
            page.body
                .contains(&format!("{}/pay/{}", fake.url, session.id)),
            "{}",
            page.body
        );

        let hook = format!("/webhooks/card/{centre}");
        let mut provider = app.client();
        // Forged: signed with another secret, or not signed at all.
        let (body, _) = fake.completed(&session, "evt_1");
        let forged = domain::payment::signature::header("whsec_other", app.now(), body.as_bytes());
        assert_eq!(
            webhook(&mut provider, &hook, &body, Some(&forged)).await.0,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            webhook(&mut provider, &hook, &body, None).await.0,
            StatusCode::BAD_REQUEST
        );
        // A body changed after signing.
        let (_, header) = fake.completed(&session, "evt_1");
        let tampered = body.replace("36000", "100");
        assert_eq!(
            webhook(&mut provider, &hook, &tampered, Some(&header))
                .await
                .0,
            StatusCode::BAD_REQUEST
        );
        // Stale: signed more than five minutes ago.
        let (old_body, old_header) = FakeProvider::card_event(
            "evt_old",
            "checkout.session.completed",
            serde_json::from_str::<serde_json::Value>(&body).unwrap()["data"]["object"].clone(),
            payfake::WEBHOOK_SECRET,
            app.now() - 301,
        );
        let (s, b) = webhook(&mut provider, &hook, &old_body, Some(&old_header)).await;
        assert_eq!(
            (s, b.contains("stale")),
            (StatusCode::BAD_REQUEST, true),
            "{b}"
        );
        assert_eq!(status_of(&app, order).await, "awaiting_payment");
        assert_eq!(
            store::payments::events_count(&app.state.db).await.unwrap(),
            0
        );

        // The real one: paid, the payer told once.
        let (s, b) = webhook(&mut provider, &hook, &body, Some(&header)).await;
        assert_eq!((s, b.contains("applied")), (StatusCode::OK, true), "{b}");
        assert_eq!(status_of(&app, order).await, "paid");
        let mail = app
            .last_mail_to("participant@demo.local")
            .await
            .expect("mail");
        assert!(mail.subject.contains("Paiement reçu"), "{}", mail.subject);
        let invoices = invoices_of(&app, order).await;
        assert_eq!(invoices.len(), 1, "{invoices:?}");
        assert_eq!(
            (invoices[0].0.as_str(), invoices[0].2.as_str()),
            ("invoice", "paid")
        );
        assert!(mail.text.contains(&invoices[0].1), "{}", mail.text);
        let sent = app.smtp.count().await;
        // Replayed (within the tolerance): refused as already applied, nothing more.
        let (s, b) = webhook(&mut provider, &hook, &body, Some(&header)).await;
        assert_eq!((s, b.contains("replayed")), (StatusCode::OK, true), "{b}");
        // Another event for the same payment: nothing more either.
        let (body2, header2) = fake.completed(&session, "evt_2");
        let (s, b) = webhook(&mut provider, &hook, &body2, Some(&header2)).await;
        assert_eq!((s, b.contains("nothing")), (StatusCode::OK, true), "{b}");
        app.run_jobs().await;
        assert_eq!(app.smtp.count().await, sent, "one mail only");
        let page = p.get(&format!("/orders/{order}")).await;
        assert!(
            page.body.contains("Payée") && !page.body.contains("Payer par carte"),
            "{}",
            page.body
        );
        // Paying again goes back to the order.
        let again = p.post(&path, &[("provider", "card")]).await;
        assert_eq!(again.location(), Some(format!("/orders/{order}").as_str()));

        // A refund.
        let (rb, rh) = fake.refunded(&session, "evt_3", 36_000);
        assert_eq!(
            webhook(&mut provider, &hook, &rb, Some(&rh)).await.0,
            StatusCode::OK
        );
        assert_eq!(status_of(&app, order).await, "refunded");
        let (s, b) = webhook(&mut provider, &hook, &rb, Some(&rh)).await;
        assert_eq!((s, b.contains("replayed")), (StatusCode::OK, true), "{b}");
        let kinds: Vec<String> = invoices_of(&app, order)
            .await
            .into_iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(kinds, ["invoice", "credit_note"], "one credit note");
        // A refund larger than the order is refused.
        let (rb, rh) = fake.refunded(&session, "evt_4", 99_000);
        assert_eq!(
            webhook(&mut provider, &hook, &rb, Some(&rh)).await.0,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn a_refund_before_its_payment_is_applied_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        configure(&app, &fake).await;
        let (order, centre) = order_for(&app, "participant@demo.local").await;
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        p.post(&format!("/orders/{order}/pay"), &[("provider", "card")])
            .await;
        let session = fake.sessions().remove(0);
        let hook = format!("/webhooks/card/{centre}");
        let mut provider = app.client();
        let (rb, rh) = fake.refunded(&session, "evt_r", 36_000);
        let (s, b) = webhook(&mut provider, &hook, &rb, Some(&rh)).await;
        assert_eq!((s, b.contains("applied")), (StatusCode::OK, true), "{b}");
        assert_eq!(status_of(&app, order).await, "refunded");
        assert_eq!(
            invoices_of(&app, order).await.len(),
            2,
            "invoice and credit note"
        );
        // The payment's own event, late: nothing changes.
        let (body, header) = fake.completed(&session, "evt_p");
        let (s, b) = webhook(&mut provider, &hook, &body, Some(&header)).await;
        assert_eq!((s, b.contains("nothing")), (StatusCode::OK, true), "{b}");
        assert_eq!(status_of(&app, order).await, "refunded");
        assert_eq!(invoices_of(&app, order).await.len(), 2, "nothing more");
        // An unknown session, an unknown centre.
        let mut ghost = session.clone();
        ghost.id = "cs_ghost".into();
        let (gb, gh) = fake.completed(&ghost, "evt_g");
        assert_eq!(
            webhook(&mut provider, &hook, &gb, Some(&gh)).await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            webhook(&mut provider, "/webhooks/card/999999", &body, Some(&header))
                .await
                .0,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn helloasso_is_believed_only_as_its_api_states_the_order() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        configure(&app, &fake).await;
        let (order, centre) = order_for(&app, "participant@demo.local").await;
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        let r = p
            .post(
                &format!("/orders/{order}/pay"),
                &[("provider", "helloasso")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let session = fake.sessions().remove(0);
        assert_eq!(session.provider, "helloasso");
        let hook = format!("/webhooks/helloasso/{centre}");
        let mut provider = app.client();
        // A notification claiming a payment the API does not know: nothing.
        let note = FakeProvider::ha_notification(&session.id);
        let (s, b) = webhook(&mut provider, &hook, &note, None).await;
        assert_eq!((s, b.contains("not_paid")), (StatusCode::OK, true), "{b}");
        assert_eq!(status_of(&app, order).await, "awaiting_payment");
        fake.ha_settle(&session.id, false);
        let (s, b) = webhook(&mut provider, &hook, &note, None).await;
        assert_eq!((s, b.contains("applied")), (StatusCode::OK, true), "{b}");
        assert_eq!(status_of(&app, order).await, "paid");
        let (s, b) = webhook(&mut provider, &hook, &note, None).await;
        assert_eq!((s, b.contains("replayed")), (StatusCode::OK, true), "{b}");
        fake.ha_settle(&session.id, true);
        webhook(&mut provider, &hook, &note, None).await;
        assert_eq!(status_of(&app, order).await, "refunded");
        // A flood of notifications for this checkout: cut off before HelloAsso is asked again.
        let mut answers = Vec::new();
        for _ in 0..10 {
            answers.push(webhook(&mut provider, &hook, &note, None).await);
        }
        let (s, b) = answers.last().unwrap();
        assert_eq!(
            (*s, b.contains("rate_limited")),
            (StatusCode::TOO_MANY_REQUESTS, true),
            "{answers:?}"
        );
        assert_eq!(status_of(&app, order).await, "refunded");
    }
}

/// A partial refund delivered twice at the same moment: one credit note, for the refunded
/// amount, written with the event that caused it.
#[tokio::test]
async fn a_partial_refund_delivered_twice_at_once_is_credited_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        configure(&app, &fake).await;
        let (order, centre) = order_for(&app, "participant@demo.local").await;
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        p.post(&format!("/orders/{order}/pay"), &[("provider", "card")])
            .await;
        let session = fake.sessions().remove(0);
        let hook = format!("/webhooks/card/{centre}");
        let (body, header) = fake.completed(&session, "evt_paid");
        let mut provider = app.client();
        let (s, b) = webhook(&mut provider, &hook, &body, Some(&header)).await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (rb, rh) = fake.refunded(&session, "evt_part", 10_000);
        let (mut one, mut two) = (app.client(), app.client());
        let (a, b) = tokio::join!(
            webhook(&mut one, &hook, &rb, Some(&rh)),
            webhook(&mut two, &hook, &rb, Some(&rh))
        );
        assert_eq!((a.0, b.0), (StatusCode::OK, StatusCode::OK), "{a:?} {b:?}");
        let mut said = [a.1.contains("applied"), b.1.contains("applied")];
        said.sort();
        assert_eq!(said, [false, true], "applied once: {a:?} {b:?}");
        assert_eq!(
            credit_note_totals(&app, order).await,
            [10_000],
            "one credit note of the refunded amount"
        );
        assert_eq!(status_of(&app, order).await, "refunded");
    }
}

async fn credit_note_totals(app: &TestApp, order: i64) -> Vec<i64> {
    let sql = "SELECT total_ttc_cents FROM invoices WHERE order_id = $1 AND kind = 'credit_note'";
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_scalar(sql)
            .bind(order)
            .fetch_all(p)
            .await
            .unwrap(),
        store::Db::Postgres(p) => sqlx::query_scalar(sql)
            .bind(order)
            .fetch_all(p)
            .await
            .unwrap(),
    }
}

async fn bank_lines(app: &TestApp) -> Vec<store::payments::BankLineRow> {
    let studio = store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    store::payments::bank_lines(&app.state.db, studio)
        .await
        .unwrap()
}

#[tokio::test]
async fn bank_statements_are_matched_confirmed_and_imported_once() {
    let csv = include_str!("../fixtures/releve.csv");
    let camt = include_str!("../fixtures/releve-camt053.xml");
    for (name, sample) in [("releve.csv", csv), ("releve.xml", camt)] {
        for t in databases().await {
            let app = TestApp::with_demo(t).await;
            let fake = FakeProvider::start(app.state.clock.clone()).await;
            let mut m = configure(&app, &fake).await;
            let (a, _) = order_for(&app, "participant@demo.local").await;
            let (b, _) = order_for(&app, "coach@demo.local").await;
            let (c, _) = order_for(&app, "ambassador@demo.local").await;
            let file = sample.replace(
                "{REF_A}",
                &domain::payment::transfer::rf_reference(&format!("CMD{a}")).unwrap(),
            );
            let r = m
                .post_multipart(
                    "/centres/studio/banque",
                    &[],
                    Some(("statement", name, file.as_bytes())),
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
            let lines = bank_lines(&app).await;
            assert_eq!(lines.len(), 3, "{name}: the debit is left out");
            let page = m.get("/centres/studio/banque").await;
            assert_eq!(page.status, StatusCode::OK);
            for label in ["Rapproché", "Plusieurs possibilités", "Non rapproché"] {
                assert!(
                    page.body.contains(label),
                    "{name}: {label} in {}",
                    page.body
                );
            }
            // The same file again: nothing new.
            let r = m
                .post_multipart(
                    "/centres/studio/banque",
                    &[],
                    Some(("statement", name, file.as_bytes())),
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert_eq!(
                bank_lines(&app).await.len(),
                3,
                "{name}: re-import adds nothing"
            );

            // Confirming the referenced credit pays order A, once.
            let by_ref = lines
                .iter()
                .find(|l| l.amount_cents == 36_000 && !l.reference.is_empty())
                .unwrap();
            let path = format!("/centres/studio/banque/{}", by_ref.id);
            let r = m.post(&path, &[("order", &a.to_string())]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            assert_eq!(status_of(&app, a).await, "paid");
            let r = m.post(&path, &[("order", &a.to_string())]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert_eq!(
                store::payments::events_count(&app.state.db).await.unwrap(),
                1
            );
            // The ambiguous one: a person chooses B; a wrong amount is refused beside the form.
            let ambiguous = lines
                .iter()
                .find(|l| l.amount_cents == 36_000 && l.reference.is_empty())
                .unwrap();
            let odd = lines.iter().find(|l| l.amount_cents == 12_345).unwrap();
            let r = m
                .post(
                    &format!("/centres/studio/banque/{}", odd.id),
                    &[("order", &c.to_string())],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(status_of(&app, c).await, "awaiting_payment");
            let r = m
                .post(
                    &format!("/centres/studio/banque/{}", ambiguous.id),
                    &[("order", &b.to_string())],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert_eq!(status_of(&app, b).await, "paid");
            let r = m
                .post(
                    &format!("/centres/studio/banque/{}", odd.id),
                    &[("ignore", "1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            // Re-importing after confirming changes nothing either.
            m.post_multipart(
                "/centres/studio/banque",
                &[],
                Some(("statement", name, file.as_bytes())),
            )
            .await;
            let after = bank_lines(&app).await;
            assert_eq!(after.len(), 3);
            assert!(after.iter().all(|l| l.status != "open"), "{after:?}");
            assert_eq!(
                store::payments::events_count(&app.state.db).await.unwrap(),
                2
            );
            // A file that is not a statement comes back with its message.
            let r = m
                .post_multipart(
                    "/centres/studio/banque",
                    &[],
                    Some(("statement", "x.csv", b"nom;prenom\na;b\n")),
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.body.contains("ni un CSV"), "{}", r.body);
            // Only the centre's managers.
            let mut p = app.client();
            p.login("participant@demo.local", "impact-demo").await;
            assert_eq!(
                p.get("/centres/studio/banque").await.status,
                StatusCode::FORBIDDEN
            );
        }
    }
}

#[tokio::test]
async fn tax_receipts_are_numbered_in_one_series_per_centre_and_year() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let studio = store::centres::find_by_slug(db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut taken = Vec::new();
        for _ in 0..3 {
            let mut tx = db.begin().await.unwrap();
            taken.push(
                store::payments::next_receipt_seq_in(&mut tx, studio, 2027)
                    .await
                    .unwrap(),
            );
            tx.commit().await.unwrap();
        }
        // A receipt abandoned before its commit gives its number back: no gap.
        let mut tx = db.begin().await.unwrap();
        assert_eq!(
            store::payments::next_receipt_seq_in(&mut tx, studio, 2027)
                .await
                .unwrap(),
            4
        );
        drop(tx);
        let mut tx = db.begin().await.unwrap();
        taken.push(
            store::payments::next_receipt_seq_in(&mut tx, studio, 2027)
                .await
                .unwrap(),
        );
        // Another year starts again at 1.
        assert_eq!(
            store::payments::next_receipt_seq_in(&mut tx, studio, 2028)
                .await
                .unwrap(),
            1
        );
        tx.commit().await.unwrap();
        assert_eq!(taken, [1, 2, 3, 4]);
    }
}
