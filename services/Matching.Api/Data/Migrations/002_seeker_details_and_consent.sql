-- Issue 4: what the richer ProfileUpdated carries (still no personal data), employer-sharing consent, and
-- seekers who left matching (withdrew consent or deleted their account).
ALTER TABLE seekers
    ADD COLUMN skill_concepts        text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN education_level       text,
    ADD COLUMN education_field       text,
    ADD COLUMN years_of_experience   double precision,
    ADD COLUMN desired_occupations   text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN salary_expectation    numeric(12, 2),
    ADD COLUMN employment_types      text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN languages             text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN available_from        date,
    ADD COLUMN key_groups            text[]   NOT NULL DEFAULT '{}',
    -- Employer-side results must filter on this: a seeker appears to employers only while they consent.
    ADD COLUMN shared_with_employers boolean  NOT NULL DEFAULT false;

-- A seeker who withdrew consent to matching or deleted their account, and when. A ProfileUpdated written before
-- that moment (the outbox does not order events) must not bring them back; a newer one (consent given again) may.
CREATE TABLE removed_seekers (
    seeker_id  uuid PRIMARY KEY,
    removed_at timestamptz NOT NULL
);
