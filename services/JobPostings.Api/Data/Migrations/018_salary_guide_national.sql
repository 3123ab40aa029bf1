-- Issue 19: the salary guide by 职业分类大典 2022 beside the one by the posting's occupation code (008): posted pay per
-- 细类, 小类, 中类 and 大类 in each league and the whole region, over the last 12 months. Refreshed with salary_guide
-- (SalaryGuide/SalaryGuideStore.cs); read with scheme=national.

-- Each posting counts once per level of its 细类 (4-02-02-02, 4-02-02, 4-02, 4) and per area: its league (the region
-- code's first four digits) and the whole region (first two). Pay is the middle of the stated range (or the one end given).
CREATE MATERIALIZED VIEW salary_guide_national AS
WITH pay AS (
    SELECT national_occupation_code AS code, left(region_code, 4) AS league, left(region_code, 2) AS region,
           COALESCE((salary_min + salary_max) / 2, salary_min, salary_max) AS monthly
    FROM postings
    WHERE published_at > now() - interval '12 months' AND status IN ('Published', 'Closed', 'Expired')
      AND duplicate_of IS NULL AND national_occupation_code IS NOT NULL AND COALESCE(salary_min, salary_max) > 0
), levels AS (
    SELECT level.scope, left(pay.code, level.length) AS occupation, area.code AS area, pay.monthly
    FROM pay
    CROSS JOIN (VALUES ('occupation', 10), ('minorGroup', 7), ('middleGroup', 4), ('majorGroup', 1)) AS level(scope, length)
    CROSS JOIN LATERAL (VALUES (pay.league), (pay.region)) AS area(code)
)
SELECT scope, occupation, area, count(*)::integer AS postings,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY monthly)::numeric(12, 2) AS lower_quartile,
       percentile_cont(0.50) WITHIN GROUP (ORDER BY monthly)::numeric(12, 2) AS median,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY monthly)::numeric(12, 2) AS upper_quartile,
       now() AS computed_at
FROM levels
GROUP BY scope, occupation, area;

CREATE UNIQUE INDEX salary_guide_national_key ON salary_guide_national (scope, occupation, area);
