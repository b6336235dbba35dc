-- The decision log beside a cohort's survey results: what the staff changed because of which
-- feedback, who recorded it and when (like feedback_decisions for an event).
CREATE TABLE cohort_decisions (
    id INTEGER PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    decision TEXT NOT NULL,
    because TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX cohort_decisions_cohort ON cohort_decisions(cohort_id, created_at);
