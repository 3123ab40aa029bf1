-- Issue 17: search by words as the one TextAnalyzer cuts them (jieba words, English stems) and by the taxonomy
-- occupation a title names, in a weighted tsvector (Search/SearchTerms.cs) with a GIN index over live postings; saved
-- searches keep the tsquery their words became, so an alert matches exactly what the search matches. The bigram text
-- and its trigram index (003) go. Rows written before this get their terms from SearchBackfill at start-up; until
-- then an old saved search with words (patterns) alerts about nothing rather than everything.
ALTER TABLE postings ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX postings_search_terms ON postings USING gin (search_terms)
    WHERE status = 'Published' AND duplicate_of IS NULL;
DROP INDEX IF EXISTS postings_search_text;
ALTER TABLE postings DROP COLUMN search_text;

ALTER TABLE saved_searches ADD COLUMN text_query tsquery;
