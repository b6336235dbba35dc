//! A centre's place: its public profile (address, contact, accessibility), its opening hours
//! (several ranges a weekday, minutes after midnight, Paris time), its closures and its spaces
//! with their booking rules. Everything a public centre page or a booking needs of the place is
//! read by [`place`] in three statements.
use crate::{Db, Exec, Result, Tx, now};

#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Profile {
    pub presentation: String,
    pub address: String,
    pub postcode: String,
    pub email: String,
    pub phone: String,
    pub accessibility: String,
}

#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct HoursRow {
    pub weekday: i64,
    pub opens_min: i64,
    pub closes_min: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Closure {
    pub id: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub reason: String,
}

/// A space with its rules.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Space {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub kind: String,
    pub capacity: i64,
    pub area_dm2: i64,
    pub bookable: bool,
    pub equipment: String,
    pub description: String,
    pub max_minutes: i64,
    pub notice_minutes: i64,
    pub audience: String,
    pub price_per_hour_cents: i64,
}

const SPACE_SELECT: &str = "SELECT s.id, s.centre_id, s.name, s.kind, s.capacity, s.area_dm2, s.bookable, \
     COALESCE(r.equipment, '') AS equipment, COALESCE(r.description, '') AS description, \
     COALESCE(r.max_minutes, 240) AS max_minutes, COALESCE(r.notice_minutes, 60) AS notice_minutes, \
     COALESCE(r.audience, 'members') AS audience, COALESCE(r.price_per_hour_cents, 0) AS price_per_hour_cents \
     FROM spaces s LEFT JOIN space_rules r ON r.space_id = s.id";

/// The place of a centre: profile, hours, closures (those not over before `from_day`), spaces.
#[derive(Debug, Clone, Default)]
pub struct Place {
    pub profile: Profile,
    pub hours: Vec<HoursRow>,
    pub closures: Vec<Closure>,
    pub spaces: Vec<Space>,
    /// The photos' ids and captions, in the order added.
    pub photos: Vec<(i64, String)>,
}

/// A row tagged with what it is, so profile, hours and closures come in one statement.
#[derive(sqlx::FromRow)]
struct PlaceRow {
    tag: String,
    a: String,
    b: String,
    c: String,
    d: String,
    e: String,
    f: String,
    n1: i64,
    n2: i64,
    n3: i64,
}

/// Reads the centre's profile, hours and closures ending on or after `from_day` (one
/// statement), then its spaces (a second).
pub async fn place(db: &Db, centre_id: i64, from_day: &str) -> Result<Place> {
    let sql = "SELECT 'p' AS tag, presentation AS a, address AS b, postcode AS c, email AS d, phone AS e, \
               accessibility AS f, 0 AS n1, 0 AS n2, 0 AS n3 FROM centre_profiles WHERE centre_id = $1 \
               UNION ALL SELECT 'h', '', '', '', '', '', '', weekday, opens_min, closes_min \
               FROM opening_hours WHERE centre_id = $1 \
               UNION ALL SELECT 'c', starts_on, ends_on, reason, '', '', '', id, 0, 0 \
               FROM closures WHERE centre_id = $1 AND ends_on >= $2 \
               UNION ALL SELECT 'f', caption, '', '', '', '', '', id, 0, 0 \
               FROM centre_photos WHERE centre_id = $1 \
               ORDER BY 1, 8, 9";
    let rows: Vec<PlaceRow> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre_id)
        .bind(from_day)
        .fetch_all(pool)
        .await?);
    let mut place = Place::default();
    for r in rows {
        match r.tag.as_str() {
            "p" => {
                place.profile = Profile {
                    presentation: r.a,
                    address: r.b,
                    postcode: r.c,
                    email: r.d,
                    phone: r.e,
                    accessibility: r.f,
                }
            }
            "h" => place.hours.push(HoursRow {
                weekday: r.n1,
                opens_min: r.n2,
                closes_min: r.n3,
            }),
            "f" => place.photos.push((r.n1, r.a)),
            _ => place.closures.push(Closure {
                id: r.n1,
                starts_on: r.a,
                ends_on: r.b,
                reason: r.c,
            }),
        }
    }
    place.closures.sort_by(|a, b| a.starts_on.cmp(&b.starts_on));
    place.spaces = spaces(db, centre_id).await?;
    Ok(place)
}

