//! Demo content: Markdown files with a small front matter in `data/content/` (pages, posts,
//! podcast episodes with their audio, case studies, guides and chapters), loaded once.
//!
//! Front matter, one `key: value` a line between `---` lines: `kind`, `slug`, `lang` (`fr` by
//! default; an `en` file names its French item with `of`), `title`, `summary`, `tags`,
//! `published` (Paris time), `audio`, `duration`, `episode`, `season`, `project`, `figure`
//! (repeated, `valeur | unité | libellé`), `guide` and `position` (chapters).
use crate::error::{WebError, WebResult};
use domain::content::{self, Kind};
use rust_embed::RustEmbed;
use store::Db;
use store::content::{ItemFields, NewItem, VersionInput};

#[derive(RustEmbed)]
#[folder = "data/content/"]
struct Files;

/// The cover of the podcast (1400 × 1400 PNG).
pub const COVER: &[u8] = include_bytes!("../../data/content/podcast-cover.png");

/// A demo episode's audio, by file name.
pub fn audio(name: &str) -> Option<Vec<u8>> {
    if name.contains('/') {
        return None;
    }
    Files::get(&format!("audio/{name}")).map(|f| f.data.to_vec())
}

/// One demo file: its front matter (keys may repeat) and its Markdown body.
#[derive(Debug, Default)]
pub struct DemoFile {
    pub meta: Vec<(String, String)>,
    pub body: String,
}

impl DemoFile {
    pub fn get(&self, key: &str) -> &str {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn all(&self, key: &str) -> Vec<&str> {
        self.meta
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Splits `---\nkey: value\n---\nbody`; `None` without a front matter.
pub fn parse(text: &str) -> Option<DemoFile> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    let meta = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(DemoFile {
        meta,
        body: rest[end + 5..].trim().to_string(),
    })
}

fn bad(name: &str, what: &str) -> WebError {
    WebError::Internal(format!("demo content {name}: {what}"))
}

/// Loads every demo file not loaded yet (French items first, guides before their chapters,
/// then the English versions).
pub async fn load(db: &Db) -> WebResult<()> {
    let mut files: Vec<(String, DemoFile)> = Vec::new();
    for name in Files::iter().filter(|n| n.ends_with(".md")) {
        let Some(file) = Files::get(&name) else {
            continue;
        };
        let text = String::from_utf8_lossy(&file.data).replace("\r\n", "\n");
        let parsed = parse(&text).ok_or_else(|| bad(&name, "no front matter"))?;
        files.push((name.to_string(), parsed));
    }
    let order = |f: &DemoFile| {
        let kind = Kind::parse(f.get("kind")).map(|k| k as usize).unwrap_or(9);
        (
            usize::from(f.get("lang") == "en"),
            kind,
            f.get("position").parse::<i64>().unwrap_or(0),
        )
    };
    files.sort_by_key(|(name, f)| (order(f), name.clone()));
    let author = store::accounts::find_user_by_email(db, "admin@demo.local")
        .await?
        .map(|u| u.id);
    let projects = store::content::project_choices(db).await?;
    for (name, f) in &files {
        let kind = Kind::parse(f.get("kind")).map_err(|_| bad(name, "kind"))?;
        let slug = f.get("slug");
        let title = f.get("title");
        let guide = if kind == Kind::Chapter {
            Some(
                store::content::find_by_slug(db, "guide", 0, f.get("guide"))
                    .await?
                    .ok_or_else(|| bad(name, "guide"))?,
            )
        } else {
            None
        };
        let figures = content::parse_figures(&f.all("figure").join("\n"))
            .map_err(|_| bad(name, "figures"))?;
        let figures = content::figures_text(&figures);
        let search = super::search_text(title, f.get("summary"), &f.body);
        let version = |lang: &'static str| VersionInput {
            lang,
            slug,
            title,
            summary: f.get("summary"),
            body: &f.body,
            figures: &figures,
            search_text: &search,
        };
        if f.get("lang") == "en" {
            let Some(id) =
                store::content::find_by_slug(db, kind.code(), guide.unwrap_or(0), f.get("of"))
                    .await?
            else {
                return Err(bad(name, "no French item"));
            };
            let item = store::content::find(db, id)
                .await?
                .ok_or_else(|| bad(name, "item"))?;
            if store::content::versions(db, id)
                .await?
                .iter()
                .any(|v| v.lang == "en")
            {
                continue;
            }
            store::content::save_version(db, &item, &version("en"), author).await?;
            continue;
        }
        if store::content::find_by_slug(db, kind.code(), guide.unwrap_or(0), slug)
            .await?
            .is_some()
        {
            continue;
        }
        let publish_at = content::parse_paris_datetime(f.get("published"))
            .map_err(|_| bad(name, "published"))?;
        let fields = ItemFields {
            status: "published".into(),
            publish_at: Some(publish_at),
            tags: content::stored_tags(
                &content::parse_tags(f.get("tags")).map_err(|_| bad(name, "tags"))?,
            ),
            project_id: projects
                .iter()
                .find(|(_, n)| n == f.get("project"))
                .map(|(id, _)| *id),
            position: f.get("position").parse().unwrap_or(0),
            audio_url: None,
            duration_seconds: content::parse_duration(f.get("duration")).ok(),
            episode_number: f.get("episode").parse().ok(),
            season_number: f.get("season").parse().ok(),
            explicit: false,
        };
        let id = store::content::create(
            db,
            &NewItem {
                kind: kind.code(),
                parent_id: guide,
                position: fields.position,
                author_id: author,
            },
            &fields,
            &version("fr"),
        )
        .await?;
        let audio_name = f.get("audio");
        if !audio_name.is_empty() {
            let data = audio(audio_name).ok_or_else(|| bad(name, "audio"))?;
            store::content::set_audio(
                db,
                id,
                &format!("demo:{audio_name}"),
                "audio/mpeg",
                data.len() as i64,
            )
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_file_reads() {
        let mut n = 0;
        for name in Files::iter().filter(|n| n.ends_with(".md")) {
            let file = Files::get(&name).unwrap();
            let text = String::from_utf8_lossy(&file.data).replace("\r\n", "\n");
            let f = parse(&text).unwrap_or_else(|| panic!("{name}: front matter"));
            assert!(Kind::parse(f.get("kind")).is_ok(), "{name}: kind");
            assert!(!f.get("title").is_empty(), "{name}: title");
            assert!(content::slug(f.get("slug"), "x").is_ok(), "{name}: slug");
            if f.get("lang") != "en" {
                assert!(
                    content::parse_paris_datetime(f.get("published")).is_ok(),
                    "{name}: date"
                );
            }
            assert!(
                content::parse_figures(&f.all("figure").join("\n")).is_ok(),
                "{name}: figures"
            );
            assert!(f.body.chars().count() > 300, "{name}: body too short");
            n += 1;
        }
        assert!(n >= 15, "{n} demo files");
        assert!(audio("episode-1.mp3").is_some_and(|a| a.len() < 300 * 1024));
    }
}
