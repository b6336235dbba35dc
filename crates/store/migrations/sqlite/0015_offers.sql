-- Offers of a centre (its catalogue), the applications to them, the orders of paid offers, and
-- cohorts made of people: their roster, capacity and sessions.
CREATE TABLE offers (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    format TEXT NOT NULL,
    duration TEXT NOT NULL,
    price_cents BIGINT NOT NULL DEFAULT 0,
    capacity BIGINT NOT NULL DEFAULT 0,
    sessions BIGINT NOT NULL DEFAULT 0,
    coaching_hours BIGINT NOT NULL DEFAULT 0,
    learning_path TEXT NOT NULL DEFAULT '',
    -- The centre's extra questions, one a line.
    questions TEXT NOT NULL DEFAULT '',
    is_open BIGINT NOT NULL DEFAULT 1,
    position BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, slug)
);

CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    offer_id BIGINT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'received',
    motivation TEXT NOT NULL DEFAULT '',
    -- The answers to the offer's questions (JSON list of question, answer).
    answers TEXT NOT NULL DEFAULT '[]',
    -- The staff's scoring grid (JSON object criterion → 0..5) and its total.
    scores TEXT NOT NULL DEFAULT '{}',
    score BIGINT NOT NULL DEFAULT 0,
    cohort_id BIGINT REFERENCES cohorts(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (offer_id, user_id)
);
CREATE INDEX applications_centre ON applications(centre_id, status);

CREATE TABLE application_notes (
    id INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX application_notes_application ON application_notes(application_id);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    offer_id BIGINT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    application_id BIGINT REFERENCES applications(id) ON DELETE SET NULL,
    amount_cents BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'awaiting_payment',
    created_at BIGINT NOT NULL
);
CREATE INDEX orders_user ON orders(user_id);

ALTER TABLE cohorts ADD COLUMN capacity BIGINT NOT NULL DEFAULT 15;

-- The people of a cohort: its participants and its coaches.
CREATE TABLE cohort_members (
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_members_user ON cohort_members(user_id);

CREATE TABLE cohort_sessions (
    id INTEGER PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    room TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cohort_sessions_cohort ON cohort_sessions(cohort_id, starts_at);

CREATE TABLE cohort_attendance (
    session_id BIGINT NOT NULL REFERENCES cohort_sessions(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    present BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE cohort_resources (
    id INTEGER PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX cohort_resources_cohort ON cohort_resources(cohort_id);
