CREATE TABLE canvas_versions (
    id INTEGER PRIMARY KEY,
    canvas_id BIGINT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    revision BIGINT NOT NULL,
    items TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX canvas_versions_canvas ON canvas_versions(canvas_id, id);

CREATE TABLE canvas_comments (
    id INTEGER PRIMARY KEY,
    canvas_id BIGINT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
    block TEXT NOT NULL,
    item_id BIGINT REFERENCES canvas_items(id) ON DELETE SET NULL,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX canvas_comments_canvas ON canvas_comments(canvas_id, block, id);

CREATE TABLE canvas_shares (
    id INTEGER PRIMARY KEY,
    canvas_id BIGINT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX canvas_shares_canvas ON canvas_shares(canvas_id);

-- An invitation can also make the invited person a member of one project (a canvas co-editor).
ALTER TABLE invitations ADD COLUMN project_id BIGINT REFERENCES projects(id) ON DELETE CASCADE;
