-- indices_series: every score on or before $end of each index and component, for the scope unit and
-- every unit below it that has scores, for charts (metrics.md § Indices, series).
-- grain: one row per (unit_code, index_code, component, period) dated on or before $end; sorted by
--        unit_code, index_code, component, then oldest period first.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- rank is the published one, else computed as in indices_latest.sql.
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
dated AS (
  SELECT sc.*, u.kind,
    CASE WHEN length(sc.period) = 4 THEN make_date(CAST(sc.period AS INTEGER), 12, 31)
         ELSE last_day(CAST(sc.period || '-01' AS DATE)) END AS period_end
  FROM index_scores sc JOIN units u USING (unit_code)
),
ranked AS (
  SELECT *,
    coalesce(rank, CAST(rank() OVER (PARTITION BY index_code, period, component, kind ORDER BY score DESC) AS INTEGER)) AS eff_rank,
    CASE WHEN rank IS NULL THEN CAST(count(*) OVER (PARTITION BY index_code, period, component, kind) AS INTEGER)
         ELSE rank_of END AS eff_rank_of
  FROM dated
  WHERE period_end <= CAST($end AS DATE)
)
SELECT r.unit_code, r.index_code, r.component, r.period, r.score, r.eff_rank AS rank, r.eff_rank_of AS rank_of
FROM ranked r JOIN scope s ON s.unit_code = r.unit_code
ORDER BY r.unit_code, r.index_code, r.component, r.period_end
