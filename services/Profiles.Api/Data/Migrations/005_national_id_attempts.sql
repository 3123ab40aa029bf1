-- Saves refused because the ID number belongs to another profile, per seeker (issue 18: the answer "belongs to another
-- profile" is an oracle; after a few refusals a day, new ID numbers are refused without being checked). Holds no number.
CREATE TABLE national_id_attempts (
    seeker_id    uuid        NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX national_id_attempts_seeker ON national_id_attempts (seeker_id, attempted_at);
