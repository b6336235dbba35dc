//! The prospecting pipeline of a centre: the stages it names (the defaults are made on first
//! use) and the deals on them, with amounts and expected dates.
use crate::{Db, Result};
use domain::crm::{DEFAULT_STAGES, DealKind};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Stage {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub position: i64,
}

/// The centre's stages in order; the default ones are made first when it has none.
pub async fn stages(db: &Db, centre: i64) -> Result<Vec<Stage>> {
    let sql = "SELECT id, centre_id, name, position FROM pipeline_stages WHERE centre_id = $1 ORDER BY position";
    let found: Vec<Stage> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?);
    if !found.is_empty() {
        return Ok(found);
    }
    let mut tx = db.begin().await?;
    for (i, name) in DEFAULT_STAGES.iter().enumerate() {
        let insert = "INSERT INTO pipeline_stages (centre_id, name, position) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING";
        on_exec!(crate::Exec::from(&mut tx), e => sqlx::query(insert)
            .bind(centre).bind(*name).bind(i as i64).execute(e).await?.rows_affected());
    }
    tx.commit().await?;
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?))
}

/// Adds a stage at the end.
pub async fn add_stage(db: &Db, centre: i64, name: &str) -> Result<i64> {
    let sql = "INSERT INTO pipeline_stages (centre_id, name, position) \
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM pipeline_stages WHERE centre_id = $1)) \
         RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(centre).bind(name).fetch_one(pool).await?))
}

pub async fn rename_stage(db: &Db, id: i64, name: &str) -> Result<()> {
    let sql = "UPDATE pipeline_stages SET name = $2 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql).bind(id).bind(name).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn stage(db: &Db, id: i64) -> Result<Option<Stage>> {
    let sql = "SELECT id, centre_id, name, position FROM pipeline_stages WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

#[derive(Debug, Clone)]
pub struct DealFields {
    pub kind: DealKind,
    pub title: String,
    pub organisation_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub amount_cents: i64,
    /// `YYYY-MM-DD`.
    pub expected_on: Option<String>,
    pub stage_id: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Deal {
    pub id: i64,
    pub centre_id: i64,
    pub stage_id: i64,
    pub stage: String,
    #[sqlx(try_from = "String")]
    pub kind: DealKind,
    pub title: String,
    pub organisation_id: Option<i64>,
    pub organisation: Option<String>,
    pub contact_id: Option<i64>,
    pub contact: Option<String>,
    pub amount_cents: i64,
    pub expected_on: Option<String>,
    pub updated_at: i64,
}

const DEAL_COLUMNS: &str = "d.id, d.centre_id, d.stage_id, s.name AS stage, d.kind, d.title, d.organisation_id, \
     o.name AS organisation, d.contact_id, c.name AS contact, d.amount_cents, d.expected_on, d.updated_at";
const DEAL_FROM: &str = "deals d JOIN pipeline_stages s ON s.id = d.stage_id \
     LEFT JOIN organisations o ON o.id = d.organisation_id \
     LEFT JOIN contacts c ON c.id = d.contact_id";

pub async fn create_deal(db: &Db, centre: i64, f: &DealFields, now: i64) -> Result<i64> {
    let sql = "INSERT INTO deals (centre_id, stage_id, kind, title, organisation_id, contact_id, amount_cents, \
         expected_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre)
        .bind(f.stage_id)
        .bind(f.kind.code())
        .bind(&f.title)
        .bind(f.organisation_id)
        .bind(f.contact_id)
        .bind(f.amount_cents)
        .bind(&f.expected_on)
        .bind(now)
        .fetch_one(pool)
        .await?))
}

pub async fn deal(db: &Db, id: i64) -> Result<Option<Deal>> {
    let sql = format!("SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE d.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// Every deal of a centre, by expected date then title (the board groups them by stage).
pub async fn deals(db: &Db, centre: i64) -> Result<Vec<Deal>> {
    let sql = format!(
        "SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE d.centre_id = $1 \
         ORDER BY CASE WHEN d.expected_on IS NULL THEN 1 ELSE 0 END, d.expected_on, d.title, d.id LIMIT 2000"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre).fetch_all(pool).await?))
}

/// The deals tied to a person (directly or through their organisation).
pub async fn deals_of_person(db: &Db, person: i64, organisation: Option<i64>) -> Result<Vec<Deal>> {
    let sql = format!(
        "SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE d.contact_id = $1 OR d.organisation_id = $2 \
         ORDER BY d.updated_at DESC, d.id DESC LIMIT 50"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(person).bind(organisation.unwrap_or(0)).fetch_all(pool).await?),
    )
}

/// Moves a deal to a stage of the same centre; false when the stage is another centre's.
pub async fn move_deal(db: &Db, id: i64, stage_id: i64, now: i64) -> Result<bool> {
    let sql = "UPDATE deals SET stage_id = $2, updated_at = $3 WHERE id = $1 \
         AND EXISTS (SELECT 1 FROM pipeline_stages s WHERE s.id = $2 AND s.centre_id = deals.centre_id)";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(stage_id).bind(now).execute(pool).await?.rows_affected());
    Ok(n == 1)
}
