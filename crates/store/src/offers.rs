//! A centre's offers (its catalogue), the applications to them with staff notes and scores,
//! and the orders a paid offer records for the billing to turn into invoices.
use crate::{Db, Exec, Result, StoreError, now};
use domain::offer::Status;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Offer {
    pub id: i64,
    pub centre_id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub format: String,
    pub duration: String,
    pub price_cents: i64,
    pub capacity: i64,
    pub sessions: i64,
    pub coaching_hours: i64,
    pub learning_path: String,
    pub questions: String,
    pub is_open: i64,
    pub position: i64,
    pub centre_name: String,
    pub centre_slug: String,
    /// Applications accepted so far.
    pub accepted: i64,
}

impl Offer {
    pub fn open(&self) -> bool {
        self.is_open != 0
    }

    /// Whether every seat is taken (a capacity of 0 has no limit).
    pub fn full(&self) -> bool {
        self.capacity > 0 && self.accepted >= self.capacity
    }
}

const SELECT: &str = "SELECT o.id, o.centre_id, o.slug, o.title, o.description, o.format, o.duration, \
    o.price_cents, o.capacity, o.sessions, o.coaching_hours, o.learning_path, o.questions, o.is_open, \
    o.position, c.name AS centre_name, c.slug AS centre_slug, \
    (SELECT COUNT(*) FROM applications a WHERE a.offer_id = o.id AND a.status = 'accepted') AS accepted \
    FROM offers o JOIN centres c ON c.id = o.centre_id";

/// What staff type in an offer's form.
#[derive(Debug, Clone, Default)]
pub struct OfferFields {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub format: String,
    pub duration: String,
    pub price_cents: i64,
    pub capacity: i64,
    pub sessions: i64,
    pub coaching_hours: i64,
    pub learning_path: String,
    pub questions: String,
    pub open: bool,
    pub position: i64,
}

/// A new offer (`Duplicate` when the centre has one at that address already). Opening it is a
/// new sale offered: refused (`Refused`) under a suspended or expired licence.
pub async fn create(db: &Db, centre_id: i64, f: &OfferFields) -> Result<i64> {
    if f.open {
        crate::licences::may_sell(db, centre_id).await?;
    }
    let sql = "INSERT INTO offers (centre_id, slug, title, description, format, duration, price_cents, \
               capacity, sessions, coaching_hours, learning_path, questions, is_open, position, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(&f.slug)
        .bind(&f.title)
        .bind(&f.description)
        .bind(&f.format)
        .bind(&f.duration)
        .bind(f.price_cents)
        .bind(f.capacity)
        .bind(f.sessions)
        .bind(f.coaching_hours)
        .bind(&f.learning_path)
        .bind(&f.questions)
        .bind(i64::from(f.open))
        .bind(f.position)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

/// Saves an offer. Opening a closed offer is a new sale offered: refused (`Refused`) under a
/// suspended or expired licence; an offer already open stays editable.
pub async fn update(db: &Db, id: i64, f: &OfferFields) -> Result<()> {
    if f.open {
        let sql = "SELECT centre_id, is_open FROM offers WHERE id = $1";
        let row: Option<(i64, i64)> =
            on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?);
        if let Some((centre_id, 0)) = row {
            crate::licences::may_sell(db, centre_id).await?;
        }
    }
    let sql = "UPDATE offers SET slug = $2, title = $3, description = $4, format = $5, duration = $6, \
               price_cents = $7, capacity = $8, sessions = $9, coaching_hours = $10, learning_path = $11, \
               questions = $12, is_open = $13, position = $14 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(&f.slug)
        .bind(&f.title)
        .bind(&f.description)
        .bind(&f.format)
        .bind(&f.duration)
        .bind(f.price_cents)
        .bind(f.capacity)
        .bind(f.sessions)
        .bind(f.coaching_hours)
        .bind(&f.learning_path)
        .bind(&f.questions)
        .bind(i64::from(f.open))
        .bind(f.position)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Offer>> {
    let sql = format!("{SELECT} WHERE o.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// An offer at its public address (`/offres/{centre}/{slug}`).
pub async fn find_by_slug(db: &Db, centre_slug: &str, slug: &str) -> Result<Option<Offer>> {
    let sql = format!("{SELECT} WHERE c.slug = $1 AND o.slug = $2");
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre_slug).bind(slug).fetch_optional(pool).await?),
    )
}

