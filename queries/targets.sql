-- targets: the target of each metric for the year of $end that applies to a scope (metrics.md § Online, target).
-- grain: one row per metric that has a target that year: the row of $unit itself, else of its
--        nearest ancestor through parent_code, else the row with an empty unit_code.
-- params: $unit (unit_code of the scope), $end (DATE; its year is the target year)
WITH RECURSIVE up(unit_code, depth) AS (
  SELECT unit_code, 0 FROM units WHERE unit_code = $unit
  UNION ALL
  SELECT u.parent_code, up.depth + 1
  FROM up JOIN units u ON u.unit_code = up.unit_code
  -- the depth bound stops a parent cycle in a hand-made database; loaded data has none.
  WHERE u.parent_code IS NOT NULL AND up.depth < 1000
),
candidates AS (
  SELECT t.metric, t.target, nullif(t.unit_code, '') AS unit_code, coalesce(up.depth, 1000000) AS depth
  FROM targets t LEFT JOIN up ON up.unit_code = t.unit_code
  WHERE t.year = year(CAST($end AS DATE))
    AND (nullif(t.unit_code, '') IS NULL OR up.depth IS NOT NULL)
)
SELECT metric, target, unit_code
FROM candidates
QUALIFY row_number() OVER (PARTITION BY metric ORDER BY depth) = 1
ORDER BY metric
