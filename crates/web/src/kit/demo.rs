//! The demo's kit: version 1 (the operations manual of `data/kit/`, a canvas example, the
//! launch diagnostic, and what the network's sources give: the standard equipment list, the
//! opening plan, the studio's offers and checklists), taken by the studio and the Die
//! micro-centre; then version 2 (the welcome chapter reworded, an evening checklist added),
//! taken by the studio only, so Die's page shows what changed.
use crate::content::demo::parse;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use domain::Locale;
use domain::kit::{Item, Section, key_of};
use store::Db;

const MANUAL: [&str; 3] = [
    include_str!("../../data/kit/manual-0.md"),
    include_str!("../../data/kit/manual-1.md"),
    include_str!("../../data/kit/manual-2.md"),
];

/// The operations manual's chapters; the key is `manual/{slug}`, so procedures link chapters
/// by slug.
pub fn manual() -> WebResult<Vec<Item>> {
    MANUAL
        .iter()
        .map(|text| {
            let f =
                parse(text).ok_or_else(|| WebError::Internal("kit demo: front matter".into()))?;
            Ok(Item {
                key: format!("manual/{}", f.get("slug")),
                section: Section::Manual,
                title: f.get("title").to_string(),
                body: f.body.clone(),
            })
        })
        .collect()
}

fn written(section: Section, title: &str, body: &str) -> Item {
    Item {
        key: key_of(section, title),
        section,
        title: title.into(),
        body: body.into(),
    }
}

const CANVAS: &str = "Un exemple rempli du canevas d'impact, pour montrer à un porteur de projet ce qu'on attend de chaque case.\n\n\
## Problème\nLes familles du quartier n'ont pas accès à des produits frais à prix abordable.\n\n\
## Bénéficiaires\nLes 400 foyers du quartier sous le seuil de pauvreté.\n\n\
## Solution\nUne épicerie solidaire à double tarif, tenue par des bénévoles et deux salariés.\n\n\
## Indicateurs d'impact\n- Foyers servis chaque mois\n- Part des produits locaux\n- Heures de bénévolat";

const DIAGNOSTIC: &str = "Le diagnostic de lancement se passe au premier rendez-vous, en 20 minutes, sur la plateforme.\n\n\
- Le porteur le remplit seul, puis on le relit ensemble.\n- Les trois scores les plus bas orientent vers l'offre.\n- On le refait à la fin du parcours pour mesurer le chemin parcouru.";

const EVENING: &str = "- Fermer les fenêtres et couper le chauffage\n- Ranger le matériel de l'atelier\n- Sortir les poubelles de tri\n- Vérifier la porte de secours\n- Fermer à clé et activer l'alarme";

pub async fn load(db: &Db) -> WebResult<()> {
    if !store::kit::versions(db).await?.is_empty() {
        return Ok(());
    }
    let admin = store::accounts::find_user_by_email(db, "admin@demo.local")
        .await?
        .map(|u| u.id);
    let i = I18n::new(Locale::Fr);
    let mut first = manual()?;
    first.push(written(
        Section::Canvas,
        "Exemple : l'épicerie solidaire de la Guillotière",
        CANVAS,
    ));
    first.push(written(
        Section::Diagnostic,
        "Le diagnostic de lancement",
        DIAGNOSTIC,
    ));
    first.extend(super::sources::items(db, i).await?);
    store::kit::open_draft(db).await?;
    store::kit::put_items(db, &first).await?;
    store::kit::publish(
        db,
        "Première version : le manuel d'opérations, les offres, l'équipement standard et le plan d'ouverture.",
        admin,
    )
    .await?;
    for slug in ["studio", "micro-centre-die"] {
        let centre = store::centres::find_by_slug(db, slug)
            .await?
            .ok_or(WebError::NotFound)?;
        let mut tx = db.begin().await?;
        store::kit::take_in(&mut tx, centre.id, None, None, admin).await?;
        tx.commit().await?;
    }

    let mut second: Vec<Item> = manual()?
        .into_iter()
        .filter(|m| m.key == "manual/accueillir-un-porteur-de-projet")
        .collect();
    for m in &mut second {
        m.body = m.body.replacen(
            "- La fiche est créée le jour même.",
            "- La fiche est créée le jour même, sur la plateforme, pendant l'échange.\n- Le consentement au suivi est recueilli et daté.",
            1,
        );
    }
    second.push(written(Section::Checklist, "Fermeture du soir", EVENING));
    store::kit::open_draft(db).await?;
    store::kit::put_items(db, &second).await?;
    store::kit::publish(
        db,
        "Accueil : la fiche de premier contact remplie en ligne et le consentement daté ; une liste de fermeture du soir.",
        admin,
    )
    .await?;
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    let held = store::kit::held(db, studio.id).await?.map(|h| h.version_id);
    let mut tx = db.begin().await?;
    store::kit::take_in(&mut tx, studio.id, held, None, admin).await?;
    tx.commit().await?;
    Ok(())
}
