//! The public site: leads (deduplicated by e-mail), the links e-mailed to them (hashes only),
//! staff notes, events and registrations, the landing texts per language, campaign counts.
use crate::{Db, Exec, Result};

const LEAD_COLUMNS: &str = "id, email, name, town, idea, interests, tags, locale, status, source, \
     utm_source, utm_medium, utm_campaign, referrer_host, pioneer_at, contact_consent_at, \
     newsletter_consent_at, newsletter_source, newsletter_unsubscribed_at, confirmed_at, \
     last_contact_at, retention_asked_at, invited_at, created_at, updated_at, centre_id";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Lead {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub town: String,
    pub idea: String,
    /// Comma-separated interest codes.
    pub interests: String,
    /// Comma-separated tags.
    pub tags: String,
    #[sqlx(try_from = "String")]
    pub locale: domain::Locale,
    #[sqlx(try_from = "String")]
    pub status: domain::site::LeadStatus,
    pub source: String,
    pub utm_source: String,
    pub utm_medium: String,
    pub utm_campaign: String,
    pub referrer_host: String,
    pub pioneer_at: Option<i64>,
    pub contact_consent_at: i64,
    pub newsletter_consent_at: Option<i64>,
    pub newsletter_source: String,
    pub newsletter_unsubscribed_at: Option<i64>,
    pub confirmed_at: Option<i64>,
    pub last_contact_at: i64,
    pub retention_asked_at: Option<i64>,
    pub invited_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The centre whose form or event the person came through (none: the network's own, such
    /// as an address left on a self-diagnostic).
    pub centre_id: Option<i64>,
}

impl Lead {
    /// Subscribed to the newsletter: consent given, address confirmed, not unsubscribed since.
    pub fn newsletter(&self) -> bool {
        self.confirmed_at.is_some()
            && match (self.newsletter_consent_at, self.newsletter_unsubscribed_at) {
                (Some(c), Some(u)) => c > u,
                (Some(_), None) => true,
                _ => false,
            }
    }
}

/// What a form (pioneers or event registration) says about a person.
#[derive(Debug, Clone, Default)]
pub struct NewLead<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub town: &'a str,
    pub idea: &'a str,
    pub interests: &'a str,
    pub locale: &'a str,
    /// `pioneers` or `event`.
    pub source: &'a str,
    pub utm_source: &'a str,
    pub utm_medium: &'a str,
    pub utm_campaign: &'a str,
    pub referrer_host: &'a str,
    pub pioneer: bool,
    pub newsletter: bool,
    /// The centre the person came through; a lead keeps its first centre.
    pub centre_id: Option<i64>,
}

/// Creates the lead, or updates the one with this e-mail (never a second row). The first
/// campaign and source stay; typed fields left empty keep what was there. Returns the id.
pub async fn upsert_lead(db: &Db, new: &NewLead<'_>, now: i64) -> Result<i64> {
    let sql = "INSERT INTO leads (email, name, town, idea, interests, locale, source, utm_source, \
         utm_medium, utm_campaign, referrer_host, pioneer_at, contact_consent_at, newsletter_consent_at, \
         newsletter_source, last_contact_at, created_at, updated_at, centre_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $13, $13, $13, $16) \
         ON CONFLICT (email) DO UPDATE SET \
           name = excluded.name, \
           town = CASE WHEN excluded.town <> '' THEN excluded.town ELSE leads.town END, \
           idea = CASE WHEN excluded.idea <> '' THEN excluded.idea ELSE leads.idea END, \
           interests = CASE WHEN excluded.interests <> '' THEN excluded.interests ELSE leads.interests END, \
           locale = excluded.locale, \
           utm_source = CASE WHEN leads.utm_source = '' THEN excluded.utm_source ELSE leads.utm_source END, \
           utm_medium = CASE WHEN leads.utm_source = '' THEN excluded.utm_medium ELSE leads.utm_medium END, \
           utm_campaign = CASE WHEN leads.utm_source = '' THEN excluded.utm_campaign ELSE leads.utm_campaign END, \
           referrer_host = CASE WHEN leads.referrer_host = '' THEN excluded.referrer_host ELSE leads.referrer_host END, \
           pioneer_at = COALESCE(leads.pioneer_at, excluded.pioneer_at), \
           contact_consent_at = excluded.contact_consent_at, \
           newsletter_consent_at = COALESCE(excluded.newsletter_consent_at, leads.newsletter_consent_at), \
           newsletter_source = CASE WHEN excluded.newsletter_consent_at IS NOT NULL THEN excluded.newsletter_source ELSE leads.newsletter_source END, \
           last_contact_at = excluded.last_contact_at, \
           retention_asked_at = NULL, \
           centre_id = COALESCE(leads.centre_id, excluded.centre_id), \
           updated_at = excluded.updated_at \
         RETURNING id";
    let pioneer_at = new.pioneer.then_some(now);
    let newsletter_at = new.newsletter.then_some(now);
    let newsletter_source = if new.newsletter { new.source } else { "" };
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(new.email)
        .bind(new.name)
        .bind(new.town)
        .bind(new.idea)
        .bind(new.interests)
        .bind(new.locale)
        .bind(new.source)
        .bind(new.utm_source)
        .bind(new.utm_medium)
        .bind(new.utm_campaign)
        .bind(new.referrer_host)
        .bind(pioneer_at)
        .bind(now)
        .bind(newsletter_at)
        .bind(newsletter_source)
        .bind(new.centre_id)
        .fetch_one(pool)
        .await?))
}

