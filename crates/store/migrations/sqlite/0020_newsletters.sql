-- Onboarding, configured by a centre: the order of its steps and their texts per language
-- (empty: the catalogue's), an onboarding held until its address is proved, the checklist a
-- person dismissed. Newsletters: written by a centre, sent to a segment through the job queue,
-- one delivery per address (never twice), and the withdrawals of consent from their links.
ALTER TABLE onboarding_settings ADD COLUMN position BIGINT NOT NULL DEFAULT 0;

CREATE TABLE onboarding_texts (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    locale TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    intro TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (centre_id, step, locale)
);

-- 1 while the person's address is not proved: nothing is sent until it is.
ALTER TABLE onboardings ADD COLUMN address_pending BIGINT NOT NULL DEFAULT 0;

CREATE TABLE onboarding_checklist_dismissals (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    at BIGINT NOT NULL
);

CREATE TABLE newsletters (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    segment TEXT NOT NULL CHECK (segment IN ('leads', 'members', 'both')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
    send_at BIGINT,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX newsletters_centre ON newsletters(centre_id);

-- One line per address and newsletter (the unique key): a second run finds it taken and sends
-- nothing. Its id is what the signed unsubscribe link names.
CREATE TABLE newsletter_deliveries (
    id INTEGER PRIMARY KEY,
    newsletter_id BIGINT NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT 'fr',
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    error TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL,
    UNIQUE (newsletter_id, email)
);
CREATE INDEX newsletter_deliveries_status ON newsletter_deliveries(newsletter_id, status);

CREATE TABLE newsletter_optouts (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (centre_id, email)
);
