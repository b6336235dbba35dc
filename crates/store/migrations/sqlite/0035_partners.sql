-- Partners (issue 21): the network's selection grid (criteria with their weights), the
-- organisations of the CRM it weighs as partners (a score of 0 to 5 per criterion, notes, a
-- status), the agreement signed with each chosen one and what each brings.
CREATE TABLE partner_criteria (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    weight BIGINT NOT NULL CHECK (weight BETWEEN 1 AND 10),
    created_at BIGINT NOT NULL
);

-- One per organisation. `status`: candidate, chosen or declined. The agreement's dates are
-- YYYY-MM-DD, empty when unknown.
CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL UNIQUE REFERENCES organisations(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'candidate',
    notes TEXT NOT NULL DEFAULT '',
    agreement_title TEXT NOT NULL DEFAULT '',
    agreement_signed_on TEXT NOT NULL DEFAULT '',
    agreement_ends_on TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE partner_scores (
    partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    criterion_id BIGINT NOT NULL REFERENCES partner_criteria(id) ON DELETE CASCADE,
    score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 5),
    PRIMARY KEY (partner_id, criterion_id)
);

-- What a partner brings: `kind` funding, venue, referrals, expertise or in_kind; an amount
-- (cents a year, 0 when it is not money).
CREATE TABLE partner_contributions (
    id INTEGER PRIMARY KEY,
    partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    amount_cents BIGINT NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    created_at BIGINT NOT NULL
);
CREATE INDEX partner_contributions_partner ON partner_contributions(partner_id);
