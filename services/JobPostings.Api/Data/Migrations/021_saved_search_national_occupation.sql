-- Issue 19: a saved search may name a 职业分类大典 2022 code of any level (4, 4-02, 4-02-02, a 细类), as search does; a
-- posting alerts when its 细类 starts with it. Searches saved before have none.
ALTER TABLE saved_searches ADD COLUMN national_occupation_prefix text;
