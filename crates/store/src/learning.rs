//! Learning: courses (the network's, `centre_id` NULL, or a centre's own), modules, lessons and
//! their files, paths, enrolments, progress per lesson, workbook answers, quiz attempts and
//! certificates. Quiz attempts are numbered per learner and quiz under a unique key, so two
//! submissions at once cannot both count past the attempts allowed.
use crate::{Db, Result, StoreError, Tx, now};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Course {
    pub id: i64,
    pub centre_id: Option<i64>,
    pub title: String,
    pub summary: String,
    /// Stored as `,a,b,`.
    pub tags: String,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Course {
    pub fn tag_list(&self) -> Vec<&str> {
        self.tags.split(',').filter(|t| !t.is_empty()).collect()
    }

    pub fn published(&self) -> bool {
        self.status == "published"
    }
}

const COURSE: &str =
    "SELECT id, centre_id, title, summary, tags, status, created_at, updated_at FROM courses";

pub struct CourseFields<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub tags: &'a [&'a str],
}

fn stored_tags(tags: &[&str]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        format!(",{},", tags.join(","))
    }
}

fn search_text(title: &str, summary: &str) -> String {
    format!("{title} {summary}").to_lowercase()
}

/// A new draft course: the network's (`centre_id` None) or a centre's.
pub async fn create_course(db: &Db, centre_id: Option<i64>, f: &CourseFields<'_>) -> Result<i64> {
    let sql = "INSERT INTO courses (centre_id, title, summary, tags, status, search, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(f.title)
        .bind(f.summary)
        .bind(stored_tags(f.tags))
        .bind(search_text(f.title, f.summary))
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn update_course(db: &Db, id: i64, f: &CourseFields<'_>) -> Result<()> {
    let sql = "UPDATE courses SET title = $1, summary = $2, tags = $3, search = $4, updated_at = $5 WHERE id = $6";
    on_db!(db, pool => sqlx::query(sql)
        .bind(f.title)
        .bind(f.summary)
        .bind(stored_tags(f.tags))
        .bind(search_text(f.title, f.summary))
        .bind(now())
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// Publishes a course (`published`) or takes it back to a draft.
pub async fn set_status(db: &Db, id: i64, status: &str) -> Result<()> {
    let sql = "UPDATE courses SET status = $1, updated_at = $2 WHERE id = $3";
    on_db!(db, pool => sqlx::query(sql).bind(status).bind(now()).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn find_course(db: &Db, id: i64) -> Result<Option<Course>> {
    let sql = format!("{COURSE} WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// What a catalogue shows.
pub struct CatalogueQuery<'a> {
    /// The centres whose own courses the reader may see, as `,1,2,` (the network's are always in).
    pub centres: &'a str,
    /// Drafts too (authors).
    pub drafts: bool,
    /// Lower-case words searched in titles and summaries.
    pub search: &'a str,
    pub tag: Option<&'a str>,
}

/// The courses of the catalogue, the network's first then by title.
pub async fn catalogue(db: &Db, q: &CatalogueQuery<'_>) -> Result<Vec<Course>> {
    let sql = format!(
        "{COURSE} WHERE (centre_id IS NULL OR $1 LIKE '%,' || CAST(centre_id AS TEXT) || ',%') \
         AND ($2 = 1 OR status = 'published') AND search LIKE $3 AND tags LIKE $4 \
         ORDER BY CASE WHEN centre_id IS NULL THEN 0 ELSE 1 END, title, id"
    );
    let like = format!(
        "%{}%",
        q.search
            .trim()
            .to_lowercase()
            .replace('\\', "")
            .replace(['%', '_'], "")
    );
    let tag = q.tag.map_or("%".to_string(), |t| format!("%,{t},%"));
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(q.centres)
        .bind(i64::from(q.drafts))
        .bind(&like)
        .bind(&tag)
        .fetch_all(pool)
        .await?))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Module {
    pub id: i64,
    pub course_id: i64,
    pub position: i64,
    pub title: String,
}

pub async fn add_module(db: &Db, course_id: i64, title: &str) -> Result<i64> {
    let sql = "INSERT INTO course_modules (course_id, position, title) VALUES ($1, \
               (SELECT COALESCE(MAX(position), 0) + 1 FROM course_modules WHERE course_id = $1), $2) RETURNING id";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(course_id).bind(title).fetch_one(pool).await?),
    )
}

pub async fn find_module(db: &Db, id: i64) -> Result<Option<Module>> {
    let sql = "SELECT id, course_id, position, title FROM course_modules WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

pub async fn rename_module(db: &Db, id: i64, title: &str) -> Result<()> {
    let sql = "UPDATE course_modules SET title = $1 WHERE id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(title).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

/// Swaps a row's position with its neighbour's (up: the one before), in one transaction.
async fn swap(db: &Db, table: &str, parent: &str, id: i64, up: bool) -> Result<()> {
    let (cmp, order) = if up { ("<", "DESC") } else { (">", "ASC") };
    let neighbour = format!(
        "SELECT n.id, n.position, t.position FROM {table} t JOIN {table} n ON n.{parent} = t.{parent} \
         AND n.position {cmp} t.position WHERE t.id = $1 ORDER BY n.position {order} LIMIT 1"
    );
    let set = format!("UPDATE {table} SET position = $1 WHERE id = $2");
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => {
        let found: Option<(i64, i64, i64)> =
            sqlx::query_as(&neighbour).bind(id).fetch_optional(&mut **t).await?;
        if let Some((other, other_pos, pos)) = found {
            sqlx::query(&set).bind(other_pos).bind(id).execute(&mut **t).await?;
            sqlx::query(&set).bind(pos).bind(other).execute(&mut **t).await?;
        }
    });
    tx.commit().await
}

pub async fn move_module(db: &Db, id: i64, up: bool) -> Result<()> {
    swap(db, "course_modules", "course_id", id, up).await
}

pub async fn move_lesson(db: &Db, id: i64, up: bool) -> Result<()> {
    swap(db, "lessons", "module_id", id, up).await
}

/// A lesson with its course's title, owner and status.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Lesson {
    pub id: i64,
    pub course_id: i64,
    pub module_id: i64,
    pub position: i64,
    pub title: String,
    pub kind: String,
    pub body: String,
    pub video_key: Option<String>,
    pub video_type: Option<String>,
    pub video_url: Option<String>,
    pub poster_key: Option<String>,
    pub captions_key: Option<String>,
    pub quiz: Option<String>,
    pub exercise: String,
    pub minutes: i64,
    pub updated_at: i64,
    pub course_title: String,
    pub course_centre: Option<i64>,
    pub course_status: String,
}

pub struct LessonFields<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub body: &'a str,
    pub video_url: Option<&'a str>,
    pub quiz: Option<&'a str>,
    pub exercise: &'a str,
    pub minutes: i64,
}

pub async fn add_lesson(db: &Db, module: &Module, f: &LessonFields<'_>) -> Result<i64> {
    let sql = "INSERT INTO lessons (course_id, module_id, position, title, kind, body, video_url, quiz, exercise, minutes, updated_at) \
               VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM lessons WHERE module_id = $2), \
               $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(module.course_id)
        .bind(module.id)
        .bind(f.title)
        .bind(f.kind)
        .bind(f.body)
        .bind(f.video_url)
        .bind(f.quiz)
        .bind(f.exercise)
        .bind(f.minutes)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn update_lesson(
    ex: impl Into<crate::Exec<'_>>,
    id: i64,
    f: &LessonFields<'_>,
) -> Result<()> {
    let sql = "UPDATE lessons SET title = $1, kind = $2, body = $3, video_url = $4, quiz = $5, exercise = $6, \
               minutes = $7, updated_at = $8 WHERE id = $9";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(f.title)
        .bind(f.kind)
        .bind(f.body)
        .bind(f.video_url)
        .bind(f.quiz)
        .bind(f.exercise)
        .bind(f.minutes)
        .bind(now())
        .bind(id)
        .execute(e)
        .await?
        .rows_affected());
    Ok(())
}

/// Which stored file of a lesson a new upload replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    Video,
    Poster,
    Captions,
}

/// Points a lesson at a stored file (the video also keeps its content type).
pub async fn set_media(
    db: &Db,
    id: i64,
    media: Media,
    key: &str,
    content_type: &str,
) -> Result<()> {
    let sql = match media {
        Media::Video => {
            "UPDATE lessons SET video_key = $1, video_type = $2, updated_at = $3 WHERE id = $4"
        }
        Media::Poster => {
            "UPDATE lessons SET poster_key = $1, updated_at = $3 WHERE id = $4 AND $2 <> ''"
        }
        Media::Captions => {
            "UPDATE lessons SET captions_key = $1, updated_at = $3 WHERE id = $4 AND $2 <> ''"
        }
    };
    on_db!(db, pool => sqlx::query(sql).bind(key).bind(content_type).bind(now()).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

const LESSON: &str = "SELECT l.id, l.course_id, l.module_id, l.position, l.title, l.kind, l.body, l.video_key, \
    l.video_type, l.video_url, l.poster_key, l.captions_key, l.quiz, l.exercise, l.minutes, l.updated_at, \
    c.title AS course_title, c.centre_id AS course_centre, c.status AS course_status \
    FROM lessons l JOIN courses c ON c.id = l.course_id";

pub async fn find_lesson(db: &Db, id: i64) -> Result<Option<Lesson>> {
    let sql = format!("{LESSON} WHERE l.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// One line of a course's outline: a module, with one of its lessons (none for an empty
/// module) and what the reader did of it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutlineRow {
    pub module_id: i64,
    pub module_title: String,
    pub lesson_id: Option<i64>,
    pub lesson_title: Option<String>,
    pub kind: Option<String>,
    pub minutes: Option<i64>,
    pub completed_at: Option<i64>,
    pub seen_at: Option<i64>,
}

/// A course's modules and lessons in order, with `user_id`'s progress (0: nobody's), in one
/// statement.
pub async fn outline(db: &Db, course_id: i64, user_id: i64) -> Result<Vec<OutlineRow>> {
    let sql = "SELECT m.id AS module_id, m.title AS module_title, l.id AS lesson_id, l.title AS lesson_title, \
               l.kind, l.minutes, p.completed_at, p.seen_at \
               FROM course_modules m LEFT JOIN lessons l ON l.module_id = m.id \
               LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $2 \
               WHERE m.course_id = $1 ORDER BY m.position, m.id, l.position, l.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(course_id).bind(user_id).fetch_all(pool).await?))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LessonFile {
    pub id: i64,
    pub lesson_id: i64,
    pub file_key: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

pub async fn add_file(
    db: &Db,
    lesson_id: i64,
    key: &str,
    name: &str,
    content_type: &str,
    size: i64,
) -> Result<i64> {
    let sql = "INSERT INTO lesson_files (lesson_id, file_key, name, content_type, size, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(lesson_id).bind(key).bind(name).bind(content_type).bind(size).bind(now())
        .fetch_one(pool).await?))
}

pub async fn files(db: &Db, lesson_id: i64) -> Result<Vec<LessonFile>> {
    let sql = "SELECT id, lesson_id, file_key, name, content_type, size FROM lesson_files WHERE lesson_id = $1 ORDER BY id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(lesson_id).fetch_all(pool).await?))
}

pub async fn find_file(db: &Db, id: i64) -> Result<Option<LessonFile>> {
    let sql =
        "SELECT id, lesson_id, file_key, name, content_type, size FROM lesson_files WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

/// A path entry a learner follows that holds a course: its release date, and the course before
/// it when it must be finished first (with whether the learner finished it).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GateRow {
    pub release_at: Option<i64>,
    pub prerequisite: Option<String>,
    pub prerequisite_done: Option<i64>,
}

/// The gates on a course for a learner: one row per path holding it that they follow
/// (enrolled, or a member of the cohort of a published path).
pub async fn gates(db: &Db, user_id: i64, course_id: i64) -> Result<Vec<GateRow>> {
    let sql = "SELECT pc.release_at, prev.title AS prerequisite, \
               (SELECT ct.issued_at FROM certificates ct WHERE ct.user_id = $1 AND ct.course_id = prev.id) AS prerequisite_done \
               FROM path_courses pc JOIN learning_paths lp ON lp.id = pc.path_id \
               AND (EXISTS (SELECT 1 FROM path_enrolments e WHERE e.path_id = pc.path_id AND e.user_id = $1) \
               OR (lp.status = 'published' AND lp.cohort_id IN \
                   (SELECT cm.cohort_id FROM cohort_members cm WHERE cm.user_id = $1))) \
               LEFT JOIN path_courses pp ON pp.path_id = pc.path_id AND pc.requires_previous = 1 \
               AND pp.position = (SELECT MAX(x.position) FROM path_courses x WHERE x.path_id = pc.path_id AND x.position < pc.position) \
               LEFT JOIN courses prev ON prev.id = pp.course_id \
               WHERE pc.course_id = $2";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).bind(course_id).fetch_all(pool).await?))
}

