//! Financial forecasts: one per project (and one per centre for its own budget), every save a
//! new version of the whole plan in the exchange format (JSON text), and the scenarios' shares.
use crate::{Db, Result, StoreError, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ForecastRow {
    pub id: i64,
    pub centre_id: i64,
    pub project_id: Option<i64>,
    pub name: String,
    pub narrative: String,
    pub version: i64,
    pub updated_at: i64,
    /// Above this share of the forecast (basis points) a variance of the actuals is flagged.
    pub variance_threshold_bp: i64,
    /// The current version's plan, in the exchange format.
    pub document: String,
}

const COLUMNS: &str = "f.id, f.centre_id, f.project_id, f.name, f.narrative, f.version, f.updated_at, \
     f.variance_threshold_bp, v.document";
const FROM: &str =
    "FROM forecasts f JOIN forecast_versions v ON v.forecast_id = f.id AND v.version = f.version";

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ScenarioRow {
    pub code: String,
    pub volume_bp: i64,
    pub cost_bp: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VersionRow {
    pub version: i64,
    pub note: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    /// The author's display name (None when the account is gone).
    pub author: Option<String>,
}

pub struct NewForecast<'a> {
    pub centre_id: i64,
    /// None: the centre's own budget.
    pub project_id: Option<i64>,
    pub name: &'a str,
    pub document: &'a str,
    pub created_by: Option<i64>,
}

/// Creates a forecast with its version 1 and the default scenarios (`Duplicate` when the project,
/// or the centre's own budget, has one already). One transaction.
pub async fn create(db: &Db, new: &NewForecast<'_>) -> Result<i64> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO forecasts (centre_id, project_id, name, version, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, 1, $4, $5, $5) RETURNING id",
        )
        .bind(new.centre_id)
        .bind(new.project_id)
        .bind(new.name)
        .bind(new.created_by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO forecast_versions (forecast_id, version, document, note, created_by, created_at) \
             VALUES ($1, 1, $2, '', $3, $4)",
        )
        .bind(id)
        .bind(new.document)
        .bind(new.created_by)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for scenario in domain::forecast::Scenario::ALL {
            let (volume_bp, cost_bp) = scenario.default_factors();
            sqlx::query(
                "INSERT INTO forecast_scenarios (forecast_id, code, volume_bp, cost_bp) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(scenario.code())
            .bind(volume_bp)
            .bind(cost_bp)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn find(db: &Db, id: i64) -> Result<Option<ForecastRow>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE f.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// Whose forecast: a project's, or a centre's own budget (not its projects').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    Project(i64),
    Centre(i64),
}

impl Of {
    /// The condition on `forecasts f` with its key bound as `$1`.
    fn filter(self) -> (&'static str, i64) {
        match self {
            Of::Project(id) => ("f.project_id = $1", id),
            Of::Centre(id) => ("f.centre_id = $1 AND f.project_id IS NULL", id),
        }
    }
}

/// The forecast of a project or of a centre, with its current plan.
pub async fn of(db: &Db, of: Of) -> Result<Option<ForecastRow>> {
    let (filter, key) = of.filter();
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE {filter}");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(key).fetch_optional(pool).await?))
}

/// The project's forecast with its current plan.
pub async fn for_project(db: &Db, project_id: i64) -> Result<Option<ForecastRow>> {
    of(db, Of::Project(project_id)).await
}

/// The centre's own budget (not its projects').
pub async fn for_centre(db: &Db, centre_id: i64) -> Result<Option<ForecastRow>> {
    of(db, Of::Centre(centre_id)).await
}

/// Saves a new version of the whole plan if the forecast is still at `expected` (else `Stale`
/// with the current version); returns the new version number. One transaction.
pub async fn save(
    db: &Db,
    id: i64,
    expected: i64,
    document: &str,
    note: &str,
    user_id: Option<i64>,
) -> Result<i64> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let moved = sqlx::query(
            "UPDATE forecasts SET version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2",
        )
        .bind(id)
        .bind(expected)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            let current: Option<i64> = sqlx::query_scalar("SELECT version FROM forecasts WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(match current {
                Some(v) => StoreError::stale(v, None),
                None => StoreError::NotFound,
            });
        }
        let version = expected + 1;
        sqlx::query(
            "INSERT INTO forecast_versions (forecast_id, version, document, note, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(version)
        .bind(document)
        .bind(note)
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(version)
    })
}

