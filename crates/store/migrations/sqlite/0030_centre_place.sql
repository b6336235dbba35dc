-- The centre and its place (issue 20): spaces, the centre's profile, opening hours, closures,
-- space rules and bookings.
--
-- Spaces are shared with the equipment inventory, which references them.
CREATE TABLE spaces (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('workshop', 'meeting', 'coworking', 'storage', 'other')),
    capacity BIGINT NOT NULL DEFAULT 0,
    area_dm2 BIGINT NOT NULL DEFAULT 0,   -- area in square decimetres (m² × 100)
    bookable BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

-- What a space offers and how it is booked: longest booking and least notice (minutes), who
-- may book (members, participants, public), the hourly price (0: free).
CREATE TABLE space_rules (
    space_id BIGINT PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
    equipment TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    max_minutes BIGINT NOT NULL DEFAULT 240,
    notice_minutes BIGINT NOT NULL DEFAULT 60,
    audience TEXT NOT NULL DEFAULT 'members' CHECK (audience IN ('members', 'participants', 'public')),
    price_per_hour_cents BIGINT NOT NULL DEFAULT 0 CHECK (price_per_hour_cents >= 0)
);

-- The centre's public profile: address, contact, accessibility.
CREATE TABLE centre_profiles (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    presentation TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    accessibility TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

-- Photos of the place on its public page: the stored file's key, its type, and a caption that
-- is also its text alternative.
CREATE TABLE centre_photos (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    caption TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX centre_photos_centre ON centre_photos(centre_id, id);

-- Opening hours: several ranges a weekday (0 = Monday), in minutes after midnight, Paris time.
CREATE TABLE opening_hours (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    weekday BIGINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_min BIGINT NOT NULL,
    closes_min BIGINT NOT NULL,
    CHECK (opens_min >= 0 AND closes_min <= 1440 AND opens_min < closes_min)
);
CREATE INDEX opening_hours_centre ON opening_hours(centre_id, weekday);

-- Closures: from one day to another (both included, YYYY-MM-DD) with a reason.
CREATE TABLE closures (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX closures_centre ON closures(centre_id, ends_on);

-- Bookings of a space: pending (a paid booking held until hold_until while its order is
-- awaited), confirmed, cancelled. Two live bookings of a space never overlap: the inserting
-- transaction takes the space's turn (the writers' turn on SQLite, the space row locked on
-- PostgreSQL) before it looks for an overlap.
CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    space_id BIGINT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    hold_until BIGINT NOT NULL DEFAULT 0,
    purpose TEXT NOT NULL DEFAULT '',
    price_cents BIGINT NOT NULL DEFAULT 0,
    order_id BIGINT REFERENCES orders(id) ON DELETE SET NULL,
    cancelled_at BIGINT,
    cancelled_by BIGINT,
    created_at BIGINT NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX bookings_space ON bookings(space_id, starts_at);
CREATE INDEX bookings_centre ON bookings(centre_id, starts_at);
CREATE INDEX bookings_user ON bookings(user_id, starts_at);
CREATE UNIQUE INDEX bookings_order ON bookings(order_id) WHERE order_id IS NOT NULL;
