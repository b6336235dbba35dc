//! Invoices on both databases (issue 19): numbers without gap or duplicate under concurrent
//! issuing (two nodes on one PostgreSQL database, many tasks on SQLite), a transaction dropped
//! mid-issue gives its number back, credit notes never exceed what remains, bad lines refused
//! with their message, payments counted once and settling the order, issued invoices immutable.
use domain::invoice::Line;
use store::accounts::{self, NewUser};
use store::invoices::{self, Buyer, Credit, NewInvoice, NewPayment, Seller};
use store::{Db, StoreError, centres};
use testkit::{TestDb, databases, require_postgres_in_ci};

pub async fn centre_with_seller(db: &Db, slug: &str) -> i64 {
    let centre = centres::create(
        db,
        &centres::NewCentre {
            slug,
            name: "Studio d'Impact Local",
            kind: "studio",
            town: "Lyon",
        },
    )
    .await
    .unwrap();
    invoices::save_seller(
        db,
        &Seller {
            centre_id: centre,
            legal_name: "Studio d'Impact Local".into(),
            legal_form: "Association loi 1901".into(),
            address: "12 rue de la République".into(),
            postcode: "69002".into(),
            town: "Lyon".into(),
            country: "FR".into(),
            siren: "123456789".into(),
            siret: "12345678900012".into(),
            vat_number: "FR32123456789".into(),
            iban: "FR7630006000011234567890189".into(),
            bic: "AGRIFRPP".into(),
            payment_terms_days: 30,
            penalty_rate_bp: 1000,
            ..Seller::default()
        },
    )
    .await
    .unwrap();
    centre
}

pub async fn person(db: &Db, email: &str, name: &str) -> i64 {
    accounts::create_user(
        db,
        &NewUser {
            email,
            password_hash: "x",
            display_name: name,
            locale: "fr",
            verified: true,
        },
    )
    .await
    .unwrap()
}

pub fn line(label: &str, quantity_milli: i64, unit_price_cents: i64, vat_rate_bp: i64) -> Line {
    Line {
        label: label.into(),
        quantity_milli,
        unit_price_cents,
        vat_rate_bp,
    }
}

pub fn new_invoice(centre_id: i64, lines: Vec<Line>) -> NewInvoice {
    NewInvoice {
        centre_id,
        buyer: Buyer {
            name: "Coopérative Les Jardins du Rhône".into(),
            address: "3 quai Perrache, 69002 Lyon".into(),
            email: "compta@jardins-rhone.fr".into(),
            siren: "987654321".into(),
            ..Buyer::default()
        },
        lines,
        ..NewInvoice::default()
    }
}

async fn sequences(db: &Db, centre: i64) -> Vec<i64> {
    let sql = "SELECT sequence FROM invoices WHERE centre_id = $1 ORDER BY sequence";
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).bind(centre).fetch_all(p).await,
        Db::Postgres(p) => sqlx::query_scalar(sql).bind(centre).fetch_all(p).await,
    }
    .unwrap()
}

