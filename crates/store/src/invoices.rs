//! Invoices the French way: the seller's identity per centre, invoices and credit notes numbered
//! in one continuous series per centre and year, and the payments received against them.
//!
//! Numbering: the number is taken in the transaction that inserts the invoice, by an upsert on
//! the centre's counter row of the year (`INSERT … ON CONFLICT DO UPDATE SET last_number =
//! last_number + 1 RETURNING last_number`). The row stays locked until the transaction ends, so
//! two issuers (two tasks, two nodes on PostgreSQL) take turns; a transaction that fails or is
//! dropped gives its number back with everything else. Numbers never have a gap or a duplicate.
//! Invoices and credit notes share the series, told apart by their prefix (« F-2027-00012 »,
//! « AV-2027-00013 »), see [`domain::invoice::number`].
//!
//! An issued invoice never changes: the seller's and the buyer's identities are copied into it,
//! and the database refuses any update of its content and any deletion (triggers of migration
//! 0023). Only its running amounts (paid, credited), status and reminders count move.
use crate::{Db, Exec, Result, StoreError, Tx, now};
use domain::invoice::{self, InvoiceError, Kind, Line};

/// What a centre prints as seller on its invoices, and when it reminds unpaid invoices.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Seller {
    pub centre_id: i64,
    pub legal_name: String,
    pub legal_form: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    pub country: String,
    pub siren: String,
    pub siret: String,
    pub registration: String,
    pub vat_number: String,
    pub vat_exempt: bool,
    pub exemption_mention: String,
    pub iban: String,
    pub bic: String,
    pub email: String,
    pub payment_terms_days: i64,
    pub penalty_rate_bp: i64,
    /// Days past the due date of the first and second reminders (0: none).
    pub reminder_first_days: i64,
    pub reminder_second_days: i64,
}

impl Default for Seller {
    fn default() -> Self {
        Seller {
            centre_id: 0,
            legal_name: String::new(),
            legal_form: String::new(),
            address: String::new(),
            postcode: String::new(),
            town: String::new(),
            country: String::new(),
            siren: String::new(),
            siret: String::new(),
            registration: String::new(),
            vat_number: String::new(),
            vat_exempt: false,
            exemption_mention: String::new(),
            iban: String::new(),
            bic: String::new(),
            email: String::new(),
            payment_terms_days: 0,
            penalty_rate_bp: 0,
            reminder_first_days: invoice::reminder::DEFAULT_FIRST,
            reminder_second_days: invoice::reminder::DEFAULT_SECOND,
        }
    }
}

impl Seller {
    /// The address on one line per part, as printed.
    pub fn full_address(&self) -> String {
        let town = format!("{} {}", self.postcode.trim(), self.town.trim());
        [self.address.trim(), town.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether invoices can be issued: a legal name and a SIREN at least.
    pub fn is_complete(&self) -> bool {
        !self.legal_name.trim().is_empty() && !self.siren.trim().is_empty()
    }
}

const SELLER_COLUMNS: &str = "centre_id, legal_name, legal_form, address, postcode, town, country, siren, \
     siret, registration, vat_number, vat_exempt <> 0 AS vat_exempt, exemption_mention, iban, bic, email, \
     payment_terms_days, penalty_rate_bp, reminder_first_days, reminder_second_days";

/// The centre's seller identity, if set.
pub async fn seller<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Option<Seller>> {
    let sql = format!("SELECT {SELLER_COLUMNS} FROM seller_settings WHERE centre_id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).fetch_optional(e).await?))
}

/// Creates or replaces the centre's seller identity (issued invoices keep their copy).
pub async fn save_seller<'e>(ex: impl Into<Exec<'e>>, s: &Seller) -> Result<()> {
    let sql = "INSERT INTO seller_settings (centre_id, legal_name, legal_form, address, postcode, town, country, \
               siren, siret, registration, vat_number, vat_exempt, exemption_mention, iban, bic, email, \
               payment_terms_days, penalty_rate_bp, updated_at, reminder_first_days, reminder_second_days) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) \
               ON CONFLICT (centre_id) DO UPDATE SET legal_name = excluded.legal_name, \
               legal_form = excluded.legal_form, address = excluded.address, postcode = excluded.postcode, \
               town = excluded.town, country = excluded.country, siren = excluded.siren, siret = excluded.siret, \
               registration = excluded.registration, vat_number = excluded.vat_number, \
               vat_exempt = excluded.vat_exempt, exemption_mention = excluded.exemption_mention, \
               iban = excluded.iban, bic = excluded.bic, email = excluded.email, \
               payment_terms_days = excluded.payment_terms_days, penalty_rate_bp = excluded.penalty_rate_bp, \
               updated_at = excluded.updated_at, reminder_first_days = excluded.reminder_first_days, \
               reminder_second_days = excluded.reminder_second_days";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(s.centre_id)
        .bind(&s.legal_name)
        .bind(&s.legal_form)
        .bind(&s.address)
        .bind(&s.postcode)
        .bind(&s.town)
        .bind(&s.country)
        .bind(&s.siren)
        .bind(&s.siret)
        .bind(&s.registration)
        .bind(&s.vat_number)
        .bind(i64::from(s.vat_exempt))
        .bind(&s.exemption_mention)
        .bind(&s.iban)
        .bind(&s.bic)
        .bind(&s.email)
        .bind(s.payment_terms_days)
        .bind(s.penalty_rate_bp)
        .bind(now())
        .bind(s.reminder_first_days)
        .bind(s.reminder_second_days)
        .execute(e)
        .await?.rows_affected());
    Ok(())
}

/// Who is invoiced, as copied into the invoice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Buyer {
    pub name: String,
    pub address: String,
    pub email: String,
    pub siren: String,
    pub vat_number: String,
}

