-- Issue 19: the posting's 细类 of 职业分类大典 2022 (e.g. 4-02-02-02) beside the ESCO occupation code, as the employer
-- gave it or derived from the ESCO code or the title; null when neither names one. Reports by 大典 code read it later.
ALTER TABLE postings ADD COLUMN national_occupation_code text;
