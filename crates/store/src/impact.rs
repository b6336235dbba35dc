//! Impact: the indicators a project follows (baseline, target), their measurements, the
//! per-project figures the network aggregation starts from, and the network's yearly reviews
//! with the next year's objectives. Values are thousandths of the indicator's unit.
use crate::{Db, Result, StoreError, now};
use domain::impact::{ProjectFigure, day_number, figures_from_pack};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectIndicator {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: i64,
    pub indicator_code: String,
    pub baseline: i64,
    pub target: Option<i64>,
    pub target_on: Option<String>,
    pub created_at: i64,
}

const PI_COLUMNS: &str =
    "id, centre_id, project_id, indicator_code, baseline, target, target_on, created_at";

/// Rebuilds the packed series (see `domain::impact::encode_series`) of the project indicators
/// whose ids lie in `low..=high`, inside the caller's transaction.
macro_rules! rebuild_series {
    ($tx:expr, $low:expr, $high:expr) => {{
        let rows: Vec<(i64, Option<String>, Option<i64>)> = sqlx::query_as(
            "SELECT pi.id, m.measured_on, m.value FROM project_indicators pi \
             LEFT JOIN measurements m ON m.project_indicator_id = pi.id \
             WHERE pi.id >= $1 AND pi.id <= $2 ORDER BY pi.id, m.measured_on, m.id",
        )
        .bind($low)
        .bind($high)
        .fetch_all(&mut *$tx)
        .await?;
        for (pi, series) in group_series(rows) {
            sqlx::query("UPDATE project_indicators SET series = $1 WHERE id = $2")
                .bind(series)
                .bind(pi)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

/// Rebuilds the packs (see `domain::impact::encode_pack`) of every centre and indicator that
/// one of the project indicators `low..=high` belongs to, from their projects' series.
macro_rules! rebuild_packs {
    ($tx:expr, $low:expr, $high:expr) => {{
        let groups: Vec<(i64, String)> = sqlx::query_as(
            "SELECT DISTINCT centre_id, indicator_code FROM project_indicators WHERE id >= $1 AND id <= $2",
        )
        .bind($low)
        .bind($high)
        .fetch_all(&mut *$tx)
        .await?;
        for (centre, code) in groups {
            let series: Vec<(i64, Vec<u8>)> = sqlx::query_as(
                "SELECT project_id, COALESCE(series, $3) FROM project_indicators \
                 WHERE centre_id = $1 AND indicator_code = $2 ORDER BY id",
            )
            .bind(centre)
            .bind(&code)
            .bind(Vec::<u8>::new())
            .fetch_all(&mut *$tx)
            .await?;
            let list: Vec<(i64, &[u8])> = series.iter().map(|(p, s)| (*p, s.as_slice())).collect();
            sqlx::query(
                "INSERT INTO indicator_packs (centre_id, indicator_code, pack) VALUES ($1, $2, $3) \
                 ON CONFLICT (centre_id, indicator_code) DO UPDATE SET pack = excluded.pack",
            )
            .bind(centre)
            .bind(&code)
            .bind(domain::impact::encode_pack(&list))
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// (indicator, date, value) rows ordered by indicator then date → each indicator's series.
fn group_series(rows: Vec<(i64, Option<String>, Option<i64>)>) -> Vec<(i64, Vec<u8>)> {
    let mut out: Vec<(i64, Vec<(String, i64)>)> = Vec::new();
    for (pi, on, value) in rows {
        if out.last().is_none_or(|(last, _)| *last != pi) {
            out.push((pi, Vec::new()));
        }
        if let (Some(on), Some(value), Some((_, list))) = (on, value, out.last_mut()) {
            list.push((on, value));
        }
    }
    out.into_iter()
        .map(|(pi, list)| (pi, domain::impact::encode_series(&list)))
        .collect()
}

pub struct NewIndicator<'a> {
    pub centre_id: i64,
    pub project_id: i64,
    pub code: &'a str,
    pub baseline: i64,
    pub target: Option<i64>,
    pub target_on: Option<&'a str>,
}

/// Adds an indicator to a project (`Duplicate` when the project already follows it).
pub async fn add_indicator(db: &Db, new: &NewIndicator<'_>) -> Result<i64> {
    let sql = "INSERT INTO project_indicators (centre_id, project_id, indicator_code, baseline, target, target_on, created_at, series) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(sql)
            .bind(new.centre_id)
            .bind(new.project_id)
            .bind(new.code)
            .bind(new.baseline)
            .bind(new.target)
            .bind(new.target_on)
            .bind(now())
            .bind(Vec::<u8>::new())
            .fetch_one(&mut *tx)
            .await?;
        // The new indicator counts as "nothing reported" until it is measured.
        rebuild_packs!(tx, id, id);
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn indicators(db: &Db, project_id: i64) -> Result<Vec<ProjectIndicator>> {
    let sql =
        format!("SELECT {PI_COLUMNS} FROM project_indicators WHERE project_id = $1 ORDER BY id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(project_id).fetch_all(pool).await?))
}

pub async fn find_indicator(db: &Db, id: i64) -> Result<Option<ProjectIndicator>> {
    let sql = format!("SELECT {PI_COLUMNS} FROM project_indicators WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Measurement {
    pub id: i64,
    pub project_indicator_id: i64,
    pub measured_on: String,
    pub value: i64,
    pub source: String,
    pub attachment_id: Option<i64>,
    pub created_at: i64,
}

pub struct NewMeasurement<'a> {
    pub project_indicator_id: i64,
    pub measured_on: &'a str,
    pub value: i64,
    pub source: &'a str,
    pub attachment_id: Option<i64>,
    pub created_by: Option<i64>,
}

pub async fn add_measurement(db: &Db, new: &NewMeasurement<'_>) -> Result<i64> {
    let sql = "INSERT INTO measurements (project_indicator_id, measured_on, value, source, attachment_id, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let pi = new.project_indicator_id;
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(sql)
            .bind(pi)
            .bind(new.measured_on)
            .bind(new.value)
            .bind(new.source)
            .bind(new.attachment_id)
            .bind(new.created_by)
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
        rebuild_series!(tx, pi, pi);
        rebuild_packs!(tx, pi, pi);
        tx.commit().await?;
        Ok(id)
    })
}

/// Many measurements at once (imports, benchmarks): (project indicator, date, value), in
/// one transaction.
pub async fn add_measurements(db: &Db, rows: &[(i64, String, i64)]) -> Result<()> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for chunk in rows.chunks(500) {
            let mut sql = String::from(
                "INSERT INTO measurements (project_indicator_id, measured_on, value, source, created_at) VALUES ",
            );
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push_str(", ");
                }
                let b = i * 3;
                sql.push_str(&format!("(${}, ${}, ${}, '', {now})", b + 1, b + 2, b + 3));
            }
            let mut q = sqlx::query(&sql);
            for (pi, on, value) in chunk {
                q = q.bind(*pi).bind(on.as_str()).bind(*value);
            }
            q.execute(&mut *tx).await?;
        }
        let low = rows.iter().map(|r| r.0).min().unwrap_or(0);
        let high = rows.iter().map(|r| r.0).max().unwrap_or(0);
        rebuild_series!(tx, low, high);
        rebuild_packs!(tx, low, high);
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })?;
    Ok(())
}

/// Refreshes the query planner's statistics after a bulk import (the background analyser
/// would do it later on PostgreSQL; SQLite only does it when asked).
pub async fn analyze(db: &Db) -> Result<()> {
    on_db!(db, pool => sqlx::query("ANALYZE").execute(pool).await?.rows_affected());
    Ok(())
}

/// The measurements of a project's indicators, oldest first.
pub async fn measurements(db: &Db, project_id: i64) -> Result<Vec<Measurement>> {
    let sql = "SELECT m.id, m.project_indicator_id, m.measured_on, m.value, m.source, m.attachment_id, m.created_at \
               FROM measurements m JOIN project_indicators pi ON pi.id = m.project_indicator_id \
               WHERE pi.project_id = $1 ORDER BY m.measured_on, m.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(project_id).fetch_all(pool).await?))
}

/// Which projects a network figure covers: all, or one centre's, or one cohort's (or both).
#[derive(Debug, Clone, Copy, Default)]
pub struct Among {
    pub centre: Option<i64>,
    pub cohort: Option<i64>,
}

/// What every project (among `among`) reported for each indicator it follows, for the period
/// `from`..=`to` (`YYYY-MM-DD`): one read of a pack per centre and indicator, the period worked
/// out in `domain`.
pub async fn figures(db: &Db, from: &str, to: &str, among: Among) -> Result<Vec<ProjectFigure>> {
    // Callers check the period; a date that is not one here is a programming error.
    let (Some(from), Some(to)) = (day_number(from), day_number(to)) else {
        return Err(StoreError::Corrupt(format!("period {from}..{to}")));
    };
    build_packs_once(db).await?;
    let cohort: Option<Vec<i64>> = match among.cohort {
        Some(c) => Some(crate::cohorts::project_ids(db, c).await?),
        None => None,
    };
    let sql = "SELECT centre_id, indicator_code, pack FROM indicator_packs \
               WHERE ($1 = 0 OR centre_id = $1) ORDER BY centre_id, indicator_code";
    let packs: Vec<(i64, String, Vec<u8>)> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(among.centre.unwrap_or(0))
        .fetch_all(pool)
        .await?);
    let keep = |project: i64| {
        cohort
            .as_ref()
            .is_none_or(|ids| ids.binary_search(&project).is_ok())
    };
    Ok(packs
        .iter()
        .flat_map(|(centre, code, pack)| figures_from_pack(*centre, code, pack, from, to, keep))
        .collect())
}

const PACKS_BUILT: &str = "impact_packs";

/// Data from before the packs existed is packed once, on first reading.
async fn build_packs_once(db: &Db) -> Result<()> {
    if crate::settings::get(db, PACKS_BUILT).await?.is_some() {
        return Ok(());
    }
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let (low, high): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT MIN(id), MAX(id) FROM project_indicators").fetch_one(&mut *tx).await?;
        if let (Some(low), Some(high)) = (low, high) {
            rebuild_series!(tx, low, high);
            rebuild_packs!(tx, low, high);
        }
        tx.commit().await?;
    });
    crate::settings::set(db, PACKS_BUILT, "1").await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Review {
    pub id: i64,
    pub year: i64,
    pub period_from: String,
    pub period_to: String,
    pub financial: String,
    pub cohorts: String,
    pub feedback: String,
    pub impact_summary: String,
    pub recorded_at: i64,
}

