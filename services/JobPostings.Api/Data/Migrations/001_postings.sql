CREATE TABLE postings (
    id              uuid PRIMARY KEY,
    employer_id     uuid        NOT NULL,
    title           text        NOT NULL,
    description     text        NOT NULL,
    occupation_code text,
    skills          text[]      NOT NULL DEFAULT '{}',
    region_code     text        NOT NULL,
    latitude        double precision,
    longitude       double precision,
    salary_min      numeric(12, 2),
    salary_max      numeric(12, 2),
    vacancies       integer     NOT NULL DEFAULT 1,
    status          text        NOT NULL,
    valid_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    closed_at       timestamptz
);
CREATE INDEX postings_employer ON postings (employer_id, created_at DESC);
CREATE INDEX postings_published ON postings (published_at DESC, id DESC) WHERE status = 'Published';