/// An invoice to issue.
#[derive(Debug, Clone, Default)]
pub struct NewInvoice {
    pub centre_id: i64,
    /// The buyer's account, when there is one (the invoice then shows on their account page).
    pub user_id: Option<i64>,
    pub order_id: Option<i64>,
    pub quote_id: Option<i64>,
    pub buyer: Buyer,
    pub lines: Vec<Line>,
    /// The date of the sale or service (YYYY-MM-DD); the issue date when empty.
    pub service_date: String,
    pub issued_by: Option<i64>,
}

/// An issued invoice or credit note: its id, number and total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub id: i64,
    pub number: String,
    pub total_ttc_cents: i64,
}

fn refused(err: InvoiceError) -> StoreError {
    StoreError::InvalidInput(err.message_key().to_string())
}

/// The day (YYYY-MM-DD, UTC) of a Unix time, and that day `days` later.
pub(crate) fn day(unix: i64, days: i64) -> (i64, String) {
    let date = time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    let later = date
        .checked_add(time::Duration::days(days.clamp(0, 3650)))
        .unwrap_or(date);
    (
        i64::from(later.year()),
        format!(
            "{:04}-{:02}-{:02}",
            later.year(),
            u8::from(later.month()),
            later.day()
        ),
    )
}

/// Takes the next number of the centre's series for `year`, inside the caller's transaction.
async fn take_number(tx: &mut Tx, centre_id: i64, year: i64) -> Result<i64> {
    let sql = "INSERT INTO invoice_numbers (centre_id, year, last_number) VALUES ($1, $2, 1) \
               ON CONFLICT (centre_id, year) DO UPDATE SET last_number = invoice_numbers.last_number + 1 \
               RETURNING last_number";
    Ok(
        on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(centre_id).bind(year).fetch_one(e).await?),
    )
}

/// A document to write: an invoice, or a credit note of `credits`.
struct Document<'a> {
    kind: Kind,
    centre_id: i64,
    credits: Option<i64>,
    order_id: Option<i64>,
    quote_id: Option<i64>,
    user_id: Option<i64>,
    seller: &'a Seller,
    buyer: &'a Buyer,
    lines: &'a [Line],
    service_date: &'a str,
    issued_by: Option<i64>,
}