pub async fn find_lead(db: &Db, id: i64) -> Result<Option<Lead>> {
    let sql = format!("SELECT {LEAD_COLUMNS} FROM leads WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

pub async fn find_lead_by_email(db: &Db, email: &str) -> Result<Option<Lead>> {
    let sql = format!("SELECT {LEAD_COLUMNS} FROM leads WHERE email = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(email).fetch_optional(pool).await?))
}

/// What an e-mailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Confirm,
    Manage,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Confirm => "confirm",
            Purpose::Manage => "manage",
        }
    }
}

pub async fn create_token<'e>(
    ex: impl Into<Exec<'e>>,
    hash: &str,
    lead_id: i64,
    purpose: Purpose,
    ttl: i64,
    now: i64,
) -> Result<()> {
    let sql = "INSERT INTO lead_tokens (token_hash, lead_id, purpose, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5)";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(hash)
        .bind(lead_id)
        .bind(purpose.code())
        .bind(now)
        .bind(now + ttl)
        .execute(e)
        .await?.rows_affected());
    Ok(())
}

/// What a link's token leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenLookup {
    Valid(i64),
    Expired(i64),
    Unknown,
}

pub async fn token_lead(db: &Db, hash: &str, purpose: Purpose, now: i64) -> Result<TokenLookup> {
    let sql = "SELECT lead_id, expires_at FROM lead_tokens WHERE token_hash = $1 AND purpose = $2";
    let row: Option<(i64, i64)> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(hash)
        .bind(purpose.code())
        .fetch_optional(pool)
        .await?);
    Ok(match row {
        Some((lead, expires)) if expires > now => TokenLookup::Valid(lead),
        Some((lead, _)) => TokenLookup::Expired(lead),
        None => TokenLookup::Unknown,
    })
}

/// The address is proven: the lead and their event registrations are confirmed. Returns the
/// registrations that hold seats and were confirmed now (to send their tickets).
pub async fn confirm(db: &Db, lead_id: i64, now: i64) -> Result<Vec<i64>> {
    let sql = "UPDATE leads SET confirmed_at = COALESCE(confirmed_at, $2), last_contact_at = $2, \
               retention_asked_at = NULL, updated_at = $2 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql).bind(lead_id).bind(now).execute(pool).await?.rows_affected());
    let seated = crate::events::confirm_lead(db, lead_id, now).await?;
    // A used confirmation link is spent.
    let sql = "DELETE FROM lead_tokens WHERE lead_id = $1 AND purpose = 'confirm'";
    on_db!(db, pool => sqlx::query(sql).bind(lead_id).execute(pool).await?.rows_affected());
    Ok(seated)
}

