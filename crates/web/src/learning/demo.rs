//! The demo courses, in French: « Lance ton projet à impact local : les bases » (text lessons,
//! a short video with its poster and captions, a workbook, an exercise and a quiz) and the
//! thematic module « Financer son projet : subventions, dons, prêts d'honneur », with a path
//! that chains them, and the demo cohort's path of the same courses with release dates. Their
//! files ship in the binary (`data/learning/`) under `demo:` keys. Loading twice changes nothing.
use crate::error::{WebError, WebResult};
use rust_embed::RustEmbed;
use store::Db;
use store::learning::{self as learn, CourseFields, LessonFields, Media};

#[derive(RustEmbed)]
#[folder = "data/learning/"]
struct Files;

/// A demo file's bytes, by name.
pub fn file(name: &str) -> Option<Vec<u8>> {
    if name.contains('/') {
        return None;
    }
    Files::get(&format!("files/{name}")).map(|f| f.data.to_vec())
}

fn text(path: &str) -> WebResult<String> {
    Files::get(path)
        .map(|f| String::from_utf8_lossy(&f.data).into_owned())
        .ok_or_else(|| WebError::Internal(format!("demo learning file {path}")))
}

pub const BASICS: &str = "Lance ton projet à impact local\u{a0}: les bases";
pub const FUNDING: &str = "Financer son projet\u{a0}: subventions, dons, prêts d'honneur";
pub const PATH: &str = "Démarrer mon projet à impact local";
pub const COHORT_PATH: &str = "Le parcours de la première cohorte";

const EXERCISE: &str = "Quel besoin as-tu observé, et où\u{a0}?\n\
    Qui sont les personnes qui le vivent\u{a0}? Cite une phrase entendue.\n\
    Quelle première action pourrais-tu tester ce mois-ci\u{a0}?";

/// (module, [(title, kind, text file, minutes)])
type Outline = [(
    &'static str,
    &'static [(&'static str, &'static str, &'static str, i64)],
)];

const BASICS_OUTLINE: &Outline = &[
    (
        "Poser les bases",
        &[
            (
                "Qu'est-ce qu'un projet à impact local\u{a0}?",
                "text",
                "01-impact-local",
                6,
            ),
            ("Partir d'un besoin réel", "video", "02-besoin-reel", 5),
            (
                "Qui sont tes bénéficiaires et tes alliés\u{a0}?",
                "text",
                "03-personnes",
                8,
            ),
        ],
    ),
    (
        "Passer à l'action",
        &[
            (
                "Poser ton modèle sur le canvas d'impact",
                "text",
                "04-canvas",
                8,
            ),
            ("Ton cahier de route", "workbook", "05-cahier", 20),
            (
                "Exercice\u{a0}: ton projet en trois questions",
                "exercise",
                "06-exercice",
                10,
            ),
            ("Quiz\u{a0}: as-tu les bases\u{a0}?", "quiz", "07-quiz", 5),
        ],
    ),
];

const FUNDING_OUTLINE: &Outline = &[(
    "Financer son projet\u{a0}: subventions, dons, prêts d'honneur",
    &[
        ("Les subventions", "text", "11-subventions", 8),
        ("Les dons et le mécénat", "text", "12-dons", 8),
        ("Le prêt d'honneur", "text", "13-pret-honneur", 6),
    ],
)];

async fn course(
    db: &Db,
    title: &str,
    summary: &str,
    tags: &[&str],
    outline: &Outline,
) -> WebResult<i64> {
    let id = learn::create_course(
        db,
        None,
        &CourseFields {
            title,
            summary,
            tags,
        },
    )
    .await?;
    let quiz = text("quiz.json")?;
    let author = store::accounts::find_user_by_email(db, "admin@demo.local").await?;
    for (module_title, lessons) in outline {
        let module = learn::add_module(db, id, module_title).await?;
        let module = learn::find_module(db, module)
            .await?
            .ok_or(WebError::NotFound)?;
        for (title, kind, file, minutes) in lessons.iter() {
            let body = text(&format!("lessons/{file}.md"))?;
            let fields = LessonFields {
                title,
                kind,
                body: &body,
                video_url: None,
                quiz: (*kind == "quiz").then_some(quiz.as_str()),
                exercise: if *kind == "exercise" { EXERCISE } else { "" },
                minutes: *minutes,
            };
            let lesson = learn::add_lesson(db, &module, &fields).await?;
            // Its first revision, written by the network team.
            if let Some(admin) = &author {
                let by = store::lesson_revisions::Author {
                    id: admin.id,
                    name: &admin.display_name,
                };
                store::lesson_revisions::save(db, lesson, &fields, &by).await?;
            }
            match *kind {
                "video" => {
                    learn::set_media(
                        db,
                        lesson,
                        Media::Video,
                        "demo:besoin-reel.mp4",
                        "video/mp4",
                    )
                    .await?;
                    learn::set_media(
                        db,
                        lesson,
                        Media::Poster,
                        "demo:besoin-reel.png",
                        "image/png",
                    )
                    .await?;
                    learn::set_media(
                        db,
                        lesson,
                        Media::Captions,
                        "demo:besoin-reel.vtt",
                        "text/vtt",
                    )
                    .await?;
                }
                "workbook" => {
                    let size = file_size("cahier-de-route.pdf");
                    learn::add_file(
                        db,
                        lesson,
                        "demo:cahier-de-route.pdf",
                        "cahier-de-route.pdf",
                        "application/pdf",
                        size,
                    )
                    .await?;
                }
                _ => {}
            }
        }
    }
    learn::set_status(db, id, "published").await?;
    Ok(id)
}