/// Numbers and inserts a document with its lines, inside the caller's transaction.
async fn write(tx: &mut Tx, d: Document<'_>) -> Result<Issued> {
    let totals = invoice::totals(d.lines).map_err(refused)?;
    let at = now();
    let (year, issue_date) = day(at, 0);
    let (_, due_date) = day(at, d.seller.payment_terms_days);
    let service_date = if d.service_date.trim().is_empty() {
        issue_date.as_str()
    } else {
        d.service_date.trim()
    };
    let sequence = take_number(tx, d.centre_id, year).await?;
    let number = invoice::number(d.kind, year, sequence);
    let terms = d.seller.payment_terms_days.to_string();
    let sql = "INSERT INTO invoices (centre_id, kind, number, year, sequence, credits_invoice_id, order_id, \
               quote_id, user_id, seller_name, seller_legal_form, seller_address, seller_siren, seller_siret, \
               seller_registration, seller_vat_number, seller_exemption_mention, seller_iban, seller_bic, \
               seller_email, buyer_name, buyer_address, buyer_email, buyer_siren, buyer_vat_number, issue_date, \
               service_date, due_date, payment_terms, penalty_rate_bp, total_ht_cents, total_vat_cents, \
               total_ttc_cents, status, issued_by, issued_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
               $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36) RETURNING id";
    let exemption = if d.seller.vat_exempt {
        d.seller.exemption_mention.as_str()
    } else {
        ""
    };
    let id: i64 = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(d.centre_id)
        .bind(d.kind.code())
        .bind(&number)
        .bind(year)
        .bind(sequence)
        .bind(d.credits)
        .bind(d.order_id)
        .bind(d.quote_id)
        .bind(d.user_id)
        .bind(d.seller.legal_name.trim())
        .bind(d.seller.legal_form.trim())
        .bind(d.seller.full_address())
        .bind(d.seller.siren.trim())
        .bind(d.seller.siret.trim())
        .bind(d.seller.registration.trim())
        .bind(d.seller.vat_number.trim())
        .bind(exemption)
        .bind(d.seller.iban.trim())
        .bind(d.seller.bic.trim())
        .bind(d.seller.email.trim())
        .bind(d.buyer.name.trim())
        .bind(d.buyer.address.trim())
        .bind(d.buyer.email.trim())
        .bind(d.buyer.siren.trim())
        .bind(d.buyer.vat_number.trim())
        .bind(&issue_date)
        .bind(service_date)
        .bind(&due_date)
        .bind(terms)
        .bind(d.seller.penalty_rate_bp)
        .bind(totals.ht_cents)
        .bind(totals.vat_cents)
        .bind(totals.ttc_cents)
        .bind(if d.kind == Kind::Invoice { "issued" } else { "credit_note" })
        .bind(d.issued_by)
        .bind(at)
        .fetch_one(e)
        .await?);
    insert_lines(tx, id, d.lines).await?;
    Ok(Issued {
        id,
        number,
        total_ttc_cents: totals.ttc_cents,
    })
}

/// All the lines in one statement.
async fn insert_lines(tx: &mut Tx, invoice_id: i64, lines: &[Line]) -> Result<()> {
    let mut sql = String::from(
        "INSERT INTO invoice_lines (invoice_id, position, label, quantity_milli, unit_price_cents, \
         vat_rate_bp, total_ht_cents) VALUES ",
    );
    for i in 0..lines.len() {
        let b = i * 7;
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!(
            "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
            b + 1,
            b + 2,
            b + 3,
            b + 4,
            b + 5,
            b + 6,
            b + 7
        ));
    }
    on_exec!(Exec::Tx(&mut *tx), e => {
        let mut q = sqlx::query(&sql);
        for (i, l) in lines.iter().enumerate() {
            q = q
                .bind(invoice_id)
                .bind(i as i64 + 1)
                .bind(l.label.trim())
                .bind(l.quantity_milli)
                .bind(l.unit_price_cents)
                .bind(l.vat_rate_bp)
                .bind(invoice::line_total_ht(l));
        }
        q.execute(e).await?.rows_affected()
    });
    Ok(())
}

/// The centre's seller identity, inside a transaction; refused when it is not complete.
async fn seller_for_issue(tx: &mut Tx, centre_id: i64) -> Result<Seller> {
    match seller(&mut *tx, centre_id).await? {
        Some(s) if s.is_complete() => Ok(s),
        _ => Err(StoreError::InvalidInput("invoice-error-no-seller".into())),
    }
}

/// Issues an invoice inside the caller's transaction: checks the lines (a quantity not above
/// zero, a negative price, a VAT rate not in force are refused with `InvalidInput(message key)`),
/// copies the seller's identity, takes the next number of the centre's series and inserts the
/// invoice with its lines. Nothing is kept (not even the number) unless the caller commits.
pub async fn issue_invoice(tx: &mut Tx, new: &NewInvoice) -> Result<Issued> {
    invoice::totals(&new.lines).map_err(refused)?;
    let seller = seller_for_issue(tx, new.centre_id).await?;
    write(
        tx,
        Document {
            kind: Kind::Invoice,
            centre_id: new.centre_id,
            credits: None,
            order_id: new.order_id,
            quote_id: new.quote_id,
            user_id: new.user_id,
            seller: &seller,
            buyer: &new.buyer,
            lines: &new.lines,
            service_date: &new.service_date,
            issued_by: new.issued_by,
        },
    )
    .await
}

