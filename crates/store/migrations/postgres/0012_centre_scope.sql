-- Leads and events belong to a centre: its managers work them, other centres do not see them.
-- Existing rows go to the studio.
ALTER TABLE leads ADD COLUMN centre_id BIGINT REFERENCES centres(id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN centre_id BIGINT REFERENCES centres(id) ON DELETE SET NULL;
UPDATE leads SET centre_id = (SELECT MIN(id) FROM centres WHERE kind = 'studio');
UPDATE events SET centre_id = (SELECT MIN(id) FROM centres WHERE kind = 'studio');
CREATE INDEX leads_centre ON leads(centre_id);
CREATE INDEX events_centre ON events(centre_id);
