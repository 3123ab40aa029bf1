-- A rejected key group re-declared (docs/decisions/062): the seeker states new facts for a group a caseworker rejected.
-- The rejection stands; the new facts and their sentence wait beside it, sealed like the rest, until a caseworker
-- verifies (the group applies on them), corrects or rejects again. The partial index serves the register's filter.
ALTER TABLE key_groups
    ADD COLUMN redeclared_evidence_protected text,
    ADD COLUMN redeclared_facts_protected    text,
    ADD COLUMN redeclared_at                 timestamptz;
CREATE INDEX key_groups_redeclared ON key_groups (seeker_id, key_group) WHERE redeclared_at IS NOT NULL;
