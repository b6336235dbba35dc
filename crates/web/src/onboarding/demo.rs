//! Demo onboardings in the studio (idempotent): the demo project holder ten days in, the
//! ambassador paused after the welcome. Their steps are recorded as gone out, without a job,
//! so loading the demo sends no e-mail.
use crate::error::{WebError, WebResult};
use domain::onboarding::Step;
use store::Db;

const DAY: i64 = 86_400;

/// A demo person: their address, how many days ago they started, what became of their steps,
/// whether they are paused.
type Person = (&'static str, i64, &'static [(Step, &'static str)], bool);

pub async fn load(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    let now = store::now();
    let people: [Person; 2] = [
        (
            "participant@demo.local",
            10,
            &[
                (Step::Welcome, "sent"),
                (Step::Diagnostic, "skipped"),
                (Step::Canvas, "skipped"),
                (Step::Course, "sent"),
            ],
            false,
        ),
        ("ambassador@demo.local", 3, &[(Step::Welcome, "sent")], true),
    ];
    for (email, days, steps, paused) in people {
        let Some(user) = store::accounts::find_user_by_email(db, email).await? else {
            continue;
        };
        let started = now - days * DAY;
        if store::onboarding::start(db, user.id, Some(studio.id), started)
            .await?
            .is_none()
        {
            continue;
        }
        for (n, (step, outcome)) in steps.iter().enumerate() {
            let at = started + n as i64 * DAY;
            store::onboarding::record(db, user.id, *step, outcome, at).await?;
        }
        if paused {
            store::onboarding::set_paused(db, user.id, Some(now - DAY)).await?;
        }
    }
    Ok(())
}
