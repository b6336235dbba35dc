//! Quotes (devis) of a centre: created and edited as drafts, sent, then accepted or declined.
//! Accepting a quote issues its invoice in the same transaction (its lines copied, the number
//! taken from the centre's series by `invoices::issue_invoice`), links the two and closes the
//! quote: accepting it again gives back the same invoice, never a second one.
use crate::invoices::{self, Buyer, Issued, NewInvoice};
use crate::{Db, Exec, Result, StoreError, Tx, now};
use domain::invoice::{self, Line, quote};

/// A quote to create, or the new content of a draft.
#[derive(Debug, Clone, Default)]
pub struct NewQuote {
    pub centre_id: i64,
    /// The buyer's account, when there is one (they may then answer the quote themselves).
    pub user_id: Option<i64>,
    pub title: String,
    pub buyer: Buyer,
    /// YYYY-MM-DD; 30 days from today when empty.
    pub valid_until: String,
    pub lines: Vec<Line>,
    pub created_by: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Quote {
    pub id: i64,
    pub centre_id: i64,
    pub user_id: Option<i64>,
    pub title: String,
    pub buyer_name: String,
    pub buyer_address: String,
    pub buyer_email: String,
    pub buyer_siren: String,
    pub buyer_vat_number: String,
    pub status: String,
    pub valid_until: String,
    pub invoice_id: Option<i64>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

impl Quote {
    /// The quote's reference as printed (« D-00012 »).
    pub fn reference(&self) -> String {
        reference(self.id)
    }
}

pub fn reference(id: i64) -> String {
    format!("D-{id:05}")
}

const COLUMNS: &str = "id, centre_id, user_id, title, buyer_name, buyer_address, buyer_email, buyer_siren, \
     buyer_vat_number, status, valid_until, invoice_id, created_at, sent_at";

fn refused(err: invoice::InvoiceError) -> StoreError {
    StoreError::InvalidInput(err.message_key().to_string())
}

fn valid_until(typed: &str, at: i64) -> String {
    if typed.trim().is_empty() {
        invoices::day(at, quote::VALIDITY_DAYS).1
    } else {
        typed.trim().to_string()
    }
}

/// Creates a draft quote with its lines (refused with `InvalidInput(message key)` when a line
/// is not valid).
pub async fn create(db: &Db, q: &NewQuote) -> Result<i64> {
    invoice::totals(&q.lines).map_err(refused)?;
    let at = now();
    let mut tx = db.begin().await?;
    let sql = "INSERT INTO quotes (centre_id, user_id, title, buyer_name, buyer_address, buyer_email, buyer_siren, \
               buyer_vat_number, status, valid_until, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11, $11) RETURNING id";
    let id: i64 = on_exec!(Exec::Tx(&mut tx), e => sqlx::query_scalar(sql)
        .bind(q.centre_id)
        .bind(q.user_id)
        .bind(q.title.trim())
        .bind(q.buyer.name.trim())
        .bind(q.buyer.address.trim())
        .bind(q.buyer.email.trim())
        .bind(q.buyer.siren.trim())
        .bind(q.buyer.vat_number.trim())
        .bind(valid_until(&q.valid_until, at))
        .bind(q.created_by)
        .bind(at)
        .fetch_one(e)
        .await?);
    insert_lines(&mut tx, id, &q.lines).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a draft's content; `AlreadyDone` once it is sent, accepted or declined.
pub async fn update(db: &Db, id: i64, q: &NewQuote) -> Result<()> {
    invoice::totals(&q.lines).map_err(refused)?;
    let at = now();
    let mut tx = db.begin().await?;
    let sql = "UPDATE quotes SET user_id = $2, title = $3, buyer_name = $4, buyer_address = $5, buyer_email = $6, \
               buyer_siren = $7, buyer_vat_number = $8, valid_until = $9, updated_at = $10 \
               WHERE id = $1 AND status = 'draft'";
    let changed = on_exec!(Exec::Tx(&mut tx), e => sqlx::query(sql)
        .bind(id)
        .bind(q.user_id)
        .bind(q.title.trim())
        .bind(q.buyer.name.trim())
        .bind(q.buyer.address.trim())
        .bind(q.buyer.email.trim())
        .bind(q.buyer.siren.trim())
        .bind(q.buyer.vat_number.trim())
        .bind(valid_until(&q.valid_until, at))
        .bind(at)
        .execute(e)
        .await?.rows_affected());
    if changed == 0 {
        return Err(StoreError::AlreadyDone);
    }
    let sql = "DELETE FROM quote_lines WHERE quote_id = $1";
    on_exec!(Exec::Tx(&mut tx), e => sqlx::query(sql).bind(id).execute(e).await?.rows_affected());
    insert_lines(&mut tx, id, &q.lines).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_lines(tx: &mut Tx, quote_id: i64, lines: &[Line]) -> Result<()> {
    let mut sql = String::from(
        "INSERT INTO quote_lines (quote_id, position, label, quantity_milli, unit_price_cents, vat_rate_bp) VALUES ",
    );
    for i in 0..lines.len() {
        let b = i * 6;
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!(
            "(${}, ${}, ${}, ${}, ${}, ${})",
            b + 1,
            b + 2,
            b + 3,
            b + 4,
            b + 5,
            b + 6
        ));
    }
    on_exec!(Exec::Tx(&mut *tx), e => {
        let mut q = sqlx::query(&sql);
        for (i, l) in lines.iter().enumerate() {
            q = q
                .bind(quote_id)
                .bind(i as i64 + 1)
                .bind(l.label.trim())
                .bind(l.quantity_milli)
                .bind(l.unit_price_cents)
                .bind(l.vat_rate_bp);
        }
        q.execute(e).await?.rows_affected()
    });
    Ok(())
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Quote>> {
    let sql = format!("SELECT {COLUMNS} FROM quotes WHERE id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A quote's lines, in order.
pub async fn lines<'e>(ex: impl Into<Exec<'e>>, quote_id: i64) -> Result<Vec<Line>> {
    let sql = "SELECT label, quantity_milli, unit_price_cents, vat_rate_bp FROM quote_lines \
               WHERE quote_id = $1 ORDER BY position";
    let rows: Vec<(String, i64, i64, i64)> =
        on_exec!(ex.into(), e => sqlx::query_as(sql).bind(quote_id).fetch_all(e).await?);
    Ok(rows
        .into_iter()
        .map(
            |(label, quantity_milli, unit_price_cents, vat_rate_bp)| Line {
                label,
                quantity_milli,
                unit_price_cents,
                vat_rate_bp,
            },
        )
        .collect())
}

/// A line of the quotes list, with its total before VAT.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub title: String,
    pub buyer_name: String,
    pub status: String,
    pub valid_until: String,
    pub invoice_id: Option<i64>,
    pub created_at: i64,
    pub total_ht_cents: i64,
}

/// A centre's quotes, the newest first, of one status (all when empty), in one statement.
pub async fn list(db: &Db, centre_id: i64, status: &str, limit: i64) -> Result<Vec<ListRow>> {
    let sql = "SELECT q.id, q.title, q.buyer_name, q.status, q.valid_until, q.invoice_id, q.created_at, \
               CAST(COALESCE((SELECT SUM((l.quantity_milli * l.unit_price_cents + 500) / 1000) FROM quote_lines l \
               WHERE l.quote_id = q.id), 0) AS BIGINT) AS total_ht_cents \
               FROM quotes q WHERE q.centre_id = $1 AND ($2 = '' OR q.status = $2) ORDER BY q.id DESC LIMIT $3";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(centre_id)
        .bind(status)
        .bind(limit)
        .fetch_all(pool)
        .await?))
}

/// The quotes sent to a person's account (drafts stay with the staff), the newest first, in
/// one statement.
pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<ListRow>> {
    let sql = "SELECT q.id, q.title, q.buyer_name, q.status, q.valid_until, q.invoice_id, q.created_at, \
               CAST(COALESCE((SELECT SUM((l.quantity_milli * l.unit_price_cents + 500) / 1000) FROM quote_lines l \
               WHERE l.quote_id = q.id), 0) AS BIGINT) AS total_ht_cents \
               FROM quotes q WHERE q.user_id = $1 AND q.status <> 'draft' ORDER BY q.id DESC LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await?))
}

/// Marks a draft (or an already sent quote, sent again) as sent; `AlreadyDone` once answered.
pub async fn mark_sent(db: &Db, id: i64) -> Result<()> {
    let sql = "UPDATE quotes SET status = 'sent', sent_at = $2, updated_at = $2 \
               WHERE id = $1 AND status IN ('draft', 'sent')";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(now()).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::AlreadyDone);
    }
    Ok(())
}

