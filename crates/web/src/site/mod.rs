//! The public site: landing page, pioneers form with double opt-in, events and registrations,
//! « my data » and unsubscribe links for leads, the staff's lead view and campaign report,
//! SEO (sitemap, robots, Open Graph, structured data) and the retention job.
mod admin_events;
mod admin_texts;
pub mod campaign;
mod checkin;
pub mod demo;
mod events;
mod feedback;
mod landing;
mod leads;
mod manage;
mod media;
mod pioneers;
pub(crate) mod registrations;
pub mod retention;
pub mod seo;
mod signing;

pub(crate) use feedback::{
    DECISION_MAX, DecisionForm, DecisionLine, QuestionView, Summary, check_decision,
    decision_lines, question_views, summarise,
};
pub use landing::LandingTexts;
pub use registrations::{REMINDER_JOB, deliver_reminder, release_holds};

/// The public page that details the offers; it shows the centres' catalogue, as the landing does.
pub const OFFERS_PAGE: &str = "offres";

use crate::cache::TtlCache;
use crate::error::WebError;
use crate::i18n::I18n;
use crate::mail::{Compose, OutgoingMail};
use crate::security::{new_token, token_hash};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;
use store::site::Purpose;

/// Where the one-click unsubscribe is posted (no CSRF token: the link's token is the proof).
pub const ONE_CLICK_PREFIX: &str = "/desinscription/";
/// The setting holding the goal of the pioneers counter.
pub const GOAL_SETTING: &str = "site.pioneers_goal";
pub const DEFAULT_GOAL: i64 = 15;
const SECRET_SETTING: &str = "site.form_secret";

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/", get(landing::page))
        .route("/pionniers", get(pioneers::page).post(pioneers::submit))
        .route("/pionniers/confirmer/{token}", get(pioneers::confirm))
        .route("/pionniers/nouveau-lien", post(pioneers::resend))
        .route("/evenements", get(events::list))
        .route(
            "/evenements/{slug}",
            get(events::show).post(events::register),
        )
        .route(
            "/evenements/annuler/{token}",
            get(registrations::cancel_page).post(registrations::cancel),
        )
        .route("/billet/{token}", get(registrations::ticket))
        .route(
            "/admin/evenements/{id}/accueil",
            get(checkin::page).post(checkin::check_in),
        )
        .route("/admin/evenements/{id}/presences.csv", get(checkin::csv))
        .route("/admin/evenements/{id}/presences.pdf", get(checkin::pdf))
        .route("/admin/evenements/{id}/emargement", get(signing::page))
        .route(
            "/admin/evenements/{id}/emargement/{who}",
            get(signing::pad).post(signing::sign),
        )
        .route(
            "/avis/{token}",
            get(feedback::survey_page).post(feedback::survey_answer),
        )
        .route("/admin/evenements/{id}/avis", get(feedback::results))
        .route("/admin/evenements/{id}/avis.csv", get(feedback::csv))
        .route(
            "/admin/evenements/{id}/avis/inviter",
            post(feedback::invite),
        )
        .route(
            "/admin/evenements/{id}/avis/decisions",
            post(feedback::decide),
        )
        .route("/mes-donnees/{token}", get(manage::page))
        .route("/mes-donnees/{token}/export", get(manage::export))
        .route("/mes-donnees/{token}/garder", post(manage::keep))
        .route("/mes-donnees/{token}/newsletter", post(manage::unsubscribe))
        .route("/mes-donnees/{token}/effacer", post(manage::erase))
        .route(
            "/desinscription/{token}",
            get(manage::unsubscribe_page).post(manage::one_click),
        )
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/robots.txt", get(seo::robots))
        .route("/admin/leads", get(leads::list))
        .route("/admin/leads.csv", get(leads::export))
        .route("/admin/leads/{id}", get(leads::show))
        .route("/admin/leads/{id}/status", post(leads::status))
        .route("/admin/leads/{id}/tags", post(leads::tags))
        .route("/admin/leads/{id}/notes", post(leads::note))
        .route("/admin/leads/{id}/invite", post(leads::invite))
        .route("/admin/leads/{id}/erase", post(leads::erase))
        .route("/admin/campagnes", get(campaign::report))
        .route(
            "/admin/site",
            get(admin_texts::texts_page).post(admin_texts::texts_save),
        )
        .route("/admin/site/objectif", post(admin_texts::goal_save))
        .route("/admin/site/video", post(media::upload).layer(upload_limit))
        .route("/media/{name}", get(media::serve))
        .route("/admin/evenements", get(admin_events::events))
        .route(
            "/admin/evenements/nouveau",
            get(admin_events::new_event).post(admin_events::create_event),
        )
        .route(
            "/admin/evenements/{id}",
            get(admin_events::edit_event).post(admin_events::update_event),
        )
}

