-- Issue 19: postings' and seekers' 细类 of 职业分类大典 2022 (e.g. 4-02-02-02) beside the ESCO occupation; matching reads
-- it through the crosswalk (a posting coded only in 大典 meets seekers who named the ESCO occupation).
ALTER TABLE postings ADD COLUMN national_occupation_code text;
ALTER TABLE seekers ADD COLUMN national_occupation_code text;
