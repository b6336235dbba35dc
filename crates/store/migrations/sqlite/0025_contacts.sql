-- The CRM of each centre: organisations and people (a person links to a lead and an account by
-- their e-mail, read at display time, so one person is never three copies), interactions with
-- their follow-up, the prospecting pipeline (stages the centre names, deals on them), segments
-- (saved filters) and the days whose follow-up digest was queued.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- 14 digits, Luhn-checked; NULL when unknown.
    siret TEXT,
    address TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    -- Stored as ',a,b,'.
    tags TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (centre_id, siret)
);
CREATE INDEX organisations_centre_name ON organisations(centre_id, name);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- Lower-case; NULL when unknown. The lead and the account with this address are this
    -- person's too.
    email TEXT,
    phone TEXT NOT NULL DEFAULT '',
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    role TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    newsletter_consent_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (centre_id, email)
);
CREATE INDEX contacts_centre_name ON contacts(centre_id, name, id);
CREATE INDEX contacts_organisation ON contacts(organisation_id);
CREATE INDEX contacts_email ON contacts(email);
CREATE INDEX contacts_name ON contacts(name, id);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE CASCADE,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The day to follow up (YYYY-MM-DD), and when that was done.
    follow_up_on TEXT,
    follow_up_done_at BIGINT,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX interactions_contact ON interactions(contact_id, created_at);
CREATE INDEX interactions_organisation ON interactions(organisation_id, created_at);
CREATE INDEX interactions_follow_up ON interactions(centre_id, follow_up_on);

CREATE TABLE pipeline_stages (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    UNIQUE (centre_id, position)
);

CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    stage_id BIGINT NOT NULL REFERENCES pipeline_stages(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    amount_cents BIGINT NOT NULL DEFAULT 0,
    expected_on TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX deals_centre ON deals(centre_id, stage_id);

CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- An organisation kind code, or '' for any.
    kind TEXT NOT NULL DEFAULT '',
    tag TEXT NOT NULL DEFAULT '',
    -- Only people who consented to the newsletter.
    consent BIGINT NOT NULL DEFAULT 0,
    -- People tied to a deal at this stage (NULL: any).
    stage_id BIGINT REFERENCES pipeline_stages(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

CREATE TABLE crm_digests (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    PRIMARY KEY (centre_id, day)
);
