-- online: online public service figures of a scope over a period and its comparison period (cùng
-- kỳ), in total, per by_unit row and per month, with the change of each ratio (metrics.md § Online,
-- § Scope, § Unit history and lineage).
-- grain: one row per grain and key, sorted by grain (scope, previous, delta, unit, month), then
--        unit_code (NULL last) or month:
--        'scope': one row for the period over the scope (units whose successors at $end lie in $unit's tree);
--        'previous': one row for the comparison period over the same scope (still decided at $end),
--                    each row counted by its own dates;
--        'delta': one row: for each of the five ratios and avg_resolution_days, scope minus
--                 previous, null when either is null (the counts are null on this row);
--        'unit': one row per direct child of $unit that has a by_unit row at $end (scope_children),
--                counting its whole subtree, even when empty; one for $unit itself (its own rows)
--                when it has dossiers or dossier_stats counted in the period; one with unit_code
--                NULL for rows whose successors spread over several children, when there are any;
--                the unit rows add up to the scope row;
--        'month': one row per month from $start to $end (YYYY-MM), even a month with nothing counted.
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period),
--         $prev_start, $prev_end (DATE, the comparison period)
-- What counts where is online_cells() of queries/shared/definitions.sql. online_ratio_eligible and
-- online_payment_ratio come from dossiers alone, so they are null when nothing was counted from
-- dossiers. full_online_ratio = received_fully_online / received_fully_known, both over the rows
-- that carry a fully-online value, so it is null when none does. avg_resolution_days = the mean
-- calendar days from received_on to resolved_on of the dossiers resolved (dossier_stats carry no
-- dates and take no part), null when no dossier was resolved. received_records,
-- resolved_records and stats_rows say how many dossier and dossier_stats rows were counted. All grains sum the same cells (branch × month), so dossiers are
-- read once per side, not once per grain.
WITH scope AS MATERIALIZED (
  SELECT unit_code, branch FROM scope_units($unit, CAST($end AS DATE))
),
months AS (
  SELECT strftime(m, '%Y-%m') AS month
  FROM range(date_trunc('month', CAST($start AS DATE)), CAST($end AS DATE) + 1, INTERVAL 1 MONTH) AS r(m)
),
cells AS MATERIALIZED (
  SELECT 'current' AS side, s.branch, c.* EXCLUDE (unit_code)
  FROM online_cells(CAST($start AS DATE), CAST($end AS DATE)) c JOIN scope s USING (unit_code)
  UNION ALL BY NAME
  SELECT 'previous' AS side, s.branch, c.* EXCLUDE (unit_code)
  FROM online_cells(CAST($prev_start AS DATE), CAST($prev_end AS DATE)) c JOIN scope s USING (unit_code)
),
-- Sums per grain; a sum over no dossier cell stays NULL, which makes the dossier-only ratios null.
sums AS (
  SELECT side AS grain, NULL AS unit_code, NULL AS month, sum(COLUMNS(* EXCLUDE (side, branch, month)))
  FROM cells GROUP BY side
  UNION ALL BY NAME
  SELECT 'unit' AS grain, b.unit_code, NULL AS month, c.* EXCLUDE (branch)
  FROM (SELECT unit_code FROM scope_children($unit, CAST($end AS DATE))
        UNION SELECT DISTINCT branch FROM cells WHERE side = 'current' AND (branch = $unit OR branch IS NULL)) b
  LEFT JOIN (SELECT branch, sum(COLUMNS(* EXCLUDE (side, branch, month))) FROM cells WHERE side = 'current' GROUP BY branch) c
    ON c.branch IS NOT DISTINCT FROM b.unit_code
  UNION ALL BY NAME
  SELECT 'month' AS grain, NULL AS unit_code, m.month, c.* EXCLUDE (month)
  FROM months m
  LEFT JOIN (SELECT month, sum(COLUMNS(* EXCLUDE (side, branch, month))) FROM cells WHERE side = 'current' GROUP BY month) c
    ON c.month = m.month
),
-- A side with no cell at all still gets its row of zeros.
sides AS (
  SELECT s.* FROM sums s
  UNION ALL BY NAME
  SELECT g AS grain FROM (VALUES ('current'), ('previous')) v(g) WHERE g NOT IN (SELECT grain FROM sums)
),
figures AS (
  SELECT CASE grain WHEN 'current' THEN 'scope' ELSE grain END AS grain, unit_code, month,
    coalesce(received_records, 0) + coalesce(stats_received, 0) AS received,
    coalesce(received_online_records, 0) + coalesce(stats_received_online, 0) AS received_online,
    received_online_eligible, received_eligible,
    coalesce(resolved_records, 0) + coalesce(stats_resolved, 0) AS resolved,
    coalesce(resolved_on_time_records, 0) + coalesce(stats_resolved_on_time, 0) AS resolved_on_time,
    paid_online,
    coalesce(received_fully_online_records, 0) + coalesce(stats_received_fully_online, 0) AS received_fully_online,
    coalesce(received_fully_known_records, 0) + coalesce(stats_received_fully_known, 0) AS received_fully_known,
    coalesce(received_records, 0) AS received_records,
    coalesce(resolved_records, 0) AS resolved_records,
    coalesce(stats_rows, 0) AS stats_rows,
    resolution_days
  FROM sides
),
ratios AS (
  SELECT
    f.grain, f.unit_code, f.month, u.name, u.short_name, u.kind,
    f.received,
    f.received_online,
    f.received_online / nullif(f.received, 0) AS online_ratio,
    f.received_online_eligible / nullif(f.received_eligible, 0) AS online_ratio_eligible,
    f.resolved,
    f.resolved_on_time,
    f.resolved_on_time / nullif(f.resolved, 0) AS on_time_rate,
    f.paid_online / nullif(f.resolved_records, 0) AS online_payment_ratio,
    f.received_fully_online / nullif(f.received_fully_known, 0) AS full_online_ratio,
    f.resolution_days / nullif(f.resolved_records, 0) AS avg_resolution_days,
    f.received_fully_online, f.received_fully_known,
    f.received_records, f.resolved_records, f.stats_rows
  FROM figures f LEFT JOIN units u ON u.unit_code = f.unit_code
)
SELECT * FROM (
  SELECT * FROM ratios
  UNION ALL BY NAME
  SELECT 'delta' AS grain,
  c.online_ratio - p.online_ratio AS online_ratio,
  c.online_ratio_eligible - p.online_ratio_eligible AS online_ratio_eligible,
  c.on_time_rate - p.on_time_rate AS on_time_rate,
  c.online_payment_ratio - p.online_payment_ratio AS online_payment_ratio,
  c.full_online_ratio - p.full_online_ratio AS full_online_ratio,
  c.avg_resolution_days - p.avg_resolution_days AS avg_resolution_days
  FROM ratios c, ratios p
  WHERE c.grain = 'scope' AND p.grain = 'previous'
)
ORDER BY CASE grain WHEN 'scope' THEN 0 WHEN 'previous' THEN 1 WHEN 'delta' THEN 2 WHEN 'unit' THEN 3 ELSE 4 END,
  unit_code NULLS LAST, month
