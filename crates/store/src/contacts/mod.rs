//! The CRM of each centre: organisations and people, their interactions and follow-ups, the
//! prospecting pipeline (`pipeline`), the CSV import (`import`) and segments (`segments`).
//! A person links to the lead and the account with the same e-mail, read when shown (never
//! copied), so a lead, a contact and an account stay one person's history.
use crate::{Db, Exec, Result};
use domain::crm::{InteractionKind, OrgKind};

pub mod import;
pub mod pipeline;
pub mod segments;

/// A search text as a `LIKE` pattern (lower-case, wildcards escaped).
fn like(text: &str) -> String {
    format!(
        "%{}%",
        text.to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

#[derive(Debug, Clone, Default)]
pub struct OrgFields {
    pub name: String,
    pub kind: String,
    pub siret: Option<String>,
    pub address: String,
    pub website: String,
    pub notes: String,
    pub tags: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrgKind,
    pub siret: Option<String>,
    pub address: String,
    pub website: String,
    pub notes: String,
    pub tags: String,
    pub created_at: i64,
    pub people: i64,
}

const ORG_COLUMNS: &str = "o.id, o.centre_id, o.name, o.kind, o.siret, o.address, o.website, o.notes, \
     o.tags, o.created_at, (SELECT COUNT(*) FROM contacts c WHERE c.organisation_id = o.id) AS people";

pub async fn create_org<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    f: &OrgFields,
    now: i64,
) -> Result<i64> {
    let sql = "INSERT INTO organisations (centre_id, name, kind, siret, address, website, notes, tags, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(&f.name)
        .bind(&f.kind)
        .bind(&f.siret)
        .bind(&f.address)
        .bind(&f.website)
        .bind(&f.notes)
        .bind(&f.tags)
        .bind(now)
        .fetch_one(e)
        .await?))
}

pub async fn update_org(db: &Db, id: i64, f: &OrgFields, now: i64) -> Result<()> {
    let sql = "UPDATE organisations SET name = $2, kind = $3, siret = $4, address = $5, website = $6, \
         notes = $7, tags = $8, updated_at = $9 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(&f.name)
        .bind(&f.kind)
        .bind(&f.siret)
        .bind(&f.address)
        .bind(&f.website)
        .bind(&f.notes)
        .bind(&f.tags)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn find_org(db: &Db, id: i64) -> Result<Option<Organisation>> {
    let sql = format!("SELECT {ORG_COLUMNS} FROM organisations o WHERE o.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// A centre's organisations (every centre's for 0), by name, `limit` from `offset`, with how
/// many match in all.
pub async fn orgs(
    db: &Db,
    centre: i64,
    search: &str,
    kind: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Organisation>, i64)> {
    let filter = "($1 = 0 OR o.centre_id = $1) AND ($2 = '' OR LOWER(o.name) LIKE $3 ESCAPE '\\' \
         OR o.siret = $2) AND ($4 = '' OR o.kind = $4)";
    let sql = format!(
        "SELECT {ORG_COLUMNS} FROM organisations o WHERE {filter} ORDER BY o.name, o.id LIMIT $5 OFFSET $6"
    );
    let count = format!("SELECT COUNT(*) FROM organisations o WHERE {filter}");
    let pattern = like(search);
    let rows = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(centre).bind(search).bind(&pattern).bind(kind).bind(limit).bind(offset)
        .fetch_all(pool).await?);
    let n = on_db!(db, pool => sqlx::query_scalar(&count)
        .bind(centre).bind(search).bind(&pattern).bind(kind)
        .fetch_one(pool).await?);
    Ok((rows, n))
}

/// A centre's organisations by name, for a choice in a form.
pub async fn org_choices(db: &Db, centre: i64) -> Result<Vec<(i64, String)>> {
    let sql =
        "SELECT id, name FROM organisations WHERE centre_id = $1 ORDER BY name, id LIMIT 1000";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?))
}