pub async fn unsubscribe(db: &Db, lead_id: i64, now: i64) -> Result<()> {
    let sql = "UPDATE leads SET newsletter_unsubscribed_at = $2, updated_at = $2 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql).bind(lead_id).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}

/// The person answered « keep my details »: three more years from now.
pub async fn keep(db: &Db, lead_id: i64, now: i64) -> Result<()> {
    let sql = "UPDATE leads SET last_contact_at = $2, retention_asked_at = NULL, updated_at = $2 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql).bind(lead_id).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}

/// Erases a lead with its links, notes and registrations.
pub async fn erase(db: &Db, lead_id: i64) -> Result<bool> {
    for sql in [
        "DELETE FROM lead_tokens WHERE lead_id = $1",
        "DELETE FROM lead_notes WHERE lead_id = $1",
        "DELETE FROM event_registrations WHERE lead_id = $1",
    ] {
        on_db!(db, pool => sqlx::query(sql).bind(lead_id).execute(pool).await?.rows_affected());
    }
    let n = on_db!(db, pool => sqlx::query("DELETE FROM leads WHERE id = $1").bind(lead_id).execute(pool).await?.rows_affected());
    Ok(n > 0)
}

pub async fn set_status(
    db: &Db,
    lead_id: i64,
    status: domain::site::LeadStatus,
    now: i64,
) -> Result<()> {
    let sql = "UPDATE leads SET status = $2, updated_at = $3 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql).bind(lead_id).bind(status.code()).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn set_tags(db: &Db, lead_id: i64, tags: &str, now: i64) -> Result<()> {
    let sql = "UPDATE leads SET tags = $2, updated_at = $3 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql).bind(lead_id).bind(tags).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}

/// The lead was invited to sign up: status « participant », contact now.
pub async fn mark_invited<'e>(ex: impl Into<Exec<'e>>, lead_id: i64, now: i64) -> Result<()> {
    let sql = "UPDATE leads SET invited_at = $2, status = 'participant', last_contact_at = $2, \
               retention_asked_at = NULL, updated_at = $2 WHERE id = $1";
    on_exec!(ex.into(), e => sqlx::query(sql).bind(lead_id).bind(now).execute(e).await?.rows_affected());
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Note {
    pub id: i64,
    pub body: String,
    pub author: Option<String>,
    pub created_at: i64,
}

pub async fn add_note(db: &Db, lead_id: i64, author_id: i64, body: &str, now: i64) -> Result<i64> {
    let sql = "INSERT INTO lead_notes (lead_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(lead_id)
        .bind(author_id)
        .bind(body)
        .bind(now)
        .fetch_one(pool)
        .await?))
}

pub async fn notes(db: &Db, lead_id: i64) -> Result<Vec<Note>> {
    let sql = "SELECT n.id, n.body, u.display_name AS author, n.created_at FROM lead_notes n \
               LEFT JOIN users u ON u.id = n.author_id WHERE n.lead_id = $1 ORDER BY n.id DESC";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(lead_id).fetch_all(pool).await?))
}

/// Filters of the staff list; empty strings mean « any ».
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: String,
    pub source: String,
    pub campaign: String,
    pub tag: String,
    pub interest: String,
    /// `yes`, `no` or empty.
    pub confirmed: String,
    pub search: String,
    /// One centre's leads, or every lead (`None`: the network's view).
    pub centre: Option<i64>,
}

/// One line of the staff list: a lead of the site, or (negative id, source `diagnostic`) an
/// address left on a self-diagnostic by someone who is not a lead of the site.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LeadRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub town: String,
    pub interests: String,
    pub tags: String,
    #[sqlx(try_from = "String")]
    pub status: domain::site::LeadStatus,
    pub source: String,
    pub utm_source: String,
    pub utm_campaign: String,
    pub confirmed_at: Option<i64>,
    pub newsletter_consent_at: Option<i64>,
    pub newsletter_unsubscribed_at: Option<i64>,
    pub created_at: i64,
    /// When the person opened an account with this address, if they have.
    pub account_since: Option<i64>,
    pub centre_id: Option<i64>,
}

const ROW_UNION: &str = "SELECT id, email, name, town, interests, tags, status, source, utm_source, \
     utm_campaign, confirmed_at, newsletter_consent_at, newsletter_unsubscribed_at, created_at, centre_id FROM leads \
     UNION ALL \
     SELECT -MIN(d.id), d.email, '', '', '', '', 'new', 'diagnostic', '', '', \
     CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), MIN(d.created_at), CAST(NULL AS BIGINT) \
     FROM diagnostic_leads d WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.email = d.email) \
     GROUP BY d.email";

/// When the person behind a lead opened an account with the same address, if they have: the
/// team sees which prospects went on to sign up.
pub async fn account_since(db: &Db, email: &str) -> Result<Option<i64>> {
    let sql = "SELECT created_at FROM users WHERE email = $1 AND deleted_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(email).fetch_optional(pool).await?))
}

