-- The alert row keeps which of the seeker's searches the posting matched, so the matching statement can return them
-- from its own INSERT … RETURNING (no join of two CTEs, which the planner ran as a nested loop).
ALTER TABLE saved_search_alerts ADD COLUMN saved_search_ids uuid[] NOT NULL DEFAULT '{}';
