-- Bringing up a new centre in one guided flow (issue 21): when it began, who began it, and
-- when each of its steps was done (the profile is the centre itself), with what the copying
-- steps copied. The flow is finished when every step is.
CREATE TABLE centre_launches (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    started_at BIGINT NOT NULL,
    started_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    manager_at BIGINT,
    licence_at BIGINT,
    kit_at BIGINT,
    offers_at BIGINT,
    events_at BIGINT,
    offers_copied BIGINT NOT NULL DEFAULT 0,
    events_drafted BIGINT NOT NULL DEFAULT 0,
    finished_at BIGINT
);
CREATE INDEX centre_launches_open ON centre_launches(finished_at);
