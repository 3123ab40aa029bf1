-- Issue 15: key-enterprise status (重点企业) set on the organisation by a caseworker of its region, with the reason
-- and since when (each change is also in organisation_audit). Key enterprises are expected to file the monthly vacancy
-- report; the caseworkers' list shows which have not filed a month's.
ALTER TABLE organisations
    ADD COLUMN key_enterprise        boolean NOT NULL DEFAULT false,
    ADD COLUMN key_enterprise_reason text,
    ADD COLUMN key_enterprise_since  timestamptz;
CREATE INDEX organisations_key_enterprises ON organisations (region_code text_pattern_ops) WHERE key_enterprise;
