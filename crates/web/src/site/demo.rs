//! Demo data of the public site: landing texts in both languages, the pioneers goal, upcoming
//! events (the free discovery workshop…) and a few leads from different campaigns. Idempotent.
use super::landing::LandingTexts;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use domain::Locale;
use domain::event::EventKind;
use domain::site::LeadStatus;
use store::Db;
use store::site::{NewEvent, NewLead};

struct DemoEvent {
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    description: &'static str,
    in_days: i64,
    hour: u8,
    hours: i64,
    place: &'static str,
    online_url: &'static str,
    capacity: i64,
    kind: EventKind,
}

const EVENTS: [DemoEvent; 4] = [
    DemoEvent {
        slug: "atelier-decouverte",
        title: "Atelier découverte : du problème local au projet",
        summary: "Deux heures pour passer d'un problème que tu vois autour de toi à une première idée de projet, avec d'autres porteur·ses.",
        description: "Tu repères un besoin dans ton quartier ou ton village et tu te demandes par où commencer ? Cet atelier gratuit t'aide à formuler le problème, à identifier les personnes concernées et à esquisser une première solution.\n\nAu programme : un tour de table, le canvas d'impact en version express, et un temps d'échange avec l'équipe du studio sur la suite (pionniers, accompagnement, cohortes).\n\nAucun prérequis : viens avec ton idée, même floue. Café et thé offerts.",
        in_days: 10,
        hour: 14,
        hours: 2,
        place: "Studio d'Impact Local, 12 rue des Tanneurs, 69001 Lyon",
        online_url: "",
        kind: EventKind::Workshop,
        capacity: 15,
    },
    DemoEvent {
        slug: "atelier-decouverte-en-ligne",
        title: "Atelier découverte en ligne",
        summary: "La version en visio de l'atelier découverte, pour celles et ceux qui sont loin de Lyon.",
        description: "Le même atelier que sur place, en une heure et demie, en visio. Tu reçois le lien de connexion avec la confirmation de ton inscription.\n\nPrévois un papier et un crayon : nous remplirons ensemble un premier canvas.",
        in_days: 17,
        hour: 18,
        hours: 2,
        place: "",
        online_url: "https://visio.impact-studio.org/atelier-decouverte",
        kind: EventKind::Webinar,
        capacity: 25,
    },
    DemoEvent {
        slug: "ouvrir-un-micro-centre",
        title: "Réunion d'information : ouvrir un micro-centre",
        summary: "Tu veux porter la démarche du studio sur ton territoire ? Présentation du réseau, de la licence et du kit de déploiement.",
        description: "Les micro-centres accueillent des porteur·ses de projets près de chez eux, avec les outils et la méthode du studio.\n\nNous présentons le réseau, les conditions de la licence, l'accompagnement au démarrage et le kit de déploiement, puis nous répondons à tes questions.",
        in_days: 24,
        hour: 18,
        hours: 2,
        place: "Tiers-lieu La Fabrique, 3 place du Marché, 26150 Die",
        online_url: "",
        kind: EventKind::Launch,
        capacity: 30,
    },
    DemoEvent {
        slug: "cafe-des-porteurs",
        title: "Café des porteur·ses de projets",
        summary: "Un moment convivial pour rencontrer d'autres porteur·ses et partager ses avancées.",
        description: "Un café, dix porteur·ses de projets, une heure pour se présenter, partager une réussite et une difficulté du mois.",
        in_days: 6,
        hour: 9,
        hours: 1,
        place: "Studio d'Impact Local, 12 rue des Tanneurs, 69001 Lyon",
        online_url: "",
        kind: EventKind::Workshop,
        capacity: 3,
    },
];

/// (e-mail, name, town, idea, interests, source, utm source, medium, campaign, confirmed, newsletter, status, tags, event)
type DemoLead = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    bool,
    LeadStatus,
    &'static str,
    &'static str,
);

