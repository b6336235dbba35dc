-- The network (issue 21): ambassadors and their referrals.
--
-- An ambassador (a person holding the ambassador role in a centre) has one personal code. Their
-- link `/r/{code}` counts a visit and lands on the site tagged as the campaign
-- `utm_source=ambassadeur&utm_campaign={code}`, which the existing campaign cookie carries to the
-- leads (pioneers, event registrations) and, here, to the accounts created while it is set.
CREATE TABLE ambassadors (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- Visits through an ambassador's link (the ambassador's own are not counted).
CREATE TABLE referral_visits (
    id INTEGER PRIMARY KEY,
    ambassador_id BIGINT NOT NULL REFERENCES ambassadors(user_id) ON DELETE CASCADE,
    at BIGINT NOT NULL
);
CREATE INDEX referral_visits_ambassador ON referral_visits(ambassador_id, at);

-- Accounts created while an ambassador's campaign was remembered: the referred person, once.
-- Their paid orders are the ambassador's payments.
CREATE TABLE referral_signups (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    ambassador_id BIGINT NOT NULL REFERENCES ambassadors(user_id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    CHECK (user_id <> ambassador_id)
);
CREATE INDEX referral_signups_ambassador ON referral_signups(ambassador_id);

-- The tiers the network defines: reached at `threshold` attributed sign-ups or payments.
CREATE TABLE ambassador_tiers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    metric TEXT NOT NULL,
    threshold BIGINT NOT NULL,
    reward TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

-- The leads an ambassador brought are found by their campaign.
CREATE INDEX leads_campaign ON leads(utm_source, utm_campaign);

-- The year's review: next year's objectives, each a measurable target on a figure of the
-- dashboard (`revenue`, `participants`, `projects`, `cohorts`, `satisfaction`) or an impact
-- indicator (`indicator:<code>`), with its unit and deadline; the network's (no centre) or a
-- centre's. `year` is the year the objective is for (the review's year + 1).
CREATE TABLE year_objectives (
    id INTEGER PRIMARY KEY,
    centre_id BIGINT REFERENCES centres(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    label TEXT NOT NULL,
    figure TEXT NOT NULL,
    target BIGINT NOT NULL,
    unit TEXT NOT NULL,
    deadline TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX year_objectives_year ON year_objectives(year, centre_id);

-- The roadmap a year's objectives became (once per network or centre and year; scope 0 is
-- the network's).
CREATE TABLE year_roadmaps (
    scope BIGINT NOT NULL,
    year BIGINT NOT NULL,
    roadmap_id BIGINT NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, year)
);
