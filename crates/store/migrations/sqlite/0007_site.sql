-- The public site: leads (pioneers, event registrations), their links, notes, events, the
-- landing texts per language.
CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    town TEXT NOT NULL DEFAULT '',
    idea TEXT NOT NULL DEFAULT '',
    interests TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    source TEXT NOT NULL,
    utm_source TEXT NOT NULL DEFAULT '',
    utm_medium TEXT NOT NULL DEFAULT '',
    utm_campaign TEXT NOT NULL DEFAULT '',
    referrer_host TEXT NOT NULL DEFAULT '',
    pioneer_at BIGINT,
    contact_consent_at BIGINT NOT NULL,
    newsletter_consent_at BIGINT,
    newsletter_source TEXT NOT NULL DEFAULT '',
    newsletter_unsubscribed_at BIGINT,
    confirmed_at BIGINT,
    last_contact_at BIGINT NOT NULL,
    retention_asked_at BIGINT,
    invited_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX leads_status ON leads(status);
CREATE INDEX leads_last_contact ON leads(last_contact_at);

-- Links e-mailed to a lead: confirm, manage (my data, unsubscribe). Only the hash is kept.
CREATE TABLE lead_tokens (
    token_hash TEXT PRIMARY KEY,
    lead_id BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX lead_tokens_lead ON lead_tokens(lead_id);

CREATE TABLE lead_notes (
    id INTEGER PRIMARY KEY,
    lead_id BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX lead_notes_lead ON lead_notes(lead_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL,
    published BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_starts ON events(starts_at);

CREATE TABLE event_registrations (
    id INTEGER PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    lead_id BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    UNIQUE (event_id, lead_id)
);

-- The landing page's editable texts, one JSON document per language.
CREATE TABLE landing_texts (
    locale TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);
