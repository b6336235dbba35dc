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
