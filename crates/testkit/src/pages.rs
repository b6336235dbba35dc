//! The main pages of each role, with the ids of the demo data: the one list that the page
//! benchmark (`examples/bench_pages.rs`) measures and the statement-count test
//! (`tests/all/statements.rs`) checks, so a page added here is both timed and counted.
use store::Db;

/// A page as one demo person sees it.
#[derive(Debug, Clone)]
pub struct Page {
    /// The demo login (password `impact-demo`); `None` for a visitor.
    pub email: Option<&'static str>,
    pub path: String,
    /// A short name for tables and messages (`participant /projects/{id}`).
    pub name: &'static str,
}

impl Page {
    /// The role part of the login (`participant`), or `visitor`.
    pub fn role(&self) -> &'static str {
        self.email
            .and_then(|e| e.split('@').next())
            .unwrap_or("visitor")
    }
}

const PARTICIPANT: &str = "participant@demo.local";
const COACH: &str = "coach@demo.local";
const MANAGER: &str = "manager@demo.local";
const ADMIN: &str = "admin@demo.local";
const AMBASSADOR: &str = "ambassador@demo.local";
const MANAGER_DIE: &str = "manager.die@demo.local";

async fn user(db: &Db, email: &str) -> i64 {
    store::accounts::find_user_by_email(db, email)
        .await
        .expect("user lookup")
        .unwrap_or_else(|| panic!("demo user {email}"))
        .id
}

/// The slug of the first published blog post (French).
async fn first_post(db: &Db) -> String {
    const SQL: &str = "SELECT v.slug FROM content_versions v JOIN content_items i ON i.id = v.item_id \
                       WHERE i.kind = 'post' AND i.status = 'published' AND v.lang = 'fr' \
                       ORDER BY i.id LIMIT 1";
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(SQL).fetch_one(pool).await,
        Db::Postgres(pool) => sqlx::query_scalar(SQL).fetch_one(pool).await,
    }
    .expect("a published demo blog post")
}

/// The demo starter course, its video lesson, the demo path and the lesson's first revision.
async fn learning(db: &Db) -> (i64, i64, i64, i64) {
    let q = store::learning::CatalogueQuery {
        centres: ",",
        drafts: false,
        search: "",
        tag: Some("bases"),
    };
    let course = store::learning::catalogue(db, &q).await.expect("catalogue")[0].id;
    let lesson = store::learning::outline(db, course, 0)
        .await
        .expect("outline")
        .into_iter()
        .find(|r| r.kind.as_deref() == Some("video"))
        .and_then(|r| r.lesson_id)
        .expect("the demo video lesson");
    let path = store::learning::paths(db, ",", false).await.expect("paths")[0].id;
    let revision = store::lesson_revisions::list(db, lesson)
        .await
        .expect("revisions")
        .last()
        .expect("the demo lesson's first revision")
        .id;
    (course, lesson, path, revision)
}