/// Issues an invoice in its own transaction, with its audit line.
pub async fn issue(db: &Db, new: &NewInvoice) -> Result<Issued> {
    let mut tx = db.begin().await?;
    let issued = issue_invoice(&mut tx, new).await?;
    audit_issued(
        &mut tx,
        crate::audit::AuditAction::InvoiceIssued,
        new.centre_id,
        new.issued_by,
        &issued,
    )
    .await?;
    tx.commit().await?;
    Ok(issued)
}

async fn audit_issued(
    tx: &mut Tx,
    action: crate::audit::AuditAction,
    centre_id: i64,
    actor: Option<i64>,
    issued: &Issued,
) -> Result<()> {
    crate::audit::record(
        &mut *tx,
        action,
        crate::audit::Entry {
            actor_id: actor,
            centre_id: Some(centre_id),
            subject_id: None,
            detail: &issued.number,
        },
    )
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct OrderToBill {
    centre_id: i64,
    user_id: i64,
    label: String,
    amount_cents: i64,
    vat_rate_bp: i64,
    buyer_name: String,
    buyer_email: String,
}

/// Issues the invoice of an order (an offer, an event ticket, a booking, a membership…): one
/// line, the order's amount including VAT at its rate, the buyer being the person who ordered.
/// Idempotent: an order already invoiced gives back its invoice.
pub async fn issue_for_order(db: &Db, order_id: i64, issued_by: Option<i64>) -> Result<Issued> {
    let mut tx = db.begin().await?;
    let issued = issue_for_order_in(&mut tx, order_id, issued_by).await?;
    tx.commit().await?;
    Ok(issued)
}

/// [`issue_for_order`] inside the caller's transaction (a payment that settles the order).
pub async fn issue_for_order_in(
    tx: &mut Tx,
    order_id: i64,
    issued_by: Option<i64>,
) -> Result<Issued> {
    let sql =
        "SELECT id, number, total_ttc_cents FROM invoices WHERE order_id = $1 AND kind = 'invoice'";
    let existing: Option<(i64, String, i64)> = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_as(sql).bind(order_id).fetch_optional(e).await?);
    if let Some((id, number, total_ttc_cents)) = existing {
        return Ok(Issued {
            id,
            number,
            total_ttc_cents,
        });
    }
    let sql = "SELECT r.centre_id, r.user_id, r.label, r.amount_cents, r.vat_rate_bp, \
               u.display_name AS buyer_name, u.email AS buyer_email \
               FROM orders r JOIN users u ON u.id = r.user_id WHERE r.id = $1";
    let order: OrderToBill = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_as(sql).bind(order_id).fetch_optional(e).await?)
        .ok_or(StoreError::NotFound)?;
    let label = if order.label.trim().is_empty() {
        format!("Commande n° {order_id}")
    } else {
        order.label.clone()
    };
    let new = NewInvoice {
        centre_id: order.centre_id,
        user_id: Some(order.user_id),
        order_id: Some(order_id),
        quote_id: None,
        buyer: Buyer {
            name: order.buyer_name,
            email: order.buyer_email,
            ..Buyer::default()
        },
        lines: vec![Line {
            label,
            quantity_milli: 1000,
            unit_price_cents: invoice::ht_from_ttc(order.amount_cents, order.vat_rate_bp),
            vat_rate_bp: order.vat_rate_bp,
        }],
        service_date: String::new(),
        issued_by,
    };
    let issued = issue_invoice(tx, &new).await?;
    audit_issued(
        tx,
        crate::audit::AuditAction::InvoiceIssued,
        order.centre_id,
        issued_by,
        &issued,
    )
    .await?;
    Ok(issued)
}

/// A payment received against an invoice.
#[derive(Debug, Clone, Default)]
pub struct NewPayment<'a> {
    pub invoice_id: i64,
    pub amount_cents: i64,
    /// card, helloasso, transfer, cheque, cash, other.
    pub method: &'a str,
    /// The provider's or the bank's reference.
    pub reference: &'a str,
    /// The same key recorded twice counts once (a replayed webhook, a double click).
    pub idempotency_key: &'a str,
    /// YYYY-MM-DD; today when empty.
    pub paid_on: &'a str,
    pub recorded_by: Option<i64>,
}

