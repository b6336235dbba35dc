//! The daily digest of follow-ups: on the first maintenance round of each day (Paris), each
//! centre's digest is claimed once (`crm_digests`) and a job queued in the same transaction;
//! the job mails each of the centre's managers the follow-ups due that day or before, in their
//! language (nothing when none is due).
use crate::i18n::I18n;
use crate::mail::Compose;
use crate::state::AppState;

pub const JOB: &str = "crm_digest";

/// Queues today's digest of every centre not queued yet. Returns how many were queued.
pub async fn schedule(state: &AppState, today: &str) -> Result<usize, crate::WebError> {
    let mut queued = 0;
    for centre in state.centres().await?.iter() {
        let mut tx = state.db.begin().await?;
        if store::contacts::claim_digest(&mut tx, centre.id, today).await? {
            store::jobs::enqueue(&mut tx, JOB, &format!("{}:{today}", centre.id), None).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    if queued > 0 {
        state.jobs_queued();
    }
    Ok(queued)
}

/// Runs one centre's digest: a mail queued for each manager when follow-ups are due.
pub async fn deliver(state: &AppState, payload: &str) -> Result<(), String> {
    let (centre, day) = payload
        .split_once(':')
        .and_then(|(c, d)| Some((c.parse::<i64>().ok()?, d)))
        .ok_or_else(|| format!("payload {payload:?}"))?;
    let due = store::contacts::due_follow_ups(&state.db, centre, day, 50)
        .await
        .map_err(|e| e.to_string())?;
    if due.is_empty() {
        return Ok(());
    }
    let managers = store::contacts::managers(&state.db, centre)
        .await
        .map_err(|e| e.to_string())?;
    let base = state.config.base_url.trim_end_matches('/').to_string();
    for (email, name, locale) in managers {
        let i = I18n::new(domain::Locale::parse(&locale).unwrap_or_default());
        let lines = due
            .iter()
            .map(|f| {
                let kind = domain::crm::InteractionKind::parse(&f.kind)
                    .map(|k| i.t(k.label_key()))
                    .unwrap_or_default();
                let link = match (f.contact_id, f.organisation_id) {
                    (Some(c), _) => format!("{base}/contacts/{c}"),
                    (None, Some(o)) => format!("{base}/organisations/{o}"),
                    _ => format!("{base}/contacts"),
                };
                let text: String = f.body.chars().take(200).collect();
                format!(
                    "{}\n{link}",
                    i.ta(
                        "crm-digest-line",
                        &[
                            ("name", &f.name),
                            ("kind", &kind),
                            ("day", &crate::tracking::day(i, &f.follow_up_on)),
                            ("text", &text),
                        ],
                    )
                )
            })
            .collect::<Vec<_>>();
        Compose {
            i,
            to: &email,
            subject: i.tn("crm-digest-subject", due.len() as i64),
            greeting: i.ta("email-greeting", &[("name", &name)]),
            paragraphs: std::iter::once(i.tn("crm-digest-intro", due.len() as i64))
                .chain(lines)
                .collect(),
            action: Some((i.t("nav-dashboard"), format!("{base}/dashboard"))),
            after: Vec::new(),
        }
        .queue(state)
        .await
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}
