//! Impact: the indicators a project follows (baseline, target), their measurements, the
//! per-project figures the network aggregation starts from, and the network's yearly reviews
//! with the next year's objectives. Values are thousandths of the indicator's unit.
use crate::{Db, Result, StoreError, now};
use domain::impact::ProjectFigure;

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

pub struct NewIndicator<'a> {
    pub centre_id: i64,
    pub project_id: i64,
    pub code: &'a str,
    pub baseline: i64,
    pub target: Option<i64>,
    pub target_on: Option<&'a str>,
}

/// Adds an indicator to a project (`Conflict` when the project already follows it).
pub async fn add_indicator(db: &Db, new: &NewIndicator<'_>) -> Result<i64> {
    let sql = "INSERT INTO project_indicators (centre_id, project_id, indicator_code, baseline, target, target_on, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(new.centre_id)
        .bind(new.project_id)
        .bind(new.code)
        .bind(new.baseline)
        .bind(new.target)
        .bind(new.target_on)
        .bind(now())
        .fetch_one(pool)
        .await?))
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

/// Recomputes the running totals of some indicators' measurements (after inserts).
const RUNNING_TOTALS: &str = "UPDATE measurements SET running_sum = r.s, running_count = r.n FROM ( \
        SELECT id, CAST(SUM(value) OVER w AS BIGINT) AS s, COUNT(*) OVER w AS n FROM measurements \
        WHERE project_indicator_id >= $1 AND project_indicator_id <= $2 \
        WINDOW w AS (PARTITION BY project_indicator_id ORDER BY measured_on, id ROWS UNBOUNDED PRECEDING) \
    ) r WHERE r.id = measurements.id";

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
        sqlx::query(RUNNING_TOTALS).bind(pi).bind(pi).execute(&mut *tx).await?;
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
        sqlx::query(RUNNING_TOTALS).bind(low).bind(high).execute(&mut *tx).await?;
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

/// What every project (of one centre, or of the whole network when `centre` is `None`)
/// reported for each indicator it follows, for the period `from`..=`to` (`YYYY-MM-DD`).
pub async fn figures(
    db: &Db,
    from: &str,
    to: &str,
    centre: Option<i64>,
) -> Result<Vec<ProjectFigure>> {
    // Per indicator: its latest measurement up to `to` and its latest before `from`; the
    // period's sum and count are the difference of their running totals.
    type Row = (
        i64,
        i64,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<i64>,
        Option<i64>,
    );
    let rows: Vec<Row> = match db {
        Db::Sqlite(pool) => {
            let sql = "SELECT pi.project_id, pi.centre_id, pi.indicator_code, \
                    t.running_sum, t.running_count, t.value, t.measured_on, b.running_sum, b.running_count \
                FROM project_indicators pi \
                LEFT JOIN measurements t ON t.id = (SELECT m.id FROM measurements m \
                    WHERE m.project_indicator_id = pi.id AND m.measured_on <= $2 \
                    ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) \
                LEFT JOIN measurements b ON b.id = (SELECT m.id FROM measurements m \
                    WHERE m.project_indicator_id = pi.id AND m.measured_on < $1 \
                    ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) \
                WHERE ($3 = 0 OR pi.centre_id = $3)";
            sqlx::query_as(sql)
                .bind(from)
                .bind(to)
                .bind(centre.unwrap_or(0))
                .fetch_all(pool)
                .await?
        }
        Db::Postgres(pool) => {
            let sql = "SELECT pi.project_id, pi.centre_id, pi.indicator_code, \
                    t.running_sum, t.running_count, t.value, t.measured_on, b.running_sum, b.running_count \
                FROM project_indicators pi \
                LEFT JOIN LATERAL (SELECT m.running_sum, m.running_count, m.value, m.measured_on FROM measurements m \
                    WHERE m.project_indicator_id = pi.id AND m.measured_on <= $2 \
                    ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) t ON true \
                LEFT JOIN LATERAL (SELECT m.running_sum, m.running_count FROM measurements m \
                    WHERE m.project_indicator_id = pi.id AND m.measured_on < $1 \
                    ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) b ON true \
                WHERE ($3 = 0 OR pi.centre_id = $3)";
            sqlx::query_as(sql)
                .bind(from)
                .bind(to)
                .bind(centre.unwrap_or(0))
                .fetch_all(pool)
                .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|r| ProjectFigure {
            project_id: r.0,
            centre_id: r.1,
            indicator: r.2,
            sum_in_period: r.3.unwrap_or(0) - r.7.unwrap_or(0),
            count_in_period: r.4.unwrap_or(0) - r.8.unwrap_or(0),
            last: r.5,
            last_before_period: r.6.as_deref().is_some_and(|d| d < from),
        })
        .collect())
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
