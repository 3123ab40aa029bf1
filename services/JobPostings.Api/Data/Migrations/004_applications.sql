-- Issue 3: seekers apply (once per posting), employers move applications on, caseworkers follow up on placements.
CREATE TABLE applications (
    id          uuid PRIMARY KEY,
    posting_id  uuid        NOT NULL REFERENCES postings (id),
    seeker_id   uuid        NOT NULL,
    status      text        NOT NULL,
    reason      text,
    cover_note  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (posting_id, seeker_id)
);
CREATE INDEX applications_seeker ON applications (seeker_id, created_at DESC);

-- 跟踪回访: what a caseworker found when following up a placement.
CREATE TABLE follow_ups (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES applications (id),
    caseworker_id  uuid        NOT NULL,
    outcome        text        NOT NULL,
    days_in_job    integer,
    note           text,
    visited_at     timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX follow_ups_application ON follow_ups (application_id, visited_at);
