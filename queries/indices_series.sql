-- indices_series: every score on or before $end of each index and component, for every unit of the
-- scope that has scores, for charts (metrics.md § Indices, series).
-- grain: one row per (unit_code, index_code, component, period) dated on or before $end; sorted by
--        unit_code, index_code, component, then oldest period first.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- Dating, ranking and the scope are those of indices_latest.sql.
SELECT r.unit_code, r.index_code, r.component, r.period, r.score, r.eff_rank AS rank, r.eff_rank_of AS rank_of
FROM index_ranked(CAST($end AS DATE)) r
JOIN scope_units($unit, CAST($end AS DATE)) s ON s.unit_code = r.unit_code
ORDER BY r.unit_code, r.index_code, r.component, r.period_end