/// What recording a payment did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// False when the idempotency key was seen before: nothing changed.
    pub new: bool,
    /// The invoice is now fully paid (its order, if any, is marked paid).
    pub fully_paid: bool,
    pub paid_cents: i64,
}

/// The payment methods `record_payment` takes.
pub const METHODS: [&str; 6] = ["card", "helloasso", "transfer", "cheque", "cash", "other"];

/// Records a payment against an invoice in its own transaction. See [`record_payment_in`].
pub async fn record_payment(db: &Db, p: &NewPayment<'_>) -> Result<Recorded> {
    let mut tx = db.begin().await?;
    let recorded = record_payment_in(&mut tx, p).await?;
    tx.commit().await?;
    Ok(recorded)
}

/// Records a payment inside the caller's transaction: refused when the amount is not positive,
/// the method unknown, or the amount more than what remains due (`StoreError::Full`); counted
/// once per idempotency key; when the invoice is fully paid it turns `paid` and so does its order.
pub async fn record_payment_in(tx: &mut Tx, p: &NewPayment<'_>) -> Result<Recorded> {
    if p.amount_cents <= 0 {
        return Err(refused(InvoiceError::AmountNotPositive));
    }
    if !METHODS.contains(&p.method) {
        return Err(StoreError::InvalidInput("invoice-error-method".into()));
    }
    let sql = "SELECT paid_cents, total_ttc_cents - credited_cents FROM invoices \
               WHERE id = $1 AND kind = 'invoice'";
    let lock = match tx {
        Tx::Postgres(_) => format!("{sql} FOR UPDATE"),
        Tx::Sqlite(..) => sql.to_string(),
    };
    let (paid, due): (i64, i64) = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_as(&lock).bind(p.invoice_id).fetch_optional(e).await?)
        .ok_or(StoreError::NotFound)?;
    let sql = "SELECT 1 FROM invoice_payments WHERE idempotency_key = $1";
    let seen: Option<i32> = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_scalar(sql).bind(p.idempotency_key).fetch_optional(e).await?);
    if seen.is_some() {
        return Ok(Recorded {
            new: false,
            fully_paid: paid >= due,
            paid_cents: paid,
        });
    }
    if paid + p.amount_cents > due {
        return Err(StoreError::Full);
    }
    let at = now();
    let (_, today) = day(at, 0);
    let paid_on = if p.paid_on.trim().is_empty() {
        today.as_str()
    } else {
        p.paid_on.trim()
    };
    let sql = "INSERT INTO invoice_payments (invoice_id, centre_id, amount_cents, paid_on, method, reference, \
               idempotency_key, recorded_by, created_at) \
               SELECT id, centre_id, $2, $3, $4, $5, $6, $7, $8 FROM invoices WHERE id = $1";
    on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(sql)
        .bind(p.invoice_id)
        .bind(p.amount_cents)
        .bind(paid_on)
        .bind(p.method)
        .bind(p.reference.trim())
        .bind(p.idempotency_key)
        .bind(p.recorded_by)
        .bind(at)
        .execute(e)
        .await?.rows_affected());
    let paid = paid + p.amount_cents;
    let fully_paid = paid >= due;
    let sql = "UPDATE invoices SET paid_cents = $2, status = CASE WHEN $3 THEN 'paid' ELSE status END WHERE id = $1";
    on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(sql).bind(p.invoice_id).bind(paid).bind(fully_paid).execute(e).await?.rows_affected());
    if fully_paid {
        let sql = "UPDATE orders SET status = 'paid', paid_at = $2 WHERE status <> 'paid' \
                   AND id = (SELECT order_id FROM invoices WHERE id = $1)";
        on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(sql).bind(p.invoice_id).bind(at).execute(e).await?.rows_affected());
    }
    Ok(Recorded {
        new: true,
        fully_paid,
        paid_cents: paid,
    })
}

