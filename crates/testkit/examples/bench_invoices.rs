//! Invoices benchmark (issue 19), on SQLite: 16 concurrent tasks issue 2,000 invoices of one
//! centre, each numbered in the transaction that inserts it; prints invoices issued per second
//! and checks the series has no gap; then times the invoices list of 10,000 invoices (the
//! manager's page, served in-process), the Factur-X XML of an invoice and its Factur-X PDF
//! (PDF/A-3b with the XML attached; target under 100 ms). Run with
//! `cargo run --release -p testkit --example bench_invoices` (a debug build gives a floor).
//! With `BENCH_KEEP_DB=/path/invoices.db` it keeps a copy of the filled database, for
//! `bench_pages --database-url sqlite:///path/invoices.db` to measure the list against the hello
//! world over HTTP.
use std::time::Instant;
use store::invoices::{self, Buyer, NewInvoice, Seller};
use testkit::{TestApp, TestDb};

const TASKS: usize = 16;
const INVOICES: usize = 2_000;
const LISTED: usize = 10_000;

fn invoice(centre_id: i64, n: usize) -> NewInvoice {
    NewInvoice {
        centre_id,
        buyer: Buyer {
            name: format!("Client n° {n}"),
            ..Buyer::default()
        },
        lines: vec![domain::invoice::Line {
            label: "Accompagnement".into(),
            quantity_milli: 1000,
            unit_price_cents: 10_000 + n as i64,
            vat_rate_bp: 2000,
        }],
        ..NewInvoice::default()
    }
}

#[tokio::main]
async fn main() {
    let app = TestApp::with_demo(TestDb::sqlite().await).await;
    let db = app.state.db.clone();
    let centre = store::centres::find_by_slug(&db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut seller = invoices::seller(&db, centre)
        .await
        .unwrap()
        .unwrap_or(Seller {
            centre_id: centre,
            ..Seller::default()
        });
    seller.vat_exempt = false;
    seller.vat_number = "FR44732829320".into();
    invoices::save_seller(&db, &seller).await.unwrap();

    let start = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..TASKS {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            for n in (t..INVOICES).step_by(TASKS) {
                invoices::issue(&db, &invoice(centre, n)).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "issued: {INVOICES} invoices in {secs:.2} s, {:.0} per second (SQLite, {TASKS} tasks)",
        INVOICES as f64 / secs
    );
    for n in INVOICES..LISTED {
        invoices::issue(&db, &invoice(centre, n)).await.unwrap();
    }

    let mut client = app.client();
    client.login("manager@demo.local", "impact-demo").await;
    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        let r = client.get("/centres/studio/invoices?status=issued").await;
        assert_eq!(r.status.as_u16(), 200);
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
    println!("invoices list ({LISTED}+ invoices): {per:.2} ms a request, in-process");
    let last = invoices::list(&db, centre, &Default::default(), 1, 0)
        .await
        .unwrap()[0]
        .id;
    let start = Instant::now();
    for _ in 0..rounds {
        let r = client.get(&format!("/invoices/{last}/factur-x.xml")).await;
        assert_eq!(r.status.as_u16(), 200);
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
    println!("Factur-X XML of an invoice: {per:.2} ms a request");
    let rounds = 50;
    let start = Instant::now();
    for _ in 0..rounds {
        let r = client.get(&format!("/invoices/{last}/pdf")).await;
        assert_eq!(r.status.as_u16(), 200);
        assert!(r.bytes.starts_with(b"%PDF"));
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
    println!("Factur-X PDF of an invoice: {per:.2} ms a request (target < 100 ms)");
    if let Ok(path) = std::env::var("BENCH_KEEP_DB") {
        let _ = std::fs::remove_file(&path);
        if let store::Db::Sqlite(pool) = &db {
            sqlx::query("VACUUM INTO $1")
                .bind(&path)
                .execute(pool)
                .await
                .unwrap();
            println!("kept the database in {path}");
        }
    }
}
