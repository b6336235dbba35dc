-- Learning, what came after 0013: every save of a lesson keeps a revision (what was saved,
-- by whom, when), listed, compared and restored by its authors. (Paths needed no new column:
-- their cohort, order, prerequisites and release dates are in 0013.)
CREATE TABLE lesson_revisions (
    id INTEGER PRIMARY KEY,
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    video_url TEXT,
    quiz TEXT,
    exercise TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX lesson_revisions_lesson ON lesson_revisions(lesson_id, id);
