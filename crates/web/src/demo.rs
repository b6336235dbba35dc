//! Demo data: the studio, one micro-centre, one user per role (password `impact-demo`) and a few
//! projects. Loading twice changes nothing.
use crate::error::{WebError, WebResult};
use crate::security::hash_password;
use crate::state::AppState;
use domain::Role;
use std::sync::atomic::Ordering;
use store::Db;

pub const SETTING: &str = "demo_loaded";
pub const PASSWORD: &str = "impact-demo";

/// The demo logins: (e-mail, display name, role, centre slug).
pub const USERS: [(&str, &str, Role, &str); 6] = [
    (
        "admin@demo.local",
        "Camille Network",
        Role::NetworkAdmin,
        "studio",
    ),
    (
        "manager@demo.local",
        "Malik Gestion",
        Role::CentreManager,
        "studio",
    ),
    (
        "coach@demo.local",
        "Claire Accompagne",
        Role::Coach,
        "studio",
    ),
    (
        "participant@demo.local",
        "Paul Porteur",
        Role::Participant,
        "studio",
    ),
    (
        "ambassador@demo.local",
        "Awa Ambassadrice",
        Role::Ambassador,
        "studio",
    ),
    (
        "manager.die@demo.local",
        "Denis Drôme",
        Role::CentreManager,
        "micro-centre-die",
    ),
];

const CENTRES: [(&str, &str, &str, &str); 2] = [
    ("studio", "Studio d'Impact Local", "studio", "Lyon"),
    (
        "micro-centre-die",
        "Micro-centre de Die",
        "micro_centre",
        "Die",
    ),
];

/// (centre, name, summary, stage, member e-mail, follower e-mail)
const PROJECTS: [(&str, &str, &str, &str, &str, &str); 4] = [
    (
        "studio",
        "La Recyclerie des Pentes",
        "Une recyclerie de quartier qui collecte, répare et revend à petit prix, avec des ateliers de réparation ouverts à tous.",
        "test",
        "participant@demo.local",
        "coach@demo.local",
    ),
    (
        "studio",
        "Épicerie solidaire de la Guillotière",
        "Des produits locaux accessibles aux familles à petit budget, tenus par des bénévoles et deux salariés en insertion.",
        "test",
        "participant@demo.local",
        "coach@demo.local",
    ),
    (
        "studio",
        "Tiers-lieu La Fabrique",
        "Un lieu partagé avec café associatif, atelier bois et espace de coworking pour les habitants.",
        "idea",
        "ambassador@demo.local",
        "coach@demo.local",
    ),
    (
        "micro-centre-die",
        "Jardins partagés du Diois",
        "Des parcelles cultivées ensemble, une école du jardin pour les enfants et des paniers pour l'épicerie sociale.",
        "launch",
        "manager.die@demo.local",
        "manager.die@demo.local",
    ),
];

