-- Issue 14: the employer's name as its account names it, shown on public job pages until organisations (issue 15)
-- carry the verified name.
ALTER TABLE postings ADD COLUMN employer_name text;
