//! A centre's team (issue 20): its people with their roles (from the memberships) and the
//! responsibility matrix of the processes it lists (`raci`: exactly one Accountable and at
//! least one Responsible a process, checked by `domain::team`), and its volunteers with their
//! hours, totals per month and year, and the value of their time, which the centre's budget
//! takes as its contribution in kind (`volunteers`).
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

mod raci;
mod volunteers;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/centres/{slug}/equipe", get(raci::page).post(raci::save))
        .route("/centres/{slug}/equipe/processus", post(raci::add))
        .route(
            "/centres/{slug}/equipe/processus/{id}/retirer",
            post(raci::remove),
        )
        .route("/centres/{slug}/benevoles", get(volunteers::page))
        .route("/centres/{slug}/benevoles/personnes", post(volunteers::add))
        .route("/centres/{slug}/benevoles/heures", post(volunteers::log))
        .route("/centres/{slug}/benevoles/taux", post(volunteers::set_rate))
        .route(
            "/centres/{slug}/benevoles/budget",
            post(volunteers::to_budget),
        )
}

/// The pilot's demo team: its processes with their matrix, three volunteers (one from the CRM
/// when it has contacts) and their hours over the last months.
pub async fn demo(db: &store::Db, centre_id: i64, manager_id: i64) -> crate::error::WebResult<()> {
    use time::Duration;
    if !store::team::volunteers(db, centre_id).await?.is_empty() {
        return Ok(());
    }
    let today = crate::tracking::today();
    let contact = store::team::contacts(db, centre_id)
        .await?
        .into_iter()
        .next();
    let mut ids = Vec::new();
    let people: [(&str, &str); 2] = [
        ("Jeanne Morel", "jeanne.morel@example.org"),
        ("Hugo Lambert", ""),
    ];
    for (name, email) in people {
        ids.push(store::team::add_volunteer(db, centre_id, name, email, None).await?);
    }
    if let Some((id, name, email)) = contact {
        ids.push(store::team::add_volunteer(db, centre_id, &name, &email, Some(id)).await?);
    }
    let activities = [
        "Accueil du public",
        "Atelier réparation",
        "Entretien du jardin",
        "Préparation de l'événement d'ouverture",
    ];
    let mut tx = db.begin().await?;
    for week in 0..12i64 {
        for (n, volunteer) in ids.iter().enumerate() {
            let n = n as i64;
            let day = today - Duration::days(week * 7 + n * 2 + 1);
            store::team::log_hours_in(
                &mut tx,
                centre_id,
                *volunteer,
                &domain::tracking::iso(day),
                90 + 30 * ((week + n) % 4),
                activities[((week + n) % 4) as usize],
                domain::team::MAX_MINUTES_A_DAY,
            )
            .await?;
        }
    }
    let members = store::centres::members(db, centre_id).await?;
    let processes = [
        "Accueil des porteurs de projet",
        "Ouverture et fermeture du lieu",
        "Animation des bénévoles",
    ];
    for name in processes {
        // A small team: the manager answers for each process and does it, unless someone
        // else of the centre can do it.
        let row: Vec<(i64, &str)> = match members.iter().find(|m| m.user_id != manager_id) {
            Some(other) => vec![(manager_id, "A"), (other.user_id, "R")],
            None => vec![(manager_id, "AR")],
        };
        store::team::add_process_in(&mut tx, centre_id, name, &row).await?;
    }
    tx.commit().await?;
    Ok(())
}
