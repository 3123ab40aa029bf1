-- Each person's choices: language, where to reach them (sealed with PersonalDataProtector), which outside channels
-- per kind of notification, and quiet hours (China Standard Time). In-app is always on.
CREATE TABLE preferences (
    person_id                uuid PRIMARY KEY,
    language                 text        NOT NULL DEFAULT 'zh-CN',
    email_protected          text,
    phone_protected          text,
    webhook_url              text,
    webhook_secret_protected text,
    channels                 jsonb       NOT NULL DEFAULT '{}',
    quiet_start              time,
    quiet_end                time,
    updated_at               timestamptz NOT NULL DEFAULT now()
);

-- One row per notification and outside channel, with its own attempts: a failing channel never holds up another.
CREATE TABLE deliveries (
    id              uuid PRIMARY KEY,
    notification_id uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    recipient_id    uuid        NOT NULL,
    channel         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (notification_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_recipient ON deliveries (recipient_id, created_at DESC);
