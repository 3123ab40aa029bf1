-- Issue 15, applicants as people: which employer may read which applicant, per application (from the job-posting
-- service's ApplicationSubmitted), and whether the seeker shared their contact for that application (from
-- ContactRequestAnswered). The card itself is read from the profile at the time of reading, under the seeker's
-- employer-sharing consent. Ids only; nothing personal.
CREATE TABLE applicants (
    application_id uuid PRIMARY KEY,
    seeker_id      uuid        NOT NULL,
    employer_id    uuid        NOT NULL,
    contact_shared boolean     NOT NULL DEFAULT false,
    applied_at     timestamptz NOT NULL
);
CREATE INDEX applicants_seeker ON applicants (seeker_id);
