//! Reminders of unpaid invoices (issue 19), on both databases, driven by the test clock: an
//! issued invoice unpaid 7 days after its due date gets a first reminder, 21 days after a
//! second, each once however often the scan runs; a paid or credited invoice gets none. The
//! manager's overdue list shows the late invoice and its reminders; the seller page checks the
//! days.
use axum::http::StatusCode;
use store::invoices::{Buyer, Credit, NewInvoice, NewPayment};
use testkit::{TestApp, databases};

const DAY: i64 = 86_400;

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .contains(text)
}

async fn issue(app: &TestApp, centre: i64, email: &str) -> store::invoices::Issued {
    let new = NewInvoice {
        centre_id: centre,
        buyer: Buyer {
            name: format!("Client {email}"),
            email: email.into(),
            ..Buyer::default()
        },
        lines: vec![domain::invoice::Line {
            label: "Atelier collectif".into(),
            quantity_milli: 1000,
            unit_price_cents: 20_000,
            vat_rate_bp: 0,
        }],
        ..NewInvoice::default()
    };
    app.state
        .clock
        .run(store::invoices::issue(&app.state.db, &new))
        .await
        .unwrap()
}

async fn remind(app: &TestApp) -> usize {
    let n = app
        .state
        .clock
        .run(web::invoices::reminders::run(&app.state))
        .await
        .unwrap();
    app.run_jobs().await;
    n
}

#[tokio::test]
async fn unpaid_invoices_are_reminded_twice_each_once_and_settled_ones_never() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let studio = store::centres::find_by_slug(db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let unpaid = issue(&app, studio, "compta@client-a.fr").await;
        let paid = issue(&app, studio, "compta@client-b.fr").await;
        let credited = issue(&app, studio, "compta@client-c.fr").await;
        store::invoices::record_payment(
            db,
            &NewPayment {
                invoice_id: paid.id,
                amount_cents: paid.total_ttc_cents,
                method: "transfer",
                reference: "VIR 12",
                idempotency_key: "reminders:paid",
                ..NewPayment::default()
            },
        )
        .await
        .unwrap();
        store::invoices::issue_credit_note(
            db,
            credited.id,
            &Credit::Amount(credited.total_ttc_cents),
            None,
        )
        .await
        .unwrap();
        let mails = |to: &'static str| {
            let smtp = app.smtp.clone();
            async move { smtp.to(to).await }
        };

        // Due in 30 days: nothing before due + 7.
        remind(&app).await;
        app.advance(36 * DAY);
        remind(&app).await;
        assert!(mails("compta@client-a.fr").await.is_empty());
        app.advance(DAY);
        remind(&app).await;
        remind(&app).await;
        let sent = mails("compta@client-a.fr").await;
        assert_eq!(sent.len(), 1, "one first reminder");
        // (The header decoder drops the blank after a non-breaking space.)
        let subject = &sent[0].subject;
        assert!(
            subject.starts_with("Relance") && subject.contains(&unpaid.number),
            "{subject}"
        );
        assert!(has(&sent[0].text, "200,00 €"), "{}", sent[0].text);

        // The overdue list shows it, with its reminder.
        let mut m = app.client();
        m.login("manager@demo.local", "impact-demo").await;
        let page = m.get("/centres/studio/invoices/overdue").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has(&page.body, &unpaid.number), "{}", page.body);
        assert!(!has(&page.body, &paid.number) && !has(&page.body, &credited.number));

        // Due + 21: the second, once; then never a third.
        app.advance(14 * DAY);
        remind(&app).await;
        remind(&app).await;
        let sent = mails("compta@client-a.fr").await;
        assert_eq!(sent.len(), 2, "a second reminder");
        assert!(
            has(&sent[1].text, "Malgré notre précédente relance"),
            "{}",
            sent[1].text
        );
        app.advance(60 * DAY);
        remind(&app).await;
        assert_eq!(mails("compta@client-a.fr").await.len(), 2);
        assert!(mails("compta@client-b.fr").await.is_empty());
        assert!(mails("compta@client-c.fr").await.is_empty());
        let inv = store::invoices::find(db, unpaid.id).await.unwrap().unwrap();
        assert_eq!(inv.reminders, 2);
    }
}
