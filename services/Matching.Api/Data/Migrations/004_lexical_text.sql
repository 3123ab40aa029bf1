-- Issue 13: the text lexical retrieval reads beside the concepts — the posting's description, and the seeker's past
-- job titles and certificates (as typed; no employer, no dates).
ALTER TABLE postings ADD COLUMN description text;
ALTER TABLE seekers
    ADD COLUMN past_occupations text[] NOT NULL DEFAULT '{}',
    ADD COLUMN certificates     text[] NOT NULL DEFAULT '{}';
