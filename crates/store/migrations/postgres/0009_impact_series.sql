-- Each project indicator keeps its measurements packed in one value (`series`: day number and
-- value per measurement, by date), rebuilt whenever a measurement is added, so the network
-- report reads one row per indicator instead of searching every history. NULL until first built.
ALTER TABLE project_indicators ADD COLUMN series BYTEA;
ALTER TABLE measurements DROP COLUMN running_sum;
ALTER TABLE measurements DROP COLUMN running_count;
