//! Self-diagnostics: definitions stored per version (a response keeps the version it was taken
//! with), attempts whose answers are saved page by page, scores kept per dimension for results,
//! peer quartiles and network statistics, and the addresses left to receive results (leads).
use crate::{Db, Result, StoreError, now};
use domain::diagnostic::{Answers, OVERALL, Scores};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DefinitionRow {
    pub diagnostic: String,
    pub version: i64,
    pub document: String,
    pub published_by: Option<i64>,
    pub published_at: i64,
}

const DEF_COLUMNS: &str = "diagnostic, version, document, published_by, published_at";

/// Stores the shipped definitions as their first versions, once (idempotent).
pub async fn seed(db: &Db, shipped: &[(&str, i64, &str)]) -> Result<()> {
    let sql = "INSERT INTO diagnostic_definitions (diagnostic, version, document, published_at) \
               VALUES ($1, $2, $3, $4) ON CONFLICT (diagnostic, version) DO NOTHING";
    for (id, version, json) in shipped {
        on_db!(db, pool => sqlx::query(sql).bind(id).bind(version).bind(json).bind(now()).execute(pool).await?.rows_affected());
    }
    Ok(())
}

/// The newest version of a diagnostic.
pub async fn latest(db: &Db, diagnostic: &str) -> Result<Option<DefinitionRow>> {
    let sql = format!(
        "SELECT {DEF_COLUMNS} FROM diagnostic_definitions WHERE diagnostic = $1 ORDER BY version DESC LIMIT 1"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(diagnostic).fetch_optional(pool).await?))
}

pub async fn version(db: &Db, diagnostic: &str, version: i64) -> Result<Option<DefinitionRow>> {
    let sql = format!(
        "SELECT {DEF_COLUMNS} FROM diagnostic_definitions WHERE diagnostic = $1 AND version = $2"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(diagnostic).bind(version).fetch_optional(pool).await?),
    )
}

/// Every version of a diagnostic, newest first (without their documents).
pub async fn versions(db: &Db, diagnostic: &str) -> Result<Vec<(i64, i64, Option<i64>)>> {
    let sql = "SELECT version, published_at, published_by FROM diagnostic_definitions \
               WHERE diagnostic = $1 ORDER BY version DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(diagnostic).fetch_all(pool).await?))
}

