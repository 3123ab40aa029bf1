-- Issue 4: the full jobseeker profile, key groups with evidence, consent per purpose, the staff audit log and
-- caseworkers' real-name registers. Columns ending in _protected hold AES-GCM ciphertext (PersonalDataProtector);
-- columns ending in _index hold a keyed hash (BlindIndex) so a number can be found without storing it in the clear.
ALTER TABLE profiles
    ADD COLUMN national_id_protected text,
    ADD COLUMN national_id_index     text UNIQUE,
    -- date of birth, gender, veteran service, disability, health, low-income household: sealed as one JSON value
    ADD COLUMN personal_protected    text,
    -- education, work history, certificates, languages, preferences: what matching may learn, kept as the seeker typed it
    ADD COLUMN details               jsonb  NOT NULL DEFAULT '{}',
    ADD COLUMN skill_concepts        text[] NOT NULL DEFAULT '{}';

-- One row per seeker and key group: whether it applies, why (sealed: it may name service or disability), who set it.
CREATE TABLE key_groups (
    seeker_id          uuid        NOT NULL REFERENCES profiles ON DELETE CASCADE,
    key_group          text        NOT NULL CHECK (key_group IN ('graduate', 'veteran', 'rural-worker', 'employment-difficulty')),
    applies            boolean     NOT NULL,
    evidence_protected text        NOT NULL,
    source             text        NOT NULL CHECK (source IN ('derived', 'caseworker')),
    set_by             uuid        NOT NULL,
    set_at             timestamptz NOT NULL DEFAULT now(),
    verified_by        uuid,
    verified_at        timestamptz,
    PRIMARY KEY (seeker_id, key_group)
);

CREATE TABLE consents (
    seeker_id  uuid        NOT NULL REFERENCES profiles ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('matching', 'employer-sharing', 'caseworker-contact')),
    granted    boolean     NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seeker_id, purpose)
);

-- Who read or changed what of whose, when and why. Append-only in the database itself, not only in code:
-- an UPDATE, DELETE or TRUNCATE fails whoever issues it. Rows outlive a deleted account (they hold its pseudonymous
-- id, no personal data) because the record of who looked is the point of the log.
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id   uuid        NOT NULL,
    staff_role text        NOT NULL,
    action     text        NOT NULL,
    seeker_id  uuid,
    fields     text[]      NOT NULL,
    reason     text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_seeker ON audit_log (seeker_id, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Caseworkers' real-name registers (e.g. unemployed graduates), imported from CSV. Used as evidence for key groups:
-- a seeker whose ID number is on a register belongs to its group.
CREATE TABLE register_entries (
    register              text        NOT NULL,
    national_id_index     text        NOT NULL,
    national_id_protected text        NOT NULL,
    name_protected        text        NOT NULL,
    phone_protected       text,
    region_code           text        NOT NULL,
    registered_on         date        NOT NULL,
    import_id             uuid        NOT NULL,
    imported_by           uuid        NOT NULL,
    imported_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (register, national_id_index)
);
CREATE INDEX register_entries_index ON register_entries (national_id_index);
