-- Issue 3 search: Chinese and English full text through pg_trgm over a normalised text (Chinese as overlapping
-- character bigrams, other scripts as lower-case words; see Search/SearchText.cs), and radius search through
-- earthdistance. Both extensions ship with postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

ALTER TABLE postings ADD COLUMN search_text text NOT NULL DEFAULT '';

-- Only live postings are searched, so the search indexes hold only published, non-duplicate rows.
CREATE INDEX postings_search_text ON postings USING gin (search_text gin_trgm_ops)
    WHERE status = 'Published' AND duplicate_of IS NULL;
CREATE INDEX postings_search_location ON postings USING gist (ll_to_earth(latitude, longitude))
    WHERE status = 'Published' AND duplicate_of IS NULL AND latitude IS NOT NULL;
CREATE INDEX postings_search_salary ON postings ((COALESCE(salary_max, -1)) DESC, id DESC)
    WHERE status = 'Published' AND duplicate_of IS NULL;
CREATE INDEX postings_search_region ON postings (region_code text_pattern_ops, published_at DESC, id DESC)
    WHERE status = 'Published' AND duplicate_of IS NULL;
-- Newest-first browsing uses 001's postings_published (published_at DESC, id DESC) WHERE status = 'Published'.
