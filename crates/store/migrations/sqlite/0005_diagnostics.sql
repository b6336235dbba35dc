CREATE TABLE diagnostic_definitions (
    id INTEGER PRIMARY KEY,
    diagnostic TEXT NOT NULL,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    published_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL,
    UNIQUE (diagnostic, version)
);

CREATE TABLE diagnostic_attempts (
    id INTEGER PRIMARY KEY,
    diagnostic TEXT NOT NULL,
    version BIGINT NOT NULL,
    centre_id BIGINT REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT REFERENCES projects(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    respondent_hash TEXT,
    result_hash TEXT UNIQUE,
    answers TEXT NOT NULL DEFAULT '{}',
    overall BIGINT,
    level TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT
);
CREATE INDEX diagnostic_attempts_project ON diagnostic_attempts(project_id, diagnostic, submitted_at) WHERE project_id IS NOT NULL;
CREATE INDEX diagnostic_attempts_user ON diagnostic_attempts(user_id, diagnostic) WHERE user_id IS NOT NULL;
CREATE INDEX diagnostic_attempts_respondent ON diagnostic_attempts(respondent_hash, diagnostic) WHERE respondent_hash IS NOT NULL;

CREATE TABLE diagnostic_scores (
    attempt_id BIGINT NOT NULL REFERENCES diagnostic_attempts(id) ON DELETE CASCADE,
    diagnostic TEXT NOT NULL,
    version BIGINT NOT NULL,
    centre_id BIGINT,
    dimension TEXT NOT NULL,
    score BIGINT NOT NULL,
    PRIMARY KEY (attempt_id, dimension)
);

-- How many submitted responses reached each score, per version, centre (0: none) and dimension:
-- peer quartiles and network statistics read at most 101 rows a group, whatever the volume.
CREATE TABLE diagnostic_score_counts (
    diagnostic TEXT NOT NULL,
    version BIGINT NOT NULL,
    centre_id BIGINT NOT NULL,
    dimension TEXT NOT NULL,
    score BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (diagnostic, version, centre_id, dimension, score)
);

CREATE TABLE diagnostic_leads (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    attempt_id BIGINT REFERENCES diagnostic_attempts(id) ON DELETE SET NULL,
    diagnostic TEXT NOT NULL,
    locale TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX diagnostic_leads_email ON diagnostic_leads(email);
