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
        // A person's orders include those of no offer, under their own label.
        let orders = store::offers::orders_of_user(db, user).await.unwrap();
        assert_eq!(orders.len(), 1);
        assert_eq!(orders[0].offer_id, None);
        assert_eq!(orders[0].offer_title, "Salle de réunion");
    }
}

// ---------- Pages ----------

use axum::http::StatusCode;
use testkit::TestApp;

const PASSWORD: &str = "impact-demo";

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .contains(text)
}

async fn manager(app: &TestApp) -> testkit::Client {
    let mut c = app.client();
    c.login("manager@demo.local", PASSWORD).await;
    c
}

fn invoice_id(location: Option<&str>) -> i64 {
    location
        .and_then(|l| l.strip_prefix("/invoices/"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("redirect to an invoice: {location:?}"))
}

#[tokio::test]
async fn a_manager_issues_an_invoice_then_a_credit_note_through_the_pages() {
    for t in databases().await {
        let backend = t.backend;
        let app = TestApp::with_demo(t).await;
        let mut m = manager(&app).await;
        let list = m.get("/centres/studio/invoices").await;
        assert_eq!(list.status, StatusCode::OK, "{backend}");
        assert!(
            has(&list.body, "Coopérative Les Jardins du Rhône"),
            "{}",
            list.body
        );
        let form = m.get("/centres/studio/invoices/new").await;
        assert_eq!(form.status, StatusCode::OK);
        // The demo studio is VAT-exempt: lines at 0 %.
        let issued = m
            .post(
                "/centres/studio/invoices/new",
                &[
                    ("buyer_name", "Mairie du 1er arrondissement"),
                    ("buyer_address", "2 place Sathonay, 69001 Lyon"),
                    ("buyer_siren", "552100554"),
                    ("service_date", "2026-11-20"),
                    ("label", "Atelier « Monter son budget »"),
                    ("quantity", "2"),
                    ("price", "250"),
                    ("rate", "0"),
                    ("label", "Support imprimé"),
                    ("quantity", "1,5"),
                    ("price", "12,40"),
                    ("rate", "0"),
                    ("label", ""),
                    ("quantity", "1"),
                    ("price", ""),
                    ("rate", "0"),
                ],
            )
            .await;
        assert_eq!(issued.status, StatusCode::SEE_OTHER, "{}", issued.body);
        let id = invoice_id(issued.location());
        let page = m.get(&format!("/invoices/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        // 2 × 250 + 1,5 × 12,40 = 518,60 €; the mentions of an exempt seller and a business client.
        for text in [
            "Mairie du 1er arrondissement",
            "518,60 €",
            "TVA non applicable, art. 293 B du CGI",
            "40 €",
            "SIREN 732829320",
            "20 novembre 2026",
        ] {
            assert!(has(&page.body, text), "{text} in {}", page.body);
        }
        let number = store::invoices::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap()
            .number;
        assert!(
            number.starts_with("F-") && number.ends_with("-00005"),
            "{number}"
        );

        // A credit note larger than what remains: refused beside the field, nothing issued.
        let too_much = m
            .post(
                &format!("/invoices/{id}/credit-note"),
                &[("amount", "518,61")],
            )
            .await;
        assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            has(&too_much.body, "dépasse ce qui reste")
                && too_much.body.contains("value=\"518,61\"")
        );
        let credit = m
            .post(&format!("/invoices/{id}/credit-note"), &[("amount", "100")])
            .await;
        assert_eq!(credit.status, StatusCode::SEE_OTHER, "{}", credit.body);
        let note = invoice_id(credit.location());
        let note_page = m.get(&format!("/invoices/{note}")).await;
        assert!(
            has(&note_page.body, "Avoir AV-") && has(&note_page.body, "100,00 €"),
            "{}",
            note_page.body
        );

        // A payment of what is left settles it; the same form posted twice counts once.
        let fields = [
            ("amount", "418,60"),
            ("method", "transfer"),
            ("reference", "VIR 77"),
            ("paid_on", ""),
            ("key", "k-1"),
        ];
        assert_eq!(
            m.post(&format!("/invoices/{id}/payments"), &fields)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            m.post(&format!("/invoices/{id}/payments"), &fields)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let paid = store::invoices::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((paid.paid_cents, paid.status.as_str()), (41_860, "paid"));

        // The list filters by status.
        let credited = m
            .get("/centres/studio/invoices?status=credit_note")
            .await
            .body;
        assert!(
            has(&credited, "AV-") && !has(&credited, ">F-"),
            "{credited}"
        );
    }
}

#[tokio::test]
async fn bad_lines_show_their_message_beside_the_row_and_keep_what_was_typed() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = manager(&app).await;
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let before = store::invoices::list(&app.state.db, studio, &Default::default(), 100, 0)
            .await
            .unwrap()
            .len();
        for (quantity, price, rate, message) in [
            (
                "-2",
                "250",
                "0",
                "La quantité doit être un nombre supérieur à zéro",
            ),
            ("2", "250", "1960", "pas en vigueur en France"),
            (
                "2",
                "-5",
                "0",
                "Le prix unitaire doit être un montant positif",
            ),
            ("2", "250", "2000", "franchise de TVA"),
        ] {
            let r = m
                .post(
                    "/centres/studio/invoices/new",
                    &[
                        ("buyer_name", "Client"),
                        ("label", "Atelier"),
                        ("quantity", quantity),
                        ("price", price),
                        ("rate", rate),
                    ],
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{quantity} {price} {rate}"
            );
            assert!(has(&r.body, message), "{message} in {}", r.body);
            assert!(r.body.contains(&format!("value=\"{quantity}\"")));
        }
        let after = store::invoices::list(&app.state.db, studio, &Default::default(), 100, 0)
            .await
            .unwrap()
            .len();
        assert_eq!(before, after);
    }
}

#[tokio::test]
async fn an_issued_invoice_cannot_be_edited_or_deleted_and_every_attempt_is_audited() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = manager(&app).await;
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let inv = store::invoices::list(&app.state.db, studio, &Default::default(), 1, 0)
            .await
            .unwrap()[0]
            .clone();
        for r in [
            m.get(&format!("/invoices/{}/edit", inv.id)).await,
            m.post(
                &format!("/invoices/{}/edit", inv.id),
                &[("buyer_name", "Autre")],
            )
            .await,
            m.post(&format!("/invoices/{}/delete", inv.id), &[]).await,
        ] {
            assert_eq!(r.status, StatusCode::CONFLICT);
            assert!(
                has(&r.body, "ne peut être ni modifiée ni supprimée"),
                "{}",
                r.body
            );
        }
        let audit = store::audit::list(&app.state.db, Some(studio), 50, 0)
            .await
            .unwrap();
        assert_eq!(
            audit
                .iter()
                .filter(|a| a.action == "invoice_change_refused")
                .count(),
            3
        );
        let same = store::invoices::find(&app.state.db, inv.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (same.buyer_name, same.total_ttc_cents),
            (inv.buyer_name, inv.total_ttc_cents)
        );
    }
}

