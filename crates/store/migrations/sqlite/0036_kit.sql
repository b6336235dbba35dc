-- The deployment kit (issue 21): numbered versions of what the network gives each licensed
-- centre. The draft is the one version not published yet (at most one: `draft` is 1 on it and
-- NULL elsewhere, and unique); a published version's items are never written again (every
-- write names the draft). An item keeps its `item_key` across versions (`manual/accueil`), so
-- versions compare item by item.
CREATE TABLE kit_versions (
    id INTEGER PRIMARY KEY,
    number BIGINT NOT NULL UNIQUE,
    notes TEXT NOT NULL DEFAULT '',
    draft BIGINT UNIQUE CHECK (draft = 1),
    published_at BIGINT,
    published_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE kit_items (
    id INTEGER PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES kit_versions(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    section TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (version_id, item_key)
);

-- The version a centre holds (the last it took changes from) and its own copy of the items.
CREATE TABLE centre_kits (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    version_id BIGINT NOT NULL REFERENCES kit_versions(id),
    taken_at BIGINT NOT NULL,
    taken_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);

CREATE TABLE centre_kit_items (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    section TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The kit version this copy of the item comes from.
    version_number BIGINT NOT NULL,
    PRIMARY KEY (centre_id, item_key)
);