const LEADS: [DemoLead; 7] = [
    (
        "lea.moreau@demo.local",
        "Léa Moreau",
        "Villeurbanne",
        "Une recyclerie de quartier avec un atelier de réparation ouvert le samedi.",
        "diagnostic,canvas,coaching",
        "pioneers",
        "facebook",
        "social",
        "lancement-pionniers",
        true,
        true,
        LeadStatus::Contacted,
        "recyclerie,lyon",
        "",
    ),
    (
        "karim.benali@demo.local",
        "Karim Benali",
        "Saint-Étienne",
        "Un atelier vélo solidaire pour les jeunes du quartier.",
        "canvas,workshops",
        "pioneers",
        "newsletter",
        "email",
        "lancement-pionniers",
        true,
        false,
        LeadStatus::Pioneer,
        "mobilité",
        "cafe-des-porteurs",
    ),
    (
        "ines.garcia@demo.local",
        "Inès Garcia",
        "Die",
        "Une épicerie vrac itinérante dans les villages du Diois.",
        "diagnostic,micro-centre",
        "pioneers",
        "",
        "",
        "",
        true,
        true,
        LeadStatus::New,
        "",
        "cafe-des-porteurs",
    ),
    (
        "paul.lefevre@demo.local",
        "Paul Lefèvre",
        "Lyon",
        "Un jardin partagé sur le toit d'un parking.",
        "workshops",
        "pioneers",
        "affiche",
        "print",
        "forum-associations",
        true,
        false,
        LeadStatus::New,
        "jardin",
        "",
    ),
    (
        "chloe.martin@demo.local",
        "Chloé Martin",
        "Grenoble",
        "",
        "coaching",
        "pioneers",
        "",
        "",
        "",
        false,
        false,
        LeadStatus::New,
        "",
        "",
    ),
    (
        "thomas.roux@demo.local",
        "Thomas Roux",
        "",
        "",
        "",
        "event",
        "",
        "",
        "",
        true,
        false,
        LeadStatus::New,
        "",
        "cafe-des-porteurs",
    ),
    (
        "amina.diallo@demo.local",
        "Amina Diallo",
        "",
        "",
        "",
        "event",
        "linkedin",
        "social",
        "atelier-decouverte",
        false,
        false,
        LeadStatus::New,
        "",
        "atelier-decouverte",
    ),
];

/// Midnight-based Paris time `in_days` days from now at `hour`:00.
fn at_paris(now: i64, in_days: i64, hour: u8) -> i64 {
    let day = domain::time_zone::to_paris(now + in_days * 86_400).date();
    time::Time::from_hms(hour, 0, 0)
        .ok()
        .and_then(|t| domain::time_zone::from_paris(time::PrimitiveDateTime::new(day, t)))
        .unwrap_or(now + in_days * 86_400)
}

pub async fn load(db: &Db) -> WebResult<()> {
    let now = store::now();
    for locale in [Locale::Fr, Locale::En] {
        if store::site::landing_texts(db, locale.code())
            .await?
            .is_none()
        {
            let texts = LandingTexts::defaults(I18n::new(locale));
            let body =
                serde_json::to_string(&texts).map_err(|e| WebError::Internal(e.to_string()))?;
            store::site::set_landing_texts(db, locale.code(), &body, None, now).await?;
        }
    }
    if store::settings::get(db, super::GOAL_SETTING)
        .await?
        .is_none()
    {
        store::settings::set(db, super::GOAL_SETTING, &super::DEFAULT_GOAL.to_string()).await?;
    }
    // The demo's events and leads are the studio's.
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .map(|c| c.id);
    for e in &EVENTS {
        if store::site::event_by_slug(db, e.slug).await?.is_some() {
            continue;
        }
        let starts = at_paris(now, e.in_days, e.hour);
        store::site::create_event(
            db,
            &NewEvent {
                slug: e.slug,
                title: e.title,
                summary: e.summary,
                description: e.description,
                starts_at: starts,
                ends_at: starts + e.hours * 3_600,
                place: e.place,
                online_url: e.online_url,
                capacity: e.capacity,
                published: true,
                centre_id: studio,
                kind: e.kind,
            },
            now,
        )
        .await?;
    }
    for (n, l) in LEADS.iter().enumerate() {
        if store::site::find_lead_by_email(db, l.0).await?.is_some() {
            continue;
        }
        let at = now - (LEADS.len() - n) as i64 * 2 * 86_400;
        let id = store::site::upsert_lead(
            db,
            &NewLead {
                email: l.0,
                name: l.1,
                town: l.2,
                idea: l.3,
                interests: l.4,
                locale: "fr",
                source: l.5,
                utm_source: l.6,
                utm_medium: l.7,
                utm_campaign: l.8,
                referrer_host: "",
                pioneer: l.5 == "pioneers",
                newsletter: l.10,
                centre_id: studio,
            },
            at,
        )
        .await?;
        if !l.13.is_empty()
            && let Some(event) = store::site::event_by_slug(db, l.13).await?
        {
            // Held from now (a past hold would lapse at the first registration).
            store::site::register(db, event.id, id, now).await?;
        }
        if l.9 {
            store::site::confirm(db, id, at + 600).await?;
        }
        store::site::set_status(db, id, l.11, at).await?;
        store::site::set_tags(db, id, l.12, at).await?;
    }
    Ok(())
}