/// A centre's offers, open or not, in their order.
pub async fn for_centre(db: &Db, centre_id: i64) -> Result<Vec<Offer>> {
    let sql = format!("{SELECT} WHERE o.centre_id = $1 ORDER BY o.position, o.id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// Copies some of one centre's offers into another, closed (its managers open each when they
/// are ready to take applications), in the caller's unit of work; an offer whose address the
/// centre uses already is left out. Returns how many were copied.
pub async fn copy_into(tx: &mut crate::Tx, from: i64, to: i64, ids: &[i64]) -> Result<i64> {
    let sql = "INSERT INTO offers (centre_id, slug, title, description, format, duration, price_cents, \
               capacity, sessions, coaching_hours, learning_path, questions, is_open, position, created_at) \
               SELECT $1, slug, title, description, format, duration, price_cents, capacity, sessions, \
               coaching_hours, learning_path, questions, 0, position, $2 FROM offers \
               WHERE centre_id = $3 AND id = $4 ON CONFLICT (centre_id, slug) DO NOTHING";
    let at = now();
    let mut copied = 0;
    for id in ids {
        copied += on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
            .bind(to)
            .bind(at)
            .bind(from)
            .bind(*id)
            .execute(e)
            .await?
            .rows_affected());
    }
    Ok(i64::try_from(copied).unwrap_or(i64::MAX))
}

/// The open offers of every centre: the public catalogue.
pub async fn catalogue(db: &Db) -> Result<Vec<Offer>> {
    let sql = format!("{SELECT} WHERE o.is_open = 1 ORDER BY o.position, o.centre_id, o.id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub id: i64,
    pub offer_id: i64,
    pub centre_id: i64,
    pub user_id: i64,
    #[sqlx(try_from = "String")]
    pub status: Status,
    pub motivation: String,
    pub answers: String,
    pub scores: String,
    pub score: i64,
    pub cohort_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub offer_title: String,
    pub price_cents: i64,
    pub user_name: String,
    pub user_email: String,
    pub user_locale: String,
    pub cohort_name: Option<String>,
}

const APPLICATION: &str = "SELECT a.id, a.offer_id, a.centre_id, a.user_id, a.status, a.motivation, \
    a.answers, a.scores, a.score, a.cohort_id, a.created_at, a.updated_at, o.title AS offer_title, \
    o.price_cents, u.display_name AS user_name, u.email AS user_email, u.locale AS user_locale, \
    h.name AS cohort_name \
    FROM applications a JOIN offers o ON o.id = a.offer_id JOIN users u ON u.id = a.user_id \
    LEFT JOIN cohorts h ON h.id = a.cohort_id";

/// Records an application (`Duplicate` when this person applied to this offer already).
pub async fn apply<'e>(
    ex: impl Into<Exec<'e>>,
    offer: &Offer,
    user_id: i64,
    motivation: &str,
    answers: &str,
) -> Result<i64> {
    let now = now();
    let sql = "INSERT INTO applications (offer_id, centre_id, user_id, status, motivation, answers, \
               created_at, updated_at) VALUES ($1, $2, $3, 'received', $4, $5, $6, $6) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(offer.id)
        .bind(offer.centre_id)
        .bind(user_id)
        .bind(motivation)
        .bind(answers)
        .bind(now)
        .fetch_one(e)
        .await?))
}

