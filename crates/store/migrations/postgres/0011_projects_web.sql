-- Projects created and run from the web: town, cover colour, archive, the creator and the
-- creation key that makes a double-clicked "create" one project.
ALTER TABLE projects ADD COLUMN town TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN colour TEXT NOT NULL DEFAULT 'sun';
ALTER TABLE projects ADD COLUMN archived_at BIGINT;
ALTER TABLE projects ADD COLUMN created_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE projects ADD COLUMN creation_key TEXT;
CREATE UNIQUE INDEX projects_creation_key ON projects(created_by, creation_key);
-- The five stages of the studio's path: idea, test, launch, activity, spread.
UPDATE projects SET stage = 'test' WHERE stage = 'design';
UPDATE projects SET stage = 'activity' WHERE stage NOT IN ('idea', 'test', 'launch', 'activity', 'spread');
-- A project invitation sent by a participant opens the project only (a project guest), not
-- the centre: only a centre's managers grant memberships.
ALTER TABLE invitations ADD COLUMN grants_membership BIGINT NOT NULL DEFAULT 1;