/// Loads the demo data (idempotent) and marks the instance as holding demo data.
pub async fn load(db: &Db) -> WebResult<()> {
    let hash = hash_password(PASSWORD.to_string())
        .await
        .map_err(WebError::Internal)?;
    for (slug, name, kind, town) in CENTRES {
        if store::centres::find_by_slug(db, slug).await?.is_none() {
            store::centres::create(
                db,
                &store::centres::NewCentre {
                    slug,
                    name,
                    kind,
                    town,
                },
            )
            .await?;
        }
    }
    for (email, name, role, centre) in USERS {
        let user_id = match store::accounts::find_user_by_email(db, email).await? {
            Some(u) => u.id,
            None => {
                let new = store::accounts::NewUser {
                    email,
                    password_hash: &hash,
                    display_name: name,
                    locale: "fr",
                    verified: true,
                };
                store::accounts::create_user(db, &new).await?
            }
        };
        let centre = store::centres::find_by_slug(db, centre)
            .await?
            .ok_or(WebError::NotFound)?;
        store::centres::grant(db, user_id, centre.id, role).await?;
    }
    for (centre, name, summary, stage, member, follower) in PROJECTS {
        let centre = store::centres::find_by_slug(db, centre)
            .await?
            .ok_or(WebError::NotFound)?;
        let existing = store::projects::for_centre(db, centre.id, 0).await?;
        if existing.iter().any(|p| p.name == name) {
            continue;
        }
        let id = store::projects::create(
            db,
            &store::projects::NewProject {
                centre_id: centre.id,
                name,
                summary,
                stage,
                ..Default::default()
            },
        )
        .await?
        .id;
        for (email, relation) in [(follower, "follower"), (member, "member")] {
            if let Some(user) = store::accounts::find_user_by_email(db, email).await? {
                store::projects::link(db, id, user.id, relation).await?;
            }
        }
    }
    load_canvases(db).await?;
    load_forecast(db).await?;
    load_centre_budget(db).await?;
    load_roadmap(db).await?;
    load_tracking(db).await?;
    load_cohort(db).await?;
    crate::diagnostics::demo::load(db).await?;
    crate::content::demo::load(db).await?;
    crate::site::demo::load(db).await?;
    crate::offers::demo::load(db).await?;
    crate::learning::demo::load(db).await?;
    crate::onboarding::demo::load(db).await?;
    crate::newsletters::demo::load(db).await?;
    crate::invoices::demo::load(db).await?;
    crate::contacts::demo::load(db).await?;
    crate::places::demo::load(db).await?;
    crate::equipment::demo::load(db).await?;
    crate::procedures::demo::load(db).await?;
    crate::licences::demo::load(db).await?;
    crate::ambassadors::demo::load(db).await?;
    crate::partners::demo::load(db).await?;
    crate::kit::demo::load(db).await?;
    crate::launch::demo::load(db).await?;
    store::settings::set(db, SETTING, "1").await?;
    Ok(())
}

/// The name of the studio's first cohort (its learning path is the learning demo's).
pub const COHORT: &str = "Première cohorte · automne 2026";

/// The studio's first cohort, with its three projects (roadmap: "Lancer la première cohorte").
async fn load_cohort(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    const NAME: &str = COHORT;
    if store::cohorts::for_centre(db, studio.id)
        .await?
        .iter()
        .any(|c| c.name == NAME)
    {
        return Ok(());
    }
    let fields = store::cohorts::CohortFields {
        name: NAME,
        starts_on: "2026-09-14",
        ends_on: "2027-01-29",
    };
    let cohort = store::cohorts::create(db, studio.id, &fields).await?;
    for p in store::projects::for_centre(db, studio.id, 0).await? {
        store::cohorts::add_project(db, cohort, p.id).await?;
    }
    // Its people (a participant and their coach), a first workshop and a shared guide.
    let mut people = Vec::new();
    for (email, role) in [
        ("participant@demo.local", "participant"),
        ("coach@demo.local", "coach"),
    ] {
        if let Some(u) = store::accounts::find_user_by_email(db, email).await? {
            people.push((u.id, role));
        }
    }
    let mut tx = db.begin().await?;
    for (user, role) in people {
        store::cohorts::add_member_in(&mut tx, cohort, user, role).await?;
    }
    tx.commit().await?;
    let starts = domain::time_zone::from_paris(time::macros::datetime!(2026-09-17 18:30))
        .unwrap_or_default();
    store::cohorts::add_session(
        db,
        cohort,
        "Atelier 1 : du problème au public cible",
        starts,
        "Salle des Canuts, 12 rue des Tanneurs",
        "",
    )
    .await?;
    store::cohorts::add_resource(db, cohort, "Les guides du studio", "/guides").await?;
    Ok(())
}