/// What the site keeps in memory on each node.
pub struct Cache {
    /// The landing page's sections, rendered, per language (cleared on any edit through this
    /// node; other nodes see it within the TTL).
    /// Keyed by language and whether the reader is signed in (their hero offers no sign-up).
    landing: TtlCache<(&'static str, bool), Arc<String>>,
    /// The whole landing page for anonymous visitors, per language, with a placeholder where
    /// each visitor's CSRF token goes.
    pages: TtlCache<&'static str, Arc<landing::SharedPage>>,
    secret: tokio::sync::OnceCell<Vec<u8>>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            landing: TtlCache::new(Duration::from_secs(30), 8),
            pages: TtlCache::new(Duration::from_secs(30), 4),
            secret: tokio::sync::OnceCell::new(),
        }
    }
}

impl Cache {
    /// Forgets the rendered landing page (texts, events or counter changed).
    pub fn changed(&self) {
        self.landing.clear();
        self.pages.clear();
    }
}

/// The instance's secret for signing form timestamps: made once, kept in the settings so every
/// node shares it.
async fn secret(state: &AppState) -> Result<&[u8], WebError> {
    let bytes = state
        .site
        .secret
        .get_or_try_init(|| async {
            if let Some(s) = store::settings::get(&state.db, SECRET_SETTING).await? {
                return Ok::<_, WebError>(s.into_bytes());
            }
            let fresh = new_token();
            store::settings::set(&state.db, SECRET_SETTING, &fresh).await?;
            // Two nodes racing: whichever was written last is the one everybody reads.
            Ok(store::settings::get(&state.db, SECRET_SETTING)
                .await?
                .unwrap_or(fresh)
                .into_bytes())
        })
        .await?;
    Ok(bytes.as_slice())
}

