//! The demo's partner selection (roadmap: « Choisir 2-3 partenaires pour le lancement »): a
//! grid of three criteria and the studio CRM's metropolis, foundation and tiers-lieu weighed
//! on it; two chosen, one with its agreement, and what each brings.
use crate::error::WebResult;
use domain::partners::{Kind, Status};
use store::Db;

/// An organisation as the demo weighs it: its name, status, scores on the three criteria, its
/// agreement's title (empty for none) and what it brings (kind, label, cents a year).
type Weighed = (
    &'static str,
    Status,
    [i64; 3],
    &'static str,
    Vec<(Kind, &'static str, i64)>,
);

pub async fn load(db: &Db) -> WebResult<()> {
    if !store::partners::criteria(db).await?.is_empty() {
        return Ok(());
    }
    let mut criteria = Vec::new();
    for (name, weight) in [
        ("Ancrage territorial", 5),
        ("Moyens apportés", 4),
        ("Proximité avec l'ESS", 3),
    ] {
        criteria.push(store::partners::add_criterion(db, name, weight).await?);
    }
    let organisations = store::partners::candidates(db).await?;
    let find = |name: &str| {
        organisations
            .iter()
            .find(|(_, n, _)| n == name)
            .map(|(id, _, _)| *id)
    };
    let weighed: [Weighed; 3] = [
        (
            "Métropole de Lyon",
            Status::Chosen,
            [5, 4, 4],
            "Convention de partenariat 2026-2028",
            vec![
                (
                    Kind::Funding,
                    "Subvention de lancement du réseau",
                    2_000_000,
                ),
                (Kind::Referrals, "Orientation des porteurs du territoire", 0),
            ],
        ),
        (
            "Le Tiers-Lieu des Pentes",
            Status::Chosen,
            [5, 3, 5],
            "",
            vec![(Kind::Venue, "Salle d'atelier deux soirs par mois", 0)],
        ),
        (
            "Fondation Terre Solidaire",
            Status::Candidate,
            [2, 5, 4],
            "",
            vec![(Kind::Funding, "Appel à projets « Territoires »", 1_500_000)],
        ),
    ];
    for (name, status, scores, agreement, brings) in weighed {
        let Some(organisation) = find(name) else {
            continue;
        };
        let id = store::partners::add(db, organisation).await?;
        let scores: Vec<(i64, Option<i64>)> = criteria
            .iter()
            .zip(scores)
            .map(|(c, s)| (*c, Some(s)))
            .collect();
        store::partners::save_assessment(db, id, status.code(), "", &scores).await?;
        if !agreement.is_empty() {
            store::partners::save_agreement(db, id, agreement, "2026-11-16", "2028-11-15").await?;
        }
        for (kind, label, cents) in brings {
            store::partners::add_contribution(db, id, kind.code(), label, cents).await?;
        }
    }
    Ok(())
}
