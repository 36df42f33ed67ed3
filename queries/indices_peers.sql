-- indices_peers: where the scope unit stands among its peers on each index total, for the brief's
-- ranking chart (e.g. An Giang among the 63 provinces on PAPI).
-- grain: one row per unit of the same kind as $unit scored in the latest period on or before $end
--        that $unit itself has, for each index_code, component TOTAL; sorted by index_code, then rank
--        and unit_code.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- Dating and ranking are index_ranked() of queries/shared/definitions.sql.
WITH ranked AS (
  SELECT * FROM index_ranked(CAST($end AS DATE)) WHERE component = 'TOTAL'
),
latest AS (
  SELECT index_code, period, kind
  FROM ranked
  WHERE unit_code = $unit
  QUALIFY row_number() OVER (PARTITION BY index_code ORDER BY period_end DESC) = 1
)
SELECT r.index_code, r.period, r.unit_code, u.name, u.short_name, r.score, r.eff_rank AS rank,
  r.unit_code = $unit AS is_scope
FROM ranked r JOIN latest l USING (index_code, period, kind)
JOIN units u ON u.unit_code = r.unit_code
ORDER BY r.index_code, r.eff_rank, r.unit_code
