-- Issue 15: complaints about published postings (the 2026 rules ask for fast manual review of complaints). A complaint
-- puts the posting on the region's review queue while it stays live; the caseworker dismisses the complaints (the
-- posting stays up) or upholds them (rejects it, or returns it to the employer), which resolves every open one.
CREATE TABLE complaints (
    id             uuid PRIMARY KEY,
    posting_id     uuid        NOT NULL REFERENCES postings (id),
    complainant_id uuid        NOT NULL,
    category       text        NOT NULL,
    text           text        NOT NULL,
    filed_at       timestamptz NOT NULL DEFAULT now(),
    resolved_at    timestamptz,
    resolved_by    uuid,
    resolution     text CHECK (resolution IN ('dismissed', 'upheld'))
);
-- One open complaint per person and posting: a second report from the same account adds nothing to the queue.
CREATE UNIQUE INDEX complaints_open_per_complainant ON complaints (posting_id, complainant_id) WHERE resolved_at IS NULL;
-- The queue finds postings with open complaints without a scan.
CREATE INDEX complaints_open ON complaints (posting_id, filed_at) WHERE resolved_at IS NULL;
