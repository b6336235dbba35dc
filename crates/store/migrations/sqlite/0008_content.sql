-- Content: pages, blog posts, podcast episodes, case studies, guides and their chapters. An item
-- holds what every language shares (kind, status, schedule, tags, audio, project); each language
-- version its slug, title, summary and Markdown body; every save of a version keeps the body it
-- replaces as a revision.
CREATE TABLE content_items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('page', 'post', 'episode', 'case_study', 'guide', 'chapter')),
    parent_id BIGINT REFERENCES content_items(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published')),
    publish_at BIGINT,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    tags TEXT NOT NULL DEFAULT '',
    project_id BIGINT REFERENCES projects(id) ON DELETE SET NULL,
    audio_key TEXT,
    audio_url TEXT,
    audio_type TEXT,
    audio_size BIGINT,
    duration_seconds BIGINT,
    episode_number BIGINT,
    season_number BIGINT,
    explicit BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX content_items_public ON content_items(kind, status, publish_at);
CREATE INDEX content_items_parent ON content_items(parent_id, position);

CREATE TABLE content_versions (
    id INTEGER PRIMARY KEY,
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    kind TEXT NOT NULL,
    scope_id BIGINT NOT NULL DEFAULT 0,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (item_id, lang),
    UNIQUE (kind, scope_id, lang, slug)
);

CREATE TABLE content_revisions (
    id INTEGER PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES content_versions(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '',
    saved_at BIGINT NOT NULL,
    saved_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX content_revisions_version ON content_revisions(version_id, id);
