-- Onboarding: a centre's adjustments to the default sequence (a step's delay, or the step turned
-- off), one onboarding per person (started on sign-up or on acceptance of an application,
-- pausable, left through the signed unsubscribe link) and what became of each step.
CREATE TABLE onboarding_settings (
    centre_id BIGINT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    delay_hours BIGINT NOT NULL,
    enabled BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (centre_id, step)
);

CREATE TABLE onboardings (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    centre_id BIGINT REFERENCES centres(id) ON DELETE SET NULL,
    started_at BIGINT NOT NULL,
    paused_at BIGINT,
    unsubscribed_at BIGINT
);
CREATE INDEX onboardings_centre ON onboardings(centre_id);

CREATE TABLE onboarding_progress (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'skipped')),
    at BIGINT NOT NULL,
    PRIMARY KEY (user_id, step)
);