/// Issues `n` invoices at once, spread over the given handles (nodes), and checks the numbers.
async fn issue_concurrently(nodes: &[Db], centre: i64, n: usize) {
    let mut tasks = Vec::new();
    for i in 0..n {
        let db = nodes[i % nodes.len()].clone();
        tasks.push(tokio::spawn(async move {
            let new = new_invoice(
                centre,
                vec![line("Accompagnement", 1000, 10_000 + i as i64, 2000)],
            );
            invoices::issue(&db, &new).await
        }));
    }
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.unwrap().unwrap().number);
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), n, "duplicate number");
    let seq = sequences(&nodes[0], centre).await;
    assert_eq!(seq, (1..=n as i64).collect::<Vec<_>>(), "gap in the series");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_invoices_at_once_are_numbered_without_gap_on_sqlite() {
    let t = TestDb::sqlite().await;
    let centre = centre_with_seller(&t.db, "lyon").await;
    issue_concurrently(std::slice::from_ref(&t.db), centre, 200).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_invoices_from_two_nodes_are_numbered_without_gap_on_postgres() {
    let Some(url) = require_postgres_in_ci() else {
        return;
    };
    let t = TestDb::postgres(&url).await;
    // A second node: its own pool on the same database.
    let other = Db::connect(&t.url).await.unwrap();
    let centre = centre_with_seller(&t.db, "lyon").await;
    issue_concurrently(&[t.db.clone(), other.clone()], centre, 200).await;
    other.close().await;
}

#[tokio::test]
async fn an_issue_rolled_back_gives_its_number_back() {
    for t in databases().await {
        let db = &t.db;
        let centre = centre_with_seller(db, "lyon").await;
        let first = invoices::issue(
            db,
            &new_invoice(centre, vec![line("Atelier", 1000, 5000, 2000)]),
        )
        .await
        .unwrap();
        {
            // Issued, then the process "dies" before commit: the transaction is dropped.
            let mut tx = db.begin().await.unwrap();
            let lost = invoices::issue_invoice(
                &mut tx,
                &new_invoice(centre, vec![line("Atelier", 1000, 5000, 2000)]),
            )
            .await
            .unwrap();
            assert!(lost.number.ends_with("00002"));
            drop(tx);
        }
        let next = invoices::issue(
            db,
            &new_invoice(centre, vec![line("Atelier", 1000, 5000, 2000)]),
        )
        .await
        .unwrap();
        assert!(
            first.number.starts_with("F-") && first.number.ends_with("-00001"),
            "{}",
            first.number
        );
        assert!(
            next.number.ends_with("-00002"),
            "{} on {}",
            next.number,
            t.backend
        );
        assert_eq!(sequences(db, centre).await, vec![1, 2]);
    }
}

#[tokio::test]
async fn bad_lines_are_refused_with_their_message() {
    for t in databases().await {
        let db = &t.db;
        let centre = centre_with_seller(db, "lyon").await;
        for (bad, key) in [
            (line("Atelier", -1000, 5000, 2000), "invoice-error-quantity"),
            (line("Atelier", 1000, 5000, 1960), "invoice-error-rate"),
            (line("Atelier", 1000, -5, 2000), "invoice-error-price"),
            (line(" ", 1000, 5, 2000), "invoice-error-label"),
        ] {
            match invoices::issue(db, &new_invoice(centre, vec![bad])).await {
                Err(StoreError::InvalidInput(k)) => assert_eq!(k, key),
                other => panic!("{other:?}"),
            }
        }
        // A centre without a seller identity cannot issue.
        let bare = centres::create(
            db,
            &centres::NewCentre {
                slug: "vienne",
                name: "Vienne",
                kind: "micro_centre",
                town: "Vienne",
            },
        )
        .await
        .unwrap();
        assert!(matches!(
            invoices::issue(db, &new_invoice(bare, vec![line("Atelier", 1000, 5000, 2000)])).await,
            Err(StoreError::InvalidInput(k)) if k == "invoice-error-no-seller"
        ));
        assert!(sequences(db, centre).await.is_empty(), "{}", t.backend);
    }
}

#[tokio::test]
async fn credit_notes_never_exceed_what_remains() {
    for t in databases().await {
        let db = &t.db;
        let centre = centre_with_seller(db, "lyon").await;
        // 2 × 100 € at 20 % + 1 × 50 € at 5,5 % = 240 € + 52,75 € = 292,75 €.
        let inv = invoices::issue(
            db,
            &new_invoice(
                centre,
                vec![
                    line("Atelier", 2000, 10_000, 2000),
                    line("Livre", 1000, 5000, 550),
                ],
            ),
        )
        .await
        .unwrap();
        assert_eq!(inv.total_ttc_cents, 29_275);
        assert!(matches!(
            invoices::issue_credit_note(db, inv.id, &Credit::Amount(29_276), None).await,
            Err(StoreError::Full)
        ));
        let first = invoices::issue_credit_note(db, inv.id, &Credit::Amount(10_000), None)
            .await
            .unwrap();
        assert!(
            first.number.starts_with("AV-") && first.number.ends_with("-00002"),
            "{}",
            first.number
        );
        assert_eq!(first.total_ttc_cents, 10_000);
        assert!(matches!(
            invoices::issue_credit_note(db, inv.id, &Credit::Amount(19_276), None).await,
            Err(StoreError::Full)
        ));
        assert!(matches!(
            invoices::issue_credit_note(db, inv.id, &Credit::Amount(-5), None).await,
            Err(StoreError::InvalidInput(_))
        ));
        // A credit note cannot itself be credited.
        assert!(matches!(
            invoices::issue_credit_note(db, first.id, &Credit::Amount(1), None).await,
            Err(StoreError::NotFound)
        ));
        invoices::issue_credit_note(db, inv.id, &Credit::Amount(19_275), None)
            .await
            .unwrap();
        let after = invoices::find(db, inv.id).await.unwrap().unwrap();
        assert_eq!(
            (after.credited_cents, after.status.as_str()),
            (29_275, "credited")
        );
        assert_eq!(sequences(db, centre).await, vec![1, 2, 3]);
    }
}

#[tokio::test]
async fn payments_count_once_and_settle_the_order() {
    for t in databases().await {
        let db = &t.db;
        let centre = centre_with_seller(db, "lyon").await;
        let user = person(db, "camille@exemple.fr", "Camille Martin").await;
        // An order of an event ticket (no offer): 36 € VAT included at 20 %.
        let sql = format!(
            "INSERT INTO orders (centre_id, user_id, kind, label, subject_id, amount_cents, vat_rate_bp, status, created_at) \
             VALUES ({centre}, {user}, 'event', 'Atelier « Lancer son projet »', 7, 3600, 2000, 'awaiting_payment', 0)"
        );
        t.execute(&sql).await;
        let order: i64 = match db {
            Db::Sqlite(p) => {
                sqlx::query_scalar("SELECT MAX(id) FROM orders")
                    .fetch_one(p)
                    .await
            }
            Db::Postgres(p) => {
                sqlx::query_scalar("SELECT MAX(id) FROM orders")
                    .fetch_one(p)
                    .await
            }
        }
        .unwrap();
        let inv = invoices::issue_for_order(db, order, None).await.unwrap();
        assert_eq!(inv.total_ttc_cents, 3600);
        // Idempotent: the same order gives the same invoice.
        assert_eq!(
            invoices::issue_for_order(db, order, None).await.unwrap(),
            inv
        );
        let stored = invoices::find(db, inv.id).await.unwrap().unwrap();
        assert_eq!((stored.total_ht_cents, stored.total_vat_cents), (3000, 600));
        assert_eq!(stored.buyer_name, "Camille Martin");
        assert_eq!(stored.user_id, Some(user));

        let pay = |amount, key| NewPayment {
            invoice_id: inv.id,
            amount_cents: amount,
            method: "card",
            reference: "pi_123",
            idempotency_key: key,
            ..NewPayment::default()
        };
        assert!(matches!(
            invoices::record_payment(db, &pay(0, "k0")).await,
            Err(StoreError::InvalidInput(_))
        ));
        assert!(matches!(
            invoices::record_payment(db, &pay(3601, "k0")).await,
            Err(StoreError::Full)
        ));
        let part = invoices::record_payment(db, &pay(1000, "k1"))
            .await
            .unwrap();
        assert!(part.new && !part.fully_paid);
        let again = invoices::record_payment(db, &pay(1000, "k1"))
            .await
            .unwrap();
        assert!(!again.new);
        assert_eq!(again.paid_cents, 1000);
        let rest = invoices::record_payment(db, &pay(2600, "k2"))
            .await
            .unwrap();
        assert!(rest.fully_paid);
        assert_eq!(invoices::payments(db, inv.id).await.unwrap().len(), 2);
        let status: String = match db {
            Db::Sqlite(p) => {
                sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
                    .bind(order)
                    .fetch_one(p)
                    .await
            }
            Db::Postgres(p) => {
                sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
                    .bind(order)
                    .fetch_one(p)
                    .await
            }
        }
        .unwrap();
        assert_eq!(status, "paid", "{}", t.backend);
        assert_eq!(
            invoices::find(db, inv.id).await.unwrap().unwrap().status,
            "paid"
        );
    }
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_an_issued_invoice() {
    for t in databases().await {
        let db = &t.db;
        let centre = centre_with_seller(db, "lyon").await;
        let inv = invoices::issue(
            db,
            &new_invoice(centre, vec![line("Atelier", 1000, 5000, 2000)]),
        )
        .await
        .unwrap();
        for sql in [
            format!(
                "UPDATE invoices SET total_ttc_cents = 1 WHERE id = {}",
                inv.id
            ),
            format!("UPDATE invoices SET buyer_name = 'X' WHERE id = {}", inv.id),
            format!("DELETE FROM invoices WHERE id = {}", inv.id),
            format!(
                "UPDATE invoice_lines SET unit_price_cents = 1 WHERE invoice_id = {}",
                inv.id
            ),
            format!("DELETE FROM invoice_lines WHERE invoice_id = {}", inv.id),
        ] {
            let refused = match db {
                Db::Sqlite(p) => sqlx::query(&sql).execute(p).await.is_err(),
                Db::Postgres(p) => sqlx::query(&sql).execute(p).await.is_err(),
            };
            assert!(refused, "{sql} on {}", t.backend);
        }
        // Changing the seller's settings leaves the issued copy as it was.
        let mut seller = invoices::seller(db, centre).await.unwrap().unwrap();
        seller.legal_name = "Autre nom".into();
        invoices::save_seller(db, &seller).await.unwrap();
        let stored = invoices::find(db, inv.id).await.unwrap().unwrap();
        assert_eq!(stored.seller_name, "Studio d'Impact Local");
        assert_eq!(stored.total_ttc_cents, 6000);
    }
}

#[tokio::test]
async fn orders_keep_working_with_an_offer_or_without() {
    for t in databases().await {
        let db = &t.db;
        let centre = centre_with_seller(db, "lyon").await;
        let user = person(db, "paul@exemple.fr", "Paul").await;
        let sql = format!(
            "INSERT INTO orders (centre_id, user_id, kind, label, amount_cents, status, created_at) \
             VALUES ({centre}, {user}, 'booking', 'Salle de réunion', 2500, 'awaiting_payment', 0)"
        );
        t.execute(&sql).await;
        // The offers' list of a person's orders reads only orders of offers.
        assert!(
            store::offers::orders_of_user(db, user)
                .await
                .unwrap()
                .is_empty()
        );
    }
}
