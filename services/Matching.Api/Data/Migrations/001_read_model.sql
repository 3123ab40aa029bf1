-- Matching's own copy of what it needs, built from events (JobPublished, JobClosed, ProfileUpdated).
-- skill_keys are the normalised forms used to match; skills keep the text people typed, for explanations.
CREATE TABLE postings (
    posting_id      uuid PRIMARY KEY,
    employer_id     uuid        NOT NULL,
    title           text        NOT NULL,
    occupation_code text,
    skills          text[]      NOT NULL,
    skill_keys      text[]      NOT NULL,
    region_code     text        NOT NULL,
    latitude        double precision,
    longitude       double precision,
    salary_min      numeric(12, 2),
    salary_max      numeric(12, 2),
    published_at    timestamptz NOT NULL,
    valid_until     timestamptz,
    closed_at       timestamptz
);
CREATE INDEX postings_open_skill_keys ON postings USING gin (skill_keys) WHERE closed_at IS NULL;

-- A close that arrived before its publication (the outbox does not order across instances).
CREATE TABLE closed_postings (
    posting_id uuid PRIMARY KEY,
    closed_at  timestamptz NOT NULL
);

CREATE TABLE seekers (
    seeker_id           uuid PRIMARY KEY,
    skills              text[]      NOT NULL,
    skill_keys          text[]      NOT NULL,
    region_code         text        NOT NULL,
    latitude            double precision,
    longitude           double precision,
    max_commute_km      integer,
    willing_to_relocate boolean     NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX seekers_skill_keys ON seekers USING gin (skill_keys);

-- Matches a seeker has been told about, so each is announced once.
CREATE TABLE announced_matches (
    seeker_id    uuid             NOT NULL,
    posting_id   uuid             NOT NULL,
    score        double precision NOT NULL,
    announced_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (seeker_id, posting_id)
);
