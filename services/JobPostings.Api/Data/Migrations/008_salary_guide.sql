-- Issues 15 and 16: the salary guide (工资指导), posted pay per occupation and league over the last 12 months, that
-- screening's implausible-pay check reads instead of constants and the caseworkers' monitoring will chart.
-- A materialized view: SalaryGuide/SalaryGuideRefresh.cs refreshes it (CONCURRENTLY, so readers never wait) on a timer.

-- The wider occupation a code falls back to: 4-02-06 → 4-02, 4-02 → 4, an ISCO-style 7212 → 72.
CREATE FUNCTION occupation_group(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN code LIKE '%-%-%' THEN split_part(code, '-', 1) || '-' || split_part(code, '-', 2)
                WHEN code LIKE '%-%' THEN split_part(code, '-', 1)
                ELSE left(code, 2) END
$$;

-- Each posting counts once per level: its occupation in its league (region code's first four digits) and in the whole
-- region (first two), and its occupation group in both. Pay is the middle of the stated range (or the one end given).
-- Only postings that went live count (never drafts, rejected ones, or same-employer copies).
CREATE MATERIALIZED VIEW salary_guide AS
WITH pay AS (
    SELECT occupation_code AS occupation, occupation_group(occupation_code) AS occupation_group,
           left(region_code, 4) AS league, left(region_code, 2) AS region,
           COALESCE((salary_min + salary_max) / 2, salary_min, salary_max) AS monthly
    FROM postings
    WHERE published_at > now() - interval '12 months' AND status IN ('Published', 'Closed', 'Expired')
      AND duplicate_of IS NULL AND occupation_code IS NOT NULL AND COALESCE(salary_min, salary_max) > 0
), levels AS (
    SELECT 'occupation' AS scope, occupation, league AS area, monthly FROM pay
    UNION ALL SELECT 'occupation', occupation, region, monthly FROM pay
    UNION ALL SELECT 'group', occupation_group, league, monthly FROM pay
    UNION ALL SELECT 'group', occupation_group, region, monthly FROM pay
)
SELECT scope, occupation, area, count(*)::integer AS postings,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY monthly)::numeric(12, 2) AS lower_quartile,
       percentile_cont(0.50) WITHIN GROUP (ORDER BY monthly)::numeric(12, 2) AS median,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY monthly)::numeric(12, 2) AS upper_quartile,
       now() AS computed_at
FROM levels
GROUP BY scope, occupation, area;

-- REFRESH … CONCURRENTLY needs a unique index; the lookups use it too.
CREATE UNIQUE INDEX salary_guide_key ON salary_guide (scope, occupation, area);