/// Each demo project gets the worked example canvas that matches it.
async fn load_canvases(db: &Db) -> WebResult<()> {
    const CANVASES: [(&str, &str, &str); 3] = [
        ("studio", "La Recyclerie des Pentes", "recyclerie"),
        (
            "studio",
            "Épicerie solidaire de la Guillotière",
            "epicerie-solidaire",
        ),
        ("studio", "Tiers-lieu La Fabrique", "tiers-lieu"),
    ];
    for (centre, project_name, example_key) in CANVASES {
        let Some(centre) = store::centres::find_by_slug(db, centre).await? else {
            continue;
        };
        let projects = store::projects::for_centre(db, centre.id, 0).await?;
        let Some(project) = projects.iter().find(|p| p.name == project_name) else {
            continue;
        };
        let Some(example) = domain::canvas::examples()
            .iter()
            .find(|e| e.key == example_key)
        else {
            continue;
        };
        if !store::canvas::for_project(db, project.id).await?.is_empty() {
            continue;
        }
        let drafts = example
            .drafts()
            .map_err(|e| WebError::Internal(e.to_string()))?;
        let owner = store::accounts::find_user_by_email(db, "participant@demo.local")
            .await?
            .map(|u| u.id);
        store::canvas::create(
            db,
            centre.id,
            project.id,
            &format!("Canvas · {project_name}"),
            owner,
            &drafts,
        )
        .await?;
    }
    Ok(())
}

/// The recyclerie's 3-year forecast (an association: shop sales, repair workshops, memberships,
/// a running subsidy; a van and the shop fitted out, financed by a bank loan, a France Active
/// loan and a regional subsidy), with the story its holders tell funders.
const FORECAST: &str = include_str!("../data/previsionnel-recyclerie.json");
const FORECAST_NARRATIVE: &str = "La Recyclerie des Pentes collecte les objets dont les habitants des pentes de la Croix-Rousse ne veulent plus, les répare et les revend à petit prix dans sa boutique de la montée de la Grande-Côte. Chaque année, une trentaine de tonnes échappent ainsi à la benne.\n\nLa première année finance le camion et l'aménagement de la boutique\u{a0}; la coordinatrice est salariée dès l'ouverture et une valoriste en insertion la rejoint au quatrième mois. Les ateliers de réparation ouverts aux habitants et les adhésions complètent les ventes.\n\nLe plan repose sur une subvention de fonctionnement de la Métropole de Lyon, un prêt de la Nef sur cinq ans et un prêt France Active avec six mois de différé\u{a0}: la trésorerie reste positive sur les trente-six mois.";

async fn load_forecast(db: &Db) -> WebResult<()> {
    let Some(studio) = store::centres::find_by_slug(db, "studio").await? else {
        return Ok(());
    };
    let projects = store::projects::for_centre(db, studio.id, 0).await?;
    let Some(project) = projects
        .iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
    else {
        return Ok(());
    };
    if store::forecasts::for_project(db, project.id)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let plan = domain::forecast::parse(FORECAST).map_err(|e| WebError::Internal(e.to_string()))?;
    let document = plan.to_json();
    let new = store::forecasts::NewForecast {
        centre_id: studio.id,
        project_id: Some(project.id),
        name: &plan.name,
        document: &document,
        created_by: None,
    };
    let id = store::forecasts::create(db, &new).await?;
    store::forecasts::set_narrative(db, id, FORECAST_NARRATIVE).await?;
    Ok(())
}

/// The studio's own budget, from the centre template, with its first two months of actuals: the
/// second month's services came in 30 % under the budget.
async fn load_centre_budget(db: &Db) -> WebResult<()> {
    let Some(studio) = store::centres::find_by_slug(db, "studio").await? else {
        return Ok(());
    };
    if store::forecasts::for_centre(db, studio.id).await?.is_some() {
        return Ok(());
    }
    let start = domain::forecast::model::YearMonth {
        year: 2027,
        month: 1,
    };
    let plan = domain::forecast::template::centre_budget(&format!("Budget {}", studio.name), start);
    let document = plan.to_json();
    let new = store::forecasts::NewForecast {
        centre_id: studio.id,
        project_id: None,
        name: &plan.name,
        document: &document,
        created_by: None,
    };
    let id = store::forecasts::create(db, &new).await?;
    let m = domain::forecast::compute(&plan).monthly;
    let mut values = Vec::new();
    for (month, share) in [(1usize, 100), (2, 70)] {
        let i = month - 1;
        let month = month as i64;
        values.extend([
            (
                month,
                "chiffre_affaires",
                m.chiffre_affaires[i] * share / 100,
            ),
            (
                month,
                "subventions_exploitation",
                m.subventions_exploitation[i],
            ),
            (month, "autres_produits", m.autres_produits[i]),
            (month, "charges_externes", m.charges_externes[i]),
            (
                month,
                "charges_personnel",
                m.salaires[i] + m.charges_sociales[i],
            ),
        ]);
    }
    store::forecasts::set_actuals(db, id, &[1, 2], &values, None).await?;
    Ok(())
}