pub async fn application<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Application>> {
    let sql = format!("{APPLICATION} WHERE a.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's applications, those waiting for a decision first, the newest first.
pub async fn applications_of_centre(db: &Db, centre_id: i64) -> Result<Vec<Application>> {
    let sql = format!(
        "{APPLICATION} WHERE a.centre_id = $1 ORDER BY \
         CASE WHEN a.status IN ('received', 'interview') THEN 0 ELSE 1 END, a.created_at DESC, a.id DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// A person's own applications, the newest first.
pub async fn applications_of_user(db: &Db, user_id: i64) -> Result<Vec<Application>> {
    let sql = format!("{APPLICATION} WHERE a.user_id = $1 ORDER BY a.created_at DESC, a.id DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?))
}

/// Moves an application from `from` to `to` (and into a cohort when given); `Stale` when it
/// is no longer at `from` (someone moved it meanwhile).
pub async fn move_to<'e>(
    ex: impl Into<Exec<'e>>,
    id: i64,
    from: Status,
    to: Status,
    cohort_id: Option<i64>,
) -> Result<()> {
    let sql = "UPDATE applications SET status = $1, cohort_id = COALESCE($2, cohort_id), updated_at = $3 \
               WHERE id = $4 AND status = $5";
    let moved = on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(to.code())
        .bind(cohort_id)
        .bind(now())
        .bind(id)
        .bind(from.code())
        .execute(e)
        .await?
        .rows_affected());
    if moved == 0 {
        return Err(StoreError::stale(0, None));
    }
    Ok(())
}

/// Stores the scoring grid (JSON) and its total.
pub async fn set_scores(db: &Db, id: i64, scores: &str, total: i64) -> Result<()> {
    let sql = "UPDATE applications SET scores = $1, score = $2, updated_at = $3 WHERE id = $4";
    on_db!(db, pool => sqlx::query(sql).bind(scores).bind(total).bind(now()).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Note {
    pub author: Option<String>,
    pub body: String,
    pub created_at: i64,
}

pub async fn add_note(db: &Db, application_id: i64, author_id: i64, body: &str) -> Result<()> {
    let sql = "INSERT INTO application_notes (application_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)";
    on_db!(db, pool => sqlx::query(sql).bind(application_id).bind(author_id).bind(body).bind(now()).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn notes(db: &Db, application_id: i64) -> Result<Vec<Note>> {
    let sql = "SELECT u.display_name AS author, n.body, n.created_at FROM application_notes n \
               LEFT JOIN users u ON u.id = n.author_id WHERE n.application_id = $1 ORDER BY n.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(application_id).fetch_all(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Order {
    pub id: i64,
    pub centre_id: i64,
    pub user_id: i64,
    /// Only for an order of an offer (migration 0023: events, bookings, memberships too).
    pub offer_id: Option<i64>,
    pub application_id: Option<i64>,
    pub amount_cents: i64,
    pub status: String,
    pub created_at: i64,
    /// The offer's title, or the order's own label when it is not an offer's.
    pub offer_title: String,
}

/// An order's status while nobody has paid it.
pub const AWAITING_PAYMENT: &str = "awaiting_payment";

/// Records the order of a paid offer, awaiting payment; refused (`Refused`) when the centre's
/// licence is suspended or expired (`licences::may_sell`).
pub async fn create_order(tx: &mut crate::Tx, a: &Application) -> Result<i64> {
    crate::licences::may_sell(&mut *tx, a.centre_id).await?;
    let sql = "INSERT INTO orders (centre_id, user_id, offer_id, application_id, amount_cents, status, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(a.centre_id)
        .bind(a.user_id)
        .bind(a.offer_id)
        .bind(a.id)
        .bind(a.price_cents)
        .bind(AWAITING_PAYMENT)
        .bind(now())
        .fetch_one(e)
        .await?))
}

/// A person's orders (of offers, events, bookings, memberships), the newest first.
pub async fn orders_of_user(db: &Db, user_id: i64) -> Result<Vec<Order>> {
    let sql = "SELECT r.id, r.centre_id, r.user_id, r.offer_id, r.application_id, r.amount_cents, r.status, \
               r.created_at, COALESCE(o.title, r.label, '') AS offer_title \
               FROM orders r LEFT JOIN offers o ON o.id = r.offer_id \
               WHERE r.user_id = $1 ORDER BY r.id DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await?))
}

/// A staff note about one of a person's applications (for the person's data export).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoteAbout {
    pub application_id: i64,
    pub author: Option<String>,
    pub body: String,
    pub created_at: i64,
}

/// Every staff note about a person's applications, oldest first.
pub async fn notes_about_user(db: &Db, user_id: i64) -> Result<Vec<NoteAbout>> {
    let sql = "SELECT n.application_id, u.display_name AS author, n.body, n.created_at \
               FROM application_notes n JOIN applications a ON a.id = n.application_id \
               LEFT JOIN users u ON u.id = n.author_id WHERE a.user_id = $1 ORDER BY n.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await?))
}
