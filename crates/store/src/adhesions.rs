//! Memberships (adhésions): each centre's plans and its members, one row per person and centre
//! whose period a paid order (kind `membership`, subject: the adhesion) or a free plan extends.
//! Dates are `YYYY-MM-DD` (the web crate computes them with `domain::membership`).
use crate::{Db, Exec, Result, Tx, now};

/// The kind of the orders that pay a membership.
pub const ORDER_KIND: &str = "membership";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Plan {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub price_cents: i64,
    pub active: i64,
}

const PLAN_COLUMNS: &str = "id, centre_id, name, price_cents, active";

/// A centre's plans, the active ones first, by price.
pub async fn plans(db: &Db, centre_id: i64) -> Result<Vec<Plan>> {
    let sql = format!(
        "SELECT {PLAN_COLUMNS} FROM adhesion_plans WHERE centre_id = $1 \
         ORDER BY active DESC, price_cents, name LIMIT 100"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

pub async fn plan<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Plan>> {
    let sql = format!("SELECT {PLAN_COLUMNS} FROM adhesion_plans WHERE id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// Adds a plan; `Duplicate` when the centre has one of that name.
pub async fn add_plan(db: &Db, centre_id: i64, name: &str, price_cents: i64) -> Result<i64> {
    let sql = "INSERT INTO adhesion_plans (centre_id, name, price_cents, created_at) \
               VALUES ($1, $2, $3, $4) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(name)
        .bind(price_cents)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Opens or closes a plan to new members (its members keep it).
pub async fn set_plan_active(db: &Db, centre_id: i64, id: i64, active: bool) -> Result<bool> {
    let sql = "UPDATE adhesion_plans SET active = $1 WHERE id = $2 AND centre_id = $3";
    let n = on_db!(db, pool => sqlx::query(sql).bind(i64::from(active)).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Adhesion {
    pub id: i64,
    pub centre_id: i64,
    pub plan_id: i64,
    pub plan_name: String,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub starts_on: String,
    pub ends_on: String,
}

const ADHESION_SELECT: &str = "SELECT a.id, a.centre_id, a.plan_id, p.name AS plan_name, a.user_id, a.name, \
     a.email, a.starts_on, a.ends_on FROM adhesions a JOIN adhesion_plans p ON p.id = a.plan_id";

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Adhesion>> {
    let sql = format!("{ADHESION_SELECT} WHERE a.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's members, by name.
pub async fn members(db: &Db, centre_id: i64) -> Result<Vec<Adhesion>> {
    let sql = format!("{ADHESION_SELECT} WHERE a.centre_id = $1 ORDER BY a.name, a.id LIMIT 5000");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// The person's adhesion to the centre (by e-mail), created if new; the plan chosen and the
/// name typed are kept, the period is left as it is.
pub async fn upsert_in(
    tx: &mut Tx,
    centre_id: i64,
    plan_id: i64,
    user_id: Option<i64>,
    name: &str,
    email: &str,
) -> Result<i64> {
    let sql = "INSERT INTO adhesions (centre_id, plan_id, user_id, name, email, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (centre_id, email) DO UPDATE SET \
               plan_id = excluded.plan_id, name = excluded.name, \
               user_id = COALESCE(excluded.user_id, adhesions.user_id) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(plan_id)
        .bind(user_id)
        .bind(name)
        .bind(email)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// Sets the adhesion's period (after a payment or a free plan).
pub async fn set_period_in(tx: &mut Tx, id: i64, starts_on: &str, ends_on: &str) -> Result<()> {
    let sql = "UPDATE adhesions SET starts_on = $1, ends_on = $2 WHERE id = $3";
    on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(starts_on).bind(ends_on).bind(id).execute(e).await?.rows_affected());
    Ok(())
}

/// Records the order that pays a membership, awaiting payment; refused (`Refused`) when the
/// centre's licence is suspended or expired (`licences::may_sell`).
pub async fn create_order_in(
    tx: &mut Tx,
    a: &Adhesion,
    user_id: i64,
    label: &str,
    amount_cents: i64,
) -> Result<i64> {
    crate::licences::may_sell(&mut *tx, a.centre_id).await?;
    let sql = "INSERT INTO orders (centre_id, user_id, amount_cents, status, created_at, kind, label, subject_id) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(a.centre_id)
        .bind(user_id)
        .bind(amount_cents)
        .bind(crate::offers::AWAITING_PAYMENT)
        .bind(now())
        .bind(ORDER_KIND)
        .bind(label)
        .bind(a.id)
        .fetch_one(e)
        .await?))
}

/// The adhesion an order pays, when it is a membership order.
pub async fn of_order<'e>(ex: impl Into<Exec<'e>>, order_id: i64) -> Result<Option<Adhesion>> {
    let sql = format!(
        "{ADHESION_SELECT} JOIN orders o ON o.subject_id = a.id AND o.kind = '{ORDER_KIND}' \
         WHERE o.id = $1"
    );
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(order_id).fetch_optional(e).await?))
}

/// The adhesion's order still awaiting payment, if any (joining twice pays one order).
pub async fn open_order<'e>(ex: impl Into<Exec<'e>>, adhesion_id: i64) -> Result<Option<i64>> {
    let sql = format!(
        "SELECT id FROM orders WHERE kind = '{ORDER_KIND}' AND subject_id = $1 \
         AND status = 'awaiting_payment' ORDER BY id DESC LIMIT 1"
    );
    Ok(
        on_exec!(ex.into(), e => sqlx::query_scalar(&sql).bind(adhesion_id).fetch_optional(e).await?),
    )
}
