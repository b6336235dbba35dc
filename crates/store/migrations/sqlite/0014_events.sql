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

-- Feedback after an event: the invitation sent, one answer per registration (the survey is
-- defined as data, the NPS kept beside the answers to count it), and the decisions staff took
-- because of it.
ALTER TABLE event_registrations ADD COLUMN surveyed_at BIGINT;
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id BIGINT NOT NULL UNIQUE REFERENCES event_registrations(id) ON DELETE CASCADE,
    survey TEXT NOT NULL,
    version BIGINT NOT NULL,
    answers TEXT NOT NULL,
    nps BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX survey_responses_event ON survey_responses(event_id);
CREATE TABLE feedback_decisions (
    id INTEGER PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    decision TEXT NOT NULL,
    because TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX feedback_decisions_event ON feedback_decisions(event_id);