/// Saves the profile and replaces the week's hours, in the caller's unit of work.
pub async fn save_profile_in(
    tx: &mut Tx,
    centre_id: i64,
    p: &Profile,
    hours: &[HoursRow],
) -> Result<()> {
    let sql = "INSERT INTO centre_profiles (centre_id, presentation, address, postcode, email, phone, accessibility, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (centre_id) DO UPDATE SET \
               presentation = excluded.presentation, address = excluded.address, postcode = excluded.postcode, \
               email = excluded.email, phone = excluded.phone, accessibility = excluded.accessibility, \
               updated_at = excluded.updated_at";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
        .bind(centre_id)
        .bind(&p.presentation)
        .bind(&p.address)
        .bind(&p.postcode)
        .bind(&p.email)
        .bind(&p.phone)
        .bind(&p.accessibility)
        .bind(now())
        .execute(e)
        .await?.rows_affected());
    let sql = "DELETE FROM opening_hours WHERE centre_id = $1";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(centre_id).execute(e).await?.rows_affected());
    for h in hours {
        let sql = "INSERT INTO opening_hours (centre_id, weekday, opens_min, closes_min) VALUES ($1, $2, $3, $4)";
        on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
            .bind(centre_id)
            .bind(h.weekday)
            .bind(h.opens_min)
            .bind(h.closes_min)
            .execute(e)
            .await?.rows_affected());
    }
    Ok(())
}

pub async fn add_closure(
    db: &Db,
    centre_id: i64,
    starts_on: &str,
    ends_on: &str,
    reason: &str,
) -> Result<i64> {
    let sql = "INSERT INTO closures (centre_id, starts_on, ends_on, reason, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(starts_on)
        .bind(ends_on)
        .bind(reason)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn remove_closure(db: &Db, centre_id: i64, id: i64) -> Result<bool> {
    let sql = "DELETE FROM closures WHERE id = $1 AND centre_id = $2";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// A centre's spaces, by name.
pub async fn spaces<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Vec<Space>> {
    let sql = format!("{SPACE_SELECT} WHERE s.centre_id = $1 ORDER BY s.name, s.id LIMIT 200");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).fetch_all(e).await?))
}

pub async fn space<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Space>> {
    let sql = format!("{SPACE_SELECT} WHERE s.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// What a manager types for a space.
#[derive(Debug, Clone)]
pub struct SpaceInput<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub capacity: i64,
    pub area_dm2: i64,
    pub bookable: bool,
    pub equipment: &'a str,
    pub description: &'a str,
    pub max_minutes: i64,
    pub notice_minutes: i64,
    pub audience: &'a str,
    pub price_per_hour_cents: i64,
}

async fn save_rules_in(tx: &mut Tx, id: i64, s: &SpaceInput<'_>) -> Result<()> {
    let sql = "INSERT INTO space_rules (space_id, equipment, description, max_minutes, notice_minutes, audience, price_per_hour_cents) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (space_id) DO UPDATE SET \
               equipment = excluded.equipment, description = excluded.description, \
               max_minutes = excluded.max_minutes, notice_minutes = excluded.notice_minutes, \
               audience = excluded.audience, price_per_hour_cents = excluded.price_per_hour_cents";
    on_exec!(Exec::from(tx), e => sqlx::query(sql)
        .bind(id)
        .bind(s.equipment)
        .bind(s.description)
        .bind(s.max_minutes)
        .bind(s.notice_minutes)
        .bind(s.audience)
        .bind(s.price_per_hour_cents)
        .execute(e)
        .await?.rows_affected());
    Ok(())
}

/// Creates a space with its rules; `Duplicate` when the centre has one of that name.
pub async fn create_space_in(tx: &mut Tx, centre_id: i64, s: &SpaceInput<'_>) -> Result<i64> {
    let sql = "INSERT INTO spaces (centre_id, name, kind, capacity, area_dm2, bookable, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let id: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(s.name)
        .bind(s.kind)
        .bind(s.capacity)
        .bind(s.area_dm2)
        .bind(s.bookable)
        .bind(now())
        .fetch_one(e)
        .await?);
    save_rules_in(tx, id, s).await?;
    Ok(id)
}

