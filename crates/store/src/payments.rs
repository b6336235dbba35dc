//! Payments: each centre's providers (their secrets are read here and nowhere shown), its
//! transfer details, the checkout sessions of orders (one per order and provider), the webhook
//! events already applied, the orders' paid and refunded states, bank statement lines (each
//! imported once) and the tax receipts' numbering (one continuous series per centre and year).
use crate::tx::{Exec, Tx};
use crate::{Db, Result, now};

/// A centre's provider. `Debug` shows no secret.
#[derive(Clone, Default, sqlx::FromRow)]
pub struct ProviderConfig {
    pub centre_id: i64,
    pub provider: String,
    pub base_url: String,
    pub account: String,
    pub client_id: String,
    pub api_secret: String,
    pub webhook_secret: String,
    pub enabled: i64,
    pub updated_at: i64,
}

impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("centre_id", &self.centre_id)
            .field("provider", &self.provider)
            .field("base_url", &self.base_url)
            .field("account", &self.account)
            .field("client_id", &self.client_id)
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

const PROVIDER_COLUMNS: &str = "centre_id, provider, base_url, account, client_id, api_secret, webhook_secret, enabled, updated_at";

pub async fn providers_of(db: &Db, centre_id: i64) -> Result<Vec<ProviderConfig>> {
    let sql = format!(
        "SELECT {PROVIDER_COLUMNS} FROM payment_providers WHERE centre_id = $1 ORDER BY provider"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

pub async fn provider(db: &Db, centre_id: i64, provider: &str) -> Result<Option<ProviderConfig>> {
    let sql = format!(
        "SELECT {PROVIDER_COLUMNS} FROM payment_providers WHERE centre_id = $1 AND provider = $2"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).bind(provider).fetch_optional(pool).await?),
    )
}

/// Creates or replaces a centre's provider.
pub async fn save_provider(db: &Db, p: &ProviderConfig) -> Result<()> {
    let sql = format!(
        "INSERT INTO payment_providers ({PROVIDER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (centre_id, provider) DO UPDATE SET base_url = excluded.base_url, \
         account = excluded.account, client_id = excluded.client_id, api_secret = excluded.api_secret, \
         webhook_secret = excluded.webhook_secret, enabled = excluded.enabled, updated_at = excluded.updated_at"
    );
    on_db!(db, pool => sqlx::query(&sql)
        .bind(p.centre_id)
        .bind(&p.provider)
        .bind(&p.base_url)
        .bind(&p.account)
        .bind(&p.client_id)
        .bind(&p.api_secret)
        .bind(&p.webhook_secret)
        .bind(p.enabled)
        .bind(now())
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// A centre's receipt identity (its bank details are the invoices' seller's).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct PaymentSettings {
    pub centre_id: i64,
    pub general_interest: i64,
    pub object: String,
    pub address: String,
    pub signatory: String,
}

pub async fn settings(db: &Db, centre_id: i64) -> Result<PaymentSettings> {
    let sql = "SELECT centre_id, general_interest, object, address, signatory \
               FROM payment_settings WHERE centre_id = $1";
    let found: Option<PaymentSettings> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_optional(pool).await?);
    Ok(found.unwrap_or(PaymentSettings {
        centre_id,
        ..Default::default()
    }))
}

pub async fn save_settings(db: &Db, s: &PaymentSettings) -> Result<()> {
    let sql = "INSERT INTO payment_settings (centre_id, general_interest, object, address, signatory, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (centre_id) DO UPDATE SET \
               general_interest = excluded.general_interest, object = excluded.object, \
               address = excluded.address, signatory = excluded.signatory, updated_at = excluded.updated_at";
    on_db!(db, pool => sqlx::query(sql)
        .bind(s.centre_id)
        .bind(s.general_interest)
        .bind(&s.object)
        .bind(&s.address)
        .bind(&s.signatory)
        .bind(now())
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// An order as payments see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PayOrder {
    pub id: i64,
    pub centre_id: i64,
    pub user_id: i64,
    pub amount_cents: i64,
    pub status: String,
    pub title: String,
    pub application_id: Option<i64>,
}

pub const PAID: &str = "paid";
pub const REFUNDED: &str = "refunded";

pub async fn order<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<PayOrder>> {
    let sql = "SELECT r.id, r.centre_id, r.user_id, r.amount_cents, r.status, \
               COALESCE(NULLIF(r.label, ''), o.title, '') AS title, r.application_id \
               FROM orders r LEFT JOIN offers o ON o.id = r.offer_id WHERE r.id = $1";
    Ok(on_exec!(ex.into(), e => sqlx::query_as(sql).bind(id).fetch_optional(e).await?))
}

/// Moves an order from `from` to `to`; false when it was no longer at `from` (someone else did).
pub async fn move_order_in(tx: &mut Tx, id: i64, from: &str, to: &str) -> Result<bool> {
    let sql = "UPDATE orders SET status = $1 WHERE id = $2 AND status = $3";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(to).bind(id).bind(from).execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// The hosted checkout opened for an order with a provider.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub order_id: i64,
    pub provider: String,
    pub external_id: String,
    pub url: String,
    pub amount_cents: i64,
}

pub async fn session(db: &Db, order_id: i64, provider: &str) -> Result<Option<Session>> {
    let sql = "SELECT id, order_id, provider, external_id, url, amount_cents FROM checkout_sessions \
               WHERE order_id = $1 AND provider = $2";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(order_id).bind(provider).fetch_optional(pool).await?),
    )
}

