//! Self-diagnostics: definitions stored per version (a response keeps the version it was taken
//! with), attempts whose answers are saved page by page, scores kept per dimension for results,
//! peer quartiles and network statistics, and the addresses left to receive results (leads).
use crate::{Db, Exec, Result, StoreError, Tx, now};
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
/// one wins, the other gets `Duplicate`.
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

/// Saves the answers so far of an attempt not yet submitted (`AlreadyDone` once submitted), on
/// the pool or inside an open unit of work.
pub async fn save_answers<'e>(ex: impl Into<Exec<'e>>, id: i64, answers: &Answers) -> Result<()> {
    let sql = "UPDATE diagnostic_attempts SET answers = $1, updated_at = $2 WHERE id = $3 AND submitted_at IS NULL";
    let json = encode(answers)?;
    let n = on_exec!(ex.into(), e => sqlx::query(sql).bind(&json).bind(now()).bind(id).execute(e).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::AlreadyDone);
    }
    Ok(())
}

/// Submits an attempt with its final answers and scores, all or nothing (`AlreadyDone` when it
/// was already submitted: of two identical submissions, the second changes nothing).
pub async fn submit(
    db: &Db,
    id: i64,
    answers: &Answers,
    scores: &Scores,
    level: &str,
) -> Result<()> {
    let mut tx = db.begin().await?;
    submit_in(&mut tx, id, answers, scores, level).await?;
    tx.commit().await
}

