//! Equipment: the network's standard list and each centre's inventory lines (migration 0031).
//! A line taken from the standard list keeps its `standard_id` (taken once per centre); a line
//! sent to the centre's budget keeps the forecast and the time (sent once).
use crate::{Db, Exec, Result, StoreError, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StandardItem {
    pub id: i64,
    pub name: String,
    pub supplier: String,
    pub unit_price_cents: i64,
    pub quantity: i64,
    pub depreciation_years: Option<i64>,
    pub position: i64,
}

/// What a line (or a standard item) holds, already checked by `domain::equipment`.
#[derive(Debug, Clone)]
pub struct LineInput<'a> {
    pub name: &'a str,
    pub supplier: &'a str,
    pub unit_price_cents: i64,
    pub quantity: i64,
    pub status: &'a str,
    pub space_id: Option<i64>,
    pub depreciation_years: Option<i64>,
}

const STANDARD_COLUMNS: &str =
    "id, name, supplier, unit_price_cents, quantity, depreciation_years, position";

/// The standard list, in its order.
pub async fn standard(db: &Db) -> Result<Vec<StandardItem>> {
    let sql = format!(
        "SELECT {STANDARD_COLUMNS} FROM standard_equipment ORDER BY position, name LIMIT 500"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

pub async fn standard_item(db: &Db, id: i64) -> Result<Option<StandardItem>> {
    let sql = format!("SELECT {STANDARD_COLUMNS} FROM standard_equipment WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// Adds an item at the end of the standard list (`Duplicate` for a name already there).
pub async fn add_standard<'e>(ex: impl Into<Exec<'e>>, item: &LineInput<'_>) -> Result<i64> {
    let sql = "INSERT INTO standard_equipment \
               (name, supplier, unit_price_cents, quantity, depreciation_years, position, created_at) \
               VALUES ($1, $2, $3, $4, $5, \
               (SELECT COALESCE(MAX(position), 0) + 1 FROM standard_equipment), $6) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(item.name)
        .bind(item.supplier)
        .bind(item.unit_price_cents)
        .bind(item.quantity)
        .bind(item.depreciation_years)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// Changes a standard item (`NotFound` when gone, `Duplicate` for a name taken).
pub async fn update_standard(db: &Db, id: i64, item: &LineInput<'_>) -> Result<()> {
    let sql = "UPDATE standard_equipment SET name = $2, supplier = $3, unit_price_cents = $4, \
               quantity = $5, depreciation_years = $6 WHERE id = $1";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(item.name)
        .bind(item.supplier)
        .bind(item.unit_price_cents)
        .bind(item.quantity)
        .bind(item.depreciation_years)
        .execute(pool)
        .await?
        .rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Removes a standard item (the centres' lines taken from it stay, no longer tied to it).
pub async fn delete_standard(db: &Db, id: i64) -> Result<bool> {
    let sql = "DELETE FROM standard_equipment WHERE id = $1";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Line {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub supplier: String,
    pub unit_price_cents: i64,
    pub quantity: i64,
    pub status: String,
    pub space_id: Option<i64>,
    /// The space's name, when the line lives in one.
    pub space_name: Option<String>,
    pub depreciation_years: Option<i64>,
    pub standard_id: Option<i64>,
    pub transferred_at: Option<i64>,
}

const LINE_SELECT: &str = "SELECT e.id, e.centre_id, e.name, e.supplier, e.unit_price_cents, \
     e.quantity, e.status, e.space_id, s.name AS space_name, e.depreciation_years, e.standard_id, \
     e.transferred_at FROM equipment_items e LEFT JOIN spaces s ON s.id = e.space_id";

/// A centre's lines, by space then name (one statement).
pub async fn lines<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Vec<Line>> {
    let sql =
        format!("{LINE_SELECT} WHERE e.centre_id = $1 ORDER BY s.name, e.name, e.id LIMIT 5000");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).fetch_all(e).await?))
}

/// One line of the centre (None for a line of another centre).
pub async fn line(db: &Db, centre_id: i64, id: i64) -> Result<Option<Line>> {
    let sql = format!("{LINE_SELECT} WHERE e.id = $1 AND e.centre_id = $2");
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(centre_id).fetch_optional(pool).await?),
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Space {
    pub id: i64,
    pub name: String,
}

/// The centre's spaces, by name.
pub async fn spaces(db: &Db, centre_id: i64) -> Result<Vec<Space>> {
    let sql = "SELECT id, name FROM spaces WHERE centre_id = $1 ORDER BY name LIMIT 500";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Whether the space belongs to the centre.
async fn space_in_centre(tx: &mut Tx, centre_id: i64, space_id: Option<i64>) -> Result<bool> {
    let Some(space_id) = space_id else {
        return Ok(true);
    };
    let sql = "SELECT COUNT(*) FROM spaces WHERE id = $1 AND centre_id = $2";
    let n: i64 = on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql).bind(space_id).bind(centre_id).fetch_one(e).await?);
    Ok(n == 1)
}

/// Adds a line to the centre (`NotFound` for a space of another centre).
pub async fn add(db: &Db, centre_id: i64, line: &LineInput<'_>) -> Result<i64> {
    let mut tx = db.begin().await?;
    if !space_in_centre(&mut tx, centre_id, line.space_id).await? {
        return Err(StoreError::NotFound);
    }
    let now = now();
    let sql = "INSERT INTO equipment_items (centre_id, name, supplier, unit_price_cents, quantity, \
               status, space_id, depreciation_years, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id";
    let id: i64 = on_exec!(Exec::from(&mut tx), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(line.name)
        .bind(line.supplier)
        .bind(line.unit_price_cents)
        .bind(line.quantity)
        .bind(line.status)
        .bind(line.space_id)
        .bind(line.depreciation_years)
        .bind(now)
        .fetch_one(e)
        .await?);
    tx.commit().await?;
    Ok(id)
}

/// Changes a line of the centre (`NotFound` when it is not the centre's, or its space is not).
pub async fn update(db: &Db, centre_id: i64, id: i64, line: &LineInput<'_>) -> Result<()> {
    let mut tx = db.begin().await?;
    if !space_in_centre(&mut tx, centre_id, line.space_id).await? {
        return Err(StoreError::NotFound);
    }
    let sql = "UPDATE equipment_items SET name = $3, supplier = $4, unit_price_cents = $5, \
               quantity = $6, status = $7, space_id = $8, depreciation_years = $9, updated_at = $10 \
               WHERE id = $1 AND centre_id = $2";
    let n = on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
        .bind(id)
        .bind(centre_id)
        .bind(line.name)
        .bind(line.supplier)
        .bind(line.unit_price_cents)
        .bind(line.quantity)
        .bind(line.status)
        .bind(line.space_id)
        .bind(line.depreciation_years)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Removes a line of the centre.
pub async fn delete(db: &Db, centre_id: i64, id: i64) -> Result<bool> {
    let sql = "DELETE FROM equipment_items WHERE id = $1 AND centre_id = $2";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// Copies the standard list into the centre's inventory, status « to buy », each standard item
/// once (items taken before are skipped). Returns the number of lines added.
pub async fn start_from_standard(db: &Db, centre_id: i64) -> Result<u64> {
    let sql = "INSERT INTO equipment_items (centre_id, name, supplier, unit_price_cents, quantity, \
               status, depreciation_years, standard_id, created_at, updated_at) \
               SELECT $1, s.name, s.supplier, s.unit_price_cents, s.quantity, 'to_buy', \
               s.depreciation_years, s.id, $2, $2 FROM standard_equipment s \
               WHERE NOT EXISTS (SELECT 1 FROM equipment_items e \
               WHERE e.centre_id = $1 AND (e.standard_id = s.id OR e.name = s.name)) \
               ORDER BY s.position, s.name \
               ON CONFLICT (centre_id, standard_id) DO NOTHING";
    Ok(
        on_db!(db, pool => sqlx::query(sql).bind(centre_id).bind(now()).execute(pool).await?.rows_affected()),
    )
}

/// Marks the lines sent to the forecast, inside the transfer's unit of work: `AlreadyDone` when
/// any of them was sent already (or is not the centre's), so the whole transfer rolls back.
pub async fn mark_transferred_in(
    tx: &mut Tx,
    centre_id: i64,
    forecast_id: i64,
    ids: &[i64],
) -> Result<()> {
    let now = now();
    for id in ids {
        let sql = "UPDATE equipment_items SET forecast_id = $3, transferred_at = $4, updated_at = $4 \
                   WHERE id = $1 AND centre_id = $2 AND transferred_at IS NULL";
        let n = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
            .bind(id)
            .bind(centre_id)
            .bind(forecast_id)
            .bind(now)
            .execute(e)
            .await?
            .rows_affected());
        if n != 1 {
            return Err(StoreError::AlreadyDone);
        }
    }
    Ok(())
}

/// A space of the centre made if missing (the demo's two rooms; the spaces pages own the rest).
/// Returns its id.
pub async fn ensure_space(
    db: &Db,
    centre_id: i64,
    name: &str,
    kind: &str,
    capacity: i64,
    area_dm2: i64,
) -> Result<i64> {
    let insert = "INSERT INTO spaces (centre_id, name, kind, capacity, area_dm2, bookable, created_at) \
                  VALUES ($1, $2, $3, $4, $5, TRUE, $6) ON CONFLICT (centre_id, name) DO NOTHING";
    on_db!(db, pool => {
        sqlx::query(insert)
            .bind(centre_id)
            .bind(name)
            .bind(kind)
            .bind(capacity)
            .bind(area_dm2)
            .bind(now())
            .execute(pool)
            .await?;
    });
    let select = "SELECT id FROM spaces WHERE centre_id = $1 AND name = $2";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(select).bind(centre_id).bind(name).fetch_one(pool).await?),
    )
}
