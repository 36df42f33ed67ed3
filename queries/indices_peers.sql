-- indices_peers: where the scope unit stands among its peers on each index total, for the brief's
-- ranking chart (e.g. An Giang among the 63 provinces on PAPI).
-- grain: one row per unit of the same kind as $unit scored in the latest period on or before $end
--        that $unit itself has, for each index_code, component TOTAL; sorted by index_code, then rank
--        and unit_code.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- rank is the published one, else computed as in indices_latest.sql.
WITH dated AS (
  SELECT sc.*, u.kind,
    CASE WHEN length(sc.period) = 4 THEN make_date(CAST(sc.period AS INTEGER), 12, 31)
         ELSE last_day(CAST(sc.period || '-01' AS DATE)) END AS period_end
  FROM index_scores sc JOIN units u USING (unit_code)
  WHERE sc.component = 'TOTAL'
),
latest AS (
  SELECT index_code, period, kind
  FROM dated
  WHERE unit_code = $unit AND period_end <= CAST($end AS DATE)
  QUALIFY row_number() OVER (PARTITION BY index_code ORDER BY period_end DESC) = 1
),
ranked AS (
  SELECT d.*,
    coalesce(d.rank, CAST(rank() OVER (PARTITION BY d.index_code ORDER BY d.score DESC) AS INTEGER)) AS eff_rank
  FROM dated d JOIN latest l USING (index_code, period, kind)
)
SELECT r.index_code, r.period, r.unit_code, u.name, u.short_name, r.score, r.eff_rank AS rank,
  r.unit_code = $unit AS is_scope
FROM ranked r JOIN units u ON u.unit_code = r.unit_code
ORDER BY r.index_code, r.eff_rank, r.unit_code
