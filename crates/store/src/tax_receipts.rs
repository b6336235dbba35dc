//! Tax receipts (reçus fiscaux): one per gift or one yearly summary per donor, numbered in one
//! series per centre and year of issue, the number taken in the issuing transaction
//! (`payments::next_receipt_seq_in`: a rollback gives it back). Everything a receipt prints is
//! copied into it and the database refuses any change (trigger of migration 0029); issuing
//! again finds the same receipt. The web crate decides whether the centre may issue
//! (general interest) and lays the PDF out.
use crate::donations::Donation;
use crate::{Db, Exec, Result, StoreError, Tx, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Receipt {
    pub id: i64,
    pub centre_id: i64,
    pub year: i64,
    pub number: String,
    pub gifts_year: i64,
    /// `gift` or `yearly`.
    pub kind: String,
    pub donation_id: Option<i64>,
    pub donor_name: String,
    pub donor_email: String,
    pub donor_address: String,
    pub org_name: String,
    pub org_address: String,
    pub org_object: String,
    pub signatory: String,
    pub amount_cents: i64,
    /// JSON list of `domain::membership::Gift`.
    pub gifts: String,
    pub issued_on: String,
}

const COLUMNS: &str = "id, centre_id, year, number, gifts_year, kind, donation_id, donor_name, donor_email, \
     donor_address, org_name, org_address, org_object, signatory, amount_cents, gifts, issued_on";

/// The issuing organisation, as the receipt prints it.
#[derive(Debug, Clone, Default)]
pub struct Issuer {
    pub centre_id: i64,
    pub name: String,
    pub address: String,
    pub object: String,
    pub signatory: String,
}

/// A receipt to write: what it covers, already computed.
pub struct NewReceipt<'a> {
    pub issuer: &'a Issuer,
    pub kind: &'a str,
    pub donation_id: Option<i64>,
    pub donor: &'a Donation,
    pub gifts_year: i64,
    pub amount_cents: i64,
    pub gifts_json: &'a str,
    /// The donations it covers.
    pub covers: &'a [i64],
    /// YYYY-MM-DD; its year is the numbering series.
    pub issued_on: &'a str,
    pub number: fn(i64, i64) -> String,
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Receipt>> {
    let sql = format!("SELECT {COLUMNS} FROM tax_receipts WHERE id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// The receipt of one gift, if issued.
pub async fn of_gift<'e>(ex: impl Into<Exec<'e>>, donation_id: i64) -> Result<Option<Receipt>> {
    let sql =
        format!("SELECT {COLUMNS} FROM tax_receipts WHERE kind = 'gift' AND donation_id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(donation_id).fetch_optional(e).await?))
}

/// A donor's yearly receipt, if issued.
pub async fn yearly<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    gifts_year: i64,
    email: &str,
) -> Result<Option<Receipt>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM tax_receipts WHERE kind = 'yearly' AND centre_id = $1 \
         AND gifts_year = $2 AND donor_email = $3"
    );
    Ok(
        on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).bind(gifts_year).bind(email).fetch_optional(e).await?),
    )
}

/// A centre's receipts, the newest first.
pub async fn list(db: &Db, centre_id: i64) -> Result<Vec<Receipt>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM tax_receipts WHERE centre_id = $1 ORDER BY year DESC, sequence DESC LIMIT 2000"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// Numbers and writes a receipt and marks the donations it covers, inside the caller's
/// transaction. `Duplicate` when one was issued meanwhile for the same gift or donor's year.
pub async fn write_in(tx: &mut Tx, r: &NewReceipt<'_>) -> Result<i64> {
    let year: i64 = r
        .issued_on
        .get(..4)
        .and_then(|y| y.parse().ok())
        .ok_or_else(|| StoreError::InvalidInput("issued_on".into()))?;
    let sequence = crate::payments::next_receipt_seq_in(tx, r.issuer.centre_id, year).await?;
    let number = (r.number)(year, sequence);
    let sql = "INSERT INTO tax_receipts (centre_id, year, sequence, number, gifts_year, kind, donation_id, \
               donor_name, donor_email, donor_address, org_name, org_address, org_object, signatory, \
               amount_cents, gifts, issued_on, issued_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
               RETURNING id";
    let id: i64 = on_exec!(Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(r.issuer.centre_id)
        .bind(year)
        .bind(sequence)
        .bind(&number)
        .bind(r.gifts_year)
        .bind(r.kind)
        .bind(r.donation_id)
        .bind(&r.donor.name)
        .bind(&r.donor.email)
        .bind(r.donor.full_address())
        .bind(&r.issuer.name)
        .bind(&r.issuer.address)
        .bind(&r.issuer.object)
        .bind(&r.issuer.signatory)
        .bind(r.amount_cents)
        .bind(r.gifts_json)
        .bind(r.issued_on)
        .bind(now())
        .fetch_one(e)
        .await?);
    for d in r.covers {
        let sql = "UPDATE donations SET receipt_id = $1 WHERE id = $2 AND receipt_id IS NULL";
        let n = on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(id).bind(*d).execute(e).await?.rows_affected());
        if n != 1 {
            return Err(StoreError::Duplicate);
        }
    }
    Ok(id)
}