/// Stores version `version` of a validated definition. Two publications of the same number:
/// one wins, the other gets `Conflict`.
pub async fn publish(
    db: &Db,
    diagnostic: &str,
    version: i64,
    document: &str,
    user_id: i64,
) -> Result<()> {
    let sql = "INSERT INTO diagnostic_definitions (diagnostic, version, document, published_by, published_at) \
               VALUES ($1, $2, $3, $4, $5)";
    on_db!(db, pool => sqlx::query(sql)
        .bind(diagnostic)
        .bind(version)
        .bind(document)
        .bind(user_id)
        .bind(now())
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// Who an attempt belongs to: a project (signed in), a person without a project, or an
/// anonymous visitor known by the hash of the token in their cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Project(i64),
    User(i64),
    Respondent(String),
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attempt {
    pub id: i64,
    pub diagnostic: String,
    pub version: i64,
    pub centre_id: Option<i64>,
    pub project_id: Option<i64>,
    pub user_id: Option<i64>,
    pub respondent_hash: Option<String>,
    pub answers: String,
    pub overall: Option<i64>,
    pub level: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
}

const ATTEMPT_COLUMNS: &str = "id, diagnostic, version, centre_id, project_id, user_id, respondent_hash, \
    answers, overall, level, created_at, updated_at, submitted_at";

impl Attempt {
    /// The stored answers (written by us, so a failure means corrupt data).
    pub fn answers(&self) -> Result<Answers> {
        serde_json::from_str(&self.answers)
            .map_err(|e| StoreError::Corrupt(format!("diagnostic attempt {}: {e}", self.id)))
    }

    pub fn submitted(&self) -> bool {
        self.submitted_at.is_some()
    }
}

fn encode(answers: &Answers) -> Result<String> {
    serde_json::to_string(answers).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The `WHERE` clause and bound value selecting an owner's attempts.
fn owner_clause(owner: &Owner) -> (&'static str, OwnerKey<'_>) {
    match owner {
        Owner::Project(id) => ("project_id = $2", OwnerKey::Id(*id)),
        Owner::User(id) => ("user_id = $2 AND project_id IS NULL", OwnerKey::Id(*id)),
        Owner::Respondent(hash) => (
            "respondent_hash = $2 AND user_id IS NULL AND project_id IS NULL",
            OwnerKey::Hash(hash),
        ),
    }
}

enum OwnerKey<'a> {
    Id(i64),
    Hash(&'a str),
}

pub struct NewAttempt<'a> {
    pub diagnostic: &'a str,
    pub version: i64,
    pub centre_id: Option<i64>,
    pub project_id: Option<i64>,
    pub user_id: Option<i64>,
    pub respondent_hash: Option<&'a str>,
}

pub async fn create_attempt(db: &Db, new: &NewAttempt<'_>) -> Result<i64> {
    let sql = "INSERT INTO diagnostic_attempts (diagnostic, version, centre_id, project_id, user_id, respondent_hash, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(new.diagnostic)
        .bind(new.version)
        .bind(new.centre_id)
        .bind(new.project_id)
        .bind(new.user_id)
        .bind(new.respondent_hash)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn attempt(db: &Db, id: i64) -> Result<Option<Attempt>> {
    let sql = format!("SELECT {ATTEMPT_COLUMNS} FROM diagnostic_attempts WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The attempt whose results link was e-mailed (the link holds a token; we keep its hash).
pub async fn attempt_by_result(db: &Db, result_hash: &str) -> Result<Option<Attempt>> {
    let sql = format!(
        "SELECT {ATTEMPT_COLUMNS} FROM diagnostic_attempts WHERE result_hash = $1 AND submitted_at IS NOT NULL"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(result_hash).fetch_optional(pool).await?))
}

/// Saves the answers so far of an attempt not yet submitted (`Conflict` once submitted).
pub async fn save_answers(db: &Db, id: i64, answers: &Answers) -> Result<()> {
    let sql = "UPDATE diagnostic_attempts SET answers = $1, updated_at = $2 WHERE id = $3 AND submitted_at IS NULL";
    let json = encode(answers)?;
    let n = on_db!(db, pool => sqlx::query(sql).bind(&json).bind(now()).bind(id).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::Conflict);
    }
    Ok(())
}

/// Submits an attempt with its final answers and scores, all or nothing (`Conflict` when it
/// was already submitted).
pub async fn submit(
    db: &Db,
    id: i64,
    answers: &Answers,
    scores: &Scores,
    level: &str,
) -> Result<()> {
    let json = encode(answers)?;
    let at = now();
    let mut rows: Vec<(&str, i64)> = scores
        .dimensions
        .iter()
        .map(|(k, s)| (k.as_str(), i64::from(*s)))
        .collect();
    rows.push((OVERALL, i64::from(scores.overall)));
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let found: Option<(String, i64, Option<i64>)> = sqlx::query_as(
            "UPDATE diagnostic_attempts SET answers = $1, overall = $2, level = $3, \
             updated_at = $4, submitted_at = $4 WHERE id = $5 AND submitted_at IS NULL \
             RETURNING diagnostic, version, centre_id",
        )
        .bind(&json)
        .bind(i64::from(scores.overall))
        .bind(level)
        .bind(at)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((diagnostic, version, centre_id)) = found else {
            return Err(StoreError::Conflict);
        };
        for (dimension, score) in &rows {
            sqlx::query(
                "INSERT INTO diagnostic_scores (attempt_id, diagnostic, version, centre_id, dimension, score) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(&diagnostic)
            .bind(version)
            .bind(centre_id)
            .bind(*dimension)
            .bind(*score)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

/// Sets the hash of the token of the results link sent by e-mail (a new link ends the old one).
pub async fn set_result_hash(db: &Db, id: i64, result_hash: &str) -> Result<()> {
    let sql = "UPDATE diagnostic_attempts SET result_hash = $1 WHERE id = $2 AND submitted_at IS NOT NULL";
    let n = on_db!(db, pool => sqlx::query(sql).bind(result_hash).bind(id).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The owner's attempt in progress for a diagnostic, if any (the newest).
pub async fn open_attempt(db: &Db, diagnostic: &str, owner: &Owner) -> Result<Option<Attempt>> {
    let (clause, key) = owner_clause(owner);
    let sql = format!(
        "SELECT {ATTEMPT_COLUMNS} FROM diagnostic_attempts WHERE diagnostic = $1 AND {clause} \
         AND submitted_at IS NULL ORDER BY id DESC LIMIT 1"
    );
    Ok(match key {
        OwnerKey::Id(v) => {
            on_db!(db, pool => sqlx::query_as(&sql).bind(diagnostic).bind(v).fetch_optional(pool).await?)
        }
        OwnerKey::Hash(v) => {
            on_db!(db, pool => sqlx::query_as(&sql).bind(diagnostic).bind(v).fetch_optional(pool).await?)
        }
    })
}

/// The owner's submitted attempts of a diagnostic, oldest first.
pub async fn history(db: &Db, diagnostic: &str, owner: &Owner) -> Result<Vec<Attempt>> {
    let (clause, key) = owner_clause(owner);
    let sql = format!(
        "SELECT {ATTEMPT_COLUMNS} FROM diagnostic_attempts WHERE diagnostic = $1 AND {clause} \
         AND submitted_at IS NOT NULL ORDER BY submitted_at, id"
    );
    Ok(match key {
        OwnerKey::Id(v) => {
            on_db!(db, pool => sqlx::query_as(&sql).bind(diagnostic).bind(v).fetch_all(pool).await?)
        }
        OwnerKey::Hash(v) => {
            on_db!(db, pool => sqlx::query_as(&sql).bind(diagnostic).bind(v).fetch_all(pool).await?)
        }
    })
}

/// Every attempt of a project (all diagnostics), newest first.
pub async fn for_project(db: &Db, project_id: i64) -> Result<Vec<Attempt>> {
    let sql = format!(
        "SELECT {ATTEMPT_COLUMNS} FROM diagnostic_attempts WHERE project_id = $1 ORDER BY updated_at DESC, id DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).fetch_all(pool).await?))
}

/// The stored scores of a submitted attempt: (dimension or `overall`, score).
pub async fn scores(db: &Db, attempt_id: i64) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT dimension, score FROM diagnostic_scores WHERE attempt_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(attempt_id).fetch_all(pool).await?))
}

/// How many submitted responses of one version reached each score, per dimension:
/// (dimension, score, count). At most 101 rows a dimension, whatever the number of responses.
pub async fn score_counts(
    db: &Db,
    diagnostic: &str,
    version: i64,
) -> Result<Vec<(String, i64, i64)>> {
    let sql = "SELECT dimension, score, COUNT(*) FROM diagnostic_scores \
               WHERE diagnostic = $1 AND version = $2 GROUP BY dimension, score";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(diagnostic).bind(version).fetch_all(pool).await?),
    )
}

/// The same per centre and over every version, for network statistics:
/// (centre or none for anonymous visitors, dimension, score, count).
pub async fn score_counts_by_centre(
    db: &Db,
    diagnostic: &str,
) -> Result<Vec<(Option<i64>, String, i64, i64)>> {
    let sql = "SELECT centre_id, dimension, score, COUNT(*) FROM diagnostic_scores \
               WHERE diagnostic = $1 GROUP BY centre_id, dimension, score";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(diagnostic).fetch_all(pool).await?))
}

/// Keeps the address someone left to receive their results: a lead for the studio.
pub async fn add_lead(
    db: &Db,
    email: &str,
    attempt_id: i64,
    diagnostic: &str,
    locale: &str,
) -> Result<i64> {
    let sql = "INSERT INTO diagnostic_leads (email, attempt_id, diagnostic, locale, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(email)
        .bind(attempt_id)
        .bind(diagnostic)
        .bind(locale)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// The leads (address, diagnostic, when), newest first.
pub async fn leads(db: &Db, limit: i64) -> Result<Vec<(String, String, i64)>> {
    let sql =
        "SELECT email, diagnostic, created_at FROM diagnostic_leads ORDER BY id DESC LIMIT $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(limit).fetch_all(pool).await?))
}

/// How many addresses were left to receive results.
pub async fn lead_count(db: &Db) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM diagnostic_leads";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await?))
}
