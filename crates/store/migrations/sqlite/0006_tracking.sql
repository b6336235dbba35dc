-- Project tracking (coaching sessions, tasks and milestones, attachments, roadmap item details)
-- and impact (project indicators, measurements, the network's yearly review and objectives).
CREATE TABLE coaching_sessions (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    coach_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    held_on TEXT NOT NULL,
    shared_notes TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    decisions TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX coaching_sessions_project ON coaching_sessions(project_id, held_on);
CREATE INDEX coaching_sessions_centre ON coaching_sessions(centre_id, created_at);

CREATE TABLE coaching_participants (
    session_id BIGINT NOT NULL REFERENCES coaching_sessions(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('task', 'milestone')),
    title TEXT NOT NULL,
    owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
    session_id BIGINT REFERENCES coaching_sessions(id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    done_at BIGINT
);
CREATE INDEX tasks_project ON tasks(project_id, status, due_on);
CREATE INDEX tasks_centre ON tasks(centre_id, status, due_on);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES coaching_sessions(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_project ON attachments(project_id);

CREATE TABLE roadmap_item_details (
    roadmap_id BIGINT NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
    phase BIGINT NOT NULL,
    period BIGINT NOT NULL,
    item BIGINT NOT NULL,
    owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    due_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (roadmap_id, phase, period, item)
);

CREATE TABLE project_indicators (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    baseline BIGINT NOT NULL DEFAULT 0,
    target BIGINT,
    target_on TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (project_id, indicator_code)
);
CREATE INDEX project_indicators_centre ON project_indicators(centre_id, indicator_code);

CREATE TABLE measurements (
    id INTEGER PRIMARY KEY,
    project_indicator_id BIGINT NOT NULL REFERENCES project_indicators(id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value BIGINT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    attachment_id BIGINT REFERENCES attachments(id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    -- Running totals of the indicator's measurements up to this one (by date, then id), so a
    -- period's sum is two lookups per indicator instead of a scan of its history.
    running_sum BIGINT NOT NULL DEFAULT 0,
    running_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX measurements_series ON measurements(project_indicator_id, measured_on, id);

CREATE TABLE network_reviews (
    id INTEGER PRIMARY KEY,
    year BIGINT NOT NULL UNIQUE,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    financial TEXT NOT NULL DEFAULT '',
    cohorts TEXT NOT NULL DEFAULT '',
    feedback TEXT NOT NULL DEFAULT '',
    impact_summary TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL
);

CREATE TABLE network_objectives (
    id INTEGER PRIMARY KEY,
    review_id BIGINT NOT NULL REFERENCES network_reviews(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    achieved BIGINT,
    target BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (review_id, indicator_code)
);
