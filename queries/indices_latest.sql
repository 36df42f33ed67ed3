-- indices_latest: the latest score on or before $end of each index and component, for every unit
-- of the scope that has scores, predecessors carried into it included (metrics.md § Indices).
-- grain: one row per (unit_code, index_code, component) with a period dated on or before $end;
--        sorted by unit_code, index_code, component.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- Dating and ranking are index_ranked() of queries/shared/definitions.sql: a predecessor keeps its
-- own scores and its own rank_of (e.g. 63 provinces before a merger, 34 after). prev_* is the
-- previous period present.
WITH mine AS (
  SELECT r.*,
    lag(r.period) OVER w AS prev_period,
    lag(r.score) OVER w AS prev_score,
    lag(r.eff_rank) OVER w AS prev_rank,
    lag(r.eff_rank_of) OVER w AS prev_rank_of,
    row_number() OVER (PARTITION BY r.unit_code, r.index_code, r.component ORDER BY r.period_end DESC) AS recency
  FROM index_ranked(CAST($end AS DATE)) r
  JOIN scope_units($unit, CAST($end AS DATE)) s ON s.unit_code = r.unit_code
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
