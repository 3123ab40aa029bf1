-- Issue 6 continued.

-- Recipients whose account was deleted: an event about them still in flight (MatchesFound, SavedSearchMatched)
-- must not bring a notification back. Only the pseudonymous id is kept, as matching keeps removed_seekers.
CREATE TABLE deleted_recipients (
    recipient_id uuid PRIMARY KEY,
    deleted_at   timestamptz NOT NULL DEFAULT now()
);

-- The daily digest: kinds that are e-mailed once a day at digest_hour (China Standard Time) instead of one by one.
ALTER TABLE preferences
    ADD COLUMN digest_hour  smallint CHECK (digest_hour BETWEEN 0 AND 23),
    ADD COLUMN digest_kinds text[] NOT NULL DEFAULT '{}';
CREATE INDEX preferences_digest ON preferences (digest_hour) WHERE digest_hour IS NOT NULL;

-- Which day's digest listed a notification (NULL: not e-mailed in a digest).
ALTER TABLE notifications ADD COLUMN digest_date date;
CREATE INDEX notifications_undigested ON notifications (recipient_id, created_at) WHERE digest_date IS NULL;

-- One digest per person and day (China Standard Time), whatever the number of instances: the key says so, and a
-- lease (as for deliveries) says which instance is sending it.
CREATE TABLE digests (
    id                 uuid        NOT NULL UNIQUE,
    person_id          uuid        NOT NULL,
    digest_date        date        NOT NULL,
    status             text        NOT NULL DEFAULT 'pending',
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    locked_until       timestamptz,
    last_error         text,
    notification_count integer,
    sent_at            timestamptz,
    PRIMARY KEY (person_id, digest_date)
);
CREATE INDEX digests_due ON digests (next_attempt_at) WHERE status = 'pending';