/// HMAC-SHA-256 (RFC 2104).
fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(block.map(|b| b ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(block.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// The hidden timestamp of a form shown at `at`, signed so it cannot be made up.
/// A link token that proves the studio made it: `{id}.{expires}.{mac}`, the MAC over the
/// purpose, the id and the expiry (no login, nothing stored).
pub(crate) async fn sign(
    state: &AppState,
    purpose: &str,
    id: i64,
    expires: i64,
) -> Result<String, WebError> {
    let key = secret(state).await?;
    let mac = hex::encode(hmac(key, format!("{purpose}:{id}:{expires}").as_bytes()));
    Ok(format!("{id}.{expires}.{}", &mac[..32]))
}

/// What a signed link token turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signed {
    Valid(i64),
    Expired(i64),
    Forged,
}

pub(crate) async fn verify(
    state: &AppState,
    purpose: &str,
    token: &str,
    now: i64,
) -> Result<Signed, WebError> {
    let mut parts = token.splitn(3, '.');
    let (Some(Ok(id)), Some(Ok(expires)), Some(_)) = (
        parts.next().map(str::parse::<i64>),
        parts.next().map(str::parse::<i64>),
        parts.next(),
    ) else {
        return Ok(Signed::Forged);
    };
    let expected = sign(state, purpose, id, expires).await?;
    Ok(if !crate::security::same_secret(&expected, token) {
        Signed::Forged
    } else if expires <= now {
        Signed::Expired(id)
    } else {
        Signed::Valid(id)
    })
}

pub async fn form_stamp(state: &AppState, at: i64) -> Result<String, WebError> {
    let key = secret(state).await?;
    let mac = hex::encode(hmac(key, format!("form:{at}").as_bytes()));
    Ok(format!("{at}.{}", &mac[..32]))
}

/// Whether a stamp is ours and the form was filled in a human time.
async fn stamp_ok(state: &AppState, stamp: &str, now: i64) -> Result<bool, WebError> {
    let Some((at, _)) = stamp.split_once('.') else {
        return Ok(false);
    };
    let Ok(at) = at.parse::<i64>() else {
        return Ok(false);
    };
    let expected = form_stamp(state, at).await?;
    let age = now - at;
    Ok(crate::security::same_secret(&expected, stamp)
        && (domain::site::MIN_FILL_SECS..=domain::site::MAX_FILL_SECS).contains(&age))
}

/// The pioneers goal set by the network team.
pub async fn goal(state: &AppState) -> Result<i64, WebError> {
    Ok(store::settings::get(&state.db, GOAL_SETTING)
        .await?
        .and_then(|v| v.parse().ok())
        .filter(|g: &i64| *g > 0)
        .unwrap_or(DEFAULT_GOAL))
}

/// Sends an e-mail to a lead, with a fresh link to « my data » and to unsubscribe in its footer
/// (and the one-click unsubscribe headers).
pub async fn mail_lead(
    state: &AppState,
    compose: Compose<'_>,
    lead_id: i64,
) -> Result<(), WebError> {
    let mail = lead_mail(state, &state.db, compose, lead_id, store::now(), false).await?;
    crate::mail::queue_mail(state, &mail).await
}

/// Renders a mail to a lead with its footer links (their token stored on `ex`, the pool or the
/// unit of work that sends the mail); with `my_data_action`, the main button leads to « my
/// data » (where the person keeps, downloads or erases their details).
pub(crate) async fn lead_mail<'e>(
    state: &AppState,
    ex: impl Into<store::Exec<'e>>,
    mut compose: Compose<'_>,
    lead_id: i64,
    now: i64,
    my_data_action: bool,
) -> Result<OutgoingMail, WebError> {
    let token = new_token();
    store::site::create_token(
        ex,
        &token_hash(&token),
        lead_id,
        Purpose::Manage,
        domain::site::MANAGE_TTL_SECS,
        now,
    )
    .await?;
    let i = compose.i;
    let unsubscribe = state.url(&format!("{ONE_CLICK_PREFIX}{token}"));
    let my_data = state.url(&format!("/mes-donnees/{token}"));
    if my_data_action {
        compose.action = Some((i.t("site-mail-retention-action"), my_data.clone()));
    }
    let links = vec![
        (i.t("site-mail-unsubscribe"), unsubscribe.clone()),
        (i.t("site-mail-my-data"), my_data),
    ];
    compose.render_with_links(&links, Some(unsubscribe))
}

/// Sends the double opt-in link (valid seven days) to a lead.
async fn send_confirmation(
    state: &AppState,
    i: I18n,
    lead_id: i64,
    email: &str,
    name: &str,
    event: Option<&str>,
) -> Result<(), WebError> {
    let token = new_token();
    let now = store::now();
    store::site::create_token(
        &state.db,
        &token_hash(&token),
        lead_id,
        Purpose::Confirm,
        domain::site::CONFIRM_TTL_SECS,
        now,
    )
    .await?;
    let mut paragraphs = vec![match event {
        Some(title) => i.ta("site-mail-confirm-event", &[("event", title)]),
        None => i.t("site-mail-confirm-body"),
    }];
    paragraphs.push(i.t("site-mail-confirm-why"));
    let compose = Compose {
        i,
        to: email,
        subject: i.t("site-mail-confirm-subject"),
        greeting: i.ta("email-greeting", &[("name", name)]),
        paragraphs,
        action: Some((
            i.t("site-mail-confirm-action"),
            state.url(&format!("/pionniers/confirmer/{token}")),
        )),
        after: vec![
            i.t("site-mail-confirm-expiry"),
            i.t("email-ignore-if-not-you"),
        ],
    };
    mail_lead(state, compose, lead_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2 of RFC 4231.
        let mac = hmac(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
