-- Payments: the providers each centre configures (secrets kept here, never shown back), the
-- checkout sessions opened for orders (one per order and provider: a double click reuses it),
-- the webhook events already applied (each effect once), the bank statement lines imported
-- (each once), the centre's receipt identity and its tax receipts' numbering.
CREATE TABLE payment_providers (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    base_url TEXT NOT NULL,
    -- HelloAsso: the organisation's slug and the OAuth client id; card: unused.
    account TEXT NOT NULL DEFAULT '',
    client_id TEXT NOT NULL DEFAULT '',
    api_secret TEXT NOT NULL DEFAULT '',
    webhook_secret TEXT NOT NULL DEFAULT '',
    enabled BIGINT NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (centre_id, provider)
);

CREATE TABLE payment_settings (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    -- Whether the centre is of general interest (art. 200 and 238 bis CGI): may issue tax receipts.
    general_interest BIGINT NOT NULL DEFAULT 0,
    -- The organisation's object, as its receipts state it.
    object TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    signatory TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

CREATE TABLE checkout_sessions (
    id INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    external_id TEXT NOT NULL,
    url TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (order_id, provider)
);
CREATE INDEX checkout_sessions_external ON checkout_sessions(provider, external_id);

CREATE TABLE webhook_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    order_id BIGINT,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE bank_lines (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    booked_on TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    reference TEXT NOT NULL,
    label TEXT NOT NULL,
    -- open, recorded (a payment of order_id), ignored.
    status TEXT NOT NULL DEFAULT 'open',
    order_id BIGINT,
    imported_at BIGINT NOT NULL,
    UNIQUE (centre_id, fingerprint)
);

-- The last receipt number given per centre and year: taken in the transaction that issues.
CREATE TABLE receipt_counters (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (centre_id, year)
);
