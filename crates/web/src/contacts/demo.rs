//! The studio's relations as the demo ships them: a few organisations (the metropolis, a
//! foundation, a printer, a tiers-lieu), their people (one of them a demo account, one a lead
//! of the site, so their page shows one history), interactions with follow-ups, and deals on
//! the prospecting board. Loaded through the CSV import, so loading twice adds nothing.
use crate::error::{WebError, WebResult};
use domain::crm::import::{Outcome, Record};
use domain::crm::{DealKind, InteractionKind};
use store::Db;
use store::contacts::NewInteraction;
use store::contacts::pipeline::DealFields;

const CSV: &str = "nom;email;téléphone;rôle;organisation;type;siret;adresse;site;tags;newsletter
Claire Moreau;claire.moreau@metropole.example;04 72 00 00 01;Chargée de mission ESS;Métropole de Lyon;institution;;20 rue du Lac, 69003 Lyon;metropole.example;collectivité, ess;oui
Karim Haddad;karim@fondation-terre.example;06 11 22 33 44;Responsable des programmes;Fondation Terre Solidaire;financeur;12002701600019;;;mécène;oui
Julien Petit;julien@imprimerie-coop.example;;Gérant;Imprimerie Coopérative;fournisseur;73282932000074;;;;non
Amandine Roche;amandine@tiers-lieu.example;;Coordinatrice;Le Tiers-Lieu des Pentes;partenaire;;;;partenaire, lieu;oui
Paul Porteur;participant@demo.local;;Porteur de projet;;;;;;porteur;oui
Léa Moreau;lea.moreau@demo.local;;;;;;;;pionnière;non
";

pub async fn load(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    let now = store::now();
    let known = store::contacts::import::known(db, studio.id).await?;
    let lines = domain::crm::import::classify(&domain::crm::csv::parse(CSV), &known)
        .map_err(|k| WebError::Internal(k.to_string()))?;
    let records: Vec<Record> = lines
        .into_iter()
        .filter_map(|l| match l.outcome {
            Outcome::New(r) => Some(*r),
            _ => None,
        })
        .collect();
    if records.is_empty() {
        return Ok(());
    }
    store::contacts::import::import(db, studio.id, &records, now).await?;
    let manager = store::accounts::find_user_by_email(db, "manager@demo.local")
        .await?
        .map(|u| u.id)
        .unwrap_or(0);
    let (people, _) = store::contacts::people(
        db,
        &store::contacts::PeopleFilter {
            centre: studio.id,
            ..Default::default()
        },
        0,
        50,
    )
    .await?;
    let find = |email: &str| people.iter().find(|p| p.email.as_deref() == Some(email));
    let today = domain::time_zone::to_paris(now).date();
    let day = |d: i64| domain::tracking::iso(today + time::Duration::days(d));
    let notes: [(&str, InteractionKind, &str, Option<i64>); 3] = [
        (
            "claire.moreau@metropole.example",
            InteractionKind::Meeting,
            "Présentation du studio au service ESS\u{a0}: intérêt pour un appel à projets commun à l'automne.",
            Some(0),
        ),
        (
            "karim@fondation-terre.example",
            InteractionKind::Call,
            "Appel de présentation\u{a0}; il attend notre dossier pour la session de mars.",
            Some(-2),
        ),
        (
            "amandine@tiers-lieu.example",
            InteractionKind::Email,
            "Proposition d'accueillir les ateliers du jeudi soir dans la grande salle.",
            None,
        ),
    ];
    for (email, kind, body, follow) in notes {
        if let Some(p) = find(email) {
            store::contacts::add_interaction(
                db,
                &NewInteraction {
                    centre_id: studio.id,
                    contact_id: Some(p.id),
                    organisation_id: None,
                    kind,
                    body,
                    follow_up_on: follow.map(day),
                    author_id: manager,
                },
                now,
            )
            .await?;
        }
    }
    let stages = store::contacts::pipeline::stages(db, studio.id).await?;
    let deals: [(&str, DealKind, &str, i64, usize); 3] = [
        (
            "Convention ESS 2027",
            DealKind::Partner,
            "claire.moreau@metropole.example",
            1_500_000,
            2,
        ),
        (
            "Subvention amorçage",
            DealKind::Partner,
            "karim@fondation-terre.example",
            800_000,
            1,
        ),
        (
            "Accompagnement premium — Tiers-Lieu",
            DealKind::Premium,
            "amandine@tiers-lieu.example",
            240_000,
            3,
        ),
    ];
    for (title, kind, email, amount_cents, stage) in deals {
        let (Some(p), Some(s)) = (find(email), stages.get(stage)) else {
            continue;
        };
        store::contacts::pipeline::create_deal(
            db,
            studio.id,
            &DealFields {
                kind,
                title: title.to_string(),
                organisation_id: p.organisation_id,
                contact_id: Some(p.id),
                amount_cents,
                expected_on: Some(day(60)),
                stage_id: s.id,
            },
            now,
        )
        .await?;
    }
    Ok(())
}