/// What a credit note cancels: given lines, or an amount including VAT spread over the
/// invoice's rates in proportion (the whole remainder cancels every line).
#[derive(Debug, Clone)]
pub enum Credit {
    Lines(Vec<Line>),
    Amount(i64),
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct Credited {
    centre_id: i64,
    number: String,
    user_id: Option<i64>,
    order_id: Option<i64>,
    buyer_name: String,
    buyer_address: String,
    buyer_email: String,
    buyer_siren: String,
    buyer_vat_number: String,
    total_ttc_cents: i64,
    credited_cents: i64,
}

/// Issues a credit note (avoir) against an invoice, numbered in the same series: refused when
/// it is larger than what remains of the invoice once earlier credit notes are taken off
/// (`StoreError::Full`), or when the invoice is itself a credit note (`NotFound`).
pub async fn issue_credit_note(
    db: &Db,
    invoice_id: i64,
    credit: &Credit,
    issued_by: Option<i64>,
) -> Result<Issued> {
    let mut tx = db.begin().await?;
    let issued = issue_credit_note_in(&mut tx, invoice_id, credit, issued_by).await?;
    tx.commit().await?;
    Ok(issued)
}

/// `issue_credit_note` inside the caller's transaction (a refund records its provider event
/// and its credit note together). Every refusal comes before the first write, so the caller's
/// transaction stays usable after one.
pub async fn issue_credit_note_in(
    tx: &mut Tx,
    invoice_id: i64,
    credit: &Credit,
    issued_by: Option<i64>,
) -> Result<Issued> {
    let sql = "SELECT centre_id, number, user_id, order_id, buyer_name, buyer_address, buyer_email, buyer_siren, \
               buyer_vat_number, total_ttc_cents, credited_cents FROM invoices WHERE id = $1 AND kind = 'invoice'";
    let lock = match &*tx {
        Tx::Postgres(_) => format!("{sql} FOR UPDATE"),
        Tx::Sqlite(..) => sql.to_string(),
    };
    let inv: Credited = on_exec!(Exec::Tx(&mut *tx), e => sqlx::query_as(&lock).bind(invoice_id).fetch_optional(e).await?)
        .ok_or(StoreError::NotFound)?;
    let remains = inv.total_ttc_cents - inv.credited_cents;
    let lines = match credit {
        Credit::Lines(lines) => lines.clone(),
        Credit::Amount(amount) => {
            if *amount <= 0 {
                return Err(refused(InvoiceError::AmountNotPositive));
            }
            if *amount > remains {
                return Err(StoreError::Full);
            }
            let original = lines(&mut *tx, invoice_id).await?;
            let original: Vec<Line> = original.into_iter().map(|l| l.line).collect();
            let label = format!("Avoir sur la facture {}", inv.number);
            if *amount == inv.total_ttc_cents {
                original
            } else {
                invoice::credit_lines(&original, *amount, &label)
            }
        }
    };
    let totals = invoice::totals(&lines).map_err(refused)?;
    if totals.ttc_cents > remains {
        return Err(StoreError::Full);
    }
    let seller = seller_for_issue(&mut *tx, inv.centre_id).await?;
    let buyer = Buyer {
        name: inv.buyer_name.clone(),
        address: inv.buyer_address.clone(),
        email: inv.buyer_email.clone(),
        siren: inv.buyer_siren.clone(),
        vat_number: inv.buyer_vat_number.clone(),
    };
    let issued = write(
        &mut *tx,
        Document {
            kind: Kind::CreditNote,
            centre_id: inv.centre_id,
            credits: Some(invoice_id),
            order_id: inv.order_id,
            quote_id: None,
            user_id: inv.user_id,
            seller: &seller,
            buyer: &buyer,
            lines: &lines,
            service_date: "",
            issued_by,
        },
    )
    .await?;
    let credited = inv.credited_cents + totals.ttc_cents;
    let sql = "UPDATE invoices SET credited_cents = $2, \
               status = CASE WHEN $2 >= total_ttc_cents THEN 'credited' \
               WHEN paid_cents >= total_ttc_cents - $2 THEN 'paid' ELSE status END WHERE id = $1";
    on_exec!(Exec::Tx(&mut *tx), e => sqlx::query(sql).bind(invoice_id).bind(credited).execute(e).await?.rows_affected());
    audit_issued(
        &mut *tx,
        crate::audit::AuditAction::CreditNoteIssued,
        inv.centre_id,
        issued_by,
        &issued,
    )
    .await?;
    Ok(issued)
}

/// An invoice or credit note as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invoice {
    pub id: i64,
    pub centre_id: i64,
    pub kind: String,
    pub number: String,
    pub year: i64,
    pub sequence: i64,
    pub credits_invoice_id: Option<i64>,
    pub order_id: Option<i64>,
    pub quote_id: Option<i64>,
    pub user_id: Option<i64>,
    pub seller_name: String,
    pub seller_legal_form: String,
    pub seller_address: String,
    pub seller_siren: String,
    pub seller_siret: String,
    pub seller_registration: String,
    pub seller_vat_number: String,
    pub seller_exemption_mention: String,
    pub seller_iban: String,
    pub seller_bic: String,
    pub seller_email: String,
    pub buyer_name: String,
    pub buyer_address: String,
    pub buyer_email: String,
    pub buyer_siren: String,
    pub buyer_vat_number: String,
    pub issue_date: String,
    pub service_date: String,
    pub due_date: String,
    pub payment_terms: String,
    pub penalty_rate_bp: i64,
    pub currency: String,
    pub total_ht_cents: i64,
    pub total_vat_cents: i64,
    pub total_ttc_cents: i64,
    pub paid_cents: i64,
    pub credited_cents: i64,
    pub status: String,
    pub reminders: i64,
    pub issued_at: i64,
}