/// The studio's own 12-month roadmap (`feuille-de-route.md`), started on 1 October 2026.
pub const ROADMAP: &str = include_str!("../data/feuille-de-route.md");
pub const ROADMAP_START: &str = "2026-10-01";

async fn load_roadmap(db: &Db) -> WebResult<()> {
    let Some(studio) = store::centres::find_by_slug(db, "studio").await? else {
        return Ok(());
    };
    if !store::roadmaps::for_centre(db, studio.id).await?.is_empty() {
        return Ok(());
    }
    let roadmap = domain::roadmap::parse(ROADMAP).map_err(|e| WebError::Internal(e.to_string()))?;
    let admin = store::accounts::find_user_by_email(db, "admin@demo.local")
        .await?
        .map(|u| u.id);
    store::roadmaps::create(db, studio.id, None, &roadmap, Some(ROADMAP_START), admin).await?;
    Ok(())
}

/// Indicators with a few months of measurements, a coaching session whose next steps became
/// tasks, a milestone, and the "Lancer mon projet local" roadmap on the recyclerie.
async fn load_tracking(db: &Db) -> WebResult<()> {
    type Series = (
        &'static str,
        i64,
        Option<i64>,
        &'static [(&'static str, i64)],
    );
    const INDICATORS: [(&str, &str, &[Series]); 3] = [
        (
            "studio",
            "La Recyclerie des Pentes",
            &[
                (
                    "waste-diverted",
                    0,
                    Some(30_000),
                    &[
                        ("2026-09-30", 900),
                        ("2026-10-31", 1_200),
                        ("2026-11-20", 1_850),
                    ],
                ),
                (
                    "volunteers",
                    4_000,
                    Some(20_000),
                    &[
                        ("2026-09-30", 6_000),
                        ("2026-10-31", 9_000),
                        ("2026-11-20", 12_000),
                    ],
                ),
                (
                    "items-repaired",
                    0,
                    Some(1_200_000),
                    &[("2026-10-31", 64_000), ("2026-11-20", 81_000)],
                ),
            ],
        ),
        (
            "studio",
            "Épicerie solidaire de la Guillotière",
            &[
                (
                    "people-reached",
                    0,
                    Some(600_000),
                    &[
                        ("2026-09-30", 38_000),
                        ("2026-10-31", 52_000),
                        ("2026-11-20", 61_000),
                    ],
                ),
                (
                    "local-purchases-share",
                    20_000,
                    Some(50_000),
                    &[
                        ("2026-09-30", 31_000),
                        ("2026-10-31", 35_000),
                        ("2026-11-20", 42_000),
                    ],
                ),
                (
                    "food-redistributed",
                    0,
                    Some(12_000),
                    &[("2026-10-31", 750), ("2026-11-20", 980)],
                ),
            ],
        ),
        (
            "micro-centre-die",
            "Jardins partagés du Diois",
            &[
                (
                    "green-area",
                    300_000,
                    Some(1_500_000),
                    &[("2026-09-30", 650_000), ("2026-11-20", 820_000)],
                ),
                (
                    "volunteers",
                    5_000,
                    Some(25_000),
                    &[("2026-09-30", 14_000), ("2026-11-20", 17_000)],
                ),
            ],
        ),
    ];
    for (centre, project_name, series) in INDICATORS {
        let Some(centre) = store::centres::find_by_slug(db, centre).await? else {
            continue;
        };
        let projects = store::projects::for_centre(db, centre.id, 0).await?;
        let Some(project) = projects.iter().find(|p| p.name == project_name) else {
            continue;
        };
        if !store::impact::indicators(db, project.id).await?.is_empty() {
            continue;
        }
        for (code, baseline, target, points) in series {
            let pi = store::impact::add_indicator(
                db,
                &store::impact::NewIndicator {
                    centre_id: centre.id,
                    project_id: project.id,
                    code,
                    baseline: *baseline,
                    target: *target,
                    target_on: Some("2027-09-30"),
                },
            )
            .await?;
            for (on, value) in points.iter() {
                store::impact::add_measurement(
                    db,
                    &store::impact::NewMeasurement {
                        project_indicator_id: pi,
                        measured_on: on,
                        value: *value,
                        source: "Relevé mensuel de l'équipe",
                        attachment_id: None,
                        created_by: None,
                    },
                )
                .await?;
            }
        }
    }
    let Some(studio) = store::centres::find_by_slug(db, "studio").await? else {
        return Ok(());
    };
    let projects = store::projects::for_centre(db, studio.id, 0).await?;
    let Some(recyclerie) = projects
        .iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
    else {
        return Ok(());
    };
    if !store::tracking::sessions(db, recyclerie.id, 1)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let coach = store::accounts::find_user_by_email(db, "coach@demo.local").await?;
    let participant = store::accounts::find_user_by_email(db, "participant@demo.local").await?;
    let participants: Vec<i64> = participant.iter().map(|u| u.id).collect();
    store::tracking::create_session(
        db,
        &store::tracking::NewSession {
            centre_id: studio.id,
            project_id: recyclerie.id,
            coach_id: coach.as_ref().map(|u| u.id),
            held_on: "2026-11-12",
            shared_notes: "Le local de la rue Burdeau est disponible en janvier. Les pesées d'octobre montrent 1,2 tonne détournée : le rythme est bon.",
            private_notes: "Paul doute de pouvoir tenir les permanences seul : proposer le binôme avec l'épicerie solidaire.",
            decisions: "Ouvrir deux permanences de collecte par semaine dès décembre.",
            participants: &participants,
            next_steps: &[
                "Demander le devis d'assurance pour le local".to_string(),
                "Recruter trois bénévoles pour l'atelier réparation".to_string(),
            ],
            step_owner: participant.as_ref().map(|u| u.id),
            step_due: Some("2026-12-15"),
        },
    )
    .await?;
    for (kind, title, due) in [
        (
            "milestone",
            "Ouverture de la boutique solidaire",
            "2027-02-01",
        ),
        (
            "task",
            "Envoyer le bilan des pesées à la métropole",
            "2026-11-15",
        ),
    ] {
        store::tracking::create_task(
            db,
            &store::tracking::NewTask {
                centre_id: studio.id,
                project_id: recyclerie.id,
                kind,
                title,
                owner_id: participant.as_ref().map(|u| u.id),
                due_on: Some(due),
                created_by: coach.as_ref().map(|u| u.id),
            },
        )
        .await?;
    }
    let template = domain::roadmap::parse(domain::tracking::LAUNCH_TEMPLATE)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let mut template = template;
    // Month 1 mostly done: the need is described, people met, the canvas drafted.
    for item in [0, 1, 3] {
        template.set_done(0, 0, item, true);
    }
    store::roadmaps::create(
        db,
        studio.id,
        Some(recyclerie.id),
        &template,
        Some("2026-10-01"),
        participant.as_ref().map(|u| u.id),
    )
    .await?;
    Ok(())
}

/// Loads the demo data into a running instance and turns its banner on.
pub async fn load_into(state: &AppState) -> WebResult<()> {
    load(&state.db).await?;
    state.accounts_changed();
    state.demo.store(true, Ordering::Relaxed);
    Ok(())
}
