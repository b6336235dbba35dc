//! Donations: given online (an order of kind `donation` whose subject is the donation,
//! received when the order is paid) or recorded by a centre's manager (cheque, transfer, cash:
//! received at once).
use crate::{Db, Exec, Result, Tx, now};

/// The kind of the orders that pay a donation.
pub const ORDER_KIND: &str = "donation";
pub const PENDING: &str = "pending";
pub const RECEIVED: &str = "received";
/// Paid, then refunded by the provider: no tax receipt for it.
pub const REFUNDED: &str = "refunded";

/// A donation to record.
#[derive(Debug, Clone, Default)]
pub struct NewDonation {
    pub centre_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    pub amount_cents: i64,
    pub method: String,
    /// `pending` (paid online later) or `received`.
    pub status: String,
    /// YYYY-MM-DD when received.
    pub received_on: String,
    pub recorded_by: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Donation {
    pub id: i64,
    pub centre_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    pub amount_cents: i64,
    pub method: String,
    pub status: String,
    pub received_on: String,
    pub order_id: Option<i64>,
    pub receipt_id: Option<i64>,
}

impl Donation {
    /// The donor's address on one line per part, as a receipt prints it.
    pub fn full_address(&self) -> String {
        let town = format!("{} {}", self.postcode.trim(), self.town.trim());
        [self.address.trim(), town.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

const COLUMNS: &str = "id, centre_id, user_id, name, email, address, postcode, town, amount_cents, method, \
     status, received_on, order_id, receipt_id";

pub async fn create_in(tx: &mut Tx, d: &NewDonation) -> Result<i64> {
    let sql = "INSERT INTO donations (centre_id, user_id, name, email, address, postcode, town, amount_cents, \
               method, status, received_on, recorded_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(d.centre_id)
        .bind(d.user_id)
        .bind(&d.name)
        .bind(&d.email)
        .bind(&d.address)
        .bind(&d.postcode)
        .bind(&d.town)
        .bind(d.amount_cents)
        .bind(&d.method)
        .bind(&d.status)
        .bind(&d.received_on)
        .bind(d.recorded_by)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// Records the order that pays a donation online and ties it to the donation.
pub async fn create_order_in(
    tx: &mut Tx,
    donation_id: i64,
    centre_id: i64,
    user_id: i64,
    label: &str,
    amount_cents: i64,
) -> Result<i64> {
    let sql = "INSERT INTO orders (centre_id, user_id, amount_cents, status, created_at, kind, label, subject_id) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    let order: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(user_id)
        .bind(amount_cents)
        .bind(crate::offers::AWAITING_PAYMENT)
        .bind(now())
        .bind(ORDER_KIND)
        .bind(label)
        .bind(donation_id)
        .fetch_one(e)
        .await?);
    let sql = "UPDATE donations SET order_id = $1 WHERE id = $2";
    on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(order).bind(donation_id).execute(e).await?.rows_affected());
    Ok(order)
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Donation>> {
    let sql = format!("SELECT {COLUMNS} FROM donations WHERE id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// The donation an order pays, if it is a donation's order.
pub async fn of_order<'e>(ex: impl Into<Exec<'e>>, order_id: i64) -> Result<Option<Donation>> {
    let sql = format!("SELECT {COLUMNS} FROM donations WHERE order_id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(order_id).fetch_optional(e).await?))
}

/// Marks a pending donation received on `day` by `method`; false when it was not pending.
pub async fn receive_in(tx: &mut Tx, id: i64, day: &str, method: &str) -> Result<bool> {
    let sql = "UPDATE donations SET status = 'received', received_on = $1, method = $2 \
               WHERE id = $3 AND status = 'pending'";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(day).bind(method).bind(id).execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// Marks the gift of a refunded order refunded (no receipt for it); false when there is none or
/// it was refunded already.
pub async fn refund_in(tx: &mut Tx, order_id: i64) -> Result<bool> {
    let sql =
        "UPDATE donations SET status = 'refunded' WHERE order_id = $1 AND status <> 'refunded'";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(order_id).execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// A centre's donations, the newest first (`received_only`: the gifts received).
pub async fn list(db: &Db, centre_id: i64, received_only: bool) -> Result<Vec<Donation>> {
    let filter = if received_only {
        " AND status = 'received'"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM donations WHERE centre_id = $1{filter} \
         ORDER BY received_on DESC, id DESC LIMIT 5000"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// A donor's received gifts of a centre (by e-mail), for their yearly receipt.
pub async fn of_donor<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    email: &str,
) -> Result<Vec<Donation>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM donations WHERE centre_id = $1 AND email = $2 AND status = 'received' \
         ORDER BY received_on, id"
    );
    Ok(
        on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).bind(email).fetch_all(e).await?),
    )
}