/// Counts a visit of a lesson: first and last seen, and `seconds` more spent on it.
pub async fn visit(db: &Db, user_id: i64, lesson: &Lesson, seconds: i64) -> Result<()> {
    let sql = "INSERT INTO lesson_progress (user_id, lesson_id, course_id, started_at, seen_at, seconds) \
               VALUES ($1, $2, $3, $4, $4, $5) ON CONFLICT (user_id, lesson_id) DO UPDATE \
               SET seen_at = excluded.seen_at, seconds = lesson_progress.seconds + excluded.seconds";
    on_db!(db, pool => sqlx::query(sql)
        .bind(user_id).bind(lesson.id).bind(lesson.course_id).bind(now()).bind(seconds)
        .execute(pool).await?.rows_affected());
    Ok(())
}

/// Marks a lesson done (the first time counts; doing it again changes nothing).
pub async fn complete(ex: impl Into<crate::Exec<'_>>, user_id: i64, lesson: &Lesson) -> Result<()> {
    let sql = "INSERT INTO lesson_progress (user_id, lesson_id, course_id, started_at, seen_at, completed_at, seconds) \
               VALUES ($1, $2, $3, $4, $4, $4, 0) ON CONFLICT (user_id, lesson_id) DO UPDATE \
               SET seen_at = excluded.seen_at, completed_at = COALESCE(lesson_progress.completed_at, excluded.completed_at)";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(user_id).bind(lesson.id).bind(lesson.course_id).bind(now())
        .execute(e).await?.rows_affected());
    Ok(())
}

