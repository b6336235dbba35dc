//! Offers and applications: a centre's catalogue (staff write it, `/offres` and the landing
//! show it), the application form of each offer, the staff's pipeline (received → interview →
//! accepted / waitlisted / declined, notes, scores, an e-mail at each step) and a person's own
//! applications and orders.
mod apply;
pub(crate) mod demo;
mod evidence;
mod form;
mod manage;
mod mine;
mod pipeline;

use crate::i18n::I18n;
use axum::Router;
use axum::routing::{get, post};
use store::offers::Offer;

pub fn routes() -> Router<crate::state::AppState> {
    Router::new()
        .route(
            "/offre/{centre}/{slug}",
            get(apply::page).post(apply::submit),
        )
        .route("/centres/{slug}/offers", get(manage::list))
        .route(
            "/centres/{slug}/offers/new",
            get(manage::new_page).post(manage::create),
        )
        .route(
            "/offers/{id}/edit",
            get(manage::edit_page).post(manage::update),
        )
        .route("/centres/{slug}/applications", get(pipeline::list))
        .route("/applications/{id}", get(pipeline::show))
        .route("/applications/{id}/status", post(pipeline::status))
        .route("/applications/{id}/notes", post(pipeline::note))
        .route("/applications/{id}/scores", post(pipeline::scores))
        .route("/mes-candidatures", get(mine::page))
        .route("/offers/{id}/evidence", get(evidence::page))
        .route("/offers/{id}/evidence.zip", get(evidence::export))
}

/// An offer as the catalogue shows it (the landing and `/offres` alike).
#[derive(Debug, Clone)]
pub struct Card {
    pub href: String,
    pub title: String,
    pub text: String,
    pub price: String,
    pub facts: Vec<String>,
}

/// Its price: « Gratuit » or the amount in the reader's locale.
pub fn price(i: I18n, cents: i64) -> String {
    if cents == 0 {
        i.t("offer-free")
    } else {
        i.money(cents)
    }
}

/// What an offer is and holds, as short facts (format, duration, seats, sessions, coaching).
pub fn facts(i: I18n, o: &Offer) -> Vec<String> {
    let mut facts = vec![o.format.clone(), o.duration.clone()];
    if o.capacity > 0 {
        facts.push(i.tn("offer-seats", o.capacity));
    }
    if o.sessions > 0 {
        facts.push(i.tn("offer-sessions", o.sessions));
    }
    if o.coaching_hours > 0 {
        facts.push(i.tn("offer-coaching-hours", o.coaching_hours));
    }
    if !o.learning_path.is_empty() {
        facts.push(i.ta("offer-learning-path", &[("path", &o.learning_path)]));
    }
    facts.retain(|f| !f.is_empty());
    facts
}

pub fn card(i: I18n, o: &Offer) -> Card {
    Card {
        href: format!("/offre/{}/{}", o.centre_slug, o.slug),
        title: o.title.clone(),
        text: o.description.clone(),
        price: price(i, o.price_cents),
        facts: facts(i, o),
    }
}

/// The public catalogue: every centre's open offers.
pub async fn catalogue(
    state: &crate::state::AppState,
    i: I18n,
) -> crate::error::WebResult<Vec<Card>> {
    Ok(store::offers::catalogue(&state.db)
        .await?
        .iter()
        .map(|o| card(i, o))
        .collect())
}

/// The recipient's language for a stored locale code.
pub fn i18n_of(code: &str) -> I18n {
    I18n::new(domain::Locale::parse(code).unwrap_or(domain::Locale::Fr))
}
