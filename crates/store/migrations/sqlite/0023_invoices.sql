-- Invoices the French way: seller identity per centre, quotes, invoices and credit notes in one
-- continuous series per centre and year, payments received. Orders now come from an offer, an
-- event ticket, a booking, a membership or anything else (kind, label, subject), with a currency
-- and a VAT rate. (SQLite cannot make offer_id nullable in place: the table is rebuilt, keeping
-- its rows.)
CREATE TABLE orders_new (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    offer_id BIGINT REFERENCES offers(id) ON DELETE CASCADE,
    application_id BIGINT REFERENCES applications(id) ON DELETE SET NULL,
    amount_cents BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'awaiting_payment',
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'offer',
    label TEXT NOT NULL DEFAULT '',
    subject_id BIGINT,
    currency TEXT NOT NULL DEFAULT 'EUR',
    vat_rate_bp BIGINT NOT NULL DEFAULT 0,
    paid_at BIGINT
);
INSERT INTO orders_new (id, centre_id, user_id, offer_id, application_id, amount_cents, status, created_at, kind, label, subject_id)
    SELECT r.id, r.centre_id, r.user_id, r.offer_id, r.application_id, r.amount_cents, r.status, r.created_at,
           'offer', COALESCE((SELECT o.title FROM offers o WHERE o.id = r.offer_id), ''), r.offer_id
    FROM orders r;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE INDEX orders_user ON orders(user_id);
CREATE INDEX orders_centre ON orders(centre_id, status);

-- The seller's identity of each centre, as its invoices print it. Copied into every invoice
-- when it is issued, so a later change never alters an issued invoice.
CREATE TABLE seller_settings (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    legal_name TEXT NOT NULL DEFAULT '',
    -- Legal form and share capital (« SAS au capital de 1 000 € », « Association loi 1901 »).
    legal_form TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT 'FR',
    siren TEXT NOT NULL DEFAULT '',
    siret TEXT NOT NULL DEFAULT '',
    -- RCS or RNA registration, when there is one.
    registration TEXT NOT NULL DEFAULT '',
    -- Intra-community VAT number; empty when the seller is exempt (vat_exempt = 1).
    vat_number TEXT NOT NULL DEFAULT '',
    vat_exempt BIGINT NOT NULL DEFAULT 0,
    -- The exemption's mention, printed instead of VAT (« TVA non applicable, art. 293 B du CGI »).
    exemption_mention TEXT NOT NULL DEFAULT '',
    iban TEXT NOT NULL DEFAULT '',
    bic TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    -- Days from the issue date to the due date.
    payment_terms_days BIGINT NOT NULL DEFAULT 30,
    -- Late-payment penalty rate, a year, in basis points (1 000 = 10 %).
    penalty_rate_bp BIGINT NOT NULL DEFAULT 1000,
    updated_at BIGINT NOT NULL DEFAULT 0
);

-- Quotes (devis): drafts until sent, editable until accepted; an accepted quote becomes an invoice.
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    -- The buyer's account, when the buyer has one.
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    buyer_name TEXT NOT NULL,
    buyer_address TEXT NOT NULL DEFAULT '',
    buyer_email TEXT NOT NULL DEFAULT '',
    buyer_siren TEXT NOT NULL DEFAULT '',
    buyer_vat_number TEXT NOT NULL DEFAULT '',
    -- draft, sent, accepted, declined.
    status TEXT NOT NULL DEFAULT 'draft',
    valid_until TEXT NOT NULL DEFAULT '',
    invoice_id BIGINT,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sent_at BIGINT,
    accepted_at BIGINT
);
CREATE INDEX quotes_centre ON quotes(centre_id, id);

-- Lines of quotes and invoices alike: quantity in thousandths (1.5 h = 1500), unit price before
-- VAT in cents, VAT rate in basis points (2 000 = 20 %).
CREATE TABLE quote_lines (
    id INTEGER PRIMARY KEY,
    quote_id BIGINT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    quantity_milli BIGINT NOT NULL,
    unit_price_cents BIGINT NOT NULL,
    vat_rate_bp BIGINT NOT NULL
);
CREATE INDEX quote_lines_quote ON quote_lines(quote_id, position);

-- One counter per centre and year, shared by invoices (« F-2027-00012 ») and credit notes
-- (« AV-2027-00013 »): one continuous chronological series, the prefix telling them apart. The
-- number is taken by `UPDATE … SET last_number = last_number + 1 … RETURNING` inside the
-- transaction that inserts the invoice, so a rolled-back issue gives its number back.
CREATE TABLE invoice_numbers (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (centre_id, year)
);

