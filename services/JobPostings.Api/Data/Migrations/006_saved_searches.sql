-- Issue 6: seekers' saved searches, evaluated against each posting as it is published (SavedSearches/SavedSearchStore.cs).
-- The filters are stored the way the SQL compares them: LIKE patterns over postings.search_text, a region prefix or a
-- circle, prefixes, arrays. A posting is one row, the saved searches many, so the location is what is indexed: a
-- posting finds the searches of its region prefixes through a btree and the circles around it through a GiST index.
CREATE TABLE saved_searches (
    id                      uuid PRIMARY KEY,
    seeker_id               uuid             NOT NULL,
    name                    text,
    request                 jsonb            NOT NULL,
    patterns                text[]           NOT NULL DEFAULT '{}',
    region_prefix           text,
    latitude                double precision,
    longitude               double precision,
    radius_m                double precision,
    occupation_prefix       text,
    salary                  numeric(12, 2),
    include_unstated_salary boolean,
    employment_types        text[]           NOT NULL DEFAULT '{}',
    entry_level             boolean          NOT NULL DEFAULT false,
    key_groups              text[]           NOT NULL DEFAULT '{}',
    created_at              timestamptz      NOT NULL DEFAULT now(),
    CHECK (radius_m IS NULL OR (latitude IS NOT NULL AND longitude IS NOT NULL AND region_prefix IS NULL))
);
CREATE INDEX saved_searches_seeker ON saved_searches (seeker_id, created_at DESC);
CREATE INDEX saved_searches_region ON saved_searches (region_prefix) WHERE region_prefix IS NOT NULL;
CREATE INDEX saved_searches_circle ON saved_searches USING gist (earth_box(ll_to_earth(latitude, longitude), radius_m))
    WHERE radius_m IS NOT NULL;
CREATE INDEX saved_searches_anywhere ON saved_searches (id) WHERE region_prefix IS NULL AND radius_m IS NULL;

-- At most one alert per seeker and posting, whichever and however many of their searches it matches.
CREATE TABLE saved_search_alerts (
    seeker_id  uuid        NOT NULL,
    posting_id uuid        NOT NULL,
    alerted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seeker_id, posting_id)
);

-- PostingExpiring goes out once per posting: remembered here, in the same transaction as its outbox row.
ALTER TABLE postings ADD COLUMN expiry_warned_at timestamptz;
CREATE INDEX postings_expiry_warning ON postings (valid_until)
    WHERE status = 'Published' AND valid_until IS NOT NULL AND expiry_warned_at IS NULL;
