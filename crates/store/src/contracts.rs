//! Contracts and amendments of a licence, and their simple electronic signatures: the text and
//! its SHA-256 fingerprint, sent for signature, then signed once per party with the signer's
//! identity (copied), the fingerprint of the text signed and the time. Once a party signed the
//! text changes no more; a signature never changes (a trigger refuses it).
use crate::{Db, Exec, Result, StoreError, Tx, now};
use domain::contract::Party;

pub const CONTRACT: &str = "contract";
pub const AMENDMENT: &str = "amendment";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Contract {
    pub id: i64,
    pub centre_id: i64,
    pub licence_id: i64,
    pub kind: String,
    pub amends_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub body_hash: String,
    pub sent_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Contract {
    pub fn is_amendment(&self) -> bool {
        self.kind == AMENDMENT
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Signature {
    pub id: i64,
    pub contract_id: i64,
    pub party: String,
    pub user_id: Option<i64>,
    pub signer_name: String,
    pub signer_email: String,
    pub body_hash: String,
    pub signed_at: i64,
}

impl Signature {
    pub fn party(&self) -> Option<Party> {
        Party::parse(&self.party)
    }
}

const COLUMNS: &str = "id, centre_id, licence_id, kind, amends_id, title, body, body_hash, sent_at, created_at, updated_at";
const SIGNATURE_COLUMNS: &str =
    "id, contract_id, party, user_id, signer_name, signer_email, body_hash, signed_at";

/// A contract to write.
#[derive(Debug, Clone)]
pub struct NewContract<'a> {
    pub centre_id: i64,
    pub licence_id: i64,
    pub kind: &'a str,
    pub amends_id: Option<i64>,
    pub title: &'a str,
    pub body: &'a str,
    pub by: Option<i64>,
}

pub async fn create(tx: &mut Tx, c: &NewContract<'_>) -> Result<i64> {
    let sql = "INSERT INTO contracts (centre_id, licence_id, kind, amends_id, title, body, body_hash, created_by, \
               created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(c.centre_id)
        .bind(c.licence_id)
        .bind(c.kind)
        .bind(c.amends_id)
        .bind(c.title)
        .bind(c.body)
        .bind(domain::contract::fingerprint(c.body))
        .bind(c.by)
        .bind(now())
        .fetch_one(e)
        .await?))
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Contract>> {
    let sql = format!("SELECT {COLUMNS} FROM contracts WHERE id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's contracts and amendments, the oldest first.
pub async fn of_centre(db: &Db, centre_id: i64) -> Result<Vec<Contract>> {
    let sql = format!("SELECT {COLUMNS} FROM contracts WHERE centre_id = $1 ORDER BY id");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// The signatures of a contract.
pub async fn signatures<'e>(ex: impl Into<Exec<'e>>, contract_id: i64) -> Result<Vec<Signature>> {
    let sql = format!(
        "SELECT {SIGNATURE_COLUMNS} FROM contract_signatures WHERE contract_id = $1 ORDER BY id"
    );
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(contract_id).fetch_all(e).await?))
}

/// The signatures of a centre's contracts (one statement for its list).
pub async fn signatures_of_centre(db: &Db, centre_id: i64) -> Result<Vec<Signature>> {
    let sql = "SELECT s.id, s.contract_id, s.party, s.user_id, s.signer_name, s.signer_email, s.body_hash, \
               s.signed_at FROM contract_signatures s JOIN contracts c ON c.id = s.contract_id \
               WHERE c.centre_id = $1 ORDER BY s.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// Replaces a contract's text (and its fingerprint) while no party has signed it: `Stale` when
/// the text changed since the editor loaded it (`seen` fingerprint), `AlreadyDone` once signed.
pub async fn edit(tx: &mut Tx, id: i64, seen: &str, title: &str, body: &str) -> Result<()> {
    let sql = "UPDATE contracts SET title = $2, body = $3, body_hash = $4, updated_at = $5 \
               WHERE id = $1 AND body_hash = $6 \
               AND NOT EXISTS (SELECT 1 FROM contract_signatures s WHERE s.contract_id = $1)";
    let n = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
        .bind(id)
        .bind(title)
        .bind(body)
        .bind(domain::contract::fingerprint(body))
        .bind(now())
        .bind(seen)
        .execute(e)
        .await?.rows_affected());
    if n == 1 {
        return Ok(());
    }
    if !signatures(&mut *tx, id).await?.is_empty() {
        return Err(StoreError::AlreadyDone);
    }
    Err(StoreError::stale(0, None))
}

/// Sends a contract for signature (once); false when it was sent already.
pub async fn send(tx: &mut Tx, id: i64) -> Result<bool> {
    let sql = "UPDATE contracts SET sent_at = $2 WHERE id = $1 AND sent_at IS NULL";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(id).bind(now()).execute(e).await?.rows_affected());
    Ok(n == 1)
}

/// A signature to record.
#[derive(Debug, Clone)]
pub struct NewSignature<'a> {
    pub contract_id: i64,
    pub party: Party,
    pub user_id: i64,
    pub signer_name: &'a str,
    pub signer_email: &'a str,
    /// The fingerprint of the text the signer saw and signed.
    pub body_hash: &'a str,
}

/// Records a signature, only on the text whose fingerprint the signer saw (the statement checks
/// it against the stored one): `Stale` when the text changed, `Duplicate` when that party signed
/// already.
pub async fn sign(tx: &mut Tx, s: &NewSignature<'_>) -> Result<i64> {
    let sql = "INSERT INTO contract_signatures (contract_id, party, user_id, signer_name, signer_email, body_hash, signed_at) \
               SELECT c.id, $2, $3, $4, $5, c.body_hash, $7 FROM contracts c \
               WHERE c.id = $1 AND c.body_hash = $6 AND c.sent_at IS NOT NULL RETURNING id";
    let id: Option<i64> = on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(s.contract_id)
        .bind(s.party.code())
        .bind(s.user_id)
        .bind(s.signer_name)
        .bind(s.signer_email)
        .bind(s.body_hash)
        .bind(now())
        .fetch_optional(e)
        .await?);
    id.ok_or_else(|| StoreError::stale(0, None))
}
