//! Licences of the network: licence models and their versions (never changed once written),
//! each centre's licences (the newest is the one in force), the one check that a centre may
//! still sell (`may_sell`, called by every way a sale is recorded), and royalty statements.
use crate::{Db, Exec, Result, StoreError, Tx, now};
use domain::licence::{Status, Terms};
use time::Date;

pub mod royalties;

/// A licence model's version, as written.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    pub model_id: i64,
    pub version: i64,
    pub name: String,
    pub entry_fee_cents: i64,
    pub yearly_fee_cents: i64,
    pub royalty_bp: i64,
    pub territory: String,
    pub term_years: i64,
    pub benefits: String,
    pub created_at: i64,
}

impl Version {
    pub fn benefit_list(&self) -> Vec<&str> {
        self.benefits
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

const VERSION_COLUMNS: &str = "v.id, v.model_id, v.version, v.name, v.entry_fee_cents, v.yearly_fee_cents, \
     v.royalty_bp, v.territory, v.term_years, v.benefits, v.created_at";

/// Writes a new model (`model_id` None) or a new version of a model: the next version number,
/// the terms copied in. Returns the version's id.
pub async fn write_version(
    tx: &mut Tx,
    model_id: Option<i64>,
    terms: &Terms,
    by: Option<i64>,
) -> Result<i64> {
    let model_id = match model_id {
        Some(id) => id,
        None => {
            let sql = "INSERT INTO licence_models (name, created_at) VALUES ($1, $2) RETURNING id";
            on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql).bind(&terms.name).bind(now()).fetch_one(e).await?)
        }
    };
    let sql = "UPDATE licence_models SET name = $2 WHERE id = $1";
    let n = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(model_id).bind(&terms.name).execute(e).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    let sql = "INSERT INTO licence_model_versions (model_id, version, name, entry_fee_cents, yearly_fee_cents, \
               royalty_bp, territory, term_years, benefits, created_by, created_at) \
               SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10 \
               FROM licence_model_versions WHERE model_id = $1 RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(model_id)
        .bind(&terms.name)
        .bind(terms.entry_fee_cents)
        .bind(terms.yearly_fee_cents)
        .bind(terms.royalty_bp)
        .bind(&terms.territory)
        .bind(terms.term_years)
        .bind(terms.benefits.join("\n"))
        .bind(by)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// Every version of every model, the newest version of each model first.
pub async fn versions(db: &Db) -> Result<Vec<Version>> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM licence_model_versions v ORDER BY v.model_id, v.version DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

pub async fn version<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Version>> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM licence_model_versions v WHERE v.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's licence with its version's terms.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Licence {
    pub id: i64,
    pub centre_id: i64,
    pub centre_slug: String,
    pub centre_name: String,
    pub centre_town: String,
    pub version_id: i64,
    pub model_id: i64,
    pub version: i64,
    pub name: String,
    pub entry_fee_cents: i64,
    pub yearly_fee_cents: i64,
    pub royalty_bp: i64,
    pub territory: String,
    pub term_years: i64,
    pub benefits: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: String,
}

impl Licence {
    pub fn starts(&self) -> Option<Date> {
        domain::tracking::parse_date(&self.starts_on).ok()
    }

    pub fn ends(&self) -> Option<Date> {
        domain::tracking::parse_date(&self.ends_on).ok()
    }

    /// Its status on `today` (expired past its last day).
    pub fn status_on(&self, today: Date) -> Status {
        let stored = Status::parse(&self.status).unwrap_or(Status::Draft);
        match self.ends() {
            Some(end) => domain::licence::status(stored, end, today),
            None => stored,
        }
    }

    pub fn benefit_list(&self) -> Vec<&str> {
        self.benefits
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

const LICENCE_SELECT: &str = "SELECT l.id, l.centre_id, c.slug AS centre_slug, c.name AS centre_name, \
     c.town AS centre_town, l.version_id, v.model_id, v.version, v.name, v.entry_fee_cents, \
     v.yearly_fee_cents, v.royalty_bp, v.territory, v.term_years, v.benefits, l.starts_on, l.ends_on, l.status \
     FROM licences l JOIN licence_model_versions v ON v.id = l.version_id JOIN centres c ON c.id = l.centre_id";

/// Grants a centre a licence on a model version, as a draft until its contract is signed.
pub async fn grant(
    tx: &mut Tx,
    centre_id: i64,
    version_id: i64,
    starts_on: &str,
    ends_on: &str,
    by: Option<i64>,
) -> Result<i64> {
    let sql = "INSERT INTO licences (centre_id, version_id, starts_on, ends_on, status, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(version_id)
        .bind(starts_on)
        .bind(ends_on)
        .bind(by)
        .bind(now())
        .fetch_one(e)
        .await?))
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Licence>> {
    let sql = format!("{LICENCE_SELECT} WHERE l.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's licences, the newest (the one in force) first.
pub async fn of_centre<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Vec<Licence>> {
    let sql = format!("{LICENCE_SELECT} WHERE l.centre_id = $1 ORDER BY l.id DESC");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).fetch_all(e).await?))
}

/// Every centre's licences (the network's page), by centre, the newest first.
pub async fn all(db: &Db) -> Result<Vec<Licence>> {
    let sql = format!("{LICENCE_SELECT} ORDER BY c.name, l.id DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// Moves a licence from one stored status to another (activate, suspend, resume); false when
/// it was no longer at `from`.
pub async fn set_status(tx: &mut Tx, id: i64, from: Status, to: Status) -> Result<bool> {
    let sql = "UPDATE licences SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql)
        .bind(id)
        .bind(from.code())
        .bind(to.code())
        .bind(now())
        .execute(e)
        .await?.rows_affected());
    Ok(n == 1)
}

/// Today in Paris, as licences count their days.
pub fn today() -> Date {
    domain::time_zone::to_paris(now()).date()
}

/// The message key of the refusal of a new sale under a suspended or expired licence.
pub const SALES_BLOCKED: &str = "licence-sales-blocked";

/// The one check before any new sale of a centre (a paid order, an offer opened to sales): the
/// centre's licence in force (its newest) must not be suspended or expired. A centre with no
/// licence (the studio itself) sells freely. Refused with `StoreError::Refused`.
pub async fn may_sell<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<()> {
    let sql = "SELECT status, ends_on FROM licences WHERE centre_id = $1 ORDER BY id DESC LIMIT 1";
    let row: Option<(String, String)> =
        on_exec!(ex.into(), e => sqlx::query_as(sql).bind(centre_id).fetch_optional(e).await?);
    let Some((status, ends_on)) = row else {
        return Ok(());
    };
    let stored = Status::parse(&status).unwrap_or(Status::Draft);
    let status = match domain::tracking::parse_date(&ends_on) {
        Ok(end) => domain::licence::status(stored, end, today()),
        Err(_) => stored,
    };
    if status.may_sell() {
        Ok(())
    } else {
        Err(StoreError::Refused(SALES_BLOCKED))
    }
}
