//! The demo's licences: the micro-centre licence model (two versions), the Die micro-centre's
//! licence on its first version with its contract signed by both parties, an amendment sent and
//! signed by the network (awaiting the centre's manager), and a declared royalty statement.
use crate::error::{WebError, WebResult};
use domain::contract::Party;
use domain::licence::{Status, Terms};
use store::Db;
use store::contracts::{AMENDMENT, CONTRACT, NewContract, NewSignature};

fn terms(royalty_bp: i64, yearly_fee_cents: i64) -> Terms {
    Terms {
        name: "Licence micro-centre".into(),
        entry_fee_cents: 500_000,
        yearly_fee_cents,
        royalty_bp,
        territory: "Vallée de la Drôme (Die, Crest, Saillans)".into(),
        term_years: 5,
        benefits: vec![
            "Le kit de déploiement et le manuel des opérations".into(),
            "La marque Studio d'Impact Local sur votre territoire".into(),
            "La formation initiale de l'équipe (5 jours)".into(),
            "L'accès à la plateforme et au catalogue d'offres du réseau".into(),
        ],
    }
}

pub async fn load(db: &Db) -> WebResult<()> {
    if !store::licences::versions(db).await?.is_empty() {
        return Ok(());
    }
    let die = store::centres::find_by_slug(db, "micro-centre-die")
        .await?
        .ok_or(WebError::NotFound)?;
    let admin = store::accounts::find_user_by_email(db, "admin@demo.local")
        .await?
        .ok_or(WebError::NotFound)?;
    let manager = store::accounts::find_user_by_email(db, "manager.die@demo.local")
        .await?
        .ok_or(WebError::NotFound)?;
    let mut tx = db.begin().await?;
    let v1 =
        store::licences::write_version(&mut tx, None, &terms(500, 120_000), Some(admin.id)).await?;
    let model = store::licences::version(&mut tx, v1)
        .await?
        .ok_or(WebError::NotFound)?
        .model_id;
    store::licences::write_version(&mut tx, Some(model), &terms(450, 150_000), Some(admin.id))
        .await?;
    let licence = store::licences::grant(
        &mut tx,
        die.id,
        v1,
        "2026-09-01",
        "2031-08-31",
        Some(admin.id),
    )
    .await?;
    let l = store::licences::find(&mut tx, licence)
        .await?
        .ok_or(WebError::NotFound)?;
    let fr = crate::i18n::I18n::new(domain::Locale::Fr);
    let values = [
        ("network_name", "Studio d'Impact Local".to_string()),
        ("centre_name", l.centre_name.clone()),
        ("centre_town", l.centre_town.clone()),
        ("licence_name", l.name.clone()),
        ("licence_version", l.version.to_string()),
        ("territory", l.territory.clone()),
        ("starts_on", crate::tracking::day(fr, &l.starts_on)),
        ("ends_on", crate::tracking::day(fr, &l.ends_on)),
        ("term_years", l.term_years.to_string()),
        (
            "benefits",
            l.benefit_list()
                .iter()
                .map(|b| format!("- {b}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("entry_fee", fr.money(l.entry_fee_cents)),
        ("yearly_fee", fr.money(l.yearly_fee_cents)),
        ("royalty", "5 %".to_string()),
    ];
    let body = domain::contract::fill(domain::contract::LICENCE_TEMPLATE, &values)
        .map_err(WebError::Internal)?;
    let title = format!("Contrat de licence — {}", l.centre_name);
    let contract = store::contracts::create(
        &mut tx,
        &NewContract {
            centre_id: die.id,
            licence_id: licence,
            kind: CONTRACT,
            amends_id: None,
            title: &title,
            body: &body,
            by: Some(admin.id),
        },
    )
    .await?;
    store::contracts::send(&mut tx, contract).await?;
    let hash = domain::contract::fingerprint(&body);
    for (party, user) in [(Party::Network, &admin), (Party::Licensee, &manager)] {
        store::contracts::sign(
            &mut tx,
            &NewSignature {
                contract_id: contract,
                party,
                user_id: user.id,
                signer_name: &user.display_name,
                signer_email: &user.email,
                body_hash: &hash,
            },
        )
        .await?;
    }
    store::licences::set_status(&mut tx, licence, Status::Draft, Status::Active).await?;
    let amendment = format!(
        "# Avenant n° 1 au contrat « {title} »\n\nEntre **Studio d'Impact Local**, ci-après « le Studio », et **{}**, ci-après « vous ».\n\n## Article 1 — Objet\n\nLe présent avenant étend votre territoire à la commune de Luc-en-Diois.\n\n## Article 2 — Autres dispositions\n\nLes autres dispositions du contrat (empreinte SHA-256 {hash}) restent inchangées.\n",
        l.centre_name
    );
    let amendment_title = format!("Avenant n° 1 — {title}");
    let aid = store::contracts::create(
        &mut tx,
        &NewContract {
            centre_id: die.id,
            licence_id: licence,
            kind: AMENDMENT,
            amends_id: Some(contract),
            title: &amendment_title,
            body: &amendment,
            by: Some(admin.id),
        },
    )
    .await?;
    store::contracts::send(&mut tx, aid).await?;
    store::contracts::sign(
        &mut tx,
        &NewSignature {
            contract_id: aid,
            party: Party::Network,
            user_id: admin.id,
            signer_name: &admin.display_name,
            signer_email: &admin.email,
            body_hash: &domain::contract::fingerprint(&amendment),
        },
    )
    .await?;
    let period = domain::licence::royalty::Period::parse("2026-T4").ok_or(WebError::NotFound)?;
    let figures = domain::licence::royalty::statement(
        840_000,
        l.royalty_bp,
        l.yearly_fee_cents,
        domain::licence::royalty::fees_due(
            l.starts().ok_or(WebError::NotFound)?,
            l.ends().ok_or(WebError::NotFound)?,
            period,
        ),
    );
    store::licences::royalties::create(
        &mut tx,
        &store::licences::royalties::NewStatement {
            centre_id: die.id,
            licence_id: licence,
            period: &period.code(),
            starts_on: &domain::tracking::iso(period.first_day()),
            ends_on: &domain::tracking::iso(period.last_day()),
            source: store::licences::royalties::DECLARED,
            figures,
            by: Some(admin.id),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
