//! Demo data for the diagnostics: the Recyclerie des Pentes took « Mon projet est-il prêt ? »
//! twice (so the comparison shows), and a few hundred anonymous responses across the centres
//! make the peer quartiles and the network statistics visible.
use crate::error::WebResult;
use domain::diagnostic::{Answer, Answers, Definition, Kind, score, shipped, shipped_json};
use store::Db;
use store::diagnostics::{ImportedResponse, NewAttempt, Owner};

/// Answers that reach about `strength` (0–1) of every question.
pub fn answers_at(def: &Definition, strength: f64) -> Answers {
    let pick = |len: usize| ((len.saturating_sub(1)) as f64 * strength).round() as usize;
    let mut a = Answers::new();
    for q in def.questions() {
        let answer = match q.kind {
            Kind::Single => {
                let mut options: Vec<_> = q.options.iter().collect();
                options.sort_by_key(|o| o.points);
                Answer::Text(
                    options[pick(options.len()).min(options.len() - 1)]
                        .key
                        .clone(),
                )
            }
            Kind::Multiple => {
                let n = ((q.options.len() as f64) * strength).round() as usize;
                Answer::Many(
                    q.options
                        .iter()
                        .take(n.max(1))
                        .map(|o| o.key.clone())
                        .collect(),
                )
            }
            Kind::Scale => Answer::Number(1 + (4.0 * strength).round() as i64),
            Kind::Number => Answer::Number(q.bands.get(pick(q.bands.len())).map_or(0, |b| b.min)),
            Kind::ShortText => Answer::Text(
                "Une recyclerie de quartier avec un atelier de réparation ouvert à tous.".into(),
            ),
            Kind::LongText => Answer::Text(
                "Trouver un local au rez-de-chaussée et des bénévoles pour les samedis.".into(),
            ),
        };
        a.insert(q.key.clone(), answer);
    }
    a
}

pub async fn load(db: &Db) -> WebResult<()> {
    let docs: Vec<(&str, i64, &str)> = shipped()
        .iter()
        .zip(shipped_json())
        .map(|(d, json)| (d.id.as_str(), i64::from(d.version), *json))
        .collect();
    store::diagnostics::seed(db, &docs).await?;
    let Some(def) = shipped().iter().find(|d| d.id == "projet-pret") else {
        return Ok(());
    };
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
    let owner = Owner::Project(project.id);
    if !store::diagnostics::history(db, &def.id, &owner)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let participant = store::accounts::find_user_by_email(db, "participant@demo.local")
        .await?
        .map(|u| u.id);
    for strength in [0.35, 0.6] {
        let id = store::diagnostics::create_attempt(
            db,
            &NewAttempt {
                diagnostic: &def.id,
                version: i64::from(def.version),
                centre_id: Some(studio.id),
                project_id: Some(project.id),
                user_id: participant,
                respondent_hash: None,
            },
        )
        .await?;
        let answers = answers_at(def, strength);
        let s = score(def, &answers);
        let level = def.level_for(s.overall).key.clone();
        store::diagnostics::submit(db, id, &answers, &s, &level).await?;
    }
    // Anonymous responses, spread deterministically over the centres and the visitors.
    let mut centres = vec![None, Some(studio.id)];
    if let Some(die) = store::centres::find_by_slug(db, "micro-centre-die").await? {
        centres.push(Some(die.id));
    }
    let mut seed: u64 = 0x2545_F491;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let responses: Vec<ImportedResponse> = (0..240)
        .map(|_| {
            let strength = (next() % 100) as f64 / 100.0;
            let s = score(def, &answers_at(def, strength));
            ImportedResponse {
                centre_id: centres[(next() % centres.len() as u64) as usize],
                level: def.level_for(s.overall).key.clone(),
                scores: s,
                at: store::now() - 86_400 * (next() % 120) as i64,
            }
        })
        .collect();
    store::diagnostics::import_scored(db, &def.id, i64::from(def.version), &responses).await?;
    Ok(())
}
