-- Issue 15: employers as organisations. An organisation's id is the employer_id its users' tokens carry, so postings,
-- applications and vacancy reports already belong to it. Contact person and phone are personal data: sealed
-- (AES-GCM, PersonalDataProtector) with a blind index of the phone for the abnormal-account list.
CREATE TABLE organisations (
    id                   uuid PRIMARY KEY,
    credit_code          text        NOT NULL UNIQUE,
    legal_name           text        NOT NULL,
    industry             text        NOT NULL,
    size                 text        NOT NULL,
    region_code          text        NOT NULL,
    address              text        NOT NULL,
    contact_name_sealed  text        NOT NULL,
    contact_phone_sealed text        NOT NULL,
    contact_phone_index  text        NOT NULL,
    owner_user_id        uuid        NOT NULL,
    status               text        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'verified', 'needsInformation', 'rejected')),
    status_reason        text,
    registered_at        timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    decided_at           timestamptz
);
-- The caseworkers' verification queue: waiting organisations of a region, oldest first.
CREATE INDEX organisations_waiting ON organisations (region_code, registered_at) WHERE status IN ('pending', 'needsInformation');

-- Staff decisions on organisations, append-only as the profile service's audit log is: who decided what, why, when.
CREATE TABLE organisation_audit (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    staff_id        uuid        NOT NULL,
    staff_role      text        NOT NULL,
    action          text        NOT NULL,
    reason          text        NOT NULL,
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisation_audit_organisation ON organisation_audit (organisation_id, at);

CREATE FUNCTION organisation_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'organisation_audit is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER organisation_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON organisation_audit
    FOR EACH ROW EXECUTE FUNCTION organisation_audit_is_append_only();
CREATE TRIGGER organisation_audit_no_truncate BEFORE TRUNCATE ON organisation_audit
    FOR EACH STATEMENT EXECUTE FUNCTION organisation_audit_is_append_only();

-- The abnormal-account list (异常账户名单, 2026 rules): a credit code or a contact phone (its blind index only) that
-- may not register again, with the staff member's reason. Either may be given; each is looked up on registration.
CREATE TABLE abnormal_accounts (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid,
    credit_code         text,
    contact_phone_index text,
    reason              text        NOT NULL,
    listed_by           uuid        NOT NULL,
    listed_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (credit_code IS NOT NULL OR contact_phone_index IS NOT NULL)
);
CREATE INDEX abnormal_accounts_credit_code ON abnormal_accounts (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX abnormal_accounts_phone ON abnormal_accounts (contact_phone_index) WHERE contact_phone_index IS NOT NULL;