/// Declines an open quote; `AlreadyDone` once accepted or declined.
pub async fn decline(db: &Db, id: i64) -> Result<()> {
    let sql = "UPDATE quotes SET status = 'declined', updated_at = $2 \
               WHERE id = $1 AND status IN ('draft', 'sent')";
    let n = on_db!(db, pool => sqlx::query(sql).bind(id).bind(now()).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::AlreadyDone);
    }
    Ok(())
}

/// Accepts a quote: issues its invoice (lines copied, numbered in this transaction), links it
/// and closes the quote, with the invoice's audit line. Accepting an accepted quote gives back
/// its invoice; a declined one is `AlreadyDone`.
pub async fn accept(db: &Db, id: i64, actor: Option<i64>) -> Result<Issued> {
    let mut tx = db.begin().await?;
    let sql = format!("SELECT {COLUMNS} FROM quotes WHERE id = $1");
    let lock = match &tx {
        Tx::Postgres(_) => format!("{sql} FOR UPDATE"),
        Tx::Sqlite(..) => sql,
    };
    let q: Quote =
        on_exec!(Exec::Tx(&mut tx), e => sqlx::query_as(&lock).bind(id).fetch_optional(e).await?)
            .ok_or(StoreError::NotFound)?;
    if let Some(invoice_id) = q.invoice_id {
        let inv = invoices::find(&mut tx, invoice_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        return Ok(Issued {
            id: inv.id,
            number: inv.number,
            total_ttc_cents: inv.total_ttc_cents,
        });
    }
    if !quote::is_open(&q.status) {
        return Err(StoreError::AlreadyDone);
    }
    let lines = lines(&mut tx, id).await?;
    let new = NewInvoice {
        centre_id: q.centre_id,
        user_id: q.user_id,
        order_id: None,
        quote_id: Some(q.id),
        buyer: Buyer {
            name: q.buyer_name.clone(),
            address: q.buyer_address.clone(),
            email: q.buyer_email.clone(),
            siren: q.buyer_siren.clone(),
            vat_number: q.buyer_vat_number.clone(),
        },
        lines,
        service_date: String::new(),
        issued_by: actor,
    };
    let issued = invoices::issue_invoice(&mut tx, &new).await?;
    let sql = "UPDATE quotes SET status = 'accepted', invoice_id = $2, accepted_at = $3, updated_at = $3 \
               WHERE id = $1 AND status IN ('draft', 'sent')";
    let n = on_exec!(Exec::Tx(&mut tx), e => sqlx::query(sql).bind(id).bind(issued.id).bind(now()).execute(e).await?.rows_affected());
    if n != 1 {
        // Someone else accepted it meanwhile: nothing of this one is kept.
        return Err(StoreError::AlreadyDone);
    }
    crate::audit::record(
        &mut tx,
        crate::audit::AuditAction::InvoiceIssued,
        crate::audit::Entry {
            actor_id: actor,
            centre_id: Some(q.centre_id),
            subject_id: None,
            detail: &format!("{} ({})", issued.number, q.reference()),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(issued)
}
