//! The network dashboard's reads: every centre's figures of a year in one statement, and one
//! centre's (the pilot's) months in two.
use crate::{Db, Result};

/// A year's bounds: Unix seconds [from, to) and days `YYYY-01-01` and `YYYY-12-31`.
#[derive(Debug, Clone)]
pub struct Period {
    pub year: i32,
    pub from: i64,
    pub to: i64,
}

impl Period {
    fn first_day(&self) -> String {
        format!("{:04}-01-01", self.year)
    }
    fn last_day(&self) -> String {
        format!("{:04}-12-31", self.year)
    }
}

/// A centre's figures for a year.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct CentreFigures {
    pub centre_id: i64,
    /// Projects started by the year's end (archived ones before the year left out).
    pub projects: i64,
    /// Participants who had joined by the year's end.
    pub participants: i64,
    /// Cohorts running during the year.
    pub cohorts: i64,
    /// Satisfaction answers (event feedback and cohort surveys) of the year with a 0–10 score,
    /// and among them the promoters (9–10) and detractors (0–6).
    pub answers: i64,
    pub promoters: i64,
    pub detractors: i64,
    /// Invoiced in the year before VAT, credit notes deducted.
    pub invoiced_cents: i64,
    /// Impact indicators followed by the centre's projects, and measurements taken in the year.
    pub indicators: i64,
    pub measurements: i64,
    /// What its royalty statements of periods starting in the year come to (royalty and
    /// yearly fee), and the part of it already invoiced by the network.
    pub royalties_cents: i64,
    pub royalties_invoiced_cents: i64,
}

/// Every centre's figures of one year, in one statement (each figure an indexed aggregate).
pub async fn centre_figures(db: &Db, p: &Period) -> Result<Vec<CentreFigures>> {
    let sql = "SELECT c.id AS centre_id, \
         (SELECT COUNT(*) FROM projects x WHERE x.centre_id = c.id AND x.created_at < $2 \
            AND (x.archived_at IS NULL OR x.archived_at >= $1)) AS projects, \
         (SELECT COUNT(*) FROM memberships m WHERE m.centre_id = c.id AND m.role = 'participant' \
            AND m.created_at < $2) AS participants, \
         (SELECT COUNT(*) FROM cohorts k WHERE k.centre_id = c.id AND k.starts_on <= $4 AND k.ends_on >= $3) AS cohorts, \
         (SELECT COUNT(*) FROM survey_responses s JOIN events e ON e.id = s.event_id \
            WHERE e.centre_id = c.id AND s.nps IS NOT NULL AND s.created_at >= $1 AND s.created_at < $2) \
         + (SELECT COUNT(*) FROM cohort_surveys s JOIN cohorts k ON k.id = s.cohort_id \
            WHERE k.centre_id = c.id AND s.nps IS NOT NULL AND s.answered_at >= $1 AND s.answered_at < $2) AS answers, \
         (SELECT COUNT(*) FROM survey_responses s JOIN events e ON e.id = s.event_id \
            WHERE e.centre_id = c.id AND s.nps >= 9 AND s.created_at >= $1 AND s.created_at < $2) \
         + (SELECT COUNT(*) FROM cohort_surveys s JOIN cohorts k ON k.id = s.cohort_id \
            WHERE k.centre_id = c.id AND s.nps >= 9 AND s.answered_at >= $1 AND s.answered_at < $2) AS promoters, \
         (SELECT COUNT(*) FROM survey_responses s JOIN events e ON e.id = s.event_id \
            WHERE e.centre_id = c.id AND s.nps <= 6 AND s.created_at >= $1 AND s.created_at < $2) \
         + (SELECT COUNT(*) FROM cohort_surveys s JOIN cohorts k ON k.id = s.cohort_id \
            WHERE k.centre_id = c.id AND s.nps <= 6 AND s.answered_at >= $1 AND s.answered_at < $2) AS detractors, \
         (SELECT COALESCE(CAST(SUM(CASE WHEN i.kind = 'credit_note' THEN -i.total_ht_cents ELSE i.total_ht_cents END) AS BIGINT), 0) \
            FROM invoices i WHERE i.centre_id = c.id AND i.issue_date >= $3 AND i.issue_date <= $4) AS invoiced_cents, \
         (SELECT COUNT(*) FROM project_indicators pi WHERE pi.centre_id = c.id) AS indicators, \
         (SELECT COUNT(*) FROM measurements me JOIN project_indicators pi ON pi.id = me.project_indicator_id \
            WHERE pi.centre_id = c.id AND me.measured_on >= $3 AND me.measured_on <= $4) AS measurements, \
         (SELECT COALESCE(CAST(SUM(r.total_cents) AS BIGINT), 0) FROM royalty_statements r \
            WHERE r.centre_id = c.id AND r.starts_on >= $3 AND r.starts_on <= $4) AS royalties_cents, \
         (SELECT COALESCE(CAST(SUM(r.total_cents) AS BIGINT), 0) FROM royalty_statements r \
            WHERE r.centre_id = c.id AND r.starts_on >= $3 AND r.starts_on <= $4 \
            AND r.invoice_id IS NOT NULL) AS royalties_invoiced_cents \
         FROM centres c ORDER BY c.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(p.from)
        .bind(p.to)
        .bind(p.first_day())
        .bind(p.last_day())
        .fetch_all(pool)
        .await?))
}

/// One centre's invoiced amount per month (`YYYY-MM`, before VAT, credit notes deducted)
/// between two days included, in one statement.
pub async fn invoiced_by_month(
    db: &Db,
    centre_id: i64,
    first_day: &str,
    last_day: &str,
) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT SUBSTR(issue_date, 1, 7) AS month, \
         COALESCE(CAST(SUM(CASE WHEN kind = 'credit_note' THEN -total_ht_cents ELSE total_ht_cents END) AS BIGINT), 0) AS cents \
         FROM invoices WHERE centre_id = $1 AND issue_date >= $2 AND issue_date <= $3 \
         GROUP BY SUBSTR(issue_date, 1, 7) ORDER BY month";
    let rows: Vec<(String, i64)> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre_id)
        .bind(first_day)
        .bind(last_day)
        .fetch_all(pool)
        .await?);
    Ok(rows)
}

/// When one centre's projects started and its participants joined since `from` (Unix seconds):
/// (`project` or `participant`, time), in one statement.
pub async fn arrivals(db: &Db, centre_id: i64, from: i64) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT 'project' AS kind, created_at FROM projects WHERE centre_id = $1 AND created_at >= $2 \
         UNION ALL SELECT 'participant', created_at FROM memberships \
           WHERE centre_id = $1 AND role = 'participant' AND created_at >= $2";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(from).fetch_all(pool).await?))
}