/// The lesson a learner saw last among those not done, with its course (their « continue »).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Resume {
    pub lesson_id: i64,
    pub lesson_title: String,
    pub course_id: i64,
    pub course_title: String,
}

pub async fn resume(db: &Db, user_id: i64) -> Result<Option<Resume>> {
    let sql = "SELECT p.lesson_id, l.title AS lesson_title, c.id AS course_id, c.title AS course_title \
               FROM lesson_progress p JOIN lessons l ON l.id = p.lesson_id JOIN courses c ON c.id = p.course_id \
               WHERE p.user_id = $1 AND p.completed_at IS NULL AND c.status = 'published' \
               ORDER BY p.seen_at DESC LIMIT 1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_optional(pool).await?))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WorkbookAnswers {
    pub answers: String,
    pub shared: i64,
    pub updated_at: i64,
}

/// Saves a learner's answers to an exercise (JSON list of texts) and whether the coach sees them.
pub async fn save_answers(
    db: &Db,
    user_id: i64,
    lesson_id: i64,
    answers: &str,
    shared: bool,
) -> Result<()> {
    let sql = "INSERT INTO workbook_answers (user_id, lesson_id, answers, shared, updated_at) VALUES ($1, $2, $3, $4, $5) \
               ON CONFLICT (user_id, lesson_id) DO UPDATE SET answers = excluded.answers, shared = excluded.shared, \
               updated_at = excluded.updated_at";
    on_db!(db, pool => sqlx::query(sql)
        .bind(user_id).bind(lesson_id).bind(answers).bind(i64::from(shared)).bind(now())
        .execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn answers(db: &Db, user_id: i64, lesson_id: i64) -> Result<Option<WorkbookAnswers>> {
    let sql = "SELECT answers, shared, updated_at FROM workbook_answers WHERE user_id = $1 AND lesson_id = $2";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(user_id).bind(lesson_id).fetch_optional(pool).await?),
    )
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Attempt {
    pub number: i64,
    pub right_answers: i64,
    pub questions: i64,
    pub percent: i64,
    pub passed: i64,
    pub answers: String,
    pub created_at: i64,
}

pub async fn attempts(db: &Db, user_id: i64, lesson_id: i64) -> Result<Vec<Attempt>> {
    let sql = "SELECT number, right_answers, questions, percent, passed, answers, created_at FROM quiz_attempts \
               WHERE user_id = $1 AND lesson_id = $2 ORDER BY number";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).bind(lesson_id).fetch_all(pool).await?))
}

