//! Royalty statements: one per licence and period, from the centre's invoiced revenue (its
//! invoices minus its credit notes issued in the period, excluding VAT) or a declared figure,
//! turned once into the network's invoice to the centre.
use crate::invoices::{Issued, NewInvoice};
use crate::{Db, Exec, Result, StoreError, Tx, now};

pub const INVOICED: &str = "invoiced";
pub const DECLARED: &str = "declared";

/// The centre's revenue excluding VAT over `from ..= to` (YYYY-MM-DD): its invoices issued then
/// minus its credit notes issued then.
pub async fn invoiced_revenue<'e>(
    ex: impl Into<Exec<'e>>,
    centre_id: i64,
    from: &str,
    to: &str,
) -> Result<i64> {
    let sql = "SELECT CAST(COALESCE(SUM(CASE WHEN kind = 'invoice' THEN total_ht_cents ELSE -total_ht_cents END), 0) AS BIGINT) \
               FROM invoices WHERE centre_id = $1 AND issue_date >= $2 AND issue_date <= $3";
    let total: i64 = on_exec!(ex.into(), e => sqlx::query_scalar(sql)
        .bind(centre_id)
        .bind(from)
        .bind(to)
        .fetch_one(e)
        .await?);
    Ok(total)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Statement {
    pub id: i64,
    pub centre_id: i64,
    pub licence_id: i64,
    pub period: String,
    pub starts_on: String,
    pub ends_on: String,
    pub source: String,
    pub revenue_cents: i64,
    pub royalty_bp: i64,
    pub royalty_cents: i64,
    pub yearly_fee_cents: i64,
    pub total_cents: i64,
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
    pub created_at: i64,
}

const SELECT: &str = "SELECT s.id, s.centre_id, s.licence_id, s.period, s.starts_on, s.ends_on, s.source, \
     s.revenue_cents, s.royalty_bp, s.royalty_cents, s.yearly_fee_cents, s.total_cents, s.invoice_id, \
     i.number AS invoice_number, s.created_at FROM royalty_statements s LEFT JOIN invoices i ON i.id = s.invoice_id";

/// A statement to record.
#[derive(Debug, Clone)]
pub struct NewStatement<'a> {
    pub centre_id: i64,
    pub licence_id: i64,
    pub period: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub source: &'a str,
    pub figures: domain::licence::royalty::Statement,
    pub by: Option<i64>,
}

/// Records a statement; a second one for the same licence and period is `Duplicate`.
pub async fn create(tx: &mut Tx, s: &NewStatement<'_>) -> Result<i64> {
    let sql = "INSERT INTO royalty_statements (centre_id, licence_id, period, starts_on, ends_on, source, \
               revenue_cents, royalty_bp, royalty_cents, yearly_fee_cents, total_cents, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
    Ok(on_exec!(Exec::from(tx), e => sqlx::query_scalar(sql)
        .bind(s.centre_id)
        .bind(s.licence_id)
        .bind(s.period)
        .bind(s.starts_on)
        .bind(s.ends_on)
        .bind(s.source)
        .bind(s.figures.revenue_cents)
        .bind(s.figures.royalty_bp)
        .bind(s.figures.royalty_cents)
        .bind(s.figures.yearly_fee_cents)
        .bind(s.figures.total_cents)
        .bind(s.by)
        .bind(now())
        .fetch_one(e)
        .await?))
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Statement>> {
    let sql = format!("{SELECT} WHERE s.id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A centre's statements, the newest first.
pub async fn of_centre(db: &Db, centre_id: i64) -> Result<Vec<Statement>> {
    let sql = format!("{SELECT} WHERE s.centre_id = $1 ORDER BY s.starts_on DESC, s.id DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).fetch_all(pool).await?))
}

/// Issues the network's invoice for a statement (through the issuing centre's own series, in
/// the caller's transaction) and ties it to the statement, once: a statement already invoiced
/// is `AlreadyDone` and the invoice just issued is rolled back with the transaction, number
/// included.
pub async fn invoice_in(tx: &mut Tx, statement_id: i64, new: &NewInvoice) -> Result<Issued> {
    let issued = crate::invoices::issue_invoice(tx, new).await?;
    let sql = "UPDATE royalty_statements SET invoice_id = $2 WHERE id = $1 AND invoice_id IS NULL";
    let n = on_exec!(Exec::from(tx), e => sqlx::query(sql)
        .bind(statement_id)
        .bind(issued.id)
        .execute(e)
        .await?.rows_affected());
    if n == 1 {
        Ok(issued)
    } else {
        Err(StoreError::AlreadyDone)
    }
}
