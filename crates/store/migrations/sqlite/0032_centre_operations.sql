-- Running a centre (issue 20): procedures, recurring checklists and their runs, incidents, the
-- team's responsibility matrix (RACI), volunteers and their hours, the opening plan.
--
-- Procedures: Markdown written like the content editor's, linking chapters of the operations
-- manual (`chapters`: the chapters' slugs, one a line).
CREATE TABLE procedures (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    chapters TEXT NOT NULL DEFAULT '',
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (centre_id, title)
);

-- A recurring checklist (daily, weekly, monthly) assigned to a role of the centre. `created_on`
-- (YYYY-MM-DD, Paris) is the first period it is due in.
CREATE TABLE checklists (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    recurrence TEXT NOT NULL,
    role TEXT NOT NULL,
    procedure_id BIGINT REFERENCES procedures(id) ON DELETE SET NULL,
    created_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);
CREATE INDEX checklists_centre ON checklists(centre_id);

CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    checklist_id BIGINT NOT NULL REFERENCES checklists(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    -- Taken off the list (its past ticks stay in the history).
    removed_at BIGINT
);
CREATE INDEX checklist_items_checklist ON checklist_items(checklist_id);

-- One run per checklist and period (`period`: the period's first day); completed when every
-- item is ticked.
CREATE TABLE checklist_runs (
    id INTEGER PRIMARY KEY,
    checklist_id BIGINT NOT NULL REFERENCES checklists(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    completed_at BIGINT,
    UNIQUE (checklist_id, period)
);

-- Who ticked what and when.
CREATE TABLE checklist_ticks (
    id INTEGER PRIMARY KEY,
    run_id BIGINT NOT NULL REFERENCES checklist_runs(id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    ticked_at BIGINT NOT NULL,
    UNIQUE (run_id, item_id)
);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    place TEXT NOT NULL,
    severity TEXT NOT NULL,
    what TEXT NOT NULL,
    action_taken TEXT NOT NULL DEFAULT '',
    reported_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    closed_at BIGINT
);
CREATE INDEX incidents_centre ON incidents(centre_id, happened_on);

-- The processes a centre lists and who is Responsible, Accountable, Consulted, Informed.
CREATE TABLE raci_processes (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

CREATE TABLE raci_assignments (
    process_id BIGINT NOT NULL REFERENCES raci_processes(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    letter TEXT NOT NULL,
    PRIMARY KEY (process_id, user_id)
);

-- Volunteers (bénévoles), from the CRM's contacts when they are known there.
CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (centre_id, name)
);

-- Hours in minutes (a day holds at most 24 h per volunteer).
CREATE TABLE volunteer_hours (
    id INTEGER PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    worked_on TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    activity TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_hours_centre ON volunteer_hours(centre_id, worked_on);

-- The hourly value of volunteer time a centre sets (default: the SMIC horaire brut).
CREATE TABLE volunteer_rates (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    rate_cents BIGINT NOT NULL
);

-- The network's opening plan template: milestones with a target offset in weeks before the
-- opening (negative: before; 0: the opening) and their checklist (one item a line).
CREATE TABLE opening_template (
    id INTEGER PRIMARY KEY,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    offset_weeks BIGINT NOT NULL,
    checklist TEXT NOT NULL DEFAULT ''
);

-- A centre's own plan, started from the template and dated from its target opening day.
CREATE TABLE opening_plans (
    centre_id BIGINT PRIMARY KEY REFERENCES centres(id) ON DELETE CASCADE,
    opens_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE opening_milestones (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_at BIGINT
);
CREATE INDEX opening_milestones_centre ON opening_milestones(centre_id);

CREATE TABLE opening_checks (
    id INTEGER PRIMARY KEY,
    milestone_id BIGINT NOT NULL REFERENCES opening_milestones(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    done_at BIGINT
);
CREATE INDEX opening_checks_milestone ON opening_checks(milestone_id);

-- The network's first template (the network team edits it).
INSERT INTO opening_template (position, name, offset_weeks, checklist) VALUES
    (1, 'Lieu trouvé', -24, 'Visiter au moins trois lieux
Vérifier l''accessibilité (ERP, PMR)
Signer le bail ou la convention d''occupation'),
    (2, 'Conventions signées', -20, 'Signer la licence avec le réseau
Conventionner avec la collectivité
Souscrire l''assurance responsabilité civile'),
    (3, 'Travaux', -14, 'Valider le plan d''aménagement
Obtenir les devis
Réceptionner les travaux'),
    (4, 'Équipement', -8, 'Commander le mobilier
Installer le matériel informatique
Mettre en place la signalétique'),
    (5, 'Équipe', -6, 'Recruter ou nommer le ou la gestionnaire
Former l''équipe au manuel d''opérations
Accueillir les premiers bénévoles'),
    (6, 'Événement d''ouverture', 0, 'Envoyer les invitations
Préparer l''accueil et le programme
Annoncer l''ouverture dans la presse locale');
