//! Reminders of unpaid invoices: the issued invoices past their due date with the centre's
//! reminder days, and the claim that counts a reminder as sent. The claim is a conditional
//! update (`reminders = n - 1` → `n`) made in the transaction that queues the reminder's mail,
//! so each reminder goes once however often the scan runs, and none once the invoice is paid
//! or credited (its status is no longer `issued`).
use crate::{Db, Exec, Result};

/// An issued invoice past its due date, with what its reminder needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Unpaid {
    pub id: i64,
    pub centre_id: i64,
    pub number: String,
    pub user_id: Option<i64>,
    pub buyer_name: String,
    pub buyer_email: String,
    pub issue_date: String,
    pub due_date: String,
    pub total_ttc_cents: i64,
    pub paid_cents: i64,
    pub credited_cents: i64,
    pub reminders: i64,
    pub seller_name: String,
    pub seller_iban: String,
    pub reminder_first_days: i64,
    pub reminder_second_days: i64,
}

impl Unpaid {
    pub fn due_cents(&self) -> i64 {
        (self.total_ttc_cents - self.credited_cents - self.paid_cents).max(0)
    }
}

const COLUMNS: &str = "i.id, i.centre_id, i.number, i.user_id, i.buyer_name, i.buyer_email, i.issue_date, \
     i.due_date, i.total_ttc_cents, i.paid_cents, i.credited_cents, i.reminders, i.seller_name, i.seller_iban, \
     COALESCE(s.reminder_first_days, 7) AS reminder_first_days, \
     COALESCE(s.reminder_second_days, 21) AS reminder_second_days";

/// Every centre's issued invoices due before `today` (YYYY-MM-DD) with a reminder still to
/// send, oldest due first.
pub async fn candidates(db: &Db, today: &str, limit: i64) -> Result<Vec<Unpaid>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM invoices i LEFT JOIN seller_settings s ON s.centre_id = i.centre_id \
         WHERE i.status = 'issued' AND i.kind = 'invoice' AND i.due_date < $1 AND i.reminders < 2 \
         ORDER BY i.due_date, i.id LIMIT $2"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(today).bind(limit).fetch_all(pool).await?))
}

/// A centre's issued invoices due before `today`, oldest due first: the manager's list.
pub async fn overdue(db: &Db, centre_id: i64, today: &str, limit: i64) -> Result<Vec<Unpaid>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM invoices i LEFT JOIN seller_settings s ON s.centre_id = i.centre_id \
         WHERE i.centre_id = $1 AND i.status = 'issued' AND i.kind = 'invoice' AND i.due_date < $2 \
         ORDER BY i.due_date, i.id LIMIT $3"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).bind(today).bind(limit).fetch_all(pool).await?),
    )
}

/// Counts reminder `n` as sent, once: `false` when it already was (or the invoice is settled).
pub async fn claim<'e>(ex: impl Into<Exec<'e>>, invoice_id: i64, n: i64) -> Result<bool> {
    let sql = "UPDATE invoices SET reminders = $2 WHERE id = $1 AND reminders = $2 - 1 AND status = 'issued'";
    let changed = on_exec!(ex.into(), e => sqlx::query(sql).bind(invoice_id).bind(n).execute(e).await?.rows_affected());
    Ok(changed == 1)
}
