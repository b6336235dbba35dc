//! The studio's demo invoicing: its seller identity (an association exempt from VAT) and a few
//! invoices to a cooperative and to the demo participant, one paid, one partly credited; a quote
//! sent to the cooperative, a draft, and a quote sent to the demo participant.
use crate::error::{WebError, WebResult};
use domain::invoice::Line;
use store::Db;
use store::invoices::{Buyer, Credit, NewInvoice, NewPayment, Seller};
use store::quotes::NewQuote;

fn line(label: &str, quantity_milli: i64, unit_price_cents: i64) -> Line {
    Line {
        label: label.into(),
        quantity_milli,
        unit_price_cents,
        vat_rate_bp: 0,
    }
}

pub async fn load(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    if store::invoices::seller(db, studio.id).await?.is_some() {
        return Ok(());
    }
    store::invoices::save_seller(
        db,
        &Seller {
            centre_id: studio.id,
            legal_name: "Studio d'Impact Local".into(),
            legal_form: "Association loi 1901".into(),
            address: "12 rue de la République".into(),
            postcode: "69002".into(),
            town: "Lyon".into(),
            country: "FR".into(),
            siren: "732829320".into(),
            siret: "73282932000074".into(),
            registration: "RNA W691234567".into(),
            vat_exempt: true,
            exemption_mention: domain::invoice::EXEMPTION_293B.into(),
            iban: "FR7630006000011234567890189".into(),
            bic: "AGRIFRPP".into(),
            email: "compta@studio-impact.fr".into(),
            payment_terms_days: 30,
            penalty_rate_bp: 1000,
            ..Seller::default()
        },
    )
    .await?;
    let participant = store::accounts::find_user_by_email(db, "participant@demo.local").await?;
    let cooperative = Buyer {
        name: "Coopérative Les Jardins du Rhône".into(),
        address: "3 quai Perrache\n69002 Lyon".into(),
        email: "compta@jardins-rhone.fr".into(),
        siren: "552100554".into(),
        vat_number: String::new(),
    };
    let workshop = store::invoices::issue(
        db,
        &NewInvoice {
            centre_id: studio.id,
            buyer: cooperative.clone(),
            lines: vec![
                line("Atelier « Modèle économique » (demi-journée)", 1000, 45_000),
                line("Accompagnement individuel (heures)", 3000, 6_000),
            ],
            ..NewInvoice::default()
        },
    )
    .await?;
    store::invoices::issue_credit_note(db, workshop.id, &Credit::Amount(6_000), None).await?;
    if let Some(p) = participant {
        let own = store::invoices::issue(
            db,
            &NewInvoice {
                centre_id: studio.id,
                user_id: Some(p.id),
                buyer: Buyer {
                    name: p.display_name.clone(),
                    email: p.email.clone(),
                    ..Buyer::default()
                },
                lines: vec![line(
                    "Programme « Lance ton projet à impact local »",
                    1000,
                    36_000,
                )],
                ..NewInvoice::default()
            },
        )
        .await?;
        store::invoices::record_payment(
            db,
            &NewPayment {
                invoice_id: own.id,
                amount_cents: 36_000,
                method: "transfer",
                reference: "VIR SEPA 0425",
                idempotency_key: "demo:participant",
                ..NewPayment::default()
            },
        )
        .await?;
    }
    store::invoices::issue(
        db,
        &NewInvoice {
            centre_id: studio.id,
            buyer: cooperative.clone(),
            lines: vec![line(
                "Location de la salle d'atelier (journée)",
                1000,
                18_000,
            )],
            ..NewInvoice::default()
        },
    )
    .await?;
    // Two quotes: one sent to the cooperative, awaiting its answer, and a draft for the town hall.
    let sent = store::quotes::create(
        db,
        &NewQuote {
            centre_id: studio.id,
            title: "Cycle d'ateliers « Mesurer son impact »".into(),
            buyer: cooperative,
            lines: vec![
                line("Atelier collectif (demi-journée)", 3000, 45_000),
                line("Restitution et bilan d'impact", 1000, 30_000),
            ],
            ..NewQuote::default()
        },
    )
    .await?;
    store::quotes::mark_sent(db, sent).await?;
    store::quotes::create(
        db,
        &NewQuote {
            centre_id: studio.id,
            title: "Permanence d'accompagnement à la mairie".into(),
            buyer: Buyer {
                name: "Mairie du 1er arrondissement".into(),
                address: "2 place Sathonay\n69001 Lyon".into(),
                email: "economie@mairie1.lyon.fr".into(),
                ..Buyer::default()
            },
            lines: vec![line("Permanence mensuelle (heures)", 12_000, 6_000)],
            ..NewQuote::default()
        },
    )
    .await?;
    // A quote sent to the demo participant, who answers it from « Mes factures ».
    if let Some(p) = store::accounts::find_user_by_email(db, "participant@demo.local").await? {
        let coaching = store::quotes::create(
            db,
            &NewQuote {
                centre_id: studio.id,
                user_id: Some(p.id),
                title: "Préparation au pitch devant les financeurs".into(),
                buyer: Buyer {
                    name: p.display_name.clone(),
                    email: p.email.clone(),
                    ..Buyer::default()
                },
                lines: vec![line("Séance de coaching « pitch » (heures)", 3000, 6_000)],
                ..NewQuote::default()
            },
        )
        .await?;
        store::quotes::mark_sent(db, coaching).await?;
    }
    Ok(())
}