const REVIEW_COLUMNS: &str =
    "id, year, period_from, period_to, financial, cohorts, feedback, impact_summary, recorded_at";

pub struct SaveReview<'a> {
    pub year: i64,
    pub period_from: &'a str,
    pub period_to: &'a str,
    pub financial: &'a str,
    pub cohorts: &'a str,
    pub feedback: &'a str,
    /// The impact figures of the year as shown when recorded (JSON).
    pub impact_summary: &'a str,
    pub recorded_by: Option<i64>,
    /// Next year's objectives: (indicator, achieved this year, target, note).
    pub objectives: &'a [(String, Option<i64>, i64, String)],
}

/// Records (or replaces) the review of one year and its objectives, all or nothing.
pub async fn save_review(db: &Db, r: &SaveReview<'_>) -> Result<i64> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO network_reviews (year, period_from, period_to, financial, cohorts, feedback, impact_summary, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (year) DO UPDATE SET period_from = excluded.period_from, period_to = excluded.period_to, \
             financial = excluded.financial, cohorts = excluded.cohorts, feedback = excluded.feedback, \
             impact_summary = excluded.impact_summary, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at \
             RETURNING id",
        )
        .bind(r.year)
        .bind(r.period_from)
        .bind(r.period_to)
        .bind(r.financial)
        .bind(r.cohorts)
        .bind(r.feedback)
        .bind(r.impact_summary)
        .bind(r.recorded_by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM network_objectives WHERE review_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for (code, achieved, target, note) in r.objectives {
            sqlx::query(
                "INSERT INTO network_objectives (review_id, indicator_code, achieved, target, note) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(code)
            .bind(*achieved)
            .bind(*target)
            .bind(note)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn reviews(db: &Db) -> Result<Vec<Review>> {
    let sql = format!("SELECT {REVIEW_COLUMNS} FROM network_reviews ORDER BY year DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

pub async fn find_review(db: &Db, year: i64) -> Result<Option<Review>> {
    let sql = format!("SELECT {REVIEW_COLUMNS} FROM network_reviews WHERE year = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(year).fetch_optional(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Objective {
    pub indicator_code: String,
    pub achieved: Option<i64>,
    pub target: i64,
    pub note: String,
}

pub async fn objectives(db: &Db, review_id: i64) -> Result<Vec<Objective>> {
    let sql = "SELECT indicator_code, achieved, target, note FROM network_objectives WHERE review_id = $1 ORDER BY id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(review_id).fetch_all(pool).await?))
}