/// A scored attempt to record.
pub struct NewAttempt<'a> {
    pub right_answers: i64,
    pub questions: i64,
    pub percent: i64,
    pub passed: bool,
    /// The choices given, as JSON.
    pub answers: &'a str,
}

/// Records an attempt as the learner's next, within `max_attempts` (`Full` past it), and marks
/// the lesson done when passed, in one transaction. The attempt's number is unique per learner
/// and quiz: of two submissions racing for the same number one commits, the other is refused
/// (`Duplicate`) and counts nothing. Returns the attempt's number.
pub async fn submit_attempt(
    db: &Db,
    user_id: i64,
    lesson: &Lesson,
    max_attempts: i64,
    a: &NewAttempt<'_>,
) -> Result<i64> {
    let mut tx: Tx = db.begin().await?;
    let used: i64 = on_tx!(&mut tx, t => sqlx::query_scalar(
            "SELECT COUNT(*) FROM quiz_attempts WHERE user_id = $1 AND lesson_id = $2",
        )
        .bind(user_id)
        .bind(lesson.id)
        .fetch_one(&mut **t)
        .await?);
    if used >= max_attempts {
        return Err(StoreError::Full);
    }
    let number = used + 1;
    on_tx!(&mut tx, t => sqlx::query(
            "INSERT INTO quiz_attempts (user_id, lesson_id, number, right_answers, questions, percent, passed, answers, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(user_id)
        .bind(lesson.id)
        .bind(number)
        .bind(a.right_answers)
        .bind(a.questions)
        .bind(a.percent)
        .bind(i64::from(a.passed))
        .bind(a.answers)
        .bind(now())
        .execute(&mut **t)
        .await?
        .rows_affected());
    if a.passed {
        complete(&mut tx, user_id, lesson).await?;
    }
    tx.commit().await?;
    Ok(number)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Certificate {
    pub code: String,
    pub user_id: i64,
    pub course_id: i64,
    pub learner_name: String,
    pub course_title: String,
    pub issued_at: i64,
}

const CERTIFICATE: &str =
    "SELECT code, user_id, course_id, learner_name, course_title, issued_at FROM certificates";

/// Issues a learner's certificate for a course under `code` (a random public code), or gives
/// back the one issued before.
pub async fn issue_certificate(
    db: &Db,
    user_id: i64,
    course: &Course,
    learner_name: &str,
    code: &str,
) -> Result<Certificate> {
    let sql = "INSERT INTO certificates (code, user_id, course_id, learner_name, course_title, issued_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, course_id) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql)
        .bind(code).bind(user_id).bind(course.id).bind(learner_name).bind(&course.title).bind(now())
        .execute(pool).await?.rows_affected());
    certificate_for(db, user_id, course.id)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn certificate_for(db: &Db, user_id: i64, course_id: i64) -> Result<Option<Certificate>> {
    let sql = format!("{CERTIFICATE} WHERE user_id = $1 AND course_id = $2");
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).bind(course_id).fetch_optional(pool).await?),
    )
}

