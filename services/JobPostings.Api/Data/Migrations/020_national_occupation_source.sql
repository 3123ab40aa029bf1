-- Issue 19: whether the posting's 职业分类大典 细类 was chosen by the employer ('chosen', kept through edits) or derived
-- from the ESCO code or the title ('derived', derived again when they change). Rows from before hold null: the service
-- reads such a code as derived when the stored title derives it today, else as chosen (NationalOccupationChoice.SourceOf),
-- and the next edit stores the source. SQL cannot derive a code, so the migration does not guess.
ALTER TABLE postings ADD COLUMN national_occupation_source text
    CHECK (national_occupation_source IN ('chosen', 'derived'));
