-- Learning: courses (the network's when centre_id is NULL, else a centre's own), their modules
-- and lessons, workbook files, paths of ordered courses (prerequisites, release dates, an
-- optional cohort), enrolments, progress per lesson, workbook answers, quiz attempts and
-- certificates. Flags are 0/1 integers on both databases.
CREATE TABLE courses (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT REFERENCES centres(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    tags TEXT NOT NULL,
    status TEXT NOT NULL,
    search TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX courses_centre ON courses(centre_id);

CREATE TABLE course_modules (
    id INTEGER PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX course_modules_course ON course_modules(course_id, position);

CREATE TABLE lessons (
    id INTEGER PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    module_id BIGINT NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    video_key TEXT,
    video_type TEXT,
    video_url TEXT,
    poster_key TEXT,
    captions_key TEXT,
    quiz TEXT,
    exercise TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX lessons_course ON lessons(course_id, module_id, position);

CREATE TABLE lesson_files (
    id INTEGER PRIMARY KEY,
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX lesson_files_lesson ON lesson_files(lesson_id);

CREATE TABLE learning_paths (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT REFERENCES centres(id) ON DELETE CASCADE,
    cohort_id BIGINT REFERENCES cohorts(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE path_courses (
    path_id BIGINT NOT NULL REFERENCES learning_paths(id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    requires_previous BIGINT NOT NULL,
    release_at BIGINT,
    PRIMARY KEY (path_id, course_id)
);
CREATE INDEX path_courses_course ON path_courses(course_id);

CREATE TABLE path_enrolments (
    path_id BIGINT NOT NULL REFERENCES learning_paths(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    enrolled_at BIGINT NOT NULL,
    PRIMARY KEY (path_id, user_id)
);
CREATE INDEX path_enrolments_user ON path_enrolments(user_id);

CREATE TABLE lesson_progress (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    started_at BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    completed_at BIGINT,
    seconds BIGINT NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);
CREATE INDEX lesson_progress_course ON lesson_progress(course_id, user_id);
CREATE INDEX lesson_progress_seen ON lesson_progress(user_id, seen_at);

CREATE TABLE workbook_answers (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    answers TEXT NOT NULL,
    shared BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);

-- Attempt numbers are unique per learner and quiz: two submissions at once cannot both take
-- the last attempt allowed.
CREATE TABLE quiz_attempts (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    right_answers BIGINT NOT NULL,
    questions BIGINT NOT NULL,
    percent BIGINT NOT NULL,
    passed BIGINT NOT NULL,
    answers TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, lesson_id, number)
);

CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    learner_name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    UNIQUE (user_id, course_id)
);
