-- indices_latest: the latest score on or before $end of each index and component, for the scope unit
-- and every unit below it that has scores (metrics.md § Indices).
-- grain: one row per (unit_code, index_code, component) with a period dated on or before $end;
--        sorted by unit_code, index_code, component.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- A period YYYY is dated 31 December, YYYY-MM the last day of the month. An empty published rank is
-- computed among every unit of the same kind scored for that index, period and component (ties
-- share the best rank; rank_of = how many were ranked). peer_median and peer_count describe that
-- same group (e.g. the national median of a PAPI dimension). prev_* is the previous period present.
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
    CASE WHEN rank IS NULL THEN CAST(count(*) OVER peers AS INTEGER) ELSE rank_of END AS eff_rank_of,
    rank IS NULL AS rank_computed,
    median(score) OVER peers AS peer_median,
    CAST(count(*) OVER peers AS INTEGER) AS peer_count
  FROM dated
  WHERE period_end <= CAST($end AS DATE)
  WINDOW peers AS (PARTITION BY index_code, period, component, kind)
),
mine AS (
  SELECT r.*,
    lag(r.period) OVER w AS prev_period,
    lag(r.score) OVER w AS prev_score,
    lag(r.eff_rank) OVER w AS prev_rank,
    lag(r.eff_rank_of) OVER w AS prev_rank_of,
    row_number() OVER (PARTITION BY r.unit_code, r.index_code, r.component ORDER BY r.period_end DESC) AS recency
  FROM ranked r JOIN scope s ON s.unit_code = r.unit_code
  WINDOW w AS (PARTITION BY r.unit_code, r.index_code, r.component ORDER BY r.period_end)
)
SELECT
  m.index_code, m.component, m.unit_code, m.period, m.score, m.max_score,
  m.eff_rank AS rank, m.eff_rank_of AS rank_of, m.rank_computed,
  m.prev_period, m.prev_score, m.prev_rank,
  -- rounding removes float noise from the difference of two decimals (42.89 - 41.85).
  round(m.score - m.prev_score, 10) AS delta,
  CASE WHEN m.prev_rank_of IS NOT DISTINCT FROM m.eff_rank_of THEN m.prev_rank - m.eff_rank END AS rank_delta,
  m.score > m.prev_score AS improved,
  m.peer_median, m.peer_count,
  u.name AS unit_name, u.short_name AS unit_short_name, m.kind AS unit_kind
FROM mine m JOIN units u ON u.unit_code = m.unit_code
WHERE m.recency = 1
ORDER BY m.unit_code, m.index_code, m.component
