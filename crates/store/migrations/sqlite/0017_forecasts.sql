-- Financial forecasts (budget prévisionnel, business plan): one per project, and one per centre
-- for its own budget (project_id NULL). Each save is a new version holding the whole plan in the
-- exchange format of forecast.md (JSON text); `version` is the current one. Scenarios move the
-- base plan's volumes and external charges by a share (basis points).
CREATE TABLE forecasts (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    project_id BIGINT REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    narrative TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX forecasts_one_per_project ON forecasts(project_id) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX forecasts_one_per_centre ON forecasts(centre_id) WHERE project_id IS NULL;

CREATE TABLE forecast_versions (
    forecast_id BIGINT NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (forecast_id, version)
);

CREATE TABLE forecast_scenarios (
    forecast_id BIGINT NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    volume_bp BIGINT NOT NULL,
    cost_bp BIGINT NOT NULL,
    PRIMARY KEY (forecast_id, code)
);
