-- Campaigns for the seekers of a key group who are not in a job (docs/decisions/062): placed means a hire or a
-- follow-up finding them in the job, with no later follow-up finding they left it (matching's interactions).
ALTER TABLE campaigns ADD COLUMN unplaced_only boolean NOT NULL DEFAULT false;