-- Invoices and credit notes (kind 'invoice' or 'credit_note'), immutable once issued: the seller's
-- and buyer's identities are copied in, lines and totals never change. Only the running amounts
-- (paid, credited), the status and the reminders move.
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'invoice',
    number TEXT NOT NULL,
    year BIGINT NOT NULL,
    sequence BIGINT NOT NULL,
    -- The invoice a credit note cancels (in part or whole).
    credits_invoice_id BIGINT REFERENCES invoices(id),
    order_id BIGINT REFERENCES orders(id) ON DELETE SET NULL,
    quote_id BIGINT REFERENCES quotes(id) ON DELETE SET NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    seller_name TEXT NOT NULL,
    seller_legal_form TEXT NOT NULL,
    seller_address TEXT NOT NULL,
    seller_siren TEXT NOT NULL,
    seller_siret TEXT NOT NULL,
    seller_registration TEXT NOT NULL,
    seller_vat_number TEXT NOT NULL,
    seller_exemption_mention TEXT NOT NULL,
    seller_iban TEXT NOT NULL,
    seller_bic TEXT NOT NULL,
    seller_email TEXT NOT NULL,
    buyer_name TEXT NOT NULL,
    buyer_address TEXT NOT NULL,
    buyer_email TEXT NOT NULL,
    buyer_siren TEXT NOT NULL,
    buyer_vat_number TEXT NOT NULL,
    -- Dates as YYYY-MM-DD.
    issue_date TEXT NOT NULL,
    service_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    payment_terms TEXT NOT NULL,
    penalty_rate_bp BIGINT NOT NULL,
    currency TEXT NOT NULL DEFAULT 'EUR',
    total_ht_cents BIGINT NOT NULL,
    total_vat_cents BIGINT NOT NULL,
    total_ttc_cents BIGINT NOT NULL,
    -- Running amounts: received payments, and credit notes issued against this invoice.
    paid_cents BIGINT NOT NULL DEFAULT 0,
    credited_cents BIGINT NOT NULL DEFAULT 0,
    -- issued (awaiting payment), paid, credited (cancelled by credit notes).
    status TEXT NOT NULL DEFAULT 'issued',
    reminders BIGINT NOT NULL DEFAULT 0,
    issued_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    issued_at BIGINT NOT NULL,
    UNIQUE (centre_id, number),
    UNIQUE (centre_id, year, sequence)
);
CREATE INDEX invoices_centre ON invoices(centre_id, id);
CREATE INDEX invoices_centre_status ON invoices(centre_id, status, id);
CREATE INDEX invoices_centre_date ON invoices(centre_id, issue_date, id);
CREATE INDEX invoices_user ON invoices(user_id);
CREATE INDEX invoices_credits ON invoices(credits_invoice_id);
-- One invoice per order.
CREATE UNIQUE INDEX invoices_order ON invoices(order_id) WHERE kind = 'invoice' AND order_id IS NOT NULL;

CREATE TABLE invoice_lines (
    id INTEGER PRIMARY KEY,
    invoice_id BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    quantity_milli BIGINT NOT NULL,
    unit_price_cents BIGINT NOT NULL,
    vat_rate_bp BIGINT NOT NULL,
    total_ht_cents BIGINT NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id, position);

-- Payments received against an invoice (card, HelloAsso, transfer, cheque, cash…). The
-- idempotency key makes a payment recorded twice (a replayed webhook, a double click) count once.
CREATE TABLE invoice_payments (
    id INTEGER PRIMARY KEY,
    invoice_id BIGINT NOT NULL REFERENCES invoices(id),
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    amount_cents BIGINT NOT NULL,
    paid_on TEXT NOT NULL,
    method TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT NOT NULL UNIQUE,
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX invoice_payments_invoice ON invoice_payments(invoice_id);
CREATE INDEX invoice_payments_centre ON invoice_payments(centre_id, paid_on);

-- An issued invoice is never changed nor deleted, by any route (the database itself refuses).
CREATE TRIGGER invoices_immutable BEFORE UPDATE OF number, kind, year, sequence, credits_invoice_id, seller_name, seller_legal_form, seller_address, seller_siren, seller_siret, seller_registration, seller_vat_number, seller_exemption_mention, seller_iban, seller_bic, buyer_name, buyer_address, buyer_siren, buyer_vat_number, issue_date, service_date, due_date, payment_terms, penalty_rate_bp, currency, total_ht_cents, total_vat_cents, total_ttc_cents ON invoices
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;
CREATE TRIGGER invoices_undeletable BEFORE DELETE ON invoices
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be deleted');
END;
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE ON invoice_lines
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;
CREATE TRIGGER invoice_lines_undeletable BEFORE DELETE ON invoice_lines
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be deleted');
END;