/// `save` inside the caller's unit of work (the equipment sent to a centre's budget is marked
/// in the same transaction): `Stale` when the forecast moved past `expected`.
pub async fn save_in(
    tx: &mut crate::Tx,
    id: i64,
    expected: i64,
    document: &str,
    note: &str,
    user_id: Option<i64>,
) -> Result<i64> {
    let now = now();
    let moved = on_exec!(crate::Exec::from(&mut *tx), e => sqlx::query(
        "UPDATE forecasts SET version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2",
    )
    .bind(id)
    .bind(expected)
    .bind(now)
    .execute(e)
    .await?
    .rows_affected());
    if moved == 0 {
        let current: Option<i64> = on_exec!(crate::Exec::from(&mut *tx), e => sqlx::query_scalar(
            "SELECT version FROM forecasts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(e)
        .await?);
        return Err(match current {
            Some(v) => StoreError::stale(v, None),
            None => StoreError::NotFound,
        });
    }
    let version = expected + 1;
    on_exec!(crate::Exec::from(&mut *tx), e => sqlx::query(
        "INSERT INTO forecast_versions (forecast_id, version, document, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(version)
    .bind(document)
    .bind(note)
    .bind(user_id)
    .bind(now)
    .execute(e)
    .await?
    .rows_affected());
    Ok(version)
}

/// Every version, newest first (without their plans).
pub async fn versions(db: &Db, id: i64) -> Result<Vec<VersionRow>> {
    let sql = "SELECT v.version, v.note, v.created_by, v.created_at, u.display_name AS author \
               FROM forecast_versions v LEFT JOIN users u ON u.id = v.created_by \
               WHERE v.forecast_id = $1 ORDER BY v.version DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await?))
}

/// The plan of one version.
pub async fn version(db: &Db, id: i64, version: i64) -> Result<Option<String>> {
    let sql = "SELECT document FROM forecast_versions WHERE forecast_id = $1 AND version = $2";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(id).bind(version).fetch_optional(pool).await?),
    )
}

pub async fn set_narrative(db: &Db, id: i64, narrative: &str) -> Result<()> {
    let sql = "UPDATE forecasts SET narrative = $2, updated_at = $3 WHERE id = $1";
    let done = on_db!(db, pool => sqlx::query(sql).bind(id).bind(narrative).bind(now()).execute(pool).await?.rows_affected());
    if done == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Sets the threshold above which a variance of the actuals is flagged (basis points).
pub async fn set_threshold(db: &Db, id: i64, threshold_bp: i64) -> Result<()> {
    let sql = "UPDATE forecasts SET variance_threshold_bp = $2, updated_at = $3 WHERE id = $1";
    let done = on_db!(db, pool => sqlx::query(sql).bind(id).bind(threshold_bp).bind(now()).execute(pool).await?.rows_affected());
    if done == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The scenarios in the order pessimistic, realistic, optimistic.
pub async fn scenarios(db: &Db, id: i64) -> Result<Vec<ScenarioRow>> {
    let sql = "SELECT code, volume_bp, cost_bp FROM forecast_scenarios WHERE forecast_id = $1 \
               ORDER BY CASE code WHEN 'pessimistic' THEN 1 WHEN 'realistic' THEN 2 ELSE 3 END";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await?))
}

pub async fn set_scenario(
    db: &Db,
    id: i64,
    code: &str,
    volume_bp: i64,
    cost_bp: i64,
) -> Result<()> {
    let sql = "UPDATE forecast_scenarios SET volume_bp = $3, cost_bp = $4 WHERE forecast_id = $1 AND code = $2";
    let done = on_db!(db, pool => sqlx::query(sql).bind(id).bind(code).bind(volume_bp).bind(cost_bp).execute(pool).await?.rows_affected());
    if done == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct WithScenario {
    #[sqlx(flatten)]
    row: ForecastRow,
    code: Option<String>,
    volume_bp: Option<i64>,
    cost_bp: Option<i64>,
}

/// A forecast with its scenarios (pessimistic, realistic, optimistic), in one statement.
pub async fn with_scenarios(db: &Db, of: Of) -> Result<Option<(ForecastRow, Vec<ScenarioRow>)>> {
    let (filter, key) = of.filter();
    let sql = format!(
        "SELECT {COLUMNS}, s.code, s.volume_bp, s.cost_bp {FROM} \
         LEFT JOIN forecast_scenarios s ON s.forecast_id = f.id WHERE {filter} \
         ORDER BY CASE s.code WHEN 'pessimistic' THEN 1 WHEN 'realistic' THEN 2 ELSE 3 END"
    );
    let rows: Vec<WithScenario> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(key).fetch_all(pool).await?);
    let mut scenarios = Vec::new();
    let mut first = None;
    for r in rows {
        if let (Some(code), Some(volume_bp), Some(cost_bp)) = (r.code, r.volume_bp, r.cost_bp) {
            scenarios.push(ScenarioRow {
                code,
                volume_bp,
                cost_bp,
            });
        }
        first.get_or_insert(r.row);
    }
    Ok(first.map(|row| (row, scenarios)))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ActualRow {
    pub month: i64,
    pub category: String,
    pub amount_cents: i64,
}

/// The forecast's actuals, by month then category.
pub async fn actuals(db: &Db, id: i64) -> Result<Vec<ActualRow>> {
    let sql = "SELECT month, category, amount_cents FROM forecast_actuals WHERE forecast_id = $1 \
               ORDER BY month, category";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await?))
}

