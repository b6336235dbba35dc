//! The studio's offers as the demo ships them (the catalogue the landing once held as text):
//! test coaching for two or three projects, « Lance ton projet à impact local », the
//! personalised premium offer and the free discovery workshop. Idempotent.
use crate::error::{WebError, WebResult};
use store::Db;
use store::offers::OfferFields;

struct DemoOffer {
    slug: &'static str,
    title: &'static str,
    description: &'static str,
    format: &'static str,
    duration: &'static str,
    price_cents: i64,
    capacity: i64,
    sessions: i64,
    coaching_hours: i64,
    learning_path: &'static str,
    questions: &'static str,
}

const OFFERS: [DemoOffer; 4] = [
    DemoOffer {
        slug: "lance-ton-projet",
        title: "Lance ton projet à impact local",
        description: "Douze semaines en cohorte de 10 à 15 personnes pour passer de l'idée à un projet prêt à démarrer\u{a0}: auto-diagnostic, six ateliers collectifs, quatre séances individuelles et la plateforme.\n\nTarif solidaire à 90\u{a0}€ et tarif structure à 900\u{a0}€ sur demande.",
        format: "Cohorte de 10 à 15 personnes",
        duration: "12 semaines",
        price_cents: 36_000,
        capacity: 15,
        sessions: 6,
        coaching_hours: 4,
        learning_path: "Lance ton projet",
        questions: "Dans quel quartier ou quelle commune ton projet se passe-t-il\u{a0}?\nQuelles sont tes disponibilités (soirées, week-ends)\u{a0}?",
    },
    DemoOffer {
        slug: "accompagnement-test",
        title: "Accompagnement à l'essai (2 à 3 projets)",
        description: "Une séance individuelle d'une heure et demie pour tester l'accompagnement avant de t'engager, déduite du parcours si tu continues. Nous l'ouvrons à deux ou trois projets à la fois pour ajuster nos outils avec toi.",
        format: "Séance individuelle",
        duration: "1 h 30",
        price_cents: 3_000,
        capacity: 3,
        sessions: 1,
        coaching_hours: 2,
        learning_path: "",
        questions: "En une phrase, quel est ton projet\u{a0}?",
    },
    DemoOffer {
        slug: "premium-personnalise",
        title: "Offre premium personnalisée",
        description: "Un accompagnement sur mesure pour les structures et les projets qui avancent vite\u{a0}: un coach attitré, des points réguliers, l'accès à tous les parcours et à notre réseau de partenaires.",
        format: "Accompagnement individuel",
        duration: "6 mois",
        price_cents: 120_000,
        capacity: 4,
        sessions: 12,
        coaching_hours: 18,
        learning_path: "Lance ton projet",
        questions: "Où en est ton projet aujourd'hui\u{a0}?\nQu'attends-tu d'un accompagnement sur mesure\u{a0}?",
    },
    DemoOffer {
        slug: "atelier-decouverte",
        title: "Atelier découverte",
        description: "Deux heures en petit groupe pour poser ton idée, découvrir le canevas d'impact et repartir avec tes trois prochaines étapes.",
        format: "Atelier collectif",
        duration: "2 heures",
        price_cents: 0,
        capacity: 0,
        sessions: 1,
        coaching_hours: 0,
        learning_path: "",
        questions: "",
    },
];

pub async fn load(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    let existing = store::offers::for_centre(db, studio.id).await?;
    for (n, o) in OFFERS.iter().enumerate() {
        if existing.iter().any(|e| e.slug == o.slug) {
            continue;
        }
        let fields = OfferFields {
            slug: o.slug.into(),
            title: o.title.into(),
            description: o.description.into(),
            format: o.format.into(),
            duration: o.duration.into(),
            price_cents: o.price_cents,
            capacity: o.capacity,
            sessions: o.sessions,
            coaching_hours: o.coaching_hours,
            learning_path: o.learning_path.into(),
            questions: o.questions.into(),
            open: true,
            position: n as i64,
        };
        store::offers::create(db, studio.id, &fields).await?;
    }
    Ok(())
}