impl Invoice {
    /// What is still to be paid: the total, less credit notes and payments received.
    pub fn due_cents(&self) -> i64 {
        (self.total_ttc_cents - self.credited_cents - self.paid_cents).max(0)
    }

    pub fn kind(&self) -> Kind {
        Kind::parse(&self.kind).unwrap_or(Kind::Invoice)
    }
}

const INVOICE_COLUMNS: &str = "id, centre_id, kind, number, year, sequence, credits_invoice_id, order_id, quote_id, \
     user_id, seller_name, seller_legal_form, seller_address, seller_siren, seller_siret, seller_registration, \
     seller_vat_number, seller_exemption_mention, seller_iban, seller_bic, seller_email, buyer_name, buyer_address, \
     buyer_email, buyer_siren, buyer_vat_number, issue_date, service_date, due_date, payment_terms, penalty_rate_bp, \
     currency, total_ht_cents, total_vat_cents, total_ttc_cents, paid_cents, credited_cents, status, reminders, issued_at";

pub async fn find<'e>(ex: impl Into<Exec<'e>>, id: i64) -> Result<Option<Invoice>> {
    let sql = format!("SELECT {INVOICE_COLUMNS} FROM invoices WHERE id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(id).fetch_optional(e).await?))
}

/// A stored line with its amount before VAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLine {
    pub line: Line,
    pub total_ht_cents: i64,
}

/// The lines of an invoice, in order.
pub async fn lines<'e>(ex: impl Into<Exec<'e>>, invoice_id: i64) -> Result<Vec<StoredLine>> {
    let sql = "SELECT label, quantity_milli, unit_price_cents, vat_rate_bp, total_ht_cents FROM invoice_lines \
               WHERE invoice_id = $1 ORDER BY position";
    let rows: Vec<(String, i64, i64, i64, i64)> =
        on_exec!(ex.into(), e => sqlx::query_as(sql).bind(invoice_id).fetch_all(e).await?);
    Ok(rows
        .into_iter()
        .map(
            |(label, quantity_milli, unit_price_cents, vat_rate_bp, total_ht_cents)| StoredLine {
                line: Line {
                    label,
                    quantity_milli,
                    unit_price_cents,
                    vat_rate_bp,
                },
                total_ht_cents,
            },
        )
        .collect())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Payment {
    pub id: i64,
    pub invoice_id: i64,
    pub amount_cents: i64,
    pub paid_on: String,
    pub method: String,
    pub reference: String,
}

/// The payments received against an invoice, oldest first.
pub async fn payments(db: &Db, invoice_id: i64) -> Result<Vec<Payment>> {
    let sql = "SELECT id, invoice_id, amount_cents, paid_on, method, reference FROM invoice_payments \
               WHERE invoice_id = $1 ORDER BY id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(invoice_id).fetch_all(pool).await?))
}

/// Records that someone tried to change or delete an issued invoice (refused whatever the route).
pub async fn refuse_change(
    db: &Db,
    invoice_id: i64,
    centre_id: i64,
    actor: Option<i64>,
    what: &str,
) -> Result<()> {
    let detail = format!("{invoice_id}:{what}");
    crate::audit::record(
        db,
        crate::audit::AuditAction::InvoiceChangeRefused,
        crate::audit::Entry {
            actor_id: actor,
            centre_id: Some(centre_id),
            subject_id: None,
            detail: &detail,
        },
    )
    .await
}

/// A line of the invoices list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub kind: String,
    pub number: String,
    pub buyer_name: String,
    pub issue_date: String,
    pub due_date: String,
    pub total_ttc_cents: i64,
    pub paid_cents: i64,
    pub credited_cents: i64,
    pub status: String,
}

