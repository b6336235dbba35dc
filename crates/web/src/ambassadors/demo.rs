//! The demo's ambassador programme: three tiers, the demo ambassador's code with a few months
//! of visits, two leads through their campaign and the demo participant as their referral.
use crate::error::{WebError, WebResult};
use domain::ambassadors::{MEDIUM, Metric, SOURCE};
use store::Db;

/// The demo ambassador's referral code.
pub const CODE: &str = "awaparr2";

pub async fn load(db: &Db) -> WebResult<()> {
    if !store::ambassadors::tiers(db).await?.is_empty() {
        return Ok(());
    }
    for (name, metric, threshold, reward) in [
        ("Bronze", Metric::Signups, 1, "Un sac Impact Studio"),
        ("Argent", Metric::Signups, 5, "Une formation offerte"),
        (
            "Or",
            Metric::Payments,
            10,
            "Une invitation au séminaire du réseau",
        ),
    ] {
        store::ambassadors::add_tier(db, name, metric, threshold, reward).await?;
    }
    let find = |email: &'static str| async move {
        store::accounts::find_user_by_email(db, email)
            .await?
            .ok_or(WebError::NotFound)
    };
    let awa = find("ambassador@demo.local").await?;
    let paul = find("participant@demo.local").await?;
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    store::ambassadors::create(db, awa.id, studio.id, CODE).await?;
    let now = store::now();
    const DAY: i64 = 86_400;
    for days_ago in [2, 5, 9, 12, 20, 33, 35, 41, 64, 70, 95, 130] {
        store::ambassadors::record_visit_at(db, awa.id, now - days_ago * DAY).await?;
    }
    store::ambassadors::record_signup(db, paul.id, awa.id).await?;
    for (email, name, days_ago) in [
        ("camille.parrainee@exemple.fr", "Camille Martin", 4),
        ("yanis.parraine@exemple.fr", "Yanis Benali", 36),
    ] {
        let lead = store::site::NewLead {
            email,
            name,
            town: "Lyon",
            locale: "fr",
            source: "pioneers",
            utm_source: SOURCE,
            utm_medium: MEDIUM,
            utm_campaign: CODE,
            pioneer: true,
            centre_id: Some(studio.id),
            ..store::site::NewLead::default()
        };
        store::site::upsert_lead(db, &lead, now - days_ago * DAY).await?;
    }
    Ok(())
}
