-- The visible effect of the test consumer: one row per time it ran.
CREATE TABLE effects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id uuid NOT NULL,
    posting_id uuid NOT NULL,
    reason     text NOT NULL
);
CREATE TABLE postings_written (posting_id uuid PRIMARY KEY);
