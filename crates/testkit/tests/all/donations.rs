//! Donations on both databases: the public form (suggested and free amounts, at least 1 €, the
//! donor's address required, errors beside their field with what was typed kept), a visitor's
//! gift paid by card through the order's signed page (received, no invoice: a gift is not a
//! sale), a cheque recorded by a manager, the list and its CSV, managers only.
use crate::memberships::pay_by_card;
use crate::payments::{configure, invoices_of};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use testkit::payfake::FakeProvider;
use testkit::{TestApp, databases};

#[tokio::test]
async fn a_gift_online_and_a_cheque_recorded() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        let mut m = configure(&app, &fake).await;
        let centre = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut v = app.client();
        let page = v.get("/centres/studio/don").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("50,00"), "{}", page.body);
        let donor = [
            ("display_name", "Claire Dubois"),
            ("email", "claire@exemple.fr"),
            ("address", "4 place Bellecour"),
            ("postcode", "69002"),
            ("town", "Lyon"),
        ];
        // Under 1 €: refused beside the amount, what was typed kept.
        let mut fields = donor.to_vec();
        fields.push(("other", "0,50"));
        let r = v.post("/centres/studio/don", &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-other-error") && r.body.contains("4 place Bellecour"),
            "{}",
            r.body
        );
        // No address, a bad postcode: beside their fields.
        let r = v
            .post(
                "/centres/studio/don",
                &[
                    ("amount", "5000"),
                    ("display_name", "Claire Dubois"),
                    ("email", "claire@exemple.fr"),
                    ("postcode", "69"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-address-error") && r.body.contains("f-postcode-error"),
            "{}",
            r.body
        );
        // A free amount of 42,50 €, paid by card through the signed order page.
        let mut fields = donor.to_vec();
        fields.extend([("amount", "5000"), ("other", "42,50")]);
        let r = v.post("/centres/studio/don", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().unwrap().to_string();
        let order = pay_by_card(&app, &fake, &mut v, &to, centre, "evt_gift").await;
        let gift = store::donations::of_order(&app.state.db, order)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                gift.status.as_str(),
                gift.amount_cents,
                gift.method.as_str()
            ),
            ("received", 4250, "card")
        );
        assert!(
            invoices_of(&app, order).await.is_empty(),
            "no invoice for a gift"
        );

        // A cheque recorded by the manager; a date in the future is refused beside its field.
        let cheque = [
            ("amount", "150"),
            ("method", "cheque"),
            ("display_name", "Marc Lefèvre"),
            ("address", "8 rue Mercière"),
            ("postcode", "69002"),
            ("town", "Lyon"),
        ];
        let mut fields = cheque.to_vec();
        fields.push(("received_on", "2099-01-01"));
        let r = m.post("/centres/studio/dons", &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-received_on-error") && r.body.contains("Marc Lefèvre"),
            "{}",
            r.body
        );
        let today = domain::tracking::iso(domain::time_zone::to_paris(app.now()).date());
        let mut fields = cheque.to_vec();
        fields.push(("received_on", &today));
        let r = m.post("/centres/studio/dons", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = m.get("/centres/studio/dons").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Claire Dubois")
                && page.body.contains("Marc Lefèvre")
                && page.body.contains("Chèque")
                && page.body.contains("192,50"),
            "{}",
            page.body
        );
        let csv = m.get("/centres/studio/dons.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body.contains("42.50")
                && csv.body.contains("150.00")
                && csv.body.contains("Chèque"),
            "{}",
            csv.body
        );
        // Refunded by the provider: still no invoice nor credit note, the gift marked refunded
        // (no receipt for it).
        let session = fake.sessions().pop().expect("the gift's checkout session");
        let (body, header) = fake.refunded(&session, "evt_gift_refund", 4250);
        let r = app
            .client()
            .request(
                Request::post(format!("/webhooks/card/{centre}"))
                    .header("content-type", "application/json")
                    .header("stripe-signature", header)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(
            invoices_of(&app, order).await.is_empty(),
            "no invoice nor credit note for a refunded gift"
        );
        let refunded = store::donations::of_order(&app.state.db, order)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(refunded.status, "refunded");
        let page = m.get("/centres/studio/dons").await;
        assert!(
            page.body.contains("Remboursé") && page.body.contains("150,00"),
            "{}",
            page.body
        );
        // The cheque and the export are in the audit log.
        let codes: Vec<String> = store::audit::list(&app.state.db, None, 200, 0)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.action)
            .collect();
        for code in ["donation_recorded", "donations_exported"] {
            assert!(codes.iter().any(|c| c == code), "{code}: {codes:?}");
        }
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        for path in ["/centres/studio/dons", "/centres/studio/dons.csv"] {
            assert_eq!(p.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
}

async fn receipts_count(app: &TestApp) -> i64 {
    let sql = "SELECT COUNT(*) FROM tax_receipts";
    match &app.state.db {
        store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        store::Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

/// Tax receipts: refused for a centre not of general interest; then one per gift (issuing
/// again gives the same number) and a donor's yearly summary, numbered in one series, mailed
/// with a signed link to a PDF that carries the Cerfa 11580 mentions; a receipt never changes.
#[tokio::test]
async fn tax_receipts_numbered_once_and_refused_without_general_interest() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        let mut m = configure(&app, &fake).await;
        let centre = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let today = domain::tracking::iso(domain::time_zone::to_paris(app.now()).date());
        let year = &today[..4];
        for (amount, day) in [("150", today.as_str()), ("30", today.as_str())] {
            let r = m
                .post(
                    "/centres/studio/dons",
                    &[
                        ("amount", amount),
                        ("received_on", day),
                        ("method", "cheque"),
                        ("display_name", "Marc Lefèvre"),
                        ("email", "marc@exemple.fr"),
                        ("address", "8 rue Mercière"),
                        ("postcode", "69002"),
                        ("town", "Lyon"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let gifts = store::donations::list(&app.state.db, centre, true)
            .await
            .unwrap();
        let first = gifts.iter().find(|d| d.amount_cents == 15_000).unwrap().id;
        // Not of general interest: refused, clearly, nothing written.
        let r = m
            .post(&format!("/centres/studio/dons/{first}/recu"), &[])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("intérêt général"), "{}", r.body);
        assert_eq!(receipts_count(&app).await, 0);

        store::payments::save_settings(
            &app.state.db,
            &store::payments::PaymentSettings {
                centre_id: centre,
                general_interest: 1,
                object: "Accompagner les porteurs de projets à impact local".into(),
                address: "12 rue des Tanneurs, 69001 Lyon".into(),
                signatory: "Camille Roux, présidente".into(),
            },
        )
        .await
        .unwrap();
        let r = m
            .post(&format!("/centres/studio/dons/{first}/recu"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Again: the same receipt, no new number.
        let r = m
            .post(&format!("/centres/studio/dons/{first}/recu"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(receipts_count(&app).await, 1);
        let receipt = store::tax_receipts::of_gift(&app.state.db, first)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(receipt.number, format!("RF-{year}-00001"));
        let issued = store::audit::list(&app.state.db, None, 200, 0)
            .await
            .unwrap()
            .into_iter()
            .filter(|a| a.action == "tax_receipt_issued")
            .count();
        assert_eq!(issued, 1, "one audit line for the one receipt");

        // Mailed with a signed link to the PDF, which carries the mentions.
        let mail = app
            .last_mail_to("marc@exemple.fr")
            .await
            .expect("receipt mail");
        assert!(mail.text.contains(&receipt.number), "{}", mail.text);
        let link = testkit::link_path(&mail.text, "/centres/studio/recu/").expect("link");
        let pdf = app.client().get(&link).await;
        assert_eq!(pdf.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            for said in [
                "Reçu au titre des dons",
                &receipt.number,
                "cent cinquante euros",
                "238 bis",
                "Camille Roux",
                "Marc Lefèvre",
                "Accompagner les porteurs",
                "Chèque",
                "Numéraire",
            ] {
                assert!(text.contains(said), "{said}: {text}");
            }
        }
        assert_eq!(
            app.client().get(&format!("{link}x")).await.status,
            StatusCode::NOT_FOUND
        );

        // The yearly summary takes the gifts without a receipt: the 30 € one, next number.
        let r = m
            .post(
                "/centres/studio/recus/annuel",
                &[("email", "marc@exemple.fr"), ("year", year)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = m
            .post(
                "/centres/studio/recus/annuel",
                &[("email", "marc@exemple.fr"), ("year", year)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(receipts_count(&app).await, 2);
        let yearly = store::tax_receipts::yearly(
            &app.state.db,
            centre,
            year.parse().unwrap(),
            "marc@exemple.fr",
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(
            (yearly.number.clone(), yearly.amount_cents),
            (format!("RF-{year}-00002"), 3_000)
        );
        let pdf = m.get(&format!("/centres/studio/recus/{}", yearly.id)).await;
        assert_eq!(pdf.status, StatusCode::OK);
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            assert!(text.contains("trente euros"), "{text}");
        }
        // Nothing left for another summary; a receipt never changes.
        let page = m.get("/centres/studio/dons").await;
        assert!(
            page.body.contains(&receipt.number) && page.body.contains(&yearly.number),
            "{}",
            page.body
        );
        let sql = "UPDATE tax_receipts SET amount_cents = 1";
        let changed = match &app.state.db {
            store::Db::Sqlite(p) => sqlx::query(sql).execute(p).await.is_ok(),
            store::Db::Postgres(p) => sqlx::query(sql).execute(p).await.is_ok(),
        };
        assert!(!changed, "a receipt is immutable");
    }
}
