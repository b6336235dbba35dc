-- A cohort: projects of one centre that go through the programme together (dates, name).
CREATE TABLE cohorts (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

CREATE TABLE cohort_projects (
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (cohort_id, project_id)
);
CREATE INDEX cohort_projects_project ON cohort_projects(project_id);
