//! A lesson's revisions: every save writes the lesson and keeps a copy of what was saved, by
//! whom and when, in one transaction; restoring one is a save like any other (a new revision),
//! audited.
use crate::audit::{self, AuditAction};
use crate::learning::LessonFields;
use crate::{Db, Exec, Result, Tx, now};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Revision {
    pub id: i64,
    pub lesson_id: i64,
    pub author_name: String,
    pub title: String,
    pub kind: String,
    pub body: String,
    pub video_url: Option<String>,
    pub quiz: Option<String>,
    pub exercise: String,
    pub minutes: i64,
    pub created_at: i64,
}

impl Revision {
    pub fn fields(&self) -> LessonFields<'_> {
        LessonFields {
            title: &self.title,
            kind: &self.kind,
            body: &self.body,
            video_url: self.video_url.as_deref(),
            quiz: self.quiz.as_deref(),
            exercise: &self.exercise,
            minutes: self.minutes,
        }
    }
}

const REVISION: &str = "SELECT id, lesson_id, author_name, title, kind, body, video_url, quiz, exercise, \
    minutes, created_at FROM lesson_revisions";

/// Who saves: their id and name (kept if the account goes).
pub struct Author<'a> {
    pub id: i64,
    pub name: &'a str,
}

async fn write(tx: &mut Tx, lesson_id: i64, f: &LessonFields<'_>, by: &Author<'_>) -> Result<()> {
    crate::learning::update_lesson(Exec::Tx(&mut *tx), lesson_id, f).await?;
    let sql = "INSERT INTO lesson_revisions (lesson_id, author_id, author_name, title, kind, body, video_url, \
               quiz, exercise, minutes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(sql)
        .bind(lesson_id)
        .bind(by.id)
        .bind(by.name)
        .bind(f.title)
        .bind(f.kind)
        .bind(f.body)
        .bind(f.video_url)
        .bind(f.quiz)
        .bind(f.exercise)
        .bind(f.minutes)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    Ok(())
}

/// Saves a lesson and keeps the revision.
pub async fn save(db: &Db, lesson_id: i64, f: &LessonFields<'_>, by: &Author<'_>) -> Result<()> {
    let mut tx = db.begin().await?;
    write(&mut tx, lesson_id, f, by).await?;
    tx.commit().await
}

/// Puts a revision back as the lesson's text (a new revision), audited with the course's centre.
pub async fn restore(
    db: &Db,
    revision: &Revision,
    by: &Author<'_>,
    centre_id: Option<i64>,
) -> Result<()> {
    let mut tx = db.begin().await?;
    write(&mut tx, revision.lesson_id, &revision.fields(), by).await?;
    let detail = revision.id.to_string();
    let entry = audit::Entry {
        actor_id: Some(by.id),
        centre_id,
        subject_id: None,
        detail: &detail,
    };
    audit::record(
        Exec::Tx(&mut tx),
        AuditAction::LessonRevisionRestored,
        entry,
    )
    .await?;
    tx.commit().await
}

/// A lesson's revisions, the newest first.
pub async fn list(db: &Db, lesson_id: i64) -> Result<Vec<Revision>> {
    let sql = format!("{REVISION} WHERE lesson_id = $1 ORDER BY id DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(lesson_id).fetch_all(pool).await?))
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Revision>> {
    let sql = format!("{REVISION} WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}
