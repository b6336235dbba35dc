//! The invoice PDF as Factur-X on both databases (issue 19): an invoice and a credit note
//! download as PDF/A-3b carrying `factur-x.xml` (checked by the PyPI `factur-x` package: found
//! in the PDF, valid against the official XSD; the XMP's Factur-X properties and the attached
//! file's relationship read back with pypdf); the invoice page and PDF show the bank transfer
//! with its RF creditor reference and EPC QR code, and a bank statement quoting that reference
//! pays the invoice once; the payment confirmation e-mail carries the invoice PDF; a buyer
//! answers the quotes sent to them from `/account/invoices`.
use axum::http::StatusCode;
use base64::Engine;
use testkit::{TestApp, databases, pdf_text};

use crate::payments::{order_for, seller};

fn has(body: &str, text: &str) -> bool {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .contains(text)
}

async fn client(app: &TestApp, email: &str) -> testkit::Client {
    let mut c = app.client();
    c.login(email, "impact-demo").await;
    c
}

async fn studio(app: &TestApp) -> i64 {
    store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id
}

/// An invoice of 250 € (VAT exempt) to the demo participant, from the studio with an IBAN.
async fn invoice_to_participant(app: &TestApp) -> store::invoices::Issued {
    seller(app).await;
    let user = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
        .await
        .unwrap()
        .unwrap();
    store::invoices::issue(
        &app.state.db,
        &store::invoices::NewInvoice {
            centre_id: studio(app).await,
            user_id: Some(user.id),
            buyer: store::invoices::Buyer {
                name: "Camille Participante".into(),
                address: "3 place Bellecour\n69002 Lyon".into(),
                email: "participant@demo.local".into(),
                ..Default::default()
            },
            lines: vec![domain::invoice::Line {
                label: "Accompagnement individuel".into(),
                quantity_milli: 2_000,
                unit_price_cents: 12_500,
                vat_rate_bp: 0,
            }],
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

/// What the PyPI `factur-x` package (and pypdf, which it uses) read in a Factur-X PDF, one
/// `key value` a line; `None` (after a note, or a failure in CI) when python3 or the package
/// is missing.
fn facturx_check(pdf: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("fx-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("{:x}.pdf", pdf.len() ^ (pdf.as_ptr() as usize)));
    std::fs::write(&path, pdf).ok()?;
    let script = r#"
import re, sys, facturx, pypdf
from lxml import etree
data = open(sys.argv[1], 'rb').read()
name, xml = facturx.get_facturx_xml_from_pdf(data, check_xsd=True)
print('file', name)
print('valid', bool(xml) and facturx.xml_check_xsd(xml, flavor='factur-x', level='en16931'))
root = pypdf.PdfReader(sys.argv[1]).trailer['/Root']
meta = root['/Metadata'].get_object().get_data().decode('utf-8')
etree.fromstring(meta.encode('utf-8'))
for tag in ['DocumentType', 'DocumentFileName', 'Version', 'ConformanceLevel']:
    m = re.search('<fx:%s>([^<]*)</fx:%s>' % (tag, tag), meta)
    print(tag, m.group(1) if m else '-')
m = re.search(r'pdfaid:part(?:>|=")(\d)', meta)
print('part', m.group(1) if m else '-')
print('schema', 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#' in re.findall('<pdfaSchema:namespaceURI>([^<]*)<', meta))
af = root['/AF'][0].get_object()
print('af', af['/F'], af['/AFRelationship'])
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output();
    let _ = std::fs::remove_file(&path);
    let out = testkit::needed(out.map_err(|e| format!("python3 cannot run: {e}")))?;
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if stderr.contains("No module named 'facturx'") {
        testkit::missing("the PyPI package factur-x is not installed (pip install factur-x)");
        return None;
    }
    assert!(out.status.success(), "facturx: {stderr}");
    Some(String::from_utf8_lossy(&out.stdout).to_string())
}

fn assert_factur_x(pdf: &[u8], what: &str) {
    assert!(pdf.starts_with(b"%PDF-"), "{what}");
    let Some(report) = facturx_check(pdf) else {
        return;
    };
    for line in [
        "file factur-x.xml",
        "valid True",
        "DocumentType INVOICE",
        "DocumentFileName factur-x.xml",
        "Version 1.0",
        "ConformanceLevel EN 16931",
        "part 3",
        "schema True",
        "af factur-x.xml /Data",
    ] {
        assert!(report.contains(line), "{what}: « {line} » in\n{report}");
    }
}

#[tokio::test]
async fn invoices_and_credit_notes_download_as_factur_x_pdf_a3() {
    for t in databases().await {
        let backend = t.backend;
        let app = TestApp::with_demo(t).await;
        let issued = invoice_to_participant(&app).await;
        let mut m = client(&app, "manager@demo.local").await;

        // The invoice page offers the PDF and shows the transfer with its RF reference.
        let reference = domain::payment::transfer::rf_reference(&issued.number).unwrap();
        let page = m.get(&format!("/invoices/{}", issued.id)).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(page.body.contains(&format!("/invoices/{}/pdf", issued.id)));
        assert!(page.body.contains(&reference), "{}", page.body);
        assert!(page.body.contains("data:image/svg+xml;base64,"));

        let pdf = m.get(&format!("/invoices/{}/pdf", issued.id)).await;
        assert_eq!(pdf.status, StatusCode::OK, "{backend}: {}", pdf.body);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        assert!(
            pdf.header("content-disposition")
                .is_some_and(|d| d.contains(&format!("facture-{}.pdf", issued.number))),
            "{:?}",
            pdf.header("content-disposition")
        );
        assert_factur_x(&pdf.bytes, "invoice");
        if let Some(text) = pdf_text(&pdf.bytes) {
            for words in [
                issued.number.as_str(),
                "250,00",
                "293 B",
                "pénalités",
                "Paiement par virement",
                reference.as_str(),
            ] {
                assert!(has(&text, words), "{words} in {text}");
            }
        }

        // A credit note of 50 €: its own Factur-X PDF, naming the invoice it cancels.
        let r = m
            .post(
                &format!("/invoices/{}/credit-note", issued.id),
                &[("amount", "50")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let credit: i64 = r
            .location()
            .and_then(|l| l.strip_prefix("/invoices/"))
            .and_then(|id| id.parse().ok())
            .unwrap();
        let pdf = m.get(&format!("/invoices/{credit}/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(
            pdf.header("content-disposition")
                .is_some_and(|d| d.contains("avoir-AV-"))
        );
        assert_factur_x(&pdf.bytes, "credit note");
        if let Some(text) = pdf_text(&pdf.bytes) {
            assert!(
                has(&text, &format!("Avoir sur la facture {}", issued.number)),
                "{text}"
            );
        }

        // The buyer downloads their own from their account; nobody else may.
        let mut p = client(&app, "participant@demo.local").await;
        let mine = p.get("/account/invoices").await;
        assert!(mine.body.contains(&format!("/invoices/{}", issued.id)));
        let own = p.get(&format!("/invoices/{}/pdf", issued.id)).await;
        assert_eq!(own.status, StatusCode::OK);
        assert!(own.bytes.starts_with(b"%PDF-"));
        let mut c = client(&app, "coach@demo.local").await;
        assert_eq!(
            c.get(&format!("/invoices/{}/pdf", issued.id)).await.status,
            StatusCode::NOT_FOUND
        );
        let anonymous = app
            .client()
            .get(&format!("/invoices/{}/pdf", issued.id))
            .await;
        assert!(!anonymous.bytes.starts_with(b"%PDF"), "signed in only");
    }
}

#[tokio::test]
async fn a_transfer_quoting_the_invoice_s_rf_reference_pays_it_once() {
    for t in databases().await {
        let backend = t.backend;
        let app = TestApp::with_demo(t).await;
        let issued = invoice_to_participant(&app).await;
        let reference = domain::payment::transfer::rf_reference(&issued.number).unwrap();
        let mut m = client(&app, "manager@demo.local").await;
        let csv = format!(
            "Date;Libellé;Référence;Montant\n\
             06/03/2027;VIR SEPA CAMILLE P;{reference};250,00\n\
             07/03/2027;VIR SEPA CAMILLE P;{reference};999,00\n"
        );
        let r = m
            .post_multipart(
                "/centres/studio/banque",
                &[],
                Some(("statement", "releve.csv", csv.as_bytes())),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{backend}: {}", r.body);
        let page = m.get("/centres/studio/banque").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body
                .contains(&format!("value=\"f{}\" selected", issued.id)),
            "{backend}: the invoice matched by its reference in {}",
            page.body
        );
        let lines = store::payments::bank_lines(&app.state.db, studio(&app).await)
            .await
            .unwrap();
        let good = lines.iter().find(|l| l.amount_cents == 25_000).unwrap();
        let wrong = lines.iter().find(|l| l.amount_cents == 99_900).unwrap();
        // More than is due: refused with its message, nothing recorded.
        let r = m
            .post(
                &format!("/centres/studio/banque/{}", wrong.id),
                &[("order", &format!("f{}", issued.id))],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let path = format!("/centres/studio/banque/{}", good.id);
        for _ in 0..2 {
            let r = m
                .post(&path, &[("order", &format!("f{}", issued.id))])
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let inv = store::invoices::find(&app.state.db, issued.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((inv.status.as_str(), inv.paid_cents), ("paid", 25_000));
        let payments = store::invoices::payments(&app.state.db, issued.id)
            .await
            .unwrap();
        assert_eq!(payments.len(), 1, "counted once");
        assert_eq!(payments[0].reference, reference);
        // Paid: the page no longer asks for a transfer, the PDF says it is settled.
        let page = m.get(&format!("/invoices/{}", issued.id)).await;
        assert!(!page.body.contains("data:image/svg+xml"), "{}", page.body);
        let pdf = m.get(&format!("/invoices/{}/pdf", issued.id)).await;
        if let Some(text) = pdf_text(&pdf.bytes) {
            assert!(has(&text, "Facture acquittée"), "{text}");
        }
    }
}

/// The base64 part of a raw message whose type is `application/pdf`: its name and bytes.
fn pdf_attachment(raw: &str) -> Option<(String, Vec<u8>)> {
    // The part's headers run from its boundary line (the disposition may come first) to the
    // blank line.
    let at = raw.find("Content-Type: application/pdf")?;
    let start = raw[..at].rfind("\r\n--").map_or(0, |b| b + 2);
    let part = &raw[start..];
    let (head, rest) = part.split_once("\r\n\r\n")?;
    let name = head
        .split("filename=")
        .nth(1)?
        .trim_matches(|c: char| c == '"' || c.is_whitespace())
        .split('"')
        .next()?
        .to_string();
    let end = rest.find("\r\n--").unwrap_or(rest.len());
    let joined: String = rest[..end].lines().collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(joined.trim())
        .ok()?;
    Some((name, bytes))
}

#[tokio::test]
async fn the_payment_confirmation_carries_the_invoice_pdf() {
    for t in databases().await {
        let backend = t.backend;
        let app = TestApp::with_demo(t).await;
        seller(&app).await;
        let (order, _) = order_for(&app, "participant@demo.local").await;
        let mut m = client(&app, "manager@demo.local").await;
        let reference = domain::payment::transfer::rf_reference(&format!("CMD{order}")).unwrap();
        let csv =
            format!("Date;Libellé;Référence;Montant\n06/03/2027;VIR SEPA;{reference};360,00\n");
        let r = m
            .post_multipart(
                "/centres/studio/banque",
                &[],
                Some(("statement", "releve.csv", csv.as_bytes())),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let line = store::payments::bank_lines(&app.state.db, studio(&app).await)
            .await
            .unwrap()
            .pop()
            .unwrap();
        let r = m
            .post(
                &format!("/centres/studio/banque/{}", line.id),
                &[("order", &order.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        app.run_jobs().await;
        let raw = app.smtp.raw_to("participant@demo.local").await;
        let mail = raw
            .iter()
            .find(|r| r.contains("application/pdf"))
            .unwrap_or_else(|| panic!("{backend}: the payment mail with its PDF in {raw:?}"));
        let (name, pdf) = pdf_attachment(mail).expect("a PDF attached");
        assert!(name.starts_with("facture-F-"), "{name}");
        assert_factur_x(&pdf, "the mailed invoice");
    }
}

#[tokio::test]
async fn a_buyer_answers_their_quotes_from_their_invoices_page() {
    for t in databases().await {
        let backend = t.backend;
        let app = TestApp::with_demo(t).await;
        seller(&app).await;
        let user = store::accounts::find_user_by_email(&app.state.db, "participant@demo.local")
            .await
            .unwrap()
            .unwrap();
        let new = |title: &str| store::quotes::NewQuote {
            centre_id: 0,
            user_id: Some(user.id),
            title: title.into(),
            buyer: store::invoices::Buyer {
                name: "Camille Participante".into(),
                email: "participant@demo.local".into(),
                ..Default::default()
            },
            lines: vec![domain::invoice::Line {
                label: "Atelier".into(),
                quantity_milli: 1_000,
                unit_price_cents: 8_000,
                vat_rate_bp: 0,
            }],
            ..Default::default()
        };
        let centre = studio(&app).await;
        let mut ids = Vec::new();
        for title in ["Atelier pitch", "Atelier budget", "Brouillon caché"] {
            let q = store::quotes::NewQuote {
                centre_id: centre,
                ..new(title)
            };
            ids.push(store::quotes::create(&app.state.db, &q).await.unwrap());
        }
        store::quotes::mark_sent(&app.state.db, ids[0])
            .await
            .unwrap();
        store::quotes::mark_sent(&app.state.db, ids[1])
            .await
            .unwrap();

        let mut p = client(&app, "participant@demo.local").await;
        let page = p.get("/account/invoices").await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(has(&page.body, "Atelier pitch") && has(&page.body, "Atelier budget"));
        assert!(!has(&page.body, "Brouillon caché"), "a draft stays hidden");
        assert!(page.body.contains(&format!("/quotes/{}/accept", ids[0])));

        let r = p.post(&format!("/quotes/{}/accept", ids[0]), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = p.post(&format!("/quotes/{}/decline", ids[1]), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let q = store::quotes::find(&app.state.db, ids[0])
            .await
            .unwrap()
            .unwrap();
        let invoice = q.invoice_id.expect("the invoice issued");
        let page = p.get("/account/invoices").await;
        assert!(has(&page.body, "Accepté") && has(&page.body, "Refusé"));
        assert!(page.body.contains(&format!("/invoices/{invoice}")));
        assert!(!page.body.contains(&format!("/quotes/{}/accept", ids[0])));
        // Another person sees none of them.
        let mut c = client(&app, "coach@demo.local").await;
        let other = c.get("/account/invoices").await;
        assert!(!has(&other.body, "Atelier pitch"));
    }
}
