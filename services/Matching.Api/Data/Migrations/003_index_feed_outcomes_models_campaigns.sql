-- Issue 5: what the richer JobPublished carries, a change feed for every instance's in-memory index, outcomes to
-- learn from, versioned ranking models, the key-group policy's audit trail and targeted campaigns.

ALTER TABLE postings
    ADD COLUMN optional_skills  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN employment_type  text,
    ADD COLUMN key_groups       text[] NOT NULL DEFAULT '{}',
    ADD COLUMN experience_years integer,
    ADD COLUMN education        text,
    -- The transaction that last wrote the row: each instance's index reads rows written since the oldest transaction
    -- still running when it last looked (pg_snapshot_xmin), so a row committed late is never skipped.
    ADD COLUMN written_by       xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX postings_written_by ON postings (written_by);

ALTER TABLE seekers ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX seekers_written_by ON seekers (written_by);

ALTER TABLE removed_seekers ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX removed_seekers_written_by ON removed_seekers (written_by);

-- What seekers did with postings and how it ended, from the job-posting service's events. Grades: 1 applied or
-- viewed, 2 interview, 3 offer, 4 hired (a follow-up still in the job after 30 days confirms it); 0 rejected.
CREATE TABLE interactions (
    seeker_id   uuid        NOT NULL,
    posting_id  uuid        NOT NULL,
    grade       smallint    NOT NULL,
    kind        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (seeker_id, posting_id, kind)
);
CREATE INDEX interactions_posting ON interactions (posting_id);
CREATE INDEX interactions_occurred_at ON interactions (occurred_at);

-- Ranking models: every trained model is kept with how it scored offline; exactly one is promoted at a time.
CREATE TABLE ranking_models (
    version      text PRIMARY KEY,
    created_at   timestamptz NOT NULL DEFAULT now(),
    trained_on   text        NOT NULL,   -- "bootstrap" or "outcomes"
    model        bytea       NOT NULL,   -- XGBoost universal binary JSON
    features     text[]      NOT NULL,   -- column names, in order: a model only serves the feature set it was trained on
    metrics      jsonb       NOT NULL,
    promoted_at  timestamptz,
    retired_at   timestamptz
);
CREATE UNIQUE INDEX ranking_models_one_promoted ON ranking_models ((true)) WHERE promoted_at IS NOT NULL AND retired_at IS NULL;

-- The key-group policy in force: every distinct rule set is recorded once when an instance starts with it, so any
-- boosted result can be traced to the exact rules, apart from the model.
CREATE TABLE policy_versions (
    version    text PRIMARY KEY,             -- hash of the rules
    rules      jsonb       NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE announced_matches
    ADD COLUMN model_score    double precision,
    ADD COLUMN policy_boost   double precision,
    ADD COLUMN policy_rule    text,
    ADD COLUMN policy_version text,
    ADD COLUMN model_version  text;

-- Targeted campaigns: a caseworker's batch match of one key group in their regions, split into work items.
CREATE TABLE campaigns (
    campaign_id     uuid PRIMARY KEY,
    name            text        NOT NULL,
    key_group       text        NOT NULL,
    region_codes    text[]      NOT NULL,
    occupations     text[]      NOT NULL,
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    total_items     integer     NOT NULL,
    completed_items integer     NOT NULL DEFAULT 0,
    seekers_total   integer     NOT NULL DEFAULT 0,
    seekers_matched integer     NOT NULL DEFAULT 0,
    completed_at    timestamptz
);
CREATE INDEX campaigns_created_by ON campaigns (created_by, created_at DESC);

CREATE TABLE campaign_items (
    campaign_id  uuid     NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    item         integer  NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (campaign_id, item)
);

CREATE TABLE campaign_results (
    result_id      uuid PRIMARY KEY,
    campaign_id    uuid             NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    seeker_id      uuid             NOT NULL,
    posting_id     uuid             NOT NULL,
    title          text             NOT NULL,
    rank           integer          NOT NULL,
    score          double precision NOT NULL,
    model_score    double precision NOT NULL,
    policy_boost   double precision NOT NULL,
    policy_rule    text,
    explanation    jsonb            NOT NULL,
    sent_at        timestamptz,
    UNIQUE (campaign_id, seeker_id, posting_id)
);
CREATE INDEX campaign_results_campaign ON campaign_results (campaign_id, score DESC);
CREATE INDEX campaign_results_seeker ON campaign_results (seeker_id, posting_id) WHERE sent_at IS NOT NULL;
