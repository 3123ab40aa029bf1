-- Issue 19: whether the profile's 职业分类大典 细类 was chosen by the seeker ('chosen', kept through edits) or derived from
-- the desired occupations ('derived', derived again when they change). Rows from before hold null: the service reads
-- such a code as derived when the stored desired occupations derive it today, else as chosen
-- (NationalOccupationChoice.SourceOf), and the next save stores the source. SQL cannot derive a code, so the migration
-- does not guess.
ALTER TABLE profiles ADD COLUMN national_occupation_source text
    CHECK (national_occupation_source IN ('chosen', 'derived'));
