//! Importing a roadmap file: the one operation behind the web's imports (pasted, uploaded, a
//! new version over a roadmap) and the command line's `roadmap import`. It reads the file,
//! creates the roadmap or replaces one (items whose text did not change keep their details,
//! `roadmap_edit::compare`), and writes the audit line, in one unit of work.
use domain::roadmap::{self, Roadmap, RoadmapError};
use domain::roadmap_edit::compare;
use store::audit::{self, AuditAction, Entry};
use store::roadmaps::RoadmapRow;
use store::{Db, StoreError};

/// A roadmap file as it arrives.
#[derive(Debug, Clone, Copy)]
pub enum File<'a> {
    /// From a browser (a text area, an upload): browsers and editors may end its lines with
    /// CRLF, read as LF.
    Sent(&'a [u8]),
    /// From the command line: its bytes kept exactly (a CRLF file exports as CRLF).
    Exact(&'a [u8]),
}

impl File<'_> {
    /// The file read as a roadmap, or where and why it does not read.
    pub fn read(self) -> Result<Roadmap, RoadmapError> {
        match self {
            File::Sent(data) if data.contains(&b'\r') => roadmap::parse_bytes(
                String::from_utf8_lossy(data)
                    .replace("\r\n", "\n")
                    .as_bytes(),
            ),
            File::Sent(data) | File::Exact(data) => roadmap::parse_bytes(data),
        }
    }
}

/// Where an imported roadmap goes.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// A new roadmap of a centre, or of one of its projects.
    New {
        centre_id: i64,
        project_id: Option<i64>,
        /// `YYYY-MM-DD`, checked by the caller.
        start_date: Option<&'a str>,
    },
    /// Over an existing roadmap, if it is still at `revision` (else `StoreError::Stale`).
    Over { row: &'a RoadmapRow, revision: i64 },
}

/// Why an import did not happen.
#[derive(Debug)]
pub enum ImportError {
    /// The file does not read as a roadmap (the line and the reason).
    File(RoadmapError),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(err: StoreError) -> Self {
        ImportError::Store(err)
    }
}

/// Reads `file` and stores it at `target` with its audit line; returns the roadmap's id.
pub async fn import(
    db: &Db,
    file: File<'_>,
    target: Target<'_>,
    user_id: Option<i64>,
) -> Result<i64, ImportError> {
    let roadmap = file.read().map_err(ImportError::File)?;
    Ok(save(db, &roadmap, target, user_id).await?)
}

/// The storing half of `import`, for a file already read (a re-import is shown before it is
/// confirmed): the roadmap and its audit line in one unit of work.
pub async fn save(
    db: &Db,
    roadmap: &Roadmap,
    target: Target<'_>,
    user_id: Option<i64>,
) -> store::Result<i64> {
    let mut tx = db.begin().await?;
    let (id, centre_id, action) = match target {
        Target::New {
            centre_id,
            project_id,
            start_date,
        } => {
            let id = store::roadmaps::create(
                &mut tx, centre_id, project_id, roadmap, start_date, user_id,
            )
            .await?;
            (id, centre_id, AuditAction::RoadmapImported)
        }
        Target::Over { row, revision } => {
            let changes = compare(&row.roadmap()?, roadmap);
            store::roadmaps::replace_in(&mut tx, row.id, revision, roadmap, &changes.kept).await?;
            (row.id, row.centre_id, AuditAction::RoadmapReimported)
        }
    };
    audit::record(
        &mut tx,
        action,
        Entry {
            actor_id: user_id,
            centre_id: Some(centre_id),
            subject_id: None,
            detail: &format!("roadmap:{id}"),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}