/// Replaces the actuals of `months` by `values` (month, category, cents): a month entered again,
/// or the months a bank export covers. One transaction.
pub async fn set_actuals(
    db: &Db,
    id: i64,
    months: &[i64],
    values: &[(i64, &str, i64)],
    user_id: Option<i64>,
) -> Result<()> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for month in months {
            sqlx::query("DELETE FROM forecast_actuals WHERE forecast_id = $1 AND month = $2")
                .bind(id)
                .bind(month)
                .execute(&mut *tx)
                .await?;
        }
        for (month, category, cents) in values {
            sqlx::query(
                "INSERT INTO forecast_actuals (forecast_id, month, category, amount_cents, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(month)
            .bind(category)
            .bind(cents)
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

/// Sets the shares of several scenarios at once (code, volume_bp, cost_bp): all or none.
pub async fn set_scenarios(db: &Db, id: i64, values: &[(&str, i64, i64)]) -> Result<()> {
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for (code, volume_bp, cost_bp) in values {
            let done = sqlx::query(
                "UPDATE forecast_scenarios SET volume_bp = $3, cost_bp = $4 WHERE forecast_id = $1 AND code = $2",
            )
            .bind(id)
            .bind(code)
            .bind(volume_bp)
            .bind(cost_bp)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
        }
        tx.commit().await?;
        Ok(())
    })
}

#[derive(sqlx::FromRow)]
struct WithActual {
    #[sqlx(flatten)]
    row: ForecastRow,
    month: Option<i64>,
    category: Option<String>,
    amount_cents: Option<i64>,
}

/// A forecast with its actuals (by month then category), in one statement.
pub async fn with_actuals(db: &Db, of: Of) -> Result<Option<(ForecastRow, Vec<ActualRow>)>> {
    let (filter, key) = of.filter();
    let sql = format!(
        "SELECT {COLUMNS}, a.month, a.category, a.amount_cents {FROM} \
         LEFT JOIN forecast_actuals a ON a.forecast_id = f.id WHERE {filter} \
         ORDER BY a.month, a.category"
    );
    let rows: Vec<WithActual> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(key).fetch_all(pool).await?);
    let mut actuals = Vec::new();
    let mut first = None;
    for r in rows {
        if let (Some(month), Some(category), Some(amount_cents)) =
            (r.month, r.category, r.amount_cents)
        {
            actuals.push(ActualRow {
                month,
                category,
                amount_cents,
            });
        }
        first.get_or_insert(r.row);
    }
    Ok(first.map(|row| (row, actuals)))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    #[sqlx(flatten)]
    pub version: VersionRow,
    /// The plan, only for the versions asked for and the latest two.
    pub document: Option<String>,
}

/// Every version of a forecast, newest first, with the plans of versions `a` and `b` and of
/// the latest two, in one statement (empty without a forecast).
pub async fn history(db: &Db, of: Of, a: i64, b: i64) -> Result<Vec<HistoryRow>> {
    let (filter, key) = of.filter();
    let sql = format!(
        "SELECT v.version, v.note, v.created_by, v.created_at, u.display_name AS author, \
         CASE WHEN v.version IN ($2, $3) OR v.version >= f.version - 1 THEN v.document END AS document \
         FROM forecast_versions v JOIN forecasts f ON f.id = v.forecast_id \
         LEFT JOIN users u ON u.id = v.created_by \
         WHERE {filter} ORDER BY v.version DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(key).bind(a).bind(b).fetch_all(pool).await?))
}

/// Every centre's own budget with its current plan, by centre.
pub async fn centre_budgets(db: &Db) -> Result<Vec<ForecastRow>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE f.project_id IS NULL ORDER BY f.centre_id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ForecastActualRow {
    pub forecast_id: i64,
    #[sqlx(flatten)]
    pub actual: ActualRow,
}

/// The actuals of every centre's own budget, by forecast, month and category.
pub async fn centre_budget_actuals(db: &Db) -> Result<Vec<ForecastActualRow>> {
    let sql = "SELECT a.forecast_id, a.month, a.category, a.amount_cents FROM forecast_actuals a \
               JOIN forecasts f ON f.id = a.forecast_id WHERE f.project_id IS NULL \
               ORDER BY a.forecast_id, a.month, a.category";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}
