//! What the project page shows about a project, read in one go and kept a few seconds per
//! project and language: the page is the one people come back to all day, and its dozen reads
//! (tasks, sessions, canvases, roadmaps, indicators, activity) then cost nothing. Who may see the
//! project is checked on every request before this is read, and what depends on the reader
//! (private notes, forms) or on the day (overdue, alerts) is decided when the page is rendered.
//!
//! Freshness: any change sent through this node (every POST, whatever its module) forgets the
//! whole cache at once, so the next page shows it; a change made through another node shows
//! here within [`TTL`].
use crate::error::WebError;
use crate::i18n::I18n;
use crate::impact::IndicatorSummary;
use crate::state::AppState;
use domain::Locale;
use domain::roadmap::Roadmap;
use std::sync::Arc;
use std::time::Duration;
use store::roadmaps::RoadmapRow;
use store::tracking::{Activity, Attachment, ItemDetails, Session, Task};

/// How long a project's page data may lag behind a change made through another node.
pub const TTL: Duration = Duration::from_secs(3);

/// A project's roadmap: stored row, parsed document and its items' details.
pub struct RoadmapData {
    pub row: RoadmapRow,
    pub doc: Roadmap,
    pub details: Vec<ItemDetails>,
}

pub struct PageData {
    /// (user id, name, `member` or `follower`).
    pub people: Vec<(i64, String, String)>,
    pub canvases: Vec<store::canvas::Canvas>,
    /// Complete blocks of the most recently changed canvas (`None` without a canvas).
    pub canvas_complete: Option<usize>,
    pub tasks: Vec<Task>,
    pub sessions: Vec<Session>,
    /// (session id, participant name).
    pub participants: Vec<(i64, String)>,
    pub files: Vec<Attachment>,
    pub roadmaps: Vec<RoadmapData>,
    pub recent: Vec<Activity>,
    pub indicators: Vec<IndicatorSummary>,
}

/// The cached page data, per project and language.
pub type PageCache = crate::cache::PageCache<(i64, Locale), Arc<PageData>>;

/// The page data of a project the reader was already allowed to see.
pub async fn load(state: &AppState, i: I18n, project_id: i64) -> Result<Arc<PageData>, WebError> {
    let fresh = async { Ok(Arc::new(read(state, i, project_id).await?)) };
    state
        .project_pages
        .get_or_read((project_id, i.locale), fresh)
        .await
}

async fn read(state: &AppState, i: I18n, id: i64) -> Result<PageData, WebError> {
    let db = &state.db;
    let (people, canvases, tasks, sessions, participants, files, rows, details, recent, indicators) =
        tokio::try_join!(
            async { Ok::<_, WebError>(store::projects::people(db, id).await?) },
            async { Ok::<_, WebError>(store::canvas::for_project(db, id).await?) },
            async { Ok::<_, WebError>(store::tracking::tasks(db, id).await?) },
            async { Ok::<_, WebError>(store::tracking::sessions(db, id, 20).await?) },
            async { Ok::<_, WebError>(store::tracking::participants(db, id).await?) },
            async { Ok::<_, WebError>(store::tracking::attachments(db, id).await?) },
            async { Ok::<_, WebError>(store::tracking::project_roadmaps(db, id).await?) },
            async { Ok::<_, WebError>(store::tracking::project_item_details(db, id).await?) },
            async { Ok::<_, WebError>(store::tracking::recent_activity(db, id, 12).await?) },
            crate::impact::summaries(state, i, id),
        )?;
    // Completeness of the most recently changed canvas, block by block.
    let canvas_complete = match canvases.iter().max_by_key(|c| c.updated_at) {
        Some(c) => {
            let items: Vec<domain::canvas::DocumentItem> = store::canvas::items(db, c.id)
                .await?
                .into_iter()
                .map(domain::canvas::DocumentItem::from)
                .collect();
            Some(
                domain::canvas::completeness(&items)
                    .iter()
                    .filter(|(_, h)| *h == domain::canvas::BlockHint::Complete)
                    .count(),
            )
        }
        None => None,
    };
    let mut roadmaps = Vec::new();
    for row in rows {
        let doc = row.roadmap()?;
        let mine = details
            .iter()
            .filter(|d| d.roadmap_id == row.id)
            .cloned()
            .collect();
        roadmaps.push(RoadmapData {
            row,
            doc,
            details: mine,
        });
    }
    Ok(PageData {
        people,
        canvases,
        canvas_complete,
        tasks,
        sessions,
        participants,
        files,
        roadmaps,
        recent,
        indicators,
    })
}
