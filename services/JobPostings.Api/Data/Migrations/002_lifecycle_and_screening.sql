-- Issue 3: the full posting, its lifecycle (submitted → screening → published / needs review → …) and screening.
ALTER TABLE postings
    ADD COLUMN optional_skills     text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN education           text,
    ADD COLUMN experience_years    integer,
    ADD COLUMN salary_negotiable   boolean NOT NULL DEFAULT false,
    ADD COLUMN employment_type     text    NOT NULL DEFAULT 'FullTime',
    ADD COLUMN key_groups          text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN review_note         text,
    ADD COLUMN content_fingerprint text,
    ADD COLUMN duplicate_of        uuid,
    ADD COLUMN submitted_at        timestamptz;

-- What screening found at the posting's latest submission: the rule and the words that made it fire.
CREATE TABLE screening_flags (
    posting_id   uuid        NOT NULL REFERENCES postings (id),
    rule         text        NOT NULL,
    kind         text        NOT NULL,
    matched_text text        NOT NULL,
    flagged_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_flags_posting ON screening_flags (posting_id);

-- Identical content from another employer is a fraud signal; the lookup must not scan.
CREATE INDEX postings_fingerprint ON postings (content_fingerprint) WHERE content_fingerprint IS NOT NULL;
-- The caseworkers' queue, oldest submission first.
CREATE INDEX postings_review_queue ON postings (submitted_at, id) WHERE status = 'NeedsReview';
-- The expiry sweep finds published postings past their date without a scan.
CREATE INDEX postings_expiring ON postings (valid_until) WHERE status = 'Published' AND valid_until IS NOT NULL;