/// Every main page of every demo role (the demo data must be loaded).
pub async fn main_pages(db: &Db) -> Vec<Page> {
    let (equipment_line, plan_version) = equipment_and_plan(db).await;
    let year = domain::time_zone::to_paris(store::now()).year();
    let partner = store::partners::list(db).await.expect("partners")[0].id;
    let participant = user(db, PARTICIPANT).await;
    let project = store::projects::for_user(db, participant)
        .await
        .expect("projects")
        .iter()
        .find(|p| p.name == "La Recyclerie des Pentes")
        .expect("the demo recyclerie")
        .id;
    let canvas = store::canvas::for_project(db, project)
        .await
        .expect("canvases")[0]
        .id;
    let studio = store::centres::find_by_slug(db, "studio")
        .await
        .expect("centre lookup")
        .expect("the studio")
        .id;
    let roadmaps = store::roadmaps::for_centre(db, studio)
        .await
        .expect("roadmaps");
    // The studio's own 12-month roadmap (the seed, `feuille-de-route.md`) and the project's.
    let seed = roadmaps
        .iter()
        .find(|r| r.project_id.is_none())
        .expect("the seed roadmap")
        .id;
    let project_roadmap = roadmaps
        .iter()
        .find(|r| r.project_id == Some(project))
        .expect("the recyclerie's roadmap")
        .id;
    let attempt = store::diagnostics::for_project(db, project)
        .await
        .expect("attempts")
        .last()
        .expect("a demo diagnostic attempt")
        .id;
    let cohort = store::cohorts::for_centre(db, studio)
        .await
        .expect("cohorts")[0]
        .id;
    let post = first_post(db).await;
    let workshop = store::site::event_by_slug(db, "atelier-decouverte")
        .await
        .expect("event lookup")
        .expect("the demo workshop")
        .id;
    let (course, lesson, path, revision) = learning(db).await;
    let newsletter = store::newsletters::for_centre(db, studio)
        .await
        .expect("newsletters")
        .first()
        .expect("the demo newsletter")
        .id;
    let session = store::cohorts::sessions(db, cohort)
        .await
        .expect("sessions")
        .first()
        .expect("a demo session")
        .id;
    let signer = store::accounts::find_user_by_email(db, PARTICIPANT)
        .await
        .expect("user lookup")
        .expect("the demo participant")
        .id;
    let offer = store::offers::find_by_slug(db, "studio", "lance-ton-projet")
        .await
        .expect("offer lookup")
        .expect("the demo offer")
        .id;
    let invoice = store::invoices::list(db, studio, &Default::default(), 1, 0)
        .await
        .expect("invoices")
        .first()
        .expect("a demo invoice")
        .id;
    let quotes = store::quotes::list(db, studio, "", 10)
        .await
        .expect("quotes");
    let quote = quotes
        .iter()
        .find(|q| q.status == "sent")
        .expect("a demo quote sent")
        .id;
    let draft_quote = quotes
        .iter()
        .find(|q| q.status == "draft")
        .expect("a demo draft quote")
        .id;
    let own_invoice = store::invoices::for_user(db, participant)
        .await
        .expect("own invoices")
        .first()
        .expect("the participant's demo invoice")
        .id;
    let (people, _) = store::contacts::people(
        db,
        &store::contacts::PeopleFilter {
            search: "claire.moreau@".into(),
            ..Default::default()
        },
        0,
        1,
    )
    .await
    .expect("people");
    let die = store::centres::find_by_slug(db, "micro-centre-die")
        .await
        .expect("centre lookup")
        .expect("the pilot micro-centre")
        .id;
    let checklist = store::procedures::checklists(db, die)
        .await
        .expect("checklists")
        .first()
        .expect("the pilot's demo checklists")
        .id;
    let procedure = store::procedures::procedures(db, die)
        .await
        .expect("procedures")
        .first()
        .expect("the pilot's demo procedure")
        .id;
    let person = people.first().expect("the demo contact Claire Moreau");
    let organisation = person.organisation_id.expect("her organisation");
    let person = person.id;
    let canuts = store::places::spaces(db, studio)
        .await
        .expect("spaces")
        .into_iter()
        .find(|s| s.name == "Salle des Canuts")
        .expect("the demo meeting room")
        .id;
    let die = store::centres::find_by_slug(db, "micro-centre-die")
        .await
        .expect("centre lookup")
        .expect("the Die micro-centre")
        .id;
    let contracts = store::contracts::of_centre(db, die)
        .await
        .expect("contracts");
    let contract = contracts
        .iter()
        .find(|c| !c.is_amendment())
        .expect("the demo licence contract")
        .id;
    let amendment = contracts
        .iter()
        .find(|c| c.is_amendment())
        .expect("the demo amendment")
        .id;
    let licence_model = store::licences::versions(db)
        .await
        .expect("licence versions")
        .first()
        .expect("the demo licence model")
        .model_id;

    let page =
        |email: Option<&'static str>, name: &'static str, path: String| Page { email, path, name };
    let p = Some(PARTICIPANT);
    vec![
        page(p, "dashboard", "/dashboard".into()),
        page(p, "projects", "/projects".into()),
        page(p, "project", format!("/projects/{project}")),
        page(p, "new project", "/projects/new".into()),
        page(
            p,
            "project settings",
            format!("/projects/{project}/settings"),
        ),
        page(p, "canvas editor", format!("/canvases/{canvas}")),
        page(p, "forecast", format!("/projects/{project}/forecast")),
        page(
            p,
            "forecast actuals",
            format!("/projects/{project}/forecast/actuals"),
        ),
        page(
            p,
            "forecast comparison",
            format!("/projects/{project}/forecast/comparison"),
        ),
        page(p, "project roadmap", format!("/roadmaps/{project_roadmap}")),
        page(
            p,
            "project diagnostics",
            format!("/projects/{project}/diagnostics"),
        ),
        page(
            p,
            "diagnostic results",
            format!("/diagnostics/attempts/{attempt}/results"),
        ),
        page(p, "blog post", format!("/blog/{post}")),
        page(p, "offers", "/offres".into()),
        page(Some(AMBASSADOR), "dashboard", "/dashboard".into()),
        page(Some(COACH), "dashboard", "/dashboard".into()),
        page(Some(COACH), "project", format!("/projects/{project}")),
        page(Some(COACH), "cohort", format!("/cohorts/{cohort}")),
        page(Some(MANAGER), "dashboard", "/dashboard".into()),
        page(Some(MANAGER), "seed roadmap", format!("/roadmaps/{seed}")),
        page(
            Some(MANAGER),
            "roadmap period",
            format!("/roadmaps/{seed}/periods/0/0"),
        ),
        page(Some(MANAGER), "impact report", "/impact/report".into()),
        page(
            Some(MANAGER),
            "diagnostics statistics",
            "/admin/diagnostics".into(),
        ),
        page(Some(MANAGER), "leads", "/admin/leads".into()),
        page(Some(MANAGER), "cohort", format!("/cohorts/{cohort}")),
        page(Some(MANAGER_DIE), "dashboard", "/dashboard".into()),
        page(Some(ADMIN), "dashboard", "/dashboard".into()),
        page(Some(ADMIN), "impact report", "/impact/report".into()),
        page(Some(ADMIN), "leads", "/admin/leads".into()),
        page(p, "learn catalogue", "/learn".into()),
        page(p, "course", format!("/learn/courses/{course}")),
        page(p, "lesson", format!("/learn/lessons/{lesson}")),
        page(p, "learning path", format!("/learn/paths/{path}")),
        page(Some(COACH), "learning follow-up", "/learn/follow-up".into()),
        page(Some(ADMIN), "course authoring", "/learn/admin".into()),
        page(Some(ADMIN), "path authoring", "/learn/admin/paths".into()),
        page(
            Some(ADMIN),
            "path editor",
            format!("/learn/admin/paths/{path}"),
        ),
        page(
            Some(ADMIN),
            "lesson revisions",
            format!("/learn/admin/lessons/{lesson}/revisions"),
        ),
        page(
            Some(ADMIN),
            "lesson revision",
            format!("/learn/admin/revisions/{revision}"),
        ),
        page(None, "landing", "/".into()),
        page(None, "blog post", format!("/blog/{post}")),
        page(None, "event", "/evenements/atelier-decouverte".into()),
        page(
            Some(MANAGER),
            "event check-in",
            format!("/admin/evenements/{workshop}/accueil"),
        ),
        page(
            Some(MANAGER),
            "event feedback",
            format!("/admin/evenements/{workshop}/avis"),
        ),
        page(p, "cohort", format!("/cohorts/{cohort}")),
        page(p, "my applications", "/mes-candidatures".into()),
        page(None, "offer", "/offre/studio/lance-ton-projet".into()),
        page(Some(MANAGER), "offers", "/centres/studio/offers".into()),
        page(
            Some(MANAGER),
            "applications",
            "/centres/studio/applications".into(),
        ),
        page(
            Some(MANAGER),
            "onboarding settings",
            "/centres/studio/onboarding".into(),
        ),
        page(
            Some(MANAGER),
            "onboarding funnel",
            "/centres/studio/onboarding/funnel".into(),
        ),
        page(
            Some(MANAGER),
            "newsletters",
            "/centres/studio/newsletters".into(),
        ),
        page(
            Some(MANAGER),
            "newsletter",
            format!("/newsletters/{newsletter}"),
        ),
        page(
            Some(MANAGER),
            "newsletter settings",
            "/centres/studio/newsletters/settings".into(),
        ),
        page(
            Some(MANAGER),
            "session signing sheet",
            format!("/cohorts/{cohort}/sessions/{session}/emargement"),
        ),
        page(
            Some(MANAGER),
            "session signing pad",
            format!("/cohorts/{cohort}/sessions/{session}/emargement/u{signer}"),
        ),
        page(
            Some(MANAGER),
            "event signing sheet",
            format!("/admin/evenements/{workshop}/emargement"),
        ),
        page(
            Some(MANAGER),
            "cohort feedback",
            format!("/cohorts/{cohort}/avis"),
        ),
        page(
            Some(MANAGER),
            "offer evidence",
            format!("/offers/{offer}/evidence"),
        ),
        page(Some(MANAGER), "invoices", "/centres/studio/invoices".into()),
        page(
            Some(MANAGER),
            "new invoice",
            "/centres/studio/invoices/new".into(),
        ),
        page(
            Some(MANAGER),
            "seller identity",
            "/centres/studio/invoices/seller".into(),
        ),
        page(Some(MANAGER), "invoice", format!("/invoices/{invoice}")),
        page(p, "my invoices", "/account/invoices".into()),
        page(p, "my invoice", format!("/invoices/{own_invoice}")),
        page(
            Some(MANAGER),
            "payment settings",
            "/centres/studio/paiements".into(),
        ),
        page(
            Some(MANAGER),
            "bank statements",
            "/centres/studio/banque".into(),
        ),
        page(Some(MANAGER), "contacts", "/contacts".into()),
        page(Some(MANAGER), "contact", format!("/contacts/{person}")),
        page(
            Some(MANAGER),
            "organisation",
            format!("/organisations/{organisation}"),
        ),
        page(Some(MANAGER), "organisations", "/organisations".into()),
        page(Some(MANAGER), "prospecting board", "/prospection".into()),
        page(Some(MANAGER), "segments", "/segments".into()),
        page(Some(MANAGER), "contacts import", "/contacts/import".into()),
        page(Some(ADMIN), "contacts", "/contacts".into()),
        page(Some(MANAGER), "quotes", "/centres/studio/quotes".into()),
        page(
            Some(MANAGER),
            "new quote",
            "/centres/studio/quotes/new".into(),
        ),
        page(Some(MANAGER), "quote", format!("/quotes/{quote}")),
        page(
            Some(MANAGER),
            "quote edit",
            format!("/quotes/{draft_quote}/edit"),
        ),
        page(
            Some(MANAGER),
            "overdue invoices",
            "/centres/studio/invoices/overdue".into(),
        ),
        page(
            Some(MANAGER),
            "centre budget",
            "/centres/studio/forecast".into(),
        ),
        page(
            Some(ADMIN),
            "centre budget",
            "/centres/studio/forecast".into(),
        ),
        page(
            Some(MANAGER),
            "centre budget editor",
            "/centres/studio/forecast/edit/expenses".into(),
        ),
        page(
            Some(MANAGER),
            "centre budget comparison",
            "/centres/studio/forecast/comparison".into(),
        ),
        page(Some(ADMIN), "centre budgets", "/admin/budgets".into()),
        page(None, "join", "/centres/studio/adherer".into()),
        page(None, "donation form", "/centres/studio/don".into()),
        page(
            Some(MANAGER),
            "memberships",
            "/centres/studio/adhesions".into(),
        ),
        page(Some(MANAGER), "donations", "/centres/studio/dons".into()),
        page(None, "centre page", "/centres/studio".into()),
        page(Some(MANAGER), "centre page", "/centres/studio".into()),
        page(
            Some(MANAGER),
            "place profile",
            "/centres/studio/lieu".into(),
        ),
        page(Some(MANAGER), "spaces", "/centres/studio/espaces".into()),
        page(
            Some(MANAGER),
            "space",
            format!("/centres/studio/espaces/{canuts}"),
        ),
        page(p, "booking calendar", "/centres/studio/reservations".into()),
        page(
            Some(MANAGER),
            "booking calendar",
            "/centres/studio/reservations".into(),
        ),
        page(
            p,
            "booking form",
            format!("/centres/studio/espaces/{canuts}/reserver"),
        ),
        page(p, "my bookings", "/mes-reservations".into()),
        page(
            Some(MANAGER),
            "occupancy",
            "/centres/studio/occupation".into(),
        ),
        page(
            Some(MANAGER),
            "equipment",
            "/centres/studio/equipment".into(),
        ),
        page(
            Some(MANAGER),
            "equipment line",
            format!("/centres/studio/equipment/{equipment_line}"),
        ),
        page(Some(MANAGER), "plan editor", "/centres/studio/plan".into()),
        page(
            Some(MANAGER),
            "plan version",
            format!("/centres/studio/plan/versions/{plan_version}"),
        ),
        page(Some(ADMIN), "standard equipment", "/admin/equipment".into()),
        page(Some(ADMIN), "centres' plans", "/admin/plans".into()),
        page(Some(ADMIN), "plan view", "/centres/studio/plan/view".into()),
        page(
            Some(MANAGER_DIE),
            "procedures",
            "/centres/micro-centre-die/procedures".into(),
        ),
        page(
            Some(MANAGER_DIE),
            "checklist",
            format!("/centres/micro-centre-die/checklists/{checklist}"),
        ),
        page(
            Some(MANAGER_DIE),
            "checklist edit",
            format!("/centres/micro-centre-die/checklists/{checklist}/edit"),
        ),
        page(
            Some(MANAGER_DIE),
            "procedure",
            format!("/centres/micro-centre-die/procedures/{procedure}"),
        ),
        page(
            Some(MANAGER_DIE),
            "procedure edit",
            format!("/centres/micro-centre-die/procedures/{procedure}/edit"),
        ),
        page(
            Some(MANAGER_DIE),
            "incidents",
            "/centres/micro-centre-die/incidents".into(),
        ),
        page(
            Some(MANAGER_DIE),
            "team",
            "/centres/micro-centre-die/equipe".into(),
        ),
        page(
            Some(MANAGER_DIE),
            "volunteers",
            "/centres/micro-centre-die/benevoles".into(),
        ),
        page(
            Some(MANAGER_DIE),
            "opening plan",
            "/centres/micro-centre-die/ouverture".into(),
        ),
        page(Some(ADMIN), "opening template", "/admin/ouverture".into()),
        page(Some(ADMIN), "licences", "/admin/licences".into()),
        page(
            Some(ADMIN),
            "licence version",
            format!("/admin/licences/modeles/{licence_model}"),
        ),
        page(
            Some(ADMIN),
            "centre licence",
            "/centres/micro-centre-die/licence".into(),
        ),
        page(
            Some(MANAGER_DIE),
            "centre licence",
            "/centres/micro-centre-die/licence".into(),
        ),
        page(Some(ADMIN), "contract", format!("/contrats/{contract}")),
        page(
            Some(MANAGER_DIE),
            "amendment to sign",
            format!("/contrats/{amendment}"),
        ),
        page(Some(AMBASSADOR), "ambassador", "/ambassadeur".into()),
        page(Some(ADMIN), "ambassadors", "/admin/ambassadeurs".into()),
        page(Some(ADMIN), "partners", "/admin/partenaires".into()),
        page(
            Some(ADMIN),
            "partner",
            format!("/admin/partenaires/{partner}"),
        ),
        page(Some(ADMIN), "kit", "/admin/kit".into()),
        page(
            Some(MANAGER_DIE),
            "centre kit",
            "/centres/micro-centre-die/kit".into(),
        ),
        page(
            Some(COACH),
            "kit item",
            "/centres/studio/kit/manual/accueillir-un-porteur-de-projet".into(),
        ),
        page(Some(ADMIN), "new centre", "/admin/centres/nouveau".into()),
        page(
            Some(ADMIN),
            "new centre flow",
            "/admin/centres/micro-centre-die/lancement".into(),
        ),
        page(Some(ADMIN), "network dashboard", "/admin/reseau".into()),
        page(Some(ADMIN), "year review", format!("/reseau/bilan/{year}")),
        page(
            Some(MANAGER),
            "centre year review",
            format!("/centres/studio/bilan/{year}"),
        ),
    ]
}

/// The studio's first equipment line and its plan's first named version (demo data).
async fn equipment_and_plan(db: &Db) -> (i64, i64) {
    let studio = store::centres::find_by_slug(db, "studio")
        .await
        .expect("studio lookup")
        .expect("the studio");
    let line = store::equipment::lines(db, studio.id)
        .await
        .expect("equipment lines")
        .first()
        .expect("a demo equipment line")
        .id;
    let plan = store::plans::for_centre(db, studio.id)
        .await
        .expect("plan lookup")
        .expect("the demo plan");
    let version = store::plans::versions(db, plan.id)
        .await
        .expect("plan versions")
        .first()
        .expect("a demo plan version")
        .id;
    (line, version)
}
