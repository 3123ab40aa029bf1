-- Issue 19: the 细类 of 职业分类大典 2022 the seeker looks for (e.g. 4-02-02-02), beside the desired occupations as typed:
-- the seeker's, or derived from the desired occupations; null when none names one. Not personal data.
ALTER TABLE profiles ADD COLUMN national_occupation_code text;
