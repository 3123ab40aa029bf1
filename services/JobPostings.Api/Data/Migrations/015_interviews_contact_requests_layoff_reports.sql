-- Issue 15, the applicants half: interviews with time, place and contact; the employer's request for a seeker's
-- contact (without employer-sharing consent); lay-off reports (规模性裁员减员报告) of organisations.

-- One interview per application at a time: rescheduling changes it (and asks the seeker again), cancelling ends it,
-- scheduling after a cancellation starts it again. The contact person and phone are the employer's staff's personal
-- data: sealed (PersonalDataProtector), never in events. The seeker's note is theirs: shown to the employer only.
CREATE TABLE interviews (
    application_id       uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    id                   uuid        NOT NULL UNIQUE,
    at                   timestamptz NOT NULL,
    place                text        NOT NULL,
    contact_name_sealed  text        NOT NULL,
    contact_phone_sealed text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'cancelled')),
    seeker_note          text,
    revision             integer     NOT NULL DEFAULT 1,
    scheduled_at         timestamptz NOT NULL DEFAULT now(),
    answered_at          timestamptz
);

-- Without the seeker's employer-sharing consent the employer may ask for their contact, for one application;
-- the seeker accepts or declines. Null: never asked.
ALTER TABLE applications
    ADD COLUMN contact_request text CHECK (contact_request IN ('requested', 'accepted', 'declined')),
    ADD COLUMN contact_requested_at timestamptz;

CREATE TABLE layoff_reports (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisations (id),
    region_code     text        NOT NULL,
    affected        integer     NOT NULL CHECK (affected > 0),
    workforce       integer     CHECK (workforce > 0),
    effective_on    date        NOT NULL,
    reason_code     text        NOT NULL,
    reason          text        NOT NULL,
    filed_by        uuid        NOT NULL,
    filed_at        timestamptz NOT NULL DEFAULT now()
);
-- The caseworkers' early-warning list: a region's reports, newest first.
CREATE INDEX layoff_reports_region ON layoff_reports (region_code, filed_at DESC);
CREATE INDEX layoff_reports_organisation ON layoff_reports (organisation_id, filed_at DESC);
