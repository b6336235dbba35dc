//! Quotes (devis) on both databases (issue 19): a manager drafts a quote (buyer typed or taken
//! from the CRM), edits it while it is a draft, sends it by e-mail with its PDF, and the buyer
//! accepts it from their account: the invoice is issued with the quote's lines, numbered in the
//! same transaction, and accepting again gives back that one invoice. Bad lines are refused
//! beside their row keeping what was typed; an answered quote no longer changes.
use axum::http::StatusCode;
use base64::Engine;
use testkit::{TestApp, databases, pdf_text};

const PASSWORD: &str = "impact-demo";

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .contains(text)
}

async fn client(app: &TestApp, email: &str) -> testkit::Client {
    let mut c = app.client();
    c.login(email, PASSWORD).await;
    c
}

fn id_after(prefix: &str, location: Option<&str>) -> i64 {
    location
        .and_then(|l| l.strip_prefix(prefix))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("redirect to {prefix}…: {location:?}"))
}

async fn studio(app: &TestApp) -> i64 {
    store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The base64 part of a raw message whose type is `application/pdf`, decoded.
fn pdf_attachment(raw: &str) -> Option<Vec<u8>> {
    let start = raw.find("Content-Type: application/pdf")?;
    let part = &raw[start..];
    let (_, rest) = part.split_once("\r\n\r\n")?;
    let end = rest.find("\r\n--").unwrap_or(rest.len());
    let joined: String = rest[..end].lines().collect();
    base64::engine::general_purpose::STANDARD
        .decode(joined.trim())
        .ok()
}

#[tokio::test]
async fn a_quote_is_drafted_edited_sent_and_accepted_into_one_invoice() {
    for t in databases().await {
        let backend = t.backend;
        let app = TestApp::with_demo(t).await;
        let mut m = client(&app, "manager@demo.local").await;
        let list = m.get("/centres/studio/quotes").await;
        assert_eq!(list.status, StatusCode::OK, "{backend}");
        assert!(has(&list.body, "Coopérative Les Jardins du Rhône"));
        assert_eq!(
            m.get("/centres/studio/quotes/new").await.status,
            StatusCode::OK
        );
        let fields = |price: &'static str| {
            vec![
                ("title", "Accompagnement « Lance ton projet »"),
                ("buyer_name", "Camille Participante"),
                ("buyer_email", "participant@demo.local"),
                ("valid_until", ""),
                ("label", "Séances individuelles (heures)"),
                ("quantity", "4"),
                ("price", price),
                ("rate", "0"),
                ("label", ""),
                ("quantity", "1"),
                ("price", ""),
                ("rate", "0"),
            ]
        };
        let created = m.post("/centres/studio/quotes/new", &fields("60")).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let id = id_after("/quotes/", created.location());
        let page = m.get(&format!("/quotes/{id}")).await;
        assert!(
            has(&page.body, "240,00 €") && has(&page.body, "Brouillon"),
            "{}",
            page.body
        );

        // The buyer does not see a draft; the draft is edited.
        let mut p = client(&app, "participant@demo.local").await;
        assert_eq!(
            p.get(&format!("/quotes/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        let edited = m
            .post(&format!("/quotes/{id}/edit"), &fields("65,50"))
            .await;
        assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
        let page = m.get(&format!("/quotes/{id}")).await;
        assert!(has(&page.body, "262,00 €"), "{}", page.body);

        // The PDF says the validity and the exemption, in vous.
        let pdf = m.get(&format!("/quotes/{id}/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        if let Some(text) = pdf_text(&pdf.bytes) {
            for words in [
                "Devis D-",
                "valable jusqu'au",
                "Bon pour accord",
                "293 B",
                "262,00",
            ] {
                assert!(has(&text, words), "{words} in {text}");
            }
        }

        // Sent by e-mail with its PDF; a sent quote is no longer edited.
        let sent = m.post(&format!("/quotes/{id}/send"), &[]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        app.run_jobs().await;
        let raw = app.smtp.raw_to("participant@demo.local").await;
        let mail = raw
            .iter()
            .find(|r| r.contains("application/pdf"))
            .expect("the quote's mail");
        let attached = pdf_attachment(mail).expect("a PDF attached");
        assert!(attached.starts_with(b"%PDF-"));
        assert_eq!(
            m.post(&format!("/quotes/{id}/edit"), &fields("1"))
                .await
                .status,
            StatusCode::CONFLICT
        );

        // The buyer accepts from their account: one invoice, the quote's lines, linked.
        assert_eq!(p.get(&format!("/quotes/{id}")).await.status, StatusCode::OK);
        let accepted = p.post(&format!("/quotes/{id}/accept"), &[]).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let invoice = id_after("/invoices/", accepted.location());
        let again = m.post(&format!("/quotes/{id}/accept"), &[]).await;
        assert_eq!(id_after("/invoices/", again.location()), invoice);
        let inv = store::invoices::find(&app.state.db, invoice)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(inv.quote_id, Some(id));
        assert_eq!(inv.total_ttc_cents, 26_200);
        assert!(inv.number.starts_with("F-"), "{}", inv.number);
        let lines = store::invoices::lines(&app.state.db, invoice)
            .await
            .unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].line.label, "Séances individuelles (heures)");
        let mine = p.get(&format!("/invoices/{invoice}")).await;
        assert_eq!(mine.status, StatusCode::OK);
        let q = store::quotes::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (q.status.as_str(), q.invoice_id),
            ("accepted", Some(invoice))
        );
        assert_eq!(
            m.post(&format!("/quotes/{id}/decline"), &[]).await.status,
            StatusCode::CONFLICT
        );
        assert_eq!(
            m.post(&format!("/quotes/{id}/edit"), &fields("1"))
                .await
                .status,
            StatusCode::CONFLICT
        );

        // The list filters by status.
        let accepted_list = m.get("/centres/studio/quotes?status=accepted").await.body;
        assert!(
            has(&accepted_list, "Camille Participante"),
            "{accepted_list}"
        );
        assert!(!has(&accepted_list, "Mairie du 1er"), "{accepted_list}");
        let drafts = m.get("/centres/studio/quotes?status=draft").await.body;
        assert!(has(&drafts, "Mairie du 1er") && !has(&drafts, "Camille Participante"));
    }
}

#[tokio::test]
async fn bad_lines_show_beside_their_row_and_nothing_is_stored() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = client(&app, "manager@demo.local").await;
        let centre = studio(&app).await;
        let before = store::quotes::list(&app.state.db, centre, "", 100)
            .await
            .unwrap()
            .len();
        for (quantity, price, rate, label, message) in [
            (
                "-2",
                "250",
                "0",
                "Atelier",
                "La quantité doit être un nombre supérieur à zéro",
            ),
            ("2", "250", "1960", "Atelier", "pas en vigueur en France"),
            ("2", "", "0", "", "Ajoutez au moins une ligne"),
        ] {
            let r = m
                .post(
                    "/centres/studio/quotes/new",
                    &[
                        ("buyer_name", "Client"),
                        ("title", "Objet gardé"),
                        ("label", label),
                        ("quantity", quantity),
                        ("price", price),
                        ("rate", rate),
                    ],
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{quantity} {rate}"
            );
            assert!(has(&r.body, message), "{message} in {}", r.body);
            assert!(r.body.contains(&format!("value=\"{quantity}\"")));
            assert!(r.body.contains("value=\"Objet gardé\""));
        }
        let r = m
            .post(
                "/centres/studio/quotes/new",
                &[
                    ("buyer_name", "Client"),
                    ("valid_until", "2001-01-01"),
                    ("label", "Atelier"),
                    ("quantity", "1"),
                    ("price", "10"),
                    ("rate", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&r.body, "Une date à venir"), "{}", r.body);
        let after = store::quotes::list(&app.state.db, centre, "", 100)
            .await
            .unwrap()
            .len();
        assert_eq!(before, after);
        // A participant may not open the centre's quotes.
        let mut p = client(&app, "participant@demo.local").await;
        assert_eq!(
            p.get("/centres/studio/quotes").await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn a_quote_accepted_twice_at_once_issues_one_invoice() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let centre = studio(&app).await;
        let quote = store::quotes::list(db, centre, "sent", 1).await.unwrap()[0].id;
        let (a, b) = tokio::join!(
            store::quotes::accept(db, quote, None),
            store::quotes::accept(db, quote, None)
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.id, b.id);
        let issued: Vec<_> = store::invoices::list(db, centre, &Default::default(), 100, 0)
            .await
            .unwrap();
        let from_quote = {
            let mut n = 0;
            for row in &issued {
                let inv = store::invoices::find(db, row.id).await.unwrap().unwrap();
                if inv.quote_id == Some(quote) {
                    n += 1;
                }
            }
            n
        };
        assert_eq!(from_quote, 1);
        assert_eq!(
            store::quotes::decline(db, quote)
                .await
                .unwrap_err()
                .to_string(),
            "already done"
        );
    }
}

#[tokio::test]
async fn the_buyer_is_taken_from_the_crm() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let mut m = client(&app, "manager@demo.local").await;
        let centre = studio(&app).await;
        let org = store::contacts::create_org(
            &app.state.db,
            centre,
            &store::contacts::OrgFields {
                name: "Fondation Rhône Solidaire".into(),
                kind: "funder".into(),
                siret: Some("55210055400047".into()),
                address: "8 cours Gambetta, 69003 Lyon".into(),
                ..Default::default()
            },
            app.now(),
        )
        .await
        .unwrap();
        let org_id = org.to_string();
        let created = m
            .post(
                "/centres/studio/quotes/new",
                &[
                    ("organisation", org_id.as_str()),
                    ("buyer_name", ""),
                    ("label", "Atelier"),
                    ("quantity", "1"),
                    ("price", "300"),
                    ("rate", "0"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let id = id_after("/quotes/", created.location());
        let q = store::quotes::find(&app.state.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(q.buyer_name, "Fondation Rhône Solidaire");
        assert_eq!(q.buyer_siren, "552100554");
        assert_eq!(q.buyer_address, "8 cours Gambetta, 69003 Lyon");
    }
}