fn file_size(name: &str) -> i64 {
    file(name).map_or(0, |f| f.len() as i64)
}

pub async fn load(db: &Db) -> WebResult<()> {
    let all = learn::catalogue(
        db,
        &learn::CatalogueQuery {
            centres: ",",
            drafts: true,
            search: "",
            tag: None,
        },
    )
    .await?;
    if all.iter().any(|c| c.title == BASICS) {
        return Ok(());
    }
    let basics = course(
        db,
        BASICS,
        "Le cours de départ du studio\u{a0}: partir d'un besoin réel, connaître les personnes qui comptent, poser ton modèle et préparer une première action.",
        &["bases", "mesure-impact"],
        BASICS_OUTLINE,
    )
    .await?;
    let funding = course(
        db,
        FUNDING,
        "Le module thématique sur l'argent du projet\u{a0}: qui finance quoi, comment demander une subvention, collecter des dons et obtenir un prêt d'honneur.",
        &["financement"],
        FUNDING_OUTLINE,
    )
    .await?;
    let path = learn::create_path(
        db,
        None,
        None,
        PATH,
        "Deux cours à suivre à ton rythme\u{a0}: les bases d'abord, puis le financement.",
    )
    .await?;
    learn::add_path_course(db, path, basics, false, None).await?;
    learn::add_path_course(db, path, funding, true, None).await?;
    learn::set_path_status(db, path, "published").await?;
    cohort_path(db, basics, funding).await?;
    // The demo project holder has read the first lesson and opened the video.
    if let Some(paul) = store::accounts::find_user_by_email(db, "participant@demo.local").await? {
        let outline = learn::outline(db, basics, 0).await?;
        let lessons: Vec<i64> = outline.iter().filter_map(|r| r.lesson_id).collect();
        if let [first, second, ..] = lessons[..] {
            let first = learn::find_lesson(db, first)
                .await?
                .ok_or(WebError::NotFound)?;
            let second = learn::find_lesson(db, second)
                .await?
                .ok_or(WebError::NotFound)?;
            learn::visit(db, paul.id, &first, 340).await?;
            learn::complete(db, paul.id, &first).await?;
            learn::visit(db, paul.id, &second, 45).await?;
        }
    }
    Ok(())
}

/// The demo cohort's path: the basics opened a week before the demo was loaded, the funding
/// module opens three weeks after it (at 9:00, Paris time), so its members see the day it opens.
async fn cohort_path(db: &Db, basics: i64, funding: i64) -> WebResult<()> {
    let Some(studio) = store::centres::find_by_slug(db, "studio").await? else {
        return Ok(());
    };
    let Some(cohort) = store::cohorts::for_centre(db, studio.id)
        .await?
        .into_iter()
        .find(|c| c.name == crate::demo::COHORT)
    else {
        return Ok(());
    };
    let today = domain::time_zone::to_paris(store::now()).date();
    let at_nine = |days: i64| {
        domain::time_zone::from_paris(time::PrimitiveDateTime::new(
            today + time::Duration::days(days),
            time::macros::time!(9:00),
        ))
    };
    let path = learn::create_path(
        db,
        Some(studio.id),
        Some(cohort.id),
        COHORT_PATH,
        "Les cours de la cohorte, au rythme des ateliers\u{a0}: les bases dès le début, le financement quand l'atelier sur l'argent approche.",
    )
    .await?;
    learn::add_path_course(db, path, basics, false, at_nine(-7)).await?;
    learn::add_path_course(db, path, funding, true, at_nine(21)).await?;
    learn::set_path_status(db, path, "published").await?;
    Ok(())
}