#[derive(Debug, Clone, Default)]
pub struct PersonFields {
    pub name: String,
    /// Lower-case.
    pub email: Option<String>,
    pub phone: String,
    pub organisation_id: Option<i64>,
    pub role: String,
    pub tags: String,
    pub newsletter: bool,
}

/// A person with what links them to the rest of the platform.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: String,
    pub organisation_id: Option<i64>,
    pub organisation: Option<String>,
    pub role: String,
    pub tags: String,
    pub newsletter_consent_at: Option<i64>,
    pub created_at: i64,
    /// The lead with this address (pioneers, event registrations).
    pub lead_id: Option<i64>,
    /// The account with this address.
    pub user_id: Option<i64>,
}

const PERSON_COLUMNS: &str = "c.id, c.centre_id, c.name, c.email, c.phone, c.organisation_id, \
     o.name AS organisation, c.role, c.tags, c.newsletter_consent_at, c.created_at, \
     (SELECT l.id FROM leads l WHERE l.email = c.email) AS lead_id, \
     (SELECT u.id FROM users u WHERE u.email = c.email AND u.deleted_at IS NULL) AS user_id";

pub async fn create_person<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    f: &PersonFields,
    now: i64,
) -> Result<i64> {
    let sql = "INSERT INTO contacts (centre_id, name, email, phone, organisation_id, role, tags, \
         newsletter_consent_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
         RETURNING id";
    Ok(on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(&f.name)
        .bind(&f.email)
        .bind(&f.phone)
        .bind(f.organisation_id)
        .bind(&f.role)
        .bind(&f.tags)
        .bind(f.newsletter.then_some(now))
        .bind(now)
        .fetch_one(e)
        .await?))
}

/// Changes a person; consent keeps its first date while it stands.
pub async fn update_person(db: &Db, id: i64, f: &PersonFields, now: i64) -> Result<()> {
    let sql = "UPDATE contacts SET name = $2, email = $3, phone = $4, organisation_id = $5, role = $6, \
         tags = $7, newsletter_consent_at = CASE WHEN $8 = 0 THEN NULL \
         ELSE COALESCE(newsletter_consent_at, $9) END, updated_at = $9 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(&f.name)
        .bind(&f.email)
        .bind(&f.phone)
        .bind(f.organisation_id)
        .bind(&f.role)
        .bind(&f.tags)
        .bind(i64::from(f.newsletter))
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn find_person(db: &Db, id: i64) -> Result<Option<Person>> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id \
         WHERE c.id = $1"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// What the people list filters on.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// 0: every centre.
    pub centre: i64,
    pub search: String,
    pub tag: String,
    /// 0: any.
    pub organisation: i64,
}

/// A page of people by name (`limit` from `offset`) and how many match in all: two
/// statements whatever the number of people.
pub async fn people(
    db: &Db,
    f: &PeopleFilter,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Person>, i64)> {
    let filter = "($1 = 0 OR c.centre_id = $1) AND ($2 = '' OR LOWER(c.name) LIKE $3 ESCAPE '\\' \
         OR c.email LIKE $3 ESCAPE '\\') AND ($4 = '' OR c.tags LIKE $5) \
         AND ($6 = 0 OR c.organisation_id = $6)";
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id \
         WHERE {filter} ORDER BY c.name, c.id LIMIT $7 OFFSET $8"
    );
    let count = format!("SELECT COUNT(*) FROM contacts c WHERE {filter}");
    let pattern = like(&f.search);
    let tag = format!(
        "%,{},%",
        f.tag.to_lowercase().replace(['%', '_', '\\', ','], "")
    );
    let rows = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(f.centre).bind(&f.search).bind(&pattern).bind(&f.tag).bind(&tag).bind(f.organisation)
        .bind(limit).bind(offset)
        .fetch_all(pool).await?);
    let n = on_db!(db, pool => sqlx::query_scalar(&count)
        .bind(f.centre).bind(&f.search).bind(&pattern).bind(&f.tag).bind(&tag).bind(f.organisation)
        .fetch_one(pool).await?);
    Ok((rows, n))
}

