//! Bookings of a centre's spaces. A booking is live while it is confirmed, or pending (a paid
//! booking whose order is awaited) before its hold ends. Two live bookings of a space never
//! overlap: [`book_in`] takes the space's turn inside the inserting transaction (the space row
//! locked `FOR UPDATE` on PostgreSQL, so nodes take turns; the writers' turn the `Tx` holds on
//! SQLite) and only then looks for an overlap, so of two requests for one slot the second sees
//! the first.
use crate::{Db, Exec, Result, StoreError, Tx, now};

/// The kind of the orders that pay a booking.
pub const ORDER_KIND: &str = "booking";
/// How long a paid booking holds its slot while its payment is awaited.
pub const HOLD_SECS: i64 = 24 * 3_600;

const LIVE: &str = "(b.status = 'confirmed' OR (b.status = 'pending' AND b.hold_until > $NOW))";

fn live(now_param: &str) -> String {
    LIVE.replace("$NOW", now_param)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Booking {
    pub id: i64,
    pub centre_id: i64,
    pub space_id: i64,
    pub space_name: String,
    pub user_id: Option<i64>,
    pub booker: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub status: String,
    pub hold_until: i64,
    pub purpose: String,
    pub price_cents: i64,
    pub order_id: Option<i64>,
}

impl Booking {
    /// Whether it still holds its slot at `now`.
    pub fn is_live(&self, now: i64) -> bool {
        self.status == "confirmed" || (self.status == "pending" && self.hold_until > now)
    }
}

const BOOKING_SELECT: &str = "SELECT b.id, b.centre_id, b.space_id, s.name AS space_name, b.user_id, \
     COALESCE(u.display_name, '') AS booker, b.starts_at, b.ends_at, b.status, b.hold_until, b.purpose, \
     b.price_cents, b.order_id FROM bookings b JOIN spaces s ON s.id = b.space_id \
     LEFT JOIN users u ON u.id = b.user_id";

pub struct NewBooking<'a> {
    pub centre_id: i64,
    pub space_id: i64,
    pub user_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub purpose: &'a str,
    pub price_cents: i64,
}

/// Books the slot inside the caller's transaction: `Duplicate` when a live booking of the space
/// overlaps it, `NotFound` when the space is not the centre's. A priced booking is pending
/// (held for [`HOLD_SECS`]) until its order is paid; a free one is confirmed at once.
pub async fn book_in(tx: &mut Tx, new: &NewBooking<'_>) -> Result<i64> {
    let now = now();
    let lock = match tx {
        Tx::Postgres(_) => "SELECT id FROM spaces WHERE id = $1 AND centre_id = $2 FOR UPDATE",
        Tx::Sqlite(..) => "SELECT id FROM spaces WHERE id = $1 AND centre_id = $2",
    };
    let found: Option<i64> = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(lock)
        .bind(new.space_id)
        .bind(new.centre_id)
        .fetch_optional(e)
        .await?);
    if found.is_none() {
        return Err(StoreError::NotFound);
    }
    let sql = format!(
        "SELECT COUNT(*) FROM bookings b WHERE b.space_id = $1 AND b.starts_at < $2 \
         AND b.ends_at > $3 AND {}",
        live("$4")
    );
    let taken: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(&sql)
        .bind(new.space_id)
        .bind(new.ends_at)
        .bind(new.starts_at)
        .bind(now)
        .fetch_one(e)
        .await?);
    if taken > 0 {
        return Err(StoreError::Duplicate);
    }
    let (status, hold) = if new.price_cents > 0 {
        ("pending", now + HOLD_SECS)
    } else {
        ("confirmed", 0)
    };
    let sql = "INSERT INTO bookings (centre_id, space_id, user_id, starts_at, ends_at, status, hold_until, purpose, price_cents, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
    Ok(on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(new.centre_id)
        .bind(new.space_id)
        .bind(new.user_id)
        .bind(new.starts_at)
        .bind(new.ends_at)
        .bind(status)
        .bind(hold)
        .bind(new.purpose)
        .bind(new.price_cents)
        .bind(now)
        .fetch_one(e)
        .await?))
}

/// Records the order that pays a booking (awaiting payment) and ties it to the booking.
pub async fn create_order_in(
    tx: &mut Tx,
    booking_id: i64,
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
        .bind(booking_id)
        .fetch_one(e)
        .await?);
    let sql = "UPDATE bookings SET order_id = $1 WHERE id = $2";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(order).bind(booking_id).execute(e).await?.rows_affected());
    Ok(order)
}

