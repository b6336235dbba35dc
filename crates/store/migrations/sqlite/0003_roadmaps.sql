CREATE TABLE roadmaps (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT REFERENCES projects(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    start_date TEXT,
    document TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX roadmaps_centre ON roadmaps(centre_id);
CREATE INDEX roadmaps_project ON roadmaps(project_id);