/// Changes a space of the centre; false when it is not the centre's.
pub async fn update_space_in(
    tx: &mut Tx,
    centre_id: i64,
    id: i64,
    s: &SpaceInput<'_>,
) -> Result<bool> {
    let sql = "UPDATE spaces SET name = $1, kind = $2, capacity = $3, area_dm2 = $4, bookable = $5 \
               WHERE id = $6 AND centre_id = $7";
    let n = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
        .bind(s.name)
        .bind(s.kind)
        .bind(s.capacity)
        .bind(s.area_dm2)
        .bind(s.bookable)
        .bind(id)
        .bind(centre_id)
        .execute(e)
        .await?.rows_affected());
    if n != 1 {
        return Ok(false);
    }
    save_rules_in(tx, id, s).await?;
    Ok(true)
}

/// An event or an offer the public centre page shows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Showcased {
    /// `e` an event, `o` an offer.
    pub tag: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub starts_at: i64,
    pub price_cents: i64,
    pub position: i64,
}

/// The centre's next published events and its open offers (six of each), in one statement.
pub async fn showcase(db: &Db, centre_id: i64, now: i64) -> Result<Vec<Showcased>> {
    let sql = "SELECT tag, slug, title, summary, starts_at, price_cents, position FROM (\
               SELECT 'e' AS tag, e.slug, e.title, e.summary, e.starts_at, 0 AS price_cents, 0 AS position \
               FROM events e WHERE e.centre_id = $1 AND e.published = 1 AND e.ends_at > $2 \
               ORDER BY e.starts_at, e.id LIMIT 6) ev \
               UNION ALL SELECT tag, slug, title, summary, starts_at, price_cents, position FROM (\
               SELECT 'o' AS tag, o.slug, o.title, o.description AS summary, 0 AS starts_at, o.price_cents, o.position \
               FROM offers o WHERE o.centre_id = $1 AND o.is_open = 1 \
               ORDER BY o.position, o.id LIMIT 6) op ORDER BY 1, 5, 7";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(now).fetch_all(pool).await?))
}

/// A stored photo of the place.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Photo {
    pub id: i64,
    pub centre_id: i64,
    pub file_key: String,
    pub content_type: String,
    pub caption: String,
}

pub async fn add_photo(
    db: &Db,
    centre_id: i64,
    file_key: &str,
    content_type: &str,
    caption: &str,
) -> Result<i64> {
    let sql = "INSERT INTO centre_photos (centre_id, file_key, content_type, caption, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(file_key)
        .bind(content_type)
        .bind(caption)
        .bind(now())
        .fetch_one(pool)
        .await?))
}

pub async fn photo(db: &Db, id: i64) -> Result<Option<Photo>> {
    let sql =
        "SELECT id, centre_id, file_key, content_type, caption FROM centre_photos WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

/// How many photos the centre shows (a limit keeps the page light).
pub async fn photo_count(db: &Db, centre_id: i64) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM centre_photos WHERE centre_id = $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(centre_id).fetch_one(pool).await?))
}

pub async fn remove_photo(db: &Db, centre_id: i64, id: i64) -> Result<bool> {
    let sql = "DELETE FROM centre_photos WHERE id = $1 AND centre_id = $2";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(centre_id).execute(pool).await?.rows_affected());
    Ok(n == 1)
}
