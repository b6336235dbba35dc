-- Each project indicator keeps its measurements packed in one value (`series`: day number and
-- value per measurement, by date), rebuilt whenever a measurement is added; and each centre's
-- indicator keeps its projects' series packed together (`indicator_packs`), rebuilt with them,
-- so the network report reads one row per centre and indicator instead of searching every
-- history. Both are built for older data on first reading (setting `impact_packs`).
ALTER TABLE project_indicators ADD COLUMN series BLOB;

-- The running totals it replaces go. (SQLite cannot drop them in place from a table whose
-- definition holds comments, so the table is rebuilt.)
CREATE TABLE measurements_new (
    id INTEGER PRIMARY KEY,
    project_indicator_id BIGINT NOT NULL REFERENCES project_indicators(id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value BIGINT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    attachment_id BIGINT REFERENCES attachments(id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
INSERT INTO measurements_new (id, project_indicator_id, measured_on, value, source, attachment_id, created_by, created_at)
    SELECT id, project_indicator_id, measured_on, value, source, attachment_id, created_by, created_at FROM measurements;
DROP TABLE measurements;
ALTER TABLE measurements_new RENAME TO measurements;
CREATE INDEX measurements_series ON measurements(project_indicator_id, measured_on, id);

CREATE TABLE indicator_packs (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    pack BLOB NOT NULL,
    PRIMARY KEY (centre_id, indicator_code)
);
