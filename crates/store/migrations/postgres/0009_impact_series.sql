-- Each project indicator keeps its measurements packed in one value (`series`: day number and
-- value per measurement, by date), rebuilt whenever a measurement is added; and each centre's
-- indicator keeps its projects' series packed together (`indicator_packs`), rebuilt with them,
-- so the network report reads one row per centre and indicator instead of searching every
-- history. Both are built for older data on first reading (setting `impact_packs`).
ALTER TABLE project_indicators ADD COLUMN series BYTEA;
ALTER TABLE measurements DROP COLUMN running_sum;
ALTER TABLE measurements DROP COLUMN running_count;

CREATE TABLE indicator_packs (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    pack BYTEA NOT NULL,
    PRIMARY KEY (centre_id, indicator_code)
);
-- Read whole on every report: kept uncompressed.
ALTER TABLE indicator_packs ALTER COLUMN pack SET STORAGE EXTERNAL;