/// `submit` inside a unit of work already open: the answers, the attempt's scores and the
/// score counts are written in it, so an error at any step (or a dropped `Tx`) leaves nothing.
/// On PostgreSQL a second submission waits for the first one's row lock, then finds the attempt
/// submitted; on SQLite the writers' turn serialises them.
pub async fn submit_in(
    tx: &mut Tx,
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
    on_tx!(tx, tx => {
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
        .fetch_optional(&mut **tx)
        .await?;
        let Some((diagnostic, version, centre_id)) = found else {
            return Err(StoreError::AlreadyDone);
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
            .execute(&mut **tx)
            .await?;
            sqlx::query(
                "INSERT INTO diagnostic_score_counts (diagnostic, version, centre_id, dimension, score, responses) \
                 VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (diagnostic, version, centre_id, dimension, score) \
                 DO UPDATE SET responses = diagnostic_score_counts.responses + 1",
            )
            .bind(&diagnostic)
            .bind(version)
            .bind(centre_id.unwrap_or(0))
            .bind(*dimension)
            .bind(*score)
            .execute(&mut **tx)
            .await?;
        }
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

/// Gives a person the attempts they made anonymously in this browser (known by the hash of the
/// respondent cookie), when they sign in: their results follow them into their account.
/// Returns how many attempts changed hands.
pub async fn adopt(db: &Db, respondent_hash: &str, user_id: i64) -> Result<u64> {
    let sql = "UPDATE diagnostic_attempts SET user_id = $1, respondent_hash = NULL \
               WHERE respondent_hash = $2 AND user_id IS NULL AND project_id IS NULL";
    Ok(on_db!(db, pool => sqlx::query(sql)
        .bind(user_id)
        .bind(respondent_hash)
        .execute(pool)
        .await?
        .rows_affected()))
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
/// (dimension, score, count), from the counts kept at each submission: at most 101 rows a
/// dimension, whatever the number of responses.
pub async fn score_counts(
    db: &Db,
    diagnostic: &str,
    version: i64,
) -> Result<Vec<(String, i64, i64)>> {
    let sql = "SELECT dimension, score, CAST(SUM(responses) AS BIGINT) FROM diagnostic_score_counts \
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
    let sql = "SELECT centre_id, dimension, score, CAST(SUM(responses) AS BIGINT) FROM diagnostic_score_counts \
               WHERE diagnostic = $1 GROUP BY centre_id, dimension, score ORDER BY centre_id, dimension, score";
    let rows: Vec<(i64, String, i64, i64)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(diagnostic).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|(c, d, s, n)| ((c != 0).then_some(c), d, s, n))
        .collect())
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

/// A response imported already scored (demo data, benchmarks): its centre and its scores.
pub struct ImportedResponse {
    pub centre_id: Option<i64>,
    pub scores: Scores,
    pub level: String,
    pub at: i64,
}

/// Stores many scored responses at once (anonymous, without answers), in chunks of multi-row
/// inserts inside one transaction. Returns how many were stored.
pub async fn import_scored(
    db: &Db,
    diagnostic: &str,
    version: i64,
    responses: &[ImportedResponse],
) -> Result<usize> {
    const CHUNK: usize = 400;
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for (chunk_no, chunk) in responses.chunks(CHUNK).enumerate() {
            // Each row is marked so the ids can be matched back whatever the returned order.
            let mut sql = String::from(
                "INSERT INTO diagnostic_attempts (diagnostic, version, centre_id, respondent_hash, overall, level, \
                 created_at, updated_at, submitted_at) VALUES ",
            );
            for n in 0..chunk.len() {
                let b = n * 7;
                if n > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 7, b + 7
                ));
            }
            sql.push_str(" RETURNING id, respondent_hash");
            let mut q = sqlx::query_as::<_, (i64, Option<String>)>(&sql);
            for (n, r) in chunk.iter().enumerate() {
                q = q
                    .bind(diagnostic)
                    .bind(version)
                    .bind(r.centre_id)
                    .bind(format!("import-{chunk_no}-{n}"))
                    .bind(i64::from(r.scores.overall))
                    .bind(&r.level)
                    .bind(r.at);
            }
            let ids = q.fetch_all(&mut *tx).await?;
            let mut rows: Vec<(i64, Option<i64>, &str, i64)> = Vec::new();
            for (id, mark) in ids {
                let n: usize = mark
                    .as_deref()
                    .and_then(|m| m.rsplit('-').next())
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| StoreError::Corrupt("import mark".into()))?;
                let r = &chunk[n];
                for (d, s) in &r.scores.dimensions {
                    rows.push((id, r.centre_id, d.as_str(), i64::from(*s)));
                }
                rows.push((id, r.centre_id, OVERALL, i64::from(r.scores.overall)));
            }
            for part in rows.chunks(CHUNK) {
                let mut sql = String::from(
                    "INSERT INTO diagnostic_scores (attempt_id, diagnostic, version, centre_id, dimension, score) VALUES ",
                );
                for n in 0..part.len() {
                    let b = n * 4 + 2;
                    if n > 0 {
                        sql.push(',');
                    }
                    sql.push_str(&format!("(${}, $1, $2, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4));
                }
                let mut q = sqlx::query(&sql).bind(diagnostic).bind(version);
                for (id, centre, d, s) in part {
                    q = q.bind(*id).bind(*centre).bind(*d).bind(*s);
                }
                q.execute(&mut *tx).await?;
            }
        }
        // The counts of this version, recomputed from the scores.
        sqlx::query("DELETE FROM diagnostic_score_counts WHERE diagnostic = $1 AND version = $2")
            .bind(diagnostic)
            .bind(version)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO diagnostic_score_counts (diagnostic, version, centre_id, dimension, score, responses) \
             SELECT diagnostic, version, COALESCE(centre_id, 0), dimension, score, COUNT(*) FROM diagnostic_scores \
             WHERE diagnostic = $1 AND version = $2 GROUP BY diagnostic, version, COALESCE(centre_id, 0), dimension, score",
        )
        .bind(diagnostic)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        // Imported rows are anonymous: the marks were only for matching ids.
        sqlx::query("UPDATE diagnostic_attempts SET respondent_hash = NULL WHERE respondent_hash LIKE 'import-%'")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    // Fresh planner statistics (and, on PostgreSQL, the visibility map that index-only scans
    // need) after a bulk load; autovacuum would get there later.
    match db {
        Db::Sqlite(pool) => {
            sqlx::query("ANALYZE").execute(pool).await?;
        }
        Db::Postgres(pool) => {
            sqlx::query("VACUUM ANALYZE diagnostic_attempts, diagnostic_scores")
                .execute(pool)
                .await?;
        }
    }
    Ok(responses.len())
}
