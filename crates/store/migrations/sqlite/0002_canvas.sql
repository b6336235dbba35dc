CREATE TABLE canvases (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version BIGINT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX canvases_project ON canvases(project_id);
CREATE INDEX canvases_centre ON canvases(centre_id);

CREATE TABLE canvas_items (
    id INTEGER PRIMARY KEY,
    canvas_id BIGINT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
    block TEXT NOT NULL,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    colour TEXT NOT NULL DEFAULT 'yellow',
    status TEXT NOT NULL DEFAULT 'hypothesis',
    evidence TEXT NOT NULL DEFAULT '',
    indicator TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX canvas_items_canvas ON canvas_items(canvas_id, block, position);

CREATE TABLE canvas_history (
    id INTEGER PRIMARY KEY,
    canvas_id BIGINT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
    item_id BIGINT,
    revision BIGINT NOT NULL,
    action TEXT NOT NULL,
    before_text TEXT,
    after_text TEXT,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    at BIGINT NOT NULL
);
CREATE INDEX canvas_history_canvas ON canvas_history(canvas_id, revision);
