//! Event registrations (issue 17): seats taken in one transaction that locks the event (a row
//! lock on PostgreSQL, the writers' turn on SQLite) so that registrations never exceed the
//! capacity, a waitlist in arrival order where a group waits and moves up together, unconfirmed
//! seats held until a deadline, check-in (a ticket's code is the registration's id signed by
//! the web layer).
use crate::{Db, Result, Tx};
use domain::event::{HOLD_SECS, Status};

/// What a registration request ended as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Registered(i64),
    /// On the waitlist, with how many seats wait ahead of it.
    Waitlisted(i64),
    /// This address already holds or awaits seats for the event.
    Already,
}

/// A change of the seats: what it did and which waiting registrations it moved up (to tell
/// them by e-mail in the same unit of work).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled<T> {
    pub outcome: T,
    pub promoted: Vec<i64>,
}

/// Locks the event for the rest of the transaction, lets past-due holds go and moves up what
/// fits from the waitlist. Returns (capacity, seats taken, promoted ids); `None` when the event
/// does not exist.
async fn settle(tx: &mut Tx, event_id: i64, now: i64) -> Result<Option<(i64, i64, Vec<i64>)>> {
    let lock = match tx {
        Tx::Postgres(_) => "SELECT capacity FROM events WHERE id = $1 FOR UPDATE",
        Tx::Sqlite(..) => "SELECT capacity FROM events WHERE id = $1",
    };
    let capacity: Option<i64> = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(lock).bind(event_id).fetch_optional(e).await?);
    let Some(capacity) = capacity else {
        return Ok(None);
    };
    let sql = "UPDATE event_registrations SET status = 'expired' WHERE event_id = $1 \
               AND status = 'registered' AND confirmed_at IS NULL AND hold_until <= $2";
    on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query(sql).bind(event_id).bind(now).execute(e).await?.rows_affected());
    let sql = "SELECT COALESCE(CAST(SUM(seats) AS BIGINT), 0) FROM event_registrations \
               WHERE event_id = $1 AND status = 'registered'";
    let taken: i64 = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(event_id).fetch_one(e).await?);
    // The waitlist is read only when a seat is free (most registrations find none or no one).
    let waiting: Vec<(i64, i64)> = if taken < capacity {
        let sql = "SELECT id, seats FROM event_registrations WHERE event_id = $1 \
                   AND status = 'waitlisted' ORDER BY id";
        on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_as(sql).bind(event_id).fetch_all(e).await?)
    } else {
        Vec::new()
    };
    let promoted = domain::event::promotions(capacity - taken, &waiting);
    let mut taken = taken;
    for id in &promoted {
        let sql = "UPDATE event_registrations SET status = 'registered', \
                   hold_until = CASE WHEN confirmed_at IS NULL THEN $2 ELSE NULL END \
                   WHERE id = $1 RETURNING seats";
        let seats: i64 = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(id).bind(now + HOLD_SECS).fetch_one(e).await?);
        taken += seats;
    }
    Ok(Some((capacity, taken, promoted)))
}

/// Registers `seats` for a lead: seats when they fit (held until confirmed), the waitlist
/// otherwise. Call inside the change's transaction; `None` when the event does not exist.
pub async fn register(
    tx: &mut Tx,
    event_id: i64,
    lead_id: i64,
    seats: i64,
    now: i64,
) -> Result<Option<Settled<Outcome>>> {
    let Some((capacity, taken, promoted)) = settle(tx, event_id, now).await? else {
        return Ok(None);
    };
    let sql = "SELECT status FROM event_registrations WHERE event_id = $1 AND lead_id = $2";
    let before: Option<String> = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(event_id).bind(lead_id).fetch_optional(e).await?);
    if let Some(status) = &before {
        if Status::parse(status).is_ok_and(Status::active) {
            return Ok(Some(Settled {
                outcome: Outcome::Already,
                promoted,
            }));
        }
        // A cancelled or lapsed registration gives way to the new one.
        let sql = "DELETE FROM event_registrations WHERE event_id = $1 AND lead_id = $2";
        on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query(sql).bind(event_id).bind(lead_id).execute(e).await?.rows_affected());
    }
    let (status, hold) = if taken + seats <= capacity {
        (Status::Registered, Some(now + HOLD_SECS))
    } else {
        (Status::Waitlisted, None)
    };
    let sql = "INSERT INTO event_registrations (event_id, lead_id, created_at, seats, status, \
               hold_until) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let id: i64 = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(event_id)
        .bind(lead_id)
        .bind(now)
        .bind(seats)
        .bind(status.code())
        .bind(hold)
        .fetch_one(e)
        .await?);
    let outcome = match status {
        Status::Registered => Outcome::Registered(id),
        _ => {
            let sql = "SELECT COALESCE(CAST(SUM(seats) AS BIGINT), 0) FROM event_registrations \
                       WHERE event_id = $1 AND status = 'waitlisted' AND id < $2";
            let ahead: i64 = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(event_id).bind(id).fetch_one(e).await?);
            Outcome::Waitlisted(ahead)
        }
    };
    Ok(Some(Settled { outcome, promoted }))
}