/// The staff list, newest first, at most `limit` lines.
pub async fn list_leads(db: &Db, f: &Filter, limit: i64) -> Result<Vec<LeadRow>> {
    let like = |v: &str| {
        format!(
            "%{}%",
            v.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    };
    let sql = format!(
        "SELECT r.*, (SELECT u.created_at FROM users u WHERE u.email = r.email AND u.deleted_at IS NULL) \
         AS account_since FROM ({ROW_UNION}) r WHERE \
         ($1 = '' OR r.status = $1) AND ($2 = '' OR r.source = $2 OR r.utm_source = $2) \
         AND ($3 = '' OR r.utm_campaign = $3) \
         AND ($4 = '' OR (',' || r.tags || ',') LIKE $5 ESCAPE '\\') \
         AND ($6 = '' OR (',' || r.interests || ',') LIKE $7 ESCAPE '\\') \
         AND ($8 = '' OR ($8 = 'yes' AND r.confirmed_at IS NOT NULL) OR ($8 = 'no' AND r.confirmed_at IS NULL)) \
         AND ($9 = '' OR LOWER(r.email) LIKE $10 ESCAPE '\\' OR LOWER(r.name) LIKE $10 ESCAPE '\\' \
              OR LOWER(r.town) LIKE $10 ESCAPE '\\') \
         AND ($12 = 0 OR r.centre_id = $12) \
         ORDER BY r.created_at DESC, r.id DESC LIMIT $11"
    );
    let tag = format!("%,{},%", f.tag.to_lowercase().replace(['%', '_', '\\'], ""));
    let interest = format!("%,{},%", f.interest.replace(['%', '_', '\\'], ""));
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(&f.status)
        .bind(&f.source)
        .bind(&f.campaign)
        .bind(&f.tag)
        .bind(&tag)
        .bind(&f.interest)
        .bind(&interest)
        .bind(&f.confirmed)
        .bind(&f.search)
        .bind(like(&f.search))
        .bind(limit)
        .bind(f.centre.unwrap_or(0))
        .fetch_all(pool)
        .await?))
}

/// Confirmed pioneers (the public counter).
pub async fn pioneers_confirmed(db: &Db) -> Result<i64> {
    let sql =
        "SELECT COUNT(*) FROM leads WHERE pioneer_at IS NOT NULL AND confirmed_at IS NOT NULL";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await?))
}

/// Leads the retention job must look at: no contact for `older_than` seconds, or already asked.
pub async fn retention_candidates(db: &Db, contact_before: i64) -> Result<Vec<Lead>> {
    let sql = format!(
        "SELECT {LEAD_COLUMNS} FROM leads WHERE last_contact_at <= $1 OR retention_asked_at IS NOT NULL ORDER BY id"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(contact_before).fetch_all(pool).await?))
}

/// Marks the lead as asked; false when it already was (another node got there first).
pub async fn mark_retention_asked(db: &Db, lead_id: i64, now: i64) -> Result<bool> {
    let sql = "UPDATE leads SET retention_asked_at = $2 WHERE id = $1 \
               AND (retention_asked_at IS NULL OR retention_asked_at < last_contact_at)";
    let n = on_db!(db, pool => sqlx::query(sql).bind(lead_id).bind(now).execute(pool).await?.rows_affected());
    Ok(n > 0)
}

/// Leads by source and campaign: (source, utm_source, utm_medium, utm_campaign, leads, confirmed,
/// converted to an invitation).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CampaignLine {
    pub source: String,
    pub utm_source: String,
    pub utm_medium: String,
    pub utm_campaign: String,
    pub leads: i64,
    pub confirmed: i64,
    pub converted: i64,
}

/// The campaign report of one centre's leads, or of every lead (`None`).
pub async fn campaign_report(db: &Db, centre: Option<i64>) -> Result<Vec<CampaignLine>> {
    let sql = "SELECT source, utm_source, utm_medium, utm_campaign, COUNT(*) AS leads, \
               COUNT(confirmed_at) AS confirmed, COUNT(invited_at) AS converted FROM leads \
               WHERE ($1 = 0 OR centre_id = $1) GROUP BY source, utm_source, utm_medium, utm_campaign \
               ORDER BY COUNT(*) DESC, source, utm_source, utm_campaign";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre.unwrap_or(0)).fetch_all(pool).await?))
}

/// Distinct campaigns seen (of one centre's leads, or all), for the filter menus.
pub async fn campaigns(db: &Db, centre: Option<i64>) -> Result<Vec<String>> {
    let sql = "SELECT DISTINCT utm_campaign FROM leads WHERE utm_campaign <> '' \
               AND ($1 = 0 OR centre_id = $1) ORDER BY utm_campaign";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(centre.unwrap_or(0)).fetch_all(pool).await?))
}

// ---------------------------------------------------------------------------------------------
// Events

const EVENT_COLUMNS: &str = "e.id, e.slug, e.title, e.summary, e.description, e.starts_at, e.ends_at, \
     e.place, e.online_url, e.capacity, e.published, e.centre_id, e.kind, \
     (SELECT COALESCE(CAST(SUM(r.seats) AS BIGINT), 0) FROM event_registrations r \
      WHERE r.event_id = e.id AND r.status = 'registered') AS taken";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub online_url: String,
    pub capacity: i64,
    pub published: i64,
    pub centre_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub kind: domain::event::EventKind,
    /// Seats taken (registrations, confirmed or held).
    pub taken: i64,
}

