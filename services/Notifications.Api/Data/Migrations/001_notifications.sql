-- In-app notifications. data holds the facts (posting ids and titles); text is rendered per reader's language.
CREATE TABLE notifications (
    id           uuid PRIMARY KEY,
    recipient_id uuid        NOT NULL,
    kind         text        NOT NULL,
    data         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at DESC);