#[tokio::test]
async fn a_participant_sees_their_own_invoices_and_no_one_else_s() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut p = app.client();
        p.login("participant@demo.local", PASSWORD).await;
        let mine = p.get("/account/invoices").await;
        assert_eq!(mine.status, StatusCode::OK);
        assert!(
            has(&mine.body, "F-") && has(&mine.body, "360,00 €"),
            "{}",
            mine.body
        );
        let user = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap();
        let own = store::invoices::for_user(&app.state.db, user.id)
            .await
            .unwrap()[0]
            .id;
        let page = p.get(&format!("/invoices/{own}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            has(&page.body, "Payée") && !page.body.contains("credit-note\""),
            "{}",
            page.body
        );
        // Another buyer's invoice, the staff pages and actions: not for a participant.
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let other = store::invoices::list(&app.state.db, studio, &Default::default(), 100, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.id != own)
            .unwrap()
            .id;
        assert_eq!(
            p.get(&format!("/invoices/{other}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            p.get("/centres/studio/invoices").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            p.post(&format!("/invoices/{own}/credit-note"), &[("amount", "1")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            p.get("/centres/studio/invoices/export.fec").await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn the_sales_journal_exports_as_fec_and_csv() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = manager(&app).await;
        let fec = m.get("/centres/studio/invoices/export.fec").await;
        assert_eq!(fec.status, StatusCode::OK);
        assert!(
            fec.header("content-disposition")
                .unwrap_or_default()
                .contains("732829320FEC")
        );
        let lines: Vec<&str> = fec.body.lines().collect();
        assert!(lines[0].starts_with("JournalCode\tJournalLib\tEcritureNum"));
        // 3 invoices and a credit note, exempt (2 lines each), and one payment (2 lines).
        assert_eq!(lines.len(), 1 + 4 * 2 + 2, "{}", fec.body);
        assert!(lines.iter().all(|l| l.split('\t').count() == 18));
        let csv = m.get("/centres/studio/invoices/export.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body.contains("number,kind,issue_date") && csv.body.contains("credit_note"),
            "{}",
            csv.body
        );
    }
}

#[tokio::test]
async fn the_seller_identity_is_checked_and_issued_invoices_keep_their_copy() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = manager(&app).await;
        let page = m.get("/centres/studio/invoices/seller").await;
        assert_eq!(page.status, StatusCode::OK);
        let bad = m
            .post(
                "/centres/studio/invoices/seller",
                &[
                    ("legal_name", "Studio"),
                    ("address", "1 rue"),
                    ("postcode", "69001"),
                    ("town", "Lyon"),
                    ("siren", "123456789"),
                    ("vat_number", ""),
                    ("iban", "FR00"),
                    ("payment_terms_days", "90"),
                    ("penalty_rate", "10"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for text in [
            "SIREN invalide",
            "IBAN invalide",
            "entre 0 et 60",
            "franchise en base",
        ] {
            assert!(has(&bad.body, text), "{text}");
        }
        let good = m
            .post(
                "/centres/studio/invoices/seller",
                &[
                    ("legal_name", "Studio d'Impact Local SAS"),
                    ("address", "1 rue"),
                    ("postcode", "69001"),
                    ("town", "Lyon"),
                    ("siren", "732829320"),
                    ("vat_number", "FR44732829320"),
                    ("payment_terms_days", "30"),
                    ("penalty_rate", "12,5"),
                ],
            )
            .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
        let studio = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let old = store::invoices::list(&app.state.db, studio, &Default::default(), 1, 0)
            .await
            .unwrap()[0]
            .id;
        let stored = store::invoices::find(&app.state.db, old)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.seller_name, "Studio d'Impact Local");
        assert_eq!(
            store::invoices::seller(&app.state.db, studio)
                .await
                .unwrap()
                .unwrap()
                .penalty_rate_bp,
            1250
        );
    }
}

/// Checks a Factur-X XML against the official schema (EN 16931) with the PyPI `factur-x`
/// package; `None` (after a note, or a failure in CI) when python3 or the package is missing.
fn facturx_xsd(xml: &str) -> Option<bool> {
    let dir = std::env::temp_dir().join(format!("h1-fx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("{:x}.xml", xml.len() ^ (xml.as_ptr() as usize)));
    std::fs::write(&path, xml).ok()?;
    let script = "import sys, facturx\n\
                  x = open(sys.argv[1], 'rb').read()\n\
                  print('valid' if facturx.xml_check_xsd(x, flavor='factur-x', level='en16931') else 'invalid')";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output();
    let _ = std::fs::remove_file(&path);
    let out = testkit::needed(out.map_err(|e| format!("python3 cannot run: {e}")))?;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if stderr.contains("No module named 'facturx'") {
        testkit::missing("the PyPI package factur-x is not installed (pip install factur-x)");
        return None;
    }
    if !out.status.success() {
        eprintln!("facturx: {stderr}");
    }
    Some(stdout.trim() == "valid")
}

#[tokio::test]
async fn the_factur_x_xml_validates_against_the_official_schema() {
    let t = TestDb::sqlite().await;
    let app = TestApp::with_demo(t).await;
    let mut m = manager(&app).await;
    let studio = store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    for row in store::invoices::list(&app.state.db, studio, &Default::default(), 100, 0)
        .await
        .unwrap()
    {
        let r = m.get(&format!("/invoices/{}/factur-x.xml", row.id)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains(&format!("<ram:ID>{}</ram:ID>", row.number)));
        if let Some(valid) = facturx_xsd(&r.body) {
            assert!(valid, "{} does not validate:\n{}", row.number, r.body);
        }
    }
}