/// One line of a person's or an organisation's history.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Happening {
    /// `lead`, `registration`, `application`, `order`, `account`, or an interaction's kind
    /// prefixed with `i:`.
    pub kind: String,
    pub at: i64,
    /// What it is about: a lead's source, an event's or an offer's title, an interaction's text.
    pub title: String,
    /// A status, an amount in cents as text, an interaction's follow-up day.
    pub detail: String,
    /// The interaction's id (to mark its follow-up done), or the thing's id.
    pub ref_id: i64,
    pub author: String,
    /// An interaction's follow-up done.
    pub done: i64,
}

const T0: &str = "CAST('' AS TEXT)";
const B0: &str = "CAST(0 AS BIGINT)";

/// The whole history of a person in one statement, newest first: their lead (its source),
/// event registrations, applications and orders, their account, and the centre's
/// interactions with them.
pub async fn timeline(db: &Db, person: &Person) -> Result<Vec<Happening>> {
    let sql = format!(
        "SELECT * FROM ( \
         SELECT CAST('lead' AS TEXT) AS kind, l.created_at AS at, l.source AS title, l.status AS detail, \
                l.id AS ref_id, {T0} AS author, {B0} AS done FROM leads l WHERE l.email = $1 \
         UNION ALL \
         SELECT 'registration', r.created_at, e.title, \
                CASE WHEN r.confirmed_at IS NULL THEN 'unconfirmed' ELSE 'confirmed' END, e.id, {T0}, {B0} \
           FROM event_registrations r JOIN leads l ON l.id = r.lead_id JOIN events e ON e.id = r.event_id \
          WHERE l.email = $1 \
         UNION ALL \
         SELECT 'application', a.created_at, o.title, a.status, a.id, {T0}, {B0} \
           FROM applications a JOIN users u ON u.id = a.user_id JOIN offers o ON o.id = a.offer_id \
          WHERE u.email = $1 \
         UNION ALL \
         SELECT 'order', d.created_at, o.title, CAST(d.amount_cents AS TEXT), d.id, d.status, {B0} \
           FROM orders d JOIN users u ON u.id = d.user_id JOIN offers o ON o.id = d.offer_id \
          WHERE u.email = $1 \
         UNION ALL \
         SELECT 'account', u.created_at, u.display_name, {T0}, u.id, {T0}, {B0} FROM users u \
          WHERE u.email = $1 AND u.deleted_at IS NULL \
         UNION ALL \
         SELECT 'i:' || i.kind, i.created_at, i.body, COALESCE(i.follow_up_on, ''), i.id, \
                COALESCE(w.display_name, ''), CAST(CASE WHEN i.follow_up_done_at IS NULL THEN 0 ELSE 1 END AS BIGINT) \
           FROM interactions i LEFT JOIN users w ON w.id = i.author_id WHERE i.contact_id = $2 \
         ) h ORDER BY at DESC, ref_id DESC LIMIT 200"
    );
    let email = person.email.clone().unwrap_or_default();
    // No address: match nothing (an empty address is no one's).
    let email = if email.is_empty() {
        "\u{1}".to_string()
    } else {
        email
    };
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(&email).bind(person.id).fetch_all(pool).await?))
}

/// An organisation's people and the interactions with it or its people, in two statements.
pub async fn org_page(db: &Db, org: i64) -> Result<(Vec<Person>, Vec<Happening>)> {
    let people_sql = format!(
        "SELECT {PERSON_COLUMNS} FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id \
         WHERE c.organisation_id = $1 ORDER BY c.name, c.id LIMIT 500"
    );
    let sql = "SELECT 'i:' || i.kind AS kind, i.created_at AS at, i.body AS title, \
                COALESCE(i.follow_up_on, '') AS detail, i.id AS ref_id, \
                COALESCE(w.display_name, '') AS author, \
                CAST(CASE WHEN i.follow_up_done_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS done \
           FROM interactions i LEFT JOIN users w ON w.id = i.author_id \
          WHERE i.organisation_id = $1 \
             OR i.contact_id IN (SELECT id FROM contacts WHERE organisation_id = $1) \
          ORDER BY i.created_at DESC, i.id DESC LIMIT 200";
    let people = on_db!(db, pool => sqlx::query_as(&people_sql).bind(org).fetch_all(pool).await?);
    let history = on_db!(db, pool => sqlx::query_as(sql).bind(org).fetch_all(pool).await?);
    Ok((people, history))
}

