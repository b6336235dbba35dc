-- Memberships (adhésions), donations and tax receipts (issue 19).
--
-- A centre's membership plans (a yearly price; 0 for a free plan) and its members: one row per
-- person and centre, whose current period (starts_on .. ends_on, YYYY-MM-DD) a paid order or a
-- free plan extends by a year from its end. A member's orders are orders of kind 'membership'
-- whose subject is the adhesion (the plan chosen is kept in `plan_id` when the order is paid).
CREATE TABLE adhesion_plans (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    price_cents BIGINT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

CREATE TABLE adhesions (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    plan_id BIGINT NOT NULL REFERENCES adhesion_plans(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    starts_on TEXT NOT NULL DEFAULT '',
    ends_on TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, email)
);

-- Donations: given online (an order of kind 'donation', received when paid) or recorded by a
-- manager (cheque, transfer, cash: received at once). The donor's identity and address are
-- what a tax receipt needs.
CREATE TABLE donations (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    postcode TEXT NOT NULL,
    town TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    -- card, helloasso, cheque, transfer, cash
    method TEXT NOT NULL,
    -- pending (its payment awaited), received, refunded (paid, then refunded: no receipt)
    status TEXT NOT NULL DEFAULT 'pending',
    received_on TEXT NOT NULL DEFAULT '',
    order_id BIGINT REFERENCES orders(id) ON DELETE SET NULL,
    -- The tax receipt that covers it (one per gift, or the donor's yearly summary).
    receipt_id BIGINT,
    recorded_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX donations_centre ON donations(centre_id, status);
CREATE UNIQUE INDEX donations_order ON donations(order_id) WHERE order_id IS NOT NULL;

-- Tax receipts (reçus fiscaux, Cerfa 11580 mentions), numbered in one series per centre and
-- year (receipt_counters, taken in the issuing transaction). Everything printed is copied in,
-- so a receipt never changes; issuing again gives the same receipt.
CREATE TABLE tax_receipts (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    -- The year of issue: the numbering series.
    year BIGINT NOT NULL,
    sequence BIGINT NOT NULL,
    number TEXT NOT NULL,
    -- The year of the gifts covered.
    gifts_year BIGINT NOT NULL,
    -- gift (one donation) or yearly (a donor's gifts of a year)
    kind TEXT NOT NULL,
    -- The donation of a gift receipt (no foreign key: a receipt never changes).
    donation_id BIGINT,
    donor_name TEXT NOT NULL,
    donor_email TEXT NOT NULL,
    donor_address TEXT NOT NULL,
    org_name TEXT NOT NULL,
    org_address TEXT NOT NULL,
    org_object TEXT NOT NULL,
    signatory TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    -- The gifts covered, as JSON: [{"date": "2026-03-01", "amount_cents": 5000, "method": "cheque"}].
    gifts TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    UNIQUE (centre_id, year, sequence)
);
CREATE UNIQUE INDEX tax_receipts_gift ON tax_receipts(donation_id) WHERE kind = 'gift';
CREATE UNIQUE INDEX tax_receipts_yearly ON tax_receipts(centre_id, gifts_year, donor_email) WHERE kind = 'yearly';
CREATE TRIGGER tax_receipts_immutable BEFORE UPDATE ON tax_receipts
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be changed');
END;