pub async fn certificate(db: &Db, code: &str) -> Result<Option<Certificate>> {
    let sql = format!("{CERTIFICATE} WHERE code = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(code).fetch_optional(pool).await?))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LearningPath {
    pub id: i64,
    pub centre_id: Option<i64>,
    pub cohort_id: Option<i64>,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub created_at: i64,
}

const PATH: &str =
    "SELECT id, centre_id, cohort_id, title, summary, status, created_at FROM learning_paths";

pub async fn create_path(
    db: &Db,
    centre_id: Option<i64>,
    cohort_id: Option<i64>,
    title: &str,
    summary: &str,
) -> Result<i64> {
    let sql = "INSERT INTO learning_paths (centre_id, cohort_id, title, summary, status, created_at) \
               VALUES ($1, $2, $3, $4, 'draft', $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id).bind(cohort_id).bind(title).bind(summary).bind(now())
        .fetch_one(pool).await?))
}

pub async fn set_path_status(db: &Db, id: i64, status: &str) -> Result<()> {
    let sql = "UPDATE learning_paths SET status = $1 WHERE id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(status).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

/// Appends a course to a path (`requires_previous`: the course before must be finished first;
/// `release_at`: not open before).
pub async fn add_path_course(
    db: &Db,
    path_id: i64,
    course_id: i64,
    requires_previous: bool,
    release_at: Option<i64>,
) -> Result<()> {
    let sql = "INSERT INTO path_courses (path_id, course_id, position, requires_previous, release_at) VALUES ($1, $2, \
               (SELECT COALESCE(MAX(position), 0) + 1 FROM path_courses WHERE path_id = $1), $3, $4)";
    on_db!(db, pool => sqlx::query(sql)
        .bind(path_id).bind(course_id).bind(i64::from(requires_previous)).bind(release_at)
        .execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn find_path(db: &Db, id: i64) -> Result<Option<LearningPath>> {
    let sql = format!("{PATH} WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The paths a reader may see (`centres` as in [`CatalogueQuery`]).
pub async fn paths(db: &Db, centres: &str, drafts: bool) -> Result<Vec<LearningPath>> {
    let sql = format!(
        "{PATH} WHERE (centre_id IS NULL OR $1 LIKE '%,' || CAST(centre_id AS TEXT) || ',%') \
         AND ($2 = 1 OR status = 'published') ORDER BY title, id"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(centres).bind(i64::from(drafts)).fetch_all(pool).await?),
    )
}

/// A course of a path, in order, with whether the reader finished it (holds its certificate).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PathCourse {
    pub course_id: i64,
    pub position: i64,
    pub requires_previous: i64,
    pub release_at: Option<i64>,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub finished_at: Option<i64>,
}

pub async fn path_courses(db: &Db, path_id: i64, user_id: i64) -> Result<Vec<PathCourse>> {
    let sql = "SELECT pc.course_id, pc.position, pc.requires_previous, pc.release_at, c.title, c.summary, c.status, \
               ct.issued_at AS finished_at FROM path_courses pc JOIN courses c ON c.id = pc.course_id \
               LEFT JOIN certificates ct ON ct.course_id = c.id AND ct.user_id = $2 \
               WHERE pc.path_id = $1 ORDER BY pc.position";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(path_id).bind(user_id).fetch_all(pool).await?))
}

/// Enrols a learner in a path (enrolling twice changes nothing).
pub async fn enrol(db: &Db, path_id: i64, user_id: i64) -> Result<()> {
    let sql = "INSERT INTO path_enrolments (path_id, user_id, enrolled_at) VALUES ($1, $2, $3) \
               ON CONFLICT (path_id, user_id) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql).bind(path_id).bind(user_id).bind(now()).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn enrolled(db: &Db, path_id: i64, user_id: i64) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM path_enrolments WHERE path_id = $1 AND user_id = $2";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(path_id).bind(user_id).fetch_one(pool).await?);
    Ok(n > 0)
}

