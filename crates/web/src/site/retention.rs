//! GDPR retention of prospects (CNIL: three years from the last contact). Once a day the worker
//! asks each lead without contact for three years whether to keep their details, and erases
//! those who have not answered thirty days later. `now` is passed in so tests can move time.
use crate::i18n::I18n;
use crate::mail::Compose;
use crate::state::AppState;
use domain::site::{Retention, retention};
use store::audit::{self, AuditAction, Entry};

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub asked: usize,
    pub erased: usize,
}

pub async fn run(state: &AppState, now: i64) -> Result<Outcome, crate::WebError> {
    let mut out = Outcome::default();
    let leads =
        store::site::retention_candidates(&state.db, now - domain::site::RETENTION_SECS).await?;
    for lead in leads {
        match retention(lead.last_contact_at, lead.retention_asked_at, now) {
            Retention::Keep => {}
            Retention::Ask => {
                let i = I18n::new(lead.locale);
                let compose = Compose {
                    i,
                    to: &lead.email,
                    subject: i.t("site-mail-retention-subject"),
                    greeting: i.ta("email-greeting", &[("name", &lead.name)]),
                    paragraphs: vec![
                        i.t("site-mail-retention-body"),
                        i.t("site-mail-retention-how"),
                    ],
                    action: None,
                    after: vec![i.t("site-mail-retention-after")],
                };
                // Whichever node marks the lead first sends the question, once.
                if store::site::mark_retention_asked(&state.db, lead.id, now).await? {
                    let mail =
                        super::lead_mail(state, &state.db, compose, lead.id, now, true).await?;
                    crate::mail::queue_mail(state, &mail).await?;
                    out.asked += 1;
                }
            }
            Retention::Erase => {
                store::site::erase(&state.db, lead.id).await?;
                audit::record(
                    &state.db,
                    AuditAction::LeadErased,
                    Entry {
                        detail: "retention",
                        ..Entry::default()
                    },
                )
                .await?;
                out.erased += 1;
            }
        }
    }
    if out.erased > 0 {
        state.site.changed();
    }
    Ok(out)
}
