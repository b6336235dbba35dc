-- Events (issue 17): a kind per event; a registration counts one person or a group (seats), is
-- registered or on the waitlist, holds its seat until a deadline while unconfirmed, and keeps
-- the time its holder was checked in.
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'workshop';
ALTER TABLE event_registrations ADD COLUMN seats BIGINT NOT NULL DEFAULT 1;
-- registered | waitlisted | cancelled | expired
ALTER TABLE event_registrations ADD COLUMN status TEXT NOT NULL DEFAULT 'registered';
ALTER TABLE event_registrations ADD COLUMN hold_until BIGINT;
ALTER TABLE event_registrations ADD COLUMN checked_in_at BIGINT;
CREATE INDEX event_registrations_queue ON event_registrations(event_id, status, id);