/// One learner's work on one course, for the follow-up page and its CSV.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowRow {
    pub user_id: i64,
    pub learner: String,
    pub course_id: i64,
    pub course_title: String,
    pub lessons_done: i64,
    pub lessons: i64,
    pub seconds: i64,
    pub last_seen: i64,
    pub best_quiz: Option<i64>,
}

/// The progress of a centre's learners (its members), or of one of its cohorts' (the members
/// of the cohort's projects), per course, in one statement.
pub async fn follow_up(db: &Db, centre_id: i64, cohort_id: Option<i64>) -> Result<Vec<FollowRow>> {
    let sql = "SELECT u.id AS user_id, u.display_name AS learner, c.id AS course_id, c.title AS course_title, \
               COUNT(p.completed_at) AS lessons_done, \
               (SELECT COUNT(*) FROM lessons l WHERE l.course_id = c.id) AS lessons, \
               CAST(SUM(p.seconds) AS BIGINT) AS seconds, MAX(p.seen_at) AS last_seen, \
               (SELECT MAX(q.percent) FROM quiz_attempts q JOIN lessons lq ON lq.id = q.lesson_id \
                WHERE q.user_id = u.id AND lq.course_id = c.id) AS best_quiz \
               FROM lesson_progress p JOIN users u ON u.id = p.user_id JOIN courses c ON c.id = p.course_id \
               WHERE (c.centre_id IS NULL OR c.centre_id = $1) AND CASE WHEN $2 = 0 \
               THEN p.user_id IN (SELECT m.user_id FROM memberships m WHERE m.centre_id = $1) \
               ELSE p.user_id IN (SELECT pp.user_id FROM project_people pp JOIN cohort_projects cp \
                    ON cp.project_id = pp.project_id JOIN cohorts co ON co.id = cp.cohort_id \
                    WHERE cp.cohort_id = $2 AND co.centre_id = $1 AND pp.relation = 'member') END \
               GROUP BY u.id, u.display_name, c.id, c.title ORDER BY u.display_name, u.id, c.title";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre_id)
        .bind(cohort_id.unwrap_or(0))
        .fetch_all(pool)
        .await?))
}

/// Time spent per lesson by a centre's learners: (course, lesson, learners, total seconds).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LessonTime {
    pub course_title: String,
    pub lesson_title: String,
    pub learners: i64,
    pub seconds: i64,
}

pub async fn lesson_times(db: &Db, centre_id: i64) -> Result<Vec<LessonTime>> {
    let sql = "SELECT c.title AS course_title, l.title AS lesson_title, COUNT(*) AS learners, CAST(SUM(p.seconds) AS BIGINT) AS seconds \
               FROM lesson_progress p JOIN lessons l ON l.id = p.lesson_id JOIN courses c ON c.id = p.course_id \
               WHERE (c.centre_id IS NULL OR c.centre_id = $1) \
               AND p.user_id IN (SELECT m.user_id FROM memberships m WHERE m.centre_id = $1) \
               GROUP BY c.id, c.title, l.id, l.title, l.position ORDER BY c.title, l.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}