#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: &'a str,
    pub online_url: &'a str,
    pub capacity: i64,
    pub published: bool,
    /// The centre that runs it (set when created; an edit does not move it).
    pub centre_id: Option<i64>,
    pub kind: domain::event::EventKind,
}

/// Published events that have not ended, soonest first.
pub async fn upcoming_events(db: &Db, now: i64, limit: i64) -> Result<Vec<Event>> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e WHERE e.published = 1 AND e.ends_at > $1 \
         ORDER BY e.starts_at, e.id LIMIT $2"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(now).bind(limit).fetch_all(pool).await?))
}

/// Every event of one centre (or of all, `None`), newest first (staff).
pub async fn all_events(db: &Db, centre: Option<i64>) -> Result<Vec<Event>> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e WHERE ($1 = 0 OR e.centre_id = $1) \
         ORDER BY e.starts_at DESC, e.id DESC"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre.unwrap_or(0)).fetch_all(pool).await?))
}

pub async fn event_by_slug(db: &Db, slug: &str) -> Result<Option<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.slug = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await?))
}

pub async fn event(db: &Db, id: i64) -> Result<Option<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// Creates an event; `Duplicate` when the slug is taken.
pub async fn create_event<'x>(ex: impl Into<Exec<'x>>, e: &NewEvent<'_>, now: i64) -> Result<i64> {
    let sql = "INSERT INTO events (slug, title, summary, description, starts_at, ends_at, place, \
               online_url, capacity, published, created_at, updated_at, centre_id, kind) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) RETURNING id";
    Ok(on_exec!(ex.into(), pool => sqlx::query_scalar(sql)
        .bind(e.slug)
        .bind(e.title)
        .bind(e.summary)
        .bind(e.description)
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(e.place)
        .bind(e.online_url)
        .bind(e.capacity)
        .bind(i64::from(e.published))
        .bind(now)
        .bind(e.centre_id)
        .bind(e.kind.code())
        .fetch_one(pool)
        .await?))
}

pub async fn update_event(db: &Db, id: i64, e: &NewEvent<'_>, now: i64) -> Result<()> {
    let sql = "UPDATE events SET slug = $2, title = $3, summary = $4, description = $5, starts_at = $6, \
               ends_at = $7, place = $8, online_url = $9, capacity = $10, published = $11, updated_at = $12, \
               kind = $13 WHERE id = $1";
    on_db!(db, pool => sqlx::query(sql)
        .bind(id)
        .bind(e.slug)
        .bind(e.title)
        .bind(e.summary)
        .bind(e.description)
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(e.place)
        .bind(e.online_url)
        .bind(e.capacity)
        .bind(i64::from(e.published))
        .bind(now)
        .bind(e.kind.code())
        .execute(pool)
        .await?.rows_affected());
    Ok(())
}

/// Registers one person (seats or the waitlist) in a transaction of its own: demo data and
/// tests. The web layer composes `events::register` with its e-mails instead.
pub async fn register(
    db: &Db,
    event_id: i64,
    lead_id: i64,
    now: i64,
) -> Result<Option<crate::events::Outcome>> {
    let mut tx = db.begin().await?;
    let settled = crate::events::register(&mut tx, event_id, lead_id, 1, now).await?;
    tx.commit().await?;
    Ok(settled.map(|s| s.outcome))
}

/// The events a lead registered for: (title, starts_at, confirmed_at).
pub async fn registrations_of(db: &Db, lead_id: i64) -> Result<Vec<(String, i64, Option<i64>)>> {
    let sql = "SELECT e.title, e.starts_at, r.confirmed_at FROM event_registrations r \
               JOIN events e ON e.id = r.event_id WHERE r.lead_id = $1 ORDER BY e.starts_at";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(lead_id).fetch_all(pool).await?))
}

// ---------------------------------------------------------------------------------------------
// Landing texts

pub async fn landing_texts(db: &Db, locale: &str) -> Result<Option<String>> {
    let sql = "SELECT body FROM landing_texts WHERE locale = $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql).bind(locale).fetch_optional(pool).await?))
}

pub async fn set_landing_texts(
    db: &Db,
    locale: &str,
    body: &str,
    user: Option<i64>,
    now: i64,
) -> Result<()> {
    let sql = "INSERT INTO landing_texts (locale, body, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (locale) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, \
               updated_at = excluded.updated_at";
    on_db!(db, pool => sqlx::query(sql).bind(locale).bind(body).bind(user).bind(now).execute(pool).await?.rows_affected());
    Ok(())
}