pub struct NewInteraction<'a> {
    pub centre_id: i64,
    pub contact_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub kind: InteractionKind,
    pub body: &'a str,
    /// `YYYY-MM-DD`.
    pub follow_up_on: Option<String>,
    pub author_id: i64,
}

pub async fn add_interaction(db: &Db, n: &NewInteraction<'_>, now: i64) -> Result<i64> {
    let sql = "INSERT INTO interactions (centre_id, contact_id, organisation_id, kind, body, follow_up_on, \
         author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(n.centre_id)
        .bind(n.contact_id)
        .bind(n.organisation_id)
        .bind(n.kind.code())
        .bind(n.body)
        .bind(&n.follow_up_on)
        .bind(n.author_id)
        .bind(now)
        .fetch_one(pool)
        .await?))
}

/// An interaction's centre and where it was logged (person, organisation).
pub async fn interaction_place(
    db: &Db,
    id: i64,
) -> Result<Option<(i64, Option<i64>, Option<i64>)>> {
    let sql = "SELECT centre_id, contact_id, organisation_id FROM interactions WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

/// Marks a follow-up done (once).
pub async fn follow_up_done(db: &Db, id: i64, now: i64) -> Result<()> {
    let sql = "UPDATE interactions SET follow_up_done_at = $2 WHERE id = $1 AND follow_up_done_at IS NULL";
    on_db!(db, pool => sqlx::query(sql).bind(id).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}

/// A follow-up due by a day.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUp {
    pub id: i64,
    pub centre_id: i64,
    pub contact_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// The person's or the organisation's name.
    pub name: String,
    pub kind: String,
    pub body: String,
    pub follow_up_on: String,
}

/// The follow-ups of a centre due on `day` (`YYYY-MM-DD`) or before and not done yet, oldest
/// first.
pub async fn due_follow_ups(db: &Db, centre: i64, day: &str, limit: i64) -> Result<Vec<FollowUp>> {
    let sql = "SELECT i.id, i.centre_id, i.contact_id, i.organisation_id, \
         COALESCE(c.name, o.name, '') AS name, i.kind, i.body, i.follow_up_on \
         FROM interactions i LEFT JOIN contacts c ON c.id = i.contact_id \
         LEFT JOIN organisations o ON o.id = i.organisation_id \
         WHERE i.centre_id = $1 AND i.follow_up_on IS NOT NULL AND i.follow_up_on <= $2 \
           AND i.follow_up_done_at IS NULL ORDER BY i.follow_up_on, i.id LIMIT $3";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(centre).bind(day).bind(limit).fetch_all(pool).await?),
    )
}

/// Claims a centre's digest of a day: true the first time only, so each day's digest is queued
/// once whatever the number of workers and maintenance rounds.
pub async fn claim_digest<'e>(ex: impl Into<Exec<'e>>, centre: i64, day: &str) -> Result<bool> {
    let sql = "INSERT INTO crm_digests (centre_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    let done = on_exec!(ex.into(), e => sqlx::query(sql).bind(centre).bind(day).execute(e).await?.rows_affected());
    Ok(done == 1)
}

/// The centre managers' addresses, names and languages (the digest's recipients).
pub async fn managers(db: &Db, centre: i64) -> Result<Vec<(String, String, String)>> {
    let sql = "SELECT u.email, u.display_name, u.locale FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.centre_id = $1 AND m.role = 'centre_manager' AND u.deleted_at IS NULL ORDER BY u.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?))
}
