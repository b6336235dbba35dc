-- Training-quality evidence (issue 17): attendance sheets signed on a phone or tablet, and
-- surveys after a cohort's sessions and at its end.

-- One signature on an attendance sheet: a cohort's session (`session`) or an event (`event`).
-- `signer` names who signed once per sheet: `user:ID` (a person) or `registration:ID` (an
-- event registration). `path` holds the drawn strokes (SVG path data, checked), empty when the
-- signer typed their full name and certified their presence instead (`typed` = 1).
CREATE TABLE attendance_signatures (
    id INTEGER PRIMARY KEY,
    sheet TEXT NOT NULL,
    sheet_id BIGINT NOT NULL,
    signer TEXT NOT NULL,
    name TEXT NOT NULL,
    -- participant | trainer
    role TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    typed BIGINT NOT NULL DEFAULT 0,
    staff_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    signed_at BIGINT NOT NULL,
    UNIQUE (sheet, sheet_id, signer)
);

-- A survey invitation after a cohort's session (`session_id`) or at the cohort's end
-- (`session_id` = 0): one per person, answered once.
CREATE TABLE cohort_surveys (
    id INTEGER PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL DEFAULT 0,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    invited_at BIGINT NOT NULL,
    survey TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 0,
    answers TEXT,
    nps BIGINT,
    answered_at BIGINT,
    UNIQUE (cohort_id, session_id, user_id)
);
CREATE INDEX cohort_surveys_user ON cohort_surveys(user_id);