/// Which invoices a list shows: a status (`issued`, `overdue`, `paid`, `credited`,
/// `credit_note`; empty for all) and a period of issue dates (YYYY-MM-DD, inclusive; empty for
/// no bound).
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub status: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    /// Today (YYYY-MM-DD), for `overdue`.
    pub today: &'a str,
}

const LIST_COLUMNS: &str = "id, kind, number, buyer_name, issue_date, due_date, total_ttc_cents, paid_cents, \
     credited_cents, status";

/// A page of a centre's invoices and credit notes, the newest first (one statement, on the
/// centre's indexes whatever the filter).
pub async fn list(
    db: &Db,
    centre_id: i64,
    f: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<ListRow>> {
    let status = match f.status {
        "issued" => "AND status = 'issued' ",
        "overdue" => "AND status = 'issued' AND due_date < $4 ",
        "paid" => "AND status = 'paid' ",
        "credited" => "AND status = 'credited' ",
        "credit_note" => "AND kind = 'credit_note' ",
        _ => "",
    };
    let sql = format!(
        "SELECT {LIST_COLUMNS} FROM invoices WHERE centre_id = $1 {status}\
         AND ($2 = '' OR issue_date >= $2) AND ($3 = '' OR issue_date <= $3) AND $4 = $4 \
         ORDER BY id DESC LIMIT $5 OFFSET $6"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(centre_id)
        .bind(f.from)
        .bind(f.to)
        .bind(f.today)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await?))
}

/// An issued invoice still (partly) unpaid, as a bank transfer may pay it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenInvoice {
    pub id: i64,
    pub number: String,
    pub order_id: Option<i64>,
    pub buyer_name: String,
    pub due_cents: i64,
}

/// A centre's issued invoices with something left to pay, the oldest first (one statement).
pub async fn open_invoices(db: &Db, centre_id: i64) -> Result<Vec<OpenInvoice>> {
    let sql = "SELECT id, number, order_id, buyer_name, \
               total_ttc_cents - credited_cents - paid_cents AS due_cents FROM invoices \
               WHERE centre_id = $1 AND kind = 'invoice' AND status = 'issued' \
               AND total_ttc_cents - credited_cents - paid_cents > 0 ORDER BY id LIMIT 500";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).fetch_all(pool).await?))
}

/// The invoices and credit notes addressed to a person's account, the newest first.
pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<ListRow>> {
    let sql = format!(
        "SELECT {LIST_COLUMNS} FROM invoices WHERE user_id = $1 ORDER BY id DESC LIMIT 200"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?))
}

/// Invoices and credit notes issued in a period (inclusive), in number order: the sales journal.
pub async fn sales_between(db: &Db, centre_id: i64, from: &str, to: &str) -> Result<Vec<Invoice>> {
    let sql = format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE centre_id = $1 AND issue_date >= $2 AND issue_date <= $3 \
         ORDER BY year, sequence"
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre_id).bind(from).bind(to).fetch_all(pool).await?),
    )
}

/// A payment with its invoice's number and buyer, for the bank journal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PaymentEntry {
    pub invoice_number: String,
    pub buyer_name: String,
    pub user_id: Option<i64>,
    pub amount_cents: i64,
    pub paid_on: String,
    pub method: String,
    pub reference: String,
}

/// Payments received in a period (inclusive), by date.
pub async fn payments_between(
    db: &Db,
    centre_id: i64,
    from: &str,
    to: &str,
) -> Result<Vec<PaymentEntry>> {
    let sql = "SELECT i.number AS invoice_number, i.buyer_name, i.user_id, p.amount_cents, p.paid_on, p.method, \
               p.reference FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id \
               WHERE p.centre_id = $1 AND p.paid_on >= $2 AND p.paid_on <= $3 ORDER BY p.paid_on, p.id";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(from).bind(to).fetch_all(pool).await?),
    )
}

/// Today as YYYY-MM-DD (UTC), on the store's clock.
pub fn today() -> String {
    day(now(), 0).1
}