/// Cancels a registration that holds or awaits seats, and moves up what fits. `false` when
/// it was already cancelled (or lapsed).
pub async fn cancel(tx: &mut Tx, registration_id: i64, now: i64) -> Result<Settled<bool>> {
    let sql = "SELECT event_id FROM event_registrations WHERE id = $1";
    let event: Option<i64> = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(registration_id).fetch_optional(e).await?);
    let Some(event) = event else {
        return Ok(Settled {
            outcome: false,
            promoted: Vec::new(),
        });
    };
    // The lock first, so the seats counted after it are the ones this change frees.
    settle(tx, event, now).await?;
    let sql = "UPDATE event_registrations SET status = 'cancelled', hold_until = NULL \
               WHERE id = $1 AND status IN ('registered', 'waitlisted')";
    let n = on_exec!(crate::Exec::Tx(&mut *tx), e => sqlx::query(sql).bind(registration_id).execute(e).await?.rows_affected());
    let promoted = match settle(tx, event, now).await? {
        Some((_, _, promoted)) => promoted,
        None => Vec::new(),
    };
    Ok(Settled {
        outcome: n > 0,
        promoted,
    })
}

/// The events where an unconfirmed hold is past due (the job queue's maintenance round then
/// calls [`release`] for each).
pub async fn due_holds(db: &Db, now: i64) -> Result<Vec<i64>> {
    let sql = "SELECT DISTINCT event_id FROM event_registrations WHERE status = 'registered' \
               AND confirmed_at IS NULL AND hold_until <= $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(now).fetch_all(pool).await?))
}

/// Lets an event's past-due holds go and moves up what fits; returns the promoted ids.
pub async fn release(tx: &mut Tx, event_id: i64, now: i64) -> Result<Vec<i64>> {
    Ok(settle(tx, event_id, now)
        .await?
        .map(|(_, _, promoted)| promoted)
        .unwrap_or_default())
}

/// One registration with what a mail, a ticket or the check-in page says about it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Detail {
    pub id: i64,
    pub event_id: i64,
    pub lead_id: i64,
    pub seats: i64,
    #[sqlx(try_from = "String")]
    pub status: Status,
    pub hold_until: Option<i64>,
    pub confirmed_at: Option<i64>,
    pub checked_in_at: Option<i64>,
    pub email: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub locale: domain::Locale,
    pub event_slug: String,
    pub event_title: String,
    pub event_summary: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub online_url: String,
    pub centre_id: Option<i64>,
}

const DETAIL: &str = "SELECT r.id, r.event_id, r.lead_id, r.seats, r.status, r.hold_until, \
     r.confirmed_at, r.checked_in_at, l.email, l.name, l.locale, e.slug AS event_slug, \
     e.title AS event_title, e.summary AS event_summary, e.starts_at, e.ends_at, e.place, \
     e.online_url, e.centre_id FROM event_registrations r JOIN leads l ON l.id = r.lead_id \
     JOIN events e ON e.id = r.event_id";

pub async fn detail<'e>(ex: impl Into<crate::Exec<'e>>, id: i64) -> Result<Option<Detail>> {
    let sql = format!("{DETAIL} WHERE r.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// Every registration of an event, registered first then the waitlist, each in arrival order.
pub async fn of_event(db: &Db, event_id: i64) -> Result<Vec<Detail>> {
    let sql = format!(
        "{DETAIL} WHERE r.event_id = $1 ORDER BY CASE r.status WHEN 'registered' THEN 0 \
         WHEN 'waitlisted' THEN 1 ELSE 2 END, r.id"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(event_id).fetch_all(pool).await?))
}

/// Seats registered and seats waiting for one event.
pub async fn counts(db: &Db, event_id: i64) -> Result<(i64, i64)> {
    let sql = "SELECT \
               COALESCE(CAST(SUM(CASE WHEN status = 'registered' THEN seats ELSE 0 END) AS BIGINT), 0), \
               COALESCE(CAST(SUM(CASE WHEN status = 'waitlisted' THEN seats ELSE 0 END) AS BIGINT), 0) \
               FROM event_registrations WHERE event_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(event_id).fetch_one(pool).await?))
}

/// The lead's registrations confirmed now (their holds end); returns those that hold seats,
/// to send their tickets.
pub async fn confirm_lead<'e>(
    ex: impl Into<crate::Exec<'e>>,
    lead_id: i64,
    now: i64,
) -> Result<Vec<i64>> {
    let sql = "UPDATE event_registrations SET confirmed_at = $2, hold_until = NULL \
               WHERE lead_id = $1 AND confirmed_at IS NULL AND status IN ('registered', 'waitlisted') \
               RETURNING id, status";
    let rows: Vec<(i64, String)> =
        on_exec!(ex.into(), e => sqlx::query_as(sql).bind(lead_id).bind(now).fetch_all(e).await?);
    Ok(rows
        .into_iter()
        .filter(|(_, s)| s == Status::Registered.code())
        .map(|(id, _)| id)
        .collect())
}

/// Marks a registration as arrived; `false` when it was already checked in.
pub async fn check_in(db: &Db, id: i64, now: i64) -> Result<bool> {
    let sql =
        "UPDATE event_registrations SET checked_in_at = $2 WHERE id = $1 AND checked_in_at IS NULL";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(now).execute(pool).await?.rows_affected());
    Ok(n > 0)
}
