//! The renewal reminders of a membership: queued when its period starts or extends, one at 30
//! and one at 7 days before its end (09:00, Paris), each carrying the end it was queued for. A
//! reminder whose membership was renewed meanwhile (its end moved) sends nothing, so each
//! period is reminded at most once per date, with a link to renew.
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::mail::Compose;
use crate::state::AppState;
use domain::membership;
use time::{Date, Time};

pub const REMINDER_JOB: &str = "adhesion_reminder";

/// Queues the reminders of a period ending on `end` (those not already past).
pub async fn schedule_in(
    tx: &mut store::Tx,
    adhesion_id: i64,
    end: Date,
    today: Date,
) -> WebResult<()> {
    let ends_on = domain::tracking::iso(end);
    for (days, day) in membership::reminders(end, today) {
        let at = domain::time_zone::from_paris(
            day.with_time(Time::from_hms(9, 0, 0).unwrap_or(Time::MIDNIGHT)),
        )
        .unwrap_or_else(store::now);
        let payload = format!("{adhesion_id}:{ends_on}:{days}");
        store::jobs::enqueue(&mut *tx, REMINDER_JOB, &payload, Some(at)).await?;
    }
    Ok(())
}

/// Sends one reminder, unless the membership was renewed (or removed) since it was queued.
pub async fn deliver_reminder(state: &AppState, payload: &str, job_id: i64) -> Result<(), String> {
    let mut parts = payload.splitn(3, ':');
    let (Some(Ok(id)), Some(ends_on), Some(Ok(days))) = (
        parts.next().map(str::parse::<i64>),
        parts.next(),
        parts.next().map(str::parse::<i64>),
    ) else {
        return Err(format!("payload {payload:?}"));
    };
    let found = store::adhesions::find(&state.db, id)
        .await
        .map_err(|e| e.to_string())?;
    let Some(a) = found.filter(|a| a.ends_on == ends_on) else {
        return Ok(());
    };
    let centres = state.centres().await.map_err(|e| e.to_string())?;
    let Some(centre) = centres.iter().find(|c| c.id == a.centre_id) else {
        return Ok(());
    };
    let locale = match a.user_id {
        Some(u) => store::accounts::find_user(&state.db, u)
            .await
            .map_err(|e| e.to_string())?
            .map(|u| u.locale)
            .unwrap_or_default(),
        None => domain::Locale::default(),
    };
    let i = I18n::new(locale);
    let end = crate::tracking::day(i, &a.ends_on);
    let days = days.to_string();
    let args: [(&'static str, &str); 3] =
        [("centre", &centre.name), ("end", &end), ("days", &days)];
    Compose {
        i,
        to: &a.email,
        subject: i.ta("adhesion-mail-reminder-subject", &args),
        greeting: i.ta("email-greeting", &[("name", &a.name)]),
        paragraphs: vec![i.ta("adhesion-mail-reminder", &args)],
        action: Some((
            i.t("adhesion-mail-renew"),
            state.url(&format!("/centres/{}/adherer", centre.slug)),
        )),
        after: Vec::new(),
    }
    .send_now(state, job_id)
    .await
}
