-- Equipment inventory and layout plans (issue 20).
--
-- The spaces of a centre (rooms, desks, storage) are built by the spaces pages (migration 0030);
-- the same table is declared here when missing so that either migration may run first.
CREATE TABLE IF NOT EXISTS spaces (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('workshop', 'meeting', 'coworking', 'storage', 'other')),
    capacity BIGINT NOT NULL DEFAULT 0,
    area_dm2 BIGINT NOT NULL DEFAULT 0,
    bookable BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

-- The network's standard equipment list, which a centre's inventory starts from (edited by the
-- network team). Prices in cents.
CREATE TABLE standard_equipment (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    supplier TEXT NOT NULL DEFAULT '',
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
    quantity BIGINT NOT NULL CHECK (quantity >= 1),
    depreciation_years BIGINT,
    position BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

-- A centre's equipment lines. `standard_id` tells the line taken from the standard list (taken
-- once); `forecast_id` and `transferred_at` tell the line sent to the centre's budget as an
-- investment (sent once).
CREATE TABLE equipment_items (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    supplier TEXT NOT NULL DEFAULT '',
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
    quantity BIGINT NOT NULL CHECK (quantity >= 1),
    status TEXT NOT NULL CHECK (status IN ('to_buy', 'ordered', 'installed', 'repair', 'retired')),
    space_id BIGINT REFERENCES spaces(id) ON DELETE SET NULL,
    depreciation_years BIGINT,
    standard_id BIGINT REFERENCES standard_equipment(id) ON DELETE SET NULL,
    forecast_id BIGINT REFERENCES forecasts(id) ON DELETE SET NULL,
    transferred_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (centre_id, standard_id)
);
CREATE INDEX equipment_items_centre ON equipment_items (centre_id, status);

-- A centre's layout plan: the working document (domain::plan, JSON) at a revision, and its named
-- versions (« avant travaux », « ouverture »), each a copy of the document when saved.
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL UNIQUE REFERENCES centres(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 1,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    document TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (plan_id, name)
);
