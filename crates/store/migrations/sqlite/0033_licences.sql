-- Licences and contracts of the network (issue 21).
--
-- A licence model has versions; a version never changes once written (a trigger refuses it), so
-- a licence granted on a version keeps its terms whatever comes after. Fees in cents, the
-- royalty share in basis points, the benefits one a line.
CREATE TABLE licence_models (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE licence_model_versions (
    id INTEGER PRIMARY KEY,
    model_id BIGINT NOT NULL REFERENCES licence_models(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    name TEXT NOT NULL,
    entry_fee_cents BIGINT NOT NULL,
    yearly_fee_cents BIGINT NOT NULL,
    royalty_bp BIGINT NOT NULL,
    territory TEXT NOT NULL,
    term_years BIGINT NOT NULL,
    benefits TEXT NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (model_id, version)
);
CREATE TRIGGER licence_model_versions_immutable BEFORE UPDATE ON licence_model_versions
BEGIN
    SELECT RAISE(ABORT, 'a licence model version cannot be changed');
END;

-- A centre's licences (the newest is the one in force). Status: draft, active, suspended;
-- expired is computed from ends_on (YYYY-MM-DD, the last day included).
CREATE TABLE licences (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    version_id BIGINT NOT NULL REFERENCES licence_model_versions(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX licences_centre ON licences(centre_id, id);

-- Contracts (kind 'contract') and amendments (kind 'amendment', amends_id the contract) of a
-- licence: the Markdown text and its SHA-256 fingerprint. Sent for signature when sent_at is
-- set; the text changes no more once a party signed.
CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    licence_id BIGINT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'contract',
    amends_id BIGINT REFERENCES contracts(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    sent_at BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contracts_centre ON contracts(centre_id, id);

-- Simple electronic signatures: who (copied), for which party, the fingerprint of the text
-- signed, when. One per party; never changed.
CREATE TABLE contract_signatures (
    id INTEGER PRIMARY KEY,
    contract_id BIGINT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    party TEXT NOT NULL,
    user_id BIGINT,
    signer_name TEXT NOT NULL,
    signer_email TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    UNIQUE (contract_id, party)
);
CREATE TRIGGER contract_signatures_immutable BEFORE UPDATE ON contract_signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature cannot be changed');
END;

-- Royalty statements: one per licence and period (« 2027-T1 », « 2027 »), the revenue counted
-- (source 'invoiced': invoices minus credit notes excluding VAT; 'declared': the centre's
-- figure), what is owed, and the network's invoice once issued (once).
CREATE TABLE royalty_statements (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    licence_id BIGINT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    source TEXT NOT NULL,
    revenue_cents BIGINT NOT NULL,
    royalty_bp BIGINT NOT NULL,
    royalty_cents BIGINT NOT NULL,
    yearly_fee_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL,
    invoice_id BIGINT REFERENCES invoices(id),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (licence_id, period)
);
CREATE INDEX royalty_statements_centre ON royalty_statements(centre_id, id);