/// The order of a booking is paid: the booking is confirmed, unless its hold ran out and the
/// slot was taken meanwhile (it stays pending for the staff to settle). Returns whether it was
/// confirmed now.
pub async fn paid_in(tx: &mut Tx, order_id: i64) -> Result<bool> {
    let sql = format!("{BOOKING_SELECT} WHERE b.order_id = $1 AND b.status = 'pending'");
    let found: Option<Booking> = on_exec!(Exec::from(&mut *tx), e => sqlx::query_as(&sql).bind(order_id).fetch_optional(e).await?);
    let Some(b) = found else {
        return Ok(false);
    };
    let lock = match tx {
        Tx::Postgres(_) => "SELECT id FROM spaces WHERE id = $1 FOR UPDATE",
        Tx::Sqlite(..) => "SELECT id FROM spaces WHERE id = $1",
    };
    on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar::<_, i64>(lock).bind(b.space_id).fetch_optional(e).await?);
    let sql = format!(
        "SELECT COUNT(*) FROM bookings b WHERE b.space_id = $1 AND b.starts_at < $2 \
         AND b.ends_at > $3 AND b.id <> $5 AND {}",
        live("$4")
    );
    let taken: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(&sql)
        .bind(b.space_id)
        .bind(b.ends_at)
        .bind(b.starts_at)
        .bind(now())
        .bind(b.id)
        .fetch_one(e)
        .await?);
    if taken > 0 {
        return Ok(false);
    }
    let sql = "UPDATE bookings SET status = 'confirmed' WHERE id = $1 AND status = 'pending'";
    let n = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(b.id).execute(e).await?.rows_affected());
    Ok(n == 1)
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Booking>> {
    let sql = format!("{BOOKING_SELECT} WHERE b.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// Cancels a booking not cancelled yet; false when it already was.
pub async fn cancel_in(tx: &mut Tx, id: i64, by: i64) -> Result<bool> {
    let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2 \
               WHERE id = $3 AND status <> 'cancelled'";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(now()).bind(by).bind(id).execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// A person's bookings ending after `since`, soonest first, with the centre's slug.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyBooking {
    pub id: i64,
    pub space_name: String,
    pub centre_name: String,
    pub centre_slug: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub status: String,
    pub hold_until: i64,
    pub price_cents: i64,
    pub order_id: Option<i64>,
}

pub async fn mine(db: &Db, user_id: i64, since: i64) -> Result<Vec<MyBooking>> {
    let sql = "SELECT b.id, s.name AS space_name, c.name AS centre_name, c.slug AS centre_slug, \
               b.starts_at, b.ends_at, b.status, b.hold_until, b.price_cents, b.order_id \
               FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN centres c ON c.id = b.centre_id \
               WHERE b.user_id = $1 AND b.ends_at > $2 ORDER BY b.starts_at, b.id LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).bind(since).fetch_all(pool).await?))
}

/// The centre's live bookings meeting `[from, to)`, by start.
pub async fn between(db: &Db, centre_id: i64, from: i64, to: i64) -> Result<Vec<Booking>> {
    let sql = format!(
        "{BOOKING_SELECT} WHERE b.centre_id = $1 AND b.starts_at < $3 AND b.ends_at > $2 AND {} \
         ORDER BY b.starts_at, b.id LIMIT 2000",
        live("$4")
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(centre_id)
        .bind(from)
        .bind(to)
        .bind(now())
        .fetch_all(pool)
        .await?))
}

/// A space's live bookings ending after `since` (its calendar feed).
pub async fn of_space(db: &Db, space_id: i64, since: i64) -> Result<Vec<Booking>> {
    let sql = format!(
        "{BOOKING_SELECT} WHERE b.space_id = $1 AND b.ends_at > $2 AND {} \
         ORDER BY b.starts_at, b.id LIMIT 2000",
        live("$3")
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(space_id)
        .bind(since)
        .bind(now())
        .fetch_all(pool)
        .await?))
}

/// Seconds booked (confirmed) per space of the centre within `[from, to)`.
pub async fn booked_seconds(
    db: &Db,
    centre_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64)>> {
    let sql = "SELECT b.space_id, CAST(SUM((CASE WHEN b.ends_at < $3 THEN b.ends_at ELSE $3 END) - \
               (CASE WHEN b.starts_at > $2 THEN b.starts_at ELSE $2 END)) AS BIGINT) AS secs \
               FROM bookings b WHERE b.centre_id = $1 AND b.status = 'confirmed' \
               AND b.starts_at < $3 AND b.ends_at > $2 GROUP BY b.space_id";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre_id)
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await?))
}

/// How many live bookings a space has that overlap `[from, to)` (tests and the benchmark).
pub async fn count_overlapping(db: &Db, space_id: i64, from: i64, to: i64) -> Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM bookings b WHERE b.space_id = $1 AND b.starts_at < $3 AND b.ends_at > $2 AND {}",
        live("$4")
    );
    Ok(on_db!(db, pool => sqlx::query_scalar(&sql)
        .bind(space_id)
        .bind(from)
        .bind(to)
        .bind(now())
        .fetch_one(pool)
        .await?))
}
