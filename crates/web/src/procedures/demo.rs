//! Demo data of the pilot micro-centre (Die): a procedure linked to the operations manual,
//! checklists with a few weeks of history (the opening one done every day but today, the
//! safety round missed last week), an incident, its team's responsibility matrix, volunteers
//! with their hours, and an opening plan half done. Loading twice changes nothing.
use crate::error::WebResult;
use domain::procedures::Recurrence;
use domain::tracking::iso;
use store::Db;
use time::Duration;

const CENTRE: &str = "micro-centre-die";
const MANAGER: &str = "manager.die@demo.local";
pub const OPENING_CHECKLIST: &str = "Ouverture du lieu";

pub async fn load(db: &Db) -> WebResult<()> {
    let Some(centre) = store::centres::find_by_slug(db, CENTRE).await? else {
        return Ok(());
    };
    let Some(manager) = store::accounts::find_user_by_email(db, MANAGER).await? else {
        return Ok(());
    };
    if store::procedures::checklists(db, centre.id)
        .await?
        .iter()
        .any(|c| c.name == OPENING_CHECKLIST)
    {
        return Ok(());
    }
    let today = crate::tracking::today();
    let procedure = store::procedures::create_procedure(
        db,
        centre.id,
        &store::procedures::ProcedureFields {
            title: "Ouvrir et fermer le lieu",
            body: "## À l'ouverture\n\n1. Désactiver l'alarme (code dans le classeur rouge).\n2. Ouvrir les volets et aérer dix minutes.\n3. Allumer le chauffage de l'atelier.\n4. Vérifier la trousse de secours.\n\n## À la fermeture\n\n- Éteindre les machines de l'atelier bois.\n- Fermer les fenêtres, puis les volets.\n- Activer l'alarme en sortant.\n\nEn cas de problème, notez-le dans le **journal des incidents**.",
            chapters: "accueillir-un-porteur-de-projet",
        },
        manager.id,
    )
    .await?;
    let created_on = iso(today - Duration::days(28));
    let lists: [(&str, Recurrence, &str, &[&str]); 4] = [
        (
            OPENING_CHECKLIST,
            Recurrence::Daily,
            "centre_manager",
            &[
                "Désactiver l'alarme",
                "Ouvrir les volets et aérer",
                "Allumer le chauffage",
                "Vérifier la trousse de secours",
            ],
        ),
        (
            "Fermeture du lieu",
            Recurrence::Daily,
            "centre_manager",
            &[
                "Éteindre les machines",
                "Fermer fenêtres et volets",
                "Activer l'alarme",
            ],
        ),
        (
            "Ronde de sécurité",
            Recurrence::Weekly,
            "centre_manager",
            &[
                "Tester les extincteurs (pression)",
                "Dégager les issues de secours",
                "Vérifier l'éclairage de sécurité",
            ],
        ),
        (
            "Ménage hebdomadaire",
            Recurrence::Weekly,
            "coach",
            &[
                "Sols de l'atelier",
                "Sanitaires",
                "Cuisine et réfrigérateur",
            ],
        ),
    ];
    let mut tx = db.begin().await?;
    for (name, recurrence, role, items) in lists {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        let id = store::procedures::create_checklist_in(
            &mut tx,
            centre.id,
            &store::procedures::ChecklistFields {
                name,
                recurrence: recurrence.code(),
                role,
                procedure_id: (name != "Ménage hebdomadaire").then_some(procedure),
            },
            &created_on,
            &items,
        )
        .await?;
        // History: every period of the last four weeks but the current one; the safety round
        // was missed last week, so it is overdue.
        let mut day = recurrence.previous_start(today);
        let first = today - Duration::days(21);
        let mut skipped = false;
        while day >= first {
            let missed = name == "Ronde de sécurité" && !skipped;
            skipped = true;
            if !missed {
                let at = domain::time_zone::from_paris(
                    day.with_hms(8, 30, 0)
                        .unwrap_or(time::PrimitiveDateTime::new(day, time::Time::MIDNIGHT)),
                )
                .unwrap_or_else(store::now);
                store::procedures::record_run_in(&mut tx, id, &iso(day), manager.id, at).await?;
            }
            day = recurrence.previous_start(day);
        }
    }
    store::procedures::report_incident(
        &mut tx,
        centre.id,
        &store::procedures::IncidentFields {
            happened_on: &iso(today - Duration::days(3)),
            place: "Atelier bois",
            severity: "moderate",
            what: "Une personne s'est coupée légèrement au doigt en utilisant la scie à chantourner sans gants.",
            action_taken: "Premiers soins avec la trousse de secours ; rappel des consignes et gants ajoutés près de la machine.",
        },
        manager.id,
    )
    .await?;
    tx.commit().await?;
    super::super::team::demo(db, centre.id, manager.id).await?;
    super::super::opening::demo(db, centre.id).await?;
    Ok(())
}