pub async fn session_by_external(
    db: &Db,
    provider: &str,
    external_id: &str,
) -> Result<Option<Session>> {
    let sql = "SELECT id, order_id, provider, external_id, url, amount_cents FROM checkout_sessions \
               WHERE provider = $1 AND external_id = $2";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(provider).bind(external_id).fetch_optional(pool).await?),
    )
}

/// Keeps the session a provider opened; the one already kept when a concurrent request (a
/// double click) kept one first.
pub async fn keep_session(
    db: &Db,
    order_id: i64,
    provider: &str,
    external_id: &str,
    url: &str,
    amount_cents: i64,
) -> Result<Session> {
    let sql = "INSERT INTO checkout_sessions (order_id, provider, external_id, url, amount_cents, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id, provider) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql)
        .bind(order_id)
        .bind(provider)
        .bind(external_id)
        .bind(url)
        .bind(amount_cents)
        .bind(now())
        .execute(pool)
        .await?
        .rows_affected());
    session(db, order_id, provider)
        .await?
        .ok_or(crate::StoreError::NotFound)
}

/// Records a webhook event as applied; false when it already was (a replay), in which case
/// the caller applies nothing.
pub async fn first_time_in(
    tx: &mut Tx,
    provider: &str,
    event_id: &str,
    kind: &str,
    order_id: Option<i64>,
) -> Result<bool> {
    let sql = "INSERT INTO webhook_events (provider, event_id, kind, order_id, received_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider, event_id) DO NOTHING";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql)
        .bind(provider)
        .bind(event_id)
        .bind(kind)
        .bind(order_id)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// How many webhook events were applied (for tests and the operations page).
pub async fn events_count(db: &Db) -> Result<i64> {
    Ok(
        on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM webhook_events").fetch_one(pool).await?),
    )
}

/// A credit read from a bank statement.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BankLineRow {
    pub id: i64,
    pub centre_id: i64,
    pub booked_on: String,
    pub amount_cents: i64,
    pub reference: String,
    pub label: String,
    pub status: String,
    /// The order a recorded line paid.
    pub order_id: Option<i64>,
}

/// Keeps a statement's line unless the same line was imported before; true when new.
pub async fn import_line_in(
    tx: &mut Tx,
    centre_id: i64,
    l: &domain::payment::bank::BankLine,
) -> Result<bool> {
    let sql = "INSERT INTO bank_lines (centre_id, fingerprint, booked_on, amount_cents, reference, label, imported_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (centre_id, fingerprint) DO NOTHING";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql)
        .bind(centre_id)
        .bind(&l.fingerprint)
        .bind(&l.booked_on)
        .bind(l.amount_cents)
        .bind(&l.reference)
        .bind(&l.label)
        .bind(now())
        .execute(e)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// A centre's imported lines: the open ones first, then the newest.
pub async fn bank_lines(db: &Db, centre_id: i64) -> Result<Vec<BankLineRow>> {
    let sql = "SELECT id, centre_id, booked_on, amount_cents, reference, label, status, order_id \
               FROM bank_lines WHERE centre_id = $1 \
               ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, booked_on DESC, id DESC LIMIT 500";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

pub async fn bank_line<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<BankLineRow>> {
    let sql = "SELECT id, centre_id, booked_on, amount_cents, reference, label, status, order_id \
               FROM bank_lines WHERE id = $1";
    Ok(on_exec!(ex.into(), e => sqlx::query_as(sql).bind(id).fetch_optional(e).await?))
}

/// Settles an open line (`recorded` as the payment of an order, or `ignored`); false when it was no
/// longer open (confirmed twice).
pub async fn settle_line_in(
    tx: &mut Tx,
    id: i64,
    status: &str,
    order_id: Option<i64>,
) -> Result<bool> {
    let sql = "UPDATE bank_lines SET status = $1, order_id = $2 WHERE id = $3 AND status = 'open'";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(status).bind(order_id).bind(id).execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// The next tax receipt number of a centre's `year`: one series, no gap, taken in the
/// transaction that issues the receipt (a rollback gives it back).
pub async fn next_receipt_seq_in(tx: &mut Tx, centre_id: i64, year: i64) -> Result<i64> {
    let sql = "INSERT INTO receipt_counters (centre_id, year, last) VALUES ($1, $2, 1) \
               ON CONFLICT (centre_id, year) DO UPDATE SET last = receipt_counters.last + 1 RETURNING last";
    Ok(
        on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql).bind(centre_id).bind(year).fetch_one(e).await?),
    )
}

/// A centre's orders still awaiting payment (what a bank transfer may pay).
pub async fn awaiting_orders(db: &Db, centre_id: i64) -> Result<Vec<PayOrder>> {
    let sql = "SELECT r.id, r.centre_id, r.user_id, r.amount_cents, r.status, \
               COALESCE(NULLIF(r.label, ''), o.title, '') AS title, r.application_id \
               FROM orders r LEFT JOIN offers o ON o.id = r.offer_id \
               WHERE r.centre_id = $1 AND r.status = 'awaiting_payment' ORDER BY r.id LIMIT 2000";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Whether a webhook event was already applied (read before effects that take their own
/// transaction).
pub async fn event_seen(db: &Db, provider: &str, event_id: &str) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM webhook_events WHERE provider = $1 AND event_id = $2";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(provider).bind(event_id).fetch_one(pool).await?);
    Ok(n > 0)
}
