-- Issue 16: the caseworkers' register of seekers (decision 062). Names are sealed, so a name is found through a
-- blind index of its cleaned form (exact name, never a substring); placement and the last follow-up visit are kept
-- here from the job-posting service's events, so the register is one query on this database.
ALTER TABLE profiles
    ADD COLUMN name_index      text,
    ADD COLUMN placed_at       timestamptz,
    ADD COLUMN last_contact_at timestamptz;

-- Paging walks (created_at, seeker_id) newest first inside a caseworker's regions (prefix match on the code).
CREATE INDEX profiles_register ON profiles (region_code text_pattern_ops, created_at DESC, seeker_id DESC);
CREATE INDEX profiles_register_recent ON profiles (created_at DESC, seeker_id DESC);
CREATE INDEX profiles_name_index ON profiles (name_index);
CREATE INDEX key_groups_applying ON key_groups (key_group, seeker_id) WHERE applies;
